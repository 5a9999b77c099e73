"""Transparent PNG: an alpha background, and text and bars that read on a white slide and on a
dark one alike (measured on the image laid over each, not only on the palette)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.domain.export import all_chart_specs
from desktop.ui.chart.render import TRANSPARENT, make_canvas, render_chart_image
from desktop.ui.chart.style import STYLES

SLIDES = {"white": "#ffffff", "dark": STYLES["dark"]["bg"], "black": "#000000"}


def _luminance(colour: QColor) -> float:
    def channel(v: int) -> float:
        v /= 255
        return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
    return 0.2126 * channel(colour.red()) + 0.7152 * channel(colour.green()) \
        + 0.0722 * channel(colour.blue())


def contrast(a: QColor, b: QColor) -> float:
    la, lb = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _over(image: QImage, slide: str) -> QImage:
    out = QImage(image.size(), QImage.Format.Format_RGB32)
    out.fill(QColor(slide))
    painter = QPainter(out)
    painter.drawImage(0, 0, image)
    painter.end()
    return out


def _best_contrast(image: QImage, rect: QRectF, slide: QColor) -> float:
    best = 1.0
    for y in range(max(0, int(rect.top())), min(image.height(), int(rect.bottom())), 2):
        for x in range(max(0, int(rect.left())), min(image.width(), int(rect.right())), 3):
            best = max(best, contrast(image.pixelColor(x, y), slide))
    return best


def test_the_palette_reads_on_white_and_dark_slides():
    colours = STYLES[TRANSPARENT]
    for slide in SLIDES.values():
        for name in ("fg", "muted"):       # text: at least 4.3:1 on either
            assert contrast(QColor(colours[name]), QColor(slide)) >= 4.3, (name, slide)
        for name in ("bar", "about", "select"):   # graphics: at least 3:1
            assert contrast(QColor(colours[name]), QColor(slide)) >= 3.0, (name, slide)
    assert QColor(colours["bg"]).alpha() == 0


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_transparent_png_has_an_alpha_background_and_legible_ink(qapp, dataset, lang):
    spec = next(s for s in all_chart_specs(dataset, lang) if s.key == "overview--centres")
    width, height = 1920, 1080
    image = render_chart_image(spec, width, height, TRANSPARENT)
    assert image.hasAlphaChannel() and (image.width(), image.height()) == (width, height)
    for x, y in ((1, 1), (width - 2, 1), (1, height - 2), (width - 2, height - 2)):
        assert image.pixelColor(x, y).alpha() == 0
    canvas, source = make_canvas(spec, width, height, TRANSPARENT)
    try:
        ratio = width / source.width()
        scaled = lambda r: QRectF(r.left() * ratio, r.top() * ratio,  # noqa: E731
                                  r.width() * ratio, r.height() * ratio)
        texts = {"title": scaled(canvas.title.sceneBoundingRect()),
                 "unit": scaled(canvas.subtitle.sceneBoundingRect()),
                 "footer": scaled(canvas.footer.sceneBoundingRect())}
        bars = [canvas.bar_scene_point(b.fact_id) * ratio for b in spec.bars]
    finally:
        canvas.deleteLater()
    for name, slide in SLIDES.items():
        over = _over(image, slide)
        for what, rect in texts.items():
            # the glyphs' cores carry the text colour: they stand out from the slide
            assert _best_contrast(over, rect, QColor(slide)) >= 4.0, (what, name)
        for point in bars:
            assert contrast(over.pixelColor(point.toPoint()), QColor(slide)) >= 3.0, name
