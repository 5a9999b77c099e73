"""Start-up timing for benchmarks/run.py, on only when ``BRI_FACTS_BENCH=1``: the window's
``contentPainted`` signal, printed as ``BRI_FACTS_BENCH <content|chart> <seconds>`` (seconds
since ``BRI_FACTS_BENCH_T0``, the launcher's ``time.perf_counter()`` just before it started
this process); the app quits after the first chart. The harness measures everything else."""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QTimer


def report_paints(app, window) -> None:
    t0 = float(os.environ.get("BRI_FACTS_BENCH_T0") or time.perf_counter())

    def painted(what: str) -> None:
        sys.stdout.write(f"BRI_FACTS_BENCH {what} {time.perf_counter() - t0:.4f}\n")
        sys.stdout.flush()
        if what == "chart" or not (window.specs or window.waiting):
            QTimer.singleShot(0, app.quit)
    window.contentPainted.connect(painted)
