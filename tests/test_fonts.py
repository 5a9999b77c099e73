"""The bundled font draws every character the app can show: the data and the translated UI.
(A character missing here would be a box on a machine without Chinese fonts.)"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtGui import QRawFont

from tests.conftest import DATA, REPO

FONTS = sorted((REPO / "resources" / "fonts").glob("*.otf"))


def shown_characters() -> set[str]:
    text = "".join(p.read_text(encoding="utf-8") for p in DATA.glob("*.csv"))
    text += (DATA / "sources" / "article.txt").read_text(encoding="utf-8")
    for ts in (REPO / "resources" / "i18n").glob("*.ts"):
        for node in ET.parse(ts).getroot().iter():
            if node.tag in ("translation", "numerusform") and node.text:
                text += re.sub(r"<[^>]+>", "", node.text)
    return {c for c in text if not c.isspace() and ord(c) > 0x7F}


@pytest.mark.parametrize("font", FONTS, ids=lambda p: p.name)
def test_bundled_font_covers_data_and_ui(qapp, font):
    raw = QRawFont(str(font), 16)
    assert raw.isValid()
    missing = sorted(c for c in shown_characters() if not any(raw.glyphIndexesForString(c)))
    assert missing == [], f"{font.name} lacks {''.join(missing)}: run make fonts"
