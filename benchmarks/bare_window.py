"""Baseline 1: a bare PySide6 QMainWindow. Its first paint is both "content" and "chart"."""

import os
import sys

from _marks import mark, peak_rss_mib
from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class Watcher(QObject):
    def eventFilter(self, watched, event):  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Paint and watched is window:
            QApplication.instance().removeEventFilter(self)
            mark("content")
            mark("chart")
            mark("rss", peak_rss_mib())
            if os.environ.get("BRI_FACTS_BENCH"):  # else it stays open (benchmarks/visual.py)
                QTimer.singleShot(0, QApplication.instance().quit)
        return False


app = QApplication(sys.argv[:1])
window = QMainWindow()
window.setCentralWidget(QLabel("bare window"))
window.resize(1280, 820)
watcher = Watcher()
app.installEventFilter(watcher)
window.show()
mark("window")
sys.exit(app.exec())
