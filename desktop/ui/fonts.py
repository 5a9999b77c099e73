"""The fonts every widget, chart and export names: the bundled Noto Sans SC subset, registered
before the first widget, behind the platform's Latin UI font when it has one."""

from __future__ import annotations

import logging

from PySide6.QtGui import QFont, QFontDatabase

from desktop.base.paths import resource_path

log = logging.getLogger(__name__)

FONT_FAMILY = "BRI Noto Sans SC"
FONT_FILES = ("fonts/NotoSansSC-Regular-Subset.otf", "fonts/NotoSansSC-Bold-Subset.otf")
LATIN_FAMILIES = ("Segoe UI", "Helvetica Neue", "Arial", "DejaVu Sans", "Liberation Sans",
                  "Noto Sans", "Cantarell", "Ubuntu")
#: families every slide program knows, ending in CJK fonts that Windows, macOS and Linux ship:
#: what exported documents (SVG, decks) name so that any viewer draws the Chinese
DOCUMENT_FAMILIES = ("Segoe UI", "Helvetica Neue", "Arial", "Microsoft YaHei", "PingFang SC",
                     "Noto Sans CJK SC", "Noto Sans SC", "sans-serif")
CJK_DOCUMENT_FAMILIES = ("Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Noto Sans SC")
#: a deck names one Latin and one East Asian typeface per text run (OOXML has no fallback
#: list): Arial (or its metric twin Liberation Sans) and Microsoft YaHei, which Windows and
#: Office for Mac ship; Keynote and LibreOffice put their own CJK font in its place
DECK_LATIN, DECK_EAST_ASIAN = "Arial", "Microsoft YaHei"
_latin: list[str] = []


def document_families(lang: str) -> list[str]:
    """DOCUMENT_FAMILIES in the order a document in ``lang`` names them: a Chinese one puts the
    CJK fonts first, so that its punctuation (“”，：) is set full-width as Chinese text is."""
    cjk = [f for f in DOCUMENT_FAMILIES if f in CJK_DOCUMENT_FAMILIES]
    latin = [f for f in DOCUMENT_FAMILIES if f not in cjk and f != "sans-serif"]
    return (cjk + latin if lang == "zh" else latin + cjk) + ["sans-serif"]


def register_fonts() -> list[str]:
    """Register the bundled CJK font and pick the Latin UI font; returns the families loaded."""
    _latin[:] = [f for f in LATIN_FAMILIES if QFontDatabase.hasFamily(f)][:1]
    families: list[str] = []
    for name in FONT_FILES:
        path = resource_path(name)
        if not path.is_file():
            log.error("bundled font missing: %s", path)
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id < 0:
            log.error("bundled font could not be loaded: %s", path)
            continue
        families.extend(QFontDatabase.applicationFontFamilies(font_id))
    return sorted(set(families))


def ui_families() -> list[str]:
    return _latin + [FONT_FAMILY, "Sans Serif"]


def app_font(point_size: float | None = None, bold: bool = False) -> QFont:
    """The font every widget, chart and export names explicitly.

    A Latin UI font of the platform first when there is one (its ’ “ ” are proportional, the CJK
    font's are full-width), then the bundled Noto Sans SC, which draws every Chinese glyph
    whatever the machine has installed, and everything on a machine with no fonts at all."""
    font = QFont()
    font.setFamilies(ui_families())
    if point_size:
        font.setPointSizeF(point_size)
    font.setBold(bold)
    return font
