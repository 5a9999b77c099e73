"""What to draw, decided without Qt: which facts, on which unit axis, with which title and footer.

A theme's chart holds its quantitative facts (its own and those below it, in tree order); the
overview's holds the headline figures. Facts of unlike units never share an axis: one
:class:`ChartSpec` per unit (``unit_en``), largest group first.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from desktop.domain.dataset import Dataset, ThemeNode
from desktop.domain.formatting import figure_with_unit


@dataclass(frozen=True)
class Bar:
    fact_id: str
    label: str          # the fact's short title
    value: float
    qualifier: str      # exact | more_than | about
    figure: str         # "80+" / "80多个": the figure as it reads
    unit: str


@dataclass(frozen=True)
class ChartSpec:
    key: str            # stable: "<theme>--<unit slug>"
    theme_id: str
    lang: str
    title: str
    unit: str
    bars: tuple[Bar, ...]
    footer: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def subtitle(self) -> str:
        return (f"单位：{self.unit}" if self.lang == "zh" else f"Unit: {self.unit}")


_UI = {
    "source": {"zh": "来源：", "en": "Source: "},
    "stated_by": {"zh": "数据提供：", "en": "Figures stated by: "},
    "more_than": {"zh": "“多/余/逾/超”为下限，柱形末端开放", "en": "+ means “more than”: the bar is a lower bound"},
    "about": {"zh": "“约”为约数", "en": "“about” marks an approximate figure"},
    "headline": {"zh": "主要数据", "en": "Headline figures"},
}


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe slug: ASCII letters/digits and -, never empty, never a path."""
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = norm.encode("ascii", "ignore").decode("ascii").lower()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    return cleaned or "chart"


def chart_facts(dataset: Dataset, theme: ThemeNode) -> list[str]:
    if theme is dataset.overview:
        headline = dataset.headline_facts()
        if headline:
            return dataset.quantitative(headline)
    return dataset.quantitative(theme.all_facts())


def chart_specs(dataset: Dataset, theme: ThemeNode, lang: str,
                fact_ids: list[str] | None = None, title: str | None = None) -> list[ChartSpec]:
    """One spec per unit for a theme (or for an explicit list of facts, e.g. a search result)."""
    ids = dataset.quantitative(fact_ids) if fact_ids is not None else chart_facts(dataset, theme)
    if not ids:
        return []
    facts = dataset.facts.loc[ids]
    groups: dict[str, list[str]] = {}
    for fid, unit in zip(ids, facts["unit_en"]):
        groups.setdefault(unit, []).append(fid)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))  # stable: ties keep tree order
    base_title = title or (theme.title(lang) if theme is not dataset.overview
                           else _UI["headline"][lang])
    specs = []
    for unit_en, members in ordered:
        rows = dataset.facts.loc[members]
        bars = tuple(
            Bar(fid, r["title_zh"] if lang == "zh" else r["title_en"], float(r["value"]),
                r["qualifier"], figure_with_unit(r["value"], r["qualifier"],
                                                 r["unit_zh"] if lang == "zh" else r["unit_en"], lang),
                r["unit_zh"] if lang == "zh" else r["unit_en"])
            for fid, r in rows.iterrows())
        unit_label = dataset.name("unit", unit_en, lang) if lang == "en" else \
            (dataset.name("unit", unit_en, "zh") if (("unit", unit_en) in dataset.vocabulary.index)
             else _zh_unit_label(rows))
        specs.append(ChartSpec(
            key=f"{theme.id}--{slug(unit_en)}", theme_id=theme.id, lang=lang,
            title=base_title, unit=unit_label, bars=bars,
            footer=footer(dataset, members, lang),
            notes=tuple(_UI[q][lang] for q in ("more_than", "about")
                        if any(b.qualifier == q for b in bars))))
    return specs


def _zh_unit_label(rows) -> str:
    units = list(dict.fromkeys(rows["unit_zh"]))
    return "、".join(units)


def footer(dataset: Dataset, fact_ids: list[str], lang: str) -> str:
    """“Source: <article>. Figures stated by: MOST; …” — whose numbers these are."""
    facts = dataset.facts.loc[fact_ids]
    sources = list(dict.fromkeys(facts["source"]))
    people = list(dict.fromkeys(facts["attribution"]))
    cites = ";".join(dataset.citation(s, lang) for s in sources) if lang == "zh" else \
        "; ".join(dataset.citation(s, lang) for s in sources)
    names = [dataset.name("attribution", p, lang) for p in people]
    sep = "、" if lang == "zh" else "; "
    text = f"{_UI['source'][lang]}{cites}"
    if names:
        text += ("。" if lang == "zh" else ". ") + _UI["stated_by"][lang] + sep.join(names)
    return text
