"""Start-up timing for benchmarks/run.py, on only when ``BRI_FACTS_BENCH=1``: the window's
``contentPainted`` signal, printed as ``BRI_FACTS_BENCH <content|chart> <seconds>`` (seconds
since ``BRI_FACTS_BENCH_T0``, the launcher's ``time.perf_counter()`` just before it started
this process), and ``ready`` when the data is in; the app quits once it has both its first chart
and its data. The harness measures everything else."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer


def report_paints(app, window) -> None:
    t0 = float(os.environ.get("BRI_FACTS_BENCH_T0") or time.perf_counter())

    seen = set() if window.waiting else {"ready"}  # an ordinary start has its data already

    def painted(what: str) -> None:
        sys.stdout.write(f"BRI_FACTS_BENCH {what} {time.perf_counter() - t0:.4f}\n")
        sys.stdout.flush()
        seen.add(what)
        # quit once the first chart is painted and the data is in (a chart drawn from the
        # snapshot comes before the data: the process's time and memory include loading it)
        if "ready" in seen and ("chart" in seen or not window.specs):
            QTimer.singleShot(0, app.quit)
    window.contentPainted.connect(painted)
    window.datasetChanged.connect(lambda dataset: dataset is not None and painted("ready"))
