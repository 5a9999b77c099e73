"""Search over every text a reader might type: ids, titles, statements, quotes, units, places and
fields (tags), in both languages, case-insensitive. A fact matches when every whitespace-separated
word of the query occurs in its text.

How it keeps up at a million facts
----------------------------------
A query word holds no whitespace, so it can only occur inside one whitespace-free piece (a *word*)
of a fact's case-folded text. The index therefore splits every fact's text into its words once
and keeps:

* ``shared``: every word that occurs in two or more facts, once. A dataset repeats its vocabulary,
  its units, places, fields and quotes; a million facts have far fewer distinct words than words.
* ``profile``: for each fact, the *set* of shared words it holds, as a number. Facts with the same
  set (the same sentence with another serial number, say) share one profile, so a word found in a
  shared word marks all the facts of the profiles holding it at once (numpy, no Python loop).
* ``own``: for each fact, the words no other fact has (its id, serial numbers, a rare name), as
  one short string.

A query word is looked for in the shared words (``in`` over each, a loop that runs in C), mapped
through the profiles to facts, then in the own words of the facts not matched yet. Typing
narrows: a word that contains an earlier word of the query is looked for only among that word's
matches, so each keystroke costs less than the one before.

The benchmarks (docs/benchmarks.md) compare this with one case-folded haystack per fact (the
previous implementation), one haystack string searched with ``str.find``, and SQLite FTS5.
"""

from __future__ import annotations

import operator
from collections import OrderedDict, defaultdict
from itertools import chain, count, repeat
from typing import Callable, Iterator

from desktop.base.checkpoint import checkpoint
from desktop.base.lazy import np

from desktop.domain.dataset import Dataset
from desktop.domain.errors import LoadCancelled
from desktop.domain.schema import Progress, split_keys

#: The fact columns searched, besides the names of a fact's places and fields (tags).
SEARCH_COLUMNS = ("id", "title_zh", "title_en", "text_zh", "text_en", "quote", "unit_zh", "unit_en")
#: Facts handled per batch while the index is built: bounds the memory of the build.
BATCH = 10_000
#: Distinct cells split into words per step. A step is one long call into C that holds the
#: interpreter while the window's thread waits for it: 500 statements (some 15,000 words) take a
#: few ms. (Growing the dict of all words is one such call too: ~20 ms at 100k facts.)
SPLIT_BATCH = 500
#: How many recent query words keep their matches, for narrowing while typing.
REMEMBERED_WORDS = 32


def query_words(query: str) -> list[str]:
    """The words a query asks for, case-folded, each once, in the order typed."""
    return list(dict.fromkeys(query.casefold().split()))


def _names(dataset: Dataset, kind: str, cell: str) -> str:
    keys = split_keys(cell)
    return " ".join(f"{k} {dataset.name(kind, k, 'zh')} {dataset.name(kind, k, 'en')}" for k in keys)


def _numbering() -> defaultdict:
    """A dict that numbers new keys 0, 1, 2 … as they are first looked up, in C (``map`` over its
    ``__getitem__``). The numbers come from a counter, not from the dict's own ``__len__``: that
    would be a reference cycle, and the dict (every word of a million facts) would wait for the
    cyclic garbage collector to be freed."""
    return defaultdict(count().__next__)


class _Column:
    """One searched column: the code of each fact's cell, and the distinct cells (a value repeated
    down the column is folded and split into words once)."""

    def __init__(self, values: np.ndarray, text: Callable[[object], str] | None = None):
        # a dict, not pd.factorize: pandas hashes str through its UTF-8 form, which CPython then
        # keeps inside every non-ASCII string of the dataset (+15% of their size, for good)
        first = _numbering()
        parts = [np.zeros(0, dtype=np.int32)]
        for lo in range(0, len(values), BATCH):
            checkpoint()
            part = values[lo:lo + BATCH]
            parts.append(np.fromiter(map(first.__getitem__, part), dtype=np.int32, count=len(part)))
        self.codes = np.concatenate(parts)
        self.cells = list(first)
        self.text = text

    def folded(self, lo: int = 0, hi: int | None = None) -> list[str]:
        """The case-folded text of distinct cells lo…hi (a missing cell, NaN, reads as "")."""
        text = self.text
        return [(text(c) if text else c if isinstance(c, str) else "").casefold()
                for c in self.cells[lo:hi]]


def _columns(dataset: Dataset) -> list[_Column]:
    facts = dataset.facts
    columns = [_Column(facts[c].to_numpy(dtype=object)) for c in SEARCH_COLUMNS]
    for kind, column in (("place", "places"), ("tag", "tags")):
        columns.append(_Column(facts[column].to_numpy(dtype=object),
                               lambda cell, kind=kind: _names(dataset, kind, cell)))
    return columns


def fact_texts(dataset: Dataset) -> Iterator[str]:
    """Each fact's searched text, case-folded, one string per fact (fields on lines of their own):
    what a word must occur in for the fact to match."""
    folded = []
    for column in _columns(dataset):
        texts = np.empty(len(column.cells), dtype=object)
        texts[:] = column.folded()
        folded.append(texts[column.codes])
    return map("\n".join, zip(*folded))


def _split(column: _Column, number: Callable[[str], int], check: Callable[[], None]
           ) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """The numbers of the words of each distinct cell: (words per cell, where each cell's words
    start, all the words)."""
    counts, words = [], []
    for lo in range(0, len(column.cells), SPLIT_BATCH):
        check()
        pieces = list(map(str.split, column.folded(lo, lo + SPLIT_BATCH)))
        counts.append(np.fromiter(map(len, pieces), dtype=np.int64, count=len(pieces)))
        words.append(np.fromiter(map(number, chain.from_iterable(pieces)), dtype=np.int64,
                                 count=int(counts[-1].sum())).astype(np.int32))
    if not counts:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int32)
    counts_all = np.concatenate(counts)
    return counts_all, np.cumsum(counts_all) - counts_all, np.concatenate(words)


def _gather(codes: np.ndarray, counts: np.ndarray, starts: np.ndarray, words: np.ndarray
            ) -> tuple[np.ndarray, np.ndarray]:
    """(fact, word) pairs of one column for a batch of facts: each fact's cell's words."""
    lengths = counts[codes]
    total = int(lengths.sum())
    facts = np.repeat(np.arange(len(codes), dtype=np.int64), lengths)
    first = np.cumsum(lengths) - lengths  # where each fact's words start in the result
    at = np.arange(total, dtype=np.int64) - np.repeat(first - starts[codes], lengths)
    return facts, words[at]


def _contains(texts: np.ndarray, word: str) -> np.ndarray:
    # map(operator.contains, …) runs the loop in C: 5–10× faster than a comprehension
    return np.fromiter(map(operator.contains, texts, repeat(word)), dtype=bool, count=len(texts))


class _Match:
    """What one query word matched: shared words, profiles, facts."""

    __slots__ = ("shared", "rows")

    def __init__(self, shared: np.ndarray, rows: np.ndarray):
        self.shared = shared  # bool per shared word
        self.rows = rows      # bool per fact


class SearchIndex:
    """Built once per dataset (on a worker thread: 100k facts take about a second); ``search``
    then answers a keystroke in milliseconds."""

    def __init__(self, dataset: Dataset, progress: Progress | None = None):
        """``progress(step, fraction) -> keep going?`` is called between batches; returning False
        stops the build with :class:`LoadCancelled` (a newer dataset was opened meanwhile)."""
        self.dataset = dataset
        self.ids = dataset.facts.index.to_numpy(dtype=object)
        n = len(self.ids)
        steps = [0, max(1, 2 * n)]  # done, total: the distinct cells, then the facts twice

        def check(done: int = 0) -> None:
            steps[0] += done
            if progress is not None and not progress("search index", min(1.0, steps[0] / steps[1])):
                raise LoadCancelled()

        # 1. every distinct cell's words, numbered; then each fact's distinct words
        numbers = _numbering()
        number = numbers.__getitem__
        columns = []
        for column in _columns(dataset):
            check()
            columns.append((column.codes, *_split(column, number, check)))
            del column
        batches: list[tuple[np.ndarray, np.ndarray]] = []  # (distinct words of each fact, counts)
        for lo in range(0, n, BATCH):
            hi = min(n, lo + BATCH)
            check(hi - lo)
            pairs = [_gather(codes[lo:hi], counts, starts, words)
                     for codes, counts, starts, words in columns]
            keys = np.concatenate([(f << 32) | w for f, w in pairs]) if pairs else \
                np.zeros(0, dtype=np.int64)
            del pairs
            keys.sort()  # by fact, then word; then each pair once
            if len(keys) > 1:
                keys = keys[np.concatenate(([True], keys[1:] != keys[:-1]))]
            batches.append(((keys & 0xFFFFFFFF).astype(np.int32),
                            np.bincount(keys >> 32, minlength=hi - lo)))
        del columns
        check()
        vocabulary = np.empty(len(numbers), dtype=object)
        vocabulary[:] = list(numbers)  # insertion order is number order
        del numbers

        # 2. shared words (in two or more facts) and each fact's own words
        facts_with = np.zeros(len(vocabulary), dtype=np.int64)
        for words, _counts in batches:
            check()
            facts_with += np.bincount(words, minlength=len(vocabulary))
        is_shared = facts_with >= 2
        del facts_with
        self.shared = vocabulary[is_shared]
        renumber = np.cumsum(is_shared, dtype=np.int64) - 1  # word number -> shared word number
        profiles = _numbering()
        profile = profiles.__getitem__
        self.profile_of = np.empty(n, dtype=np.int32)
        own_parts = []  # per batch: its facts' own words in one string, where each fact's are
        for start, (words, counts) in zip(range(0, n, BATCH), batches):
            end = start + len(counts)
            check(end - start)
            shared = is_shared[words]
            bounds = np.zeros(len(counts) + 1, dtype=np.int64)
            np.cumsum(counts, out=bounds[1:])
            own_so_far = np.zeros(len(words) + 1, dtype=np.int64)
            np.cumsum(~shared, out=own_so_far[1:])
            own_bounds = own_so_far[bounds]  # fact i's own words: own_words[own_bounds[i]:…[i + 1]]
            # the set of shared words of each fact, as bytes: equal sets, one profile
            shared_words = renumber[words[shared]].astype(np.int32).tobytes()
            edges = ((bounds - own_bounds) * 4).tolist()
            self.profile_of[start:end] = list(map(profile, (shared_words[a:b] for a, b in
                                                            zip(edges, edges[1:]))))
            # own words, space-separated, in one string per batch (sliced per fact below)
            own_words = vocabulary[words[~shared]].tolist()
            at = np.zeros(len(own_words) + 1, dtype=np.int64)
            np.cumsum(np.fromiter(map(len, own_words), dtype=np.int64, count=len(own_words)) + 1,
                      out=at[1:])
            firsts, lasts = own_bounds[:-1], own_bounds[1:]
            own_parts.append((" ".join(own_words), at[firsts].tolist(),
                              np.where(lasts > firsts, at[lasts] - 1, at[firsts]).tolist()))
            del own_words, words
        # the words are freed before each fact's own text is cut out of its batch's string: the
        # texts then fill memory of their own rather than the holes the words leave (which kept
        # ~0.7 GB of a million facts' freed words from going back to the system)
        del batches, vocabulary, renumber, is_shared
        self.own = np.empty(n, dtype=object)
        for start, (joined, firsts, lasts) in zip(range(0, n, BATCH), own_parts):
            check()
            self.own[start:start + len(firsts)] = [joined[a:b] for a, b in zip(firsts, lasts)]
        del own_parts
        # profile -> its shared words, flat, with the profile of each entry
        sets = [np.frombuffer(key, dtype=np.int32) for key in profiles]
        del profiles
        self.profile_words = np.concatenate(sets) if sets else np.zeros(0, dtype=np.int32)
        self.profile_entry = np.repeat(np.arange(len(sets), dtype=np.int32),
                                       np.fromiter(map(len, sets), dtype=np.int64, count=len(sets)))
        self.profiles = len(sets)
        self._words: OrderedDict[str, _Match] = OrderedDict()

    # ------------------------------------------------------------------ queries
    @staticmethod
    def words(query: str) -> list[str]:
        """The normalised words of a query (case-folded, each once): what ``search`` looks for,
        and what a results page marks."""
        return query_words(query)

    def search(self, query: str) -> list[str]:
        """Ids of the facts whose text holds every word of the query, in dataset order."""
        return self.ids_of(self.match(query))

    def match(self, query: str) -> np.ndarray:
        """The facts whose text holds every word of the query, as a mask over the dataset's rows
        (what the browse tree filters with, without a set of ids)."""
        words = query_words(query)
        if not words:
            return np.ones(len(self.ids), dtype=bool)
        rows = None
        for word in sorted(words, key=len, reverse=True):  # longer words are rarer
            match = self._match(word, rows)
            rows = match.rows if rows is None else rows & match.rows
        return rows

    def ids_of(self, rows: np.ndarray) -> list[str]:
        """The ids of a mask's facts, in dataset order."""
        return self.ids[np.flatnonzero(rows)].tolist()

    def _match(self, word: str, within: np.ndarray | None) -> _Match:
        """The facts whose text holds ``word``; ``within``: facts known to be the only candidates
        (those matching the query's other words), or None."""
        found = self._words.get(word)
        if found is not None:
            self._words.move_to_end(word)
            return found
        # narrowing: a remembered word inside this one matched a superset of what this one matches
        wider = max((w for w in self._words if w in word), key=len, default=None)
        if wider is not None:
            before = self._words[wider]
            candidates = np.flatnonzero(before.shared)
            shared = np.zeros(len(self.shared), dtype=bool)
            shared[candidates[_contains(self.shared[candidates], word)]] = True
            rows_before = before.rows
        else:
            shared = _contains(self.shared, word)
            rows_before = None
        hit_profiles = np.zeros(self.profiles, dtype=bool)
        hit_profiles[self.profile_entry[shared[self.profile_words]]] = True
        rows = hit_profiles[self.profile_of]
        # own words: only facts not matched yet that could still match
        rest = ~rows
        if rows_before is not None:
            rest &= rows_before
        if within is not None and wider is None:
            # a partial answer (only within the other words' matches) must not be remembered
            rest &= within
            unchecked = ~within & ~rows
        else:
            unchecked = None
        rest = np.flatnonzero(rest)
        if len(rest):
            rows[rest[_contains(self.own[rest], word)]] = True
        match = _Match(shared, rows)
        if unchecked is None or not unchecked.any():
            self._words[word] = match
            while len(self._words) > REMEMBERED_WORDS:
                self._words.popitem(last=False)
        return match
