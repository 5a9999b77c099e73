"""What differs between the platforms the app runs on, in one place: the splash screen of the
single-file build, and whether there is a real screen at all."""

from __future__ import annotations

import logging
import os
import sys

log = logging.getLogger(__name__)


def splash_supported(platform: str | None = None) -> bool:
    """PyInstaller's splash screen exists on Windows and Linux; not on macOS (an .app bundle)."""
    return (platform or sys.platform) != "darwin"


def close_splash() -> None:
    """Close the splash screen of the single-file build (PyInstaller's pyi_splash), if one is up.
    Only the bootloader that shows a splash sets _PYI_SPLASH_IPC; elsewhere this does nothing."""
    if "_PYI_SPLASH_IPC" not in os.environ and "pyi_splash" not in sys.modules:
        return
    try:
        import pyi_splash  # provided by the frozen build only
        pyi_splash.close()
    except Exception:  # no splash, or it is gone already: nothing to close
        log.debug("splash screen not closed", exc_info=True)


def splash_showing() -> bool:
    return "_PYI_SPLASH_IPC" in os.environ


def running_offscreen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")
