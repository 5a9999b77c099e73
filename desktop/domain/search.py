"""Search over every text a reader might type: titles, statements, quotes, places, tags, in both
languages, case-insensitive. Typing narrows: a query that extends the previous one is searched only
among the previous matches, so each keystroke gets cheaper, however large the dataset."""

from __future__ import annotations

import operator
from itertools import repeat

import numpy as np
import pandas as pd

from desktop.domain.dataset import Dataset, split_keys

SEARCH_COLUMNS = ("id", "title_zh", "title_en", "text_zh", "text_en", "quote", "unit_zh", "unit_en")


def _names(dataset: Dataset, kind: str, cell: str) -> str:
    keys = split_keys(cell)
    return " ".join(f"{k} {dataset.name(kind, k, 'zh')} {dataset.name(kind, k, 'en')}" for k in keys)


def build_haystack(dataset: Dataset) -> pd.Series:
    facts = dataset.facts
    parts = [facts[c] for c in SEARCH_COLUMNS]
    places = facts["places"].map(lambda c: _names(dataset, "place", c)) if len(facts) else facts["places"]
    tags = facts["tags"].map(lambda c: _names(dataset, "tag", c)) if len(facts) else facts["tags"]
    joined = parts[0].str.cat(parts[1:] + [places, tags], sep="\n")
    return joined.str.casefold()


class SearchIndex:
    def __init__(self, dataset: Dataset):
        self.dataset = dataset
        self.haystack = build_haystack(dataset).to_numpy(dtype=object)
        self.ids = dataset.facts.index.to_numpy(dtype=object)
        self._last_query = ""
        self._last_hits: np.ndarray | None = None

    def search(self, query: str) -> list[str]:
        """Ids of the facts whose text holds every word of the query, in dataset order."""
        words = [w for w in query.casefold().split() if w]
        if not words:
            self._last_query, self._last_hits = "", None
            return list(self.ids)
        normalised = " ".join(words)
        candidates = np.arange(len(self.ids))
        if self._last_hits is not None and self._last_query and normalised.startswith(self._last_query) \
                and " " not in normalised[len(self._last_query) - 1:len(self._last_query)]:
            candidates = self._last_hits
        hay = self.haystack
        for word in words:
            # map(operator.contains, …) runs the loop in C: 5–10× faster than a comprehension
            texts = hay if len(candidates) == len(hay) else hay[candidates]
            found = np.fromiter(map(operator.contains, texts, repeat(word)), dtype=bool,
                                count=len(texts))
            candidates = candidates[found]
            if not len(candidates):
                break
        self._last_query, self._last_hits = normalised, candidates
        return list(self.ids[candidates])
