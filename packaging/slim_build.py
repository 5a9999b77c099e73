"""What a frozen build of the app leaves out, shared by packaging/bri-facts.spec and the
benchmark baselines (benchmarks/baselines.spec), so that both are built the same way.

Imported by the spec files (PyInstaller runs them with this folder on sys.path)."""

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from PyInstaller.depend import bindepend

LINUX = sys.platform.startswith("linux")

EXCLUDED_QT_MODULES = [
    f"PySide6.{name}" for name in (
        # pyqtgraph tries QtTest at import time and works without it; QtOpenGL and
        # QtOpenGLWidgets it imports unconditionally (pyqtgraph 0.14), so those stay
        "QtTest",
        # never used by the app
        "QtNetwork", "QtNetworkAuth", "QtDBus", "QtPrintSupport", "QtSql", "QtXml", "QtConcurrent",
        "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickWidgets", "QtQuickTest",
        "QtWebEngineCore", "QtWebEngineWidgets", "QtWebEngineQuick", "QtWebChannel", "QtWebSockets",
        "QtWebView", "QtPdf", "QtPdfWidgets", "QtMultimedia", "QtMultimediaWidgets", "QtSpatialAudio",
        "QtTextToSpeech", "Qt3DCore", "Qt3DRender", "Qt3DInput", "Qt3DLogic", "Qt3DAnimation",
        "Qt3DExtras", "QtCharts", "QtDataVisualization", "QtGraphs", "QtGraphsWidgets", "QtDesigner",
        "QtHelp", "QtUiTools", "QtSvgWidgets", "QtBluetooth", "QtNfc", "QtPositioning", "QtLocation",
        "QtSensors", "QtSerialPort", "QtSerialBus", "QtRemoteObjects", "QtScxml", "QtStateMachine",
        "QtHttpServer", "QtAxContainer", "QtVirtualKeyboard",
    )
]
EXCLUDED_PYTHON = [
    # other Qt bindings pyqtgraph could pick, and big libraries nothing here imports
    "PyQt5", "PyQt6", "PySide2", "matplotlib", "IPython", "scipy", "pyarrow", "numexpr",
    "bottleneck", "jinja2", "PIL",
    # development and test tools
    "pytest", "_pytest", "hypothesis", "pypdf", "setuptools", "pkg_resources", "distutils",
    "lib2to3", "pydoc_data", "idlelib", "test", "unittest",
    # the app opens no network connection and reads no database
    "ssl", "_ssl", "_hashlib", "sqlite3", "_sqlite3", "xmlrpc", "ftplib", "smtplib",
    # the splash screen uses Tcl/Tk from the bootloader, not through Python
    "tkinter", "_tkinter",
    # pyqtgraph parts the app never touches
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter", "pyqtgraph.canvas",
    "pyqtgraph.console", "pyqtgraph.flowchart",
    # lxml parts python-pptx and openpyxl never import (its hook collects every one): they use
    # lxml.etree alone. Pillow (above) python-pptx needs for pictures only, which a deck has none
    # of: desktop/domain/deck.py puts a stand-in in its place
    "lxml.objectify", "lxml.html", "lxml.isoschematron", "lxml.sax", "lxml.cssselect",
    "lxml.doctestcompare", "lxml.usedoctest", "lxml.builder",
]

#: Left out of the app alone (packaging/bri-facts.spec), kept in the baselines. pyqtgraph imports
#: PySide6.QtOpenGL for drawing on an OpenGL viewport; the app imports pyqtgraph through
#: desktop/ui/chart/pglib.py, which answers that import with a stand-in that loads the real module
#: only when one of its names is read, and the app's charts never read one (tests/test_pglib.py;
#: the frozen builds' self-test draws and exports every chart). The binding is 8.5 MiB that the
#: single file would otherwise unpack on every start. The baselines import pyqtgraph as it is.
APP_ONLY_EXCLUDED = ["PySide6.QtOpenGL"]

# Bytecode without docstrings or asserts (python -OO). Docstrings are kept in memory with every
# function that is loaded, and pandas' are long: a frozen app peaks 7 MiB lower (150 → 143 MiB)
# and paints its content ~30 ms sooner (0.49 vs 0.52 s, 8 alternating starts of the folder build).
# pandas, numpy, pyqtgraph, openpyxl and python-pptx run without them: the whole test suite passes
# under ``python -OO`` (the app's own code has no assert and reads no docstring).
OPTIMIZE = 2

# Qt plugins kept, by <plugin folder>/<file stem>. Dropped, among others: the eglfs, linuxfb, vnc,
# vkkhrdisplay and wayland platforms (Wayland desktops run the app through XWayland), the GL
# integrations (nothing draws with OpenGL), the virtual keyboard, the gtk3 theme, SQL, TLS, network
# information, PDF and lottie image formats.
KEEP_PLUGINS = {
    "platforms": {"qxcb", "qoffscreen", "qminimal", "qwindows", "qcocoa", "qdirect2d"},
    "imageformats": {"qsvg", "qico", "qjpeg", "qicns"},
    "iconengines": {"qsvgicon"},
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "platformthemes": {"qxdgdesktopportal"},
    "styles": {"qmodernwindowsstyle", "qwindowsvistastyle", "qmacstyle"},
}
# Qt's own translations: only the Chinese ones of the modules kept (message box buttons, file dialogs).
KEEP_TRANSLATIONS = ("qtbase_zh_CN", "qt_zh_CN")

# Linux: libraries every desktop Linux has, used from the machine instead of the build host. The
# build host's copies tie the bundle to its glibc: Debian 12's libstdc++ (GCC 12) and libexpat 2.5
# call arc4random, new in glibc 2.36, so bundled they keep the app off Ubuntu 22.04 (glibc 2.35).
# libgcc_s goes with libstdc++ (the system's libstdc++ needs the system's libgcc_s). What the rest
# of the bundle asks of the system's libstdc++ (GLIBCXX_3.4.29, GCC 11) is checked by
# packaging/check_glibc.py.
SYSTEM_LIBRARIES = ("libstdc++.so", "libgcc_s.so", "libexpat.so")


def exclude_system_libraries() -> None:
    """Keep SYSTEM_LIBRARIES out of every binary dependency analysis of this build, the splash
    screen's (Tcl/Tk needs libexpat through fontconfig) as well as the app's. Call before
    Analysis. PyInstaller has no option for it, so its exclude list is extended, the list
    that keeps libc and libGL out."""
    if not LINUX:
        return
    from PyInstaller.depend import dylib
    patterns = {re.escape(name) + r"(\..*)?" for name in SYSTEM_LIBRARIES}
    dylib.exclude_list = dylib.MatchList(sorted(set(dylib._excludes) | patterns))


def _norm(dest: str) -> str:
    return dest.replace("\\", "/")


def _qt_part(dest: str) -> str | None:
    """The part of a destination path below PySide6/Qt/ (or PySide6/ on Windows), or None."""
    d = _norm(dest)
    for prefix in ("PySide6/Qt/", "PySide6/"):
        if d.startswith(prefix):
            return d[len(prefix):]
    return None


def _plugin_kept(rest: str) -> bool:
    parts = rest.split("/")
    if len(parts) < 3 or parts[0] != "plugins":
        return True
    folder, name = parts[1], parts[-1]
    stem = name.split(".")[0]
    if stem.startswith("lib"):
        stem = stem[3:]
    return stem in KEEP_PLUGINS.get(folder, set())


def _is_qt_library(dest: str) -> bool:
    name = os.path.basename(_norm(dest))
    return _qt_part(dest) is not None and (name.startswith(("libQt6", "Qt6")) or "Qt6" in name
                                           or name.startswith(("libicu", "icu")))


def _is_shared_library(dest: str) -> bool:
    """A library some other binary links to, as opposed to a root: a Python extension module,
    libpython, or a Qt plugin (Qt loads those itself)."""
    d = _norm(dest)
    name = os.path.basename(d)
    if ".cpython-" in name or ".abi3." in name or name.endswith(".pyd") or "/lib-dynload/" in d:
        return False
    if name.startswith(("libpython", "python3")):
        return False
    rest = _qt_part(dest)
    if rest is not None and rest.startswith("plugins/"):
        return False
    return True


def _is_system_library(dest: str) -> bool:
    name = os.path.basename(_norm(dest))
    return LINUX and "/" not in _norm(dest) and name.startswith(SYSTEM_LIBRARIES)


def _key(name: str) -> str:
    """How a library is named in an import table: Windows compares DLL names without case."""
    return name if LINUX else name.lower()


def _filter_binaries(binaries):
    """Drop the plugins not kept, then every shared library that no kept binary links to
    (directly or through another kept library): the Qt libraries of the dropped plugins, and the
    system libraries (cairo, Kerberos, ...) only those plugins needed. On Linux, also drop
    SYSTEM_LIBRARIES."""
    kept = [e for e in binaries if (_qt_part(e[0]) is None or _plugin_kept(_qt_part(e[0])))
            and not _is_system_library(e[0])]
    by_name = {_key(os.path.basename(e[0])): e for e in kept}
    needed, todo = set(), [e for e in kept if not _is_shared_library(e[0])]
    while todo:
        entry = todo.pop()
        try:
            imports = bindepend.get_imports(entry[1])
        except Exception:  # an unreadable file is kept as it is, and not followed
            imports = []
        for name in imports:
            base = _key(os.path.basename(name[0] if isinstance(name, tuple) else name))
            if base in by_name and base not in needed:
                needed.add(base)
                todo.append(by_name[base])
    if not LINUX:  # Windows DLLs and macOS frameworks: only the plugin choice applies
        result = [e for e in kept if not _is_qt_library(e[0]) or _key(os.path.basename(e[0])) in needed]
    else:
        result = [e for e in kept if not _is_shared_library(e[0]) or os.path.basename(e[0]) in needed]
    dropped = sorted(_norm(e[0]) for e in binaries if e not in result)
    print(f"slim_build: dropped {len(dropped)} unused binaries:", *dropped, sep="\n  ")
    return result


def _filter_datas(datas):
    result = []
    for entry in datas:
        rest = _qt_part(entry[0])
        if rest is not None and rest.startswith("translations/"):
            if not os.path.basename(entry[0]).startswith(KEEP_TRANSLATIONS):
                continue
        if rest is not None and rest.startswith(("qml/", "resources/qtwebengine", "libexec/")):
            continue
        result.append(entry)
    return result


def _strip_python(binaries, work):
    """Strip debug symbols from libpython and CPython's own extension modules only: they are
    built by us (pyenv) with symbols. Wheels' libraries (Qt, numpy's OpenBLAS) are left as shipped."""
    strip = shutil.which("strip")
    if not LINUX or strip is None:
        return binaries
    stdlib_dynload = os.path.join(sys.base_prefix, "lib")
    out_dir = Path(work) / "stripped"
    out_dir.mkdir(parents=True, exist_ok=True)
    result = []
    for dest, src, kind in binaries:
        name = os.path.basename(dest)
        ours = os.path.realpath(src).startswith(os.path.realpath(stdlib_dynload)) and (
            name.startswith("libpython") or "lib-dynload" in src)
        if ours:
            target = out_dir / _norm(dest).replace("/", "__")
            if not target.exists() or target.stat().st_mtime < os.path.getmtime(src):
                shutil.copy2(src, target)
                subprocess.run([strip, "--strip-debug", str(target)], check=True)
            src = str(target)
        result.append((dest, src, kind))
    return result


def _drop_dangling_links(toc, kept_dests):
    """PyInstaller adds top-level symlinks to the Qt libraries; drop those whose target went."""
    result = []
    for dest, src, kind in toc:
        if kind == "SYMLINK":
            target = os.path.normpath(os.path.join(os.path.dirname(_norm(dest)), _norm(src)))
            if _norm(target) not in kept_dests:
                continue
        result.append((dest, src, kind))
    return result


def slim(analysis, work) -> None:
    """Apply every rule above to a PyInstaller Analysis, in place."""
    binaries = _strip_python(_filter_binaries(analysis.binaries), work)
    datas = _filter_datas(analysis.datas)
    kept = {_norm(e[0]) for e in binaries + datas if e[2] != "SYMLINK"}
    analysis.binaries = _drop_dangling_links(binaries, kept)
    analysis.datas = _drop_dangling_links(datas, kept)

