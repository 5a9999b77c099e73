"""Figures as a reader expects them: ``80+`` / ``80多个``, ``74,000+`` / ``7.4万余``,
``about 2 million`` / ``约200万吨``. One function per language; the unit is appended by the caller
(or by :func:`figure_with_unit`)."""

from __future__ import annotations

import math


def _trim(number: float, digits: int = 2) -> str:
    text = f"{number:.{digits}f}".rstrip("0").rstrip(".")
    return text or "0"


def format_number_en(value: float) -> str:
    if value >= 1_000_000_000:
        return f"{_trim(value / 1_000_000_000)} billion"
    if value >= 1_000_000:
        return f"{_trim(value / 1_000_000)} million"
    if float(value).is_integer():
        return f"{int(value):,}"
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def format_number_zh(value: float) -> str:
    if value >= 100_000_000:
        return f"{_trim(value / 100_000_000, 4)}亿"
    if value >= 10_000:
        return f"{_trim(value / 10_000, 4)}万"
    if float(value).is_integer():
        return str(int(value))
    return _trim(value, 4)


def format_figure_en(value: float, qualifier: str) -> str:
    """``80+``, ``74,000+``, ``about 2 million``, ``67``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = format_number_en(value)
    if qualifier == "more_than":
        return f"{number}+"
    if qualifier == "about":
        return f"about {number}"
    return number


def format_figure_zh(value: float, qualifier: str) -> str:
    """``80多``, ``300余``, ``7.4万余``, ``千余``, ``万余``, ``约200万``, ``67``."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    number = format_number_zh(value)
    if qualifier in ("more_than", "about") and value in (1000, 10000):
        number = "千" if value == 1000 else "万"  # 千余项, 逾万名: as Chinese writes round figures
    if qualifier == "more_than":
        return number + ("多" if value < 100 else "余")
    if qualifier == "about":
        return "约" + number
    return number


def format_figure(value: float, qualifier: str, lang: str) -> str:
    return format_figure_zh(value, qualifier) if lang == "zh" else format_figure_en(value, qualifier)


def figure_with_unit(value: float, qualifier: str, unit: str, lang: str) -> str:
    """``80多个`` / ``80+ countries``, ``约200万吨`` / ``about 2 million tonnes``."""
    figure = format_figure(value, qualifier, lang)
    if not figure:
        return ""
    if not unit:
        return figure
    return f"{figure}{unit}" if lang == "zh" else f"{figure} {unit}"


def format_as_of(as_of: str, lang: str) -> str:
    """``2023`` → 截至2023年 / as of 2023; ``2023-12`` → 截至2023年12月 / as of December 2023."""
    if not as_of:
        return ""
    year, _, month = as_of.partition("-")
    if lang == "zh":
        return f"截至{year}年{int(month)}月" if month else f"截至{year}年"
    months = ("January February March April May June July August September October November "
              "December").split()
    return f"as of {months[int(month) - 1]} {year}" if month else f"as of {year}"
