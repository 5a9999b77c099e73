"""F5, Shift+F5 and the booth: the window's presentation controller. It makes the
full-screen view on first use and the kiosk timer when kiosk mode is on (``--kiosk`` or the
setting ``Present/kiosk``)."""

from __future__ import annotations

import logging
import time
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QCoreApplication, QObject

from desktop.domain.scope import overview_scope
from desktop.ui.host import Host
from desktop.ui.present.kiosk import KIOSK_CYCLE_SECONDS, KIOSK_IDLE_MINUTES, Kiosk
from desktop.ui.present import SETTINGS_GROUP

if TYPE_CHECKING:  # the view is made (and its module imported) on first F5, after start-up
    from desktop.ui.present.view import PresentationView

log = logging.getLogger(__name__)


def settings_float(settings, key: str, default: float, low: float, high: float) -> float:
    raw = settings.value(key, default)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        log.warning("setting %s=%r is not a number; using %s", key, raw, default)
        return default
    if not low <= value <= high:
        log.warning("setting %s=%r is out of range; using %s", key, raw, default)
        return default
    return value


def settings_bool(settings, key: str) -> bool:
    raw = settings.value(key, False)
    if isinstance(raw, str):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return bool(raw)


class Presenter(QObject):
    def __init__(self, host: Host):
        super().__init__(host.widget())
        self.setObjectName("presenter")
        self.host = host
        self.view: PresentationView | None = None
        self.kiosk: Kiosk | None = None
        if settings_bool(host.settings, f"{SETTINGS_GROUP}/kiosk"):
            self.enable_kiosk()

    def showing(self) -> bool:
        return self.view is not None and self.view.isVisible()

    def _view(self) -> PresentationView:
        if self.view is None:
            from desktop.ui.present.view import PresentationView
            self.view = PresentationView(self.host)
            self.view.closed.connect(self._closed)
        return self.view

    def _closed(self, fid: str) -> None:
        if self.kiosk is not None:
            self.kiosk.view_closed(fid)

    def present(self, deck: list[str], index: int = 0, *, kiosk: bool = False) -> None:
        host = self.host
        if host.dataset is None or not deck:
            host.show_status(QCoreApplication.translate(
                "present", "There are no facts here to present."), 4000)
            return
        chart_scope = overview_scope(host.dataset) if kiosk else None
        self._view().start(deck, index, kiosk=kiosk, chart_scope=chart_scope)

    def _deck(self) -> list[str]:
        scope = self.host.current_scope()
        if scope is None and self.host.dataset is not None:
            return list(self.host.dataset.facts.index)
        return list(scope.fact_ids) if scope is not None else []

    def start(self) -> None:
        """F5: the facts of what is selected (theme, place, field or search), from the first."""
        self.present(self._deck(), 0)

    def start_here(self) -> None:
        """Shift+F5: the same deck, from the fact on screen in the browser."""
        deck = self._deck()
        fid = self.host.current_fact
        if fid is not None and fid not in deck:
            deck = [fid]
        self.present(deck, deck.index(fid) if fid in deck else 0)

    def enable_kiosk(self, idle_minutes: float | None = None,
                     clock: Callable[[], float] | None = None) -> Kiosk:
        """Kiosk mode on for this window."""
        if self.kiosk is not None:
            self.kiosk.shutdown()
            self.kiosk.deleteLater()
        settings = self.host.settings
        if idle_minutes is None:
            idle_minutes = settings_float(settings, f"{SETTINGS_GROUP}/kiosk_idle_minutes",
                                          KIOSK_IDLE_MINUTES, 0.1, 24 * 60)
        cycle = settings_float(settings, f"{SETTINGS_GROUP}/kiosk_cycle_seconds",
                               KIOSK_CYCLE_SECONDS, 2, 600)
        self.kiosk = Kiosk(self, idle_minutes, cycle, clock or time.monotonic)
        log.info("kiosk mode on: headline facts after %.1f idle minute(s)", idle_minutes)
        return self.kiosk

    def shutdown(self) -> None:
        if self.kiosk is not None:
            self.kiosk.shutdown()
