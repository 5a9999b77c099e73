"""Validate raw tables and turn them into a :class:`Dataset`: typed frames plus the theme tree.

``load_dataset(path)`` is the one call: it returns a Dataset or raises :class:`DatasetError`
listing every problem found (file, row, column, what to do), never only the first.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.base.checkpoint import checkpoint
from desktop.base.lazy import np
from desktop.base.lazy import pd

from desktop.domain.errors import DatasetError, LoadCancelled
from desktop.domain.schema import COLUMNS, OPTIONAL, Progress, no_progress, split_keys

if TYPE_CHECKING:
    from desktop.domain.reader import RawDataset


@dataclass
class ThemeNode:
    """A theme in the tree; ``facts`` are the ids of the facts filed directly under it."""

    id: str
    title_zh: str
    title_en: str
    summary_zh: str
    summary_en: str
    parent: ThemeNode | None = None
    children: list[ThemeNode] = field(default_factory=list)
    facts: list[str] = field(default_factory=list)

    def title(self, lang: str) -> str:
        return self.title_zh if lang == "zh" else self.title_en

    def summary(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    def walk(self):
        """This node and every node below it, depth first, in tree order."""
        stack = [self]
        while stack:
            node = stack.pop()
            yield node
            stack.extend(reversed(node.children))

    def all_facts(self) -> list[str]:
        return [fid for node in self.walk() for fid in node.facts]

    def path(self) -> list[ThemeNode]:
        chain, node = [], self
        while node is not None:
            chain.append(node)
            node = node.parent
        return chain[::-1]


@dataclass
class Dataset:
    """A validated dataset. Frames are indexed by id; facts keep the file's order. It is never
    changed once built (its columns are read through cached arrays): a changed dataset is a
    new one."""

    origin: Path
    kind: str
    themes: pd.DataFrame
    facts: pd.DataFrame
    sources: pd.DataFrame
    vocabulary: pd.DataFrame
    texts: dict[str, str]
    roots: list[ThemeNode]
    nodes: dict[str, ThemeNode]
    #: the dataset that ships with the app (its window title says so, not a folder name)
    bundled: bool = False

    # ---- lookups used by the ui and the exporters
    @property
    def overview(self) -> ThemeNode:
        return self.roots[0]

    def fact(self, fact_id: str) -> pd.Series:
        return self.facts.loc[fact_id]

    @functools.cached_property
    def _columns(self) -> dict[str, object]:
        """Each facts column as its numpy array (a view, not a copy): reading one cell through
        it costs a hash lookup and an index, where ``.loc`` builds a Series per row."""
        return {name: self.facts[name].to_numpy() for name in self.facts.columns}

    def column(self, name: str) -> object:
        """A facts column as a numpy array, in the file's order (see :meth:`positions`)."""
        return self._columns[name]

    def positions(self, fact_ids) -> object:
        """Row positions of these fact ids (-1 for an id the dataset does not have)."""
        if not isinstance(fact_ids, np.ndarray):  # an object array: pandas infers a list's type first
            fact_ids = np.asarray(list(fact_ids), dtype=object)
        return self.facts.index.get_indexer(fact_ids)

    def record(self, fact_id: str) -> dict[str, object]:
        """One fact's cells by column name, read straight from the arrays."""
        row = self.facts.index.get_loc(fact_id)
        return {name: column[row] for name, column in self._columns.items()}

    @functools.cached_property
    def _names(self) -> dict[tuple[str, str], tuple[str, str, str, str]]:
        """(kind, key) → (name_zh, name_en, note_zh, note_en): one dict, not a .loc per lookup."""
        v = self.vocabulary
        return {(k, key): (zh, en, nzh, nen) for k, key, zh, en, nzh, nen in
                zip(v["kind"], v["key"], v["name_zh"], v["name_en"], v["note_zh"], v["note_en"])}

    def name(self, kind: str, key: str, lang: str) -> str:
        """The display name of a place, tag or attribution key (the key itself if unknown)."""
        entry = self._names.get((kind, key))
        if entry is None:
            return key
        return (entry[0] if lang == "zh" else entry[1]) or key

    def note(self, kind: str, key: str, lang: str) -> str:
        entry = self._names.get((kind, key))
        if entry is None:
            return ""
        return str((entry[2] if lang == "zh" else entry[3]) or "")

    def source_text(self, source_id: str) -> str:
        return self.texts.get(self.sources.loc[source_id, "file"], "")

    def citation(self, source_id: str, lang: str) -> str:
        return self._citations[(source_id, lang)]

    @functools.cached_property
    def _citations(self) -> dict[tuple[str, str], str]:
        """(source id, language) → how the source is cited: computed once per dataset, since a
        page asks it of every fact it lists."""
        out = {}
        for source_id, row in self.sources.iterrows():
            for lang in ("zh", "en"):
                cite = row.get("citation_zh" if lang == "zh" else "citation_en", "")
                title = row["title_zh"] if lang == "zh" else row["title_en"]
                out[(source_id, lang)] = str(cite) if cite else \
                    (f"《{title}》" if lang == "zh" else f"“{title}”")
        return out

    def keys(self, fact_id: str, column: str) -> list[str]:
        return split_keys(self.facts.at[fact_id, column])

    def theme_of(self, fact_id: str) -> ThemeNode:
        return self.nodes[self.facts.at[fact_id, "theme"]]

    def headline_facts(self) -> list[str]:
        return list(self._headline)

    @functools.cached_property
    def _headline(self) -> tuple[str, ...]:
        """The headline facts in their rank: sorted once per dataset, not for every page and chart
        of the overview (a million facts take ~20 ms each time)."""
        ranked = self.facts["headline"].dropna().sort_values(kind="stable")
        return tuple(ranked.index)

    def quantitative(self, fact_ids: list[str]) -> list[str]:
        """The facts among these that have a number, in the order given (vectorised: a search
        of a million facts asks this of every match)."""
        ids = list(fact_ids)
        if not ids:
            return []
        values = self.column("value")[self.positions(ids)]
        keep = np.flatnonzero(~np.isnan(values.astype(float)))
        return [ids[i] for i in keep.tolist()]

    def display_name(self) -> str:
        return self.origin.name or str(self.origin)


# --------------------------------------------------------------------------- building


def build(raw: RawDataset) -> Dataset:
    """Typed frames and the theme tree from tables that :func:`validate` passed."""
    # the reader has stripped every cell already
    themes = raw.tables["themes"].set_index("id", drop=False)
    facts = raw.tables["facts"]
    missing = {column: "" for column in OPTIONAL["facts"] if column not in facts.columns}
    # assign, not copy() + setitem: the raw frame is left as it was, without a deep copy
    facts = facts.assign(**missing)
    checkpoint()
    facts = facts.assign(value=_numbers(facts["value"], ",").astype(float),
                         headline=_numbers(facts["headline"]))
    checkpoint()
    facts = facts.set_index("id", drop=False)
    checkpoint()
    sources = raw.tables["sources"].copy()
    for column in OPTIONAL["sources"]:
        if column not in sources.columns:
            sources[column] = ""
    sources = sources.set_index("id", drop=False)
    vocab = raw.tables.get("vocabulary")
    if vocab is None or any(c not in vocab.columns for c in COLUMNS["vocabulary"]):
        vocab = pd.DataFrame(columns=list(COLUMNS["vocabulary"]) + list(OPTIONAL["vocabulary"]),
                             dtype=str)
    vocab = vocab.copy()
    for column in OPTIONAL["vocabulary"]:
        if column not in vocab.columns:
            vocab[column] = ""
    vocab = vocab.set_index(["kind", "key"], drop=False).sort_index()

    nodes: dict[str, ThemeNode] = {}
    order = pd.to_numeric(themes["order"]).to_numpy()
    ranked = themes.assign(_order=order).sort_values("_order", kind="stable")
    for row in ranked.itertuples(index=False):
        nodes[row.id] = ThemeNode(row.id, row.title_zh, row.title_en, row.summary_zh, row.summary_en)
    roots = []
    for row in ranked.itertuples(index=False):
        node = nodes[row.id]
        if row.parent:
            node.parent = nodes[row.parent]
            node.parent.children.append(node)
        else:
            roots.append(node)
    checkpoint()
    for theme, ids in _by_theme(facts):
        nodes[theme].facts = ids
    return Dataset(raw.origin, raw.kind, themes, facts, sources, vocab, raw.texts, roots, nodes)


def _numbers(column: pd.Series, drop: str = "") -> pd.Series:
    """``pd.to_numeric(column with drop removed, errors="coerce")``, parsed once per distinct
    cell (a million values are a few hundred numbers) and of the dtype pandas gives them all."""
    cells = column.to_numpy(dtype=object).tolist()
    distinct = list(dict.fromkeys(cells))
    parsed = pd.to_numeric(pd.Series([d.replace(drop, "") for d in distinct] if drop else distinct,
                                     dtype=object), errors="coerce").to_numpy()
    where = dict(zip(distinct, range(len(distinct))))
    rows = np.fromiter(map(where.__getitem__, cells), dtype=np.intp, count=len(cells))
    return pd.Series(parsed[rows], index=column.index)


def _by_theme(facts: pd.DataFrame):
    """(theme, the ids of its facts in file order) for every theme that has facts: one stable
    sort of the rows by theme, not a groupby's index per group."""
    codes, themes = pd.factorize(facts["theme"].to_numpy(dtype=object))
    ids = facts.index.to_numpy(dtype=object)[np.argsort(codes, kind="stable")].tolist()
    start = 0
    for theme, count in zip(themes.tolist(), np.bincount(codes, minlength=len(themes)).tolist()):
        yield theme, ids[start:start + count]
        start += count


def load_dataset(path: str | Path, progress: Progress = no_progress, checked: bool = False) -> Dataset:
    """Read, validate and build a dataset: a folder, a .zip of a folder, or an .xlsx workbook.
    ``checked``: these very files passed :func:`validate` in this version of the app before (its
    caller knows them by their fingerprint), so only what the reader found is reported."""
    # the reader and the checks are imported by the first load, not with the window: the first
    # paint comes from the snapshot and needs neither (make bench: content from source)
    from desktop.domain.reader import read_raw
    raw = read_raw(path, progress)
    if not progress("checking", 0.85):
        raise LoadCancelled()
    if checked:
        problems = list(raw.problems)
    else:
        from desktop.domain.validation import validate
        problems = validate(raw)
    if problems:
        raise DatasetError(problems, str(path))
    if not progress("building", 0.95):
        raise LoadCancelled()
    return build(raw)
