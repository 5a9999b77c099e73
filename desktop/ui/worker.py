"""Background work, one way: a :class:`Worker` runs a plain function on Qt's thread pool and
reports back through queued signals on the GUI thread — started, progressed, done, failed,
cancelled, then finished. The function gets a ``progress(step, fraction) -> bool`` callback that
answers False once the work is cancelled (Orange's ``ConcurrentWidgetMixin`` and Vorta's workers
follow the same shape). Dataset loading and the search index both run on it.

A job that *gives way* (the default) pauses at its checkpoints (:mod:`desktop.base.checkpoint`,
and each progress report) while the window's thread does work a person waits for, so that typing
and painting do not wait for the interpreter behind it; see :class:`_Courtesy`. While such a job
runs, the garbage collector leaves the objects that were there before it alone; see
:class:`_HeapHold`."""

from __future__ import annotations

import gc
import logging
import threading
import time
from contextlib import contextmanager
from typing import Callable, Iterator

from PySide6.QtCore import QObject, QThreadPool, Signal

from desktop.base.checkpoint import pausing_with
from desktop.domain.errors import DatasetError, LoadCancelled
from desktop.domain.schema import Progress

log = logging.getLogger(__name__)


#: After the window's thread has done work a person waits for (a keystroke's search, a page, a
#: chart), jobs stay paused this long more: the paint that follows has the interpreter too.
BUSY_HOLD_S = 0.03
#: The longest a job waits at one checkpoint: a window kept busy (typing without a pause) slows a
#: job down but never stops it.
MAX_PAUSE_S = 0.1


class _Courtesy:
    """Jobs that give way pause at their checkpoints while the window's thread is busy.

    Python runs one thread at a time, and PySide6 hands the interpreter over at each call into
    Qt: with a job computing beside it, the window's thread waits for its turn again at every
    call back into Python (a tree row's text, a card's label). At 100k facts the many calls of a
    keystroke's search or of a page added up to frames frozen for a second (make bench,
    "typing"). The window marks such work with :func:`window_busy`; a job that reaches a
    checkpoint meanwhile sleeps (holding nothing) until the work and its paint are done."""

    def __init__(self) -> None:
        self._depth = 0        # window_busy blocks running now (GUI thread)
        self._until = 0.0      # and the hold after the last one, time.monotonic()

    # ---- GUI thread
    @contextmanager
    def busy(self, hold: float = BUSY_HOLD_S) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1
            self._until = max(self._until, time.monotonic() + hold)

    # ---- worker thread
    def pause(self) -> None:
        deadline = time.monotonic() + MAX_PAUSE_S
        while True:
            now = time.monotonic()
            if now >= deadline or not (self._depth or now < self._until):
                return
            # while the work runs its end is unknown: look again in 5 ms; after it, sleep the hold
            wake = now + 0.005 if self._depth else self._until
            time.sleep(min(deadline, wake) - now)


_COURTESY = _Courtesy()


class _HeapHold:
    """While jobs that give way run, the objects alive before the first of them are kept out of
    the garbage collector's full passes (``gc.freeze``); when the last one ends they are handed
    back (``gc.unfreeze``), so nothing that becomes garbage later is kept.

    A job allocates fast (a parser's chunks, an index's words), and every so often that triggers
    a full pass over every object of the process: the modules, classes and functions of Qt,
    pandas and pyqtgraph, some 100,000 of them, for 35–70 ms. The pass runs on whichever thread
    allocated, holding the interpreter, so the window froze for it in the middle of typing
    (``make bench``, "typing"). With the old objects held back, a pass looks at the job's own."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._jobs = 0

    def hold(self) -> None:
        with self._lock:
            self._jobs += 1
            gc.freeze()

    def release(self) -> None:
        with self._lock:
            self._jobs -= 1
            if self._jobs == 0:
                gc.unfreeze()


_HEAP = _HeapHold()


def window_busy(hold: float = BUSY_HOLD_S):
    """``with window_busy():`` (or as a method decorator) around work of the window's thread
    that a person waits for: jobs that give way pause until it is done and ``hold`` s more."""
    return _COURTESY.busy(hold)


class Worker(QObject):
    started = Signal()
    progressed = Signal(str, float)
    done = Signal(object)        # the function's result
    failed = Signal(object)      # the exception it raised
    cancelled = Signal()
    finished = Signal()          # after exactly one of done / failed / cancelled

    def __init__(self, fn: Callable[[Progress], object], name: str, parent: QObject | None = None,
                 gives_way: bool = True):
        """``gives_way``: pause at checkpoints while the window is busy (see the module)."""
        super().__init__(parent)
        self.gives_way = gives_way
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
        if self.gives_way:
            _HEAP.hold()
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
        self._give_way()
        return not self._cancel.is_set()

    def _give_way(self) -> None:
        if self.gives_way and not self._cancel.is_set():
            _COURTESY.pause()

    def _checkpoint(self) -> None:
        """Each checkpoint of the job: a cancelled job ends there. Between two of its progress
        reports a job may run for seconds (a search index's columns at a million facts), and a
        cancelled one ran on to the next report without giving way: the next dataset's tree
        waited for it, 4-8 s at a million facts."""
        if self._cancel.is_set():
            raise LoadCancelled()
        self._give_way()

    def _run(self) -> None:
        try:
            with pausing_with(self._checkpoint):
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
            if self.gives_way:
                _HEAP.release()
            self._ended.set()
            self._emit(self.finished)

    @staticmethod
    def _emit(signal, *args) -> None:
        try:
            signal.emit(*args)
        except RuntimeError:  # the owner (a window) was closed while the job ran
            pass
