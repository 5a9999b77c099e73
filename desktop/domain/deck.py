"""A PowerPoint deck of what the user is looking at (a :class:`Scope`) or of the whole dataset,
for speakers to edit: a title slide, one slide per chart with a native chart whose numbers live
in its data sheet, then a slide per headline figure. 16:9, in one language.

Built with python-pptx (the maintained library for .pptx; no OOXML is written by hand except
the few attributes it has no property for: the East Asian typeface, a run's language, the
theme fonts). No Qt: the caller hands over the look (:class:`DeckLook`) — the colours the app
draws charts with and the fonts to name.

Chinese in every program: each run names a Latin typeface and an East Asian one (OOXML has no
fallback list), and is tagged zh-CN or en-US, so PowerPoint sets “”，： full-width in Chinese
text; the theme names the same pair, so text a speaker types in later renders the same.
"""

from __future__ import annotations

import io
import math
from dataclasses import dataclass

from desktop.domain.charts import Bar, ChartSpec, chart_specs, nice_step
from desktop.domain.dataset import Dataset
from desktop.domain.deck_text import _char_em, fit_size
from desktop.domain.formatting import format_figure
from desktop.domain.export import _lang, all_chart_specs, document_file_name, safe_stem
from desktop.domain.scope import Scope
from desktop.domain.view import FactView, fact_views

#: 16:9 at PowerPoint's default widescreen size, in EMU (914400 per inch)
SLIDE_W, SLIDE_H = 12192000, 6858000
_IN = 914400
_PT = 12700
#: a scope without headline figures gets fact slides for its first figures, at most this many
MAX_FACT_SLIDES = 12

_WORDS = {
    "zh": {"deck_all": "全部图表与主要数据", "charts": "{n}张图表", "facts": "{n}项主要数据",
           "sep": " · ", "source": "来源：", "figure_of": "主要数据 {i}/{n}",
           "quote": "原文：", "lang": "zh-CN", "more_than": "柱形为下限（“多/余/逾/超”）",
           "about": "斜纹柱形为约数"},
    "en": {"deck_all": "Every chart and the headline figures", "charts": "{n} charts",
           "facts": "{n} headline figures", "chart": "1 chart", "fact": "1 headline figure",
           "sep": " · ", "source": "Source: ",
           "figure_of": "Headline figure {i} of {n}", "quote": "Original words: ",
           "lang": "en-US", "more_than": "the bar is a lower bound (“more than”)",
           "about": "hatched: an approximate figure"},
}


@dataclass(frozen=True)
class DeckLook:
    """Colours (#rrggbb) and typefaces of a deck: the ui hands over the chart style it draws."""
    fg: str
    muted: str
    bar: str
    about: str
    grid: str
    figure: str
    latin: str
    east_asian: str
    creator: str = ""


@dataclass(frozen=True)
class DeckContent:
    """What a deck shows, decided before a slide is made."""
    title: str
    subtitle: str
    lang: str
    specs: tuple[ChartSpec, ...]
    facts: tuple[FactView, ...]
    citation: str


def deck_file_name(scope: Scope | None, lang: str) -> str:
    """``deck--s3-transfer.zh.pptx`` for a scope, ``deck--all.en.pptx`` for the whole dataset."""
    if scope is None:
        return f"{safe_stem('deck')}--all.{_lang(lang)}.pptx"
    return document_file_name("deck", scope, lang, "pptx")


def deck_content(dataset: Dataset, scope: Scope | None, lang: str) -> DeckContent:
    """The charts and headline figures of ``scope`` (None: of the whole dataset)."""
    w = _WORDS[lang]
    sources = list(dict.fromkeys(dataset.facts["source"])) if scope is None else \
        list(dict.fromkeys(dataset.facts.loc[list(scope.fact_ids), "source"]))
    titles = [str(dataset.sources.at[s, "title_zh" if lang == "zh" else "title_en"])
              for s in sources if s in dataset.sources.index]
    citation = ("；" if lang == "zh" else "; ").join(dataset.citation(s, lang) for s in sources)
    headline = dataset.headline_facts()
    if scope is None:
        specs = all_chart_specs(dataset, lang)
        fact_ids = headline
        title = titles[0] if len(titles) == 1 else dataset.overview.title(lang)
        subtitle = w["deck_all"]
    else:
        specs = chart_specs(dataset, scope, lang)
        fact_ids = [f for f in headline if f in scope] or \
            dataset.quantitative(list(scope.fact_ids))[:MAX_FACT_SLIDES]
        title = scope.chart_title(lang)
        subtitle = ("；" if lang == "zh" else "; ").join(titles)
    return DeckContent(title=title, subtitle=subtitle, lang=lang, specs=tuple(specs),
                       facts=tuple(fact_views(dataset, fact_ids, lang)), citation=citation)


def build_deck(dataset: Dataset, scope: Scope | None, lang: str, look: DeckLook) -> bytes:
    """The .pptx file's bytes (written to disk by desktop.base.safe_write)."""
    return render_deck(deck_content(dataset, scope, lang), look)


def _pillow_or_stand_in() -> None:
    """python-pptx imports Pillow up front, to measure pictures and (for fit_text) fonts. A deck
    of charts and text uses neither, and the single-file build leaves Pillow's 20 MB of image
    libraries out: where Pillow is missing, a stand-in that refuses to be used takes its place."""
    import sys
    import types
    try:
        import PIL.Image  # noqa: F401
        import PIL.ImageFont  # noqa: F401
        return
    except ImportError:
        pass

    def refuse(*_args, **_kwargs):
        raise RuntimeError("pictures in a deck need Pillow, which this build leaves out")
    pil = types.ModuleType("PIL")
    pil.__path__ = []  # a package, so that ``from PIL import Image`` finds its modules
    image, font = types.ModuleType("PIL.Image"), types.ModuleType("PIL.ImageFont")
    image.open = font.truetype = refuse
    pil.Image, pil.ImageFont = image, font
    sys.modules.update({"PIL": pil, "PIL.Image": image, "PIL.ImageFont": font})


def render_deck(content: DeckContent, look: DeckLook) -> bytes:
    _pillow_or_stand_in()
    from pptx import Presentation  # the first use loads lxml and the templates: not at start-up

    prs = Presentation()
    prs.slide_width, prs.slide_height = SLIDE_W, SLIDE_H
    deck = _Deck(prs, content, look)
    deck.theme_fonts()
    deck.title_slide()
    for spec in content.specs:
        deck.chart_slide(spec)
    for index, view in enumerate(content.facts, start=1):
        deck.fact_slide(view, index, len(content.facts))
    props = prs.core_properties
    props.title = content.title
    props.subject = content.subtitle
    props.author = props.last_modified_by = look.creator
    props.language = _WORDS[content.lang]["lang"]
    props.keywords = content.citation
    props.revision = 1
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()


def _count(words: dict, one: str, many: str, n: int) -> str:
    """“12 charts”, “1 chart”, “12张图表”; "" for none."""
    if n == 0:
        return ""
    return words[one] if n == 1 and one in words else words[many].format(n=n)


# --------------------------------------------------------------------------- the slides


def _rgb(colour: str):
    from pptx.dml.color import RGBColor
    return RGBColor.from_string(colour.lstrip("#")[:6].upper())


def _mix(colour: str, other: str, share: float) -> str:
    """``colour`` moved ``share`` of the way to ``other`` (both #rrggbb)."""
    a = [int(colour.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    b = [int(other.lstrip("#")[i:i + 2], 16) for i in (0, 2, 4)]
    return "#" + "".join(f"{round(x + (y - x) * share):02x}" for x, y in zip(a, b))



class _Deck:
    def __init__(self, prs, content: DeckContent, look: DeckLook):
        self.prs, self.content, self.look = prs, content, look
        self.lang = content.lang
        self.words = _WORDS[content.lang]
        layouts = prs.slide_layouts
        self.title_layout = layouts[0]   # Title Slide: a title and a subtitle placeholder
        self.titled_layout = layouts[5]  # Title Only
        self.margin = int(0.6 * _IN)
        self.inner_w = SLIDE_W - 2 * self.margin

    # ---- fonts and runs
    def typefaces(self, rpr) -> None:
        """Name the Latin and the East Asian typeface on a run's (or a default's) properties,
        and the language, in the schema's order (latin, ea, cs follow the fills)."""
        from pptx.oxml.ns import qn
        for tag in ("a:latin", "a:ea", "a:cs"):
            for old in rpr.findall(qn(tag)):
                rpr.remove(old)
        successors = [qn(t) for t in ("a:sym", "a:hlinkClick", "a:hlinkMouseOver", "a:rtl",
                                      "a:extLst")]
        anchor = next((child for child in rpr if child.tag in successors), None)
        for tag, face in (("a:latin", self.look.latin), ("a:ea", self.look.east_asian),
                          ("a:cs", self.look.latin)):
            element = rpr.makeelement(qn(tag), {"typeface": face})
            if anchor is None:
                rpr.append(element)
            else:
                anchor.addprevious(element)
        rpr.set("lang", self.words["lang"])
        rpr.set("altLang", "en-US" if self.lang == "zh" else "zh-CN")

    def style_font(self, font, size: float | None, colour: str, bold: bool = False) -> None:
        if size:
            font.size = int(size * _PT)
        font.bold = bold
        font.color.rgb = _rgb(colour)
        self.typefaces(font._rPr)

    def write(self, text_frame, paragraphs: list[tuple[str, float, str, bool]],
              align=None, anchor=None) -> None:
        """Set a text frame's paragraphs: (text, size, colour, bold) each; wrapped, no autofit."""
        from pptx.enum.text import MSO_AUTO_SIZE
        text_frame.clear()
        text_frame.word_wrap = True
        text_frame.auto_size = MSO_AUTO_SIZE.NONE
        if anchor is not None:
            text_frame.vertical_anchor = anchor
        for index, (text, size, colour, bold) in enumerate(paragraphs):
            paragraph = text_frame.paragraphs[0] if index == 0 else text_frame.add_paragraph()
            if align is not None:
                paragraph.alignment = align
            run = paragraph.add_run()
            run.text = text
            self.style_font(run.font, size, colour, bold)
            # the paragraph's end mark carries the same font (an empty line keeps its size)
            end = paragraph._p.get_or_add_endParaRPr()
            end.set("sz", str(int(size * 100)))
            self.typefaces(end)

    def box(self, slide, left, top, width, height, paragraphs, align=None, anchor=None,
            name: str = ""):
        shape = slide.shapes.add_textbox(left, top, width, height)
        if name:
            shape.name = name
        self.write(shape.text_frame, paragraphs, align, anchor)
        return shape

    def place_title(self, slide, text: str, top: int, height: int, sizes, align=None,
                    colour: str | None = None):
        """The layout's title placeholder, moved and sized for 16:9 (outline view, the slide
        sorter and screen readers read it as the slide's title)."""
        from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
        shape = slide.shapes.title
        shape.left, shape.top, shape.width, shape.height = self.margin, top, self.inner_w, height
        size = fit_size(text, self.inner_w, height, sizes)
        self.write(shape.text_frame, [(text, size, colour or self.look.fg, True)],
                   align if align is not None else PP_ALIGN.LEFT, MSO_ANCHOR.BOTTOM)
        return shape

    # ---- theme
    def theme_fonts(self) -> None:
        """The theme's heading and body fonts: the same Latin / East Asian pair, so text a
        speaker adds later (and placeholders without a font of their own) render Chinese."""
        from lxml import etree
        from pptx.opc.constants import RELATIONSHIP_TYPE as RT
        part = self.prs.slide_master.part.part_related_by(RT.THEME)
        root = etree.fromstring(part.blob)
        ns = {"a": "http://schemas.openxmlformats.org/drawingml/2006/main"}
        for font in root.iterfind(".//a:fontScheme/*", ns):
            for tag, face in (("latin", self.look.latin), ("ea", self.look.east_asian),
                              ("cs", self.look.latin)):
                element = font.find(f"a:{tag}", ns)
                if element is not None:
                    element.set("typeface", face)
            for script in font.iterfind("a:font", ns):
                if script.get("script") in ("Hans", "Hant"):
                    script.set("typeface", self.look.east_asian)
        part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8",
                                    standalone=True)

    # ---- title slide
    def title_slide(self) -> None:
        from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
        c, look, w = self.content, self.look, self.words
        slide = self.prs.slides.add_slide(self.title_layout)
        self.place_title(slide, c.title, int(1.6 * _IN), int(1.9 * _IN), (44, 40, 36, 32, 28))
        counts = w["sep"].join(part for part in (
            _count(w, "chart", "charts", len(c.specs)), _count(w, "fact", "facts", len(c.facts)))
            if part)
        subtitle = slide.placeholders[1]
        subtitle.left, subtitle.top = self.margin, int(3.7 * _IN)
        subtitle.width, subtitle.height = self.inner_w, int(1.3 * _IN)
        lines = [(c.subtitle, fit_size(c.subtitle, self.inner_w, int(0.7 * _IN), (24, 20, 18)),
                  look.fg, False)]
        if counts:
            lines.append((counts, 18, look.muted, False))
        self.write(subtitle.text_frame, lines, PP_ALIGN.LEFT, MSO_ANCHOR.TOP)
        source = w["source"] + c.citation
        self.box(slide, self.margin, int(5.9 * _IN), self.inner_w, int(0.9 * _IN),
                 [(source, fit_size(source, self.inner_w, int(0.9 * _IN), (14, 12, 11, 10)),
                   look.muted, False)], name="Source")

    # ---- chart slides
    def chart_slide(self, spec: ChartSpec) -> None:
        look = self.look
        slide = self.prs.slides.add_slide(self.titled_layout)
        self.place_title(slide, spec.title, int(0.3 * _IN), int(0.8 * _IN), (32, 28, 24, 20))
        self.box(slide, self.margin, int(1.1 * _IN), self.inner_w, int(0.45 * _IN),
                 [(spec.subtitle, 18, look.muted, False)], name="Unit")
        footer_h = int(0.75 * _IN)
        footer_top = SLIDE_H - footer_h - int(0.15 * _IN)
        notes_h = int(0.4 * _IN) if spec.notes else 0
        chart_top = int(1.6 * _IN)
        chart_h = footer_top - notes_h - chart_top - int(0.05 * _IN)
        self.chart(slide, spec, self.margin, chart_top, self.inner_w, chart_h)
        if spec.notes:
            text = "  ·  ".join(spec.notes)
            self.box(slide, self.margin, footer_top - notes_h, self.inner_w, notes_h,
                     [(text, fit_size(text, self.inner_w, notes_h, (13, 12, 11, 10)),
                       look.muted, False)], name="Notes")
        self.box(slide, self.margin, footer_top, self.inner_w, footer_h,
                 [(spec.footer, fit_size(spec.footer, self.inner_w, footer_h, (12, 11, 10, 9, 8)),
                   look.muted, False)], name="Source")

    def chart(self, slide, spec: ChartSpec, left: int, top: int, width: int, height: int):
        from pptx.chart.data import CategoryChartData
        from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION, XL_TICK_MARK
        from pptx.oxml.ns import qn
        from pptx.enum.dml import MSO_LINE, MSO_PATTERN
        look = self.look
        bars = spec.bars
        data = CategoryChartData(number_format="#,##0.##")
        data.categories = [bar.label for bar in bars]
        data.add_series(spec.unit, [bar.value for bar in bars])
        frame = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, left, top, width, height, data)
        frame.name = "Chart"
        chart = frame.chart
        chart.has_legend = False
        chart.has_title = False
        n = len(bars)
        label_size = 16 if n <= 4 else 14 if n <= 8 else 12 if n <= 14 else 10
        self.style_font(chart.font, label_size, look.fg)
        plot = chart.plots[0]
        plot.gap_width = 60 if n > 2 else 120
        plot.vary_by_categories = False
        series = plot.series[0]
        series.invert_if_negative = False
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = _rgb(look.bar)
        # as on screen: when a figure with its unit would crowd the plot, the bars say the
        # figure alone (the unit line above the chart says the unit)
        long = any(sum(_char_em(ch) for ch in bar.figure) * (label_size + 1) * _PT > width * 0.2
                   for bar in bars)
        for index, bar in enumerate(bars):
            point = series.points[index]
            self.paint_bar(point.format, bar, MSO_LINE, MSO_PATTERN)
            label = point.data_label
            label.position = XL_LABEL_POSITION.OUTSIDE_END
            frame_ = label.text_frame
            # the figure as it reads: 80+ / 80多个 / 约200万吨
            frame_.text = format_figure(bar.value, bar.qualifier, self.lang) if long else bar.figure
            for paragraph in frame_.paragraphs:
                for run in paragraph.runs:
                    self.style_font(run.font, label_size + 1, look.fg, bold=True)
        categories = chart.category_axis
        categories.reverse_order = True  # the first bar on top, as the app draws it
        categories.major_tick_mark = XL_TICK_MARK.NONE
        categories.format.line.color.rgb = _rgb(look.grid)
        self.style_font(categories.tick_labels.font, label_size, look.fg)
        values = chart.value_axis
        # the value axis crosses the (reversed) category axis at its last category, so it stays
        # at the bottom; python-pptx sets this only from the other axis, so it is set here
        crosses = values._element.find(qn("c:crosses"))
        if crosses is not None:
            crosses.set("val", "max")
        top_value = max((bar.value for bar in bars), default=1.0) or 1.0
        step = nice_step(top_value * 1.35 / 4)
        values.minimum_scale = 0
        values.maximum_scale = math.ceil(top_value * 1.35 / step) * step
        values.major_unit = step
        values.has_major_gridlines = True
        values.major_gridlines.format.line.color.rgb = _rgb(look.grid)
        values.major_tick_mark = XL_TICK_MARK.NONE
        values.format.line.fill.background()
        values.tick_labels.number_format = "#,##0"
        values.tick_labels.number_format_is_linked = False
        self.style_font(values.tick_labels.font, label_size - 2, look.muted)
        return chart

    def paint_bar(self, fmt, bar: Bar, MSO_LINE, MSO_PATTERN) -> None:
        """A bar as the app draws it: solid; an "about" figure hatched with a dashed outline;
        a "more than" figure fading out at its open end."""
        look = self.look
        fill, line = fmt.fill, fmt.line
        if bar.qualifier == "about":
            fill.patterned()
            fill.pattern = MSO_PATTERN.WIDE_UPWARD_DIAGONAL
            fill.fore_color.rgb = _rgb(look.about)
            fill.back_color.rgb = _rgb(_mix(look.about, "#ffffff", 0.8))
            line.color.rgb = _rgb(look.about)
            line.dash_style = MSO_LINE.DASH
            line.width = int(1.5 * _PT)
        elif bar.qualifier == "more_than":
            fill.gradient()
            fill.gradient_angle = 0  # left to right
            stops = fill.gradient_stops
            stops[0].position, stops[1].position = 0.8, 1.0
            stops[0].color.rgb = _rgb(look.bar)
            stops[1].color.rgb = _rgb(_mix(look.bar, "#ffffff", 0.85))
            line.fill.background()
        else:
            fill.solid()
            fill.fore_color.rgb = _rgb(look.bar)
            line.fill.background()

    # ---- fact slides
    def fact_slide(self, view: FactView, index: int, count: int) -> None:
        from pptx.enum.text import MSO_ANCHOR
        look, w = self.look, self.words
        slide = self.prs.slides.add_slide(self.titled_layout)
        kicker = w["figure_of"].format(i=index, n=count)
        if view.theme_path:
            kicker += w["sep"] + " › ".join(view.theme_path)
        self.box(slide, self.margin, int(0.35 * _IN), self.inner_w, int(0.45 * _IN),
                 [(kicker, fit_size(kicker, self.inner_w, int(0.45 * _IN), (14, 12, 11)),
                   look.muted, False)], name="Kicker")
        figure = view.figure or view.title
        self.box(slide, self.margin, int(0.8 * _IN), self.inner_w, int(1.45 * _IN),
                 [(figure, fit_size(figure, self.inner_w, int(1.45 * _IN), (66, 60, 54, 48, 40)),
                   look.figure, True)], anchor=MSO_ANCHOR.MIDDLE, name="Figure")
        self.place_title(slide, view.title, int(2.25 * _IN), int(0.8 * _IN), (30, 28, 24, 20))
        statement_h = int(1.45 * _IN)
        self.box(slide, self.margin, int(3.15 * _IN), self.inner_w, statement_h,
                 [(view.statement, fit_size(view.statement, self.inner_w, statement_h,
                                            (24, 22, 20, 18, 16, 14)), look.fg, False)],
                 name="Statement")
        quote = w["quote"] + view.quoted()
        quote_h = int(1.35 * _IN)
        self.box(slide, self.margin, int(4.7 * _IN), self.inner_w, quote_h,
                 [(quote, fit_size(quote, self.inner_w, quote_h, (18, 16, 14, 12, 11)),
                   look.muted, False)], name="Quote")
        provenance = view.provenance()
        self.box(slide, self.margin, int(6.15 * _IN), self.inner_w, int(0.85 * _IN),
                 [(provenance, fit_size(provenance, self.inner_w, int(0.85 * _IN),
                                        (13, 12, 11, 10, 9)), look.muted, False)],
                 anchor=MSO_ANCHOR.BOTTOM, name="Stated by")


