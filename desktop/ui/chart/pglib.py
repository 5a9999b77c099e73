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
drawing with OpenGL, which the app's charts never do; the module costs 2 MiB of memory. While
pyqtgraph imports, that name is answered by a stand-in that imports the real module when one of
its names is first read (a curve painted on an OpenGL viewport, say), and forwards to it. After
the import the stand-in is out of ``sys.modules``: ``import PySide6.QtOpenGL`` gets the real one.
No chart reads a name from it, so the frozen builds do not ship the module at all
(``packaging/slim_build.py``, ``APP_ONLY_EXCLUDED``).

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


#: imported by pyqtgraph for its OpenGL drawing only: deferred to the first name read from it
DEFERRED = "PySide6.QtOpenGL"


class _Deferred(types.ModuleType):
    """``DEFERRED`` as pyqtgraph's modules hold it: the real module is imported when a name is
    first read from it, and each name is kept once read."""

    def __getattr__(self, name: str):
        if name.startswith("__"):  # module metadata: no reason to import anything
            raise AttributeError(name)
        if sys.modules.get(self.__name__) is self:  # read while pyqtgraph is still importing
            del sys.modules[self.__name__]
        value = getattr(importlib.import_module(self.__name__), name)
        setattr(self, name, value)
        return value


class _DeferredLoader(importlib.abc.Loader):
    def create_module(self, spec):
        return _Deferred(spec.name)

    def exec_module(self, module) -> None:
        pass


class _QtPackageFinder(importlib.abc.MetaPathFinder):
    """Finds ``pyqtgraph.Qt`` as usual (the finders after this one) and wraps its loader;
    answers ``DEFERRED`` with its stand-in."""

    def find_spec(self, fullname, path, target=None):
        if fullname == DEFERRED:
            return importlib.machinery.ModuleSpec(fullname, _DeferredLoader())
        if fullname != _QT_PACKAGE:
            return None
        for finder in sys.meta_path:
            if finder is self or not hasattr(finder, "find_spec"):
                continue
            spec = finder.find_spec(fullname, path, target)
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _QtPackageLoader(spec.loader)
                return spec
        return None


def _import_pyqtgraph() -> types.ModuleType:
    if "pyqtgraph" in sys.modules:
        return sys.modules["pyqtgraph"]
    finder = _QtPackageFinder()
    sys.meta_path.insert(0, finder)
    try:
        return importlib.import_module("pyqtgraph")
    finally:
        sys.meta_path.remove(finder)
        # the stand-in stays with the pyqtgraph modules that hold it, and only there
        if isinstance(sys.modules.get(DEFERRED), _Deferred):
            del sys.modules[DEFERRED]
        package, _, name = DEFERRED.rpartition(".")
        if isinstance(vars(sys.modules[package]).get(name), _Deferred):
            delattr(sys.modules[package], name)


pg = _import_pyqtgraph()
