"""The one first-paint watcher: calls back once, on the first paint of a widget at which a
condition holds (the tree showing content, the chart showing bars). The window turns these
into its ``contentPainted`` signal, which the splash screen, the deferred chart canvas and the
benchmark harness listen to."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class FirstPaint(QObject):
    def __init__(self, widget: QWidget, condition: Callable[[], bool], callback: Callable[[], None]):
        super().__init__(widget)
        self.widget, self.condition, self.callback = widget, condition, callback
        widget.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.Paint and self.condition():
            watched.removeEventFilter(self)
            # after this paint has reached the screen, not inside it
            QTimer.singleShot(0, self.callback)
            self.deleteLater()
        return False
