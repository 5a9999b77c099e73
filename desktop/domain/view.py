"""A fact as shown, in one language: :class:`FactView`. Views, slides, the clipboard and the
exporters assign its strings; none of them reads a dataset column or picks a language again.
"Stated by · source · date" is built here and nowhere else."""

from __future__ import annotations

import math
from dataclasses import dataclass

from desktop.domain.dataset import Dataset
from desktop.domain.formatting import figure_with_unit, format_as_of, format_figure
from desktop.domain.schema import split_keys

_WORDS = {
    "zh": {"stated_by": "陈述者：", "source": "来源：", "sep": " · ", "list": "、",
           "quote": "原文：", "places": "地区：", "fields": "领域：", "unit": "单位："},
    "en": {"stated_by": "Stated by: ", "source": "Source: ", "sep": " · ", "list": ", ",
           "quote": "Original words: ", "places": "Places: ", "fields": "Fields: ",
           "unit": "Unit: "},
}


@dataclass(frozen=True)
class FactView:
    id: str
    lang: str
    title: str
    statement: str
    figure: str            # "80多个" / "80+ countries"; "" for a fact without a number
    number: str            # the figure without its unit: "80多" / "80+"
    unit: str
    value: float | None
    qualifier: str         # exact | more_than | about | ""
    stated_by: str         # the attribution's name, never an editorial note
    source: str            # the citation of the source
    source_id: str
    date: str              # "截至2023年" / "as of 2023"; "" when the fact has no date
    quote: str             # verbatim, without quotation marks
    places: tuple[str, ...]
    fields: tuple[str, ...]
    theme_path: tuple[str, ...]   # theme titles from the root down
    unit_note: str = ""    # what the unit means, where a reader could misread it (亩, 人次)

    @classmethod
    def card(cls, fact_id: str, figure: str, title: str, lang: str) -> "FactView":
        """A view that knows only what a figure card shows (a page painted before the data)."""
        return cls(fact_id, lang, title, "", figure, "", "", None, "", "", "", "", "", "",
                   (), (), ())

    @property
    def has_figure(self) -> bool:
        return bool(self.figure)

    def provenance(self) -> str:
        """“Stated by: MOST · Source: <article> · as of 2023” — who, where from, when."""
        w = _WORDS[self.lang]
        parts = [w["stated_by"] + self.stated_by, w["source"] + self.source]
        if self.date:
            parts.append(self.date)
        return w["sep"].join(parts)

    def quoted(self) -> str:
        return f"“{self.quote}”"

    def where(self) -> str:
        """“Places: Kenya · Fields: Energy”, or "" when the fact names neither; then what the
        unit means when a reader could misread it."""
        w = _WORDS[self.lang]
        parts = []
        if self.places:
            parts.append(w["places"] + w["list"].join(self.places))
        if self.fields:
            parts.append(w["fields"] + w["list"].join(self.fields))
        line = w["sep"].join(parts)
        if self.unit_note:
            dash = "——" if self.lang == "zh" else " — "
            line = (line + "\n" if line else "") + f'{w["unit"]}{self.unit}{dash}{self.unit_note}'
        return line

    def citation(self) -> str:
        """What Ctrl+C puts on the clipboard: title, figure and date, statement, the original
        words, who states it and the source."""
        w = _WORDS[self.lang]
        lines = [self.title]
        if self.figure:
            lines.append(self.figure + ((f"（{self.date}）" if self.lang == "zh" else f" ({self.date})")
                                        if self.date else ""))
        lines.append(self.statement)
        lines.append(w["quote"] + self.quoted())
        lines.append(self.provenance())
        return "\n".join(lines)


def _value(raw) -> float | None:
    try:
        value = float(raw)
    except (TypeError, ValueError):
        return None
    return None if math.isnan(value) else value


def fact_view(dataset: Dataset, fact_id: str, lang: str) -> FactView:
    """The one place that reads a fact's columns for display."""
    row = dataset.record(fact_id)
    zh = lang == "zh"
    unit = row["unit_zh"] if zh else row["unit_en"]
    value = _value(row["value"])
    qualifier = row["qualifier"] if value is not None else ""
    figure = figure_with_unit(value, qualifier, unit, lang) if value is not None else ""
    number = format_figure(value, qualifier, lang) if value is not None else ""
    theme = dataset.nodes.get(row["theme"])
    return FactView(
        id=fact_id, lang=lang,
        title=row["title_zh"] if zh else row["title_en"],
        statement=row["text_zh"] if zh else row["text_en"],
        figure=figure, number=number, unit=unit if value is not None else "",
        value=value, qualifier=qualifier,
        stated_by=dataset.name("attribution", row["attribution"], lang),
        source=dataset.citation(row["source"], lang), source_id=row["source"],
        date=format_as_of(row["as_of"], lang),
        quote=row["quote"],
        places=tuple(dataset.name("place", k, lang) for k in split_keys(row["places"])),
        fields=tuple(dataset.name("tag", k, lang) for k in split_keys(row["tags"])),
        theme_path=tuple(n.title(lang) for n in theme.path()) if theme is not None else (),
        unit_note=dataset.note("unit", row["unit_en"], lang) if value is not None else "",
    )


def fact_views(dataset: Dataset, fact_ids, lang: str) -> list[FactView]:
    return [fact_view(dataset, fid, lang) for fid in fact_ids]
