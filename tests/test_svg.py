"""SVG charts (desktop.ui.chart.svg): valid XML, text kept as text (the same title, unit line,
bar labels, figures, notes and footer as the PNG), the document font list, no transform a
viewer could misread; rendered with Qt's SVG renderer they look like the PNG."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QByteArray, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

from desktop.domain.export import all_chart_specs
from desktop.ui.chart.render import TRANSPARENT, make_canvas, render_chart_image
from desktop.ui.chart.style import STYLES, wrap_label
from desktop.ui.chart.svg import render_chart_svg
from desktop.ui.fonts import document_families

NS = {"svg": "http://www.w3.org/2000/svg"}
Q = "{http://www.w3.org/2000/svg}"


def _spec(dataset, lang, key):
    return next(s for s in all_chart_specs(dataset, lang) if s.key == key)


#: three bars, one of them "more than"; one "about" bar (hatched)
KEYS = ("overview--centres", "overview--tonnes-of-co2-per-year")


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _text(root) -> str:
    """Every <text> element's characters, in document order."""
    return "".join("".join(t.itertext()) for t in root.iter(f"{Q}text"))


def _render_svg(data: bytes, width: int, height: int) -> QImage:
    renderer = QSvgRenderer(QByteArray(data))
    assert renderer.isValid()
    image = QImage(width, height, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    renderer.render(painter)
    painter.end()
    return image


def _difference(a: QImage, b: QImage, cells=(240, 135)) -> list[int]:
    """Per-cell largest channel difference (alpha included) of the two images, each smoothly
    scaled to ``cells``: the shapes and colours, not the anti-aliasing of single glyphs."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32).scaled(
        *cells, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    b = b.convertToFormat(QImage.Format.Format_ARGB32).scaled(
        *cells, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    out = []
    for y in range(cells[1]):
        for x in range(cells[0]):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            out.append(max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()),
                           abs(ca.blue() - cb.blue()), abs(ca.alpha() - cb.alpha())))
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("key", KEYS)
def test_svg_is_valid_xml_with_every_text_as_text(qapp, dataset, lang, key):
    spec = _spec(dataset, lang, key)
    data = render_chart_svg(spec, 1920, 1080)
    assert data.startswith(b"<?xml")
    root = ET.fromstring(data)  # well-formed, or this raises
    assert root.tag == f"{Q}svg"
    assert (root.get("width"), root.get("height")) == ("1920", "1080")
    view = [float(v) for v in root.get("viewBox").split()]
    assert view[2] / view[3] == pytest.approx(1920 / 1080, rel=1e-3)
    assert root.find("svg:title", NS).text == spec.title
    desc = root.find("svg:desc", NS).text
    assert spec.subtitle in desc and spec.footer in desc
    drawn = _squash(_text(root))
    for text in (spec.title, spec.subtitle, spec.footer, *spec.notes,
                 *[wrap_label(b.label, lang) for b in spec.bars]):
        assert _squash(text) in drawn, text
    canvas, _source = make_canvas(spec, 1920, 1080)
    try:
        figures = canvas.value_labels()  # what the PNG writes at the end of each bar
    finally:
        canvas.deleteLater()
    for figure in figures:
        assert _squash(figure) in drawn, figure
    # every text names the document fonts, ending in CJK fonts every OS has
    families = {t.get("font-family") for t in root.iter(f"{Q}text")}
    assert len(families) == 1
    named = [f.strip().strip("'") for f in families.pop().split(",")]
    assert named == document_families(lang)
    assert named[-1] == "sans-serif" and "Microsoft YaHei" in named and "PingFang SC" in named
    if lang == "zh":
        assert named[0] == "Microsoft YaHei"  # full-width punctuation in Chinese


@pytest.mark.parametrize("key", KEYS)
def test_no_stroke_or_pattern_is_left_in_a_scaled_space(qapp, dataset, key):
    """Bars are drawn in data units: the transform is baked into their coordinates, so a viewer
    that ignores vector-effect draws their outlines, dashes and hatching as the PNG does."""
    root = ET.fromstring(render_chart_svg(_spec(dataset, "en", key), 1920, 1080))
    shapes = ("rect", "path", "polyline", "polygon", "line", "ellipse")
    for group in root.iter(f"{Q}g"):
        match = re.match(r"matrix\(([^)]*)\)", group.get("transform", ""))
        if not match:
            continue
        a, b, c, d = (float(v) for v in re.split(r"[\s,]+", match.group(1))[:4])
        if any(child.tag[len(Q):] in shapes for child in group):
            assert (a, b, c, d) == (1, 0, 0, 1), group.attrib
    assert "vector-effect" not in ET.tostring(root, encoding="unicode")
    assert not [g for g in root.iter(f"{Q}g") if len(g) == 0]  # Qt's empty groups are gone


def test_hatching_and_fading_survive(qapp, dataset):
    about = ET.fromstring(render_chart_svg(_spec(dataset, "en", KEYS[1]), 1920, 1080))
    patterns = list(about.iter(f"{Q}pattern"))
    assert patterns and any(g.get("fill", "").startswith("url(#fillpattern")
                            for g in about.iter(f"{Q}g"))
    assert any(g.get("stroke-dasharray") for g in about.iter(f"{Q}g"))  # the dashed outline
    more = ET.fromstring(render_chart_svg(_spec(dataset, "en", KEYS[0]), 1920, 1080))
    gradients = [g for g in more.iter(f"{Q}linearGradient") if "-baked" in g.get("id", "")]
    assert gradients
    stops = list(gradients[0].iter(f"{Q}stop"))
    assert float(stops[0].get("stop-opacity")) == 1 and float(stops[-1].get("stop-opacity")) == 0


@pytest.mark.parametrize("style", ["light", "dark", TRANSPARENT])
@pytest.mark.parametrize("key", KEYS)
def test_the_svg_renders_like_the_png(qapp, dataset, key, style):
    """QSvgRenderer's drawing of the SVG against the PNG of the same size and style: the same
    picture, cell by cell, and the bars in the same place and colour."""
    spec = _spec(dataset, "en", key)
    width, height = 1920, 1080
    png = render_chart_image(spec, width, height, style)
    svg = _render_svg(render_chart_svg(spec, width, height, style), width, height)
    diffs = _difference(png, svg)
    assert sorted(diffs)[len(diffs) // 2] <= 2                    # median: identical
    assert sum(d > 48 for d in diffs) / len(diffs) < 0.01          # < 1 % of cells differ much
    canvas, source = make_canvas(spec, width, height, style)
    try:
        ratio = width / source.width()
        colour = QColor(STYLES[style]["bar" if spec.bars[0].qualifier != "about" else "about"])
        for bar in spec.bars:
            if bar.qualifier == "about":
                continue  # hatched: its middle may fall between two lines
            point = canvas.bar_scene_point(bar.fact_id) * ratio
            for image in (png, svg):
                pixel = image.pixelColor(point.toPoint())
                assert abs(pixel.red() - colour.red()) + abs(pixel.green() - colour.green()) \
                    + abs(pixel.blue() - colour.blue()) < 24, (style, pixel.name())
    finally:
        canvas.deleteLater()


def test_background_only_when_not_transparent(qapp, dataset):
    spec = _spec(dataset, "en", KEYS[0])
    for style in ("light", "dark"):
        root = ET.fromstring(render_chart_svg(spec, 1280, 720, style))
        first = next(el for el in root if el.tag == f"{Q}rect")
        assert first.get("fill") == STYLES[style]["bg"]
        image = _render_svg(ET.tostring(root), 1280, 720)
        assert image.pixelColor(2, 2) == QColor(STYLES[style]["bg"])
    root = ET.fromstring(render_chart_svg(spec, 1280, 720, TRANSPARENT))
    assert not [el for el in root if el.tag == f"{Q}rect"]
    assert _render_svg(ET.tostring(root), 1280, 720).pixelColor(2, 2).alpha() == 0


def test_square_svg_keeps_its_layout(qapp, dataset):
    spec = _spec(dataset, "zh", KEYS[0])
    root = ET.fromstring(render_chart_svg(spec, 1080, 1080))
    assert (root.get("width"), root.get("height")) == ("1080", "1080")
    _x, _y, w, h = (float(v) for v in root.get("viewBox").split())
    assert w == pytest.approx(h)
    svg = _render_svg(ET.tostring(root), 1080, 1080)
    png = render_chart_image(spec, 1080, 1080)
    diffs = _difference(png, svg, (135, 135))
    assert sum(d > 48 for d in diffs) / len(diffs) < 0.01
