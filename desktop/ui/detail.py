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

from desktop.app import app_font
from desktop.domain.charts import chart_facts
from desktop.domain.dataset import Dataset, ThemeNode
from desktop.domain.facts import fact_figure, occurrences, paragraphs, related_facts
from desktop.domain.formatting import format_as_of


def _label(size: float = 0, bold: bool = False, selectable: bool = True, name: str = "") -> QLabel:
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
        label.setAccessibleName(name)
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
        self.setAccessibleName("Fact detail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.dataset: Dataset | None = None
        self.lang = "zh"
        self.fact_id: str | None = None
        self.theme: ThemeNode | None = None
        self.group: tuple[str, str, list[str]] | None = None  # (title zh, title en, fact ids)

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
        self.article.setAccessibleName("Article passage")
        self.article.setOpenLinks(False)
        self.article.setMinimumHeight(220)
        self.article.setVisible(False)
        self.related_caption = _label(bold=True, selectable=False, name="related caption")
        self.related = QLabel()
        self.related.setObjectName("related")
        self.related.setAccessibleName("Related facts")
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

    def tr_(self, zh: str, en: str) -> str:
        return zh if self.lang == "zh" else en

    def retranslate(self) -> None:
        self.show_article.setText(self.tr("Show in article"))
        self.show_article.setToolTip(self.tr("Show the paragraph of the article that states this fact"))
        self.quote_caption.setText(self.tr("In the article’s words"))
        self.related_caption.setText(self.tr("Related facts (same place or field)"))

    # ---- feeding
    def set_language(self, lang: str) -> None:
        self.lang = lang
        self.retranslate()
        self.refresh()

    def set_dataset(self, dataset: Dataset | None) -> None:
        self.dataset = dataset
        self.fact_id = None
        self.theme = None
        self.refresh()

    def show_fact(self, fact_id: str) -> None:
        self.fact_id, self.theme, self.group = fact_id, None, None
        self.refresh()

    def show_theme(self, theme: ThemeNode | None) -> None:
        self.fact_id, self.theme, self.group = None, theme, None
        self.refresh()

    def show_group(self, title_zh: str, title_en: str, fact_ids: list[str]) -> None:
        """A place or field group: its name, how many facts, and their figures as cards."""
        self.fact_id, self.theme, self.group = None, None, (title_zh, title_en, list(fact_ids))
        self.refresh()

    def refresh(self) -> None:
        ds = self.dataset
        fact_mode = ds is not None and self.fact_id is not None and self.fact_id in ds.facts.index
        for widget in (self.quote_caption, self.quote, self.show_article, self.related_caption,
                       self.related):
            widget.setVisible(fact_mode)
        self.cards_box.setVisible(not fact_mode)
        if not fact_mode:
            self.article.setVisible(False)
            self._show_theme()
            return
        zh, lang, fid = self.lang == "zh", self.lang, self.fact_id
        row = ds.facts.loc[fid]
        theme = ds.theme_of(fid)
        self.crumbs.setText(" › ".join(n.title(lang) for n in theme.path()))
        figure = fact_figure(ds, fid, lang)
        self.figure.setText(figure)
        self.figure.setVisible(bool(figure))
        self.title.setText(row["title_zh"] if zh else row["title_en"])
        self.statement.setText(row["text_zh"] if zh else row["text_en"])
        meta = []
        if row["as_of"]:
            meta.append(format_as_of(row["as_of"], lang))
        who = ds.name("attribution", row["attribution"], lang)
        note = ds.note("attribution", row["attribution"], lang)
        meta.append(self.tr("Stated by: %1").replace("%1", who + (f"({note})" if zh and note else
                                                                   f" ({note})" if note else "")))
        meta.append(self.tr("Source: %1").replace("%1", ds.citation(row["source"], lang)))
        places = [ds.name("place", k, lang) for k in ds.keys(fid, "places")]
        tags = [ds.name("tag", k, lang) for k in ds.keys(fid, "tags")]
        sep = "、" if zh else ", "
        if places:
            meta.append(self.tr("Places: %1").replace("%1", sep.join(places)))
        if tags:
            meta.append(self.tr("Fields: %1").replace("%1", sep.join(tags)))
        self.meta.setText("\n".join(meta))
        self.quote.setText(f"“{row['quote']}”" if zh else f"“{row['quote']}”")
        places_found = occurrences(ds.source_text(row["source"]), row["quote"])
        if len(places_found) > 1:
            self.quote_caption.setText(self.tr("In the article’s words (stated %n times)", "",
                                               len(places_found)))
        else:
            self.quote_caption.setText(self.tr("In the article’s words"))
        related = related_facts(ds, fid)
        links = []
        for other in related:
            r = ds.facts.loc[other]
            text = r["title_zh"] if zh else r["title_en"]
            fig = fact_figure(ds, other, lang)
            links.append(f'<a href="fact:{html.escape(other, quote=True)}">{html.escape(text)}</a>'
                         + (f" · {html.escape(fig)}" if fig else ""))
        self.related.setText("<br>".join(links) if links else html.escape(self.tr("None")))
        if self.show_article.isChecked():
            self._fill_article()

    def _show_theme(self) -> None:
        ds, lang = self.dataset, self.lang
        if ds is None:
            self.crumbs.setText("")
            self.figure.setText("")
            self.title.setText(self.tr("No dataset is open"))
            self.statement.setText(self.tr("Use File → Open dataset… or return to the bundled dataset."))
            self.meta.setText("")
            self._fill_cards([])
            return
        if self.group is not None:
            title_zh, title_en, ids = self.group
            self.crumbs.setText("")
            self.figure.setVisible(False)
            self.title.setText(title_zh if lang == "zh" else title_en)
            self.statement.setText("")
            self.meta.setText(self.tr("%n fact(s) in this group", "", len(ids)))
            self._fill_cards(ds.quantitative(ids)[:24])
            return
        theme = self.theme or ds.overview
        self.crumbs.setText(" › ".join(n.title(lang) for n in theme.path()[:-1]))
        count = len(theme.all_facts())
        self.figure.setText("")
        self.figure.setVisible(False)
        self.title.setText(theme.title(lang))
        self.statement.setText(theme.summary(lang))
        self.meta.setText(self.tr("%n fact(s) in this theme", "", count))
        self._fill_cards(chart_facts(ds, theme)[:24])

    def _fill_cards(self, fact_ids: list[str]) -> None:
        while self.cards.count():
            item = self.cards.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        ds, zh = self.dataset, self.lang == "zh"
        columns = 3
        for n, fid in enumerate(fact_ids):
            row = ds.facts.loc[fid]
            card = FigureCard(fid, fact_figure(ds, fid, self.lang),
                              row["title_zh"] if zh else row["title_en"])
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
        ds, fid = self.dataset, self.fact_id
        if ds is None or fid is None:
            return
        row = ds.facts.loc[fid]
        text = ds.source_text(row["source"])
        paras = paragraphs(text)
        found = occurrences(text, row["quote"])
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
        ds, fid = self.dataset, self.fact_id
        if ds is None or fid is None:
            return []
        row = ds.facts.loc[fid]
        text = ds.source_text(row["source"])
        paras = paragraphs(text)
        return [paras[o.paragraph].text[o.start:o.end] for o in occurrences(text, row["quote"])]

    def _link(self, href: str) -> None:
        if href.startswith("fact:"):
            self.factRequested.emit(href[5:])
