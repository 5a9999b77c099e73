"""The fact detail pane: the figure set large, the statement, its date, who states it, the
verbatim quote, “show in article” with the quote highlighted in its paragraph, related facts.

Text from a dataset is always shown as plain text: labels are PlainText, and the one rich-text
view (the article passage, the related links) is built from html-escaped strings."""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import (QFrame, QGridLayout, QHBoxLayout, QLabel, QPushButton,
                               QScrollArea, QSizePolicy, QTextBrowser, QVBoxLayout, QWidget)

from desktop.domain.dataset import Dataset
from desktop.domain.facts import occurrences, paragraphs, related_facts
from desktop.domain.scope import Scope
from desktop.domain.view import FactView, fact_view
from desktop.ui.fonts import app_font


def _label(size: float = 0, bold: bool = False, selectable: bool = True, name: str = "") -> QLabel:
    """A plain-text label; ``name`` is its objectName (the spoken name is set in the UI
    language by ``retranslate``)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    if size:
        label.setFont(app_font(size, bold))
    elif bold:
        label.setFont(app_font(bold=True))
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class FigureCard(QPushButton):
    """A headline figure on a theme's page: the figure large, its label below; click to open."""

    def __init__(self, fact_id: str, figure: str, title: str, parent=None):
        super().__init__(parent)
        self.fact_id = fact_id
        self.setObjectName("figure card")
        self.setAccessibleName(f"{figure} {title}")
        self.setToolTip(title)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet("QPushButton { text-align: left; padding: 8px 10px; border: 1px solid "
                           "#d0d7de; border-radius: 6px; background: palette(base); }"
                           "QPushButton:hover, QPushButton:focus { border-color: #1f5fa8; }")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(0)
        self.figure = _label(17, bold=True, selectable=False)
        self.figure.setStyleSheet("color: #1f5fa8; border: none; background: transparent;")
        self.figure.setText(figure)
        self.caption = _label(selectable=False)
        self.caption.setStyleSheet("border: none; background: transparent;")
        self.caption.setText(title)
        for label in (self.figure, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setMinimumHeight(self.figure.sizeHint().height() + self.caption.sizeHint().height() + 18)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)


class FactDetail(QScrollArea):
    factRequested = Signal(str)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("detail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.dataset: Dataset | None = None
        self.lang = "zh"
        self.fact_id: str | None = None
        self.scope: Scope | None = None
        self.view: FactView | None = None

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(18, 14, 18, 14)
        layout.setSpacing(8)
        self.crumbs = _label(name="crumbs")
        self.crumbs.setStyleSheet("color: palette(mid);")
        self.figure = _label(34, bold=True, name="figure")
        self.figure.setStyleSheet("color: #1f5fa8;")
        self.title = _label(15, bold=True, name="title")
        self.statement = _label(12, name="statement")
        self.meta = _label(name="meta")
        self.meta.setStyleSheet("color: palette(dark);")
        self.quote_caption = _label(bold=True, selectable=False, name="quote caption")
        self.quote = _label(12, name="quote")
        self.quote.setStyleSheet("background: #f4f1e8; color: #24292f; border-left: 4px solid #c9a227;"
                                 " padding: 8px;")
        buttons = QHBoxLayout()
        self.show_article = QPushButton()
        self.show_article.setCheckable(True)
        self.show_article.setObjectName("show in article")
        self.show_article.toggled.connect(self._toggle_article)
        buttons.addWidget(self.show_article)
        buttons.addStretch(1)
        self.article = QTextBrowser()
        self.article.setObjectName("article")
        self.article.setOpenLinks(False)
        self.article.setMinimumHeight(220)
        self.article.setVisible(False)
        self.related_caption = _label(bold=True, selectable=False, name="related caption")
        self.related = QLabel()
        self.related.setObjectName("related")
        self.related.setTextFormat(Qt.TextFormat.RichText)
        self.related.setWordWrap(True)
        self.related.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.related.linkActivated.connect(self._link)
        for widget in (self.crumbs, self.figure, self.title, self.statement, self.meta,
                       self.quote_caption, self.quote):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.article)
        layout.addWidget(self.related_caption)
        layout.addWidget(self.related)
        self.cards_box = QWidget()
        self.cards_box.setObjectName("figures")
        self.cards = QGridLayout(self.cards_box)
        self.cards.setContentsMargins(0, 6, 0, 0)
        self.cards.setSpacing(8)
        layout.addWidget(self.cards_box)
        layout.addStretch(1)
        self.setWidget(body)
        self.retranslate()

    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Fact detail"))
        for widget, name in ((self.crumbs, self.tr("Where this is in the themes")),
                             (self.figure, self.tr("Figure")), (self.title, self.tr("Title")),
                             (self.statement, self.tr("Statement")),
                             (self.meta, self.tr("Who states it, source and date")),
                             (self.quote, self.tr("The article’s words")),
                             (self.article, self.tr("Article passage")),
                             (self.related, self.tr("Related facts")),
                             (self.cards_box, self.tr("Headline figures"))):
            widget.setAccessibleName(name)
        self.show_article.setText(self.tr("Show in article"))
        self.show_article.setToolTip(self.tr("Show the paragraph of the article that states this fact"))
        self.quote_caption.setText(self.tr("In the article’s words"))
        self.related_caption.setText(self.tr("Related facts (same place or field)"))

    # ---- feeding
    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self.refresh()

    def set_dataset(self, dataset: Dataset | None, lang: str | None = None) -> None:
        self.dataset = dataset
        if lang:
            self.lang = lang
        self.fact_id = None
        self.scope = None
        self.refresh()

    def show_fact(self, fact_id: str) -> None:
        self.fact_id = fact_id
        self.refresh()

    def show_scope(self, scope: Scope | None) -> None:
        """A theme, place, field or search result: its name, summary, count and figures."""
        self.fact_id, self.scope = None, scope
        self.refresh()

    def refresh(self) -> None:
        ds = self.dataset
        fact_mode = ds is not None and self.fact_id is not None and self.fact_id in ds.facts.index
        for widget in (self.quote_caption, self.quote, self.show_article, self.related_caption,
                       self.related):
            widget.setVisible(fact_mode)
        self.cards_box.setVisible(not fact_mode)
        if not fact_mode:
            self.view = None
            self.article.setVisible(False)
            self._show_scope()
            return
        view = self.view = fact_view(ds, self.fact_id, self.lang)
        self.crumbs.setText(" › ".join(view.theme_path))
        self.figure.setText(view.figure)
        self.figure.setVisible(view.has_figure)
        self.title.setText(view.title)
        self.statement.setText(view.statement)
        self.statement.setVisible(True)
        self.meta.setText("\n".join(line for line in (view.provenance(), view.where()) if line))
        self.quote.setText(view.quoted())
        places_found = occurrences(ds.source_text(view.source_id), view.quote)
        if len(places_found) > 1:
            self.quote_caption.setText(self.tr("In the article’s words (stated %n times)", "",
                                               len(places_found)))
        else:
            self.quote_caption.setText(self.tr("In the article’s words"))
        links = []
        for other in related_facts(ds, view.id):
            rv = fact_view(ds, other, self.lang)
            links.append(f'<a href="fact:{html.escape(other, quote=True)}">{html.escape(rv.title)}</a>'
                         + (f" · {html.escape(rv.figure)}" if rv.figure else ""))
        self.related.setText("<br>".join(links) if links else html.escape(self.tr("None")))
        if self.show_article.isChecked():
            self._fill_article()

    def _show_scope(self) -> None:
        ds, lang, scope = self.dataset, self.lang, self.scope
        self.figure.setText("")
        self.figure.setVisible(False)
        if ds is None or scope is None:
            self.crumbs.setText("")
            self.title.setText(self.tr("No dataset is open") if ds is None else "")
            self.statement.setText(self.tr("Use File → Open dataset… or return to the bundled "
                                           "dataset.") if ds is None else "")
            self.meta.setText("")
            self._fill_cards([])
            return
        path = scope.theme.path()[:-1] if scope.theme is not None else []
        self.crumbs.setText(" › ".join(n.title(lang) for n in path))
        self.title.setText(scope.title(lang))
        self.statement.setText(scope.summary(lang))
        self.statement.setVisible(bool(scope.summary(lang)))
        count = len(scope.fact_ids)
        self.meta.setText(self.tr("%n fact(s) in this theme", "", count) if scope.kind == "theme"
                          else self.tr("%n fact(s) in this group", "", count))
        self._fill_cards(scope.chart_facts(ds)[:24])

    def _fill_cards(self, fact_ids: list[str]) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        columns = 3
        for n, fid in enumerate(fact_ids):
            view = fact_view(self.dataset, fid, self.lang)
            card = FigureCard(fid, view.figure, view.title)
            card.clicked.connect(lambda checked=False, f=fid: self.factRequested.emit(f))
            self.cards.addWidget(card, n // columns, n % columns)

    def figure_cards(self) -> list[FigureCard]:
        return [self.cards.itemAt(i).widget() for i in range(self.cards.count())
                if isinstance(self.cards.itemAt(i).widget(), FigureCard)]

    # ---- show in article
    def _toggle_article(self, on: bool) -> None:
        self.article.setVisible(on)
        if on:
            self._fill_article()

    def _fill_article(self) -> None:
        ds, view = self.dataset, self.view
        if ds is None or view is None:
            return
        text = ds.source_text(view.source_id)
        paras = paragraphs(text)
        found = occurrences(text, view.quote)
        marks: dict[int, list[tuple[int, int]]] = {}
        for occ in found:
            marks.setdefault(occ.paragraph, []).append((occ.start, occ.end))
        parts = []
        for para in paras:
            body = para.text
            spans = sorted(marks.get(para.index, []))
            if spans:
                out, pos = [], 0
                for start, end in spans:
                    out.append(html.escape(body[pos:start]))
                    out.append(f'<span style="background:#ffe066;color:#000">{html.escape(body[start:end])}</span>')
                    pos = end
                out.append(html.escape(body[pos:]))
                inner = "".join(out)
                parts.append(f'<p><a name="p{para.index}"></a>{inner}</p>')
            else:
                parts.append(f'<p style="color:#57606a">{html.escape(body)}</p>')
        self.article.setHtml("".join(parts))
        if found:
            self.article.scrollToAnchor(f"p{found[0].paragraph}")
        else:
            self.article.moveCursor(QTextCursor.MoveOperation.Start)

    def highlighted_passages(self) -> list[str]:
        """The highlighted words of the article view (what a reader sees marked)."""
        ds, view = self.dataset, self.view
        if ds is None or view is None:
            return []
        text = ds.source_text(view.source_id)
        paras = paragraphs(text)
        return [paras[o.paragraph].text[o.start:o.end] for o in occurrences(text, view.quote)]

    def _link(self, href: str) -> None:
        if href.startswith("fact:"):
            self.factRequested.emit(href[5:])
