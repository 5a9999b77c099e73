#!/usr/bin/env python3
"""Render the application icon from resources/icons/bri-facts.svg.

Writes, next to the SVG:

    bri-facts-{16,24,32,48,64,128,256,512}.png   Linux (hicolor theme), the app window
    bri-facts.ico                                 Windows: 16-256 px in one file
    bri-facts.icns                                macOS: 16-1024 px in one file

The SVG is rendered with Qt's own SVG renderer (QtSvg.QSvgRenderer) on the
"offscreen" platform, so no display is needed:

    python packaging/build_icons.py

Why the .ico and .icns containers are written here and not by Qt: PySide6 does
ship Qt's "ico" and "icns" image plugins, but QImageWriter writes one image per
file with them, and an application icon must hold every size (Windows picks 16
px for lists, 32 for the taskbar, 256 for Explorer; macOS picks by display
density). Both formats are simple containers of PNG images, written by
write_ico() and write_icns() below; Qt still does all the rendering and the PNG
encoding. The output is deterministic (no timestamps in any of the files).
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ICON_DIR = ROOT / "resources" / "icons"
SVG = ICON_DIR / "bri-facts.svg"
NAME = "bri-facts"

PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512]
ICO_SIZES = [16, 24, 32, 48, 64, 128, 256]  # 256 is the largest an .ico can hold

# ICNS element types holding PNG data, and the pixel size each one expects
# (Apple's "Icon Services" types; the @2x ones are for Retina displays).
ICNS_TYPES = [
    (b"icp4", 16),
    (b"icp5", 32),
    (b"ic11", 32),  # 16@2x
    (b"icp6", 64),
    (b"ic12", 64),  # 32@2x
    (b"ic07", 128),
    (b"ic13", 256),  # 128@2x
    (b"ic08", 256),
    (b"ic14", 512),  # 256@2x
    (b"ic09", 512),
    (b"ic10", 1024),  # 512@2x
]


def render_png(renderer, size: int) -> bytes:
    """Render the SVG to a size x size RGBA image and return it as PNG bytes."""
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRectF, Qt
    from PySide6.QtGui import QImage, QPainter

    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    image = image.convertToFormat(QImage.Format.Format_ARGB32)

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise RuntimeError(f"could not encode the {size} px PNG")
    buffer.close()
    return bytes(data)


def write_ico(path: Path, pngs: dict[int, bytes]) -> None:
    """Write a Windows .ico holding one PNG-compressed image per size.

    Layout (all little-endian):
      ICONDIR       reserved u16 = 0, type u16 = 1 (icon), count u16
      ICONDIRENTRY  per image, 16 bytes: width u8, height u8 (0 means 256),
                    colour count u8 = 0, reserved u8 = 0, planes u16 = 1,
                    bits per pixel u16 = 32, data size u32, data offset u32
      image data    the PNG files, one after the other
    PNG entries are supported by Windows Vista and later.
    """
    sizes = sorted(pngs)
    header = struct.pack("<HHH", 0, 1, len(sizes))
    offset = len(header) + 16 * len(sizes)
    entries, blobs = [], []
    for size in sizes:
        if not 1 <= size <= 256:
            raise ValueError(f"an .ico image must be 1-256 px, not {size}")
        data = pngs[size]
        dim = 0 if size == 256 else size
        entries.append(struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(data), offset))
        blobs.append(data)
        offset += len(data)
    path.write_bytes(header + b"".join(entries) + b"".join(blobs))


def write_icns(path: Path, elements: list[tuple[bytes, bytes]]) -> None:
    """Write a macOS .icns holding PNG elements.

    Layout (all big-endian): the magic b"icns" and the file length u32, then
    per element its 4-byte type, its length u32 (including these 8 bytes) and
    its data, here a PNG file.
    """
    body = b"".join(
        kind + struct.pack(">I", 8 + len(data)) + data for kind, data in elements
    )
    path.write_bytes(b"icns" + struct.pack(">I", 8 + len(body)) + body)


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtSvg import QSvgRenderer

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        print(f"{SVG}: not a valid SVG", file=sys.stderr)
        return 1

    sizes = sorted(set(PNG_SIZES) | set(ICO_SIZES) | {s for _, s in ICNS_TYPES})
    pngs = {size: render_png(renderer, size) for size in sizes}

    written = []
    for size in PNG_SIZES:
        out = ICON_DIR / f"{NAME}-{size}.png"
        out.write_bytes(pngs[size])
        written.append(out)

    ico = ICON_DIR / f"{NAME}.ico"
    write_ico(ico, {size: pngs[size] for size in ICO_SIZES})
    written.append(ico)

    icns = ICON_DIR / f"{NAME}.icns"
    write_icns(icns, [(kind, pngs[size]) for kind, size in ICNS_TYPES])
    written.append(icns)

    for path in written:
        print(f"{path.relative_to(ROOT)}: {path.stat().st_size:,} bytes")
    del app
    return 0


if __name__ == "__main__":
    sys.exit(main())
