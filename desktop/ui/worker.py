"""Background work, one way: a :class:`Worker` runs a plain function on Qt's thread pool and
reports back through queued signals on the GUI thread — started, progressed, done, failed,
cancelled, then finished. The function gets a ``progress(step, fraction) -> bool`` callback that
answers False once the work is cancelled (Orange's ``ConcurrentWidgetMixin`` and Vorta's workers
follow the same shape). Dataset loading and the search index both run on it."""

from __future__ import annotations

import logging
import threading
from typing import Callable

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.domain.errors import DatasetError, LoadCancelled

log = logging.getLogger(__name__)

Progress = Callable[[str, float], bool]


class Worker(QObject):
    started = Signal()
    progressed = Signal(str, float)
    done = Signal(object)        # the function's result
    failed = Signal(object)      # the exception it raised
    cancelled = Signal()
    finished = Signal()          # after exactly one of done / failed / cancelled

    def __init__(self, fn: Callable[[Progress], object], name: str, parent: QObject | None = None):
        super().__init__(parent)
        self.setObjectName(name)
        self.name = name  # for the log, also after the owner is gone
        self.fn = fn
        self._cancel = threading.Event()
        self._running = False
        self._ended = threading.Event()

    # ---- GUI thread
    def start(self, pool: QThreadPool | None = None) -> "Worker":
        self._running = True
        self.started.emit()
        (pool or QThreadPool.globalInstance()).start(self._run)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    def is_cancelled(self) -> bool:
        return self._cancel.is_set()

    def is_running(self) -> bool:
        return self._running and not self._ended.is_set()

    def wait(self, timeout: float | None = None) -> bool:
        """Block until the function has returned (used when the app quits)."""
        return self._ended.wait(timeout)

    # ---- worker thread
    def progress(self, step: str, fraction: float) -> bool:
        if self._cancel.is_set():
            return False
        self._emit(self.progressed, step, float(fraction))
        return not self._cancel.is_set()

    def _run(self) -> None:
        try:
            result = self.fn(self.progress)
        except LoadCancelled:
            self._emit(self.cancelled)
        except Exception as exc:  # reported to the owner, who says what went wrong
            if not isinstance(exc, DatasetError):  # a bad file is the user's news, not a bug
                log.exception("background job %s failed", self.name)
            self._emit(self.failed, exc)
        else:
            if self._cancel.is_set():
                self._emit(self.cancelled)
            else:
                self._emit(self.done, result)
        finally:
            self._ended.set()
            self._emit(self.finished)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the owner (a window) was closed while the job ran
            pass
