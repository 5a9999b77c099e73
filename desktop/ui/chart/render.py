"""Rendering a :class:`ChartSpec` to an image without a window: for Export chart, Copy chart,
the fact sheet and ``bri-facts export-charts``.

The chart is laid out by the same :class:`~desktop.ui.chart.ChartCanvas` as on screen, at a
*logical* size of a slide (1280 px wide for landscape, 1080 for square or portrait), and its scene
is painted into an image of the exact pixel size asked, whose device pixel ratio is target /
logical (as on a high-dpi screen): text is drawn as glyphs at the target resolution, so it grows
with the image instead of shrinking, and the layout (what wraps, what fits) is the same at every
resolution of one aspect ratio. pyqtgraph's ImageExporter is not used: widened, it keeps text at
screen size and misplaces it.

Needs a QApplication (the canvas is a widget); it is never shown.
"""

from __future__ import annotations

import math
import os
import tempfile
from pathlib import Path
from typing import Callable

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QColor, QFontMetricsF, QImage, QPainter, QResizeEvent

from desktop.domain.charts import ChartSpec

#: Export sizes offered in the dialog: (width, height, what it is for)
PRESETS = (
    (1920, 1080, "16:9 slide"),
    (1280, 720, "16:9 slide, small"),
    (3840, 2160, "16:9, 4K"),
    (1080, 1080, "square"),
)
DEFAULT_SIZE = (1920, 1080)
MIN_SIDE, MAX_SIDE = 320, 7680
STYLES = ("light", "dark")

#: Text size of an exported chart relative to the on-screen canvas, at the logical size.
EXPORT_SCALE = 1.35
_WIDE_LOGICAL = 1280.0     # logical width of a landscape image
_NARROW_LOGICAL = 1080.0   # logical width of a square or portrait image
_MIN_LOGICAL = 720.0       # small images are laid out no narrower than this
_BAR_MIN = 30.0            # logical px each bar needs at least, at canvas scale 1.0


class RenderError(ValueError):
    """The size or style asked for cannot be rendered (the message says why)."""


def check_size(width: int, height: int) -> tuple[int, int]:
    try:
        width, height = int(width), int(height)
    except (TypeError, ValueError):
        raise RenderError("the size must be two whole numbers, e.g. 1920x1080") from None
    for side in (width, height):
        if not MIN_SIDE <= side <= MAX_SIDE:
            raise RenderError(f"each side must be between {MIN_SIDE} and {MAX_SIDE} pixels "
                              f"(got {width}×{height})")
    return width, height


def parse_size(text: str) -> tuple[int, int]:
    """``"1920x1080"`` (or ×, X, *) → (1920, 1080); RenderError if malformed or out of bounds."""
    cleaned = str(text).strip().lower().replace("×", "x").replace("*", "x")
    parts = cleaned.split("x")
    if len(parts) != 2 or not all(p.strip().isdigit() for p in parts):
        raise RenderError(f"“{text}” is not a size like 1920x1080")
    return check_size(int(parts[0]), int(parts[1]))


def _logical_width(width: int, height: int) -> float:
    base = _WIDE_LOGICAL if width / height >= 1.2 else _NARROW_LOGICAL
    return max(min(float(width), base), min(_MIN_LOGICAL, base))


def _lay_out(canvas, logical_w: float, logical_h: float) -> None:
    size = QSize(math.ceil(logical_w), math.ceil(logical_h))
    old = canvas.size()
    canvas.resize(size)
    # the canvas is never shown, so Qt holds its resize event back: handle it now
    canvas.resizeEvent(QResizeEvent(size, old))
    canvas.setRange(QRectF(0, 0, logical_w, logical_h), padding=0)
    canvas.settle()


def _needed_height(canvas, spec: ChartSpec, scale: float) -> float:
    """Logical height that shows every text line and gives each bar room for its label.

    Everything but the plot's view box (titles, notes, footer, axes) keeps its laid-out height;
    the view box needs one label block (one or two lines) per bar."""
    from desktop.ui.chart.style import wrap_label
    metrics = QFontMetricsF(canvas.plot.getAxis("left").style["tickFont"])
    lines = max((wrap_label(b.label, spec.lang).count("\n") + 1
                 for b in spec.bars), default=1)
    per_bar = max(_BAR_MIN * scale, lines * metrics.lineSpacing() * 1.15)
    fixed = canvas.sceneRect().height() - canvas.plot.vb.sceneBoundingRect().height()
    return fixed + max(1, len(spec.bars)) * per_bar


def make_canvas(spec: ChartSpec, width: int, height: int, style: str = "light"):
    """A laid-out, hidden ChartCanvas for ``spec`` and the logical rect that maps onto
    ``width`` × ``height`` pixels. The caller owns the canvas (close and delete it)."""
    from desktop.ui.chart.canvas import ChartCanvas
    if style not in STYLES:
        raise RenderError(f"the style must be one of {', '.join(STYLES)} (got {style!r})")
    width, height = check_size(width, height)
    scale = EXPORT_SCALE
    canvas = ChartCanvas(style=style, scale=scale, interactive=False)
    canvas.set_spec(spec)
    logical_w = _logical_width(width, height)
    logical_h = logical_w * height / width
    _lay_out(canvas, logical_w, logical_h)
    # too flat for its bars and text (a banner, or many bars): lay it out taller, and wider
    # in proportion, so the image shows everything at a smaller text size rather than crop
    for _ in range(3):
        needed = _needed_height(canvas, spec, scale)
        if needed <= logical_h + 0.5:
            break
        logical_h = needed
        logical_w = logical_h * width / height
        _lay_out(canvas, logical_w, logical_h)
    canvas.scene().prepareForPaint()  # value labels take their final place and scale now
    return canvas, QRectF(0, 0, logical_w, logical_h)


def render_chart_image(spec: ChartSpec, width: int = 1920, height: int = 1080,
                       style: str = "light") -> QImage:
    """The chart as a QImage of exactly ``width`` × ``height`` pixels."""
    from desktop.ui.chart.style import STYLES as COLOURS
    canvas, source = make_canvas(spec, width, height, style)
    try:
        image = QImage(width, height, QImage.Format.Format_RGB32)
        image.fill(QColor(COLOURS[style]["bg"]))
        # the device pixel ratio scales everything alike: text, cosmetic pens (axes, outlines)
        # and items drawn in device pixels (the arrow heads), as on a high-dpi screen
        image.setDevicePixelRatio(width / source.width())
        painter = QPainter(image)
        try:
            painter.setRenderHints(QPainter.RenderHint.Antialiasing
                                   | QPainter.RenderHint.TextAntialiasing
                                   | QPainter.RenderHint.SmoothPixmapTransform)
            canvas.scene().render(painter, source, source)
        finally:
            painter.end()
        image.setDevicePixelRatio(1.0)
    finally:
        canvas.close()
        shiboken6.delete(canvas)  # now: a batch run has no event loop to delete it later
    return image


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RenderError("the image could not be encoded as PNG")
    buffer.close()
    return bytes(data.data())


def render_chart_png(spec: ChartSpec, width: int = 1920, height: int = 1080,
                     style: str = "light") -> bytes:
    """The chart as PNG bytes of exactly ``width`` × ``height`` pixels (what export writes)."""
    return png_bytes(render_chart_image(spec, width, height, style))


# --------------------------------------------------------------------------- every chart, to files


class ExportError(Exception):
    """A batch export could not run or finish; the message is one plain line."""


def _check_writable(folder: Path) -> None:
    """Create and remove a probe file: the only test that holds for ACLs, read-only mounts and
    root alike (os.access answers yes to root everywhere)."""
    try:
        handle, name = tempfile.mkstemp(prefix=".bri-facts-probe-", dir=folder)
        os.close(handle)
        os.unlink(name)
    except OSError as exc:
        raise ExportError(f"cannot write in {folder}: {exc.strerror or exc}") from None


def export_charts(dataset, folder: str | Path, lang: str = "zh",
                  size: tuple[int, int] = DEFAULT_SIZE, style: str = "light", force: bool = False,
                  written: Callable[[Path], object] = lambda path: None) -> list[Path]:
    """Write every chart of ``dataset`` (:func:`desktop.domain.export.all_chart_specs`) as PNG
    into ``folder``, one file per spec, named from its key and language.

    Everything that can be checked is checked before the first file is written: the folder, the
    size, and (without ``force``) that no file would be replaced. Each file is written whole or
    not at all (desktop.base.safe_write)."""
    from desktop.domain.export import all_chart_specs, chart_file_names, inside
    from desktop.base.safe_write import WriteError, write_bytes
    width, height = check_size(*size)
    if style not in STYLES:
        raise ExportError(f"the style must be one of {', '.join(STYLES)}")
    folder = Path(folder)
    if not folder.exists():
        raise ExportError(f"the folder {folder} does not exist")
    if not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder")
    _check_writable(folder)
    specs = all_chart_specs(dataset, lang)
    targets = [inside(folder, name) for name in chart_file_names(specs)]
    if not force:
        existing = [path for path in targets if path.exists()]
        if existing:
            if len(existing) == 1:
                raise ExportError(f"{existing[0]} already exists; use --force to replace it")
            raise ExportError(f"{existing[0]} and {len(existing) - 1} more chart file(s) already "
                              "exist; use --force to replace them")
    done = []
    for spec, path in zip(specs, targets):
        try:
            write_bytes(path, render_chart_png(spec, width, height, style))
        except (WriteError, RenderError) as exc:
            raise ExportError(str(exc)) from None
        done.append(path)
        written(path)
    return done
