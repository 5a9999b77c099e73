"""Every fact of a scope as a readable list on its page: the title, the statement in one or two
lines, the figure, who states it; section headings where a theme has sub-themes; the words of a
search marked. Up/Down move, Enter or a click opens the fact.

The list is as tall as its rows (the page around it scrolls); its rows are drawn from
html-escaped dataset text by a QTextDocument, so data is never read as markup."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QAbstractListModel, QModelIndex, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QAbstractTextDocumentLayout, QColor, QPalette, QTextDocument
from PySide6.QtWidgets import QAbstractItemView, QListView, QSizePolicy, QStyledItemDelegate

from desktop.domain.view import FactView
from desktop.ui.fonts import app_font
from desktop.ui.paint import viewport_of
from desktop.ui.palette import PAGE

FACT_ID_ROLE = Qt.ItemDataRole.UserRole + 1
HTML_ROLE = Qt.ItemDataRole.UserRole + 2
#: A statement is cut to about two lines of the list (characters; Chinese is about twice as dense)
STATEMENT_CHARS = {"zh": 90, "en": 180}
PAD = 8
#: the width of the bar that marks the chosen row, in pixels (inside the padding)
SELECTED_BAR = 4
#: row heights kept across pages (by a row's html, the width and the text size) before they are measured anew
HEIGHTS_KEPT = 5_000


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


def marked(text: str, words: list[str]) -> str:
    """``text`` html-escaped, with every occurrence of the words (case-insensitive) marked."""
    if not words:
        return html.escape(text)
    pattern = re.compile("|".join(re.escape(w) for w in sorted(words, key=len, reverse=True)),
                         re.IGNORECASE)
    out, pos = [], 0
    for match in pattern.finditer(text):
        out.append(html.escape(text[pos:match.start()]))
        out.append(f'<span style="background:{PAGE["mark"]};color:{PAGE["ink"]}">'
                   f"{html.escape(match.group())}</span>")
        pos = match.end()
    out.append(html.escape(text[pos:]))
    return "".join(out)


def row_html(view: FactView, words: list[str]) -> str:
    title = f"<b>{marked(view.title, words)}</b>"
    if view.figure:
        title += f' &nbsp;<b style="color:{PAGE["figure"]}">{html.escape(view.figure)}</b>'
    statement = marked(_cut(view.statement, STATEMENT_CHARS.get(view.lang, 180)), words)
    who = html.escape(view.stated_by)
    return (f"{title}<br>{statement}<br>"
            f'<span style="color:{PAGE["muted"]}">{who}</span>')


class _Rows(QAbstractListModel):
    def __init__(self, parent=None):
        super().__init__(parent)
        self.rows: list[tuple[str | None, str, str]] = []   # (fact id or None, html, spoken text)
        #: the html each row's height is measured on: its own without the search's marks, which
        #: change no line break, so that a fact is laid out once whatever the query
        self.measured: list[str] = []

    def set_rows(self, rows, measured=None) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.measured = list(measured) if measured is not None else [r[1] for r in self.rows]
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: N802 - Qt naming
        return 0 if parent.isValid() else len(self.rows)

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        if self.rows[index.row()][0] is None:  # a section heading
            return Qt.ItemFlag.ItemIsEnabled
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid():
            return None
        fid, markup, spoken = self.rows[index.row()]
        if role == FACT_ID_ROLE:
            return fid
        if role == HTML_ROLE:
            return markup
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole,
                    Qt.ItemDataRole.ToolTipRole):
            return spoken
        return None


class _Delegate(QStyledItemDelegate):
    def __init__(self, view: "FactList"):
        super().__init__(view)
        self.view = view
        # row heights by (measured html, width, point size): Qt asks for each row's size hint more
        # than once per layout (the list's layout, then FactList.fit), every keystroke of a search
        # lists the same facts again, and laying out rich text is the cost (105 rows: ~50 ms on a
        # slow laptop); kept across pages, up to HEIGHTS_KEPT
        self.heights: dict[tuple[str, int, float], int] = {}

    def _document(self, index, width: float, markup: str | None = None) -> QTextDocument:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        heading = index.data(FACT_ID_ROLE) is None
        font = app_font(self.view.point_size * (1.08 if heading else 1.0), bold=heading)
        doc.setDefaultFont(font)
        doc.setHtml(index.data(HTML_ROLE) if markup is None else markup)
        doc.setTextWidth(max(60.0, width - 2 * PAD))
        return doc

    def sizeHint(self, option, index) -> QSize:  # noqa: N802 - Qt naming
        width = viewport_of(self.view).width() or 600
        measured = self.view.rows.measured[index.row()]
        key = (measured, width, self.view.point_size)
        height = self.heights.get(key)
        if height is None:
            doc = self._document(index, width, measured)
            height = self.heights[key] = int(doc.size().height()) + 2 * PAD
        return QSize(width, height)

    def initStyleOption(self, option, index) -> None:  # noqa: N802 - Qt naming
        super().initStyleOption(option, index)
        option.text = ""  # the row's text is the rich text drawn over it in paint()
        # the chosen row on a light tint, not the style's dark highlight: the row's coloured
        # figure and who-states-it read on it (a bar in the figure's colour marks it in paint)
        option.palette.setColor(QPalette.ColorRole.Highlight, QColor(PAGE["selected_row"]))

    def paint(self, painter, option, index) -> None:
        # the style draws the row (background, selection, focus), then its rich text on top; no
        # QStyle in Python: PySide6 makes that class with its ~15 enums (~10 ms) when it is first
        # asked for, and the list is painted on the first screen
        super().paint(painter, option, index)
        selected = self.view.selectionModel().isSelected(index)
        if selected:
            rect = option.rect
            painter.fillRect(rect.left(), rect.top(), SELECTED_BAR, rect.height(), QColor(PAGE["figure"]))
        doc = self._document(index, option.rect.width())
        painter.save()
        painter.translate(option.rect.left() + PAD, option.rect.top() + PAD)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, QColor(PAGE["ink"]) if selected else
                                 option.palette.color(QPalette.ColorRole.Text))
        context.clip = QRectF(0, 0, option.rect.width(), option.rect.height())
        doc.documentLayout().draw(painter, context)
        painter.restore()
        painter.save()
        painter.setPen(QColor(PAGE["border"]))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()


class FactList(QListView):
    """The facts of a scope page. ``factActivated`` when one is clicked or Enter is pressed."""

    factActivated = Signal(str)
    # A page lists at most this many facts (every page of the bundled article is whole: its
    # largest lists 105); a larger scope says how many more there are and asks for a narrower
    # search. Each row is laid out as rich text: 300 rows took ~0.15 s at every page.
    LIMIT = 120

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("scope facts")
        self.point_size = 10.5
        self.rows = _Rows(self)
        self.setModel(self.rows)
        self.delegate = _Delegate(self)
        self.setItemDelegate(self.delegate)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setUniformItemSizes(False)
        self.setWordWrap(True)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.clicked.connect(self._open)
        self.activated.connect(self._open)

    def fill(self, sections: list[tuple[str, list[FactView]]], words: list[str]) -> None:
        """``sections``: (heading or "", the facts under it) in reading order."""
        rows, measured = [], []
        for heading, views in sections:
            if heading and views:
                rows.append((None, html.escape(heading), heading))
                measured.append(rows[-1][1])
            for view in views:
                spoken = " — ".join(t for t in (view.title, view.figure, view.statement) if t)
                rows.append((view.id, row_html(view, words), spoken))
                measured.append(row_html(view, []) if words else rows[-1][1])
        if len(self.delegate.heights) > HEIGHTS_KEPT:
            self.delegate.heights.clear()
        self.rows.set_rows(rows, measured)
        self.fit()

    def fact_ids(self) -> list[str]:
        return [fid for fid, _html, _spoken in self.rows.rows if fid]

    def set_point_size(self, size: float) -> None:
        self.point_size = size
        self.fit()

    def fit(self) -> None:
        """As tall as its rows: the page scrolls, not the list."""
        self.doItemsLayout()
        height = sum(self.sizeHintForRow(r) for r in range(self.rows.rowCount()))
        self.setFixedHeight(max(0, height) + 2 * self.frameWidth() + 2)

    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        if event.oldSize().width() != event.size().width():
            self.fit()

    def _open(self, index) -> None:
        fid = index.data(FACT_ID_ROLE)
        if fid:
            self.factActivated.emit(fid)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            return
        super().keyPressEvent(event)
