"""Rendering a :class:`ChartSpec` to an image without a window: for Export chart (and its
preview), Copy chart, the fact sheet and ``bri-facts export-charts`` (which also writes SVGs,
desktop/ui/chart/svg.py, and decks, desktop/ui/slides.py). A transparent image has no
background and the colours of the transparent style, which read on white and dark slides.

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
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize, Qt
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
TRANSPARENT = "transparent"
#: light and dark draw their own background; transparent draws none, in colours of middle
#: lightness that read on a white and on a dark slide alike (desktop/ui/palette.py CHART)
STYLES = ("light", "dark", TRANSPARENT)
#: what ``export-charts`` writes: an image per chart, or one deck of every chart
FORMATS = ("png", "svg", "pptx")

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


def _paint(canvas, source: QRectF, width: int, height: int, style: str) -> QImage:
    from desktop.ui.chart.style import STYLES as COLOURS
    if style == TRANSPARENT:
        image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)  # the scene paints no background of its own
    else:
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
    return image


def _discard(canvas) -> None:
    canvas.close()
    shiboken6.delete(canvas)  # now: a batch run has no event loop to delete it later


def render_chart_image(spec: ChartSpec, width: int = 1920, height: int = 1080,
                       style: str = "light") -> QImage:
    """The chart as a QImage of exactly ``width`` × ``height`` pixels (with an alpha channel
    when the style is transparent)."""
    canvas, source = make_canvas(spec, width, height, style)
    try:
        return _paint(canvas, source, width, height, style)
    finally:
        _discard(canvas)


def render_preview(spec: ChartSpec, width: int, height: int, style: str,
                   box: tuple[int, int]) -> QImage:
    """The image ``render_chart_image(spec, width, height, style)`` writes, laid out exactly as
    it is (same wrapping, same room for every label) and drawn at most ``box`` pixels large:
    what the export dialog shows while the size and background change."""
    canvas, source = make_canvas(spec, width, height, style)
    try:
        ratio = min(box[0] / width, box[1] / height, 1.0)
        return _paint(canvas, source, max(1, round(width * ratio)), max(1, round(height * ratio)),
                      style)
    finally:
        _discard(canvas)


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


def prepare_folder(folder: str | Path) -> Path:
    """The folder to export into, created with its parents when missing; ExportError (one
    plain line) when a file is in the way or nothing can be written there."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():
        raise ExportError(f"{folder} is a file, not a folder")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise ExportError(f"{folder}: a part of the path is a file, not a folder") from None
    except OSError as exc:
        raise ExportError(f"cannot create the folder {folder}: {exc.strerror or exc}") from None
    _check_writable(folder)
    return folder


def export_charts(dataset, folder: str | Path, lang: str = "zh",
                  size: tuple[int, int] = DEFAULT_SIZE, style: str = "light", force: bool = False,
                  written: Callable[[Path], object] = lambda path: None,
                  fmt: str = "png") -> list[Path]:
    """Write every chart of ``dataset`` (:func:`desktop.domain.export.all_chart_specs`) into
    ``folder`` (created when missing): one PNG or SVG per spec, named from its key and language,
    or (``fmt="pptx"``) one deck of every chart and the headline figures.

    Everything that can be checked is checked before the first file is written: the size, the
    style, the folder, and (without ``force``) that no file would be replaced. Each file is
    written whole or not at all (desktop.base.safe_write)."""
    from desktop.domain.export import all_chart_specs, chart_file_names, inside
    from desktop.base.safe_write import WriteError, write_bytes
    width, height = check_size(*size)
    if style not in STYLES:
        raise ExportError(f"the style must be one of {', '.join(STYLES)}")
    if fmt not in FORMATS:
        raise ExportError(f"the format must be one of {', '.join(FORMATS)}")
    if fmt == "pptx":
        from desktop.domain.deck import deck_file_name
        specs, names = [], [deck_file_name(None, lang)]
    else:
        specs = all_chart_specs(dataset, lang)
        names = chart_file_names(specs, fmt)
    folder = prepare_folder(folder)
    targets = [inside(folder, name) for name in names]
    if not force:
        existing = [path for path in targets if path.exists()]
        if existing:
            if len(existing) == 1:
                raise ExportError(f"{existing[0]} already exists; use --force to replace it")
            raise ExportError(f"{existing[0]} and {len(existing) - 1} more chart file(s) already "
                              "exist; use --force to replace them")
    if fmt == "pptx":
        from desktop.ui.slides import DeckError, deck_bytes

        def render(_spec):
            try:
                return deck_bytes(dataset, None, lang)
            except DeckError as exc:
                raise RenderError(str(exc)) from None
        specs = [None]
    elif fmt == "svg":
        from desktop.ui.chart.svg import render_chart_svg
        render = lambda spec: render_chart_svg(spec, width, height, style)  # noqa: E731
    else:
        render = lambda spec: render_chart_png(spec, width, height, style)  # noqa: E731
    done = []
    for spec, path in zip(specs, targets):
        try:
            write_bytes(path, render(spec))
        except (WriteError, RenderError) as exc:
            raise ExportError(str(exc)) from None
        done.append(path)
        written(path)
    return done
