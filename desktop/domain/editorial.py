"""The editorial checks of a whole column at a time: Chinese characters in an English text, and
the figures a Chinese statement gives that its quote does not. validation.py reports them.

Both run over cells joined a chunk at a time: a few MB at once, not a column of a million facts
(joined whole, and as UTF-16 next to it, the English texts of a million facts took 0.8 GB)."""

from __future__ import annotations

import functools
import re

from desktop.base.checkpoint import checkpoint
from desktop.base.lazy import np

#: CJK characters and punctuation (ideographs, kana, hangul, 《》、。，：…): none belongs in English.
_CJK = re.compile("[\u2e80-\u9fff\uac00-\ud7af\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef"
                  "\U00020000-\U0003134f]")
_NUMERALS = "〇零一二两三四五六七八九十百千万亿"
_MORE = "多余"
_MEASURE = "项个名家场次人年月天倍位所条座种亩吨届"
#: cells joined per scan: 8,192 statements take about 10 ms (a checkpoint between scans)
_CHUNK = 1 << 13


def _figure_pattern() -> re.Pattern:
    """A figure as Chinese text writes it: digits (80, 2,800, 7.4) with 万/亿 and 多/余, or
    Chinese numerals with their measure word (八项, 千余项, 逾万名), with 约/超/逾/近 before it.
    Not figures: ordinals (第二大国, 第 3 条), a lone 一 (一个 = “a”), 两国 (“both countries”).
    One alternative per first character, so that the engine passes over every other character
    at C speed (the statements of 100k facts in a tenth of a second)."""
    more, measure = f"[{_MORE}]?", f"[{_MEASURE}]"
    digits = r"\d*(?:,\d{3})*(?:\.\d+)?[千万亿]*" + more
    numerals = f"[{_NUMERALS}]"
    number = (rf"(?:\d{digits}|[{_NUMERALS.replace('一', '')}]{numerals}*{more}{measure}"
              rf"|一{numerals}+{more}{measure})")
    alternatives = [prefix + number for prefix in "约超逾近"]
    # each starts a number, not the middle of one, nor an ordinal
    alternatives += [rf"{d}(?<![\d.]{d})(?<!第{d})(?<!第 {d}){digits}" for d in "0123456789"]
    alternatives += [rf"{n}(?<![第{_NUMERALS}]{n})(?<!第 {n}){numerals}{'+' if n == '一' else '*'}"
                     rf"{more}{measure}" for n in _NUMERALS]
    return re.compile("|".join(alternatives))


def __getattr__(name: str):
    """``FIGURE``, the compiled pattern, made on first use: compiling it takes ~15 ms, and this
    module is imported on the way to the window's first paint."""
    if name == "FIGURE":
        return _figure()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@functools.cache
def _figure() -> re.Pattern:
    return _figure_pattern()


#: What a character is to a figure, as bits of :func:`_kinds`: a first character (an ASCII digit,
#: a numeral, 约超逾近), what may follow a numeral, and what the pattern's look-behinds look for.
_DIGIT, _NUMERAL, _PREFIX, _FOLLOW, _DI, _DOT, _SPACE = 1, 2, 4, 8, 16, 32, 64


@functools.cache
def _kinds() -> np.ndarray:
    """The bits of every code point up to U+A000 (a 40 KB table, made on first use): all those
    above it have none, and are looked up as its last entry."""
    kinds = np.zeros(0xA001, dtype=np.uint8)
    for bits, chars in ((_DIGIT, "0123456789"), (_NUMERAL | _FOLLOW, _NUMERALS),
                        (_FOLLOW, _MORE + _MEASURE), (_PREFIX, "约超逾近"), (_DI, "第"),
                        (_DOT, "."), (_SPACE, " ")):
        for char in chars:
            kinds[ord(char)] |= bits
    return kinds


def _starts(text: str) -> list[int]:
    """The positions in ``text`` at which a figure may start: every one at which FIGURE matches,
    and a few more. The pattern passes over every character of a statement (a million facts'
    statements are 57 million characters: 1.3–1.9 s); this looks at them all at once with numpy
    and leaves the engine the few places worth trying: an ASCII digit not inside a number nor
    after 第 (an ordinal), a numeral followed by a numeral, 多/余 or a measure word, not after
    第 or another numeral, and 约超逾近. Each condition is one of the pattern's own, or looser."""
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype="<u4")
    # two blanks before the text (nothing to look behind at) and one after (nothing follows)
    kinds = np.zeros(len(codes) + 3, dtype=np.uint8)
    np.take(_kinds(), codes, out=kinds[2:-1], mode="clip")  # clip: U+A000 and above
    this, previous = kinds[2:-1], kinds[1:-2]
    first = this & ~previous & _DIGIT  # a digit right after a digit starts nothing: most of them
    first |= this & (_NUMERAL | _PREFIX)
    at = np.flatnonzero(first) + 2
    if not len(at):
        return []
    kind, before, twice_before, after = kinds[at], kinds[at - 1], kinds[at - 2], kinds[at + 1]
    ordinal = ((before & _DI) != 0) | (((before & _SPACE) != 0) & ((twice_before & _DI) != 0))
    digit = ((kind & _DIGIT) != 0) & ((before & (_DIGIT | _DOT)) == 0)
    numeral = ((kind & _NUMERAL) != 0) & ((before & _NUMERAL) == 0) & ((after & _FOLLOW) != 0)
    return (at[((digit | numeral) & ~ordinal) | ((kind & _PREFIX) != 0)] - 2).tolist()


def figures_in(text: str) -> list[re.Match]:
    """``FIGURE.finditer(text)``, the same matches, about twice as fast: the pattern is tried only
    where :func:`_starts` says a figure may start, from the end of the last match on, as
    ``finditer`` goes (a match never starts where ``_starts`` leaves out, and the engine still
    decides at each place it is tried, look-behinds and all)."""
    found, end, match = [], 0, _figure().match
    for at in _starts(text):
        if at >= end and (hit := match(text, at)) is not None:
            found.append(hit)
            end = hit.end()
    return found


def chinese_in(cells: list[str]) -> np.ndarray | None:
    """The CJK characters of each cell, "" where it has none; None if no cell has any (the usual
    case, decided at C speed: the cells that are not ASCII, joined, have no UTF-16 code unit from
    U+2E80 up)."""
    others = np.flatnonzero(~np.fromiter(map(str.isascii, cells), dtype=bool, count=len(cells)))
    found = None
    step = max(_CHUNK // 8, 1)  # English texts are long: a few MB joined
    for start in range(0, len(others), step):
        checkpoint()
        rows = others[start:start + step].tolist()
        part = [cells[row] for row in rows]
        units = np.frombuffer("\n".join(part).encode("utf-16-le", "surrogatepass"), dtype="<u2")
        if units.max() < 0x2E80:
            continue
        if found is None:
            found = np.full(len(cells), "", dtype=object)
        for row, cell in zip(rows, part):
            found[row] = "".join(_CJK.findall(cell))
    return found


def missing_figures(texts: list[str], quotes: list[str]) -> dict[int, list[str]]:
    """Row position → the figures its text states that its quote lacks, each once, in order
    (rows without a quote are left to the empty-quote check)."""
    missing: dict[int, list[str]] = {}
    for start in range(0, len(texts), _CHUNK):
        checkpoint()
        part = texts[start:start + _CHUNK]
        hits = [(m.start(), m.group()) for m in figures_in("\n".join(part))]
        if not hits:
            continue
        ends = np.cumsum(np.fromiter(map(len, part), dtype=np.int64, count=len(part)) + 1)
        rows = np.searchsorted(ends, np.fromiter((at for at, _ in hits), dtype=np.int64,
                                                 count=len(hits)), side="right") + start
        for (_, figure), row in zip(hits, rows.tolist()):
            if quotes[row] and figure not in quotes[row] and figure not in missing.get(row, ()):
                missing.setdefault(row, []).append(figure)
    return missing
