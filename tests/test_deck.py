"""PowerPoint decks (desktop.domain.deck): read back with python-pptx, each chart's numbers in
its chart and in its data sheet, its title, unit line and footer on the slide, the bars painted
as the app draws them, fact slides with figure, statement, quote and who states it, fonts that
render Chinese; and LibreOffice opens both languages headless, charts and all."""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.dml import MSO_FILL, MSO_LINE, MSO_PATTERN
from pptx.oxml.ns import qn

from desktop.domain.charts import chart_specs
from desktop.domain.deck import (SLIDE_H, SLIDE_W, build_deck, deck_content, deck_file_name,
                                 fit_size)
from desktop.domain.export import all_chart_specs
from desktop.domain.scope import theme_scope
from desktop.ui.chart.style import STYLES
from desktop.ui.slides import deck_bytes, deck_look

REPO = Path(__file__).resolve().parent.parent
LIGHT = STYLES["light"]
SOFFICE = shutil.which("soffice") or shutil.which("libreoffice")


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#").upper())


def _squash(text: str) -> str:
    """Text without white space and quotation marks: where lines wrap is the viewer's business,
    and a PDF's text extraction may take the marks (set in another font) out of order."""
    return re.sub(r"[\s“”‘’\"']+", "", text)


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def _chart(slide):
    charts = [shape.chart for shape in slide.shapes if shape.has_chart]
    assert len(charts) == 1
    return charts[0]


@pytest.fixture(scope="module", params=["zh", "en"])
def whole(request, dataset):
    """The deck of the whole dataset, as bytes and read back."""
    lang = request.param
    data = deck_bytes(dataset, None, lang)
    return lang, data, Presentation(io.BytesIO(data))


def test_whole_dataset_deck_has_every_chart_and_headline_figure(dataset, whole):
    lang, data, prs = whole
    specs = all_chart_specs(dataset, lang)
    headline = dataset.headline_facts()
    assert len(specs) > 40 and len(headline) > 10
    assert (prs.slide_width, prs.slide_height) == (SLIDE_W, SLIDE_H)
    assert prs.slide_width * 9 == prs.slide_height * 16  # 16:9
    slides = list(prs.slides)
    assert len(slides) == 1 + len(specs) + len(headline)
    title = slides[0]
    source = dataset.sources.iloc[0]
    assert title.shapes.title.text == source["title_zh" if lang == "zh" else "title_en"]
    assert any(dataset.citation("article", lang) in text for text in _texts(title))
    assert prs.core_properties.title == title.shapes.title.text
    counts = (f"{len(specs)}张图表 · {len(headline)}项主要数据" if lang == "zh"
              else f"{len(specs)} charts · {len(headline)} headline figures")
    assert counts in title.placeholders[1].text_frame.text
    assert prs.core_properties.language == ("zh-CN" if lang == "zh" else "en-US")


def test_every_chart_slide_holds_the_numbers_title_unit_and_footer(dataset, whole):
    lang, _data, prs = whole
    specs = all_chart_specs(dataset, lang)
    slides = list(prs.slides)[1:1 + len(specs)]
    for spec, slide in zip(specs, slides):
        chart = _chart(slide)
        plot = chart.plots[0]
        assert [str(c) for c in plot.categories] == [b.label for b in spec.bars]
        assert list(plot.series[0].values) == [b.value for b in spec.bars]
        assert plot.series[0].name == spec.unit
        assert slide.shapes.title.text == spec.title
        texts = _texts(slide)
        assert spec.subtitle in texts
        assert spec.footer in texts  # the source and who states the figures
        for note in spec.notes:
            assert note in " ".join(texts)
        # the figure as it reads, on each bar (or, when long, the figure without its unit)
        for bar, point in zip(spec.bars, plot.series[0].points):
            label = point.data_label.text_frame.text
            assert label == bar.figure or bar.figure.startswith(label.rstrip("+")) or \
                label in bar.figure


def test_the_numbers_live_in_each_charts_data_sheet(dataset, whole):
    """The embedded workbook is what PowerPoint's "Edit data" opens: categories and values."""
    lang, _data, prs = whole
    specs = all_chart_specs(dataset, lang)
    for spec, slide in zip(specs, list(prs.slides)[1:]):
        blob = _chart(slide).part.chart_workbook.xlsx_part.blob
        sheet = load_workbook(io.BytesIO(blob)).worksheets[0]
        rows = list(sheet.iter_rows(values_only=True))
        assert rows[0][1] == spec.unit
        assert [r[0] for r in rows[1:]] == [b.label for b in spec.bars]
        assert [r[1] for r in rows[1:]] == [b.value for b in spec.bars]


def test_bars_are_painted_as_the_app_draws_them(dataset, whole):
    """Solid bar colour; "more than" fades out at its open end; "about" is hatched and dashed;
    the first bar on top, the value axis at the bottom."""
    lang, _data, prs = whole
    specs = all_chart_specs(dataset, lang)
    seen = set()
    for spec, slide in zip(specs, list(prs.slides)[1:]):
        chart = _chart(slide)
        assert chart.category_axis.reverse_order
        assert chart.value_axis._element.find(qn("c:crosses")).get("val") == "max"
        assert chart.value_axis.minimum_scale == 0
        for bar, point in zip(spec.bars, chart.plots[0].series[0].points):
            fill = point.format.fill
            seen.add(bar.qualifier)
            if bar.qualifier == "about":
                assert fill.type == MSO_FILL.PATTERNED
                assert fill.pattern == MSO_PATTERN.WIDE_UPWARD_DIAGONAL
                assert fill.fore_color.rgb == _rgb(LIGHT["about"])
                assert point.format.line.dash_style == MSO_LINE.DASH
            elif bar.qualifier == "more_than":
                assert fill.type == MSO_FILL.GRADIENT
                stops = fill.gradient_stops
                assert stops[0].color.rgb == _rgb(LIGHT["bar"])
                assert stops[-1].position == 1.0 and stops[-1].color.rgb != _rgb(LIGHT["bar"])
            else:
                assert fill.type == MSO_FILL.SOLID
                assert fill.fore_color.rgb == _rgb(LIGHT["bar"])
    assert seen == {"exact", "more_than", "about"}


def test_fact_slides_show_figure_statement_quote_and_who_states_it(dataset, whole):
    lang, _data, prs = whole
    content = deck_content(dataset, None, lang)
    facts = list(prs.slides)[1 + len(content.specs):]
    assert [v.id for v in content.facts] == dataset.headline_facts()
    for view, slide in zip(content.facts, facts):
        texts = _texts(slide)
        assert view.figure in texts
        assert slide.shapes.title.text == view.title
        assert view.statement in texts
        assert any(view.quoted() in text for text in texts)
        assert view.provenance() in texts  # stated by · source · date
        assert view.stated_by in view.provenance()


def test_every_run_names_a_latin_and_a_chinese_typeface(dataset, whole):
    """OOXML has no fallback list: each run names Arial and Microsoft YaHei and its language;
    the theme names the same pair for text a speaker adds."""
    lang, data, prs = whole
    look = deck_look()
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        names = [n for n in archive.namelist()
                 if re.match(r"ppt/(slides/slide|charts/chart)\d+\.xml$", n)]
        assert names
        for name in names:
            xml = archive.read(name).decode("utf-8")
            runs = re.findall(r"<a:(?:rPr|defRPr|endParaRPr)\b[^>]*?(?:/>|>.*?</a:(?:rPr|defRPr|endParaRPr)>)",
                              xml, flags=re.S)
            styled = [r for r in runs if "<a:latin" in r]
            assert styled, name
            for run in styled:
                assert f'<a:latin typeface="{look.latin}"/>' in run
                assert f'<a:ea typeface="{look.east_asian}"/>' in run
                assert f'lang="{"zh-CN" if lang == "zh" else "en-US"}"' in run
        theme = next(n for n in archive.namelist() if n.startswith("ppt/theme/"))
        theme_xml = archive.read(theme).decode("utf-8")
        assert theme_xml.count(f'<a:ea typeface="{look.east_asian}"/>') == 2  # headings, body
        assert f'<a:font script="Hans" typeface="{look.east_asian}"/>' in theme_xml
    assert look.latin == "Arial" and look.east_asian == "Microsoft YaHei"


def test_a_scope_deck_has_its_own_charts_and_headline_figures(dataset):
    scope = theme_scope(dataset, dataset.nodes["s3"])
    for lang in ("zh", "en"):
        specs = chart_specs(dataset, scope, lang)
        prs = Presentation(io.BytesIO(deck_bytes(dataset, scope, lang)))
        headline = [f for f in dataset.headline_facts() if f in scope]
        assert specs and headline
        slides = list(prs.slides)
        assert len(slides) == 1 + len(specs) + len(headline)
        assert slides[0].shapes.title.text == scope.chart_title(lang)
        for spec, slide in zip(specs, slides[1:]):
            assert list(_chart(slide).plots[0].series[0].values) == [b.value for b in spec.bars]
        assert deck_file_name(scope, lang) == f"deck--s3.{lang}.pptx"
    assert deck_file_name(None, "en") == "deck--all.en.pptx"


def test_a_scope_without_headline_figures_shows_its_own_figures(dataset):
    from desktop.domain.scope import search_scope
    ids = [f for f in dataset.quantitative(list(dataset.facts.index))
           if f not in dataset.headline_facts()][:3]
    scope = search_scope("kenya", ids)
    content = deck_content(dataset, scope, "en")
    assert [v.id for v in content.facts] == ids
    assert content.title == scope.title("en")


def test_text_is_sized_to_fit_its_box():
    inch = 914400
    short, long = "80+ countries", "word " * 120
    assert fit_size(short, 10 * inch, inch, (40, 30, 20)) == 40
    assert fit_size(long, 10 * inch, inch, (40, 30, 20, 10)) == 10
    chinese = "共建国家" * 30
    assert fit_size(chinese, 10 * inch, inch, (40, 30, 20, 14)) < \
        fit_size(chinese[:20], 10 * inch, inch, (40, 30, 20, 14))


def test_decks_are_built_without_qt_and_without_pillow():
    """The domain builds the deck with no Qt at all; the single-file build leaves Pillow out,
    so the deck must not need it (python-pptx only measures pictures with it)."""
    code = ("import sys; sys.modules['PySide6'] = None; sys.modules['pyqtgraph'] = None\n"
            "sys.modules['PIL'] = None\n"
            "import io\n"
            "from desktop.domain.bundled import load_bundled\n"
            "from desktop.domain.deck import DeckLook, build_deck\n"
            "look = DeckLook('#000000', '#555555', '#1f5fa8', '#5b8fd0', '#d0d7de', '#1f5fa8',"
            " 'Arial', 'Microsoft YaHei')\n"
            "data = build_deck(load_bundled(), None, 'en', look)\n"
            "from pptx import Presentation\n"
            "assert sys.modules['PIL'] is not None and not hasattr(sys.modules['PIL'], '__file__')\n"
            "print(len(Presentation(io.BytesIO(data)).slides))\n")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         timeout=120)
    assert run.returncode == 0, run.stderr
    assert int(run.stdout.strip()) > 40


def test_deck_in_the_language_asked(dataset):
    look = deck_look()
    zh = Presentation(io.BytesIO(build_deck(dataset, None, "zh", look)))
    en = Presentation(io.BytesIO(build_deck(dataset, None, "en", look)))
    zh_titles = [s.shapes.title.text for s in zh.slides]
    en_titles = [s.shapes.title.text for s in en.slides]
    assert "主要数据" in zh_titles and "Headline figures" in en_titles
    assert not any(re.search(r"[\u4e00-\u9fff]", t) for t in en_titles[1:])


# --------------------------------------------------------------------------- LibreOffice


needs_office = pytest.mark.skipif(
    SOFFICE is None and not os.environ.get("CI"),
    reason="LibreOffice (soffice) is not installed here; CI installs it and runs this")


def _office(tmp: Path, target: str, files: list[Path]) -> None:
    """Headless LibreOffice with its own profile, and a font configuration that adds the
    bundled Chinese font to the machine's (so the Chinese renders wherever this runs)."""
    assert SOFFICE, "CI must have LibreOffice: .ci/run installs libreoffice-impress"
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f'  <dir>{REPO / "resources" / "fonts"}</dir>\n'
        f'  <cachedir>{tmp / "fc-cache"}</cachedir>\n</fontconfig>\n', encoding="utf-8")
    env = {**os.environ, "FONTCONFIG_FILE": str(conf), "HOME": str(tmp)}
    done = subprocess.run(
        [SOFFICE, f"-env:UserInstallation=file://{tmp / 'profile'}", "--headless",
         "--convert-to", target, "--outdir", str(tmp / "out"), *map(str, files)],
        env=env, capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr


@pytest.fixture(scope="module")
def office(dataset, tmp_path_factory):
    """Both languages' decks, opened by LibreOffice Impress and saved as PDF and as ODP."""
    tmp = tmp_path_factory.mktemp("office")
    decks = {}
    for lang in ("zh", "en"):
        decks[lang] = tmp / f"deck.{lang}.pptx"
        decks[lang].write_bytes(deck_bytes(dataset, None, lang))
    _office(tmp, "pdf", list(decks.values()))
    _office(tmp, "odp", list(decks.values()))
    return tmp / "out"


@needs_office
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_libreoffice_opens_the_deck_and_draws_every_slide(dataset, office, lang):
    from pypdf import PdfReader
    reader = PdfReader(str(office / f"deck.{lang}.pdf"))
    content = deck_content(dataset, None, lang)
    assert len(reader.pages) == 1 + len(content.specs) + len(content.facts)
    first_chart = _squash(reader.pages[1].extract_text())
    spec = content.specs[0]
    for text in (spec.title, spec.subtitle, spec.footer, *[b.label for b in spec.bars],
                 *[b.figure for b in spec.bars]):
        assert _squash(text) in first_chart, text
    fact = content.facts[0]
    fact_page = _squash(reader.pages[1 + len(content.specs)].extract_text())
    for text in (fact.figure, fact.title, fact.statement, fact.stated_by):
        assert _squash(text) in fact_page, text


@needs_office
def test_libreoffice_keeps_the_charts_as_charts_with_their_numbers(dataset, office):
    """Saved as ODP by Impress, every chart is an embedded chart object with its own table of
    numbers (editable there), not a picture."""
    content = deck_content(dataset, None, "en")
    with zipfile.ZipFile(office / "deck.en.odp") as odp:
        objects = sorted({m.group(1) for n in odp.namelist()
                          if (m := re.match(r"(Object \d+)/content\.xml$", n))},
                         key=lambda o: int(o.split()[1]))
        assert len(objects) == len(content.specs)
        charts = [odp.read(f"{o}/content.xml").decode("utf-8") for o in objects]
    assert all("<chart:chart" in xml for xml in charts)
    # match each chart to its spec by its categories: every number is in the chart's table
    for spec in content.specs:
        owner = [xml for xml in charts if all(f">{b.label}<" in xml.replace("&amp;", "&")
                                              for b in spec.bars)]
        assert owner, spec.key
        values = {float(v) for v in re.findall(r'office:value="([^"]+)"', owner[0])}
        assert {b.value for b in spec.bars} <= values, spec.key


@needs_office
def test_the_rendered_chart_page_shows_the_bars_in_the_app_colour(office, tmp_path):
    """A page rendered to pixels (pdftoppm): the first chart's bars are there, in the bar
    colour, and the page is not blank."""
    pdftoppm = shutil.which("pdftoppm")
    if pdftoppm is None:
        assert not os.environ.get("CI"), "CI must have pdftoppm: .ci/run installs poppler-utils"
        pytest.skip("pdftoppm (poppler-utils) is not installed")
    subprocess.run([pdftoppm, "-r", "40", "-png", "-f", "2", "-l", "2",
                    str(office / "deck.zh.pdf"), str(tmp_path / "page")], check=True, timeout=120)
    from PySide6.QtGui import QColor, QImage
    image = QImage(str(next(tmp_path.glob("page*.png"))))
    assert not image.isNull() and image.width() > image.height()
    bar = QColor(LIGHT["bar"])
    hits = 0
    for y in range(0, image.height(), 2):
        for x in range(0, image.width(), 2):
            c = image.pixelColor(x, y)
            if abs(c.red() - bar.red()) + abs(c.green() - bar.green()) + abs(c.blue() - bar.blue()) < 30:
                hits += 1
    assert hits > image.width() * image.height() / 4 / 50  # bars cover a good part of the page
