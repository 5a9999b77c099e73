"""Baseline 2: the same stack at its smallest: PySide6 + pandas + pyqtgraph, a tree of 10 rows
read from a DataFrame beside a 10-bar chart. "content" = the tree painted, "chart" = the plot."""

import os
import sys

from _marks import mark, peak_rss_mib

import numpy as np
import pandas as pd
import pyqtgraph as pg
from PySide6.QtCore import QEvent, QObject, QTimer, Qt
from PySide6.QtWidgets import QApplication, QMainWindow, QSplitter, QTreeWidget, QTreeWidgetItem


class Watcher(QObject):
    content = chart = False

    def eventFilter(self, watched, event):  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Paint:
            if not self.content and watched is tree.viewport():
                self.content = True
                mark("content")
            if not self.chart and watched is plot.viewport():
                self.chart = True
                mark("chart")
            if self.content and self.chart:
                QApplication.instance().removeEventFilter(self)
                mark("rss", peak_rss_mib())
                if os.environ.get("BRI_FACTS_BENCH"):  # else it stays open (benchmarks/visual.py)
                    QTimer.singleShot(0, QApplication.instance().quit)
        return False


app = QApplication(sys.argv[:1])
frame = pd.DataFrame({"name": [f"fact {i}" for i in range(10)], "value": np.arange(1, 11) * 3.0})
window = QMainWindow()
split = QSplitter(Qt.Orientation.Horizontal)
tree = QTreeWidget()
tree.setHeaderHidden(True)
root = QTreeWidgetItem(["facts"])
tree.addTopLevelItem(root)
for row in frame.itertuples(index=False):
    root.addChild(QTreeWidgetItem([f"{row.name}: {row.value:g}"]))
tree.expandAll()
plot = pg.PlotWidget(background="w")
plot.addItem(pg.BarGraphItem(x0=0, y=np.arange(10), height=0.6, width=frame["value"].to_numpy()))
split.addWidget(tree)
split.addWidget(plot)
window.setCentralWidget(split)
window.resize(1280, 820)
watcher = Watcher()
app.installEventFilter(watcher)
window.show()
mark("window")
sys.exit(app.exec())
