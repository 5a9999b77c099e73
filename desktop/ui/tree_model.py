"""The browse tree as a Qt model: a thin adapter over desktop.domain.grouping.

Groups are the domain's :class:`Group` objects; fact rows are small items created on demand, so a
dataset of a million facts costs nothing until a group is expanded."""

from __future__ import annotations

import html

from PySide6.QtCore import QAbstractItemModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from desktop.domain.dataset import Dataset
from desktop.domain.view import FactView, fact_view
from desktop.ui.palette import PAGE
from desktop.domain.grouping import Group, GroupTree, build_groups

FACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
GROUP_KEY_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3
HIGHLIGHT = QColor(PAGE["match_row"])


def plain_tooltip(text: str) -> str:
    """Tooltip text shown literally: Qt renders tooltip text that looks like HTML, and data
    text must never be interpreted."""
    return "<p style='white-space:pre-wrap'>" + html.escape(str(text)) + "</p>"


class _Item:
    __slots__ = ("group", "fact_id", "parent", "row", "_children", "_facts")

    def __init__(self, group: Group | None, fact_id: str | None, parent: "_Item | None", row: int):
        self.group, self.fact_id, self.parent, self.row = group, fact_id, parent, row
        self._children: list[_Item] | None = None
        self._facts: dict[int, _Item] = {}

    def child_count(self) -> int:
        if self.group is None:
            return 0
        return self.group.size

    def child(self, row: int) -> "_Item":
        group = self.group
        if self._children is None:
            self._children = [_Item(g, None, self, i) for i, g in enumerate(group.children)]
        if row < len(self._children):
            return self._children[row]
        item = self._facts.get(row)
        if item is None:
            item = _Item(None, group.facts[row - len(group.children)], self, row)
            self._facts[row] = item
        return item


class BrowseModel(QAbstractItemModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.dataset: Dataset | None = None
        self.lang = "zh"
        self.grouping = "theme"
        self._all: list[Group] = []
        self._tree: GroupTree | None = None
        self._root = _Item(Group("", "", ""), None, None, 0)
        self._keep = None            # a mask over the dataset's rows (a search), or None
        self._views: dict[tuple[str, str], FactView] = {}

    def view(self, fact_id: str) -> FactView:
        """The fact as shown in the model's language (kept for the rows painted recently)."""
        key = (fact_id, self.lang)
        view = self._views.get(key)
        if view is None:
            if len(self._views) > 4096:
                self._views.clear()
            view = self._views[key] = fact_view(self.dataset, fact_id, self.lang)
        return view

    # ---- feeding
    def set_dataset(self, dataset: Dataset | None) -> None:
        self._views.clear()
        self.dataset = dataset
        self._keep = None
        self._rebuild_groups()

    def set_grouping(self, grouping: str) -> None:
        if grouping != self.grouping:
            self.grouping = grouping
            self._rebuild_groups()

    def set_language(self, lang: str) -> None:
        if lang != self.lang:
            self.lang = lang
            self._emit_all_changed()

    def set_filter(self, keep) -> None:
        """Show only the facts a mask over the dataset's rows marks (None: all); they are
        highlighted as matches."""
        self._keep = keep
        self._reset_root()

    def _matched(self, fact_id: str) -> bool:
        return self._keep is not None and bool(self._keep[self.dataset.facts.index.get_loc(fact_id)])

    def _rebuild_groups(self) -> None:
        self._all = build_groups(self.dataset, self.grouping) if self.dataset is not None else []
        self._tree = None  # made by the first search of these groups
        self._reset_root()

    def _reset_root(self) -> None:
        self.beginResetModel()
        groups = self._all
        if self._keep is not None and self.dataset is not None:
            if self._tree is None:
                self._tree = GroupTree(self._all, self.dataset)
            groups = self._tree.filtered(self._keep)
        self._root = _Item(Group("", "", "", children=groups), None, None, 0)
        self.endResetModel()

    def _emit_all_changed(self) -> None:
        # titles change in place; a reset would lose expansion and selection
        self.layoutAboutToBeChanged.emit()
        self.layoutChanged.emit()
        self.headerDataChanged.emit(Qt.Orientation.Horizontal, 0, 0)

    def visible_groups(self) -> list[Group]:
        return self._root.group.children

    # ---- Qt model interface
    def _item(self, index: QModelIndex) -> _Item:
        return index.internalPointer() if index.isValid() else self._root

    def index(self, row: int, column: int, parent: QModelIndex = QModelIndex()) -> QModelIndex:
        if column != 0 or row < 0:
            return QModelIndex()
        item = self._item(parent)
        if row >= item.child_count():
            return QModelIndex()
        return self.createIndex(row, 0, item.child(row))

    def parent(self, index: QModelIndex = QModelIndex()) -> QModelIndex:  # type: ignore[override]
        if not index.isValid():
            return QModelIndex()
        item: _Item = index.internalPointer()
        parent = item.parent
        if parent is None or parent is self._root:
            return QModelIndex()
        return self.createIndex(parent.row, 0, parent)

    def rowCount(self, parent: QModelIndex = QModelIndex()) -> int:
        if parent.column() > 0:
            return 0
        return self._item(parent).child_count()

    def columnCount(self, parent: QModelIndex = QModelIndex()) -> int:
        return 1

    def hasChildren(self, parent: QModelIndex = QModelIndex()) -> bool:
        return self.rowCount(parent) > 0

    def flags(self, index: QModelIndex) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return {"zh": "主题与事实", "en": "Themes and facts"}[self.lang]
        return None

    def data(self, index: QModelIndex, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or self.dataset is None:
            return None
        item: _Item = index.internalPointer()
        if item.group is not None:
            group = item.group
            if role == Qt.ItemDataRole.DisplayRole:
                return f"{group.title(self.lang)}  ({group.total:,})"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                unit = "条事实" if self.lang == "zh" else "facts"
                return f"{group.title(self.lang)} — {group.total} {unit}"
            if role == Qt.ItemDataRole.ToolTipRole:
                unit = "条事实" if self.lang == "zh" else "facts"
                return plain_tooltip(f"{group.title(self.lang)} — {group.total} {unit}")
            if role == Qt.ItemDataRole.FontRole:
                font = QFont()
                font.setBold(item.parent is self._root)
                return font
            if role == GROUP_KEY_ROLE:
                return group.key
            if role == KIND_ROLE:
                return "group"
            return None
        fid = item.fact_id
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            view = self.view(fid)
            return f"{view.title} · {view.figure}" if view.figure else view.title
        if role == Qt.ItemDataRole.ToolTipRole:
            return plain_tooltip(self.view(fid).statement)
        if role == Qt.ItemDataRole.BackgroundRole and self._matched(fid):
            return QBrush(HIGHLIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and self._matched(fid):
            return QBrush(QColor(PAGE["ink"]))
        if role == FACT_ID_ROLE:
            return fid
        if role == KIND_ROLE:
            return "fact"
        return None

    # ---- lookups for the window
    def _own(self, index: QModelIndex) -> bool:
        """A valid row of this model. The window's tree shows the snapshot's rows until the data
        comes, and a row of another model holds no item of this one: reading it as one crashed
        the app (a figure card clicked in the single file's first second)."""
        return index.isValid() and index.model() is self

    def group_at(self, index: QModelIndex) -> Group | None:
        """The group a row stands for (a fact's row, or a row of another model: None)."""
        if not self._own(index):
            return None
        item = index.internalPointer()
        return item.group if item.fact_id is None else None

    def find_fact(self, fact_id: str, under: QModelIndex = QModelIndex()) -> QModelIndex:
        """The first row showing this fact (a fact may stand under several places or tags),
        looked for below ``under`` (a group's row) or in the whole tree; below a row of another
        model, nowhere."""
        if under.isValid() and not self._own(under):
            return QModelIndex()

        def search(item: _Item, parent_index: QModelIndex) -> QModelIndex:
            group = item.group
            if fact_id in group.facts:
                row = len(group.children) + group.facts.index(fact_id)
                return self.index(row, 0, parent_index)
            for row in range(len(group.children)):
                child_index = self.index(row, 0, parent_index)
                if fact_id in _facts_below(group.children[row]):
                    found = search(child_index.internalPointer(), child_index)
                    if found.isValid():
                        return found
            return QModelIndex()
        return search(self._item(under), under)

    def find_group(self, key: str) -> QModelIndex:
        stack = [(self._root, QModelIndex())]
        while stack:
            item, index = stack.pop()
            for row, group in enumerate(item.group.children):
                child = self.index(row, 0, index)
                if group.key == key:
                    return child
                stack.append((child.internalPointer(), child))
        return QModelIndex()


def _facts_below(group: Group) -> set[str]:
    found, stack = set(), [group]
    while stack:
        g = stack.pop()
        found.update(g.facts)
        stack.extend(g.children)
    return found
