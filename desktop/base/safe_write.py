"""Every file the app writes goes to a temporary file in the same folder and is renamed into
place, so an interrupted or failed write never leaves a half-written file under the final name."""

from __future__ import annotations

import os
from contextlib import contextmanager
from pathlib import Path
from typing import Callable, Iterator


class WriteError(Exception):
    """A file could not be written; the message says what and where, in plain words."""


def _plain(exc: OSError, path: Path) -> str:
    import errno
    reasons = {
        errno.EACCES: "permission denied: the folder is read-only or belongs to someone else",
        errno.EPERM: "permission denied",
        errno.ENOSPC: "the disk is full",
        errno.EROFS: "the disk is read-only",
        errno.ENOENT: "the folder does not exist (was it removed, or the drive unplugged?)",
        errno.ENOTDIR: "a part of the path is a file, not a folder",
        errno.EISDIR: "a folder of that name is in the way",
        errno.ENAMETOOLONG: "the file name is too long",
    }
    reason = reasons.get(exc.errno, exc.strerror or str(exc))
    return f"Could not write {path}: {reason}."


@contextmanager
def atomic_path(path: str | Path, overwrite: bool = True) -> Iterator[Path]:
    """Yield a temporary path next to ``path``; on success it replaces ``path`` atomically."""
    target = Path(path)
    if not overwrite and target.exists():
        raise WriteError(f"{target} already exists.")
    folder = target.parent
    try:
        import tempfile  # on the first write, not at start-up (it imports shutil and random)
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=folder)
        os.close(fd)
    except OSError as exc:
        raise WriteError(_plain(exc, target)) from None
    tmp = Path(tmp_name)
    try:
        yield tmp
        if tmp.stat().st_size == 0:
            raise WriteError(f"Could not write {target}: nothing was produced.")
        os.replace(tmp, target)
    except OSError as exc:
        raise WriteError(_plain(exc, target)) from None
    finally:
        if tmp.exists():
            try:
                tmp.unlink()
            except OSError:
                pass


def write_bytes(path: str | Path, data: bytes, overwrite: bool = True) -> Path:
    with atomic_path(path, overwrite) as tmp:
        try:
            with open(tmp, "wb") as handle:
                handle.write(data)
                handle.flush()
                os.fsync(handle.fileno())
        except OSError as exc:
            raise WriteError(_plain(exc, Path(path))) from None
    return Path(path)


def write_with(path: str | Path, writer: Callable[[Path], object], overwrite: bool = True) -> Path:
    """Let ``writer(tmp_path)`` produce the file (e.g. QImage.save), then rename it into place."""
    with atomic_path(path, overwrite) as tmp:
        result = writer(tmp)
        if result is False:
            raise WriteError(f"Could not write {path}: the image or document could not be encoded.")
    return Path(path)
