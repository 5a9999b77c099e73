"""The browse panel on the left: grouping switch (themes, places, fields), the search box and
the tree. Search runs on a prebuilt index, made in the background by a Worker as soon as a
dataset is open; a query typed before a large dataset's index is ready runs when it is.

Each keystroke filters the tree at once; the results page (``searched``) follows when typing
pauses for :data:`PAGE_DELAY_MS`, so a keystroke never waits for a page of thousands of matches."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QEvent, QModelIndex, QItemSelectionModel, Qt, QTimer, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (QAbstractItemView, QButtonGroup, QHBoxLayout, QLabel, QLineEdit,
                               QPushButton, QTreeView, QVBoxLayout, QWidget)

from desktop.base.memory import give_back
from desktop.domain.dataset import Dataset
from desktop.domain.grouping import facts_in_order
from desktop.domain.scope import Scope, group_scope, overview_scope, search_scope
from desktop.domain.search import SearchIndex
from desktop.ui.paint import FirstPaint, viewport_of
from desktop.ui.tree_model import FACT_ID_ROLE, GROUP_KEY_ROLE, BrowseModel
from desktop.ui.worker import Worker, window_busy

log = logging.getLogger(__name__)
translate = QCoreApplication.translate  # pyside6-lupdate reads these calls

GROUPINGS = ("theme", "place", "tag")
# Up to this many search matches the tree opens every group; above it, the top level only, and
# only when that shows at most OPEN_ROWS_LIMIT rows (laying out a thousand rows on each keystroke
# would take longer than the search itself): the reader drills down, or reads the results page.
EXPAND_ALL_LIMIT = 500
OPEN_ROWS_LIMIT = 200
# The results page is built this long after the last keystroke (a query being typed changes
# faster than a page of its matches is worth building).
PAGE_DELAY_MS = 200
# A dataset this small has its index built on the spot if a query comes before the background
# build is done (a few ms); a larger one shows "Preparing the search…" until the index is ready.
BUILD_NOW_LIMIT = 20_000


def _indexed(dataset: Dataset, progress, give_memory_back: bool) -> SearchIndex:
    """The search index of a newly opened dataset, built on a worker; the memory the previous
    dataset and the build's own word tables freed goes back to the system after it, when there
    is any worth giving back: not after the first start's small dataset, which replaced nothing
    (finding malloc_trim runs ``ldconfig -p`` through ctypes.util, for nothing to return)."""
    index = SearchIndex(dataset, progress)
    if give_memory_back:
        give_back()
    return index


class BrowsePanel(QWidget):
    groupingRequested = Signal(str)
    searched = Signal()              # the filter changed: the results page is due (see PAGE_DELAY_MS)
    currentChanged = Signal(QModelIndex)   # the tree's current row (whichever model it shows)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("browse")
        self.dataset: Dataset | None = None
        self.grouping = "theme"
        self.index: SearchIndex | None = None
        self._matches = None    # a search's matches as a mask over the dataset's rows, or None
        self._hits: list[str] | None = None   # their ids, made from the mask when first asked
        self._indexer: Worker | None = None

        self.model = BrowseModel(self)
        self.preview: QStandardItemModel | None = None   # the first paint's tree, until data
        self.tree = QTreeView()
        self.tree.setObjectName("tree")
        self._show_model(self.model)
        self.tree.setHeaderHidden(True)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setWordWrap(False)
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)

        self.group_buttons = QButtonGroup(self)
        switch = QHBoxLayout()
        switch.setSpacing(0)
        for key in GROUPINGS:
            button = QPushButton()
            button.setCheckable(True)
            button.setObjectName(f"group-{key}")
            button.setProperty("grouping", key)
            self.group_buttons.addButton(button)
            switch.addWidget(button)
        self.group_buttons.buttonClicked.connect(
            lambda b: self.groupingRequested.emit(b.property("grouping")))
        self.search = QLineEdit()
        self.search.setObjectName("search")
        FirstPaint(viewport_of(self.tree), lambda: True, self.add_clear_button)
        self.search.textChanged.connect(lambda _t: self._timer.start())
        self.search.returnPressed.connect(self.focus_first_match)
        self.search.installEventFilter(self)
        self.match_label = QLabel()
        self.match_label.setObjectName("matches")
        self.match_label.setVisible(False)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(0)
        self._timer.timeout.connect(self.run_search)
        self._page = QTimer(self)
        self._page.setSingleShot(True)
        self._page.setInterval(PAGE_DELAY_MS)
        self._page.timeout.connect(self.searched)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 0, 6)
        layout.addLayout(switch)
        layout.addWidget(self.search)
        layout.addWidget(self.match_label)
        layout.addWidget(self.tree, 1)

    # ---- words
    def retranslate(self) -> None:
        names = {"theme": translate("BrowsePanel", "Themes"), "place": translate("BrowsePanel", "Places"),
                 "tag": translate("BrowsePanel", "Fields")}
        for button in self.group_buttons.buttons():
            key = button.property("grouping")
            button.setText(names[key])
            button.setToolTip(translate("BrowsePanel", "Group the facts by %1").replace("%1", names[key].lower()))
            button.setAccessibleName(translate("BrowsePanel", "Group by %1").replace("%1", names[key].lower()))
        self.search.setPlaceholderText(translate("BrowsePanel", "Search facts, places, fields… (Ctrl+F)"))
        self.search.setAccessibleName(translate("BrowsePanel", "Search"))
        self.tree.setAccessibleName(translate("BrowsePanel", "Themes and facts"))
        self.match_label.setAccessibleName(translate("BrowsePanel", "Search matches"))
        self._update_matches()

    def _show_model(self, model) -> None:
        self.tree.setModel(model)
        self.tree.selectionModel().currentChanged.connect(self.currentChanged)

    def show_preview(self, rows: list, current: list[int]) -> None:
        """The tree as the snapshot drew it (desktop.ui.snapshot), until the data is loaded."""
        model = QStandardItemModel(self)

        def add(parent, entries) -> None:
            for entry in entries:
                item = QStandardItem(entry["text"])
                item.setEditable(False)
                if entry["bold"]:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                item.setData(entry["fact"] or None, FACT_ID_ROLE)
                item.setData(entry["group"] or None, GROUP_KEY_ROLE)
                parent.appendRow(item)
                add(item, entry["children"])
        add(model.invisibleRootItem(), rows)
        self.preview = model
        self._show_model(model)

        def expand(parent: QModelIndex, entries) -> None:
            for row, entry in enumerate(entries):
                index = model.index(row, 0, parent)
                if entry["expanded"]:
                    self.tree.expand(index)
                expand(index, entry["children"])
        expand(QModelIndex(), rows)
        index = QModelIndex()
        for row in current:
            index = model.index(row, 0, index)
        if index.isValid():
            self.tree.setCurrentIndex(index)

    # ---- feeding
    @window_busy()
    def set_dataset(self, dataset: Dataset | None, lang: str) -> None:
        if self.preview is not None:
            self._show_model(self.model)
            self.preview.deleteLater()
            self.preview = None
        replaced, self.dataset = self.dataset, dataset
        self.index = None
        self._set_matches(None)
        if self._indexer is not None:
            self._indexer.cancel()
            self._indexer = None
        if dataset is not None:
            self._build_index(dataset, replaced is not None or len(dataset.facts) > BUILD_NOW_LIMIT)
        self.model.set_language(lang)
        self.model.grouping = self.grouping
        self.model.set_dataset(dataset)
        if self.search.text():
            self.run_search()
        else:
            self.expand_top()
            self._update_matches()

    def set_language(self, lang: str) -> None:
        self.model.set_language(lang)

    def set_grouping(self, grouping: str) -> None:
        self.grouping = grouping
        self.model.set_grouping(grouping)
        if self._matches is not None:
            self.model.set_filter(self._matches)
        self._expand()
        for button in self.group_buttons.buttons():
            button.setChecked(button.property("grouping") == grouping)

    def expand_top(self) -> None:
        """Open the top level, when that shows at most OPEN_ROWS_LIMIT rows."""
        model = self.model
        tops = [model.index(row, 0) for row in range(model.rowCount())]
        if sum(model.rowCount(index) for index in tops) <= OPEN_ROWS_LIMIT:
            for index in tops:
                self.tree.expand(index)

    def _expand(self) -> None:
        if self._matches is not None and self.match_count() <= EXPAND_ALL_LIMIT:
            self.tree.expandAll()
        else:
            self.expand_top()

    # ---- what is selected
    def current_fact(self) -> str | None:
        index = self.tree.currentIndex()
        return index.data(FACT_ID_ROLE) if index.isValid() else None

    def scope_at(self, index: QModelIndex) -> Scope | None:
        """The scope of a row: a group's own; a fact's group, or the search result it was
        found in."""
        ds = self.dataset
        if ds is None:
            return None
        fact_row = index.isValid() and bool(index.data(FACT_ID_ROLE))
        if self._matches is not None and (fact_row or not index.isValid()):
            return search_scope(self.search.text(), facts_in_order(self.model.visible_groups()))
        if fact_row:
            index = index.parent()
        group = self.model.group_at(index)
        if group is None:
            return overview_scope(ds)
        return group_scope(ds, group, self.grouping)

    def select_index(self, index: QModelIndex) -> None:
        self.tree.scrollTo(index)
        self.tree.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)

    # ---- search
    def _build_index(self, dataset: Dataset, give_memory_back: bool) -> None:
        """Build the search index in the background, so that the first keystroke in a large
        dataset does not wait for it (100k facts: about 1 s)."""
        # the worker's progress lets a newer dataset cancel this build between its steps
        worker = Worker(lambda progress: _indexed(dataset, progress, give_memory_back),
                        "search index", self)
        worker.done.connect(lambda index: self._index_ready(dataset, index))
        worker.failed.connect(lambda exc: self._index_failed(dataset, exc))
        worker.finished.connect(worker.deleteLater)
        self._indexer = worker.start()

    def _index_ready(self, dataset: Dataset, index: SearchIndex) -> None:
        if dataset is self.dataset and self.index is None:
            self.index = index
            self._indexer = None
            if self.search.text().strip():
                self.run_search()   # a query typed while it was being built

    def _index_failed(self, dataset: Dataset, exc: BaseException) -> None:
        log.error("building the search index failed: %r", exc)
        if dataset is self.dataset:
            self._indexer = None    # the next search builds it on this thread
            if self.search.text().strip():
                self.run_search()

    def index_pending(self) -> bool:
        """A large dataset's index is still being built: a query waits for it."""
        return self.index is None and self._indexer is not None and self.dataset is not None \
            and len(self.dataset.facts) > BUILD_NOW_LIMIT

    @window_busy()
    def run_search(self, now: bool = False) -> None:
        """Filter the tree by the query; its page follows when typing pauses, or at once
        (``now``)."""
        if self.dataset is None:
            return
        query = self.search.text().strip()
        if not query:
            self._set_matches(None)
            self.model.set_filter(None)
        else:
            if self.index_pending():
                self._update_matches()
                return  # _index_ready runs this query
            if self.index is None:
                self.index = SearchIndex(self.dataset)
            self._set_matches(self.index.match(query))
            self.model.set_filter(self._matches)
        self._expand()
        self._update_matches()
        if now:
            self._page.stop()
            self.searched.emit()
        else:  # a query cleared to type the next one waits as well
            self._page.start()

    def _set_matches(self, matches) -> None:
        self._matches, self._hits = matches, None

    @property
    def hits(self) -> list[str] | None:
        """The ids of the facts the search matches, in dataset order (None: no search)."""
        if self._matches is not None and self._hits is None:
            self._hits = self.index.ids_of(self._matches)
        return self._hits

    def match_count(self) -> int:
        return int(self._matches.sum()) if self._matches is not None else 0

    def page_pending(self) -> bool:
        """A results page waits for typing to pause (see PAGE_DELAY_MS)."""
        return self._page.isActive()

    @window_busy()
    def show_page_now(self) -> None:
        """Build the pending results page now (Enter, or a command that needs it)."""
        if self._page.isActive():
            self._page.stop()
            self.searched.emit()

    def clear_search(self) -> None:
        self.search.clear()

    def words(self) -> list[str]:
        """The words of the query typed (what a results page marks)."""
        return SearchIndex.words(self.search.text())

    def search_pending(self) -> bool:
        """A keystroke whose search has not run yet (it runs on the next turn of the loop)."""
        return self._timer.isActive()

    def clear_search_now(self) -> None:
        """Clear the query and its filter at once (not on the next turn of the event loop)."""
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.run_search(now=True)

    def _update_matches(self) -> None:
        if self.search.text().strip() and self.index_pending():
            self.match_label.setVisible(True)
            self.match_label.setText(self.tr("Preparing the search…"))
            return
        if self._matches is None:
            self.match_label.setText("")
            self.match_label.setVisible(False)
            return
        self.match_label.setVisible(True)
        self.match_label.setText(self.tr("%Ln match(es)", "", self.match_count()))

    def add_clear_button(self) -> None:
        """The search box's clear button (×), added after the tree's first paint: Qt loads the
        icon engine for it (~12 ms), and it shows only when something has been typed."""
        self.search.setClearButtonEnabled(True)

    def focus_first_match(self) -> None:
        self.show_page_now()
        if self.hits:
            index = self.model.find_fact(self.hits[0])
            if index.isValid():
                self.select_index(index)
                self.tree.setFocus()

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if watched is self.search and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape and self.search.text():
                self.clear_search()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.tree.setFocus()
                return True
        return super().eventFilter(watched, event)
