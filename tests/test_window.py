"""The browser window, driven as a user drives it."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtTest import QAbstractItemModelTester

from desktop.ui.tree_model import FACT_ID_ROLE, BrowseModel

AGREEMENTS = "我国已与80多个共建国家签署政府间科技合作协定"


def fact_with_quote(dataset, words):
    return dataset.facts[dataset.facts["quote"].str.contains(words, regex=False)].index[0]


def tree_texts(window):
    model, out = window.model, []
    stack = [model.index(r, 0) for r in range(model.rowCount())]
    while stack:
        index = stack.pop()
        out.append(index.data())
        stack.extend(model.index(r, 0, index) for r in range(model.rowCount(index)))
    return out


def test_model_passes_qabstractitemmodeltester(qapp, dataset):
    model = BrowseModel()
    QAbstractItemModelTester(model, QAbstractItemModelTester.FailureReportingMode.Fatal)
    model.set_dataset(dataset)
    for grouping in ("place", "tag", "theme"):
        model.set_grouping(grouping)
    keep = [False] * len(dataset.facts)
    keep[0] = True
    model.set_filter(np.array(keep))
    assert sum(group.total for group in model.visible_groups()) == 1
    model.set_language("en")
    model.set_filter(None)
    assert model.rowCount() == len(dataset.roots)


def test_opens_on_the_overview_with_counts_and_headline_chart(window, dataset):
    top = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    assert top[0].startswith("概览")
    assert top[1] == f"携手构建全球科技共同体  ({len(dataset.nodes['s1'].all_facts())})"
    assert window.detail.title.text() == "概览"
    drawn = {fid for spec in window.specs for fid in [b.fact_id for b in spec.bars]}
    headline = dataset.quantitative(dataset.headline_facts())
    units = dataset.facts.loc[headline, "unit_en"]
    shared = {fid for fid, unit in units.items() if (units == unit).sum() >= 2}
    assert drawn == shared  # a chart where two figures or more share a unit
    assert all(len(spec.bars) >= 2 for spec in window.specs)
    # every headline figure is on the page as a card, charted or not
    assert [c.fact_id for c in window.detail.figure_cards()] == headline[:24]
    assert window.windowTitle().startswith("BRI") or "事实" in window.windowTitle()


def test_selecting_a_fact_shows_figure_quote_and_source(window, dataset):
    fid = fact_with_quote(dataset, "7.4万个就业岗位")
    assert window.select_fact(fid)
    assert window.detail.figure.text() == "7.4万余个"
    assert "7.4万个就业岗位" in window.detail.quote.text()
    assert "第一部分特邀专家" in window.detail.meta.text()
    assert "《深化“一带一路”科技创新合作》" in window.detail.meta.text()
    charted = {b.fact_id for spec in window.specs for b in spec.bars}
    assert fid not in charted  # the only figure of its unit here: its figure, no one-bar chart
    other = next(iter(charted - {fid}), None)
    if other is not None:
        assert window.select_fact(other)
        assert window.charts.canvas.selected == other


def test_keyboard_navigation_through_the_tree(window, qtbot):
    window.tree.setFocus()
    start = window.tree.currentIndex()
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.tree.currentIndex() != start
    qtbot.keyClick(window.tree, Qt.Key.Key_Down)
    assert window.current_fact is not None
    assert window.detail.title.text() == window.dataset.facts.at[window.current_fact, "title_zh"]


def test_show_in_article_highlights_the_quote_in_both_places(window, qtbot, dataset):
    fid = dataset.facts[dataset.facts["quote"] == AGREEMENTS].index[0]
    window.select_fact(fid)
    qtbot.mouseClick(window.detail.show_article, Qt.MouseButton.LeftButton)
    assert window.detail.article.isVisible()
    assert window.detail.highlighted_passages() == [AGREEMENTS, AGREEMENTS]
    shown = window.detail.article.toPlainText()
    assert "截至2023年" in shown and "拓展科技创新合作" in shown  # neighbours are there
    assert "2" in window.detail.quote_caption.text()


def test_show_in_article_stays_on_for_the_next_fact_after_a_page(window, qtbot, dataset):
    """The button stays pressed from fact to fact, and so does the article under it: after a
    theme's page it was pressed with nothing shown, and took two clicks to show the article."""
    first = dataset.facts[dataset.facts["quote"] == AGREEMENTS].index[0]
    window.select_fact(first)
    qtbot.mouseClick(window.detail.show_article, Qt.MouseButton.LeftButton)
    assert window.detail.article.isVisible()
    window.select_overview()
    assert not window.detail.article.isVisible()  # a page has no article of its own
    other = fact_with_quote(dataset, "7.4万个就业岗位")
    window.select_fact(other)
    assert window.detail.show_article.isChecked() and window.detail.article.isVisible()
    assert "7.4万个就业岗位" in window.detail.highlighted_passages()[0]
    qtbot.mouseClick(window.detail.show_article, Qt.MouseButton.LeftButton)
    assert not window.detail.article.isVisible()


def test_related_facts_are_links(window, qtbot, dataset):
    fid = fact_with_quote(dataset, "7.4万个就业岗位")
    window.select_fact(fid)
    assert "<a href=\"fact:" in window.detail.related.text()
    first = window.detail.related.text().split('href="fact:')[1].split('"')[0]
    window.detail.related.linkActivated.emit(f"fact:{first}")
    assert window.current_fact == first


def test_ctrl_c_copies_the_fact_with_its_citation(window, qtbot, dataset):
    fid = fact_with_quote(dataset, "约200万吨")
    window.select_fact(fid)
    window.tree.setFocus()
    qtbot.keyClick(window.tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    text = QGuiApplication.clipboard().text()
    assert "约200万吨" in text and "聂晓伟" in text and "来源：" in text


def test_search_filters_counts_highlights_and_esc_clears(window, qtbot, dataset):
    qtbot.keyClick(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()
    qtbot.keyClicks(window.search, "kenya")
    qtbot.waitUntil(lambda: window.search_hits is not None and window.match_label.isVisible())
    hits = window.search_hits
    assert hits and len(hits) < len(dataset.facts)
    assert window.match_label.text().startswith(str(len(hits)))
    shown = [t for t in tree_texts(window) if "(" not in t]  # fact rows
    assert len(shown) == len(hits)
    index = window.model.find_fact(hits[0])
    assert index.data(Qt.ItemDataRole.BackgroundRole) is not None
    qtbot.keyClick(window.search, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: window.search_hits is None)
    assert window.search.text() == ""
    assert not window.match_label.isVisible()


def test_search_in_chinese_finds_the_railway(window, qtbot, dataset):
    window.search.setText("蒙内铁路")
    qtbot.waitUntil(lambda: window.search_hits is not None)
    assert all("蒙内" in (dataset.facts.at[f, "text_zh"] + dataset.facts.at[f, "quote"]
                         + dataset.facts.at[f, "title_zh"]) for f in window.search_hits)


def test_regroup_by_place_and_by_field(window, qtbot, dataset):
    fid = fact_with_quote(dataset, "7.4万个就业岗位")
    window.select_fact(fid)
    qtbot.mouseClick(window.group_buttons.buttons()[1], Qt.MouseButton.LeftButton)
    assert window.grouping == "place"
    top = [window.model.index(r, 0).data() for r in range(window.model.rowCount())]
    assert any(t.startswith("肯尼亚") for t in top)
    assert window.current_fact == fid
    qtbot.mouseClick(window.group_buttons.buttons()[2], Qt.MouseButton.LeftButton)
    assert window.grouping == "tag"
    assert window.current_fact == fid


def test_language_switch_changes_ui_and_data(window, qtbot, dataset):
    fid = fact_with_quote(dataset, "80多个")
    window.select_fact(fid)
    assert window.detail.figure.text() == "80多个"
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert window.lang == "en"
    assert window.detail.figure.text() == "80+ countries"
    assert window.detail.show_article.text() == "Show in article"
    assert window.language_button.text() == "中文"
    assert window.model.index(0, 0).data().startswith("Overview")
    assert all(s.lang == "en" for s in window.specs)
    qtbot.mouseClick(window.language_button, Qt.MouseButton.LeftButton)
    assert window.detail.show_article.text() == "在原文中显示"
    assert window.menuBar().actions()[0].text().startswith("文件")


def test_chart_bars_read_as_the_article_states_them(window, dataset):
    window.set_language("en")
    window.select_overview()
    cards = [c.figure.text() for c in window.detail.figure_cards()]
    assert "80+ countries" in cards  # a figure alone in its unit reads as its card
    labels = window.charts.canvas.value_labels()
    assert labels and all(any(ch.isdigit() for ch in label) for label in labels)
    values = dict(window.charts.canvas.bar_values())
    spec = window.current_spec()
    for bar in spec.bars:
        assert values[bar.fact_id] == bar.value
    assert spec.footer.startswith("Source: ")


def test_clicking_a_bar_selects_its_fact(window, qtbot, dataset):
    spec = window.current_spec()
    target = spec.bars[-1].fact_id
    point = window.charts.canvas.mapFromScene(window.charts.canvas.bar_scene_point(target))
    qtbot.mouseClick(window.charts.canvas.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(point.x(), point.y()))
    qtbot.waitUntil(lambda: window.current_fact == target)
    assert window.detail.title.text() == dataset.facts.at[target, "title_zh"]


def test_state_is_remembered_between_runs(qapp, qtbot, dataset):
    from desktop.ui.launch import open_main_window
    first = open_main_window(qapp, lang="en", show=False)
    qtbot.addWidget(first)
    fid = fact_with_quote(dataset, "67家成员机构")
    first.select_fact(fid)
    first.set_grouping("tag")
    first.main_split.setSizes([300, 700])
    first.set_language("en")
    first.close()
    second = open_main_window(qapp, show=False)
    qtbot.addWidget(second)
    assert second.lang == "en"
    assert second.grouping == "tag"
    assert second.current_fact == fid
    second.close()


def test_accessible_names(window):
    for widget in (window.tree, window.search, window.detail, window.charts.canvas, window.language_button):
        assert widget.accessibleName()


def test_desktop_shortcuts_are_declared(window):
    shortcuts = {a.objectName(): [s.toString() for s in a.shortcuts()]
                 for a in window.actions_by_id.values()}
    assert "Ctrl+F" in shortcuts["find"]
    assert "F11" in shortcuts["full_screen"]
    assert "Ctrl+Q" in shortcuts["quit"]
    assert "Ctrl+C" in shortcuts["copy_fact"]


def test_fact_ids_resolve_in_tree(window, dataset):
    for fid in list(dataset.facts.index)[:20]:
        index = window.model.find_fact(fid)
        assert index.data(FACT_ID_ROLE) == fid


def test_overview_shows_headline_figure_cards_that_open_their_fact(window, qtbot, dataset):
    window.select_overview()
    cards = window.detail.figure_cards()
    headline = dataset.quantitative(dataset.headline_facts())
    assert [c.fact_id for c in cards] == headline[:24]
    first = cards[0]
    assert first.figure.text() == "80多个"
    qtbot.mouseClick(first, Qt.MouseButton.LeftButton)
    assert window.current_fact == headline[0]
    assert not window.detail.cards_box.isVisible()


def test_tooltips_show_data_text_literally(window, dataset):
    from desktop.ui.tree_model import plain_tooltip
    assert plain_tooltip("<b>bold</b>") == "<p style='white-space:pre-wrap'>&lt;b&gt;bold&lt;/b&gt;</p>"
    index = window.model.find_fact(dataset.facts.index[0])
    tip = index.data(Qt.ItemDataRole.ToolTipRole)
    assert "<b>" not in tip and dataset.facts.iloc[0]["text_zh"][:10] in tip


def test_a_place_group_shows_its_own_facts(window, qtbot, dataset):
    window.set_grouping("place")
    index = window.model.find_group("kenya")
    window.tree.setCurrentIndex(index)
    assert window.detail.title.text() == dataset.name("place", "kenya", "zh")
    cards = {c.fact_id for c in window.detail.figure_cards()}
    kenya = {f for f in dataset.facts.index if "kenya" in dataset.keys(f, "places")}
    assert cards and cards <= kenya
    window.set_language("en")
    assert window.detail.title.text() == "Kenya"


def test_the_chart_library_loads_after_the_first_paint(tmp_path):
    """Start-up path: the tree and the fact paint before pyqtgraph is imported."""
    from tests.conftest import run_fresh, window_script
    code = window_script("en", fast=False) + (
            "print('before', 'pyqtgraph' in sys.modules)\n"
            "from PySide6.QtCore import QTimer\n"
            "QTimer.singleShot(200, app.quit)\n"
            "app.exec()\n"
            "print('after', 'pyqtgraph' in sys.modules, len(w.charts.canvas.bar_values()) > 0)\n")
    run = run_fresh(code, tmp_path)
    assert run.stdout.split("\n")[:2] == ["before False", "after True True"], run.stderr
