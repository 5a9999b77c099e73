#!/usr/bin/env python3
"""Render packaging/splash.png, the splash screen the single-file build shows while it unpacks.

Drawn with Qt on the "offscreen" platform, with the bundled font, so no display is needed:

    python packaging/build_splash.py

The bottom strip is left plain: the splash screen writes its progress text there
(``text_pos`` in packaging/bri-facts.spec)."""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "packaging" / "splash.png"
WIDTH, HEIGHT = 480, 300


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    sys.path.insert(0, str(ROOT))
    from PySide6.QtCore import QRectF, Qt
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    from desktop.app import create_app
    from desktop.ui.fonts import app_font
    create_app(["build-splash"], error_hook=False)
    image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.fillRect(0, 0, WIDTH, 6, QColor("#1f5fa8"))
    QSvgRenderer(str(ROOT / "resources" / "icons" / "bri-facts.svg")).render(
        painter, QRectF(24, 40, 96, 96))
    painter.setPen(QColor("#1b1f24"))
    font = app_font(bold=True)
    font.setPixelSize(24)
    painter.setFont(font)
    painter.drawText(QRectF(140, 44, WIDTH - 160, 34), Qt.AlignmentFlag.AlignLeft, "BRI S&T Fact Browser")
    font = app_font()
    font.setPixelSize(18)
    painter.setFont(font)
    painter.setPen(QColor("#1b1f24"))
    painter.drawText(QRectF(140, 82, WIDTH - 160, 28), Qt.AlignmentFlag.AlignLeft, "深化“一带一路”科技创新合作")
    font.setPixelSize(14)
    painter.setFont(font)
    painter.setPen(QColor("#57606a"))
    painter.drawText(QRectF(140, 112, WIDTH - 160, 60), Qt.TextFlag.TextWordWrap,
                     "Every figure of the article, offline, in Chinese and English")
    painter.fillRect(24, HEIGHT - 36, WIDTH - 48, 1, QColor("#d0d7de"))
    painter.end()
    if not image.save(str(OUT), "PNG"):
        print(f"could not write {OUT}", file=sys.stderr)
        return 1
    print(f"wrote {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
