"""pyqtgraph, imported without making every Qt class first.

pyqtgraph keeps its own copies of Qt's modules (``pyqtgraph.Qt.QtCore``, ``.QtGui``,
``.QtWidgets``) and fills them at import by reading every name PySide6's modules list
(``pyqtgraph/Qt/__init__.py``, ``_copy_attrs``). PySide6 makes a class, with its enums, only
when it is first asked for; reading every name makes all of them at once: about 1,000 classes
and 600 enums, for the few dozen pyqtgraph uses. Without that, pyqtgraph's import takes about
100 ms and 8 MiB less (make bench: the first chart, peak memory).

So the copies are filled on demand instead. While ``pyqtgraph.Qt`` runs, PySide6's three modules
are seen through stand-ins that list no names (there is nothing for ``_copy_attrs`` to copy) and
forward every lookup; pyqtgraph's copies forward each name they lack to PySide6 when it is first
asked for (PEP 562 ``__getattr__``) and keep it. A name reads the same as before, through either
module; only when each class is made changes. Everything else of pyqtgraph imports untouched.

pyqtgraph also imports ``PySide6.QtOpenGL`` (``importlib.import_module``, in four modules) for
drawing with OpenGL, which the app's charts never do; the module costs 2 MiB of memory. And its
package imports every one of its modules (``from .widgets.SpinBox import *`` and 60 more): image
items and views, colour bars, regions of interest, spin boxes, tables, trees, the
multiprocessing of remote views, none of which a bar chart uses; about 5 MiB and 40 ms. While
pyqtgraph imports, each of those names (``DEFERRED``) is answered by a stand-in that imports the
real module when one of its names is first read (a curve painted on an OpenGL viewport, say, or
another pyqtgraph module's ``from .ImageItem import ImageItem``), and forwards to it. After the
import the stand-ins are out of ``sys.modules``: ``import PySide6.QtOpenGL`` gets the real one.
A star import of a stand-in copies no names into the package, so the package answers a name it
lacks from those modules, importing them then (PEP 562 ``__getattr__``): ``pg.ImageItem`` reads
the same as before. No chart reads a name from QtOpenGL, so the frozen builds do not ship that
module at all (``packaging/slim_build.py``, ``APP_ONLY_EXCLUDED``); pyqtgraph's own modules they
ship, for the moment one is read.

If pyqtgraph was imported before this module (a script, a test), it is used as it is.

    from desktop.ui.chart.pglib import pg
"""

from __future__ import annotations

import importlib
import importlib.abc
import importlib.machinery
import sys
import types

import PySide6
from PySide6 import QtCore, QtGui, QtWidgets

#: pyqtgraph's copy → the PySide6 module it copies
MIRRORED = {"QtCore": QtCore, "QtGui": QtGui, "QtWidgets": QtWidgets}
_QT_PACKAGE = "pyqtgraph.Qt"


class _Unlisted(types.ModuleType):
    """A PySide6 module as ``pyqtgraph.Qt`` sees it while it runs: no names listed, every
    lookup answered by the module itself."""

    def __init__(self, real: types.ModuleType):
        super().__init__(real.__name__, real.__doc__)
        object.__setattr__(self, "_real", real)

    def __dir__(self):
        return []

    def __getattr__(self, name: str):
        return getattr(object.__getattribute__(self, "_real"), name)


def _forward(copy: types.ModuleType, real: types.ModuleType) -> None:
    """Make pyqtgraph's (empty) ``copy`` answer a name it lacks from ``real``, and keep it."""

    def __getattr__(name: str):  # noqa: N807 - PEP 562
        value = getattr(real, name)
        setattr(copy, name, value)
        return value

    def __dir__():  # noqa: N807 - PEP 562
        return sorted(set(vars(copy)) | set(dir(real)))

    copy.__getattr__ = __getattr__
    copy.__dir__ = __dir__


class _QtPackageLoader(importlib.abc.Loader):
    """Runs ``pyqtgraph.Qt`` with its copies forwarding and PySide6's modules unlisted."""

    def __init__(self, loader):
        self.loader = loader

    def create_module(self, spec):
        return self.loader.create_module(spec)

    def __getattr__(self, name: str):  # get_code, get_source, is_package, …: the loader's own
        return getattr(self.loader, name)

    def exec_module(self, module) -> None:
        # the package is in sys.modules with its __path__ by now, so its copies import
        for name, real in MIRRORED.items():
            _forward(importlib.import_module(f"{_QT_PACKAGE}.{name}"), real)
        listed = {name: getattr(PySide6, name) for name in MIRRORED}
        try:
            for name, real in listed.items():
                setattr(PySide6, name, _Unlisted(real))
            self.loader.exec_module(module)
        finally:
            for name, real in listed.items():
                setattr(PySide6, name, real)


#: imported by pyqtgraph (its OpenGL drawing; its package's ``from .X import *`` of every module)
#: and read by no chart: deferred to the first name read from them. Not listed: what the modules
#: a chart uses import by name (a stand-in would only be replaced at once).
DEFERRED = frozenset(("PySide6.QtOpenGL", "pyqtgraph.imageview", "pyqtgraph.multiprocess") + tuple(
    f"pyqtgraph.graphicsItems.{name}" for name in (
        "BoxplotItem", "ColorBarItem", "CurvePoint", "DateAxisItem", "ErrorBarItem", "FillBetweenItem",
        "GradientEditorItem", "GradientLegend", "GraphItem", "GridItem", "HistogramLUTItem",
        "ImageItem", "IsocurveItem", "LinearRegionItem", "PColorMeshItem", "ROI", "ScaleBar",
        "TargetItem", "VTickGroup")) + tuple(
    f"pyqtgraph.widgets.{name}" for name in (
        "BusyCursor", "CheckTable", "ColorButton", "ColorMapWidget", "ComboBox", "DataFilterWidget",
        "DataTreeWidget", "DiffTreeWidget", "FeedbackButton", "GradientWidget",
        "HistogramLUTWidget", "JoystickButton", "LayoutWidget", "ProgressDialog", "RawImageWidget",
        "ScatterPlotWidget", "SpinBox", "TableWidget", "TreeWidget", "ValueLabel", "VerticalLabel")))
#: stand-ins whose real module was asked for (the finder no longer answers for them)
_released: set[str] = set()
#: stand-ins pyqtgraph's package star-imported, in its order (it copied nothing from them)
_starred: list[str] = []


class _Deferred(types.ModuleType):
    """A ``DEFERRED`` module as pyqtgraph's modules hold it: the real module is imported when a
    name is first read from it, and each name is kept once read."""

    def __getattr__(self, name: str):
        if name.startswith("__"):  # module metadata: nothing to import
            if name == "__all__" and self.__name__ not in _starred:  # ``from <this> import *``
                _starred.append(self.__name__)  # nothing to copy now (see _lacking)
            raise AttributeError(name)
        value = getattr(_real(self.__name__), name)
        setattr(self, name, value)
        return value


def _real(name: str) -> types.ModuleType:
    """The real module behind a stand-in, imported now if it is not yet."""
    _released.add(name)
    if isinstance(sys.modules.get(name), _Deferred):  # read while pyqtgraph is still importing
        del sys.modules[name]
    return importlib.import_module(name)


def _exported(module: types.ModuleType) -> list[str]:
    """The names ``from module import *`` copies."""
    names = getattr(module, "__all__", None)
    return list(names) if names is not None else [n for n in vars(module) if not n.startswith("_")]


def _lacking(package: types.ModuleType):
    """pyqtgraph's PEP 562 ``__getattr__``: a name its star import of a stand-in did not copy.
    Looked for in the module named after it first (pyqtgraph's ``ImageItem`` is its module
    ``ImageItem``'s), then in the others, the last star-imported first (as the star imports
    would have left it); tests/test_pglib.py checks that every name reads as before."""

    searching = []

    def __getattr__(name: str):  # noqa: N807 - PEP 562
        # not while those modules import: their ``from .. import functions_qimage`` asks the
        # package for a submodule that is not imported yet, and must find none, as before
        if not name.startswith("__") and not searching:
            searching.append(name)
            try:
                for module_name in sorted(reversed(_starred), key=lambda m: m.rpartition(".")[2] != name):
                    module = _real(module_name)
                    if name in _exported(module):
                        value = getattr(module, name)
                        setattr(package, name, value)
                        return value
            finally:
                searching.clear()
        raise AttributeError(f"module {package.__name__!r} has no attribute {name!r}")

    return __getattr__


class _DeferredLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return _Deferred(spec.name)

    def exec_module(self, module) -> None:
        pass


class _QtPackageFinder(importlib.abc.MetaPathFinder):
    """Finds ``pyqtgraph.Qt`` as usual (the finders after this one) and wraps its loader;
    answers each ``DEFERRED`` name with a stand-in until its real module is asked for."""

    def find_spec(self, fullname, path, target=None):
        if fullname != _QT_PACKAGE and (fullname not in DEFERRED or fullname in _released):
            return None
        spec = self._next_spec(fullname, path, target)
        if fullname != _QT_PACKAGE:
            # a package's stand-in keeps the real __path__: its submodules import as they are
            # (no real spec: PySide6.QtOpenGL, which the frozen builds leave out)
            stand_in = importlib.machinery.ModuleSpec(fullname, _DeferredLoader())
            stand_in.submodule_search_locations = spec and spec.submodule_search_locations
            return stand_in
        if spec is None:
            return None
        if spec.loader is not None:
            spec.loader = _QtPackageLoader(spec.loader)
        return spec

    def _next_spec(self, fullname, path, target):
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                return spec
        return None


def _import_pyqtgraph() -> types.ModuleType:
    if "pyqtgraph" in sys.modules:
        return sys.modules["pyqtgraph"]
    finder = _QtPackageFinder()
    sys.meta_path.insert(0, finder)
    try:
        package = importlib.import_module("pyqtgraph")
    finally:
        sys.meta_path.remove(finder)
        # the stand-ins stay with the pyqtgraph modules that hold them, and only there
        for name in DEFERRED:
            if isinstance(sys.modules.get(name), _Deferred):
                del sys.modules[name]
        if isinstance(vars(PySide6).get("QtOpenGL"), _Deferred):
            delattr(PySide6, "QtOpenGL")
    package.__getattr__ = _lacking(package)
    return package


pg = _import_pyqtgraph()
