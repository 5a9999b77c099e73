"""The one first-paint watcher: calls back once, on the first paint of a widget at which a
condition holds (the tree showing content, the chart showing bars). The window turns these
into its ``contentPainted`` signal, which the splash screen, the deferred chart canvas and the
benchmark harness listen to."""

from __future__ import annotations

from typing import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QWidget


#: The name Qt gives a scroll area's viewport widget (QAbstractScrollArea, since Qt 4)
_VIEWPORT = "qt_scrollarea_viewport"


def viewport_of(view) -> QWidget:
    """``view.viewport()``, without PySide6's search for the returned widget's most derived
    class: that search makes the Python class of every QWidget subclass, with their ~70 enums
    (about 18 ms), and the first screen needs none of them. A child asked for as QWidget by
    name is not searched; ``viewport()`` then returns that same object."""
    # direct children only: a tree's header is a scroll area too, with a viewport of that name;
    # a viewport set with setViewport() has no name, and is asked of Qt
    return view.findChild(QWidget, _VIEWPORT, Qt.FindChildOption.FindDirectChildrenOnly) \
        or view.viewport()


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
