"""The one place that creates the QApplication and installs what it needs: names, the bundled
fonts, the stylesheet and (explicitly) the error hook. Nothing here runs at import time;
napari's ``get_qapp()`` is the model."""

from __future__ import annotations

import sys

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop.base.paths import resource_path
from desktop.ui import errors
from desktop.ui.fonts import app_font, register_fonts


def create_app(argv: list[str] | None = None, *, error_hook: bool = True,
               err_windows: bool = True) -> QApplication:
    """Create (or return) the QApplication, configured once."""
    app = QApplication.instance()
    if app is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
        app = QApplication(argv if argv is not None else sys.argv[:1])
    if app.property("bri_configured"):
        return app
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    icon = resource_path("icons/bri-facts.svg")
    if icon.is_file():
        app.setWindowIcon(QIcon(str(icon)))
    register_fonts()
    app.setFont(app_font(10.5))
    if error_hook:
        errors.install(show_dialogs=err_windows)
    app.setProperty("bri_configured", True)
    return app
