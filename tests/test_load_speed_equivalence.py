"""The fast paths of loading say exactly what the plain ones say.

Large CSV files are parsed as they are read, columns of few distinct cells are stripped per
distinct cell, and the validator checks joined or distinct cells before it looks at single rows.
Each is compared here with the straightforward way on the broken corpus and on hostile cells."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from desktop.domain import DatasetError, editorial, load_dataset, reader, validation
from make_broken import BROKEN

CORPUS = sorted(p for p in BROKEN.iterdir() if p.is_dir()) + [Path(__file__).parent.parent / "data"]
HOSTILE = ["", " ", "  x ", "\u3000深化\u3000", "\xa0a\xa0", "a\tb", "\tfoo", "bar\t", "\x0b", "\x1c",
           "\u2028", "x\u200by", "\u205f", "a\nb", "1,000", " 80 ", "约80个", "第3条", "𠀀", "x"]


def _outcome(folder: Path):
    try:
        dataset = load_dataset(folder)
    except DatasetError as exc:
        return [(p.file, p.row, p.column, p.message, p.fix) for p in exc.problems]
    return dataset


def _same(a, b) -> None:
    if isinstance(a, list) or isinstance(b, list):
        assert a == b
        return
    for name in ("facts", "themes", "sources", "vocabulary"):
        pd.testing.assert_frame_equal(getattr(a, name), getattr(b, name))
    assert a.texts == b.texts
    assert {k: n.facts for k, n in a.nodes.items()} == {k: n.facts for k, n in b.nodes.items()}


@pytest.mark.parametrize("folder", CORPUS, ids=lambda p: p.name)
def test_a_streamed_file_loads_as_one_read_whole(folder, monkeypatch):
    whole = _outcome(folder)
    monkeypatch.setattr(reader, "STREAM_BYTES", 0)  # every table is parsed as it is read
    _same(_outcome(folder), whole)


@pytest.mark.parametrize("cells", [HOSTILE * 60, ["a"] * 1500 + [" a"], ["u"] * 3 + HOSTILE,
                                   [f"id-{i}" for i in range(3000)] + ["\u3000x"], []])
def test_stripped_columns_are_stripped_cell_by_cell(cells):
    values = np.array(cells, dtype=object)
    stripped, longest = reader._stripped(values)
    assert list(stripped) == [c.strip() for c in cells]
    assert longest == max((len(c.strip()) for c in cells), default=0)


def _big(folder: Path, tail: bytes, lead: bytes = b"") -> Path:
    """ok-minimal with a facts.csv of about 5 MiB (more than the parser's first block), whose
    last bytes are ``tail``."""
    import shutil
    shutil.copytree(BROKEN / "ok-minimal", folder)
    lines = (folder / "facts.csv").read_bytes().splitlines(keepends=True)
    header, rows = lines[0], lines[1:]
    body = [row.replace(b",", b"-%d," % n, 1) for n in range(5 * 2**20 // sum(map(len, rows)) + 1)
            for row in rows]
    (folder / "facts.csv").write_bytes(lead + header + b"".join(body) + tail)
    return folder


@pytest.mark.parametrize("tail, lead", [
    (b"", b""), (b"", b"\xef\xbb\xbf\r\n\n"), (b"x,\x00y\n", b""), (b"\xff\xfe,bad\n", b""),
    (b'"never closed\n', b""), (b"a,b,c,d,e,f,g,h,i,j,k,l,m,n,o,p,q,r,s\n", b""), (b"\n\n\n", b""),
    (b"   \n", b"\n" * 5), (b"", b" " * (5 * 2**20)), (b"", b"\r\n" * (3 * 2**20)),
], ids=["valid", "bom-and-blank-lines", "nul", "not-utf8", "open-quote", "extra-cells",
        "trailing-blank", "lead-lines", "spaces", "megabytes-of-blank-lines"])
def test_a_large_file_read_in_blocks_says_what_the_whole_file_says(tmp_path, monkeypatch, tail, lead):
    folder = _big(tmp_path / "big", tail, lead)
    whole = _outcome(folder)
    monkeypatch.setattr(reader, "STREAM_BYTES", 0)
    streamed = _outcome(folder)
    _same(streamed, whole)
    monkeypatch.setattr(reader, "MAX_ROWS", 1000)  # the parser stops early: the rest is still read
    monkeypatch.setattr(reader, "STREAM_BYTES", 10**12)
    whole = _outcome(folder)
    monkeypatch.setattr(reader, "STREAM_BYTES", 0)
    _same(_outcome(folder), whole)


IDS = ["a", "A-1", "x.y_z", "", "-a", "_a", ".a", "a b", "a\tb", "é", "ａ", "a/b", "a\nb", "9", "a-",
       "a..b", "深化", "a\x00", "abc\n", "Z" * 300, "a,b", "١", "ß"]


ASCII_IDS = [i for i in IDS if i.isascii() and "\n" not in i]


@pytest.mark.parametrize("ids", [IDS, ASCII_IDS, ASCII_IDS * 9000, ASCII_IDS * 9000 + IDS,
                                 ["ok"] * 5, [""], [], ["a", ""], ["", "a"]])
def test_ids_are_checked_as_the_pattern_checks_each(ids):
    values = np.array(ids, dtype=object)
    expected = [validation._ID.fullmatch(v) is not None for v in ids]
    assert validation._valid_ids(values).tolist() == expected


ENGLISH = ["plain", "", "curly ’quote’", "with 中文 inside", "emoji 😀", "《书名》", "ｆｕｌｌ", "한국어",
           "\u2e80", "\u2e7f", "𠀀 astral", "kana カタカナ", "Ⅷ", "a\nb 中"]


@pytest.mark.parametrize("cells", [ENGLISH, ENGLISH * 50000, ["plain"] * 10, ["curly ’"] * 3, []])
def test_chinese_in_english_is_found_as_cell_by_cell(cells, monkeypatch):
    monkeypatch.setattr(editorial, "_CHUNK", 7)  # many chunks, some without Chinese
    expected = ["".join(editorial._CJK.findall(c)) for c in cells]
    found = editorial.chinese_in(cells)
    assert (found.tolist() if found is not None else [""] * len(cells)) == expected


def test_figures_are_found_chunk_by_chunk_as_in_one_scan(monkeypatch):
    import random
    rnd = random.Random(7)
    alphabet = list("约超逾近0123456789.,第 一二两三十百千万亿〇零多余项个名年月条国带路大x\n") + ["١", "𠀀"]
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 25))) for _ in range(3000)]
    quotes = ["".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 25))) for _ in range(3000)]
    joined = "\n".join(texts)
    ends = np.cumsum([len(t) + 1 for t in texts])
    expected: dict[int, list[str]] = {}
    for match in editorial.FIGURE.finditer(joined):
        row = int(np.searchsorted(ends, match.start(), side="right"))
        if quotes[row] and match.group() not in quotes[row] \
                and match.group() not in expected.get(row, ()):
            expected.setdefault(row, []).append(match.group())
    monkeypatch.setattr(editorial, "_CHUNK", 37)
    assert editorial.missing_figures(texts, quotes) == expected


@pytest.mark.parametrize("seed", range(4))
def test_figures_are_found_where_the_pattern_finds_them(seed):
    """The numpy pre-scan leaves out no place where the pattern matches: the same matches, at the
    same places, as the pattern's own scan, over texts of every character it looks at (and a few
    it must not mistake: an Arabic-Indic and a full-width digit, characters past the table, a lone
    surrogate, which shift no position)."""
    import random
    rnd = random.Random(seed)
    alphabet = list("约超逾近0123456789.,第 一二两三十百千万亿〇零多余项个名年月条国带路大x\n") + \
        ["١", "２", "𠀀", "\ud800", "\ua000", "\uffff", "第 ", "一带一路"]
    for _ in range(3000):
        text = "".join(rnd.choice(alphabet) for _ in range(rnd.randrange(0, 40)))
        expected = [(m.start(), m.group()) for m in editorial.FIGURE.finditer(text)]
        assert [(m.start(), m.group()) for m in editorial.figures_in(text)] == expected, text


NUMBERS = ["", "1", "2", "1,000", "-1", "1.5", "1e400", "inf", "nan", "18446744073709551615",
           "9223372036854775808", "x", ",", "0x10", " 3", "١٢"]


@pytest.mark.parametrize("cells", [NUMBERS, ["1", "2", "3"] * 4, ["3", "18446744073709551615"],
                                   ["-1", "18446744073709551615"], ["", ""], ["1.0", "1"], []])
def test_numbers_are_parsed_as_pandas_parses_the_whole_column(cells):
    from desktop.domain.dataset import _numbers
    column = pd.Series(cells, dtype=object, index=[f"i{n}" for n in range(len(cells))])
    pd.testing.assert_series_equal(_numbers(column), pd.to_numeric(column, errors="coerce"))
    plain = pd.Series([c.replace(",", "") for c in cells], dtype=object, index=column.index)
    pd.testing.assert_series_equal(_numbers(column, ","), pd.to_numeric(plain, errors="coerce"))


def test_the_facts_of_each_theme_are_those_a_groupby_gives():
    from desktop.domain.dataset import _by_theme
    themes = ["b", "a", "b", "c", "a", "b"] * 50
    facts = pd.DataFrame({"theme": themes}, index=[f"f{n}" for n in range(len(themes))])
    expected = {t: list(g) for t, g in facts.groupby("theme", sort=False).groups.items()}
    assert dict(_by_theme(facts)) == expected
