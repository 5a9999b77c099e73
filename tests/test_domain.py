"""The domain layer: no Qt in it, number formatting, chart specs, search, grouping."""

from __future__ import annotations

import subprocess
import sys

import pytest

from desktop.domain.charts import chart_specs, slug
from desktop.domain.scope import theme_scope
from desktop.domain.formatting import (figure_with_unit, format_as_of, format_figure_en,
                                       format_figure_zh)
from desktop.domain.grouping import build_groups, facts_in_order
from desktop.domain.search import SearchIndex
from tests.conftest import REPO


def test_domain_imports_without_qt():
    code = ("import sys; sys.modules['PySide6'] = None; sys.modules['pyqtgraph'] = None\n"
            "import desktop.domain, desktop.domain.charts, desktop.domain.search, "
            "desktop.domain.facts, desktop.domain.grouping, desktop.domain.formatting\n"
            "from desktop.domain import load_dataset; load_dataset('data'); print('ok')")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert run.stdout.strip() == "ok", run.stderr


@pytest.mark.parametrize("value, qualifier, zh, en", [
    (80, "more_than", "80多", "80+"),
    (300, "more_than", "300余", "300+"),
    (74000, "more_than", "7.4万余", "74,000+"),
    (2000000, "about", "约200万", "about 2 million"),
    (16000, "exact", "1.6万", "16,000"),
    (67, "exact", "67", "67"),
    (10000, "more_than", "万余", "10,000+"),
    (1000, "more_than", "千余", "1,000+"),
])
def test_figures_in_both_languages(value, qualifier, zh, en):
    assert format_figure_zh(value, qualifier) == zh
    assert format_figure_en(value, qualifier) == en


def test_figure_with_unit():
    assert figure_with_unit(80, "more_than", "个", "zh") == "80多个"
    assert figure_with_unit(80, "more_than", "countries", "en") == "80+ countries"
    assert figure_with_unit(2000000, "about", "吨", "zh") == "约200万吨"


def test_as_of():
    assert format_as_of("2023-12", "zh") == "截至2023年12月"
    assert format_as_of("2023", "en") == "as of 2023"
    assert format_as_of("2023-11", "en") == "as of November 2023"


def test_unlike_units_never_share_a_chart(dataset):
    for node in dataset.nodes.values():
        for spec in chart_specs(dataset, theme_scope(dataset, node), "en"):
            units = {dataset.facts.at[b.fact_id, "unit_en"] for b in spec.bars}
            assert len(units) == 1, (node.id, units)


def test_overview_chart_shows_headline_figures(dataset):
    specs = chart_specs(dataset, theme_scope(dataset, dataset.overview), "zh")
    drawn = {b.fact_id for s in specs for b in s.bars}
    assert drawn == set(dataset.quantitative(dataset.headline_facts()))
    assert all("来源：" in s.footer for s in specs)


def test_chart_footer_names_who_states_the_figures(dataset):
    most = dataset.facts[(dataset.facts["attribution"] == "most") & dataset.facts["value"].notna()]
    box = dataset.nodes[most.iloc[0]["theme"]]
    spec = next(s for s in chart_specs(dataset, theme_scope(dataset, box), "en")
                if most.index[0] in [b.fact_id for b in s.bars])
    assert "Ministry of Science and Technology" in spec.footer


def test_slugs_are_safe():
    assert slug("../../etc/passwd") == "etc-passwd"
    assert slug("科技") == "chart"
    assert "/" not in slug("a/b\\c")


def test_search_matches_both_languages_and_places(dataset):
    index = SearchIndex(dataset)
    kenya_zh = set(index.search("肯尼亚"))
    kenya_en = set(index.search("kenya"))
    assert kenya_zh and kenya_zh == kenya_en
    assert set(index.search("ANSO 67")) <= set(index.search("ANSO"))
    assert index.search("没有这个词xyz") == []


def test_grouping_keeps_every_fact(dataset):
    for grouping in ("theme", "place", "tag"):
        groups = build_groups(dataset, grouping)
        assert set(facts_in_order(groups)) == set(dataset.facts.index), grouping
