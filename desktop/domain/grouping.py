"""The browse tree without Qt: the same facts grouped by theme, by place or by field (tag).

A :class:`Group` holds sub-groups and the ids of the facts filed directly under it; ``filtered``
keeps only the facts of a search result (and the groups that still hold some)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.domain.dataset import Dataset, ThemeNode, split_keys

GROUPINGS = ("theme", "place", "tag")
_NONE = {"place": ("未注明地区", "No place named"), "tag": ("未注明领域", "No field named")}


@dataclass
class Group:
    key: str
    title_zh: str
    title_en: str
    theme: ThemeNode | None = None
    children: list["Group"] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)
    total: int = 0  # facts in this group and below

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en


def _from_theme(node: ThemeNode) -> Group:
    group = Group(node.id, node.title_zh, node.title_en, node,
                  [_from_theme(child) for child in node.children], list(node.facts))
    group.total = len(group.facts) + sum(c.total for c in group.children)
    return group


def build_groups(dataset: Dataset, grouping: str) -> list[Group]:
    if grouping == "theme":
        return [_from_theme(root) for root in dataset.roots]
    kind, column = {"place": ("place", "places"), "tag": ("tag", "tags")}[grouping]
    buckets: dict[str, list[str]] = {}
    orphans: list[str] = []
    for fid, cell in zip(dataset.facts.index, dataset.facts[column]):
        keys = split_keys(cell)
        if not keys:
            orphans.append(fid)
        for key in keys:
            buckets.setdefault(key, []).append(fid)
    groups = [Group(key, dataset.name(kind, key, "zh"), dataset.name(kind, key, "en"),
                    facts=ids, total=len(ids))
              for key, ids in sorted(buckets.items(), key=lambda kv: (-len(kv[1]), kv[0]))]
    if orphans:
        zh, en = _NONE[grouping]
        groups.append(Group(f"_none_{grouping}", zh, en, facts=orphans, total=len(orphans)))
    return groups


def filtered(groups: list[Group], keep: set[str] | None) -> list[Group]:
    """The groups restricted to the facts in ``keep`` (None keeps everything)."""
    if keep is None:
        return groups
    result = []
    for group in groups:
        children = filtered(group.children, keep)
        facts = [f for f in group.facts if f in keep]
        total = len(facts) + sum(c.total for c in children)
        if total:
            result.append(Group(group.key, group.title_zh, group.title_en, group.theme,
                                children, facts, total))
    return result


def facts_in_order(groups: list[Group]) -> list[str]:
    """Every fact id under the groups, in tree order, each once."""
    seen, ordered, stack = set(), [], list(reversed(groups))
    while stack:
        group = stack.pop()
        for fid in group.facts:
            if fid not in seen:
                seen.add(fid)
                ordered.append(fid)
        stack.extend(reversed(group.children))
    return ordered
