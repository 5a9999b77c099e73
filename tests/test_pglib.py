"""pyqtgraph imported through desktop.ui.chart.pglib: it no longer makes every Qt class at import
(PySide6 makes a class when it is first asked for; pyqtgraph's copies of Qt's modules used to ask
for all of them), and every name still reads the same through pyqtgraph's copies; a chart draws
and exports as before; PySide6.QtOpenGL, and the pyqtgraph modules no chart uses (image items,
spin boxes, remote views…), are imported only when a name is read from them, and every name of
the package reads the same as after a plain ``import pyqtgraph``. In a fresh process: this one
may have imported pyqtgraph already."""

from __future__ import annotations

import json

from tests.conftest import run_fresh

PROBE = """
import json, sys, types
import PySide6
from PySide6 import QtCore, QtGui, QtWidgets
from desktop.app import create_app
app = create_app(["probe"], error_hook=False)
made_before = {m.__name__: len(vars(m)) for m in (QtCore, QtGui, QtWidgets)}
from desktop.ui.chart.pglib import pg
made_after = {m.__name__: len(vars(m)) for m in (QtCore, QtGui, QtWidgets)}
listed = {m.__name__: len(dir(m)) for m in (QtCore, QtGui, QtWidgets)}
same = all(getattr(pg.Qt.QtWidgets, n) is getattr(QtWidgets, n)
           for n in ("QGraphicsTextItem", "QCalendarWidget", "QSizePolicy"))
same = same and pg.QtGui.QFontMetrics is QtGui.QFontMetrics and pg.QtCore.Qt is QtCore.Qt
from PySide6.QtWidgets import QDial  # the usual import still works, names listed as before
restored = all(type(getattr(PySide6, n)) is types.ModuleType for n in ("QtCore", "QtGui", "QtWidgets"))
copy_lists = "QCalendarWidget" in dir(pg.Qt.QtWidgets)
import inspect  # tracebacks and tools still read pyqtgraph.Qt's source through its loader
copy_lists = copy_lists and "def _copy_attrs" in inspect.getsource(pg.Qt)
gl_at_import = "PySide6.QtOpenGL" in sys.modules or "QtOpenGL" in vars(PySide6)
from desktop.domain.bundled import load_bundled
from desktop.domain.export import all_chart_specs
from desktop.ui.chart.render import render_chart_png
spec = max(all_chart_specs(load_bundled(), "en"), key=lambda s: len(s.bars))
png = render_chart_png(spec, 800, 450)
gl_after_chart = "PySide6.QtOpenGL" in sys.modules
from desktop.ui.chart.pglib import DEFERRED
unused_after_chart = sorted(n for n in DEFERRED if n in sys.modules)
image_item = pg.ImageItem  # a name of a deferred module: imported now, the same class
import pyqtgraph.graphicsItems.ImageItem as image_module
unused_on_use = [image_item is image_module.ImageItem, image_module.__name__ in sys.modules,
                 "pyqtgraph.imageview" in sys.modules, pg.graphicsItems.ROI.ROI is pg.ROI]
from pyqtgraph.graphicsItems import PlotCurveItem  # its OpenGL drawing reads the module's names
buffer = PlotCurveItem.QtOpenGL.QOpenGLBuffer
import PySide6.QtOpenGL
gl_on_use = buffer is PySide6.QtOpenGL.QOpenGLBuffer and type(PySide6.QtOpenGL) is types.ModuleType
print(json.dumps({"gl": [gl_at_import, gl_after_chart, gl_on_use],
                  "unused": [len(DEFERRED), unused_after_chart, unused_on_use], "before": made_before, "after": made_after, "listed": listed, "same": same,
                  "restored": restored, "copy_lists": copy_lists, "png": len(png),
                  "magic": png[:8].hex()}))
"""


def test_pyqtgraph_imports_without_making_every_qt_class_and_reads_the_same():
    out = run_fresh(PROBE)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    for module, listed in result["listed"].items():
        # pyqtgraph made only what it uses: far from every name PySide6 lists
        assert result["after"][module] < listed / 2, (module, result["after"][module], listed)
    assert result["same"] and result["restored"] and result["copy_lists"]
    assert result["magic"] == "89504e470d0a1a0a" and result["png"] > 10_000  # a real PNG
    # PySide6.QtOpenGL (2 MiB) is not imported for a chart; it is the moment a name is read
    assert result["gl"] == [False, False, True]
    # nor are pyqtgraph's image items, widgets and remote views (5 MiB): a name read imports its
    # module (and only it), and it is the class a plain import gives
    deferred, after_chart, on_use = result["unused"]
    assert deferred > 40 and after_chart == []
    assert on_use == [True, True, False, True]


NAMES = """
import json, sys, types
from desktop.app import create_app
app = create_app(["probe"], error_hook=False)
{imported}


def describe(value):
    if isinstance(value, types.ModuleType):
        return ["module", value.__name__]
    return [type(value).__name__, getattr(value, "__module__", None), getattr(value, "__qualname__", None)]


names = {names}
if names is None:
    names = [n for n in dir(pg) if not n.startswith("__")]
print(json.dumps({{n: describe(getattr(pg, n)) for n in names}}))
"""


def test_every_name_of_pyqtgraph_reads_the_same_as_after_a_plain_import():
    plain = run_fresh(NAMES.format(imported="import pyqtgraph as pg", names=None))
    assert plain.returncode == 0, plain.stderr
    expected = json.loads(plain.stdout.strip().splitlines()[-1])
    assert "ImageItem" in expected and "SpinBox" in expected and len(expected) > 150
    deferred = run_fresh(NAMES.format(imported="from desktop.ui.chart.pglib import pg",
                                      names=sorted(expected)))
    assert deferred.returncode == 0, deferred.stderr
    seen = json.loads(deferred.stdout.strip().splitlines()[-1])
    assert {n: v for n, v in seen.items() if v != expected[n]} == {}
