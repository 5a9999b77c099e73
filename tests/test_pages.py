"""Reading a theme, a place, a field or a search result as one page; the fact page at a small
laptop's size; previous / next; F1; the reading size."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, Qt
from PySide6.QtWidgets import QApplication

from desktop.domain.grouping import build_groups, facts_in_order
from desktop.ui.actions import ACTIONS
from desktop.ui.help import key_texts, menu_text


def _settle():
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()


def _open_group(window, qtbot, grouping, key):
    window.set_grouping(grouping)
    index = window.model.find_group(key)
    assert index.isValid()
    window.tree.setCurrentIndex(index)
    qtbot.waitUntil(lambda: getattr(window.current_scope(), "key", None) == key)


def test_a_theme_page_lists_every_fact_of_the_theme_by_sub_theme(window, qtbot, dataset):
    node = next(n for n in dataset.roots if n.children)
    _open_group(window, qtbot, "theme", node.id)
    page = window.detail
    assert page.facts.isVisible()
    assert page.facts.fact_ids() == node.all_facts()
    headings = [page.facts.rows.rows[i][2] for i in range(len(page.facts.rows.rows))
                if page.facts.rows.rows[i][0] is None]
    assert headings == [child.title("zh") for child in node.children if child.all_facts()]


@pytest.mark.parametrize("grouping,key", [("place", "africa"), ("place", "kenya"), ("tag", "energy")])
def test_a_place_or_field_page_lists_exactly_its_facts(window, qtbot, dataset, grouping, key):
    _open_group(window, qtbot, grouping, key)
    group = next(g for g in build_groups(dataset, grouping) if g.key == key)
    assert window.detail.facts.fact_ids() == facts_in_order([group])
    window.set_language("en")
    assert window.detail.title.text() == dataset.name("place" if grouping == "place" else "tag", key, "en")
    # every entry says its title and who states it
    rows = {fid: markup for fid, markup, _spoken in window.detail.facts.rows.rows if fid}
    for fid in facts_in_order([group]):
        assert dataset.name("attribution", dataset.facts.at[fid, "attribution"], "en") in rows[fid]


def test_search_results_are_a_page_with_the_words_marked(window, qtbot, dataset):
    window.set_language("en")
    qtbot.keyClicks(window.search, "Kenya")
    qtbot.waitUntil(lambda: window.search_hits is not None)
    hits = window.search_hits
    assert window.current_scope().kind == "search"
    assert window.detail.title.text() == f"{len(hits)} facts matching “Kenya”"  # English plurals
    assert window.match_label.text() == f"{len(hits)} matches"
    assert sorted(window.detail.facts.fact_ids()) == sorted(hits)
    from desktop.ui.palette import PAGE
    mark = f'<span style="background:{PAGE["mark"]};color:{PAGE["ink"]}">'
    marked = [markup for fid, markup, _ in window.detail.facts.rows.rows if fid and mark in markup]
    assert marked and all(f"{mark}Kenya</span>" in m for m in marked)


def test_the_cards_of_a_page_that_follows_another_open_what_they_show(window, qtbot, dataset):
    """Cards are reused from page to page: each must say and open its new fact, at the zoom."""
    def shown():
        return [(c.fact_id, c.figure.text()) for c in window.detail.figure_cards()]

    overview = shown()
    assert overview and [fid for fid, _ in overview] == \
        window.current_scope().chart_facts(dataset)[:len(overview)]
    qtbot.keyClicks(window.search, "Kenya")
    qtbot.waitUntil(lambda: "Kenya" in window.detail.title.text())
    found = shown()
    scope = window.current_scope()
    assert [fid for fid, _ in found] == scope.chart_facts(dataset)[:len(found)]
    assert {fid for fid, _ in found} <= set(window.search_hits) and found != overview[:len(found)]
    card = window.detail.figure_cards()[0]
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_fact == found[0][0])
    assert window.detail.figure.text() == found[0][1]
    window.search.setText("qqqzzz")  # no match: a page without cards
    qtbot.waitUntil(lambda: "qqqzzz" in window.detail.title.text())
    assert window.detail.figure_cards() == []
    window.search.clear()
    window.select_overview()
    qtbot.waitUntil(lambda: window.current_fact is None and shown() == overview)
    window.actions_by_id["zoom_in"].trigger()
    card = window.detail.figure_cards()[-1]
    assert card.figure.font().pointSizeF() > window.detail.figure_cards()[0].caption.font().pointSizeF()
    from desktop.ui.detail import SIZES
    assert card.figure.font().pointSizeF() == pytest.approx(SIZES["card"] * window.zoom)
    qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: window.current_fact == overview[-1][0])


def test_a_search_nothing_matches_says_what_to_try(window, qtbot):
    qtbot.keyClicks(window.search, "qqqzzz")
    qtbot.waitUntil(lambda: "qqqzzz" in window.detail.title.text())
    assert window.detail.title.text() == "0条事实与“qqqzzz”匹配"
    assert window.detail.statement.isVisible()
    assert window.detail.statement.text().startswith("没有一条事实包含所输入的全部词语")
    assert window.detail.figure_cards() == [] and window.detail.facts.fact_ids() == []
    window.set_language("en")
    qtbot.waitUntil(lambda: window.detail.title.text() == "0 facts matching “qqqzzz”")
    assert "Try fewer or shorter words" in window.detail.statement.text()
    window.search.clear()
    qtbot.keyClicks(window.search, "Kenya")
    qtbot.waitUntil(lambda: "Kenya" in window.detail.title.text())
    assert "Try fewer" not in window.detail.statement.text()


def test_a_fact_page_says_its_words_in_the_language_switched_to(window, qtbot):
    """What a fact page works out for itself (a quote the article states twice) survives a
    switch of language, both ways."""
    window.select_fact("st-agreements-countries")
    qtbot.waitUntil(lambda: window.current_fact == "st-agreements-countries")
    caption = window.detail.quote_caption
    assert caption.text() == "原文表述（文中出现2次）"
    window.set_language("en")
    assert caption.text() == "In the article’s words (stated 2 times)"
    assert window.detail.title.text() == window.detail.view.title and window.detail.view.lang == "en"
    window.set_language("zh")
    assert caption.text() == "原文表述（文中出现2次）"


def test_the_page_list_works_from_the_keyboard(window, qtbot, dataset):
    _open_group(window, qtbot, "place", "africa")
    ids = window.detail.facts.fact_ids()
    assert len(ids) >= 2
    lst = window.detail.facts
    lst.setFocus()
    lst.setCurrentIndex(lst.model().index(0, 0))
    qtbot.keyClick(lst, Qt.Key.Key_Down)
    qtbot.keyClick(lst, Qt.Key.Key_Down)
    qtbot.keyClick(lst, Qt.Key.Key_Up)
    assert lst.currentIndex().data(Qt.ItemDataRole.UserRole + 1) == ids[1]
    qtbot.keyClick(lst, Qt.Key.Key_Return)
    assert window.current_fact == ids[1]
    assert window.current_scope().key == "africa"  # opened under Africa, not its first place


def test_previous_and_next_fact_stay_in_the_scope(window, qtbot, dataset):
    _open_group(window, qtbot, "place", "africa")
    ids = list(window.current_scope().fact_ids)
    window.open_fact(ids[0])
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert window.current_fact == ids[1]
    qtbot.keyClick(window.tree, Qt.Key.Key_BracketRight)
    assert window.current_fact == ids[2 % len(ids)]
    qtbot.keyClick(window.tree, Qt.Key.Key_BracketLeft)
    qtbot.keyClick(window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_fact == ids[0]
    qtbot.keyClick(window.tree, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert window.current_fact == ids[-1]  # round the scope
    assert window.current_scope().key == "africa"
    window.actions_by_id["up_to_scope"].trigger()
    assert window.current_fact is None and window.detail.facts.isVisible()


def test_f1_lists_every_shortcut_of_the_actions(window, qtbot):
    window.set_language("en")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    dialog = window.help.dialog
    assert dialog is not None and dialog.isVisible()
    text = dialog.view.toPlainText()
    with_keys = [spec for spec in ACTIONS if spec.shortcut]
    assert len(with_keys) > 15
    for spec in with_keys:
        assert menu_text(QCoreApplication.translate("actions", spec.text)) in text
        for key in key_texts(spec):
            assert key in text, (spec.id, key)
    assert "Data source:" in text and "Presentation mode" in text
    assert menu_text("查找(&F)…") == "查找…" and menu_text("&Find…") == "Find…"
    dialog.close()
    window.actions_by_id["shortcuts"].trigger()  # Help → Keyboard shortcuts
    assert window.help.dialog.isVisible()
    window.help.dialog.close()


def test_zoom_scales_the_pages_and_is_remembered(window, qtbot, qapp):
    before = window.detail.title.font().pointSizeF()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(window, Qt.Key.Key_Equal, Qt.KeyboardModifier.ControlModifier)
    bigger = window.detail.title.font().pointSizeF()
    assert bigger > before * 1.25
    assert float(window.settings.value("MainWindow/zoom")) == pytest.approx(window.zoom)
    window.close()
    from desktop.ui.launch import open_main_window
    again = open_main_window(qapp, lang="zh", show=False)
    qtbot.addWidget(again)
    assert again.detail.title.font().pointSizeF() == pytest.approx(bigger)
    again.actions_by_id["zoom_reset"].trigger()
    assert again.detail.title.font().pointSizeF() == pytest.approx(before)
    again.close()


def test_the_chart_panel_hides_and_remembers(window, qtbot):
    window.select_overview()
    assert window.charts.isVisible()
    window.actions_by_id["toggle_charts"].trigger()
    assert not window.charts.isVisible()
    assert window.settings.value("MainWindow/charts", type=bool) is False
    window.actions_by_id["toggle_charts"].trigger()
    assert window.charts.isVisible()


def test_a_page_without_two_figures_in_a_unit_has_no_chart(window, qtbot):
    _open_group(window, qtbot, "place", "kenya")
    assert window.specs == [] and not window.charts.isVisible()
    assert not window.actions_by_id["export_chart"].isEnabled()


def test_the_overview_tells_a_newcomer_how_to_go_on(window):
    window.select_overview()
    assert window.detail.hint.isVisible()
    assert "F5" in window.detail.hint.text() and "Ctrl+F" in window.detail.hint.text()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_fact_page_fits_a_small_laptop_without_scrolling(window, qtbot, dataset, lang):
    """At 1280×720 the figure, statement, quote and “Show in article” are all in view."""
    window.showNormal()
    window.resize(1280, 720)
    window.set_language(lang)
    qtbot.waitUntil(lambda: window.width() == 1280)
    page = window.detail
    overflow = []
    for fid in dataset.facts.index:
        assert window.select_fact(fid)
        _settle()
        button = page.show_article
        bottom = button.mapTo(page.viewport(), button.rect().bottomLeft()).y()
        if bottom > page.viewport().height():
            overflow.append((fid, bottom, page.viewport().height()))
    assert overflow == []


def test_a_fact_opened_from_a_theme_page_keeps_that_page(window, qtbot, dataset):
    """A sub-theme's fact opened from its theme's page: the theme's chart stays, previous / next
    walk the theme's list, Alt+Up comes back to the theme's page."""
    node = next(n for n in dataset.roots if n.children and len(n.all_facts()) > 3)
    _open_group(window, qtbot, "theme", node.id)
    ids = window.detail.facts.fact_ids()
    deep = next(fid for fid in ids if dataset.theme_of(fid) is not dataset.nodes[node.id])
    window.detail.factRequested.emit(deep)
    assert window.current_fact == deep and window.current_scope().key == node.id
    window.step_fact(1)
    assert window.current_fact == ids[(ids.index(deep) + 1) % len(ids)]
    assert window.current_scope().key == node.id
    window.up_to_scope()
    assert window.current_fact is None and window.current_scope().key == node.id
    assert window.detail.facts.fact_ids() == ids


@pytest.mark.parametrize("lang,words", [("en", ["mu — ", "667 square metres", "not an acre"]),
                                        ("zh", ["单位：亩——", "667平方米"])])
def test_a_unit_a_reader_could_misread_is_explained_on_its_fact(window, dataset, lang, words):
    fid = next(f for f in dataset.facts.index if dataset.facts.at[f, "unit_en"] == "mu")
    window.set_language(lang)
    assert window.select_fact(fid)
    assert all(w in window.detail.meta.text() for w in words), window.detail.meta.text()
    person_times = next(f for f in dataset.facts.index
                        if dataset.facts.at[f, "unit_en"] == "person-times")
    assert window.select_fact(person_times)
    assert ("attendances" if lang == "en" else "参加次数") in window.detail.meta.text()


def test_a_page_row_shows_its_text_once_and_the_chosen_one_on_a_readable_tint(window, qtbot):
    """The style draws each row's background (and the selection), the row's rich text is drawn
    over it, once: the style's own copy of the text is not drawn beneath. The chosen row sits on
    a light tint with a bar in the figure's colour, so its blue figure and grey who-states-it
    read on it as on any other row (on the style's dark highlight they did not)."""
    from PySide6.QtGui import QColor, QPalette

    from tests.test_transparent import contrast
    from desktop.ui.fact_list import PAD, SELECTED_BAR
    from desktop.ui.palette import PAGE
    _open_group(window, qtbot, "place", "africa")
    lst = window.detail.facts
    lst.setFocus()
    lst.setCurrentIndex(lst.model().index(1, 0))
    _settle()
    image = lst.viewport().grab().toImage()
    tint, bar = QColor(PAGE["selected_row"]), QColor(PAGE["figure"])
    ink = lst.palette().color(QPalette.ColorRole.Text)
    dark = lst.palette().color(QPalette.ColorRole.Highlight)

    def count(row: int, colour: QColor, left: int = 0, right: int | None = None) -> int:
        """Pixels near ``colour`` in the row, between ``left`` and ``right`` pixels in."""
        rect = lst.visualRect(lst.model().index(row, 0)).adjusted(0, 2, 0, -2)
        near = lambda c: sum(abs(a - b) for a, b in zip(c.getRgb()[:3], colour.getRgb()[:3])) < 24
        return sum(near(QColor(image.pixel(x, y)))
                   for y in range(rect.top(), rect.bottom())
                   for x in range(rect.left() + left, rect.left() + (right or rect.width())))

    assert count(0, tint) == 0 and count(0, ink) > 20             # a plain row: dark text
    assert count(1, tint) > 1000 and count(1, ink) > 20           # the chosen one: dark text on the tint
    assert count(1, dark) == 0                                     # not the style's highlight
    chosen = lst.visualRect(lst.model().index(1, 0))
    lines = len(range(chosen.top() + 2, chosen.bottom() - 2))  # the lines count() looks at
    assert count(1, bar, 0, SELECTED_BAR) == SELECTED_BAR * lines  # its bar, whole
    assert count(0, bar, 0, SELECTED_BAR) == 0
    # the rich text starts PAD pixels in; the style would write its plain copy further left
    assert count(0, ink, SELECTED_BAR, PAD - 2) == 0 and count(1, ink, SELECTED_BAR, PAD - 2) == 0
    for colour in ("figure", "muted", "ink"):                      # readable on the tint
        assert contrast(QColor(PAGE[colour]), tint) >= 4.5, colour


def test_a_search_lays_each_fact_out_once_and_its_marks_change_no_line_break(
        window, qtbot, dataset):
    """A row's height is measured on its html without the search's marks and kept across pages:
    each keystroke lists the same facts again, and laying their rich text out was most of a
    keystroke's frame (105 rows, ~50 ms on a slow laptop). That holds because a mark changes no
    line break: every fact's row, marked or not, is as tall, in both languages, at two widths."""
    from PySide6.QtGui import QTextDocument

    from desktop.domain.view import fact_view
    from desktop.ui.fact_list import PAD, row_html
    from desktop.ui.fonts import app_font

    def height(markup: str, width: int) -> float:
        doc = QTextDocument()
        doc.setDocumentMargin(0)
        doc.setDefaultFont(app_font(10.5))
        doc.setHtml(markup)
        doc.setTextWidth(width - 2 * PAD)
        return doc.size().height()

    differ = 0
    for lang, words in (("zh", ["科技", "合作", "中"]), ("en", ["t", "e", "an"])):
        for fid in dataset.facts.index:
            view = fact_view(dataset, fid, lang)
            marked, plain = row_html(view, words), row_html(view, [])
            differ += marked != plain
            for width in (420, 800):
                assert height(marked, width) == height(plain, width), (fid, lang, width)
    assert differ > 150  # most rows of both languages carry marks

    lst = window.detail.facts
    measured = []
    real = lst.delegate._document

    def counted(index, width, markup=None):
        if markup is not None:  # a size hint's measurement (paint passes none)
            measured.append(index.row())
        return real(index, width, markup)
    lst.delegate._document = counted

    def listed(query: str) -> bool:
        return window.search.text() == query and f"“{query}”" in window.detail.title.text() \
            and window.search_hits is not None and sorted(lst.fact_ids()) == sorted(window.search_hits)

    window.set_language("en")
    qtbot.keyClicks(window.search, "Kenya")
    qtbot.waitUntil(lambda: listed("Kenya"))
    before, first = set(lst.fact_ids()), len(measured)
    assert len(before) == 5 and first >= len(before)  # laid out, each once
    window.search.clear()
    qtbot.keyClicks(window.search, "railway")  # the Kenyan railway's facts, and others
    qtbot.waitUntil(lambda: listed("railway"))
    _settle()
    now = set(lst.fact_ids())
    assert now & before and now - before
    assert len(measured) - first == len(now - before)  # only the facts not listed before
    rows = lst.model().rowCount()
    assert lst.height() >= sum(lst.sizeHintForRow(r) for r in range(rows))  # as tall as its rows
