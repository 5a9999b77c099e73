"""The error hook, installed explicitly by desktop.app (never at import time).

An unhandled exception is logged with its traceback, shown as a short message with a
“Copy details” button (unless --no-err-windows), and the app keeps running with its state
intact. Qt's own messages are routed into logging (qutebrowser's utils/qtlog.py does the same)."""

from __future__ import annotations

import logging
import sys
import traceback

from PySide6 import QtWidgets
from PySide6.QtCore import QtMsgType, qInstallMessageHandler
from PySide6.QtWidgets import QApplication

log = logging.getLogger("bri-facts")
qtlog = logging.getLogger("qt")

_state = {"dialogs": True, "showing": False, "previous": None}

_QT_LEVELS = {
    QtMsgType.QtDebugMsg: logging.DEBUG,
    QtMsgType.QtInfoMsg: logging.INFO,
    QtMsgType.QtWarningMsg: logging.WARNING,
    QtMsgType.QtCriticalMsg: logging.ERROR,
    QtMsgType.QtFatalMsg: logging.CRITICAL,
}


def _qt_message(mode, context, message) -> None:
    qtlog.log(_QT_LEVELS.get(mode, logging.WARNING), "%s", message)


def excepthook(exc_type, exc, tb) -> None:
    details = "".join(traceback.format_exception(exc_type, exc, tb))
    log.error("unhandled exception:\n%s", details)
    if not _state["dialogs"] or _state["showing"] or QApplication.instance() is None:
        return
    _state["showing"] = True
    try:
        # QMessageBox asked for here: PySide6 makes the class and its enums (~2 ms) on first use
        QMessageBox = QtWidgets.QMessageBox  # noqa: N806 - the Qt class
        box = QMessageBox(QApplication.activeWindow())
        box.setIcon(QMessageBox.Icon.Warning)
        box.setWindowTitle(QApplication.translate("errors", "Something went wrong"))
        box.setText(QApplication.translate(
            "errors", "An unexpected error occurred. Your work is intact and the app keeps "
                      "running. The details are in the log file."))
        box.setInformativeText(f"{exc_type.__name__}: {str(exc)[:300]}")
        box.setDetailedText(details)
        copy = box.addButton(QApplication.translate("errors", "Copy details"),
                             QMessageBox.ButtonRole.ActionRole)
        box.addButton(QMessageBox.StandardButton.Ok)
        box.exec()
        if box.clickedButton() is copy:
            QApplication.clipboard().setText(details)
    finally:
        _state["showing"] = False


def install(show_dialogs: bool = True, route_qt_messages: bool = True) -> None:
    _state["dialogs"] = show_dialogs
    if _state["previous"] is None:
        _state["previous"] = sys.excepthook
    sys.excepthook = excepthook
    if route_qt_messages:
        qInstallMessageHandler(_qt_message)


def uninstall() -> None:
    if _state["previous"] is not None:
        sys.excepthook = _state["previous"]
        _state["previous"] = None
    qInstallMessageHandler(None)
