"""The keyboard comes back to the main window when another window of the app goes: the single
file's splash screen at the first paint, a dialog, the presentation. A window manager does this;
without one (a kiosk PC) X gives the keyboard to no window. Qt's offscreen platform behaves the
same way (a closed dialog leaves no window active), so the tests see what such a screen does."""

from __future__ import annotations

from PySide6 import QtCore
from PySide6.QtWidgets import QLineEdit

from desktop.ui import keyboard, platform as ui_platform


def test_the_window_has_the_keyboard_once_the_splash_is_gone(window, qtbot, monkeypatch):
    """The single file's splash is a window of its own and holds the focus; when it closes at the
    first paint, the app's window must get it: without a window manager (a kiosk PC) X gives it
    to no window, and every key the reader pressed went nowhere."""
    closed = []
    monkeypatch.setattr(ui_platform, "close_splash", lambda: closed.append(True))
    splash = QLineEdit()  # stands for the splash: another window that has the focus
    qtbot.addWidget(splash)
    splash.show()
    splash.activateWindow()
    qtbot.waitUntil(splash.isActiveWindow)
    assert not window.isActiveWindow()
    keyboard.hand_over_from_splash(window)
    # the splash goes a moment after it is asked to, and keeps the focus until then
    QtCore.QTimer.singleShot(50, splash.hide)
    qtbot.waitUntil(lambda: not splash.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    assert closed == [True]
    qtbot.keyClick(window, "f", QtCore.Qt.KeyboardModifier.ControlModifier)  # Ctrl+F reaches the app
    qtbot.waitUntil(lambda: window.browser.search.hasFocus())


def _escape_gives_the_keyboard_back(window, qtbot, other) -> None:
    """``other`` (a window of the app) has the keyboard; Escape closes it; the window gets the
    keyboard, and Ctrl+F reaches it."""
    qtbot.waitUntil(other.isActiveWindow)
    qtbot.keyClick(other, QtCore.Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not other.isVisible())
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, "f", QtCore.Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.browser.search.hasFocus())


def test_the_window_has_the_keyboard_back_when_its_dialog_closes(window, qtbot):
    """F1's dialog had the keyboard; Escape closes it. A window manager gives the keyboard back to
    the window; without one (a kiosk PC) X gives it to no window, and the reader's next keys — a
    clicker's page turns — went nowhere. The window asks for it back."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.actions_by_id["shortcuts"].trigger()
    _escape_gives_the_keyboard_back(window, qtbot, window.help.dialog)


def test_the_window_has_the_keyboard_back_after_the_presentation(window, qtbot):
    """F5 on a clicker, Escape at the end: the next key (Ctrl+F here) reaches the window."""
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, QtCore.Qt.Key.Key_F5)
    _escape_gives_the_keyboard_back(window, qtbot, window.presenter.view)
