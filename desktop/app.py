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


#: How long a thread holds the interpreter before it must hand it over (Python's default: 5 ms).
SWITCH_INTERVAL_S = 0.001


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
    # While a worker thread loads a dataset or builds its search index, the window's thread waits
    # for the interpreter at each call back from Qt; at the default 5 ms a keystroke's dozens of
    # such waits froze typing for up to a second at 100k facts (make bench, "typing").
    sys.setswitchinterval(SWITCH_INTERVAL_S)
    app.setProperty("bri_configured", True)
    return app
