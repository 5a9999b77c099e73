"""Start-up timing for benchmarks/run.py, active only when ``BRI_FACTS_BENCH=1``.

Prints one marker line per milestone on stdout, ``BRI_FACTS_BENCH <name> <seconds>``, the
seconds counted from the process start (``BRI_FACTS_BENCH_T0``, a ``time.perf_counter()``
reading the launcher took just before starting the process; CLOCK_MONOTONIC is system-wide on
Linux and macOS), then quits once the first chart has been painted:

  content   first paint of the window with the tree filled and the first fact or theme shown
  chart     first paint of the chart canvas with its bars
  rss       peak resident memory of this process so far, in MiB (not seconds)
"""

from __future__ import annotations

import os
import sys
import time

from PySide6.QtCore import QEvent, QObject, QTimer


def elapsed() -> float:
    t0 = os.environ.get("BRI_FACTS_BENCH_T0")
    if t0:
        return time.perf_counter() - float(t0)
    return process_age()


def process_age() -> float:
    """Seconds since this process started, from /proc (Linux); else since this module loaded."""
    try:
        with open("/proc/self/stat", encoding="ascii") as handle:
            start_ticks = int(handle.read().rsplit(")", 1)[1].split()[19])
        boot = time.clock_gettime(time.CLOCK_BOOTTIME)
        return boot - start_ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, AttributeError, IndexError):
        return time.perf_counter() - _LOADED


_LOADED = time.perf_counter()


def peak_rss_mib() -> float:
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def mark(name: str, value: float | None = None) -> None:
    value = elapsed() if value is None else value
    sys.stdout.write(f"BRI_FACTS_BENCH {name} {value:.4f}\n")
    sys.stdout.flush()


class _Watcher(QObject):
    def __init__(self, app, window) -> None:
        super().__init__(app)
        self.app, self.window = app, window
        self.content = self.chart = False

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() != QEvent.Type.Paint:
            return False
        w = self.window
        if not self.content and watched is w.tree.viewport() and w.model.rowCount() > 0 \
                and w.tree.currentIndex().isValid():
            self.content = True
            mark("content")
        chart = w._chart  # made just after the first paint; asking w.chart would make it now
        if not self.chart and chart is not None and watched is chart.viewport() \
                and chart.bar_values():
            self.chart = True
            mark("chart")
        if self.content and (self.chart or not w.specs):
            self.app.removeEventFilter(self)
            mark("rss", peak_rss_mib())
            QTimer.singleShot(0, self.app.quit)
        return False


def install(app, window) -> None:
    mark("window")  # the window is built and shown (not painted yet)
    app.installEventFilter(_Watcher(app, window))
