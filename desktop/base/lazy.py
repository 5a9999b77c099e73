"""pandas and numpy, imported on first use rather than when a module that names them is
imported: the window paints its first content before either is loaded (about 0.6 s of a cold
start). ``from desktop.base.lazy import np, pd`` and use them as usual.

importlib's LazyLoader cannot do this on Python 3.11: the next ``import numpy`` anywhere reads
the module's ``__spec__`` and so loads it at once."""

from __future__ import annotations

import importlib
import sys
from types import ModuleType


class LazyModule:
    __slots__ = ("_name", "_module")

    def __init__(self, name: str):
        self._name = name
        self._module: ModuleType | None = None

    def load(self) -> ModuleType:
        if self._module is None:
            self._module = importlib.import_module(self._name)
        return self._module

    def __getattr__(self, attr: str):
        return getattr(self.load(), attr)

    def loaded(self) -> bool:
        return self._name in sys.modules

    def __repr__(self) -> str:
        return f"<lazy module {self._name!r}>"


pd = LazyModule("pandas")
np = LazyModule("numpy")
