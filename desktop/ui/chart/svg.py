"""A chart as SVG: the same canvas, laid out exactly as for the PNG (:func:`render.make_canvas`),
painted by Qt's SVG generator, then tidied so that every viewer draws it as the PNG looks.

Qt writes each item's drawing inside a group carrying the item's transform and marks strokes
``vector-effect="non-scaling-stroke"`` (its pens are cosmetic). The bars are drawn in data
coordinates (a few units tall, millions wide), so a viewer without that effect (many slide and
drawing programs) would paint their outlines, dashes and hatching at absurd sizes. The tidy-up
bakes such transforms into the shapes' coordinates (bars, gradients and all) and drops the effect,
so strokes scale with the image as they do in the PNG. Text stays text (``<text>``), named by the
document font list that ends in CJK fonts every OS has, and the file says what it is in
``<title>`` and ``<desc>`` (the unit line and the citation, as on the chart).
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import shiboken6
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, QSize
from PySide6.QtGui import QPainter, QPicture
from PySide6.QtSvg import QSvgGenerator

from desktop.domain.charts import ChartSpec
from desktop.ui.chart.render import TRANSPARENT, make_canvas
from desktop.ui.chart.style import STYLES
from desktop.ui.fonts import document_families

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)
_Q = f"{{{SVG_NS}}}"
_SHAPES = {f"{_Q}{name}" for name in ("rect", "path", "polyline", "polygon", "line", "ellipse",
                                      "circle")}
_MATRIX = re.compile(r"^\s*matrix\(([^)]*)\)\s*$")
_PATH_TOKEN = re.compile(r"[A-Za-z]|[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


class _CannotBake(Exception):
    pass


def _num(value: float) -> str:
    text = f"{value:.3f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _css_families(lang: str) -> str:
    return ", ".join(f"'{name}'" if " " in name else name for name in document_families(lang))


def paint_svg(canvas, source: QRectF, title: str = "", description: str = "") -> bytes:
    """What Qt's SVG generator writes for the canvas's scene, in the canvas's logical units."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    generator = QSvgGenerator()
    generator.setOutputDevice(buffer)
    generator.setSize(QSize(round(source.width()), round(source.height())))
    generator.setViewBox(source)
    # pyqtgraph's axes and bars replay QPictures, which scale by the target's resolution over
    # the one they were recorded at (the screen's): the SVG must claim the same one
    generator.setResolution(round(QPicture().logicalDpiX()))
    generator.setTitle(title)
    generator.setDescription(description)
    painter = QPainter(generator)
    try:
        painter.setRenderHints(QPainter.RenderHint.Antialiasing
                               | QPainter.RenderHint.TextAntialiasing)
        canvas.scene().render(painter, source, source)
    finally:
        painter.end()
    buffer.close()
    return bytes(data.data())


def render_chart_svg(spec: ChartSpec, width: int = 1920, height: int = 1080,
                     style: str = "light") -> bytes:
    """The chart as SVG bytes, ``width`` × ``height`` pixels, laid out as the PNG of that size."""
    canvas, source = make_canvas(spec, width, height, style)
    try:
        raw = paint_svg(canvas, source, spec.title, spec.footer)
    finally:
        canvas.close()
        shiboken6.delete(canvas)
    return tidy_svg(raw, width, height, source, style, spec)


# --------------------------------------------------------------------------- the tidy-up


def tidy_svg(raw: bytes, width: int, height: int, source: QRectF, style: str,
             spec: ChartSpec) -> bytes:
    root = ET.fromstring(raw)
    root.set("width", str(width))
    root.set("height", str(height))
    root.set("viewBox", " ".join(_num(v) for v in (source.left(), source.top(),
                                                   source.width(), source.height())))
    # patterns and masks (the hatching of "about" bars) are SVG 1.1, not Tiny 1.2
    root.set("version", "1.1")
    root.attrib.pop("baseProfile", None)
    _describe(root, spec)
    gradients = {el.get("id"): el for el in root.iter(f"{_Q}linearGradient")}
    gradients.update({el.get("id"): el for el in root.iter(f"{_Q}radialGradient")})
    families = _css_families(spec.lang)
    for parent in [root, *root.iter(f"{_Q}g")]:
        for child in list(parent):
            if child.tag == f"{_Q}g" and len(child) == 0:
                parent.remove(child)  # Qt writes a group for every state change, most empty
    for group in root.iter(f"{_Q}g"):
        _bake_group(group, gradients, root)
    for element in root.iter():
        if "font-family" in element.attrib:
            element.set("font-family", families)
    if style != TRANSPARENT:
        background = ET.Element(f"{_Q}rect", {
            "x": _num(source.left()), "y": _num(source.top()), "width": _num(source.width()),
            "height": _num(source.height()), "fill": STYLES[style]["bg"], "stroke": "none"})
        defs = root.find(f"{_Q}defs")
        position = list(root).index(defs) + 1 if defs is not None else 2
        root.insert(position, background)
    return b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n' + \
        ET.tostring(root, encoding="utf-8", xml_declaration=False)


def _describe(root: ET.Element, spec: ChartSpec) -> None:
    """<title> is the chart's title; <desc> its unit line, notes and citation (as drawn)."""
    text = {"title": spec.title,
            "desc": "\n".join([spec.subtitle, *spec.notes, spec.footer] if spec.bars else [])}
    for name, value in text.items():
        element = root.find(f"{_Q}{name}")
        if element is None:
            element = ET.Element(f"{_Q}{name}")
            root.insert(0 if name == "title" else 1, element)
        element.text = value


def _matrix(group: ET.Element) -> tuple[float, ...] | None:
    found = _MATRIX.match(group.get("transform", ""))
    if not found:
        return None
    values = tuple(float(v) for v in re.split(r"[\s,]+", found.group(1).strip()))
    return values if len(values) == 6 else None


def _bake_group(group: ET.Element, gradients: dict, root: ET.Element) -> None:
    matrix = _matrix(group)
    shapes = [child for child in group if child.tag in _SHAPES]
    if matrix is None or not shapes:
        for shape in shapes:
            shape.attrib.pop("vector-effect", None)
        return
    a, b, c, d, e, f = matrix
    translate_only = b == 0 and c == 0 and a == 1 and d == 1
    if translate_only:  # strokes scale with the image, as the PNG's device pixel ratio does
        for shape in shapes:
            shape.attrib.pop("vector-effect", None)
        return
    if b != 0 or c != 0 or len(shapes) != len(group):
        return  # rotated, or text drawn in a scaled space: left to the viewer as Qt wrote it
    try:
        baked = [_bake_shape(shape, a, d, e, f) for shape in shapes]
    except (_CannotBake, ValueError):
        return
    for shape, attrs in zip(shapes, baked):
        shape.attrib.clear()
        shape.attrib.update(attrs)
    for paint in ("fill", "stroke"):
        ref = re.fullmatch(r"url\(#([^)]+)\)", group.get(paint, ""))
        if ref and ref.group(1) in gradients:
            group.set(paint, f"url(#{_baked_gradient(gradients, ref.group(1), a, d, e, f, root)})")
    del group.attrib["transform"]


def _bake_shape(shape: ET.Element, a: float, d: float, e: float, f: float) -> dict:
    """The shape's attributes with x' = a·x + e, y' = d·y + f applied to its geometry."""
    attrs = {k: v for k, v in shape.attrib.items() if k != "vector-effect"}
    tag = shape.tag[len(_Q):]
    px = lambda x: a * float(x) + e  # noqa: E731
    py = lambda y: d * float(y) + f  # noqa: E731
    if tag == "rect":
        x0, x1 = sorted((px(attrs.get("x", 0)), px(float(attrs.get("x", 0)) + float(attrs["width"]))))
        y0, y1 = sorted((py(attrs.get("y", 0)), py(float(attrs.get("y", 0)) + float(attrs["height"]))))
        if "rx" in attrs or "ry" in attrs:
            raise _CannotBake
        attrs.update(x=_num(x0), y=_num(y0), width=_num(x1 - x0), height=_num(y1 - y0))
    elif tag in ("polyline", "polygon"):
        numbers = [float(v) for v in re.split(r"[\s,]+", attrs.get("points", "").strip()) if v]
        if len(numbers) % 2:
            raise _CannotBake
        attrs["points"] = " ".join(f"{_num(px(x))},{_num(py(y))}"
                                   for x, y in zip(numbers[::2], numbers[1::2]))
    elif tag == "line":
        attrs.update(x1=_num(px(attrs.get("x1", 0))), x2=_num(px(attrs.get("x2", 0))),
                     y1=_num(py(attrs.get("y1", 0))), y2=_num(py(attrs.get("y2", 0))))
    elif tag == "path":
        attrs["d"] = _bake_path(attrs.get("d", ""), px, py)
    elif tag in ("ellipse", "circle"):
        rx = float(attrs.pop("rx", attrs.get("r", 0)))
        ry = float(attrs.pop("ry", attrs.pop("r", rx)))
        attrs.update(cx=_num(px(attrs.get("cx", 0))), cy=_num(py(attrs.get("cy", 0))),
                     rx=_num(abs(a) * rx), ry=_num(abs(d) * ry))
        shape.tag = f"{_Q}ellipse"
    else:
        raise _CannotBake
    return attrs


def _bake_path(d: str, px, py) -> str:
    """Absolute M/L/C/Q/S/T/Z commands (what Qt writes): every coordinate pair transformed."""
    out, pending = [], []
    for token in _PATH_TOKEN.findall(d):
        if token.isalpha():
            if pending:
                raise _CannotBake
            if token not in "MLCQSTZ":
                raise _CannotBake  # relative, arcs, H/V: not written by Qt; left untouched
            out.append(token)
        else:
            pending.append(float(token))
            if len(pending) == 2:
                out.append(f"{_num(px(pending[0]))},{_num(py(pending[1]))}")
                pending = []
    if pending:
        raise _CannotBake
    return " ".join(out)


def _baked_gradient(gradients: dict, gid: str, a, d, e, f, root: ET.Element) -> str:
    """A copy of a userSpaceOnUse gradient in the baked coordinates; returns its id."""
    source = gradients[gid]
    if source.get("gradientUnits") != "userSpaceOnUse":
        return gid  # objectBoundingBox gradients follow the shape by themselves
    copy = ET.Element(source.tag, dict(source.attrib))
    copy.extend(list(source))
    for key, fn in (("x1", "x"), ("x2", "x"), ("y1", "y"), ("y2", "y"), ("cx", "x"), ("cy", "y"),
                    ("fx", "x"), ("fy", "y")):
        if key in copy.attrib:
            value = float(copy.get(key))
            copy.set(key, _num(a * value + e if fn == "x" else d * value + f))
    if "r" in copy.attrib:
        copy.set("r", _num(abs(a) * float(copy.get("r"))))
    new_id = f"{gid}-baked{len(gradients)}"
    copy.set("id", new_id)
    gradients[new_id] = copy
    defs = root.find(f"{_Q}defs")
    if defs is None:
        defs = ET.SubElement(root, f"{_Q}defs")
    defs.append(copy)
    return new_id
