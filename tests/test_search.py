"""Search gives exactly what a naive scan gives: every word of the query, case-folded, occurs in
the fact's text (ids, titles, statements, quotes, units, place and field names in both languages),
results in dataset order — on random data, on Chinese, while typing and deleting."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain.dataset import Dataset
from desktop.domain.schema import split_keys
from desktop.domain.errors import LoadCancelled
from desktop.domain.search import SearchIndex, fact_texts

TEXT_COLUMNS = ("id", "title_zh", "title_en", "text_zh", "text_en", "quote", "unit_zh", "unit_en")


# --------------------------------------------------------------------------- the reference


def reference_texts(dataset: Dataset) -> list[str]:
    """Each fact's searchable text, built here without any code of desktop.domain.search."""
    texts = []
    for _, row in dataset.facts.iterrows():
        parts = [str(row[c]) for c in TEXT_COLUMNS]
        for kind, column in (("place", "places"), ("tag", "tags")):
            for key in split_keys(row[column]):
                parts += [key, dataset.name(kind, key, "zh"), dataset.name(kind, key, "en")]
        texts.append("\n".join(parts).casefold())
    return texts


def naive(dataset: Dataset, texts: list[str], query: str) -> list[str]:
    words = query.casefold().split()
    return [fid for fid, text in zip(dataset.facts.index, texts) if all(w in text for w in words)]


def typed(query: str) -> list[str]:
    """What the search box holds keystroke by keystroke: typed in, then deleted back to nothing."""
    forward = [query[:i] for i in range(1, len(query) + 1)]
    return forward + forward[-2::-1] + [""]


def make_dataset(rows: list[dict], names: dict[tuple[str, str], tuple[str, str]] | None = None
                 ) -> Dataset:
    facts = pd.DataFrame(rows, columns=list(TEXT_COLUMNS) + ["places", "tags"], dtype=object)
    facts = facts.set_index("id", drop=False)
    vocabulary = pd.DataFrame(
        [(kind, key, zh, en, "", "") for (kind, key), (zh, en) in (names or {}).items()],
        columns=["kind", "key", "name_zh", "name_en", "note_zh", "note_en"], dtype=object)
    return Dataset(Path("memory"), "folder", pd.DataFrame(), facts, pd.DataFrame(), vocabulary,
                   {}, [], {})


# --------------------------------------------------------------------------- random data

# letters whose case folding is not a plain lower(): ß → ss, ﬁ → fi, İ → i̇, final sigma, Kelvin sign
ODD = "ßẞﬁİıΣσςKÅ"
CHINESE = "科技合作创新一带路国家中心实验室共建"
SPACES = " \t\n\u3000\xa0"
ALPHABET = "abcABC0129-_.()&" + ODD + CHINESE + SPACES

words = st.text(alphabet=ALPHABET.replace(" ", "").replace("\t", "").replace("\n", "")
                .replace("\u3000", "").replace("\xa0", ""), min_size=1, max_size=6)
cells = st.lists(words, max_size=5).map(" ".join)


@st.composite
def datasets(draw):
    """Facts whose cells come partly from a small pool (so words repeat across facts, as in real
    data) and partly fresh (words of one fact only); places and fields name a small vocabulary."""
    pool = draw(st.lists(cells, min_size=1, max_size=6))
    cell = st.one_of(st.sampled_from(pool), cells)
    keys = draw(st.lists(st.text("abcxyz", min_size=1, max_size=3), max_size=4, unique=True))
    names = {(kind, key): (draw(cells), draw(cells)) for key in keys for kind in ("place", "tag")}
    key_cells = st.lists(st.sampled_from(keys), max_size=3).map(";".join) if keys else st.just("")
    n = draw(st.integers(0, 30))
    rows = []
    for i in range(n):
        row = {c: draw(cell) for c in TEXT_COLUMNS[1:]}
        row["id"] = f"f{i}"
        row["places"] = draw(key_cells)
        row["tags"] = draw(key_cells)
        rows.append(row)
    return make_dataset(rows, names)


@st.composite
def datasets_and_queries(draw):
    dataset = draw(datasets())
    texts = reference_texts(dataset)
    # queries: pieces of the facts' own text (so they hit), random words, and mixtures
    pieces = []
    for text in texts:
        if text:
            start = draw(st.integers(0, len(text) - 1))
            pieces.append(text[start:start + draw(st.integers(1, 6))])
    word = st.one_of(st.sampled_from(pieces), words) if pieces else words
    queries = draw(st.lists(st.lists(word, min_size=1, max_size=3).map(
        lambda ws: draw(st.sampled_from(list(SPACES))).join(ws)), min_size=1, max_size=4))
    return dataset, texts, queries


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets_and_queries())
def test_random_queries_match_the_naive_scan(case):
    dataset, texts, queries = case
    index = SearchIndex(dataset)
    for query in queries:
        assert index.search(query) == naive(dataset, texts, query), query


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(datasets_and_queries())
def test_typing_and_deleting_match_the_naive_scan(case):
    """Each keystroke narrows from the last (or widens, on backspace): never a stale answer."""
    dataset, texts, queries = case
    index = SearchIndex(dataset)
    for query in queries:
        for text in typed(query):
            assert index.search(text) == naive(dataset, texts, text), repr(text)


@settings(max_examples=50, deadline=None)
@given(datasets())
def test_fact_texts_are_what_a_word_must_occur_in(dataset):
    assert [t.split() for t in fact_texts(dataset)] == [t.split() for t in reference_texts(dataset)]


# --------------------------------------------------------------------------- the bundled dataset


@pytest.fixture(scope="module")
def bundled():
    from desktop.domain import load_dataset
    from tests.conftest import DATA
    dataset = load_dataset(DATA)
    return dataset, reference_texts(dataset), SearchIndex(dataset)


@pytest.mark.parametrize("query", ["科技合作", "一带一路", "联合实验室", "technology", "Joint Lab",
                                   "ANSO 67", "kenya 肯尼亚", "科", "技", "国家", "中心", "万",
                                   "80", "S&T", "(", "“", "科技 合作", "合作 科技 technology"])
def test_bundled_dataset_while_typing(bundled, query):
    dataset, texts, index = bundled
    for text in typed(query):
        assert index.search(text) == naive(dataset, texts, text), repr(text)


def test_one_and_two_character_chinese_queries(bundled):
    """Every character and every pair of adjacent characters of the Chinese texts."""
    dataset, texts, index = bundled
    chars = sorted({ch for text in texts for ch in text if "\u4e00" <= ch <= "\u9fff"})
    pairs = sorted({text[i:i + 2] for text in texts for i in range(len(text) - 1)
                    if all("\u4e00" <= ch <= "\u9fff" for ch in text[i:i + 2])})
    assert len(chars) > 300 and len(pairs) > 1000
    for query in chars + pairs[::7]:
        assert index.search(query) == naive(dataset, texts, query), query


def test_empty_query_is_every_fact_in_dataset_order(bundled):
    dataset, _texts, index = bundled
    everything = list(dataset.facts.index)
    assert index.search("") == everything
    assert index.search("  \u3000\t") == everything
    index.search("科技")
    assert index.search("") == everything  # after a search, too


def test_results_come_in_dataset_order_and_lists_are_the_callers(bundled):
    dataset, _texts, index = bundled
    hits = index.search("合作")
    order = {fid: i for i, fid in enumerate(dataset.facts.index)}
    assert hits == sorted(hits, key=order.__getitem__)
    hits.clear()  # the caller may change its list; the index's answer stays
    assert index.search("合作") == naive(dataset, reference_texts(dataset), "合作")


def test_case_and_word_order_do_not_matter(bundled):
    _dataset, _texts, index = bundled
    assert index.search("TECHNOLOGY") == index.search("technology")
    assert index.search("joint laboratory") == index.search("LABORATORY   Joint")


def test_words_are_the_normalised_query():
    assert SearchIndex.words("  Joint  LAB joint 科技\u3000合作 ") == ["joint", "lab", "科技", "合作"]
    assert SearchIndex.words("Straße") == ["strasse"]
    assert SearchIndex.words(" \t") == []


def test_an_empty_dataset():
    index = SearchIndex(make_dataset([]))
    assert index.search("") == [] and index.search("x") == []


def test_a_generated_dataset_with_repeated_sentences():
    """The generated benchmark data: copies of the bundled facts with serial numbers, so that most
    words are shared by many facts and the serial numbers by one."""
    import sys
    from tests.conftest import REPO
    sys.path.insert(0, str(REPO / "benchmarks"))
    import make_dataset as generator
    import tempfile
    from desktop.domain import load_dataset
    with tempfile.TemporaryDirectory() as folder:
        dataset = load_dataset(generator.make_dataset(600, Path(folder) / "ds"))
    texts = reference_texts(dataset)
    index = SearchIndex(dataset)
    for query in ("technology", "科技合作", "no. 31", "(no. 3", "条）", "431", "-2", "合作 45"):
        for text in typed(query):
            assert index.search(text) == naive(dataset, texts, text), repr(text)


def test_building_can_be_cancelled(bundled):
    dataset, _texts, _index = bundled
    seen = []

    def progress(step, fraction):
        seen.append(fraction)
        return len(seen) < 3

    with pytest.raises(LoadCancelled):
        SearchIndex(dataset, progress)
    assert seen and all(0 <= f <= 1 for f in seen)


def test_building_reports_progress_up_to_the_end(bundled):
    dataset, _texts, _index = bundled
    seen = []
    SearchIndex(dataset, lambda step, fraction: seen.append(fraction) or True)
    assert seen == sorted(seen) and seen[-1] == 1.0
