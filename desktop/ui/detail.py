"""The page pane beside the tree. Two pages, one scroll area:

- a **scope page** (theme, sub-theme, place, field, search result): its title and summary, the
  headline figure cards, then every fact of the scope as a readable list (desktop.ui.fact_list);
- a **fact page**: the figure set large, the statement, who states it with source and date on
  one line, the verbatim quote, “show in article” with the quote marked in its paragraph, and a
  short list of related facts.

Text from a dataset is always shown as plain text: labels are PlainText, and the rich-text views
(the article passage, the related links, the fact list) are built from html-escaped strings.
The reading size scales with the window's zoom (Ctrl+= / Ctrl+- / Ctrl+0)."""

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
from desktop.ui.fact_list import FactList
from desktop.ui.fonts import app_font
from desktop.ui.palette import PAGE
from desktop.ui.worker import window_busy

#: point sizes at zoom 1.0
SIZES = {"figure": 26, "title": 14, "statement": 11.5, "quote": 11, "body": 10, "card": 15,
         "list": 10.5, "heading": 17}
MAX_CARDS = 24
CARD_COLUMNS = 4
RELATED = 5


CARD_STYLE = (
    f"FigureCard {{ text-align: left; padding: 6px 8px; border: 1px solid {PAGE['border']};"
    f" border-radius: 6px; background: palette(base); }}"
    f"FigureCard:hover, FigureCard:focus {{ border-color: {PAGE['figure']}; }}"
    "FigureCard QLabel { border: none; background: transparent; }"
    f"FigureCard QLabel[part=\"figure\"] {{ color: {PAGE['figure']}; }}")


def _label(bold: bool = False, selectable: bool = True, name: str = "") -> QLabel:
    """A plain-text label; ``name`` is its objectName (the spoken name is set in the UI
    language by ``retranslate``)."""
    label = QLabel()
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setProperty("bold", bold)
    if selectable:
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if name:
        label.setObjectName(name)
    label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
    return label


class FigureCard(QPushButton):
    """A headline figure on a scope's page: the figure large, its label below; click to open.
    Its look is :data:`CARD_STYLE`, set once on the box that holds the cards (a style sheet per
    card made each card cost milliseconds to add). A page that follows another shows its figures
    in the cards already there (:meth:`show_view`): made, polished and laid out once, not again
    for every page (clearing a search over 100,000 facts rebuilt 16 of them)."""

    opened = Signal(str)            # the fact shown, when the card is clicked

    def __init__(self, parent=None):
        super().__init__(parent)
        self.fact_id = ""
        self._zoom = 0.0
        self.setObjectName("figure card")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 4, 8, 4)
        layout.setSpacing(0)
        self.figure = _label(bold=True, selectable=False)
        self.figure.setProperty("part", "figure")
        self.caption = _label(selectable=False)
        for label in (self.figure, self.caption):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(label)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.clicked.connect(self._open)

    def show_view(self, view: FactView, zoom: float) -> None:
        self.fact_id = view.id
        if zoom != self._zoom:
            self._zoom = zoom
            self.figure.setFont(app_font(SIZES["card"] * zoom, True))
            self.caption.setFont(app_font(SIZES["body"] * zoom))
        self.setAccessibleName(f"{view.figure} {view.title}")
        self.setToolTip("\n".join(t for t in (view.title, view.unit_note) if t))
        self.figure.setText(view.figure)
        self.caption.setText(view.title)
        self.setMinimumHeight(self.figure.sizeHint().height() + self.caption.sizeHint().height() + 12)

    def _open(self) -> None:
        self.opened.emit(self.fact_id)


class FactDetail(QScrollArea):
    factRequested = Signal(str)     # a card, a related link or a list entry was opened

    def __init__(self, parent=None):
        super().__init__(parent)
        self.setObjectName("detail")
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.dataset: Dataset | None = None
        self.lang = "zh"
        self.zoom = 1.0
        self.fact_id: str | None = None
        self.scope: Scope | None = None
        self.words: list[str] = []       # a search's words, marked on its page
        self.view: FactView | None = None

        body = QWidget()
        body.setObjectName("page")
        layout = QVBoxLayout(body)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.setSpacing(6)
        self.crumbs = _label(name="crumbs")
        self.crumbs.setStyleSheet(f"color: {PAGE['muted']};")
        self.figure = _label(bold=True, name="figure")
        self.figure.setStyleSheet(f"color: {PAGE['figure']};")
        self.title = _label(bold=True, name="title")
        self.statement = _label(name="statement")
        self.meta = _label(name="meta")
        self.meta.setStyleSheet(f"color: {PAGE['muted']};")
        self.hint = _label(selectable=False, name="hint")
        self.hint.setStyleSheet(f"color: {PAGE['muted']};")
        self.quote_caption = _label(bold=True, selectable=False, name="quote caption")
        self.quote = _label(name="quote")
        self.quote.setStyleSheet(f"background: {PAGE['quote_bg']}; color: {PAGE['quote_fg']}; "
                                 f"border-left: 4px solid {PAGE['quote_rule']}; padding: 6px;")
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
        self.article.setMinimumHeight(200)
        self.article.setVisible(False)
        self.related_caption = _label(bold=True, selectable=False, name="related caption")
        self.related = QLabel()
        self.related.setObjectName("related")
        self.related.setTextFormat(Qt.TextFormat.RichText)
        self.related.setWordWrap(True)
        self.related.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                             | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.related.linkActivated.connect(self._link)
        self.cards_box = QWidget()
        self.cards_box.setObjectName("figures")
        self.cards_box.setStyleSheet(CARD_STYLE)
        self.cards = QGridLayout(self.cards_box)
        self.cards.setContentsMargins(0, 4, 0, 4)
        self.cards.setSpacing(6)
        self.list_caption = _label(bold=True, selectable=False, name="list caption")
        self.facts = FactList()
        self.facts.factActivated.connect(self.factRequested)
        self.facts.selectionModel().currentChanged.connect(self._list_moved)
        for widget in (self.crumbs, self.figure, self.title, self.statement, self.meta, self.hint,
                       self.quote_caption, self.quote):
            layout.addWidget(widget)
        layout.addLayout(buttons)
        layout.addWidget(self.article)
        layout.addWidget(self.related_caption)
        layout.addWidget(self.related)
        layout.addWidget(self.cards_box)
        layout.addWidget(self.list_caption)
        layout.addWidget(self.facts)
        layout.addStretch(1)
        self.setWidget(body)
        self._fact_widgets = (self.quote_caption, self.quote, self.show_article,
                              self.related_caption, self.related)
        self._scope_widgets = (self.cards_box, self.list_caption, self.facts)
        self.apply_zoom()
        self.retranslate()

    # ---- words and size
    def retranslate(self) -> None:
        self.setAccessibleName(self.tr("Page"))
        for widget, name in ((self.crumbs, self.tr("Where this is in the themes")),
                             (self.figure, self.tr("Figure")), (self.title, self.tr("Title")),
                             (self.statement, self.tr("Statement")),
                             (self.meta, self.tr("Who states it, source and date")),
                             (self.hint, self.tr("How to go on")),
                             (self.quote, self.tr("The article’s words")),
                             (self.article, self.tr("Article passage")),
                             (self.related, self.tr("Related facts")),
                             (self.cards_box, self.tr("Headline figures")),
                             (self.facts, self.tr("Every fact here"))):
            widget.setAccessibleName(name)
        self.show_article.setText(self.tr("Show in article"))
        self.show_article.setToolTip(self.tr("Show the paragraph of the article that states this fact"))
        self.related_caption.setText(self.tr("Related facts (same place or field)"))
        self.hint.setText(self.tr("Pick a theme, place or field on the left, search with Ctrl+F, "
                                  "or press F5 to present the figures. F1 lists every key."))

    def set_zoom(self, zoom: float) -> None:
        self.zoom = zoom
        self.apply_zoom()
        self.refresh()

    def apply_zoom(self) -> None:
        z = self.zoom
        for label, size in ((self.figure, "figure"), (self.title, "title"),
                            (self.statement, "statement"), (self.quote, "quote"),
                            (self.crumbs, "body"), (self.meta, "body"), (self.hint, "body"),
                            (self.quote_caption, "body"), (self.related_caption, "body"),
                            (self.list_caption, "body"), (self.related, "body")):
            label.setFont(app_font(SIZES[size] * z, bool(label.property("bold"))))
        self.show_article.setFont(app_font(SIZES["body"] * z))
        self.article.setFont(app_font(SIZES["quote"] * z))
        self.facts.set_point_size(SIZES["list"] * z)

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
        self.verticalScrollBar().setValue(0)

    def show_scope(self, scope: Scope | None, words: list[str] | None = None) -> None:
        """A theme, place, field or search result: its page."""
        self.fact_id, self.scope, self.words = None, scope, list(words or [])
        self.refresh()
        self.verticalScrollBar().setValue(0)

    @window_busy()  # every page is built here
    def refresh(self) -> None:
        ds = self.dataset
        fact_mode = ds is not None and self.fact_id is not None and self.fact_id in ds.facts.index
        for widget in self._fact_widgets:
            widget.setVisible(fact_mode)
        for widget in self._scope_widgets:
            widget.setVisible(not fact_mode)
        if not fact_mode:
            self.view = None
            self.article.setVisible(False)
            self._show_scope()
            return
        self.hint.setVisible(False)
        view = self.view = fact_view(ds, self.fact_id, self.lang)
        self.crumbs.setText(" › ".join(view.theme_path))
        self.figure.setText(view.figure)
        self.figure.setVisible(view.has_figure)
        self.title.setText(view.title)
        self.statement.setText(view.statement)
        self.statement.setVisible(True)
        self.meta.setText("\n".join(line for line in (view.provenance(), view.where()) if line))
        self.meta.setVisible(True)
        self.quote.setText(view.quoted())
        places_found = occurrences(ds.source_text(view.source_id), view.quote)
        if len(places_found) > 1:
            self.quote_caption.setText(self.tr("In the article’s words (stated %Ln times)", "",
                                               len(places_found)))
        else:
            self.quote_caption.setText(self.tr("In the article’s words"))
        links = []
        for other in related_facts(ds, view.id, limit=RELATED):
            rv = fact_view(ds, other, self.lang)
            links.append(f'<a href="fact:{html.escape(other, quote=True)}">{html.escape(rv.title)}</a>'
                         + (f" · {html.escape(rv.figure)}" if rv.figure else ""))
        self.related.setText("<br>".join(links) if links else html.escape(self.tr("None")))
        # the button stays pressed from fact to fact, and the article with it (a page between
        # two facts hides the article, not the button's state)
        self._toggle_article(self.show_article.isChecked())

    def _show_scope(self) -> None:
        ds, lang, scope = self.dataset, self.lang, self.scope
        self.figure.setText("")
        self.figure.setVisible(False)
        if ds is None or scope is None:
            self.crumbs.setText("")
            self.title.setText(self.tr("No dataset is open") if ds is None else "")
            self.statement.setText(self.tr("Use File → Open dataset… or return to the bundled "
                                           "dataset.") if ds is None else "")
            self.statement.setVisible(ds is None)
            self.meta.setText("")
            self.hint.setVisible(False)
            self._fill_cards([])
            self.facts.fill([], [])
            self.list_caption.setVisible(False)
            return
        path = scope.theme.path()[:-1] if scope.theme is not None else []
        self.crumbs.setText(" › ".join(n.title(lang) for n in path))
        count = len(scope.fact_ids)
        if scope.kind == "search":
            self.title.setText(self.tr("%Ln fact(s) matching “%1”", "", count).replace("%1", scope.key))
        else:
            self.title.setText(scope.title(lang))
        summary = scope.summary(lang)
        if scope.kind == "search" and not count:
            summary = self.tr("No fact holds every word typed. Try fewer or shorter words: the search "
                              "reads ids, titles, statements, quotes, places and fields, in Chinese "
                              "and in English.")
        self.statement.setText(summary)
        self.statement.setVisible(bool(summary))
        kinds = {"theme": self.tr("%Ln fact(s) in this theme", "", count),
                 "search": ""}
        self.meta.setText(kinds.get(scope.kind, self.tr("%Ln fact(s) in this group", "", count)))
        self.meta.setVisible(bool(self.meta.text()))
        self.hint.setVisible(scope.overview and scope.kind == "theme")
        self._fill_cards(scope.chart_facts(ds)[:MAX_CARDS])
        sections = self._sections(scope)
        shown = sum(len(views) for _heading, views in sections)
        if shown < count:
            self.list_caption.setText(self.tr("The first %1 of %Ln facts: type more words to narrow "
                                              "the search", "", count).replace("%1", str(shown)))
        else:
            self.list_caption.setText(self.tr("Every fact here"))
        self.list_caption.setVisible(count > 0)
        self.facts.fill(sections, self.words)

    def _sections(self, scope: Scope) -> list[tuple[str, list[FactView]]]:
        """The facts in reading order; a theme with sub-themes gets a heading per sub-theme."""
        ds, lang = self.dataset, self.lang
        ids = list(scope.fact_ids)[:FactList.LIMIT]
        node = scope.theme
        if scope.kind != "theme" or node is None or not node.children:
            return [("", [fact_view(ds, fid, lang) for fid in ids])]
        wanted = set(ids)
        sections = [("", [fact_view(ds, fid, lang) for fid in node.facts if fid in wanted])]
        for child in node.children:
            views = [fact_view(ds, fid, lang) for fid in child.all_facts() if fid in wanted]
            sections.append((child.title(lang), views))
        return sections

    def _fill_cards(self, fact_ids: list[str]) -> None:
        self._set_cards([fact_view(self.dataset, fid, self.lang) for fid in fact_ids])
        self.cards_box.setVisible(bool(fact_ids) and self.fact_id is None)

    def _set_cards(self, views: list[FactView]) -> None:
        """One card per view, in rows of CARD_COLUMNS: the cards already made show the new
        figures, the ones left over are hidden (a page without cards, "Preparing the search…",
        keeps them for the next), and only cards never made before are made."""
        made = [self.cards.itemAt(i).widget() for i in range(self.cards.count())]
        for n, view in enumerate(views):
            if n < len(made):
                card = made[n]
            else:
                card = FigureCard(self.cards_box)
                card.opened.connect(self.factRequested)
                self.cards.addWidget(card, n // CARD_COLUMNS, n % CARD_COLUMNS)
            card.show_view(view, self.zoom)
            card.setHidden(False)
        for card in made[len(views):]:
            card.setHidden(True)

    # ---- the first paint (desktop.ui.snapshot)
    _TEXTS = ("crumbs", "figure", "title", "statement", "meta", "hint", "quote_caption", "quote",
              "related_caption", "list_caption")

    def capture(self) -> dict:
        """The page as shown: every text, what is visible, the cards and the list."""
        page = {"fact": self.fact_id or "", "related": self.related.text(),
                "cards": [[c.fact_id, c.figure.text(), c.caption.text()] for c in self.figure_cards()],
                "rows": [list(row) for row in self.facts.rows.rows]}
        for name in self._TEXTS:
            label = getattr(self, name)
            page[name] = [label.text(), not label.isHidden()]
        for name in ("show_article", "related", "cards_box", "facts"):
            page[f"{name}_shown"] = not getattr(self, name).isHidden()
        return page

    def show_preview(self, page: dict) -> None:
        """Paint a captured page before the dataset is loaded (nothing here reads data)."""
        self.fact_id = page.get("fact") or None
        for name in self._TEXTS:
            text, shown = page.get(name, ["", False])
            label = getattr(self, name)
            label.setText(text)
            label.setVisible(shown)
        self.related.setText(page.get("related", ""))
        for name in ("show_article", "related", "cards_box", "facts"):
            getattr(self, name).setVisible(bool(page.get(f"{name}_shown")))
        self._set_cards([FactView.card(fid, figure, caption, self.lang)
                         for fid, figure, caption in page.get("cards", [])])
        self.facts.rows.set_rows(tuple(row) for row in page.get("rows", []))
        self.facts.fit()

    def figure_cards(self) -> list[FigureCard]:
        """The cards the page shows, in reading order."""
        return [card for card in (self.cards.itemAt(i).widget() for i in range(self.cards.count()))
                if not card.isHidden()]

    def _list_moved(self, current, _previous) -> None:
        """Keep the entry the keyboard moved to in sight (the page scrolls, not the list)."""
        if current.isValid():
            rect = self.facts.visualRect(current)
            top = self.facts.mapTo(self.widget(), rect.topLeft())
            self.ensureVisible(top.x(), top.y() + rect.height() // 2, 0, rect.height() // 2 + 8)

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
                    out.append(f'<span style="background:{PAGE["mark"]};color:{PAGE["ink"]}">'
                               f"{html.escape(body[start:end])}</span>")
                    pos = end
                out.append(html.escape(body[pos:]))
                parts.append(f'<p><a name="p{para.index}"></a>{"".join(out)}</p>')
            else:
                parts.append(f'<p style="color:{PAGE["muted"]}">{html.escape(body)}</p>')
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
