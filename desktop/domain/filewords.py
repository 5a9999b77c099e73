"""How a file's problems are said to the person who picked it: sizes, the system's reasons,
what a path is. Shared by the reader and the archive reader."""

from __future__ import annotations

import errno
import stat


def size_text(count: int) -> str:
    """A byte count as a person reads it: 512 MiB, 3.2 MiB, 900 KiB, 120 bytes."""
    if count >= 100 * 2**20:
        return f"{count / 2**20:,.0f} MiB"
    if count >= 2**20:
        return f"{count / 2**20:,.1f} MiB"
    if count >= 10 * 2**10:
        return f"{count / 2**10:,.0f} KiB"
    return f"{count:,} bytes"


def os_reason(exc: BaseException) -> str:
    """Why the system refused a file, in words (its error number's, when it has one)."""
    reasons = {errno.EACCES: "permission denied", errno.EPERM: "permission denied",
               errno.ELOOP: "a link that points to itself, in a loop",
               errno.ENAMETOOLONG: "the name is too long", errno.EIO: "the disk could not be read"}
    code = getattr(exc, "errno", None)
    return reasons.get(code) or getattr(exc, "strerror", None) or str(exc) or type(exc).__name__


def file_kind(mode: int) -> str:
    """What a path that is not an ordinary file is: a folder, a pipe, a socket, a device."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"
