"""Checkpoints: the places where long work on a worker thread may pause for the window.

Python runs one thread at a time. While a worker parses a large dataset or builds its search
index, the window's thread waits for the interpreter at every call back from Qt (a tree row's
text, a keystroke's handler), and dozens of such waits freeze a frame (``make bench``, "typing").
Long domain work therefore calls :func:`checkpoint` between steps of a few milliseconds; the job
that runs it installs a hook with :func:`pausing_with` that waits there while the window is busy
(and raises there once the job is cancelled, so that it ends within a step).
Outside such a job :func:`checkpoint` does nothing, so the domain stays free of any UI."""

from __future__ import annotations

import threading
from contextlib import contextmanager
from typing import Callable, Iterator

_local = threading.local()


def checkpoint() -> None:
    """A moment at which this thread's work may pause: calls the hook installed for this thread,
    if any."""
    hook = getattr(_local, "hook", None)
    if hook is not None:
        hook()


@contextmanager
def pausing_with(hook: Callable[[], None]) -> Iterator[None]:
    """Run the block with ``hook`` called at each of this thread's checkpoints."""
    previous = getattr(_local, "hook", None)
    _local.hook = hook
    try:
        yield
    finally:
        _local.hook = previous
