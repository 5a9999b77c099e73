"""The one place that knows where the bundled `data/` and `resources/` folders are.

Frozen (PyInstaller) builds unpack them under ``sys._MEIPASS`` at the same relative paths as in
the source tree, so every lookup below is identical in both cases. Names are relative and may not
climb out of their folder (qutebrowser's ``utils/resources.py`` does the same).
"""

from __future__ import annotations

import sys
from pathlib import Path, PurePosixPath


def bundle_root() -> Path:
    """The folder holding ``data/`` and ``resources/``: the repo root, or the unpacked bundle."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root)
    return Path(__file__).resolve().parents[2]


def _safe_join(base: Path, name: str) -> Path:
    parts = PurePosixPath(name.replace("\\", "/"))
    # ":" also rules out a Windows drive ("C:x" joined on Windows leaves the bundle for drive C:)
    if parts.is_absolute() or ".." in parts.parts or not name or ":" in name:
        raise ValueError(f"not a bundled file name: {name!r}")
    return base.joinpath(*parts.parts)


def resource_path(name: str) -> Path:
    """A file under ``resources/``, e.g. ``resource_path("fonts/OFL.txt")``."""
    return _safe_join(bundle_root() / "resources", name)


def data_path(name: str = "") -> Path:
    """The bundled dataset folder, or a file in it."""
    base = bundle_root() / "data"
    return _safe_join(base, name) if name else base


def is_frozen() -> bool:
    return bool(getattr(sys, "frozen", False))
