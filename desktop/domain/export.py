"""What the exporters write, decided without Qt: which charts a dataset has, safe file names,
the CSV of a set of facts, and the HTML body of a fact sheet (the ui lays it out on A4)."""

from __future__ import annotations

import html
import math
import os
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Sequence

from desktop.base.lazy import pd

from desktop.domain.charts import ChartSpec, chart_specs, slug
from desktop.domain.dataset import Dataset
from desktop.domain.schema import COLUMNS, OPTIONAL
from desktop.domain.scope import Scope, theme_scope
from desktop.domain.view import fact_view

#: CSV written for Excel and WPS: UTF-8 with a byte order mark, or they guess GBK / ANSI
CSV_ENCODING = "utf-8-sig"
LANGS = ("zh", "en")
_NOT_IN_FONT_NAME = r"['\"<>;{}\\]"


# --------------------------------------------------------------------------- charts


def all_chart_specs(dataset: Dataset, lang: str) -> list[ChartSpec]:
    """Every chart of the dataset in tree order: the overview's headline charts first, then each
    theme that has figures, one spec per unit."""
    specs: list[ChartSpec] = []
    for root in dataset.roots:
        for node in root.walk():
            specs.extend(chart_specs(dataset, theme_scope(dataset, node), lang))
    return specs


# --------------------------------------------------------------------------- file names


def safe_stem(text: str, limit: int = 80) -> str:
    """A file-name stem from any text: ASCII letters, digits and -, never empty, never a path.

    A spec key keeps its ``--`` between theme and unit (``s3-transfer--events``)."""
    parts = [slug(part, limit) for part in str(text).split("--")]
    stem = "--".join(p for p in parts if p) or "chart"
    return stem[:limit].strip("-") or "chart"


def _lang(lang: str) -> str:
    return lang if lang in LANGS else slug(lang, 8)


def chart_file_name(spec: ChartSpec, ext: str = "png") -> str:
    """``s3-transfer--events.zh.png``: stable across runs, from the spec key and language."""
    return f"{safe_stem(spec.key)}.{_lang(spec.lang)}.{ext}"


def chart_file_names(specs: list[ChartSpec], ext: str = "png") -> list[str]:
    """One distinct name per spec; keys that slug alike get -2, -3 … in order."""
    names, seen = [], set()
    for spec in specs:
        stem = safe_stem(spec.key)
        name, n = f"{stem}.{_lang(spec.lang)}.{ext}", 1
        while name.lower() in seen:  # case-insensitive file systems (Windows, macOS)
            n += 1
            name = f"{stem}-{n}.{_lang(spec.lang)}.{ext}"
        seen.add(name.lower())
        names.append(name)
    return names


def document_file_name(kind: str, scope: Scope, lang: str, ext: str) -> str:
    """``facts--s3.zh.csv``, ``fact-sheet--place-kenya.en.pdf``: a suggested name for a save
    dialog, from what the user is looking at."""
    return f"{safe_stem(kind)}--{safe_stem(scope.stem)}.{_lang(lang)}.{ext}"


def inside(folder: str | Path, name: str) -> Path:
    """``folder / name``, refusing a name that is a path or would land outside ``folder``."""
    separators = [sep for sep in (os.sep, os.altsep, "/", "\\") if sep]
    if not name or name in (".", "..") or any(sep in name for sep in separators):
        raise ValueError(f"not a plain file name: {name!r}")
    base = Path(folder).resolve()
    target = (base / name).resolve()
    if target.parent != base:
        raise ValueError(f"{name!r} would be written outside {base}")
    return target


# --------------------------------------------------------------------------- CSV


def csv_columns(dataset: Dataset) -> list[str]:
    """The dataset's fact columns, in the order of data/README.md (optional ones that it has)."""
    columns = list(COLUMNS["facts"]) + [c for c in OPTIONAL["facts"] if c in dataset.facts.columns]
    return [c for c in columns if c in dataset.facts.columns]


def _number_text(value) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    value = float(value)
    if value.is_integer():
        return str(int(value))
    return repr(value)


def facts_frame(dataset: Dataset, fact_ids: list[str]) -> pd.DataFrame:
    """The facts as the dataset's own columns, as text: a CSV of it reads back into the app."""
    frame = dataset.facts.loc[list(fact_ids), csv_columns(dataset)].copy()
    for column in ("value", "headline"):
        if column in frame.columns:
            frame[column] = [_number_text(v) for v in frame[column]]
    return frame.reset_index(drop=True).astype(str)


def facts_csv_bytes(dataset: Dataset, fact_ids: list[str]) -> bytes:
    """The CSV file's bytes: UTF-8 with BOM, CRLF line ends (RFC 4180), every field as text."""
    text = facts_frame(dataset, fact_ids).to_csv(index=False, lineterminator="\r\n")
    return text.encode(CSV_ENCODING)


# --------------------------------------------------------------------------- fact sheet


@dataclass(frozen=True)
class SheetLabels:
    """The fixed words of a fact sheet, in the language of the window (translated by the ui)."""
    facts: str = "Facts"
    quote: str = "Original words"
    source: str = "Source"
    charts: str = "Charts"
    count: str = "Facts: %n"


def fact_sheet_html(dataset: Dataset, fact_ids: list[str], title: str, lang: str,
                    chart_urls: list[str], font_families: str | Sequence[str],
                    labels: SheetLabels = SheetLabels(),
                    image_width: float = 480) -> str:
    """The fact sheet as HTML for QTextDocument. Every data text is escaped: the dataset is
    shown as it is, never interpreted as markup. ``chart_urls`` name images the caller adds as
    document resources; ``image_width`` is their width in the document's units (the text width).
    ``font_families`` are named in order (the bundled CJK font among them, so it is embedded)."""
    e = html.escape
    facts = dataset.facts
    zh = lang == "zh"
    sep = "：" if zh else ": "
    if isinstance(font_families, str):
        font_families = [font_families]
    font = ", ".join(f"'{re.sub(_NOT_IN_FONT_NAME, '', name)}'" for name in font_families)
    sources = list(dict.fromkeys(facts.loc[list(fact_ids), "source"])) if fact_ids else []
    citations = ("；" if zh else "; ").join(dataset.citation(s, lang) for s in sources)
    parts = [
        "<html><head><meta charset='utf-8'><style>",
        f"body {{ font-family: {font}; font-size: 10pt; color: #1b1f24; }}",
        "h1 { font-size: 18pt; margin: 0 0 4pt 0; }",
        "h2 { font-size: 13pt; margin: 16pt 0 4pt 0; color: #57606a; }",
        "h3 { font-size: 11.5pt; margin: 12pt 0 2pt 0; }",
        "p { margin: 0 0 3pt 0; }",
        ".muted { color: #57606a; }",
        ".figure { font-size: 13pt; font-weight: bold; color: #1f5fa8; }",
        ".quote { color: #3d444d; }",
        "</style></head><body>",
        f"<h1>{e(title)}</h1>",
        f"<p class='muted'>{e(labels.count.replace('%n', f'{len(fact_ids):,}'))}</p>",
    ]
    if citations:
        parts.append(f"<p class='muted'>{e(labels.source)}{sep}{e(citations)}</p>")
    if chart_urls:
        parts.append(f"<h2>{e(labels.charts)}</h2>")
        for url in chart_urls:
            parts.append(f"<p><img src='{e(url, quote=True)}' width='{int(image_width)}'></p>")
    parts.append(f"<h2>{e(labels.facts)}</h2>")
    for number, fid in enumerate(fact_ids, start=1):
        view = fact_view(dataset, fid, lang)
        parts.append(f"<h3>{number}. {e(view.title)}</h3>")
        if view.figure:
            parts.append(f"<p class='figure'>{e(view.figure)}</p>")
        parts.append(f"<p>{e(view.statement)}</p>")
        parts.append(f"<p class='quote'>{e(labels.quote)}{sep}{e(view.quoted())}</p>")
        parts.append(f"<p class='muted'>{e(view.provenance())}</p>")
    parts.append("</body></html>")
    return "\n".join(parts)
