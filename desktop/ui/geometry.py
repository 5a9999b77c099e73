"""Where a window goes: centred at a comfortable size on first start, and back onto a screen
when it was remembered on a projector that is gone."""

from __future__ import annotations

import logging

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

log = logging.getLogger(__name__)


def first_geometry(window: QWidget) -> None:
    """First start: a comfortable size, never larger than the screen, centred on it."""
    screen = QGuiApplication.primaryScreen()
    if screen is None:
        return
    area = screen.availableGeometry()
    width = min(1400, int(area.width() * 0.9))
    height = min(900, int(area.height() * 0.9))
    window.setGeometry(area.x() + (area.width() - width) // 2,
                       area.y() + (area.height() - height) // 2, width, height)


def ensure_on_screen(window: QWidget) -> None:
    """A window remembered on a projector that is gone comes back onto the primary screen."""
    screens = QGuiApplication.screens()
    frame = window.frameGeometry()
    if any(screen.availableGeometry().intersects(frame) for screen in screens):
        visible = max((screen.availableGeometry().intersected(frame) for screen in screens),
                      key=lambda r: r.width() * r.height())
        if visible.width() >= 120 and visible.height() >= 80:
            return
    primary = QGuiApplication.primaryScreen()
    if primary is None:
        return
    area = primary.availableGeometry()
    width = min(window.width(), area.width())
    height = min(window.height(), area.height())
    window.setGeometry(area.x() + (area.width() - width) // 2,
                       area.y() + (area.height() - height) // 2, width, height)
    log.info("window geometry was off every screen; moved onto the primary screen")
