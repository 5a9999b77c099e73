"""What the user is looking at: a :class:`Scope` — a theme, a place, a field or a search result —
with its titles, its facts in reading order, and the facts its charts show. Every view, chart,
export name, slide and page takes a Scope; nothing works the selection out again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from desktop.domain.dataset import Dataset, ThemeNode
from desktop.domain.grouping import Group, facts_in_order

KINDS = ("theme", "place", "tag", "search")

_SEARCH_TITLE = {"zh": "搜索“{q}”", "en": "Search: “{q}”"}
_HEADLINE = {"zh": "主要数据", "en": "Headline figures"}


@dataclass(frozen=True)
class Scope:
    kind: str                       # theme | place | tag | search
    key: str                        # theme id, place or tag key, or the query as typed
    title_zh: str
    title_en: str
    fact_ids: tuple[str, ...]       # every fact of the scope, in reading (tree) order
    theme: ThemeNode | None = field(default=None, compare=False)  # kind "theme" only
    summary_zh: str = field(default="", compare=False)
    summary_en: str = field(default="", compare=False)
    overview: bool = False          # the dataset's first theme: its charts are the headline figures

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def summary(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    def chart_title(self, lang: str) -> str:
        """The title a chart of this scope carries: the overview's is "Headline figures"."""
        return _HEADLINE[lang] if self.overview else self.title(lang)

    @property
    def stem(self) -> str:
        """The file-name stem of what is exported from this scope (before the unit slug):
        ``overview``, ``s3-transfer``, ``place-kenya``, ``field-energy``, ``search-kenya``."""
        from desktop.domain.charts import slug  # charts imports this module
        if self.kind == "theme":
            return self.key
        prefix = {"place": "place", "tag": "field", "search": "search"}[self.kind]
        # a query in Chinese has no file-name letters: the stem is then "search" alone
        tail = slug(self.key, 40) if re.search(r"[A-Za-z0-9]", self.key) else ""
        return f"{prefix}-{tail}" if tail else prefix

    def chart_facts(self, dataset: Dataset) -> list[str]:
        """The facts the scope's charts draw: the overview's headline figures, else every fact
        of the scope that has a number."""
        if self.overview:
            headline = dataset.headline_facts()
            if headline:
                return dataset.quantitative(headline)
        return dataset.quantitative(list(self.fact_ids))

    def __contains__(self, fact_id: object) -> bool:
        return fact_id in self.fact_ids


def theme_scope(dataset: Dataset, node: ThemeNode) -> Scope:
    return Scope("theme", node.id, node.title_zh, node.title_en, tuple(node.all_facts()), node,
                 node.summary_zh, node.summary_en, overview=node is dataset.overview)


def overview_scope(dataset: Dataset) -> Scope:
    return theme_scope(dataset, dataset.overview)


def group_scope(dataset: Dataset, group: Group, grouping: str) -> Scope:
    """A group of the browse tree — a theme (grouped by theme), a place or a field — with the
    facts the tree shows under it (a search narrows them)."""
    node = group.theme if grouping == "theme" else None
    return Scope(grouping, group.key, group.title_zh, group.title_en,
                 tuple(facts_in_order([group])), node,
                 node.summary_zh if node else "", node.summary_en if node else "",
                 overview=node is not None and node is dataset.overview)


def search_scope(query: str, fact_ids: list[str]) -> Scope:
    q = " ".join(query.split())
    return Scope("search", q, _SEARCH_TITLE["zh"].format(q=q), _SEARCH_TITLE["en"].format(q=q),
                 tuple(fact_ids))


def all_scope(dataset: Dataset) -> Scope:
    """The whole dataset (a command with nothing selected acts on every fact)."""
    node = dataset.overview
    return Scope("theme", node.id, node.title_zh, node.title_en, tuple(dataset.facts.index), node,
                 node.summary_zh, node.summary_en, overview=True)
