"""Search in a large dataset, as a reader meets it: each keystroke filters the tree at once, the
results page follows when typing pauses, a query typed before the index is ready waits for it,
and a chart is never drawn with more bars than anyone can read."""

from __future__ import annotations

import sys
import threading
from pathlib import Path

import numpy as np
import pytest
from PySide6.QtCore import Qt

from desktop.domain import load_dataset
from desktop.domain.charts import CHART_LIMIT
from desktop.domain.grouping import Group, GroupTree, build_groups
from desktop.ui import browse

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import make_dataset  # noqa: E402


@pytest.fixture(scope="module")
def big(tmp_path_factory):
    """A generated dataset of 3,000 facts (the generator the benchmarks use)."""
    return load_dataset(make_dataset.make_dataset(3000, tmp_path_factory.mktemp("big") / "ds"))


def _naive(groups: list[Group], keep: set[str]) -> list[tuple]:
    """The groups a search leaves, worked out the plain way: (key, total, facts, children)."""
    out = []
    for group in groups:
        children = _naive(group.children, keep)
        facts = [f for f in group.facts if f in keep]
        total = len(facts) + sum(c[1] for c in children)
        if total:
            out.append((group.key, total, facts, children))
    return out


def _shape(groups) -> list[tuple]:
    return [(g.key, g.total, list(g.facts), _shape(g.children)) for g in groups]


@pytest.mark.parametrize("grouping", ["theme", "place", "tag"])
def test_the_filtered_tree_is_the_plain_filter_of_the_tree(dataset, big, grouping):
    rng = np.random.default_rng(7)
    for data in (dataset, big):
        ids = data.facts.index.to_numpy(dtype=object)
        groups = build_groups(data, grouping)
        tree = GroupTree(groups, data)
        assert tree.filtered(None) is groups
        for share in (0.0, 0.01, 0.3, 1.0):
            keep = rng.random(len(ids)) < share
            filtered = tree.filtered(keep)
            assert _shape(filtered) == _naive(groups, set(ids[keep]))
            # what the tree asks of a group before opening it: its rows, without building them
            for group in filtered:
                assert group.size == len(group.children) + len(group.facts)


def test_a_keystroke_filters_the_tree_and_the_page_follows_the_pause(window, qtbot):
    window.set_language("en")
    overview_title = window.detail.title.text()
    qtbot.keyClicks(window.search, "Kenya")
    qtbot.waitUntil(lambda: not window.browser.search_pending())
    hits = window.search_hits
    assert hits and window.match_label.text() == f"{len(hits)} matches"
    assert sum(g.total for g in window.model.visible_groups()) == len(hits)
    # the page waits for the pause …
    assert window.browser.page_pending()
    assert window.detail.title.text() == overview_title
    # … and then shows the results
    qtbot.waitUntil(lambda: not window.browser.page_pending())
    assert window.detail.title.text() == f"{len(hits)} facts matching “Kenya”"
    assert sorted(window.detail.facts.fact_ids()) == sorted(hits)


def test_enter_in_the_search_box_shows_the_results_at_once(window, qtbot):
    window.set_language("en")
    qtbot.keyClicks(window.search, "railway")
    qtbot.waitUntil(lambda: not window.browser.search_pending())
    assert window.browser.page_pending()
    qtbot.keyClick(window.search, Qt.Key.Key_Return)
    # the first match opens, within the search's results (its previous / next are the matches)
    assert not window.browser.page_pending()
    first = window.search_hits[0]
    assert window.tree.hasFocus() and window.current_fact == first
    assert window.current_scope().kind == "search" and first in window.current_scope()
    assert window.detail.title.text() == window.model.view(first).title


def test_a_query_typed_before_a_large_index_is_ready_waits_for_it(window, qtbot, dataset,
                                                                  monkeypatch):
    release = threading.Event()
    real = browse.SearchIndex

    class SlowIndex(real):
        def __init__(self, data, progress=None):
            release.wait(30)
            super().__init__(data, progress)

    monkeypatch.setattr(browse, "SearchIndex", SlowIndex)
    monkeypatch.setattr(browse, "BUILD_NOW_LIMIT", 0)   # the bundled data counts as large here
    window.set_language("en")
    window.set_dataset(dataset)                          # its index is now being built
    try:
        qtbot.keyClicks(window.search, "Kenya")
        qtbot.waitUntil(lambda: not window.browser.search_pending())
        assert window.match_label.text() == "Preparing the search…"
        assert window.search_hits is None                 # nothing was built on the window's thread
    finally:
        release.set()
    qtbot.waitUntil(lambda: window.search_hits is not None, timeout=10_000)
    qtbot.waitUntil(lambda: not window.browser.page_pending())
    assert window.match_label.text() == f"{len(window.search_hits)} matches"
    assert "matching “Kenya”" in window.detail.title.text()


def test_a_search_with_too_many_figures_says_so_instead_of_charting_them(window, qtbot, big):
    window.set_language("en")
    window.set_dataset(big)
    qtbot.waitUntil(lambda: window.browser.index is not None, timeout=10_000)
    window.search.setText("t")
    qtbot.waitUntil(lambda: window.search_hits is not None and not window.browser.page_pending())
    hits = window.search_hits
    charts = window.charts
    assert charts.too_many, "a broad search of 3,000 facts has a unit with many figures"
    unit, count = charts.too_many[0]
    assert count > CHART_LIMIT
    assert all(len(spec.bars) <= CHART_LIMIT for spec in charts.specs)
    # the panel says which figures it leaves out, whether or not other units are charted
    assert charts.isVisible()
    if charts.specs:
        assert charts.left_out.isVisible() and f"{count:,} in {unit}" in charts.left_out.text()
    else:
        assert charts.stack.currentWidget() is charts.empty
        assert f"{count:,} in {unit}" in charts.empty.text()
    # the page lists the first of the matches and says so
    shown = len(window.detail.facts.fact_ids())
    assert shown == min(len(hits), window.detail.facts.LIMIT) < len(hits)
    assert window.detail.list_caption.text().startswith(f"The first {shown} of {len(hits):,}")
    # the tree keeps every match, under its groups
    assert sum(g.total for g in window.model.visible_groups()) == len(hits)


def test_the_window_thread_gets_the_interpreter_back_quickly_while_workers_run(qapp):
    from desktop.app import SWITCH_INTERVAL_S
    assert sys.getswitchinterval() == pytest.approx(SWITCH_INTERVAL_S)
    assert SWITCH_INTERVAL_S < 0.005   # Python's default froze typing while a dataset loaded


def test_a_new_dataset_shows_its_page_first_and_its_chart_on_the_next_turn(window, qtbot, dataset):
    window.set_language("en")
    qtbot.waitUntil(lambda: window.charts.made)
    drawn = []
    window.charts.drawn.connect(lambda: drawn.append(window.charts.current_spec()))
    window.set_dataset(dataset)
    # the tree and the overview page at once …
    assert window.current_scope().overview and window.detail.title.text() == "Overview"
    assert window.charts.specs and not drawn
    # … its chart on the next turn of the loop
    qtbot.waitUntil(lambda: bool(drawn))
    assert drawn == [window.charts.specs[0]]
    # a scope opened afterwards is charted at once again
    model = window.model
    for row in range(1, model.rowCount()):
        before = len(drawn)
        window.browser.select_index(model.index(row, 0))
        if window.charts.specs:
            assert len(drawn) == before + 1 and drawn[-1] == window.charts.current_spec()
            break
    else:
        pytest.fail("no top-level theme of the bundled data is charted")


def test_a_notice_alone_leaves_the_room_of_a_chart_to_the_page(window, qtbot, big):
    window.set_language("en")
    window.set_dataset(big)
    qtbot.waitUntil(lambda: window.browser.index is not None, timeout=10_000)
    charts = window.charts
    # a query whose only charted unit is too big: the panel holds the notice, and no more
    window.search.setText("centres")
    qtbot.waitUntil(lambda: window.search_hits is not None and not window.browser.page_pending())
    if charts.specs or not charts.too_many:
        pytest.skip("the generated data charts this query")
    qtbot.waitUntil(lambda: charts.height() < 150)
    assert charts.isVisible() and "Too many figures" in charts.empty.text()
    # back to a charted page: the chart has its room again
    window.set_dataset(window.dataset)
    window.search.clear()
    qtbot.waitUntil(lambda: not window.browser.page_pending() and window.charts.specs != [])
    assert charts.minimumHeight() >= 300
