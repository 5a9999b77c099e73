"""What the charts look like and how their labels break, without importing pyqtgraph: the
presentation and the exporter read these before any chart is drawn."""

from __future__ import annotations

STYLES = {
    "light": {"bg": "#ffffff", "fg": "#1b1f24", "muted": "#57606a", "bar": "#1f5fa8",
              "about": "#5b8fd0", "grid": "#d0d7de", "select": "#d9480f"},
    "dark": {"bg": "#0d1117", "fg": "#f0f3f6", "muted": "#a8b3bd", "bar": "#58a6ff",
             "about": "#8cc2ff", "grid": "#30363d", "select": "#ffa657"},
}


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
