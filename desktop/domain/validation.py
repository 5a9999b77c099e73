"""Every problem of a raw dataset, found at once: each names its file, row and column, says
what is wrong and what to do. :func:`validate` is the one entry; dataset.py builds a Dataset only
from tables it passed."""

from __future__ import annotations

import functools
import re
from dataclasses import replace

from desktop.base.checkpoint import checkpoint
from desktop.base.lazy import np
from desktop.base.lazy import pd
from desktop.domain.editorial import chinese_in, missing_figures
from desktop.domain.errors import Problem
from desktop.domain.reader import RawDataset
from desktop.domain.schema import COLUMNS, OPTIONAL

QUALIFIERS = ("exact", "more_than", "about")
MAX_THEME_DEPTH = 32
MAX_PROBLEMS = 1000
#: A figure above this (10^15, 1000万亿) is a typing mistake, not a count or an amount.
MAX_VALUE = 1e15
#: Characters of source text scanned, all quotes together, before checking gives up (a few
#: seconds); the bundled data needs about half a million.
MAX_QUOTE_SEARCH = 10_000_000_000

_AS_OF = re.compile(r"^\d{4}(-(0[1-9]|1[0-2]))?$")
_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")


# --------------------------------------------------------------------------- validation


class _Collector:
    def __init__(self):
        self.problems: list[Problem] = []

    def add(self, file: str, message: str, fix: str = "", row: int | None = None,
            column: str | None = None) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(file, message, fix, row, column))

    def rows(self, file: str, mask, column: str, message, fix: str = "", values=None) -> None:
        """Add one problem per True row of mask; ``message`` may be a callable of the row's value
        (``values``, or the mask's index). Each check of a column is a step of the validation:
        a checkpoint comes first."""
        checkpoint()
        positions = np.flatnonzero(np.asarray(mask, dtype=bool))
        if values is None and callable(message):
            values = mask.index
        for pos in positions[: MAX_PROBLEMS - len(self.problems)]:
            text = message(_short(values[pos], 60)) if callable(message) else message
            self.add(file, text, fix, row=int(pos) + 2, column=column)


def _columns(frame: pd.DataFrame, table: str, out: _Collector) -> bool:
    missing = [c for c in COLUMNS[table] if c not in frame.columns]
    for column in missing:
        out.add(f"{table}.csv", f"the column “{column}” is missing.",
                f"Add a column named {column} to the header row (see data/README.md).",
                row=1, column=column)
    duplicated = sorted({c for c in frame.columns if list(frame.columns).count(c) > 1})
    for column in duplicated:
        out.add(f"{table}.csv", f"the column “{column}” appears twice.", "Delete one of them.",
                row=1, column=column)
    return not missing and not duplicated


def _ids(frame: pd.DataFrame, table: str, out: _Collector, column: str = "id") -> pd.Series:
    ids = frame[column]  # stripped by the reader
    values = ids.to_numpy(dtype=object)
    file = f"{table}.csv"
    empty = values == ""
    out.rows(file, empty, column, "the id is empty.", "Give every row a short unique id.")
    out.rows(file, ~empty & ~_valid_ids(values), column,
             lambda v: f"the id “{v}” has characters other than letters, digits, - _ and .",
             "Use letters, digits and - only, e.g. joint-labs.", values=values)
    dup = ~empty & ids.duplicated(keep="first").to_numpy()
    out.rows(file, dup, column, lambda v: f"the id “{v}” is used by an earlier row too.",
             "Ids must be unique.", values=values)
    return ids


@functools.cache
def _id_chars() -> tuple[np.ndarray, np.ndarray]:
    """Over bytes: what an id may hold (and the line break between two), what it may start with."""
    chars, first = np.zeros(256, dtype=bool), np.zeros(256, dtype=bool)
    chars[list(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_.-\n")] = True
    first[list(b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789")] = True
    return chars, first


def _valid_ids(values) -> np.ndarray:
    """``_ID.fullmatch`` of every cell, as arrays over the joined bytes of 65,536 ids at a time
    when they are ASCII without line breaks (a million ids in 0.1 s, not 1.5); cell by cell
    otherwise."""
    valid = np.empty(len(values), dtype=bool)
    allowed, first = _id_chars()
    for start in range(0, len(values), 1 << 16):
        part = values[start:start + (1 << 16)]
        joined = "\n".join(part)
        if not joined.isascii() or joined.count("\n") != len(part) - 1:
            valid[start:start + len(part)] = [_ID.fullmatch(v) is not None for v in part]
            continue
        chars = np.frombuffer(joined.encode("ascii"), dtype=np.uint8)
        breaks = np.flatnonzero(chars == 10)
        starts = np.concatenate(([0], breaks + 1))
        ends = np.concatenate((breaks, [len(chars)]))
        ok = ends > starts
        ok[ok] = first[chars[starts[ok]]]
        wrong = np.flatnonzero(~allowed[chars])
        ok[np.searchsorted(starts, wrong, side="right") - 1] = False
        valid[start:start + len(part)] = ok
    return valid


def validate(raw: RawDataset) -> list[Problem]:
    """Every problem of the raw tables; empty when the dataset is valid."""
    out = _Collector()
    out.problems.extend(raw.problems[:MAX_PROBLEMS])
    found_by_reader = len(out.problems)
    _check(raw, out)
    return out.problems[:found_by_reader] + [_as_read(p, raw) for p in out.problems[found_by_reader:]]


def _as_read(problem: Problem, raw: RawDataset) -> Problem:
    """Name the file as the person sees it (a workbook's sheet) and the row as a spreadsheet
    shows it (blank rows, skipped when reading, still count)."""
    table = problem.file[: -len(".csv")] if problem.file.endswith(".csv") else ""
    if table not in raw.tables:
        return problem
    row = problem.row
    numbers = raw.rows.get(table)
    if row is not None and row >= 2 and numbers is not None and row - 2 < len(numbers):
        row = int(numbers[row - 2])
    return replace(problem, file=raw.labels.get(table, problem.file), row=row)


def _check(raw: RawDataset, out: _Collector) -> None:
    tables = {name: frame for name, frame in raw.tables.items()}
    ok = {name: _columns(frame, name, out) for name, frame in tables.items()}
    for table in ("themes", "facts", "sources"):
        if table in tables and len(tables[table]) == 0:
            ok[table] = False
            out.add(f"{table}.csv", "the file has a header row but no rows below it.",
                    f"Every dataset needs at least one row in {table}.csv.", row=2)
    if not all(ok.get(t, False) for t in ("themes", "facts", "sources")):
        return
    themes, facts, sources = tables["themes"], tables["facts"], tables["sources"]
    vocabulary = tables.get("vocabulary")
    if vocabulary is not None and not ok.get("vocabulary", False):
        vocabulary = None

    source_ids = _ids(sources, "sources", out)
    for pos, name in enumerate(sources["file"].str.strip()):
        if not name:
            out.add("sources.csv", "no text file is named.", "Name the source's text file, e.g. "
                    "sources/article.txt.", row=pos + 2, column="file")

    theme_ids = _ids(themes, "themes", out)
    _theme_tree_problems(themes, theme_ids, out)

    checkpoint()
    fact_ids = _ids(facts, "facts", out)
    checkpoint()
    _fact_problems(facts, fact_ids, set(theme_ids), sources, source_ids, raw.texts, vocabulary, out)

    if vocabulary is not None:
        kinds = vocabulary["kind"].str.strip()
        out.rows("vocabulary.csv", pd.Series((~kinds.isin(["place", "tag", "attribution", "unit"])).to_numpy(),
                                             index=kinds),
                 "kind", lambda v: f"the kind “{v}” is not one of place, tag, attribution, unit.",
                 "Write place, tag, attribution or unit.")
        pair = kinds + "\x00" + vocabulary["key"].str.strip()
        out.rows("vocabulary.csv", pd.Series(pair.duplicated().to_numpy(), index=vocabulary["key"]),
                 "key", lambda v: f"the key “{v}” is defined twice for the same kind.",
                 "Keep one row per key.")
    for table, frame in (("themes", themes), ("facts", facts), ("sources", sources),
                         ("vocabulary", vocabulary)):
        if frame is not None:
            checkpoint()
            _english_problems(frame, table, out)

    if not out.problems:
        _empty_theme_problems(themes, theme_ids, facts, out)


def _theme_tree_problems(themes: pd.DataFrame, ids: pd.Series, out: _Collector) -> None:
    parents = themes["parent"].str.strip()
    known = set(ids)
    dangling = (parents != "") & ~parents.isin(known)
    out.rows("themes.csv", pd.Series(dangling.to_numpy(), index=parents), "parent",
             lambda v: f"the parent theme “{v}” does not exist.",
             "Use the id of a row in themes.csv, or leave it empty for a top-level theme.")
    order = pd.to_numeric(themes["order"].str.strip(), errors="coerce")
    bad_order = order.isna() | ~np.isfinite(order.fillna(0)) | (order != order.round())
    out.rows("themes.csv", pd.Series(bad_order.to_numpy(), index=themes["order"]), "order",
             lambda v: f"the order “{v}” is not a whole number.", "Write 1, 2, 3 … among siblings.")
    if (parents == "").sum() == 0 and len(themes):
        out.add("themes.csv", "no theme is at the top level.",
                "Leave the parent empty for the overview and the sections.")
    # cycles and depth, iteratively: a chain thousands deep must not hit the recursion limit
    parent_of = dict(zip(ids, parents))
    depth: dict[str, int] = {}
    reported: set[str] = set()
    looped: set[str] = set()  # on a loop or leading into one: reported as a loop, not as depth
    for pos, start in enumerate(ids):
        chain, node, seen = [], start, set()
        while node and node in parent_of and node not in depth:
            if node in seen:
                if node not in reported:
                    loop = chain[chain.index(node):]
                    reported.update(loop)
                    shown = loop + [node] if len(loop) <= 8 else loop[:4] + ["…"] + loop[-3:] + [node]
                    out.add("themes.csv", "the themes form a loop: "
                            + " → ".join(_short(t, 40) for t in shown) + ".",
                            "Make one of them a top-level theme (empty parent) or point it "
                            "elsewhere.", row=pos + 2, column="parent")
                break
            seen.add(node)
            chain.append(node)
            node = parent_of[node]
        else:
            if node in looped:
                looped.update(chain)
                for member in chain:
                    depth[member] = MAX_THEME_DEPTH + 1
                continue
            base = depth.get(node, 0) if node else 0
            for level, member in enumerate(reversed(chain), start=1):
                depth[member] = base + level
            if depth.get(start, 0) > MAX_THEME_DEPTH and "depth" not in reported:
                reported.add("depth")
                out.add("themes.csv", f"the theme tree is {depth[start]} levels deep; at most "
                                      f"{MAX_THEME_DEPTH} are allowed.",
                        "Attach deep themes higher up.", row=pos + 2, column="parent")
        for member in chain:  # a node on or leading into a loop gets a nominal depth
            if member not in depth:
                depth[member] = MAX_THEME_DEPTH + 1
                looped.add(member)


def _distinct(cells: np.ndarray) -> list[str]:
    """The distinct cells of a column, in the order they first appear: a check of a million
    units, dates or themes runs once per distinct cell (the parser shares one str among them)."""
    return list(dict.fromkeys(cells.tolist()))


def _rows_of(cells: np.ndarray, hits: list[str]) -> np.ndarray:
    """Which rows hold one of these cells; no pass over the rows when there are none."""
    if not hits:
        return np.zeros(len(cells), dtype=bool)
    return pd.Series(cells, dtype=object).isin(hits).to_numpy()


def _fact_problems(facts, ids, theme_ids, sources, source_ids, texts, vocabulary, out) -> None:
    """Cells arrive stripped from the reader (a 100k-fact table is not stripped twice)."""
    file = "facts.csv"
    cells = {column: facts[column].to_numpy(dtype=object) for column in facts.columns}
    themes = cells["theme"]
    out.rows(file, _rows_of(themes, [t for t in _distinct(themes) if t not in theme_ids]), "theme",
             lambda v: f"the theme “{v}” does not exist." if v else "no theme is given.",
             "Use the id of a row in themes.csv.", values=themes)
    for column in ("title_zh", "title_en", "text_zh", "text_en", "quote", "attribution"):
        out.rows(file, cells[column] == "", column, f"the {column} is empty.", "Every fact needs it.")

    cell, kinds = cells["value"], _distinct(cells["value"])
    raw_values = pd.Series([v.replace(",", "") for v in kinds], dtype=object)
    values = pd.to_numeric(raw_values, errors="coerce")
    not_number = ((raw_values != "") & (values.isna() | ~np.isfinite(values.fillna(0)))).to_numpy()
    huge = ~not_number & (values > MAX_VALUE).to_numpy()
    for flags, message, fix in (
            (not_number, "the value “{}” is not a number.",
             "Write the number in digits in base units: 7.4万 → 74000, 约200万吨 → 2000000."),
            ((values < 0).to_numpy(), "the value “{}” is negative.", "Figures are counts and amounts: ≥ 0."),
            (huge, "the value “{}” is larger than 10^15.",
             "Check the digits: write the number in base units, 7.4万 → 74000.")):
        out.rows(file, _rows_of(cell, [k for k, flag in zip(kinds, flags) if flag]), "value",
                 message.format, fix, values=cell)

    qualifiers = cells["qualifier"]
    # a value of commas only is no value either
    has_value = (cell != "") & ~_rows_of(cell, [k for k, v in zip(kinds, raw_values) if k and not v])
    bad_q = [q for q in _distinct(qualifiers) if q != "" and q not in QUALIFIERS]
    out.rows(file, _rows_of(qualifiers, bad_q), "qualifier",
             lambda v: f"the qualifier “{v}” is not one of exact, more_than, about.",
             "多/余/逾/超 → more_than; 约 → about; otherwise exact.", values=qualifiers)
    out.rows(file, has_value & (qualifiers == ""), "qualifier", "a figure has no qualifier.",
             "Write exact, more_than or about.")
    out.rows(file, ~has_value & (qualifiers != ""), "value", "a qualifier is given but no value.",
             "Add the value, or empty the qualifier.")
    for column in ("unit_zh", "unit_en"):
        out.rows(file, has_value & (cells[column] == ""), column,
                 "a figure has no unit.", "Write the unit that follows the number, e.g. 个 / countries.")

    as_of = cells["as_of"]
    bad_date = [d for d in _distinct(as_of) if d != "" and not _AS_OF.match(d)]
    out.rows(file, _rows_of(as_of, bad_date), "as_of",
             lambda v: f"the date “{v}” is not a year or a year and month.", "Write 2023 or 2023-12.",
             values=as_of)

    if "headline" in facts.columns:
        cell, kinds = cells["headline"], _distinct(cells["headline"])
        head = pd.Series(kinds, dtype=object)
        rank = pd.to_numeric(head, errors="coerce")
        bad_rank = (head != "") & (rank.isna() | ~np.isfinite(rank.fillna(0))
                                   | (rank != rank.round()))
        out.rows(file, _rows_of(cell, [k for k, bad in zip(kinds, bad_rank) if bad]), "headline",
                 lambda v: f"the headline rank “{v}” is not a whole number.",
                 "Write 1, 2, 3 … or leave it empty.", values=cell)

    srcs, quotes = cells["source"], cells["quote"]
    known_sources = set(source_ids)
    cited = _distinct(srcs)
    out.rows(file, _rows_of(srcs, [s for s in cited if s not in known_sources]), "source",
             lambda v: f"the source “{v}” does not exist." if v else "no source is given.",
             "Use the id of a row in sources.csv.", values=srcs)

    # every quote is verbatim in its source text (checked once per distinct quote and source,
    # in the order they first appear)
    file_of = dict(zip(source_ids, sources["file"]))
    pairs = [(cited[0], q) for q in _distinct(quotes)] if len(cited) == 1 else \
        list(dict.fromkeys(zip(srcs.tolist(), quotes.tolist())))
    absent, budget, unchecked = set(), MAX_QUOTE_SEARCH, 0
    for source, quote in pairs:
        text = texts.get(file_of.get(source, ""), None)
        if text is None or not quote.strip():
            continue
        if budget <= 0:  # thousands of absent quotes in a huge text: refuse, don't hang
            unchecked += 1
            continue
        at = text.find(quote)
        budget -= len(text) if at < 0 else at + len(quote)
        if at < 0:
            absent.add((source, quote))
    missing = np.fromiter(((s, q) in absent for s, q in zip(srcs.tolist(), quotes.tolist())),
                          dtype=bool, count=len(quotes)) if absent else np.zeros(len(quotes), bool)
    out.rows(file, missing, "quote",
             lambda v: f"the quote “{_short(v)}” is not found word for word in its source text.",
             "Copy the exact words from the source, punctuation included (full-width ,。“”).",
             values=quotes)
    if unchecked:
        out.add(file, f"{unchecked:,} quotes were not looked up in their source text: with so "
                      "many quotes and so long a text it would take too long.",
                "Split the dataset, or shorten the source text to the article itself.",
                column="quote")

    if vocabulary is not None:  # vocabulary.csv is optional; without it names are the keys
        named = set(vocabulary["key"].str.strip()[vocabulary["kind"].str.strip() == "attribution"])
        who = cells["attribution"]
        out.rows(file, _rows_of(who, [w for w in _distinct(who) if w != "" and w not in named]),
                 "attribution", lambda v: f"the attribution “{v}” is not in vocabulary.csv.",
                 "Use the key of a row of kind attribution in vocabulary.csv, or add that row "
                 "with the name to show after “Stated by” in both languages.", values=who)
    _figure_problems(facts, out)


# ---- editorial checks (editorial.py): English without Chinese, every figure in its quote

def _english_problems(frame: pd.DataFrame, table: str, out: _Collector) -> None:
    """No Chinese characters in an English column (title_en, text_en, name_en, …)."""
    known = COLUMNS[table] + OPTIONAL.get(table, ())
    for column in [c for c in frame.columns if c in known and c.endswith("_en")]:
        found = chinese_in(frame[column].tolist())
        if found is None:  # the usual case
            continue
        out.rows(f"{table}.csv", found != "", column,
                 lambda v: f"the English text has Chinese characters in it: “{v}”.",
                 "Translate them, or leave them out: the Chinese belongs in the _zh column.",
                 values=found)


def _figure_problems(facts: pd.DataFrame, out: _Collector) -> None:
    """Every figure text_zh states (80多, 7.4万, 八项, 2023) is in the fact's quote."""
    missing = missing_figures(facts["text_zh"].tolist(), facts["quote"].tolist())
    for row, figures in sorted(missing.items())[: MAX_PROBLEMS - len(out.problems)]:
        out.add("facts.csv", f"the statement gives “{_short('、'.join(figures), 60)}”, which its "
                             "quote does not: every figure and date of text_zh must be in the "
                             "quoted words.",
                "Lengthen the quote to the article’s words that state it, or take it out of "
                "text_zh (a date the quote lacks belongs in as_of).", row=row + 2, column="text_zh")


def _empty_theme_problems(themes, theme_ids, facts, out) -> None:
    has = {theme.strip() for theme in _distinct(facts["theme"].to_numpy(dtype=object))}
    parent_of = dict(zip(theme_ids, themes["parent"].str.strip()))
    covered = set()
    for theme in has:
        node = theme
        while node and node not in covered:
            covered.add(node)
            node = parent_of.get(node, "")
    for pos, theme in enumerate(theme_ids):
        if theme not in covered:
            out.add("themes.csv", f"the theme “{theme}” has no facts, in itself or below it.",
                    "File at least one fact under it, or delete the theme.", row=pos + 2, column="id")


def _short(text: str, limit: int = 40) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"
