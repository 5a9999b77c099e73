"""Logging to a rotating file in the user's log folder, and native crashes via faulthandler.

The window's start opens the file with logging's plain ``FileHandler`` and hands it to the
rotating one a few seconds after its first paint (:func:`rotate_log`): ``logging.handlers``
imports socket, pickle and queue, ~25 ms that neither the first paint nor the data's arrival
need wait for. Same file, appended to."""

from __future__ import annotations

import faulthandler
import logging
import sys

from desktop.base.userdirs import log_dir

LOG_NAME = "bri-facts.log"
LOG_BYTES, LOG_BACKUPS = 1_000_000, 5
_crash_file = None


def _rotating(path) -> logging.Handler:
    import logging.handlers
    return logging.handlers.RotatingFileHandler(path, maxBytes=LOG_BYTES, backupCount=LOG_BACKUPS,
                                                encoding="utf-8")


def setup_logging(level: int = logging.INFO, force: bool = False,
                  rotate: bool = True) -> str | None:
    """Send the app's logs to ``<log dir>/bri-facts.log`` (rotated, 5 × 1 MB) and to stderr.
    Returns the log file path, or None when the folder cannot be written (then stderr only).
    Called once at start-up; ``force`` re-targets it (the log folder changed). ``rotate=False``:
    a plain handler until :func:`rotate_log` (the window's start)."""
    root = logging.getLogger()
    if getattr(root, "_bri_configured", False):
        if not force:
            return getattr(root, "_bri_path", None)
        for handler in getattr(root, "_bri_handlers", []):
            root.removeHandler(handler)
            handler.close()
    root.setLevel(level)
    fmt = logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s")
    stream = logging.StreamHandler(sys.stderr)
    stream.setFormatter(fmt)
    stream.setLevel(logging.WARNING)
    root.addHandler(stream)
    added = [stream]
    path = None
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        handler = _rotating(path) if rotate else logging.FileHandler(path, encoding="utf-8")
        handler.setFormatter(fmt)
        root.addHandler(handler)
        added.append(handler)
        global _crash_file
        if _crash_file is not None:
            _crash_file.close()
        _crash_file = open(folder / "native-crash.log", "a", encoding="utf-8")  # noqa: SIM115
        faulthandler.enable(_crash_file)
    except OSError as exc:
        logging.getLogger(__name__).warning("cannot write the log folder (%s); logging to stderr", exc)
        path = None
    root._bri_handlers = added  # type: ignore[attr-defined]
    root._bri_configured = True  # type: ignore[attr-defined]
    root._bri_path = str(path) if path else None  # type: ignore[attr-defined]
    return root._bri_path  # type: ignore[attr-defined]


def rotate_log() -> None:
    """Hand the log file from the plain handler of ``setup_logging(rotate=False)`` to the
    rotating one (added before the plain one goes, so no record is lost)."""
    root = logging.getLogger()
    handlers = getattr(root, "_bri_handlers", [])
    for i, plain in enumerate(handlers):
        if type(plain) is logging.FileHandler:
            try:
                handler = _rotating(plain.baseFilename)
            except OSError as exc:  # the folder went away since start-up: keep the plain file
                logging.getLogger(__name__).warning("cannot rotate the log (%s)", exc)
                return
            handler.setFormatter(plain.formatter)
            root.addHandler(handler)
            root.removeHandler(plain)
            plain.close()
            handlers[i] = handler
