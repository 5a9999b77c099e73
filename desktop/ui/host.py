"""What a feature (loading, export, presentation, help) may use of the main window: this
Protocol and nothing else. Features never set attributes on the window; the window composes
them in its constructor and hands itself over as a Host."""

from __future__ import annotations

from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QSettings, SignalInstance
from PySide6.QtWidgets import QWidget

from desktop.domain.charts import ChartSpec
from desktop.domain.dataset import Dataset
from desktop.domain.scope import Scope

if TYPE_CHECKING:
    from desktop.ui.chart.panel import ChartPanel


class Host(Protocol):
    dataset: Dataset | None
    lang: str
    settings: QSettings
    current_fact: str | None
    charts: "ChartPanel"
    languageChanged: SignalInstance
    datasetChanged: SignalInstance

    def widget(self) -> QWidget:
        """The parent for dialogs."""

    def current_scope(self) -> Scope | None:
        """What the user is looking at: a theme, a place, a field or a search result."""

    def current_spec(self) -> ChartSpec | None:
        """The chart on screen."""

    def set_dataset(self, dataset: Dataset | None) -> None: ...

    def select_fact(self, fact_id: str) -> bool: ...

    def select_overview(self) -> None: ...

    def clear_search(self) -> None: ...

    def toggle_language(self) -> None: ...

    def show_status(self, message: str, timeout_ms: int = 0) -> None: ...
