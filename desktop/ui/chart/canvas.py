"""Drawing a :class:`ChartSpec` with pyqtgraph: on screen, and (same code) for PNG export.

Horizontal bars, one per fact, labelled with the figure exactly as it reads (80+ / 80多个).
A ``more_than`` figure is a lower bound: its bar ends in an open, fading extension and an arrow.
An ``about`` figure is hatched. The canvas carries its own title, unit and footer (source and who
states the figures), so a screenshot or an export still says what it shows and whose numbers
these are."""

from __future__ import annotations

import math

import numpy as np
from PySide6.QtCore import QCoreApplication, QEvent, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetricsF, QLinearGradient
from PySide6.QtWidgets import QToolTip

from desktop.ui.chart.pglib import pg
from desktop.ui.fonts import app_font
from desktop.domain.charts import ChartSpec, nice_step
from desktop.domain.formatting import format_figure, format_number_en, format_number_zh
from desktop.ui.chart.style import STYLES, wrap_label
from desktop.ui.tree_model import plain_tooltip



def _row(index: int, count: int) -> float:
    """The plot's y of bar ``index`` of ``count``: the first bar on top, one unit apart."""
    return float(count - 1 - index)


def _font(size: float, bold: bool = False) -> QFont:
    font = app_font()
    font.setPixelSize(max(6, int(round(size))))
    font.setBold(bold)
    return font


class _Text(pg.GraphicsWidget):
    """A word-wrapping text line of the canvas (plain text only: data is never HTML)."""

    def __init__(self, size: float, color: str, bold: bool = False, align=Qt.AlignmentFlag.AlignLeft):
        super().__init__()
        self.item = pg.QtWidgets.QGraphicsTextItem(self)
        self.item.setFont(_font(size, bold))
        self.item.setDefaultTextColor(QColor(color))
        self.align = align
        self.setSizePolicy(pg.QtWidgets.QSizePolicy.Policy.Expanding,
                           pg.QtWidgets.QSizePolicy.Policy.Fixed)

    def set_text(self, text: str) -> None:
        self.item.setPlainText(text)
        self._layout_text()

    def text(self) -> str:
        return self.item.toPlainText()

    def resizeEvent(self, ev):  # noqa: N802 - Qt naming
        self._layout_text()

    def _layout_text(self) -> None:
        width = max(50.0, self.size().width())
        self.item.setTextWidth(width)
        option = self.item.document().defaultTextOption()
        option.setAlignment(self.align)
        self.item.document().setDefaultTextOption(option)
        height = self.item.boundingRect().height()
        self.setMinimumHeight(height)
        self.setMaximumHeight(height)
        self.updateGeometry()


class _NumberAxis(pg.AxisItem):
    """Value ticks as a reader writes them: 500万 / 5 million, never 5e+06."""

    def __init__(self, canvas: "ChartCanvas"):
        super().__init__("bottom")
        self.canvas = canvas
        self.enableAutoSIPrefix(False)

    def tickStrings(self, values, scale, spacing):  # noqa: N802 - pyqtgraph naming
        lang = self.canvas.spec.lang if getattr(self.canvas, "spec", None) else "en"
        fmt = format_number_zh if lang == "zh" else format_number_en
        return [fmt(v * scale) if v >= 0 else "" for v in values]


class ChartCanvas(pg.GraphicsLayoutWidget):
    """Title, unit line, bar plot and footer, sized by ``scale`` (1.0 on screen)."""

    barClicked = Signal(str)

    def __init__(self, parent=None, style: str = "light", scale: float = 1.0, interactive: bool = True):
        super().__init__(parent)
        self.spec: ChartSpec | None = None
        self.style_name = style
        self.scale = scale
        self.interactive = interactive
        self.selected: str | None = None
        self._bars: list[pg.BarGraphItem] = []
        #: per fact: (bar, its item, the open end's item, the arrow, the open end's length)
        self._parts: dict[str, tuple] = {}
        self._value_labels: list[pg.TextItem] = []
        self._extent = (0.0, 1.0)
        self._pad = 0.6      # the plot's margin above the first bar and below the last, in bars
        self._ticks = None   # the left axis's ticks as last set: [[(y, label), …]]
        self.setAccessibleName("chart")
        self._build()

    # ---- construction
    def _build(self) -> None:
        s, c = self.scale, STYLES[self.style_name]
        self.setBackground(c["bg"])
        layout = self.ci.layout
        layout.setContentsMargins(16 * s, 12 * s, 16 * s, 10 * s)
        layout.setVerticalSpacing(4 * s)
        self.title = _Text(22 * s, c["fg"], bold=True)
        self.subtitle = _Text(14 * s, c["muted"])
        self.footer = _Text(12.5 * s, c["muted"])
        self.notes = _Text(12 * s, c["muted"])
        self.addItem(self.title, row=0, col=0)
        self.addItem(self.subtitle, row=1, col=0)
        self.plot = self.addPlot(row=2, col=0, axisItems={"bottom": _NumberAxis(self)})
        self.addItem(self.notes, row=3, col=0)
        self.addItem(self.footer, row=4, col=0)
        plot = self.plot
        plot.setMenuEnabled(False)
        plot.hideButtons()
        plot.setMouseEnabled(x=False, y=False)
        plot.getViewBox().setDefaultPadding(0.02)
        for name in ("left", "bottom"):
            axis = plot.getAxis(name)
            axis.setStyle(tickFont=_font(13.5 * s), tickLength=int(-5 * s), tickTextOffset=int(6 * s))
            axis.setPen(pg.mkPen(c["grid"], width=max(1, s)))
            axis.setTextPen(pg.mkPen(c["fg"]))
        plot.showGrid(x=False, y=False)
        plot.vb.sigResized.connect(lambda _vb: (self._fit_left_axis(), self.fit_value_labels()))
        if self.interactive:
            self.scene().sigMouseClicked.connect(self._clicked)
            self.scene().sigMouseMoved.connect(self._hovered)

    def set_style(self, style: str) -> None:
        if style != self.style_name:
            self.style_name = style
            self.clear()
            self._build()
            if self.spec is not None:
                self.set_spec(self.spec)

    # ---- drawing
    def set_spec(self, spec: ChartSpec | None) -> None:
        self.spec = spec
        plot, s, c = self.plot, self.scale, STYLES[self.style_name]
        plot.clear()
        self._bars, self._value_labels = [], []
        self._parts = {}
        if spec is None or not spec.bars:
            self.title.set_text(spec.title if spec else "")
            self.subtitle.set_text("")
            self.notes.set_text("")
            self.footer.set_text("")
            return
        self.title.set_text(spec.title)
        self.subtitle.set_text(spec.subtitle)
        self.notes.set_text("  ·  ".join(spec.notes))
        self.footer.set_text(spec.footer)
        bars = spec.bars
        n = len(bars)
        ys = [_row(i, n) for i in range(n)]
        values = np.array([b.value for b in bars], dtype=float)
        top = float(values.max()) if n else 1.0
        top = top if top > 0 else 1.0
        open_end = top * 0.07
        self._extent = (0.0, top * 1.42)
        height = 0.62
        for bar, y in zip(bars, ys):
            brush, pen, colour = self._bar_paint(bar)
            item = pg.BarGraphItem(x0=[0], y=[y], height=height, width=[bar.value], brush=brush, pen=pen)
            item.fact_id = bar.fact_id
            plot.addItem(item)
            self._bars.append(item)
            end = bar.value
            ext = arrow = None
            if bar.qualifier == "more_than":  # a lower bound: the bar runs on, fading, with an arrow
                ext = pg.BarGraphItem(x0=[end], y=[y], height=height, width=[open_end],
                                      brush=_fade(colour, end, open_end), pen=pg.mkPen(None))
                plot.addItem(ext)
                end += open_end
                arrow = pg.ArrowItem(pos=(end, y), angle=180, headLen=12 * s, tipAngle=40,
                                     brush=colour, pen=pg.mkPen(None))
                plot.addItem(arrow)
            self._parts[bar.fact_id] = (bar, item, ext, arrow, open_end)
            label = pg.TextItem(bar.figure, color=c["fg"], anchor=(0, 0.5))
            label.setFont(_font(15 * s, bold=True))
            label.setPos(end + top * 0.015, y)
            plot.addItem(label)
            self._value_labels.append(label)
        # the unit line above the plot says what the axis counts; a single bar stays a bar
        pad = self._pad = max(0.6, (3 - n) / 2 + 0.6)
        plot.setYRange(-pad, n - 1 + pad, padding=0)
        plot.setXRange(0, self._extent[1], padding=0)
        self._fit_left_axis()
        self.fit_value_labels()

    def _axis_labels(self, metrics) -> list[str]:
        """Each bar's axis label as it fits: on two lines where a bar's row has room for them,
        else on one line cut with "…" (in a 1280×720 window's chart panel two-line labels ran
        into each other)."""
        spec = self.spec
        rows = len(spec.bars) - 1 + 2 * self._pad
        row = self.plot.vb.height() / rows if rows > 0 else 0.0
        if row <= 0 or row >= 2 * metrics.lineSpacing():
            return [wrap_label(b.label, spec.lang) for b in spec.bars]
        room = int(max(self.width() * 0.42 - 14 * self.scale, 40))
        return [metrics.elidedText(b.label, Qt.TextElideMode.ElideRight, room) for b in spec.bars]

    def _fit_left_axis(self) -> None:
        if self.spec is None or not self.spec.bars:
            return
        left = self.plot.getAxis("left")
        metrics = pg.QtGui.QFontMetrics(_font(13.5 * self.scale))
        labels = self._axis_labels(metrics)
        ticks = [[(_row(i, len(labels)), label) for i, label in enumerate(labels)]]
        if ticks != self._ticks:
            self._ticks = ticks
            left.setTicks(ticks)
        widest = max((max(metrics.horizontalAdvance(line) for line in label.split("\n"))
                      for label in labels), default=40)
        left.setWidth(int(min(widest + 14 * self.scale, self.width() * 0.42 if self.width() > 200 else widest + 14)))

    def fit_value_labels(self) -> None:
        """Make room right of the bars so the figure at the end of every bar shows whole.

        When a figure with its unit would take more than 40 % of the plot (“about 2 million
        tonnes of CO2 per year”), the bars say the figure alone: the unit line says the unit.
        The value axis shows at most five numbers, however large the type."""
        spec = getattr(self, "spec", None)
        view_w = self.plot.vb.width()
        if spec is None or not spec.bars or view_w <= 0 or len(self._value_labels) != len(spec.bars):
            return
        metrics = QFontMetricsF(_font(15 * self.scale, bold=True))
        long = any(metrics.horizontalAdvance(b.figure) > view_w * 0.4 for b in spec.bars)
        top = max(b.value for b in spec.bars)
        top = top if top > 0 else 1.0
        extent = top * 1.42
        for bar, label in zip(spec.bars, self._value_labels):
            text = format_figure(bar.value, bar.qualifier, spec.lang) if long else bar.figure
            if label.textItem.toPlainText() != text:
                label.setText(text)
            end = bar.value + (top * 0.07 if bar.qualifier == "more_than" else 0) + top * 0.015
            share = (metrics.horizontalAdvance(text) + 12 * self.scale) / view_w
            if share < 0.9:
                extent = max(extent, end / (1 - share))
        if abs(extent - self._extent[1]) > 1e-9 * extent:
            self._extent = (0.0, extent)
            self.plot.setXRange(0, extent, padding=0)
        widest = QFontMetricsF(_font(13.5 * self.scale)).horizontalAdvance(f"{extent:,.0f}") * 1.6
        count = max(2, min(5, int(view_w // max(widest, 1.0))))
        step = nice_step(extent / count)
        self.plot.getAxis("bottom").setTickSpacing(major=step, minor=step / 2)

    def settle(self) -> None:
        """Lay the canvas out now, at its current size, without waiting for the event loop
        (a hidden canvas being exported, or one that was just resized)."""
        frame = QRectF(0, 0, self.width(), self.height())
        for _ in range(4):
            QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
            self.ci.setGeometry(frame)
            self.ci.layout.activate()
            self.plot.layout.activate()
            if self.ci.geometry().height() <= frame.height() + 0.5:
                break
        self.fit_value_labels()

    def _bar_paint(self, bar) -> tuple[QBrush, object, QColor]:
        """Brush, pen and colour of a bar: marked when selected, hatched and dashed when the
        figure is approximate."""
        c, s = STYLES[self.style_name], self.scale
        about = bar.qualifier == "about"
        colour = QColor(c["select"] if bar.fact_id == self.selected else (c["about"] if about else c["bar"]))
        brush = QBrush(colour, Qt.BrushStyle.BDiagPattern) if about else QBrush(colour)
        pen = pg.mkPen(colour, width=max(1.0, 1.5 * s),
                       style=Qt.PenStyle.DashLine if about else Qt.PenStyle.SolidLine)
        return brush, pen, colour

    def select(self, fact_id: str | None) -> None:
        """Mark this fact's bar (None: no bar): the two bars concerned are recoloured in place;
        no plot item is made or removed."""
        if fact_id == self.selected:
            return
        previous, self.selected = self.selected, fact_id
        for fid in (previous, fact_id):
            parts = self._parts.get(fid)
            if parts is None:
                continue
            bar, item, ext, arrow, open_end = parts
            brush, pen, colour = self._bar_paint(bar)
            item.setOpts(brush=brush, pen=pen)
            if ext is not None:
                ext.setOpts(brush=_fade(colour, bar.value, open_end))
            if arrow is not None:
                arrow.setStyle(brush=colour)

    def bar_colour(self, fact_id: str) -> str:
        """The colour a bar is drawn in, as #rrggbb (what a reader sees marked)."""
        return QBrush(self._parts[fact_id][1].opts["brush"]).color().name()

    # ---- reading back (tests and accessibility)
    def bar_values(self) -> list[tuple[str, float]]:
        return [(item.fact_id, float(item.opts["width"][0])) for item in self._bars]

    def value_labels(self) -> list[str]:
        return [label.textItem.toPlainText() for label in self._value_labels]

    def axis_labels(self) -> list[str]:
        """The bars' labels as the axis draws them, first bar first (lines joined by "\n")."""
        return [label for _y, label in (self._ticks or [[]])[0]]

    # ---- interaction
    def _bar_at(self, scene_pos) -> str | None:
        if self.spec is None or not self.plot.sceneBoundingRect().contains(scene_pos):
            return None
        point = self.plot.vb.mapSceneToView(scene_pos)
        n = len(self.spec.bars)
        index = n - 1 - int(math.floor(point.y() + 0.5))
        if 0 <= index < n and abs(point.y() - _row(index, n)) <= 0.4 and point.x() >= 0:
            return self.spec.bars[index].fact_id
        return None

    def _clicked(self, event) -> None:
        fid = self._bar_at(event.scenePos())
        if fid:
            self.barClicked.emit(fid)

    def _hovered(self, scene_pos) -> None:
        fid = self._bar_at(scene_pos)
        if fid is None:
            QToolTip.hideText()
            return
        bar = next(b for b in self.spec.bars if b.fact_id == fid)
        view = self.mapFromScene(scene_pos)
        QToolTip.showText(self.mapToGlobal(view), plain_tooltip(f"{bar.label}\n{bar.figure}"), self)

    def bar_scene_point(self, fact_id: str) -> QPointF:
        """The middle of a bar in scene coordinates (for keyboard access and tests)."""
        n = len(self.spec.bars)
        index = [b.fact_id for b in self.spec.bars].index(fact_id)
        bar = self.spec.bars[index]
        return self.plot.vb.mapViewToScene(QPointF(bar.value / 2, _row(index, n)))


def _fade(colour: QColor, start: float, length: float) -> QBrush:
    """The open end of a "more than" bar: its colour fading out over ``length``."""
    grad = QLinearGradient(QPointF(start, 0), QPointF(start + length, 0))
    grad.setColorAt(0, colour)
    faded = QColor(colour)
    faded.setAlpha(0)
    grad.setColorAt(1, faded)
    grad.setCoordinateMode(QLinearGradient.CoordinateMode.LogicalMode)
    return QBrush(grad)

