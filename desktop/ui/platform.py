"""What differs between the platforms the app runs on, in one place: the splash screen of the
single-file build, and whether there is a real screen at all."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QEvent, QObject

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


#: When the keyboard is to go back to the window, it asks for it at these times (ms) while no
#: window of the app has it: a window that goes (the splash, a dialog) keeps the focus until
#: it has gone, a moment after it is asked to.
HAND_OVER_MS = (0, 150, 400, 1000)


def ask_for_keyboard(window, only_if_app_active: bool = True) -> None:
    """Give ``window`` the keyboard once no window of the app has it. ``only_if_app_active``:
    not while the reader is in another program (a window manager says so)."""
    from PySide6.QtCore import QTimer, Qt
    from PySide6.QtWidgets import QApplication

    def ask() -> None:
        if not window.isVisible() or QApplication.activeWindow() is not None:
            return
        if only_if_app_active and \
                QApplication.applicationState() != Qt.ApplicationState.ApplicationActive:
            return
        window.activateWindow()
    for ms in HAND_OVER_MS:
        QTimer.singleShot(ms, window, ask)


def hand_over_from_splash(window) -> None:
    """Close the splash screen and give ``window`` the keyboard. The splash is a window of its
    own and has the focus; when it goes, X gives the focus back to the screen, not to the app's
    window, unless a window manager steps in. Without one (a kiosk PC), every key the reader
    pressed went nowhere. (The app has not been active yet: it asks regardless.)"""
    close_splash()
    ask_for_keyboard(window, only_if_app_active=False)


class KeyboardKeeper(QObject):
    """Gives the main window the keyboard back when one of its own windows closes (a dialog,
    the presentation, a message). A window manager does that; without one, X leaves the
    keyboard with no window, and the next keys — a clicker's page turns — went nowhere."""

    def __init__(self, window):
        super().__init__(window)
        self._window = window
        window.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind == QEvent.Type.ChildPolished and watched is self._window:
            child = event.child()
            if child.isWidgetType() and child.isWindow():
                child.installEventFilter(self)
        elif kind == QEvent.Type.Hide and watched is not self._window:
            ask_for_keyboard(self._window)
        return False


def running_offscreen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")
