"""The browse tree without Qt: the same facts grouped by theme, by place or by field (tag).

A :class:`Group` holds sub-groups and the ids of the facts filed directly under it;
``GroupTree.filtered`` keeps only the facts of a search result, given as a mask over the
dataset's rows (and the groups that still hold some)."""

from __future__ import annotations

from dataclasses import dataclass, field

from desktop.base.lazy import np
from desktop.domain.dataset import Dataset, ThemeNode
from desktop.domain.schema import split_keys

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
    rows: object = field(default=None, repr=False, compare=False)  # positions of ``facts``
    serial: int = field(default=-1, repr=False, compare=False)     # its number in a GroupTree

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    @property
    def size(self) -> int:
        """Rows under it in the tree: its sub-groups and its own facts."""
        return len(self.children) + len(self.facts)


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


class GroupTree:
    """The groups of one grouping, numbered depth first, with what it takes to count a search's
    matches in every group at once: one ``bincount`` over (group, row) pairs, and each group's
    subtree as a contiguous range of the numbering. :meth:`filtered` gives the groups as a
    search leaves them, built lazily: a group's children and facts are worked out when the tree
    opens it, so a keystroke in a search of 100k facts costs a few milliseconds."""

    def __init__(self, groups: list[Group], dataset: Dataset) -> None:
        """Made when the first search needs it (the row of every fact of every group is looked
        up then, in one call: ~40 ms at 100k facts that opening a dataset need not wait for)."""
        self.groups = groups
        self.ids = dataset.facts.index.to_numpy(dtype=object)  # fact ids in row order (an array)
        order: list[Group] = []
        ends: list[int] = []
        stack: list[tuple[Group, bool]] = [(g, False) for g in reversed(groups)]
        while stack:
            group, done = stack.pop()
            if done:
                ends[group.serial] = len(order)
                continue
            group.serial = len(order)
            order.append(group)
            ends.append(0)
            stack.append((group, True))
            stack.extend((c, False) for c in reversed(group.children))

        parents = [-1] * len(order)
        for group in order:
            for child in group.children:
                parents[child.serial] = group.serial
        self.parent = np.asarray(parents, dtype=np.int64)
        self.end = np.asarray(ends, dtype=np.int64)
        rows = dataset.positions([fid for group in order for fid in group.facts])
        start = 0
        for group in order:
            group.rows = rows[start:start + len(group.facts)]
            start += len(group.facts)
        self.start = np.arange(len(order), dtype=np.int64)
        sizes = [len(g.facts) for g in order]
        self.member_group = np.repeat(self.start, sizes)
        self.member_row = np.concatenate([np.asarray(g.rows, dtype=np.int64) for g in order]) \
            if order else np.zeros(0, dtype=np.int64)

    def filtered(self, keep) -> list:
        """The top-level groups restricted to the facts ``keep`` marks (a boolean mask over the
        dataset's rows; None keeps everything), those that still hold some."""
        if keep is None:
            return self.groups
        count = len(self.start)
        direct = np.bincount(self.member_group[keep[self.member_row]], minlength=count)
        sums = np.concatenate(([0], np.cumsum(direct)))
        totals = sums[self.end] - sums[self.start]
        alive = (totals > 0) & (self.parent >= 0)
        sizes = (direct + np.bincount(self.parent[alive], minlength=count)).tolist()
        counts = (totals.tolist(), sizes)
        return [FilteredGroup(g, keep, counts, self.ids) for g in self.groups if counts[0][g.serial]]


class FilteredGroup:
    """A :class:`Group` as a search leaves it; its children and facts are computed on first use."""

    __slots__ = ("group", "total", "size", "_keep", "_counts", "_ids", "_children", "_facts")

    def __init__(self, group: Group, keep, counts: tuple[list[int], list[int]], ids) -> None:
        """``counts``: every group's matches in total and its rows once filtered, by serial."""
        self.group, self._keep, self._counts, self._ids = group, keep, counts, ids
        self.total = counts[0][group.serial]
        self.size = counts[1][group.serial]
        self._children: list[FilteredGroup] | None = None
        self._facts: list[str] | None = None

    key = property(lambda self: self.group.key)
    title_zh = property(lambda self: self.group.title_zh)
    title_en = property(lambda self: self.group.title_en)
    theme = property(lambda self: self.group.theme)

    def title(self, lang: str) -> str:
        return self.group.title(lang)

    @property
    def children(self) -> list["FilteredGroup"]:
        if self._children is None:
            counts = self._counts
            self._children = [FilteredGroup(c, self._keep, counts, self._ids)
                              for c in self.group.children if counts[0][c.serial]]
        return self._children

    @property
    def facts(self) -> list[str]:
        if self._facts is None:
            rows = self.group.rows
            kept = self._keep[rows]
            self._facts = self.group.facts if kept.all() else self._ids[rows[kept]].tolist()
        return self._facts


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
