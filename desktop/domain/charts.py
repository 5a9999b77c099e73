"""What to draw, decided without Qt: which facts, on which unit axis, with which title and footer.

A scope's chart holds its quantitative facts (a theme's own and those below it, in tree order);
the overview's holds the headline figures. Facts of unlike units never share an axis: one
:class:`ChartSpec` per unit (``unit_en``), largest group first.
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass, field

from desktop.domain.dataset import Dataset
from desktop.domain.scope import Scope
from desktop.domain.view import fact_views


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
    key: str            # stable: "<scope stem>--<unit slug>"
    scope: Scope | None  # None: read back from a first-paint snapshot, drawn before the data
    lang: str
    title: str
    unit: str
    bars: tuple[Bar, ...]
    footer: str
    notes: tuple[str, ...] = field(default_factory=tuple)

    @property
    def subtitle(self) -> str:
        return (f"单位：{self.unit}" if self.lang == "zh" else f"Unit: {self.unit}")

    def as_dict(self) -> dict:
        """What is drawn, as plain JSON data (without the scope)."""
        return {"key": self.key, "lang": self.lang, "title": self.title, "unit": self.unit,
                "footer": self.footer, "notes": list(self.notes),
                "bars": [[b.fact_id, b.label, b.value, b.qualifier, b.figure, b.unit]
                         for b in self.bars]}

    @classmethod
    def from_dict(cls, data: dict) -> "ChartSpec":
        """The spec ``as_dict`` wrote; ValueError if ``data`` is not one."""
        try:
            bars = tuple(Bar(str(f), str(label), float(v), str(q), str(fig), str(u))
                         for f, label, v, q, fig, u in data["bars"])
            return cls(str(data["key"]), None, str(data["lang"]), str(data["title"]),
                       str(data["unit"]), bars, str(data["footer"]),
                       tuple(str(n) for n in data["notes"]))
        except (KeyError, TypeError, ValueError) as exc:
            raise ValueError(f"not a chart: {exc}") from None


_UI = {
    "source": {"zh": "来源：", "en": "Source: "},
    "stated_by": {"zh": "数据提供：", "en": "Figures stated by: "},
    "more_than": {"zh": "“多/余/逾/超”为下限，柱形末端开放", "en": "+ means “more than”: the bar is a lower bound"},
    "about": {"zh": "“约”为约数", "en": "“about” marks an approximate figure"},
}


def nice_step(raw: float) -> float:
    """An axis step a reader counts in: the next 1, 2 or 5 × 10ⁿ at or above ``raw`` (the chart
    on screen and the deck's native chart use the same)."""
    if raw <= 0:
        return 1.0
    power = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 5, 10):
        if factor * power >= raw:
            return factor * power
    return 10 * power


def slug(text: str, limit: int = 60) -> str:
    """A file-name-safe slug: ASCII letters/digits and -, never empty, never a path."""
    norm = unicodedata.normalize("NFKD", text)
    ascii_text = norm.encode("ascii", "ignore").decode("ascii").lower()
    cleaned = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:limit].strip("-")
    return cleaned or "chart"


#: A chart informs when it compares: the window and the fact sheet draw a unit's chart from two
#: figures up (a single figure reads as its card); the exporters can still ask for every unit.
INFORMATIVE = 2


#: A chart is read bar by bar: a unit with more figures than this is not drawn on screen (the page
#: says how many there are and asks for a narrower search or group). The bundled article's
#: largest chart has a handful of bars; a search of a generated dataset can match a million.
CHART_LIMIT = 60


@dataclass(frozen=True)
class ChartSet:
    """What a scope's charts are: the specs to draw, and the units left out as too many figures
    to chart, with their counts (largest first)."""
    specs: list[ChartSpec]
    too_many: list[tuple[str, int]]


def chart_specs(dataset: Dataset, scope: Scope, lang: str, min_bars: int = 1) -> list[ChartSpec]:
    """One spec per unit for what the user is looking at (a theme, a place, a field, a search),
    those with at least ``min_bars`` figures."""
    return chart_set(dataset, scope, lang, min_bars).specs


def chart_set(dataset: Dataset, scope: Scope, lang: str, min_bars: int = 1,
              max_bars: int | None = None) -> ChartSet:
    """The scope's charts, one per unit with at least ``min_bars`` figures; a unit with more than
    ``max_bars`` is left out (named in ``too_many``), before any of its bars is built."""
    ids = scope.chart_facts(dataset)
    if not ids:
        return ChartSet([], [])
    units = dataset.column("unit_en")[dataset.positions(ids)]
    groups: dict[str, list[str]] = {}
    for fid, unit in zip(ids, units.tolist()):
        groups.setdefault(unit, []).append(fid)
    ordered = sorted(groups.items(), key=lambda kv: -len(kv[1]))  # stable: ties keep tree order
    specs, too_many = [], []
    for unit_en, members in ordered:
        if len(members) < min_bars:
            continue
        if max_bars is not None and len(members) > max_bars:
            too_many.append((unit_label(dataset, unit_en, members, lang), len(members)))
            continue
        views = fact_views(dataset, members, lang)
        bars = tuple(Bar(v.id, v.title, v.value, v.qualifier, v.figure, v.unit) for v in views)
        specs.append(ChartSpec(
            key=f"{scope.stem}--{slug(unit_en)}", scope=scope, lang=lang,
            title=scope.chart_title(lang), unit=unit_label(dataset, unit_en, members, lang),
            bars=bars,
            footer=footer(dataset, members, lang),
            notes=tuple(_UI[q][lang] for q in ("more_than", "about")
                        if any(b.qualifier == q for b in bars))))
    return ChartSet(specs, too_many)


def unit_label(dataset: Dataset, unit_en: str, members: list[str], lang: str) -> str:
    """A unit's name as a chart names it: the vocabulary's, else (in Chinese) the distinct
    ``unit_zh`` of its facts (``members``)."""
    if lang == "en" or ("unit", unit_en) in dataset.vocabulary.index:
        return dataset.name("unit", unit_en, lang)
    return "、".join(dict.fromkeys(dataset.column("unit_zh")[dataset.positions(members)].tolist()))


def footer(dataset: Dataset, fact_ids: list[str], lang: str) -> str:
    """“Source: <article>. Figures stated by: MOST; …” — whose numbers these are."""
    rows = dataset.positions(fact_ids)
    sources = list(dict.fromkeys(dataset.column("source")[rows].tolist()))
    people = list(dict.fromkeys(dataset.column("attribution")[rows].tolist()))
    cites = ";".join(dataset.citation(s, lang) for s in sources) if lang == "zh" else \
        "; ".join(dataset.citation(s, lang) for s in sources)
    names = [dataset.name("attribution", p, lang) for p in people]
    sep = "、" if lang == "zh" else "; "
    text = f"{_UI['source'][lang]}{cites}"
    if names:
        text += ("。" if lang == "zh" else ". ") + _UI["stated_by"][lang] + sep.join(names)
    return text
