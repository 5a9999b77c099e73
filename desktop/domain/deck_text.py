"""How much text fits a box on a slide, estimated without a font file: PowerPoint does its own
line breaking, so the deck picks the largest size at which a text fits by this estimate."""

from __future__ import annotations

import unicodedata
from typing import Iterable

_IN = 914400   # EMU per inch
_PT = 12700    # EMU per point

def _char_em(ch: str) -> float:
    """Roughly how wide a character sets, in ems (Arial and Microsoft YaHei)."""
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        return 1.0
    if ch.isupper() or ch.isdigit():
        return 0.64
    if ch in " .,:;'!|il()[]":
        return 0.3
    return 0.52


def _lines(text: str, size_pt: float, width_emu: int) -> int:
    """How many lines ``text`` wraps to at ``size_pt`` in a box ``width_emu`` wide (estimate,
    breaking at spaces in Latin text and anywhere in Chinese)."""
    width = width_emu / _PT
    count = 0
    for paragraph in text.split("\n"):
        line, lines = 0.0, 1
        for word in _words(paragraph):
            advance = sum(_char_em(ch) for ch in word) * size_pt
            if line + advance > width and line > 0:
                lines += 1
                line = advance if not word.isspace() else 0.0
                while line > width:  # a word longer than the line (or a run of CJK text)
                    lines += 1
                    line -= width
            else:
                line += advance
        count += lines
    return count


def _words(text: str) -> Iterable[str]:
    word = ""
    for ch in text:
        if unicodedata.east_asian_width(ch) in ("W", "F"):
            if word:
                yield word
                word = ""
            yield ch
        elif ch == " ":
            if word:
                yield word
            yield " "
            word = ""
        else:
            word += ch
    if word:
        yield word


def fit_size(text: str, width_emu: int, height_emu: int, sizes: Iterable[float],
             spacing: float = 1.2) -> float:
    """The largest of ``sizes`` (points, largest first) at which ``text`` fits the box; the
    smallest when none does. PowerPoint shrinks text to fit only when it is edited, so the deck
    picks the size itself."""
    sizes = list(sizes)
    inner_w = width_emu - int(0.2 * _IN)  # the text box's own insets
    for size in sizes:
        if _lines(text, size, inner_w) * size * spacing * _PT <= height_emu - int(0.1 * _IN):
            return size
    return sizes[-1]
