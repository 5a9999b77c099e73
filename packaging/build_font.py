#!/usr/bin/env python3
"""Rebuild the bundled Chinese UI fonts from Noto Sans CJK SC.

The app must show Chinese text on machines that have no Chinese font at all, so
it ships two small subsets of Noto Sans CJK SC (SIL Open Font License 1.1):

    resources/fonts/NotoSansSC-Regular-Subset.otf
    resources/fonts/NotoSansSC-Bold-Subset.otf

Both carry the family name "BRI Noto Sans SC" (styles "Regular" and "Bold"), a
name no system font uses, so the app can ask for it explicitly and Qt can never
silently substitute some other installed font.

Characters kept:
  * every character of data/*.csv, data/sources/*.txt, resources/i18n/*.ts
    and desktop/**/*.py (the whole files, which covers all string literals);
  * GB2312 level 1 (the 3,755 most common hanzi), so that facts edited later
    still display even before the font is rebuilt;
  * printable ASCII, Latin-1 supplement, general punctuation, super- and
    subscripts (CO₂), arrows, circled numbers, geometric shapes, CJK symbols
    and punctuation, fullwidth forms, and a few symbols the UI uses
    (● ○ ✓ ▶ ▼ ℃ …). Noto Sans CJK has no ▸ or ▾.

The source is the Debian/Ubuntu package fonts-noto-cjk (OpenType collections
NotoSansCJK-Regular.ttc / NotoSansCJK-Bold.ttc); the face whose family name is
"Noto Sans CJK SC" is selected from each collection.

Usage:
    python packaging/build_font.py                # uses /usr/share/fonts/opentype/noto
    python packaging/build_font.py --source DIR   # DIR holds NotoSansCJK-{Regular,Bold}.ttc
    python packaging/build_font.py --source .../NotoSansCJK-Regular.ttc
                                                  # Bold is looked up next to it

The output is deterministic: the same source font and the same input files give
byte-identical .otf files (the head table's timestamps are copied from the
source font, never set to "now").
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

# fontTools is used as a library (fontTools.subset.Subsetter), not through the
# pyftsubset command line, so that the options below are explicit and reviewed.
from fontTools import subset
from fontTools.ttLib import TTFont
from fontTools.ttLib.reorderGlyphs import reorderGlyphs
from fontTools.ttLib.ttCollection import TTCollection

ROOT = Path(__file__).resolve().parent.parent
OUT_DIR = ROOT / "resources" / "fonts"
DEFAULT_SOURCE = Path("/usr/share/fonts/opentype/noto")

SOURCE_FAMILY = "Noto Sans CJK SC"
FAMILY = "BRI Noto Sans SC"
PS_FAMILY = "BRINotoSansSC"  # PostScript names: no spaces

# style -> (source file name, output file name)
STYLES = {
    "Regular": ("NotoSansCJK-Regular.ttc", "NotoSansSC-Regular-Subset.otf"),
    "Bold": ("NotoSansCJK-Bold.ttc", "NotoSansSC-Bold-Subset.otf"),
}

# Text files whose every character must be in the font (globs relative to ROOT).
TEXT_GLOBS = [
    "data/*.csv",
    "data/sources/*.txt",
    "resources/i18n/*.ts",
    "desktop/**/*.py",
]

# Unicode ranges kept whole (inclusive).
RANGES = [
    (0x0020, 0x007E),  # printable ASCII
    (0x00A0, 0x00FF),  # Latin-1 supplement (× · ° ± µ …)
    (0x2000, 0x206F),  # general punctuation (– — ‘ ’ “ ” … ‰ ※)
    (0x2070, 0x209F),  # superscripts and subscripts (CO₂, m²)
    (0x2190, 0x21FF),  # arrows
    (0x2460, 0x24FF),  # enclosed alphanumerics (① ② ③)
    (0x25A0, 0x25FF),  # geometric shapes (■ □ ▲ ▶ ▼ ● ○ ◆)
    (0x3000, 0x303F),  # CJK symbols and punctuation (、。《》「」【】)
    (0xFF00, 0xFFEF),  # halfwidth and fullwidth forms (，：；（）％)
]

# Individual characters kept (several are already in the ranges above; listed
# here so that the intent is explicit). Noto Sans CJK has no glyph for the
# small triangles ▸ (U+25B8) and ▾ (U+25BE): use ▶ ▼ (or ▷ ▽) in the UI.
EXTRA_CHARS = (
    "×·–—“”‘’《》…°"
    "●○✓▶▼▷▽"
    "−±≤≥≈≠℃№™"
)

INSTALL_HINT = (
    "Noto Sans CJK not found at {path}: install it with "
    "`sudo apt-get install fonts-noto-cjk` (or pass --source)."
)


def gb2312_level1() -> set[int]:
    """The 3,755 level-1 hanzi of GB2312: rows 0xB0-0xD7, cells 0xA1-0xFE.

    Row 0xD7 ends at 0xD7F9; the five unassigned cells after it do not decode
    and are skipped.
    """
    chars: set[int] = set()
    for row in range(0xB0, 0xD8):
        for cell in range(0xA1, 0xFF):
            try:
                ch = bytes((row, cell)).decode("gb2312")
            except UnicodeDecodeError:
                continue
            chars.add(ord(ch))
    assert len(chars) == 3755, len(chars)
    return chars


def text_file_counts(root: Path) -> tuple[Counter, list[Path]]:
    """How often each character occurs in the project's text files, and the files."""
    counts: Counter = Counter()
    files: list[Path] = []
    for pattern in TEXT_GLOBS:
        for path in sorted(root.glob(pattern)):
            if not path.is_file():
                continue
            files.append(path)
            counts.update(path.read_text(encoding="utf-8-sig"))
    return counts, files


def text_file_chars(root: Path) -> tuple[set[int], list[Path]]:
    counts, files = text_file_counts(root)
    return {ord(c) for c in counts}, files


def wanted_codepoints(root: Path) -> tuple[set[int], list[Path]]:
    chars, files = text_file_chars(root)
    chars |= gb2312_level1()
    for lo, hi in RANGES:
        chars.update(range(lo, hi + 1))
    chars.update(ord(c) for c in EXTRA_CHARS)
    # Control characters (newlines, tabs, BOM remnants) never need a glyph.
    chars = {c for c in chars if c >= 0x20 and not 0x7F <= c <= 0x9F}
    return chars, files


def family_name(font: TTFont) -> str:
    name = font["name"]
    return str(name.getBestFamilyName() or name.getDebugName(1) or "")


def load_source_face(path: Path) -> TTFont:
    """Open the "Noto Sans CJK SC" face of a .ttc collection (or a single .otf)."""
    with path.open("rb") as f:
        is_collection = f.read(4) == b"ttcf"
    if is_collection:
        count = len(TTCollection(str(path), lazy=True).fonts)
        for index in range(count):
            # recalcTimestamp=False: keep head.modified from the source font so
            # that the output does not depend on the time of the build.
            font = TTFont(str(path), fontNumber=index, recalcTimestamp=False)
            if family_name(font) == SOURCE_FAMILY:
                return font
            font.close()
        names = []
        for index in range(count):
            font = TTFont(str(path), fontNumber=index, lazy=True)
            names.append(family_name(font))
            font.close()
        raise SystemExit(
            f"{path}: no face with family name {SOURCE_FAMILY!r} (found: {', '.join(names)})"
        )
    font = TTFont(str(path), recalcTimestamp=False)
    if family_name(font) != SOURCE_FAMILY:
        raise SystemExit(
            f"{path}: family is {family_name(font)!r}, expected {SOURCE_FAMILY!r}"
        )
    return font


SUPERSCRIPTS = "⁰¹²³⁴⁵⁶⁷⁸⁹"  # U+2070, U+00B9, U+00B2, U+00B3, U+2074-2079
SUBSCRIPTS = "₀₁₂₃₄₅₆₇₈₉"  # U+2080-2089
SUBSCRIPT_DROP = 582  # font units: moves ² (441..891) to -141..309


def add_script_digits(font: TTFont) -> list[str]:
    """Add the superscript and subscript digits Noto Sans CJK lacks.

    Noto Sans CJK has ¹ ² ³ ⁴ but no other superscript digit and no subscript
    digit at all, so "CO₂" would show a box. (The OFL allows such changes to a
    Modified Version, which is why the family is renamed.) The missing glyphs
    are drawn into the subset:
      * ₁ ₂ ₃ ₄ are the font's own ¹ ² ³ ⁴ moved down by SUBSCRIPT_DROP;
      * the other digits are the ordinary digits scaled to the size and height
        of ² (the same scale and offset, measured on "2" and "²").
    Returns the characters added.
    """
    from fontTools.pens.boundsPen import BoundsPen
    from fontTools.pens.t2CharStringPen import T2CharStringPen
    from fontTools.pens.transformPen import TransformPen

    cmap = font.getBestCmap()
    glyph_set = font.getGlyphSet()
    hmtx = font["hmtx"]
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    char_strings = top.CharStrings
    is_cid = hasattr(top, "ROS")

    def bounds(glyph):
        pen = BoundsPen(glyph_set)
        glyph_set[glyph].draw(pen)
        return pen.bounds

    # Scale and offset that turn "2" into "²" (x: left side bearing kept).
    two, sup_two = cmap[ord("2")], cmap[0xB2]
    b2, bs = bounds(two), bounds(sup_two)
    scale = (bs[3] - bs[1]) / (b2[3] - b2[1])
    sup_dy = bs[1] - b2[1] * scale
    sup_dx = bs[0] - b2[0] * scale
    advance = hmtx[sup_two][0]

    # New glyphs need names; in a CID-keyed font the name is the CID, and it
    # must be one the subset does not use and below CIDCount.
    used = set(font.getGlyphOrder())
    cid_count = getattr(top, "CIDCount", 65536) if is_cid else None
    free_cids = (c for c in range(cid_count - 1, 0, -1) if f"cid{c:05d}" not in used) if is_cid else None

    added = []
    for digit in range(10):
        for target, source_char, transform in (
            (SUPERSCRIPTS[digit], str(digit), (scale, 0, 0, scale, sup_dx, sup_dy)),
            (SUBSCRIPTS[digit], SUPERSCRIPTS[digit], (1, 0, 0, 1, 0, -SUBSCRIPT_DROP)),
        ):
            if ord(target) in cmap:
                continue
            if ord(source_char) not in cmap:
                continue
            source = cmap[ord(source_char)]
            source_id = font.getGlyphID(source)
            fd_index = top.FDSelect[source_id] if is_cid else None
            private = top.FDArray[fd_index].Private if is_cid else top.Private
            width = advance if source_char.isdigit() else hmtx[source][0]
            nominal = getattr(private, "nominalWidthX", 0)
            default = getattr(private, "defaultWidthX", 0)
            pen = T2CharStringPen(None if width == default else width - nominal, glyph_set)
            glyph_set[source].draw(TransformPen(pen, transform))
            charstring = pen.getCharString(private=private, globalSubrs=cff.GlobalSubrs)

            name = f"cid{next(free_cids):05d}" if is_cid else f"uni{ord(target):04X}"
            char_strings.charStringsIndex.append(charstring)
            char_strings.charStrings[name] = len(char_strings.charStringsIndex) - 1
            if is_cid:
                top.FDSelect.gidArray.append(fd_index)
            order = font.getGlyphOrder()
            if top.charset is not order:
                top.charset.append(name)
            order.append(name)
            font.setGlyphOrder(order)
            box_pen = BoundsPen(None)
            charstring.draw(box_pen)
            hmtx[name] = (width, round(box_pen.bounds[0]) if box_pen.bounds else 0)
            glyph_set = font.getGlyphSet()  # now knows the new glyph
            for table in font["cmap"].tables:
                if table.isUnicode():
                    table.cmap[ord(target)] = name
            cmap[ord(target)] = name
            added.append(target)
    return added


def rename(font: TTFont, style: str) -> None:
    """Give the subset its own family name (OFL: a Modified Version must not be
    presented under the original's primary name; the only Reserved Font Name of
    Noto CJK is "Source", which is not used here)."""
    name = font["name"]
    ps_name = f"{PS_FAMILY}-{style}"
    full_name = FAMILY if style == "Regular" else f"{FAMILY} {style}"
    version = name.getDebugName(5) or ""
    source_ps = name.getDebugName(6) or ""
    # Drop any typographic family/subfamily and WWS names; with only two
    # RIBBI styles, IDs 1/2 say everything.
    for name_id in (16, 17, 21, 22):
        name.removeNames(nameID=name_id)
    records = {
        1: FAMILY,
        2: style,
        3: f"{ps_name};subset of {source_ps}",
        4: full_name,
        5: f"{version}; subset for bri-facts",
        6: ps_name,
    }
    for name_id, value in records.items():
        name.removeNames(nameID=name_id)
        name.setName(value, name_id, 3, 1, 0x409)  # Windows, Unicode BMP, en-US
        name.setName(value, name_id, 1, 0, 0)  # Macintosh, Roman, English
    # The CFF table carries its own copy of the PostScript name.
    if "CFF " in font:
        cff = font["CFF "].cff
        old = cff.fontNames[0]
        top = cff[old]
        cff.fontNames[0] = ps_name
        if hasattr(top, "FullName"):
            top.FullName = full_name
        if hasattr(top, "FamilyName"):
            top.FamilyName = FAMILY
        if hasattr(top, "CIDFontName"):
            top.CIDFontName = ps_name


def order_glyphs(font: TTFont, counts: Counter) -> None:
    """Put the glyphs in the order of how often the project's text uses their
    character, the most used first (ties and unused glyphs keep their order).

    FreeType reads a font through a memory map, and the kernel maps a run of
    64 KB around each page it reads. In Unicode order the few hundred glyphs a
    page of the app draws are spread over the whole file, so both files ended
    up resident whole (2.9 MiB); ordered by use they sit together at the start
    (0.7 MiB resident after the bundled data's first page). The outlines and
    metrics are unchanged."""
    cff = font["CFF "].cff
    top = cff.topDictIndex[0]
    order = font.getGlyphOrder()
    # each charstring is read with the private dict of its font dict now, before
    # the glyph ids, and with them FDSelect, move
    for name in order:
        top.CharStrings[name]
    fd_of = dict(zip(order, top.FDSelect.gidArray)) if hasattr(top, "FDSelect") else None
    position = {name: i for i, name in enumerate(order)}
    uses: Counter = Counter()
    for codepoint, name in font.getBestCmap().items():
        uses[name] = max(uses[name], counts.get(chr(codepoint), 0))
    new_order = [order[0]] + sorted(order[1:], key=lambda name: (-uses[name], position[name]))
    reorderGlyphs(font, new_order)  # also re-sorts GSUB/GPOS coverage; not FDSelect:
    if fd_of is not None:
        top.FDSelect.gidArray = [fd_of[name] for name in new_order]


def build_one(source: Path, style: str, codepoints: set[int], out: Path,
              counts: Counter) -> list[int]:
    font = load_source_face(source)
    cmap = font.getBestCmap()
    synthesized = {ord(c) for c in SUPERSCRIPTS + SUBSCRIPTS}
    missing = sorted(c for c in codepoints if c not in cmap and c not in synthesized)

    options = subset.Options()
    options.hinting = False  # drop CFF hints: smaller file, fine on screen
    # No CFF subroutines: each glyph's outline is then in one place, next to the
    # glyphs ordered beside it (see order_glyphs). With subroutines, drawing any
    # few hundred glyphs reads calls spread over the whole subroutine table. The
    # files are ~80 KB (5 %) larger.
    options.desubroutinize = True
    options.name_IDs = ["*"]  # keep copyright, licence, designer, URLs …
    options.name_languages = ["*"]
    options.name_legacy = True
    options.notdef_outline = True  # missing characters show as a box, not blank
    options.glyph_names = False
    options.recalc_timestamp = False  # deterministic output
    options.recalc_bounds = True
    # Vertical layout is never used by the app; BASE only matters for mixed-
    # script baselines in layout engines that Qt does not use.
    options.drop_tables += ["vhea", "vmtx", "VORG", "BASE"]

    subsetter = subset.Subsetter(options=options)
    subsetter.populate(unicodes=sorted(codepoints))
    subsetter.subset(font)
    add_script_digits(font)
    rename(font, style)
    order_glyphs(font, counts)

    font.recalcTimestamp = False
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_suffix(out.suffix + ".tmp")
    font.save(str(tmp), reorderTables=True)
    font.close()
    tmp.replace(out)
    return missing


def resolve_sources(source: Path) -> dict[str, Path]:
    if source.is_dir():
        return {style: source / fname for style, (fname, _) in STYLES.items()}
    # A file: take it as the Regular face, find the Bold one next to it.
    if "Regular" in source.name:
        bold = source.with_name(source.name.replace("Regular", "Bold"))
    else:
        bold = source.with_name(STYLES["Bold"][0])
    return {"Regular": source, "Bold": bold}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--source",
        type=Path,
        default=DEFAULT_SOURCE,
        help="directory holding NotoSansCJK-Regular.ttc and NotoSansCJK-Bold.ttc, "
        "or the Regular .ttc itself (default: %(default)s)",
    )
    parser.add_argument(
        "--out-dir", type=Path, default=OUT_DIR, help="default: %(default)s"
    )
    args = parser.parse_args(argv)

    sources = resolve_sources(args.source)
    for path in sources.values():
        if not path.is_file():
            print(INSTALL_HINT.format(path=path), file=sys.stderr)
            return 1

    codepoints, files = wanted_codepoints(ROOT)
    print(f"{len(codepoints)} characters requested ({len(files)} text files scanned)")

    counts, _ = text_file_counts(ROOT)
    file_chars = {ord(c) for c in counts}
    for style, (_, out_name) in STYLES.items():
        out = args.out_dir / out_name
        missing = build_one(sources[style], style, codepoints, out, counts)
        size = out.stat().st_size
        print(f"{out.relative_to(ROOT) if out.is_relative_to(ROOT) else out}: "
              f"{size:,} bytes ({FAMILY} {style})")
        # Characters of the project's own files that the font cannot show are
        # worth knowing about; gaps in the blanket Unicode ranges are not.
        gaps = [c for c in missing if c in file_chars or chr(c) in EXTRA_CHARS]
        if gaps:
            shown = " ".join(f"U+{c:04X}({chr(c)})" for c in gaps[:40])
            print(f"  warning: {len(gaps)} characters have no glyph in the source: {shown}",
                  file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
