"""The one place that creates the QApplication and installs what it needs: names, the bundled
fonts, the stylesheet and (explicitly) the error hook. Nothing here runs at import time;
napari's ``get_qapp()`` is the model."""

from __future__ import annotations

import linecache
import sys

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon
from PySide6.QtWidgets import QApplication

from desktop import APP_ID, APP_NAME, ORG_NAME, __version__
from desktop.base.paths import resource_path
from desktop.ui import errors
from desktop.ui.fonts import app_font, register_fonts


#: Libraries that never use PySide6 (besides the standard library): PySide6 need not read their
#: source when they are imported (see :func:`skip_pyside_source_scan`).
NO_PYSIDE = ("pandas", "numpy", "dateutil", "pytz", "tzdata", "six", "pptx", "lxml", "PIL",
             "xlsxwriter", "openpyxl", "colorama", "desktop.domain", "desktop.base")
#: Libraries built on PySide6: the answer is yes without reading them (pyqtgraph's 1.7 million
#: characters of source were read, and then kept in memory by ``linecache``: 4.7 MiB).
USES_PYSIDE = ("desktop", "pyqtgraph")


def _within(name: str, packages: tuple[str, ...]) -> bool:
    """Whether module ``name`` is one of ``packages`` or inside one of them."""
    return any(name == p or name.startswith(p + ".") for p in packages)


def skip_pyside_source_scan() -> None:
    """PySide6 reads the source of every module imported after it, to find out whether it asks
    for a ``from __feature__ import`` (snake_case, true_property: this app uses neither). The
    bundled data arrives after the first paint, so pandas and numpy (~300 modules) are imported
    after PySide6 and were each read: 0.1-0.2 s between the first paint and the first chart.
    Modules of libraries that never use PySide6, and the app's own, are answered at once, as the
    reading would answer them; any other module is read as before (and a PySide6 without this
    hook is left alone)."""
    feature = sys.modules.get("shibokensupport.feature")
    read = getattr(feature, "_mod_uses_pyside", None)
    if read is None or getattr(read, "skips", False):
        return
    stdlib = sys.stdlib_module_names

    def uses_pyside(module) -> bool:
        name = getattr(module, "__name__", "") or ""
        if name.partition(".")[0] in stdlib or _within(name, NO_PYSIDE):
            return False
        if _within(name, USES_PYSIDE):
            return True   # pyqtgraph, and the app's own modules outside domain and base
        return read(module)
    uses_pyside.skips = True
    feature._mod_uses_pyside = uses_pyside
    # what was read before the hook (standard modules imported since PySide6) is no use kept:
    # linecache reads a file again when a traceback needs it
    linecache.clearcache()


#: How long a thread waiting for the interpreter waits before it asks for it (Python's default:
#: 5 ms). Small because of how the wait works: it starts again whenever the holder lets the
#: interpreter go for a moment, as numpy does in each step of a search index's build; at 1 ms a
#: build that let go every half millisecond kept the window's thread out for 100-150 ms at a time
#: (make bench, "typing"). At 0.2 ms the window gets its turn within a step.
SWITCH_INTERVAL_S = 0.0002


#: The window icon's sizes (resources/icons/bri-facts-<size>.png, made by packaging/build_icons.py
#: from the SVG): what title bars, task bars and the X window manager ask for.
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256)


def window_icon() -> QIcon:
    """The app's icon from its PNG renderings, each read only when asked for at its size. Not
    the SVG: X takes a window's icon as pixels at every size the icon has, which for an SVG are
    four renderings, and the SVG icon engine, a plugin with Qt's SVG module, loads for them."""
    icon = QIcon()
    for size in ICON_SIZES:
        path = resource_path(f"icons/bri-facts-{size}.png")
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


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
    skip_pyside_source_scan()
    app.setOrganizationName(ORG_NAME)
    app.setApplicationName(APP_ID)
    app.setApplicationDisplayName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName(APP_ID)
    app.setWindowIcon(window_icon())
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
