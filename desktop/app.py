"""The one place that creates the QApplication and installs what it needs: names, the bundled
fonts, the translators, the stylesheet and (explicitly) the error hook. Nothing here runs at
import time; napari's ``get_qapp()`` is the model."""

from __future__ import annotations

import logging
import os
import sys

from PySide6.QtCore import QEvent, QLocale, QObject, QTranslator, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop.paths import resource_path

log = logging.getLogger(__name__)

FONT_FAMILY = "BRI Noto Sans SC"
FONT_FILES = ("fonts/NotoSansSC-Regular-Subset.otf", "fonts/NotoSansSC-Bold-Subset.otf")
LANGUAGES = ("zh", "en")
_translators: list[QTranslator] = []


def register_fonts() -> list[str]:
    """Register the bundled CJK font before the first widget; returns the families loaded."""
    families: list[str] = []
    for name in FONT_FILES:
        path = resource_path(name)
        if not path.is_file():
            log.error("bundled font missing: %s", path)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("bundled font could not be loaded: %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


LATIN_FAMILIES = ("Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans",
                  "Noto Sans", "Cantarell", "Ubuntu")
_latin: list[str] = []


def app_font(point_size: float | None = None, bold: bool = False) -> QFont:
    """The font every widget, chart and export names explicitly.

    A Latin UI font of the platform first when there is one (its ’ “ ” are proportional, the CJK
    font's are full-width), then the bundled Noto Sans SC, which draws every Chinese glyph
    whatever the machine has installed, and everything on a machine with no fonts at all."""
    font = QFont()
    families = _latin + [FONT_FAMILY, "Sans Serif"]
    font.setFamilies(families)
    if point_size:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font


def install_translator(app: QApplication, lang: str) -> bool:
    """Switch the UI strings to ``lang`` ("zh" or "en"); English is the source language."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    if lang != "zh":
        return True
    ok = True
    for name in ("i18n/bri_facts_zh_CN.qm",):
        translator = QTranslator(app)
        path = resource_path(name)
        if translator.load(str(path)):
            app.installTranslator(translator)
            _translators.append(translator)
        else:
            log.error("translation file missing or unreadable: %s", path)
            ok = False
    # Qt's own dialogs (buttons of message boxes, file dialogs) where the wheel ships them
    from PySide6.QtCore import QLibraryInfo
    base = QTranslator(app)
    if base.load("qtbase_zh_CN", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
        app.installTranslator(base)
        _translators.append(base)
    return ok


def system_language() -> str:
    return "zh" if QLocale.system().language() == QLocale.Language.Chinese else "en"


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
    _latin[:] = [f for f in LATIN_FAMILIES if QFontDatabase.hasFamily(f)][:1]
    register_fonts()
    app.setFont(app_font(10.5))
    if error_hook:
        from desktop.ui import errors
        errors.install(show_dialogs=err_windows)
    app.setProperty("bri_configured", True)
    return app


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


class _SplashCloser(QObject):
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            close_splash()
            self.deleteLater()
        return False


def close_splash_on_first_paint(window) -> None:
    """The splash stays up until the window has painted its content (single-file build only)."""
    if "_PYI_SPLASH_IPC" in os.environ:
        window.installEventFilter(_SplashCloser(window))


def running_offscreen() -> bool:
    return os.environ.get("QT_QPA_PLATFORM", "") in ("offscreen", "minimal")
