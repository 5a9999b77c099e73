"""The main window: a tree of themes (or places, or fields) beside the fact detail and charts."""

from __future__ import annotations

import importlib
import logging
import threading

from PySide6.QtCore import (QByteArray, QCoreApplication, QEvent, QItemSelectionModel, QObject, Qt,
                            QTimer, Signal)
from PySide6.QtGui import QAction, QActionGroup, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QAbstractItemView, QApplication, QButtonGroup, QHBoxLayout, QLabel,
                               QLineEdit, QMainWindow, QMessageBox, QPushButton, QSplitter,
                               QStackedWidget, QTabBar, QTreeView, QVBoxLayout, QWidget)

from desktop import APP_NAME, __version__
from desktop.app import install_translator
from desktop.domain.charts import ChartSpec, chart_specs
from desktop.domain.dataset import Dataset, ThemeNode
from desktop.domain.facts import citation_text
from desktop.domain.grouping import facts_in_order
from desktop.domain.search import SearchIndex
from desktop.ui.actions import ACTIONS, MENUS
from desktop.ui.detail import FactDetail
from desktop.ui.tree_model import FACT_ID_ROLE, GROUP_KEY_ROLE, BrowseModel

log = logging.getLogger(__name__)
STATE_GROUP = "MainWindow"
#: Above this many search matches the tree opens only its top level (expanding every group of
#: a huge dataset would take longer than the search itself).
EXPAND_ALL_LIMIT = 2000
#: Feature modules of desktop.ui; each may define install(window) (drag and drop, timers, menus).
FEATURES = ("datasets", "export", "present", "help")


class _PaintWatch(QObject):
    """An event filter that hands events to a function (the window's first-paint hook)."""

    def __init__(self, handler, parent=None):
        super().__init__(parent)
        self.handler = handler

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        return self.handler(watched, event)


def _feature(name: str):
    return importlib.import_module(f"desktop.ui.{name}")


def resolve_handler(window, handler: str):
    """A MainWindow method name, or "module:function" of desktop.ui called with the window."""
    if ":" in handler:
        module, function = handler.split(":", 1)
        target = getattr(_feature(module), function)
        return lambda: target(window)
    return getattr(window, handler)


class MainWindow(QMainWindow):
    languageChanged = Signal(str)
    factSelected = Signal(str)
    chartDrawn = Signal()
    chartReady = Signal(object)  # the ChartCanvas, once made (just after the first paint)
    _indexBuilt = Signal(object, object)  # (dataset, SearchIndex) from the indexing thread

    def __init__(self, dataset: Dataset | None, settings, lang: str = "zh"):
        super().__init__()
        self.setObjectName("MainWindow")
        self.settings = settings
        self.dataset: Dataset | None = None
        self.lang = lang
        self.grouping = "theme"
        self.search_index: SearchIndex | None = None
        self.search_hits: list[str] | None = None
        self.current_fact: str | None = None
        self.current_theme: ThemeNode | None = None
        self.specs: list[ChartSpec] = []
        self.actions_by_id: dict[str, QAction] = {}
        self._menus = {}

        self.model = BrowseModel(self)
        self._build_widgets()
        self._build_actions()
        self.restore_state()
        for name in FEATURES:
            install = getattr(_feature(name), "install", None)
            if install is not None:
                install(self)
        self.set_dataset(dataset)
        self.retranslate()

    # ------------------------------------------------------------------ construction
    def _build_widgets(self) -> None:
        self.tree = QTreeView()
        self.tree.setObjectName("tree")
        self.tree.setModel(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.selectionModel().currentChanged.connect(self._current_changed)

        # grouping switch + search, above the tree
        self.group_buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for key in ("theme", "place", "tag"):
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName(f"group-{key}")
            button.setProperty("grouping", key)
            self.group_buttons.addButton(button)
            switch.addWidget(button)
        self.group_buttons.buttonClicked.connect(lambda b: self.set_grouping(b.property("grouping")))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        self.search.setClearButtonEnabled(True)
        self.search.textChanged.connect(self._schedule_search)
        self.search.returnPressed.connect(self._focus_first_match)
        self.search.installEventFilter(self)
        self.match_label = QLabel()
        self.match_label.setObjectName("matches")
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(0)
        self._search_timer.timeout.connect(self._run_search)

        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(6, 6, 0, 6)
        left_layout.addLayout(switch)
        left_layout.addWidget(self.search)
        left_layout.addWidget(self.match_label)
        left_layout.addWidget(self.tree, 1)

        self.detail = FactDetail()
        self.detail.factRequested.connect(self.select_fact)

        # charts: one tab per unit, the canvas below
        self.chart_tabs = QTabBar()
        self.chart_tabs.setObjectName("chart units")
        self.chart_tabs.setExpanding(False)
        self.chart_tabs.currentChanged.connect(self._chart_tab_changed)
        # The chart canvas (pyqtgraph) is made just after the first paint: the tree and the
        # fact come first. Anything that asks for self.chart earlier gets it made at once.
        self._chart = None
        self._paint_watch = _PaintWatch(self._after_first_paint, self)
        self.tree.viewport().installEventFilter(self._paint_watch)
        self.chart_pending = QLabel()
        self.chart_pending.setObjectName("chart pending")
        self.no_chart = QLabel()
        self.no_chart.setObjectName("no chart")
        self.no_chart.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.no_chart.setWordWrap(True)
        self.chart_stack = QStackedWidget()
        self.chart_stack.addWidget(self.chart_pending)
        self.chart_stack.addWidget(self.no_chart)
        chart_box = QWidget()
        chart_layout = QVBoxLayout(chart_box)
        chart_layout.setContentsMargins(0, 0, 0, 0)
        chart_layout.setSpacing(2)
        chart_layout.addWidget(self.chart_tabs)
        chart_layout.addWidget(self.chart_stack, 1)

        self.right_split = QSplitter(Qt.Orientation.Vertical)
        self.right_split.setObjectName("right splitter")
        self.right_split.addWidget(self.detail)
        self.right_split.addWidget(chart_box)
        self.right_split.setStretchFactor(0, 1)
        self.right_split.setStretchFactor(1, 1)
        self.right_split.setChildrenCollapsible(False)

        self.main_split = QSplitter(Qt.Orientation.Horizontal)
        self.main_split.setObjectName("main splitter")
        self.main_split.addWidget(left)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(0, 0)
        self.main_split.setStretchFactor(1, 1)
        self.main_split.setSizes([380, 900])
        self.right_split.setSizes([420, 420])
        self.setCentralWidget(self.main_split)

        self.language_button = QPushButton()
        self.language_button.setObjectName("language")
        self.language_button.clicked.connect(self.toggle_language)
        self.status_label = QLabel()
        self.statusBar().addPermanentWidget(self.status_label)
        self.resize(1280, 820)
        self.setMinimumSize(720, 480)

    def _build_actions(self) -> None:
        menubar = self.menuBar()
        for key, _text in MENUS:
            self._menus[key] = menubar.addMenu("")
        self.group_actions = QActionGroup(self)
        for spec in ACTIONS:
            action = QAction(self)
            action.setObjectName(spec.id)
            shortcuts = [QKeySequence(s) for s in spec.shortcut]
            unique = []
            for seq in shortcuts:
                if not seq.isEmpty() and seq not in unique:
                    unique.append(seq)
            if unique:
                action.setShortcuts(unique)
            action.setCheckable(spec.checkable)
            handler = resolve_handler(self, spec.handler)
            action.triggered.connect(lambda checked=False, h=handler: h())
            if spec.id.startswith("group_"):
                self.group_actions.addAction(action)
            menu = self._menus[spec.menu]
            if spec.separator_before and not menu.isEmpty():
                menu.addSeparator()
            menu.addAction(action)
            self.addAction(action)
            self.actions_by_id[spec.id] = action
        self.language_button.setFlat(False)
        menubar.setCornerWidget(self.language_button, Qt.Corner.TopRightCorner)

    # ------------------------------------------------------------------ words
    def retranslate(self) -> None:
        tr = QCoreApplication.translate
        for key, text in MENUS:
            self._menus[key].setTitle(tr("actions", text))
        for spec in ACTIONS:
            action = self.actions_by_id[spec.id]
            action.setText(tr("actions", spec.text))
            if action.shortcut() and not action.shortcut().isEmpty():
                action.setToolTip(f"{action.text().replace('&', '')} "
                                  f"({action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)})")
        names = {"theme": self.tr("Themes"), "place": self.tr("Places"), "tag": self.tr("Fields")}
        for button in self.group_buttons.buttons():
            key = button.property("grouping")
            button.setText(names[key])
            button.setToolTip(self.tr("Group the facts by %1").replace("%1", names[key].lower()))
            button.setAccessibleName(self.tr("Group by %1").replace("%1", names[key].lower()))
        self.search.setPlaceholderText(self.tr("Search facts, places, fields… (Ctrl+F)"))
        self.search.setAccessibleName(self.tr("Search"))
        self.tree.setAccessibleName(self.tr("Themes and facts"))
        if self._chart is not None:
            self._chart.setAccessibleName(self.tr("Chart"))
        self.language_button.setText("English" if self.lang == "zh" else "中文")
        self.language_button.setToolTip(self.tr("Switch the language of the window and the data"))
        self.language_button.setAccessibleName(self.tr("Switch language"))
        self.no_chart.setText(self.tr("No figures to chart here: this theme’s facts are statements "
                                      "without a number."))
        self._update_title()
        self._update_status()
        self._update_matches()

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
            self.detail.retranslate()
        super().changeEvent(event)

    def _update_title(self) -> None:
        name = self.tr("BRI S&T Fact Browser")
        if self.dataset is not None:
            ds_name = self.tr("bundled dataset") if getattr(self.dataset, "bundled", False) \
                else self.dataset.display_name()
            self.setWindowTitle(f"{name} — {ds_name}")
        else:
            self.setWindowTitle(name)

    def _update_status(self) -> None:
        if self.dataset is None:
            self.status_label.setText(self.tr("No dataset open"))
            return
        self.status_label.setText(self.tr("%n fact(s)", "", len(self.dataset.facts)))

    # ------------------------------------------------------------------ dataset
    def set_dataset(self, dataset: Dataset | None) -> None:
        self.dataset = dataset
        self.search_index = None
        if dataset is not None and not self.search.text():
            self._index_in_background(dataset)
        self.search_hits = None
        self.model.set_language(self.lang)
        self.model.grouping = self.grouping
        self.model.set_dataset(dataset)
        self.detail.lang = self.lang
        self.detail.set_dataset(dataset)
        if self.search.text():
            self._run_search()
        self._expand_top()
        restored = False
        if dataset is not None:
            last = self.settings.value(f"{STATE_GROUP}/last_fact", "", type=str)
            if last and last in dataset.facts.index:
                restored = self.select_fact(last)
        if not restored:
            self.select_overview()
        self._update_title()
        self._update_status()
        self.update_actions()

    def _expand_top(self) -> None:
        for row in range(self.model.rowCount()):
            self.tree.expand(self.model.index(row, 0))

    # ------------------------------------------------------------------ selection
    def select_overview(self) -> None:
        index = self.model.index(0, 0)
        if index.isValid():
            self.tree.setCurrentIndex(index)
        else:
            self.current_fact = None
            self.current_theme = None
            self.detail.show_theme(None)
            self._draw_charts()

    def select_fact(self, fact_id: str) -> bool:
        """Select a fact in the tree; a search that hides it is cleared first."""
        index = self.model.find_fact(fact_id)
        if not index.isValid() and self.search_hits is not None and self.dataset is not None \
                and fact_id in self.dataset.facts.index:
            self.search.blockSignals(True)
            self.search.clear()
            self.search.blockSignals(False)
            self._run_search()
            index = self.model.find_fact(fact_id)
        if not index.isValid():
            return False
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        return True

    def _current_changed(self, current, previous=None) -> None:
        if not current.isValid() or self.dataset is None:
            return
        fid = current.data(FACT_ID_ROLE)
        if fid:
            self.current_fact = fid
            theme = self.dataset.theme_of(fid) if self.grouping == "theme" else None
            self.detail.show_fact(fid)
            self.settings.setValue(f"{STATE_GROUP}/last_fact", fid)
            if self.grouping == "theme" and theme is not self.current_theme:
                self.current_theme = theme
                self._draw_charts()
            elif self.grouping != "theme":
                self.current_theme = None
                self._draw_charts(self._group_scope(current.parent()))
            else:
                self._select_chart_for(fid)
            self.factSelected.emit(fid)
        else:
            key = current.data(GROUP_KEY_ROLE)
            self.current_fact = None
            if self.grouping == "theme":
                self.current_theme = self.dataset.nodes.get(key)
                self.detail.show_theme(self.current_theme)
                self._draw_charts()
            else:
                self.current_theme = None
                group = current.internalPointer().group
                self.detail.show_group(group.title_zh, group.title_en, facts_in_order([group]))
                self._draw_charts(self._group_scope(current))
        self.update_actions()

    def _group_scope(self, index) -> tuple[list[str], str] | None:
        if not index.isValid():
            return None
        item = index.internalPointer()
        group = item.group
        if group is None:
            return None
        return facts_in_order([group]), group.title(self.lang)

    def current_scope_facts(self) -> list[str]:
        """The facts a command acts on: the search result, else the selected theme or group."""
        if self.search_hits is not None:
            return facts_in_order(self.model.visible_groups())
        if self.dataset is None:
            return []
        index = self.tree.currentIndex()
        if index.isValid() and index.data(FACT_ID_ROLE):
            index = index.parent()
        if index.isValid():
            return facts_in_order([index.internalPointer().group])
        return list(self.dataset.facts.index)

    # ------------------------------------------------------------------ charts
    @property
    def chart(self):
        """The ChartCanvas, made on first use (pyqtgraph loads then, not before the first paint)."""
        if self._chart is None:
            from desktop.ui.chart import ChartCanvas
            chart = ChartCanvas()
            chart.setObjectName("chart")
            chart.setAccessibleName(self.tr("Chart"))
            chart.barClicked.connect(self.select_fact)
            self._chart = chart
            self.chart_stack.insertWidget(0, chart)
            self.chart_stack.removeWidget(self.chart_pending)
            self.chart_pending.deleteLater()
            self.chartReady.emit(chart)
            if self.specs:
                self.chart_stack.setCurrentWidget(chart)
                self._show_spec(max(0, self.chart_tabs.currentIndex()))
        return self._chart

    def _after_first_paint(self, watched, event) -> bool:
        """Make the chart once the tree has painted (a 0 ms timer set at show would fire
        before the first paint and put pyqtgraph back on the start-up path)."""
        if event.type() == QEvent.Type.Paint and self._chart is None:
            self.tree.viewport().removeEventFilter(self._paint_watch)
            QTimer.singleShot(0, lambda: self.chart)
        return False

    def _draw_charts(self, scope: tuple[list[str], str] | None = None) -> None:
        ds = self.dataset
        if ds is None:
            self.specs = []
        elif scope is not None:
            ids, title = scope
            self.specs = chart_specs(ds, ds.overview, self.lang, fact_ids=ids, title=title)
        else:
            theme = self.current_theme or ds.overview
            self.specs = chart_specs(ds, theme, self.lang)
        self.chart_tabs.blockSignals(True)
        while self.chart_tabs.count():
            self.chart_tabs.removeTab(0)
        for spec in self.specs:
            self.chart_tabs.addTab(f"{spec.unit} ({len(spec.bars)})")
        self.chart_tabs.blockSignals(False)
        self.chart_tabs.setVisible(len(self.specs) > 1)
        if not self.specs:
            if self._chart is not None:
                self._chart.set_spec(None)
            self.chart_stack.setCurrentWidget(self.no_chart)
        elif self._chart is None:
            self.chart_stack.setCurrentWidget(self.chart_pending)
        else:
            self.chart_stack.setCurrentWidget(self._chart)
            target = 0
            if self.current_fact:
                for i, spec in enumerate(self.specs):
                    if any(b.fact_id == self.current_fact for b in spec.bars):
                        target = i
                        break
            self.chart_tabs.setCurrentIndex(target)
            self._show_spec(target)
        self.update_actions()

    def _select_chart_for(self, fact_id: str) -> None:
        if self._chart is None:
            return  # drawn, with this fact marked, when the canvas is made
        for i, spec in enumerate(self.specs):
            if any(b.fact_id == fact_id for b in spec.bars):
                if i != self.chart_tabs.currentIndex():
                    self.chart_tabs.setCurrentIndex(i)
                else:
                    self.chart.select(fact_id)
                return
        self.chart.select(None)

    def _chart_tab_changed(self, index: int) -> None:
        self._show_spec(index)

    def _show_spec(self, index: int) -> None:
        if self._chart is None:
            return  # the canvas draws the current tab when it is made
        if 0 <= index < len(self.specs):
            self.chart.selected = self.current_fact
            self.chart.set_spec(self.specs[index])
            self.chartDrawn.emit()

    def current_spec(self) -> ChartSpec | None:
        index = self.chart_tabs.currentIndex()
        if self.specs and 0 <= index < len(self.specs):
            return self.specs[index]
        return self.specs[0] if self.specs else None

    # ------------------------------------------------------------------ search
    def _index_in_background(self, dataset: Dataset) -> None:
        """Build the search index on a thread, so that the first keystroke in a large dataset
        does not wait for it (100k facts: about 1 s). Typing before it is ready builds it then."""
        if not hasattr(self, "_index_connected"):
            self._indexBuilt.connect(self._index_ready)
            self._index_connected = True

        def work() -> None:
            try:
                index = SearchIndex(dataset)
            except Exception:  # the search then builds its own on the first keystroke
                log.exception("building the search index in the background failed")
                return
            try:
                self._indexBuilt.emit(dataset, index)
            except RuntimeError:  # the window was closed meanwhile
                pass
        threading.Thread(target=work, name="search-index", daemon=True).start()

    def _index_ready(self, dataset, index) -> None:
        if dataset is self.dataset and self.search_index is None:
            self.search_index = index

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def _schedule_search(self, _text: str = "") -> None:
        self._search_timer.start()

    def _run_search(self) -> None:
        if self.dataset is None:
            return
        query = self.search.text().strip()
        if not query:
            self.search_hits = None
            self.model.set_filter(None)
        else:
            if self.search_index is None:
                self.search_index = SearchIndex(self.dataset)
            self.search_hits = self.search_index.search(query)
            self.model.set_filter(set(self.search_hits))
        if query and len(self.search_hits) <= EXPAND_ALL_LIMIT:
            self.tree.expandAll()
        else:  # thousands of matches: open the top level, let the user drill down
            self._expand_top()
        self._update_matches()
        if self.current_fact and self.model.find_fact(self.current_fact).isValid():
            self.select_fact(self.current_fact)
        self.update_actions()

    def _update_matches(self) -> None:
        if self.search_hits is None:
            self.match_label.setText("")
            self.match_label.setVisible(False)
            return
        self.match_label.setVisible(True)
        self.match_label.setText(self.tr("%n match(es)", "", len(self.search_hits)))

    def _focus_first_match(self) -> None:
        if self.search_hits:
            self.select_fact(self.search_hits[0])
            self.tree.setFocus()

    def clear_search(self) -> None:
        self.search.clear()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.clear_search()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.tree.setFocus()
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() == Qt.Key.Key_Escape and self.search.text():
            self.clear_search()
            return
        super().keyPressEvent(event)

    # ------------------------------------------------------------------ commands
    def set_grouping(self, grouping: str) -> None:
        if grouping not in ("theme", "place", "tag"):
            return
        fact = self.current_fact
        self.grouping = grouping
        self.model.set_grouping(grouping)
        if self.search_hits is not None:
            self.model.set_filter(set(self.search_hits))
            if len(self.search_hits) <= EXPAND_ALL_LIMIT:
                self.tree.expandAll()
        else:
            self._expand_top()
        self.current_theme = None
        if not (fact and self.select_fact(fact)):
            self.select_overview()
        self.settings.setValue(f"{STATE_GROUP}/grouping", grouping)
        self.update_actions()

    def group_by_theme(self) -> None:
        self.set_grouping("theme")

    def group_by_place(self) -> None:
        self.set_grouping("place")

    def group_by_tag(self) -> None:
        self.set_grouping("tag")

    def set_language(self, lang: str) -> None:
        if lang not in ("zh", "en"):
            return
        self.lang = lang
        install_translator(QApplication.instance(), lang)
        self.model.set_language(lang)
        self.detail.set_language(lang)
        self.settings.setValue(f"{STATE_GROUP}/language", lang)
        self.retranslate()
        scope = None
        if self.grouping != "theme" and self.tree.currentIndex().isValid():
            index = self.tree.currentIndex()
            scope = self._group_scope(index.parent() if self.current_fact else index)
        self._draw_charts(scope)
        self.languageChanged.emit(lang)

    def toggle_language(self) -> None:
        self.set_language("en" if self.lang == "zh" else "zh")

    def copy_fact(self) -> None:
        if self.dataset is None or not self.current_fact:
            return
        QGuiApplication.clipboard().setText(citation_text(self.dataset, self.current_fact, self.lang))
        self.statusBar().showMessage(self.tr("Fact copied with its citation"), 4000)

    def toggle_full_screen(self) -> None:
        if self.isFullScreen():
            self.showNormal()
        else:
            self.showFullScreen()
        self.actions_by_id["full_screen"].setChecked(self.isFullScreen())

    def show_about(self) -> None:
        ds = self.dataset
        source = ds.citation(ds.sources.index[0], self.lang) if ds is not None and len(ds.sources) else ""
        text = self.tr(
            "<h3>BRI S&amp;T Fact Browser %1</h3>"
            "<p>Every figure of the article, with the article’s own words and who states it.</p>"
            "<p><b>Data source:</b> %2</p>"
            "<p><b>Licences:</b> the app: MIT. Bundled font: Noto Sans CJK SC (subset), "
            "SIL Open Font License 1.1. Qt for Python (PySide6): LGPLv3. pandas, NumPy: BSD. "
            "pyqtgraph: MIT.</p>"
            "<p>Works offline: the app opens no network connection.</p>")
        import html as _html
        text = text.replace("%1", __version__).replace("%2", _html.escape(source))
        QMessageBox.about(self, self.tr("About %1").replace("%1", APP_NAME), text)

    # ------------------------------------------------------------------ enablement
    def update_actions(self) -> None:
        have = {"": True, "dataset": self.dataset is not None,
                "fact": self.current_fact is not None,
                "chart": self.current_spec() is not None}
        for spec in ACTIONS:
            self.actions_by_id[spec.id].setEnabled(have.get(spec.needs, True))
        for spec in ACTIONS:
            if spec.id == f"group_{self.grouping}":
                self.actions_by_id[spec.id].setChecked(True)
        for button in self.group_buttons.buttons():
            button.setChecked(button.property("grouping") == self.grouping)

    # ------------------------------------------------------------------ state
    def save_state(self) -> None:
        s = self.settings
        s.beginGroup(STATE_GROUP)
        s.setValue("geometry", self.saveGeometry())
        s.setValue("window_state", self.saveState())
        s.setValue("main_splitter", self.main_split.saveState())
        s.setValue("right_splitter", self.right_split.saveState())
        s.setValue("language", self.lang)
        s.setValue("grouping", self.grouping)
        if self.current_fact:
            s.setValue("last_fact", self.current_fact)
        s.endGroup()
        s.sync()

    def restore_state(self) -> None:
        s = self.settings
        s.beginGroup(STATE_GROUP)
        try:
            geometry = s.value("geometry")
            if isinstance(geometry, QByteArray) and not geometry.isEmpty():
                self.restoreGeometry(geometry)
            else:
                self._first_geometry()
            for key, split in (("main_splitter", self.main_split), ("right_splitter", self.right_split)):
                value = s.value(key)
                if isinstance(value, QByteArray) and not value.isEmpty():
                    split.restoreState(value)
            grouping = s.value("grouping", "theme", type=str)
            if grouping in ("theme", "place", "tag"):
                self.grouping = grouping
        finally:
            s.endGroup()
        self.ensure_on_screen()

    def _first_geometry(self) -> None:
        """First start: a comfortable size, never larger than the screen, centred on it."""
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        width = min(1400, int(area.width() * 0.9))
        height = min(900, int(area.height() * 0.9))
        self.setGeometry(area.x() + (area.width() - width) // 2,
                         area.y() + (area.height() - height) // 2, width, height)

    def ensure_on_screen(self) -> None:
        """A window remembered on a projector that is gone comes back onto the primary screen."""
        screens = QGuiApplication.screens()
        frame = self.frameGeometry()
        if any(screen.availableGeometry().intersects(frame) for screen in screens):
            visible = max((screen.availableGeometry().intersected(frame) for screen in screens),
                          key=lambda r: r.width() * r.height())
            if visible.width() >= 120 and visible.height() >= 80:
                return
        primary = QGuiApplication.primaryScreen()
        if primary is None:
            return
        area = primary.availableGeometry()
        width = min(self.width(), area.width())
        height = min(self.height(), area.height())
        self.setGeometry(area.x() + (area.width() - width) // 2,
                         area.y() + (area.height() - height) // 2, width, height)
        log.info("window geometry was off every screen; moved onto the primary screen")

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        try:
            self.save_state()
        except Exception:  # never let saving state block quitting
            log.exception("could not save the window state")
        super().closeEvent(event)
