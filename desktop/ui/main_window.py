"""The main window: the browse panel (themes, places or fields, and search) beside the page of
what is selected and its charts. It composes its controllers here — loading, export,
presentation, help — and hands each itself as a :class:`~desktop.ui.host.Host`."""

from __future__ import annotations

import functools
import logging

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QPushButton, QSplitter, QLabel, QWidget

from desktop.domain.charts import ChartSpec
from desktop.domain.dataset import Dataset
from desktop.domain.scope import Scope
from desktop.domain.view import fact_view
from desktop.ui.actions import ACTIONS, MENUS
from desktop.ui.browse import GROUPINGS, BrowsePanel
from desktop.ui.chart.panel import ChartPanel
from desktop.ui.datasets import DatasetLoads
from desktop.ui.detail import FactDetail
from desktop.ui.i18n import install_translator
from desktop.ui import keyboard, snapshot as first_paint, window_state
from desktop.ui.window_state import STATE_GROUP, ZOOM_MAX, ZOOM_MIN, ZOOM_STEP
from desktop.ui.paint import FirstPaint, viewport_of
from desktop.ui.present.controller import Presenter
from desktop.ui.snapshot import StartState
from desktop.ui.tree_model import FACT_ID_ROLE, GROUP_KEY_ROLE

log = logging.getLogger(__name__)


class MainWindow(QMainWindow):
    languageChanged = Signal(str)
    factSelected = Signal(str)
    datasetChanged = Signal(object)
    #: "content" once the tree and the page have painted, "chart" once the first chart has
    contentPainted = Signal(str)

    def __init__(self, dataset: Dataset | None, settings, lang: str = "zh",
                 snapshot: dict | None = None):
        """``snapshot``: painted while ``dataset`` is None (desktop.ui.snapshot); data: set_dataset."""
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings
        self.dataset: Dataset | None = None
        self.lang = lang
        self.scope: Scope | None = None
        self.current_fact: str | None = None
        self.charts_wanted = True          # View → Show charts (remembered)
        self.zoom = 1.0                    # the reading size of the pages (remembered)
        self.waiting = snapshot is not None  # painted from a snapshot, the data on its way
        self._wanted: str | None = None    # a fact or group clicked before the data came
        self._held: Scope | None = None    # the page a fact was opened from
        self.actions_by_id: dict[str, QAction] = {}
        self._menus: dict[str, QMenu] = {}
        self._build_widgets()
        self.loads = DatasetLoads(self)
        self.presenter = Presenter(self)
        keyboard.KeyboardKeeper(self)  # the keyboard back to the window when a dialog of it closes
        self._build_actions()
        self.restore_state()
        self.detail.set_zoom(self.zoom)
        if snapshot is not None and dataset is None:
            self.retranslate()
            first_paint.paint(self, snapshot)
        else:
            self.set_dataset(dataset)
            self.retranslate()

    # ------------------------------------------------------------------ construction
    def _build_widgets(self) -> None:
        self.browser = BrowsePanel()
        self.browser.groupingRequested.connect(self.set_grouping)
        self.browser.searched.connect(self._searched)
        self.tree, self.model, self.search = self.browser.tree, self.browser.model, self.browser.search
        self.match_label, self.group_buttons = self.browser.match_label, self.browser.group_buttons
        self.browser.currentChanged.connect(self._current_changed)

        self.detail = FactDetail()
        self.detail.factRequested.connect(self.open_fact)
        self.charts = ChartPanel()
        self.charts.barClicked.connect(self.select_fact)

        self.right_split = QSplitter(Qt.Orientation.Vertical, objectName="right splitter")
        self.right_split.addWidget(self.detail)
        self.right_split.addWidget(self.charts)
        self.right_split.setStretchFactor(0, 1)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setChildrenCollapsible(False)
        self.main_split = QSplitter(Qt.Orientation.Horizontal, objectName="main splitter")
        self.main_split.addWidget(self.browser)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([380, 900])
        self.right_split.setSizes([520, 320])  # the page first; the chart below it
        self.setCentralWidget(self.main_split)

        self.language_button = QPushButton(objectName="language")
        self.language_button.clicked.connect(self.toggle_language)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1280, 820)
        self.setMinimumSize(720, 480)

        # first paint: content, then the chart canvas (pyqtgraph is not on the start-up path)
        FirstPaint(viewport_of(self.tree),
                   lambda: self.tree.model().rowCount() > 0 and self.tree.currentIndex().isValid(),
                   lambda: self.contentPainted.emit("content"))
        self.contentPainted.connect(self._painted)

    def _painted(self, what: str) -> None:
        if what == "content" and not self.charts.made:
            # next turn: the others waiting for the first paint (data, splash, benchmark) go first
            QTimer.singleShot(0, self._make_chart)

    def _make_chart(self) -> None:
        canvas = self.charts.canvas
        FirstPaint(canvas.viewport(), lambda: bool(canvas.bar_values()), lambda: self.contentPainted.emit("chart"))

    def _build_actions(self) -> None:
        menubar = self.menuBar()
        for key, _text in MENUS:
            self._menus[key] = menubar.addMenu("")
            self._menus[key].setObjectName(f"menu {key}")
        self.group_actions = QActionGroup(self)
        for spec in ACTIONS:
            menu = self._menus[spec.menu]
            if spec.separator_before and not menu.isEmpty():
                menu.addSeparator()
            if spec.is_submenu:
                sub = menu.addMenu("")
                sub.setObjectName(spec.id)
                sub.setToolTipsVisible(True)
                sub.aboutToShow.connect(lambda s=spec, m=sub: s.fill(self, m))
                action = sub.menuAction()
                action.setObjectName(spec.id)
            else:
                action = QAction(self)
                action.setObjectName(spec.id)
                unique: list[QKeySequence] = []
                for seq in (QKeySequence(s) for s in spec.shortcut):
                    if not seq.isEmpty() and seq not in unique:
                        unique.append(seq)
                if unique:
                    action.setShortcuts(unique)
                action.setCheckable(spec.checkable)
                action.triggered.connect(lambda checked=False, h=spec.handler: h(self))
                if spec.id.startswith("group_"):
                    self.group_actions.addAction(action)
                menu.addAction(action)
                self.addAction(action)
            self.actions_by_id[spec.id] = action
        menubar.setCornerWidget(self.language_button, Qt.Corner.TopRightCorner)

    # ------------------------------------------------------------------ made on first use
    # (the export and help modules load after the first paint)
    @functools.cached_property
    def exporter(self):
        from desktop.ui.export import ExportController
        return ExportController(self)

    @functools.cached_property
    def help(self):
        from desktop.ui.help import HelpController
        return HelpController(self)

    # ------------------------------------------------------------------ Host
    def widget(self) -> QWidget:
        return self

    def show_status(self, message: str, timeout_ms: int = 0) -> None:
        self.statusBar().showMessage(message, timeout_ms)

    def current_scope(self) -> Scope | None:
        self.browser.show_page_now()  # a command acts on the results of what is typed
        return self.scope

    def current_spec(self) -> ChartSpec | None:
        self.browser.show_page_now()
        return self.charts.current_spec()

    @property
    def specs(self) -> list[ChartSpec]:
        return self.charts.specs

    @property
    def search_hits(self) -> list[str] | None:
        return self.browser.hits

    @property
    def grouping(self) -> str:
        return self.browser.grouping

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        for key, text in MENUS:
            self._menus[key].setTitle(QCoreApplication.translate("actions", text))
        for spec in ACTIONS:
            action = self.actions_by_id[spec.id]
            action.setText(QCoreApplication.translate("actions", spec.text))
            if action.shortcut() and not action.shortcut().isEmpty():
                action.setToolTip(f"{action.text().replace('&', '')} "
                                  f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        self.browser.retranslate()
        self.charts.retranslate()
        self.detail.retranslate()
        self.language_button.setText("English" if self.lang == "zh" else "中文")
        self.language_button.setToolTip(self.tr("Switch the language of the window and the data"))
        self.language_button.setAccessibleName(self.tr("Switch language"))
        self._update_title()
        self._update_status()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        name, ds = self.tr("BRI S&T Fact Browser"), self.dataset
        where = None if ds is None else self.tr("bundled dataset") if ds.bundled else ds.display_name()
        self.setWindowTitle(f"{name} — {where}" if where else name)

    def _update_status(self) -> None:
        ds = self.dataset
        self.status_label.setText(self.tr("No dataset open") if ds is None else
                                  self.tr("%Ln fact(s)", "", len(ds.facts)))

    # ------------------------------------------------------------------ dataset
    def set_dataset(self, dataset: Dataset | None) -> None:
        wanted, self._wanted, self.waiting = self._wanted, None, False
        self.dataset = dataset
        self.scope = None
        self.charts.draw_next_later()
        self.browser.set_dataset(dataset, self.lang)
        self.detail.set_dataset(dataset, self.lang)
        restored = False
        if dataset is not None:
            if wanted and self.model.find_group(wanted).isValid():
                self.browser.select_index(self.model.find_group(wanted))
                restored = True
            else:
                last = self.settings.value(f"{STATE_GROUP}/last_fact", "", type=str)
                wanted = wanted or last
                if wanted and wanted in dataset.facts.index:
                    restored = self.select_fact(wanted)
        if not restored:
            self.select_overview()
        self._update_title()
        self._update_status()
        self.update_actions()
        self.datasetChanged.emit(dataset)

    # ------------------------------------------------------------------ selection
    def select_overview(self) -> None:
        index = self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        else:
            self._show(None, None)

    def select_fact(self, fact_id: str) -> bool:
        """Select a fact in the tree; a search that hides it is cleared first."""
        self._wanted = fact_id if self.waiting else self._wanted  # shown when the data comes
        index = self.model.find_fact(fact_id)
        if not index.isValid() and self.browser.hits is not None and self.dataset is not None \
                and fact_id in self.dataset.facts.index:
            self.browser.clear_search_now()
            index = self.model.find_fact(fact_id)
        if not index.isValid():
            return False
        self.browser.select_index(index)
        return True

    def _current_changed(self, current, _previous=None) -> None:
        if self.waiting and current.isValid():  # clicked before the data came: shown on arrival
            self._wanted = current.data(FACT_ID_ROLE) or current.data(GROUP_KEY_ROLE)
            return
        if not current.isValid() or self.dataset is None or self.browser.page_pending():
            return  # (a results page on its way shows the row current then)
        fid = current.data(FACT_ID_ROLE) or None
        scope = self.browser.scope_at(current)
        held, self._held = self._held, None
        if fid and held is not None and fid in held:
            scope = self._held = held  # opened from a page: that page stays the fact's scope
        self._show(scope, fid)

    def _searched(self) -> None:
        fid = self.current_fact
        if not self.tree.currentIndex().isValid() and fid and self.model.find_fact(fid).isValid():
            self.select_fact(fid)
        self._show(self.browser.scope_at(self.tree.currentIndex()), self.browser.current_fact())

    def _show(self, scope: Scope | None, fact_id: str | None) -> None:
        """Show a fact of a scope, or the scope's own page (fact_id None)."""
        self.current_fact = fact_id
        if fact_id:
            self.detail.show_fact(fact_id)
            self.settings.setValue(f"{STATE_GROUP}/last_fact", fact_id)
        else:
            searching = scope is not None and scope.kind == "search"
            self.detail.show_scope(scope, self.browser.words() if searching else [])
        if scope != self.scope:
            self.scope = scope
            self.charts.show_scope(self.dataset, scope, self.lang, fact_id)
            self._place_charts()
        else:
            self.charts.select(fact_id)
        if fact_id:
            self.factSelected.emit(fact_id)
        self.update_actions()

    def open_fact(self, fact_id: str) -> None:
        """Open a fact from the page: under the group on screen when it is there; the page's
        scope (its chart, previous / next) stays what the reader was looking at, a sub-theme's
        fact opened from its theme's page included."""
        if self.scope is not None and fact_id in self.scope:
            self._held = self.scope
        index = self.tree.currentIndex()
        group = index if index.isValid() and not index.data(FACT_ID_ROLE) else index.parent()
        found = self.model.find_fact(fact_id, group) if group.isValid() else None
        if found is not None and found.isValid():
            self.browser.select_index(found)
        else:
            self.select_fact(fact_id)

    def step_fact(self, delta: int) -> None:
        """Alt+Left / Alt+Right, [ / ]: the previous or next fact of the scope on screen."""
        scope, fid = self.scope, self.current_fact
        if scope is None or fid not in scope.fact_ids:
            return
        ids = scope.fact_ids
        target = ids[(ids.index(fid) + delta) % len(ids)]
        self.open_fact(target)

    def up_to_scope(self) -> None:
        """Alt+Up: from a fact back to the page it belongs to (the one it was opened from)."""
        scope = self.scope
        if scope is None or not self.current_fact:
            return
        if scope.kind == "search":
            self.tree.setCurrentIndex(QModelIndex())
            self._show(scope, None)
            return
        index = self.model.find_group(scope.key)
        if index.isValid():
            self.browser.select_index(index)

    # ------------------------------------------------------------------ reading
    def zoom_by(self, step: int) -> None:
        """Ctrl+= / Ctrl+- / Ctrl+0: the reading size of the pages, remembered."""
        zoom = 1.0 if step == 0 else self.zoom * (ZOOM_STEP if step > 0 else 1 / ZOOM_STEP)
        zoom = round(min(ZOOM_MAX, max(ZOOM_MIN, zoom)), 3)
        if zoom != self.zoom:
            self.zoom = zoom
            self.detail.set_zoom(zoom)
            self.settings.setValue(f"{STATE_GROUP}/zoom", zoom)
        self.show_status(self.tr("Text size %1%").replace("%1", str(round(zoom * 100))), 2000)

    def toggle_charts(self) -> None:
        self.charts_wanted = not self.charts_wanted
        self.settings.setValue(f"{STATE_GROUP}/charts", self.charts_wanted)
        self._place_charts()

    def _place_charts(self) -> None:
        """The chart panel shows when the scope has at least two figures in a unit (or says why
        they are too many to chart) and the reader wants charts; one figure reads as its card."""
        self.charts.setVisible(self.charts_wanted and bool(self.charts.specs or self.charts.too_many))
        self.actions_by_id["toggle_charts"].setChecked(self.charts_wanted)

    # ------------------------------------------------------------------ commands
    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def clear_search(self) -> None:
        self.browser.clear_search()

    def set_grouping(self, grouping: str) -> None:
        if grouping not in GROUPINGS:
            return
        fact = self.current_fact
        self.browser.set_grouping(grouping)
        self.scope = None
        if not (fact and self.select_fact(fact)):
            self.select_overview()
        self.settings.setValue(f"{STATE_GROUP}/grouping", grouping)
        self.update_actions()

    def set_language(self, lang: str) -> None:
        if lang not in ("zh", "en"):
            return
        self.lang = lang
        install_translator(QApplication.instance(), lang)  # first: the pages below use it
        self.browser.set_language(lang)
        self.detail.set_language(lang)
        self.settings.setValue(f"{STATE_GROUP}/language", lang)
        self.retranslate()
        self.charts.show_scope(self.dataset, self.scope, lang, self.current_fact)
        self.languageChanged.emit(lang)

    def toggle_language(self) -> None:
        self.set_language("en" if self.lang == "zh" else "zh")

    def copy_fact(self) -> None:
        if self.dataset is None or not self.current_fact:
            return
        QGuiApplication.clipboard().setText(fact_view(self.dataset, self.current_fact, self.lang).citation())
        self.show_status(self.tr("Fact copied with its citation"), 4000)

    def toggle_full_screen(self) -> None:
        self.showNormal() if self.isFullScreen() else self.showFullScreen()
        self.actions_by_id["full_screen"].setChecked(self.isFullScreen())

    # ------------------------------------------------------------------ enablement
    def update_actions(self) -> None:
        have = {"": True, "dataset": self.dataset is not None,
                "fact": self.current_fact is not None,
                "chart": self.charts.current_spec() is not None}
        for spec in ACTIONS:
            self.actions_by_id[spec.id].setEnabled(have.get(spec.needs, True))
        self.actions_by_id[f"group_{self.grouping}"].setChecked(True)
        for button in self.browser.group_buttons.buttons():
            button.setChecked(button.property("grouping") == self.grouping)

    # ------------------------------------------------------------------ state
    def save_state(self) -> None:
        window_state.save(self)

    def restore_state(self) -> None:
        window_state.restore(self)

    def start_state(self) -> StartState:
        """What the next start will show first (the snapshot written on close is for it)."""
        return window_state.start_state(self.settings, self.lang)

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        self.presenter.shutdown()
        self.loads.cancel(silent=True)
        try:
            self.save_state()
        except Exception:  # never let saving state block quitting
            log.exception("could not save the window state")
        try:
            first_paint.keep(self)
        except Exception:  # a cache: the next start is only slower without it
            log.warning("could not keep the first-paint snapshot", exc_info=True)
        super().closeEvent(event)
