"""Kiosk mode for a booth: after ``idle_minutes`` without input the window goes back to the
overview and cycles the headline facts; any key or click hands the browser back to the visitor.

An application event filter notes the time of every key, click, wheel turn or mouse move;
a coarse QTimer calls :meth:`Kiosk.tick`, which compares ``clock()`` (seconds, monotonic by
default) with that time. Tests pass their own clock and call :meth:`Kiosk.tick` themselves."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication

from desktop.domain.dataset import Dataset

if TYPE_CHECKING:
    from desktop.ui.present.controller import Presenter

log = logging.getLogger(__name__)

KIOSK_IDLE_MINUTES = 3.0
KIOSK_CYCLE_SECONDS = 8.0
KIOSK_POLL_MS = 1000


def kiosk_deck(dataset: Dataset) -> list[str]:
    return dataset.headline_facts() or dataset.quantitative(list(dataset.facts.index)) \
        or list(dataset.facts.index)


class Kiosk(QObject):
    started = Signal()
    stopped = Signal()

    INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
             QEvent.Type.MouseMove}
    STOP = INPUT - {QEvent.Type.MouseMove}

    def __init__(self, presenter: "Presenter", idle_minutes: float = KIOSK_IDLE_MINUTES,
                 cycle_seconds: float = KIOSK_CYCLE_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(presenter)
        self.presenter = presenter
        self.idle_seconds = idle_minutes * 60.0
        self.cycle_seconds = cycle_seconds
        self.clock = clock
        self.active = False
        self.last_input = clock()
        self.last_step = self.last_input
        self._last_mouse: QPoint | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.setInterval(KIOSK_POLL_MS)
        self.timer.timeout.connect(self.tick)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def shutdown(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind not in self.INPUT:
            return False
        if kind == QEvent.Type.MouseMove:
            pos = event.globalPosition().toPoint()
            if pos == self._last_mouse:
                return False
            self._last_mouse = pos
        if self.active:
            if kind in self.STOP:
                self.stop()
                return True  # the key or click that wakes the booth does nothing else
            return False
        self.last_input = self.clock()
        return False

    def tick(self) -> None:
        now = self.clock()
        if not self.active:
            if now - self.last_input >= self.idle_seconds and self._can_start():
                self.start()
        elif now - self.last_step >= self.cycle_seconds:
            view = self.presenter.view
            if view is None or not view.isVisible():
                self.active = False
                self.last_input = now
                return
            view.step(1)
            self.last_step = now

    def _can_start(self) -> bool:
        host = self.presenter.host
        if not host.widget().isVisible():
            return False  # the window was closed
        if self.presenter.showing():
            return False  # a speaker's presentation is never taken over
        if QApplication.activeModalWidget() is not None \
                or QApplication.activePopupWidget() is not None:
            return False
        return host.dataset is not None and bool(kiosk_deck(host.dataset))

    def start(self) -> None:
        host = self.presenter.host
        deck = kiosk_deck(host.dataset)
        host.clear_search()
        host.select_overview()
        self.active = True
        self.last_step = self.clock()
        self.presenter.present(deck, 0, kiosk=True)
        log.info("kiosk: idle, cycling %d headline facts", len(deck))
        self.started.emit()

    def stop(self) -> None:
        self.active = False
        self.last_input = self.clock()
        if self.presenter.showing():
            self.presenter.view.close()
        self.stopped.emit()

    def view_closed(self, _fid: str) -> None:
        if self.active:
            self.active = False
            self.last_input = self.clock()
            self.stopped.emit()
