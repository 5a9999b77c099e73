"""A dataset folder's fingerprint: what a cached view of it is checked against, so that a view
made from other data is never shown."""

from __future__ import annotations

import hashlib
from pathlib import Path


def folder_fingerprint(folder: Path) -> str:
    """sha256 over every file's relative path and bytes, in a stable order (the bundled data:
    about 200 KB, a millisecond)."""
    digest = hashlib.sha256()
    for path in sorted(p for p in Path(folder).rglob("*") if p.is_file()):
        digest.update(path.relative_to(folder).as_posix().encode("utf-8") + b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()
