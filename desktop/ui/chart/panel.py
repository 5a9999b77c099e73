"""The chart panel under the fact pane: one tab per unit of the scope on screen, the canvas
below. The canvas (pyqtgraph) is made on first need — after the window's first paint — so the
tree and the page come first; until then a quiet placeholder holds its place."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtWidgets import QLabel, QStackedWidget, QTabBar, QToolButton, QVBoxLayout, QWidget

from desktop.domain.charts import CHART_LIMIT, INFORMATIVE, ChartSpec, chart_set
from desktop.domain.dataset import Dataset
from desktop.domain.scope import Scope
from desktop.ui.worker import window_busy


translate = QCoreApplication.translate  # pyside6-lupdate reads these calls
#: QTabBar's scroll buttons (by their objectName), in Qt's own words and catalogue
MIN_HEIGHT = 300
QWIDGETSIZE_MAX = (1 << 24) - 1   # Qt's "no maximum" for a widget's size
SCROLL_BUTTONS = {"ScrollLeftButton": "Scroll Left", "ScrollRightButton": "Scroll Right"}


class ChartPanel(QWidget):
    ready = Signal(object)       # the ChartCanvas, once made
    drawn = Signal()             # a spec was drawn on the canvas
    barClicked = Signal(str)     # a fact id

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("chart panel")
        self.specs: list[ChartSpec] = []
        self.too_many: list[tuple[str, int]] = []   # units left out: more figures than a chart reads
        self.selected: str | None = None
        self.previewing = False  # the specs are a first-paint snapshot's, the data on its way
        self._canvas = None
        self._later = False      # the next scope's chart is drawn on the next turn of the loop
        self.tabs = QTabBar()
        self.tabs.setObjectName("chart units")
        self.tabs.setExpanding(False)
        self.tabs.currentChanged.connect(self._show)
        self.pending = QLabel()
        self.pending.setObjectName("chart pending")
        self.empty = QLabel()
        self.empty.setObjectName("no chart")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.left_out = QLabel()    # units with too many figures, beside those charted
        self.left_out.setObjectName("charts left out")
        self.left_out.setWordWrap(True)
        self.left_out.setVisible(False)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.pending)
        self.stack.addWidget(self.empty)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.tabs)
        layout.addWidget(self.left_out)
        layout.addWidget(self.stack, 1)
        # room for a few bars with two-line labels, title, unit line and footer
        self.setMinimumHeight(MIN_HEIGHT)
        self.retranslate()

    def retranslate(self) -> None:
        self.tabs.setAccessibleName(translate("ChartPanel", "Chart units"))
        # Qt names the tab bar's scroll buttons when it makes them, and not again: name them in
        # the language now installed (Qt's own catalogue, see desktop.ui.i18n)
        for button in self.tabs.findChildren(QToolButton):
            text = SCROLL_BUTTONS.get(button.objectName())
            if text:
                button.setAccessibleName(translate("QTabBar", text))
                button.setToolTip(translate("QTabBar", text))
        self._explain()
        if self._canvas is not None:
            self._canvas.setAccessibleName(translate("ChartPanel", "Chart"))
            self._canvas.viewport().setAccessibleName(translate("ChartPanel", "Chart"))

    def _explain(self) -> None:
        if self.too_many:
            unit, count = self.too_many[0]
            text = translate("ChartPanel", "Too many figures for one chart here: %1 in %2 (a chart "
                             "shows at most %3). Narrow the search or open a smaller group.")
            text = text.replace("%1", f"{count:,}").replace("%2", unit).replace("%3", str(CHART_LIMIT))
        else:
            text = translate("ChartPanel", "No figures to chart here: these facts are statements "
                             "without a number.")
        self.empty.setText(text)
        self.empty.setAccessibleName(text)
        units = "; ".join(translate("ChartPanel", "%1 in %2").replace("%1", f"{count:,}")
                          .replace("%2", unit) for unit, count in self.too_many[:3])
        units += "…" if len(self.too_many) > 3 else ""
        note = translate("ChartPanel", "Not charted, too many figures for one chart: %1.").replace("%1", units)
        self.left_out.setText(note if self.too_many else "")
        self.left_out.setAccessibleName(self.left_out.text())
        self.left_out.setVisible(bool(self.too_many and self.specs))
        # a notice alone needs a line or two, not the room of a chart: the page gets the rest
        notice_only = bool(self.too_many and not self.specs)
        self.setMinimumHeight(0 if notice_only else MIN_HEIGHT)
        self.setMaximumHeight(self.empty.heightForWidth(max(self.width(), 400)) + 24
                              if notice_only else QWIDGETSIZE_MAX)

    # ---- the canvas
    @property
    def made(self) -> bool:
        return self._canvas is not None

    @property
    def canvas(self):
        """The ChartCanvas, made on first use (pyqtgraph loads then, not before)."""
        if self._canvas is None:
            from desktop.ui.chart.canvas import ChartCanvas
            canvas = ChartCanvas()
            canvas.setObjectName("chart")
            canvas.barClicked.connect(self.barClicked)
            self._canvas = canvas
            self.retranslate()
            self.stack.insertWidget(0, canvas)
            self.stack.removeWidget(self.pending)
            self.pending.deleteLater()
            self.ready.emit(canvas)
            if self.specs:
                self.stack.setCurrentWidget(canvas)
                self._show(max(0, self.tabs.currentIndex()))
        return self._canvas

    # ---- feeding
    def show_preview(self, tabs: list[str], specs: list[ChartSpec] = (), current: int = 0,
                     selected: str | None = None) -> None:
        """The tabs of the first paint, and the charts it draws (desktop.ui.snapshot): drawn as
        soon as the canvas is made, before the data, which replaces them with the same charts."""
        self.specs, self.selected, self.previewing = list(specs), selected, bool(specs)
        self.tabs.blockSignals(True)
        for text in tabs:
            self.tabs.addTab(text)
        if 0 <= current < self.tabs.count():
            self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        self.tabs.setVisible(len(tabs) > 1)
        self.stack.setCurrentWidget(self.pending)

    @window_busy()
    def show_scope(self, dataset: Dataset | None, scope: Scope | None, lang: str,
                   selected: str | None = None) -> None:
        self.selected, self.previewing = selected, False
        later, self._later = self._later, False
        # a chart where it informs: two figures or more in a unit (one figure reads as its card)
        # and no chart of more bars than a reader can take in (a search of a large dataset)
        charts = chart_set(dataset, scope, lang, min_bars=INFORMATIVE, max_bars=CHART_LIMIT) \
            if dataset is not None and scope else None
        self.specs = charts.specs if charts else []
        self.too_many = charts.too_many if charts else []
        self.tabs.blockSignals(True)
        while self.tabs.count():
            self.tabs.removeTab(0)
        for spec in self.specs:
            self.tabs.addTab(f"{spec.unit} ({len(spec.bars)})")
        self.tabs.blockSignals(False)
        self.tabs.setVisible(len(self.specs) > 1)
        self._explain()
        if not self.specs:
            if self._canvas is not None:
                self._canvas.set_spec(None)
            self.stack.setCurrentWidget(self.empty)
            return
        if self._canvas is None:
            self.stack.setCurrentWidget(self.pending)
            return
        self.stack.setCurrentWidget(self._canvas)
        target = max(self.spec_index_of(selected) if selected else 0, 0)
        if later:
            self.tabs.blockSignals(True)
            self.tabs.setCurrentIndex(target)
            self.tabs.blockSignals(False)
            QTimer.singleShot(0, self, self._draw_current)
            return
        self.tabs.setCurrentIndex(target)
        self._show(target)

    @window_busy()
    def _draw_current(self) -> None:
        self._show(self.tabs.currentIndex())

    def draw_next_later(self) -> None:
        """Draw the next scope's chart on the next turn of the event loop, not at once: when a
        dataset replaces another, its tree and page come in one frame and its chart in the next
        (each under 0.1 s at 100k facts, together not)."""
        self._later = True

    def spec_index_of(self, fact_id: str | None) -> int:
        for i, spec in enumerate(self.specs):
            if any(bar.fact_id == fact_id for bar in spec.bars):
                return i
        return -1

    def select(self, fact_id: str | None) -> None:
        """Mark a fact's bar, switching to its unit's tab; a fact not charted marks nothing."""
        self.selected = fact_id
        if self._canvas is None:
            return  # drawn with this fact marked when the canvas is made
        index = self.spec_index_of(fact_id)
        if index >= 0 and index != self.tabs.currentIndex():
            self.tabs.setCurrentIndex(index)  # draws it, marked
        else:
            self._canvas.select(fact_id if index >= 0 else None)

    def current_spec(self) -> ChartSpec | None:
        index = self.tabs.currentIndex()
        if self.specs and 0 <= index < len(self.specs):
            return self.specs[index]
        return self.specs[0] if self.specs else None

    def _show(self, index: int) -> None:
        if self._canvas is None or not (0 <= index < len(self.specs)):
            return
        self._canvas.selected = self.selected
        self._canvas.set_spec(self.specs[index])
        self.drawn.emit()
