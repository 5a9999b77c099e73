"""What the charts look like and how their labels break, without importing pyqtgraph: the
presentation and the exporter read these before any chart is drawn."""

from __future__ import annotations

from desktop.ui.palette import CHART

STYLES = CHART  # desktop/ui/palette.py holds every colour


LABEL_WRAP = {"zh": 18, "en": 34}


def wrap_label(text: str, lang: str) -> str:
    """A bar's axis label as the chart draws it: at most two lines."""
    return _wrap(text, LABEL_WRAP.get(lang, 34))


def _wrap(text: str, width: int) -> str:
    """Break a long axis label onto two lines (at a space in English, anywhere in Chinese)."""
    if len(text) <= width:
        return text
    if " " in text:
        words, lines, line = text.split(), [], ""
        for word in words:
            if line and len(line) + 1 + len(word) > width:
                lines.append(line)
                line = word
            else:
                line = f"{line} {word}".strip()
        lines.append(line)
        if len(lines) > 2:
            lines = [lines[0], " ".join(lines[1:])]
            if len(lines[1]) > width:
                lines[1] = lines[1][: width - 1] + "…"
        return "\n".join(lines)
    first, rest = text[:width], text[width:]
    if len(rest) > width:
        rest = rest[: width - 1] + "…"
    return f"{first}\n{rest}"
