"""PySide6 reads the source of every module imported after it, looking for ``from __feature__``;
the app answers for the libraries it knows without reading them, so pyqtgraph's 1.7 million
characters of source are neither read at start-up nor kept in memory (by ``linecache``)."""

from __future__ import annotations

import json

from tests.conftest import run_fresh

PROBE = """
import json, linecache, sys
from desktop.app import create_app
app = create_app(["probe"], error_hook=False)
import pandas, pyqtgraph as pg
plot = pg.PlotWidget()
plot.addItem(pg.BarGraphItem(x0=0, y=[0, 1], height=0.5, width=[2, 3]))
plot.resize(300, 200)
image = plot.grab()
cached = [f for f in linecache.cache if "site-packages" in f or "/lib/python3" in f]
print(json.dumps({"cached": cached, "drawn": not image.isNull()}))
"""


def test_pyqtgraph_and_pandas_load_without_their_source_being_read_and_kept():
    out = run_fresh(PROBE)
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["drawn"]                       # the chart library works as before
    assert not [f for f in result["cached"] if "pyqtgraph" in f or "pandas" in f]
    assert len(result["cached"]) <= 3, result["cached"]
