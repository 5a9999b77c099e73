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


def hand_over_from_splash(window) -> None:
    """Close the splash screen and give ``window`` the keyboard. The splash is a window of its
    own and has the focus; when it goes, X gives the focus back to the screen, not to the app's
    window, unless a window manager steps in. Without one (a kiosk PC), every key the reader
    pressed went nowhere. (The app has not been active yet: it asks regardless.)"""
    from desktop.ui.keyboard import ask_for_keyboard
    close_splash()
    ask_for_keyboard(window, only_if_app_active=False)


def running_offscreen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")
