"""The keyboard's way back to the main window. A window manager gives the keyboard to the main
window when another window of the app goes (the splash screen, a dialog, the presentation);
without one (a kiosk PC at a conference), X gives it to no window, and the reader's next keys —
a clicker's page turns — went nowhere until a click."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication

from desktop.ui import platform

#: When the keyboard is to go back to the window, it asks for it at these times (ms) while no
#: window of the app has it: a window that goes (the splash, a dialog) keeps the focus until
#: it has gone, a moment after it is asked to (the early ones: a clicker's next key comes fast).
HAND_OVER_MS = (0, 30, 80, 150, 400, 1000)


def ask_for_keyboard(window, only_if_app_active: bool = True) -> None:
    """Give ``window`` the keyboard once no window of the app has it. ``only_if_app_active``:
    not while the reader is in another program (a window manager says so)."""

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
    """Close the single file's splash screen and give ``window`` the keyboard. The splash is a
    window of its own and has the focus; when it goes, X gives the focus to no window unless a
    window manager steps in. (The app has not been active yet: it asks regardless.)"""
    platform.close_splash()
    ask_for_keyboard(window, only_if_app_active=False)


class KeyboardKeeper(QObject):
    """Gives the main window the keyboard back when one of its own windows (a dialog, the
    presentation, a message) hides."""

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
