"""Help menu commands that are not dialogs of the main window."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop.userdirs import log_dir


def open_log_folder(window) -> None:
    folder = log_dir()
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        QMessageBox.warning(window, window.tr("Log folder"),
                            window.tr("The log folder %1 cannot be created: %2")
                            .replace("%1", str(folder)).replace("%2", exc.strerror or str(exc)))
        return
    if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
        QMessageBox.information(window, window.tr("Log folder"),
                                window.tr("The log files are in:\n%1").replace("%1", str(folder)))
