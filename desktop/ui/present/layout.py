"""Where things go on a presentation screen, as plain arithmetic (no widgets, no Qt): the 16:9
frame unit, the margins, the text column beside or above the chart, and the scale a chart is
drawn at. Tested without a window."""

from __future__ import annotations

from dataclasses import dataclass

# Type sizes as fractions of the frame height (of a 16:9 frame that fits the screen), so the
# figure reads from the back of a room at 1280×720 and stays in proportion at 3840×2160.
SIZES_WITH_FIGURE = {"crumbs": 0.026, "figure": 0.15, "unit": 0.06, "title": 0.052,
                     "statement": 0.038, "source": 0.025}
SIZES_TEXT_ONLY = {"crumbs": 0.028, "figure": 0.15, "unit": 0.06, "title": 0.068,
                   "statement": 0.048, "source": 0.027}
MARK_SIZE = 0.024
SHRINK_STEPS = [1.0 - 0.04 * i for i in range(16)]  # down to 40 %: long statements shrink to fit
TEXT_GAP = 0.022            # between text blocks, in frame units


@dataclass(frozen=True)
class Box:
    x: int
    y: int
    w: int
    h: int


@dataclass(frozen=True)
class Screen:
    unit: float             # the height of the largest 16:9 frame on this screen
    column: Box             # the text
    chart: Box | None       # the chart, when there is one
    mark: Box               # "3 / 12" (and the kiosk hint) at the bottom
    mark_px: int


def frame_unit(width: int, height: int) -> float:
    return min(height, width * 9 / 16)


def lay_out(width: int, height: int, with_chart: bool) -> Screen:
    """Text beside the chart on a landscape screen, the chart below on a portrait one; without a
    chart the text column is centred and no wider than 1.35 frame units (lines stay readable)."""
    u = frame_unit(width, height)
    margin_x, margin_top, margin_bottom = round(0.07 * u), round(0.06 * u), round(0.075 * u)
    content = Box(margin_x, margin_top, width - 2 * margin_x, height - margin_top - margin_bottom)
    mark_px = max(8, round(MARK_SIZE * u))
    mark_h = round(mark_px * 1.6)
    mark = Box(margin_x, height - margin_bottom // 2 - mark_h // 2 - mark_h // 4,
               width - 2 * margin_x, mark_h)
    chart = None
    if with_chart:
        gap = round(0.05 * u)
        if width >= height * 1.2:  # landscape: text beside the chart
            text_w = round(content.w * 0.44)
            column = Box(content.x, content.y, text_w, content.h)
            chart = Box(content.x + text_w + gap, content.y, content.w - text_w - gap, content.h)
        else:  # portrait: chart below
            text_h = round(content.h * 0.52)
            column = Box(content.x, content.y, content.w, text_h)
            chart = Box(content.x, content.y + text_h + gap, content.w, content.h - text_h - gap)
    else:
        w = min(content.w, round(1.35 * u))
        column = Box(content.x + (content.w - w) // 2, content.y, w, content.h)
    return Screen(u, column, chart, mark, mark_px)


def chart_scale(unit: float, box: Box, bars: int, label_width: float) -> float:
    """The scale to draw a chart at so that everything fits the box: as large as the screen
    calls for, down to what the bars need in height; the axis labels (at most two lines) get
    41 % of the width. ``label_width`` is the widest label line at scale 1, in pixels."""
    top = unit / 720 * 1.45
    floor = unit / 720 * 1.0  # still read from the back of a room
    fit_h = box.h / (130 + 40 * bars)  # px at scale 1: titles, notes, bars
    scale = max(0.6, min(top, fit_h, max(floor, box.w * 0.41 / (label_width + 14))))
    return round(scale, 2)


def stack(column: Box, heights: list[int], gap: float, unit_follows: list[bool]) -> list[int]:
    """The y of each text block, the whole stack centred in the column; a unit that follows its
    figure sits closer to it (``unit_follows[i]`` marks those)."""
    total = sum(heights) + gap * (len(heights) - 1)
    y = column.y + max(0.0, (column.h - total) / 2)
    tops = []
    for height, tight in zip(heights, unit_follows):
        if tight:
            y -= gap * 0.8
        tops.append(round(y))
        y += height + gap
    return tops
