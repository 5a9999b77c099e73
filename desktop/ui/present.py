"""Presentation mode: one fact per screen in large type, for a conference hall or a booth.

F5 presents the facts of the selected theme (or of the search result) in tree order from the
first; Shift+F5 from the current fact. Each screen shows the figure, the fact's title and
statement, who states it with the citation and date, and the theme's chart with this fact's bar
picked out. Clicker keys (PageDown/PageUp), arrows, Space/Backspace, Home/End move; B or "."
blanks the screen; T switches between the dark and the light projector theme; L switches the
language; Esc returns to the browser on the fact that was shown.

Kiosk mode (``--kiosk``, or the setting ``Present/kiosk``) is for a booth: after
``Present/kiosk_idle_minutes`` (default 3) without input the window goes back to the overview and
cycles the headline facts; any key or click hands the browser back to the visitor. Its clock is
injectable (:class:`Kiosk` ``clock`` and :meth:`Kiosk.tick`) so it can be driven without waiting.
"""

from __future__ import annotations

import logging
import time
from typing import Callable

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QTimer, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

from desktop.app import app_font, running_offscreen
from desktop.domain.charts import ChartSpec, chart_specs
from desktop.domain.dataset import Dataset, ThemeNode
from desktop.domain.facts import fact_figure
from desktop.domain.formatting import format_as_of, format_figure
from desktop.ui.chart_style import STYLES as CHART_STYLES
from desktop.ui.chart_style import wrap_label

log = logging.getLogger(__name__)

SETTINGS_GROUP = "Present"
CURSOR_HIDE_MS = 2000
KIOSK_IDLE_MINUTES = 3.0
KIOSK_CYCLE_SECONDS = 8.0
KIOSK_POLL_MS = 1000

#: Projector themes: high contrast both ways; the background matches the chart's own style.
THEMES = {
    "dark": {"bg": CHART_STYLES["dark"]["bg"], "fg": "#f0f3f6", "muted": "#b1bac4",
             "figure": "#ffa657", "chart": "dark"},
    "light": {"bg": CHART_STYLES["light"]["bg"], "fg": "#1b1f24", "muted": "#4d5761",
              "figure": "#b3400b", "chart": "light"},
}

K = Qt.Key
NEXT_KEYS = {K.Key_PageDown, K.Key_Right, K.Key_Space, K.Key_Down}
PREV_KEYS = {K.Key_PageUp, K.Key_Left, K.Key_Backspace, K.Key_Up}
BLANK_KEYS = {K.Key_B, K.Key_Period}
NAV_KEYS = NEXT_KEYS | PREV_KEYS | {K.Key_Home, K.Key_End}

# Type sizes as fractions of the frame height (of a 16:9 frame that fits the screen), so the
# figure reads from the back of a room at 1280×720 and stays in proportion at 3840×2160.
SIZES_WITH_FIGURE = {"crumbs": 0.026, "figure": 0.15, "unit": 0.06, "title": 0.052,
                     "statement": 0.038, "source": 0.025}
SIZES_TEXT_ONLY = {"crumbs": 0.028, "figure": 0.15, "unit": 0.06, "title": 0.068,
                   "statement": 0.048, "source": 0.027}
MARK_SIZE = 0.024
SHRINK_STEPS = [1.0 - 0.04 * i for i in range(16)]  # down to 40 %: long statements shrink to fit


def _settings_float(settings, key: str, default: float, low: float, high: float) -> float:
    raw = settings.value(key, default)
    try:
        value = float(raw)
    except (TypeError, ValueError):
        log.warning("setting %s=%r is not a number; using %s", key, raw, default)
        return default
    if not low <= value <= high:
        log.warning("setting %s=%r is out of range; using %s", key, raw, default)
        return default
    return value


def _settings_bool(settings, key: str) -> bool:
    raw = settings.value(key, False)
    if isinstance(raw, str):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    return bool(raw)


def _label(name: str, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setAccessibleName(name)
    label.setTextFormat(Qt.TextFormat.PlainText)  # dataset text is never markup
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
    label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
    label.setProperty("bold", bold)
    return label


class PresentationView(QWidget):
    """The full-screen presentation window of one MainWindow (made once, reused)."""

    factShown = Signal(str)
    closed = Signal(str)

    def __init__(self, browser):
        super().__init__(browser, Qt.WindowType.Window)
        self.browser = browser
        self.setObjectName("presentation")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.dataset: Dataset | None = None
        self.deck: list[str] = []
        self.index = 0
        self.kiosk = False
        self.wrap = False
        self.chart_theme: ThemeNode | None = None
        self.blanked = False
        self.theme = browser.settings.value(f"{SETTINGS_GROUP}/theme", "dark", type=str)
        if self.theme not in THEMES:
            self.theme = "dark"
        self.spec: ChartSpec | None = None
        self._spec_cache: dict[tuple[str, str], list[ChartSpec]] = {}
        self._unit = 720.0
        self._cursor_hidden = False
        self._last_mouse: QPoint | None = None
        self._filtering = False

        self.crumbs = _label("crumbs")
        self.figure = _label("figure", bold=True)
        self.unit = _label("unit", bold=True)
        self.title = _label("title", bold=True)
        self.statement = _label("statement")
        self.source = _label("source")
        self.text_labels = [self.crumbs, self.figure, self.unit, self.title, self.statement,
                            self.source]
        self._figure_parts = ("", "")
        self.mark = QLabel()
        self.mark.setObjectName("position")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignBottom)
        self.hint = QLabel()
        self.hint.setObjectName("kiosk hint")
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignBottom)
        for label in self.text_labels + [self.mark, self.hint]:
            label.setParent(self)
        self.canvas = None  # a ChartCanvas, made when the first chart is shown
        self.blank = QWidget(self)
        self.blank.setObjectName("blank")
        self.blank.setAutoFillBackground(True)
        palette = self.blank.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor("#000000"))
        self.blank.setPalette(palette)
        self.blank.hide()

        self.cursor_timer = QTimer(self)
        self.cursor_timer.setSingleShot(True)
        self.cursor_timer.setInterval(CURSOR_HIDE_MS)
        self.cursor_timer.timeout.connect(self._hide_cursor)
        browser.languageChanged.connect(self._language_changed)
        self._apply_theme()
        self.retranslate()

    # ------------------------------------------------------------------ what is shown
    @property
    def fact_id(self) -> str | None:
        return self.deck[self.index] if self.deck else None

    @property
    def lang(self) -> str:
        return self.browser.lang

    def figure_text(self) -> str:
        """The figure as shown, its unit included (the unit may stand on a line of its own)."""
        return " ".join(t for t in (self.figure.text(), self.unit.text()) if t)

    def position_text(self) -> str:
        return f"{self.index + 1} / {len(self.deck)}" if self.deck else ""

    def start(self, deck: list[str], index: int = 0, *, kiosk: bool = False,
              chart_theme: ThemeNode | None = None) -> None:
        self.dataset = self.browser.dataset
        self.deck = [f for f in deck if self.dataset is not None and f in self.dataset.facts.index]
        self.index = min(max(index, 0), max(len(self.deck) - 1, 0))
        self.kiosk = kiosk
        self.wrap = kiosk
        self.chart_theme = chart_theme
        self._spec_cache.clear()
        self.blanked = False
        self.blank.hide()
        self.retranslate()
        screen = self.browser.screen()
        if screen is not None:
            self.setGeometry(screen.geometry())
        if running_offscreen():  # no real screen to fill; tests and headless runs
            self.show()
        else:
            self.showFullScreen()
            self.raise_()
            self.activateWindow()
        self.setFocus(Qt.FocusReason.OtherFocusReason)
        if not self._filtering:
            QApplication.instance().installEventFilter(self)
            self._filtering = True
        self._last_mouse = QCursor.pos()
        self.cursor_timer.start()
        self.refresh()

    def refresh(self) -> None:
        ds, fid, lang = self.dataset, self.fact_id, self.lang
        if ds is None or fid is None:
            for label in self.text_labels:
                label.clear()
            self.mark.clear()
            self._set_chart(None)
            return
        zh = lang == "zh"
        row = ds.facts.loc[fid]
        theme = ds.theme_of(fid)
        self.crumbs.setText(" › ".join(n.title(lang) for n in theme.path()))
        figure = fact_figure(ds, fid, lang)
        number = format_figure(row["value"], row["qualifier"], lang)
        unit = row["unit_zh"] if zh else row["unit_en"]
        # a long English unit may go on a line of its own (see _relayout); the words stay the same
        self._figure_parts = (number, unit) if figure and not zh and unit and \
            figure == f"{number} {unit}" else (figure, "")
        self.figure.setText(figure)
        self.figure.setVisible(bool(figure))
        self.unit.clear()
        self.title.setText(row["title_zh"] if zh else row["title_en"])
        self.statement.setText(row["text_zh"] if zh else row["text_en"])
        self.source.setText(self._source_line(row))
        self.mark.setText(self.position_text())
        self._set_chart(self._spec_for(fid) if figure else None)
        self._relayout()
        self.factShown.emit(fid)

    def _source_line(self, row) -> str:
        ds, lang = self.dataset, self.lang
        who = ds.name("attribution", row["attribution"], lang)
        parts = [self.tr("Stated by: %1").replace("%1", who),
                 self.tr("Source: %1").replace("%1", ds.citation(row["source"], lang))]
        if row["as_of"]:
            parts.append(format_as_of(row["as_of"], lang))
        return "  ·  ".join(parts)

    def _spec_for(self, fid: str) -> ChartSpec | None:
        ds = self.dataset
        themes = [self.chart_theme] if self.chart_theme is not None else []
        themes.append(ds.theme_of(fid))
        for theme in themes:
            key = (theme.id, self.lang)
            if key not in self._spec_cache:
                self._spec_cache[key] = chart_specs(ds, theme, self.lang)
            for spec in self._spec_cache[key]:
                if any(bar.fact_id == fid for bar in spec.bars):
                    return spec
        return None

    # ------------------------------------------------------------------ moving
    def go_to(self, index: int) -> None:
        if not self.deck:
            return
        if self.wrap:
            index %= len(self.deck)
        index = min(max(index, 0), len(self.deck) - 1)
        if index != self.index:
            self.index = index
            self.refresh()

    def step(self, delta: int) -> None:
        self.go_to(self.index + delta)

    def set_blank(self, on: bool) -> None:
        self.blanked = on
        self.blank.setGeometry(self.rect())
        self.blank.setVisible(on)
        if on:
            self.blank.raise_()

    def toggle_theme(self) -> None:
        self.theme = "light" if self.theme == "dark" else "dark"
        self.browser.settings.setValue(f"{SETTINGS_GROUP}/theme", self.theme)
        self._apply_theme()
        self.refresh()

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt naming
        key = event.key()
        if key == K.Key_Escape:
            self.close()
        elif key in BLANK_KEYS:
            self.set_blank(not self.blanked)
        elif key in NAV_KEYS and self.blanked:
            self.set_blank(False)  # back to the screen that was blanked, without moving on
        elif key in NEXT_KEYS:
            self.step(1)
        elif key in PREV_KEYS:
            self.step(-1)
        elif key == K.Key_Home:
            self.go_to(0)
        elif key == K.Key_End:
            self.go_to(len(self.deck) - 1)
        elif key == K.Key_T:
            self.toggle_theme()
        elif key == K.Key_L:
            self.browser.toggle_language()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        fid = self.fact_id
        self._stop_watching()
        self.set_blank(False)
        super().closeEvent(event)
        if fid is not None and self.browser.dataset is self.dataset:
            self.browser.select_fact(fid)
        if not running_offscreen():
            self.browser.activateWindow()
        self.closed.emit(fid or "")

    # ------------------------------------------------------------------ the mouse cursor
    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.MouseMove and self.isVisible():
            pos = event.globalPosition().toPoint()
            if pos != self._last_mouse:  # a window appearing under a still mouse is no movement
                self._last_mouse = pos
                self._show_cursor()
                self.cursor_timer.start()
        return False

    def _hide_cursor(self) -> None:
        if self.isVisible() and not self._cursor_hidden:
            QApplication.setOverrideCursor(QCursor(Qt.CursorShape.BlankCursor))
            self._cursor_hidden = True

    def _show_cursor(self) -> None:
        if self._cursor_hidden:
            QApplication.restoreOverrideCursor()
            self._cursor_hidden = False

    def _stop_watching(self) -> None:
        self.cursor_timer.stop()
        self._show_cursor()
        if self._filtering:
            QApplication.instance().removeEventFilter(self)
            self._filtering = False

    # ------------------------------------------------------------------ words and colours
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Presentation"))
        self.setAccessibleName(self.tr("Presentation"))
        self.mark.setAccessibleName(self.tr("Position in the presentation"))
        hint = self.tr("Press any key or click to explore the facts")
        self.hint.setText(hint if self.kiosk else "")
        self.hint.setVisible(self.kiosk)

    def changeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _language_changed(self, _lang: str) -> None:
        if self.isVisible():
            self.retranslate()
            self.refresh()

    def _apply_theme(self) -> None:
        colours = THEMES[self.theme]
        palette = self.palette()
        palette.setColor(QPalette.ColorRole.Window, QColor(colours["bg"]))
        palette.setColor(QPalette.ColorRole.WindowText, QColor(colours["fg"]))
        self.setPalette(palette)
        roles = {self.figure: "figure", self.unit: "figure", self.crumbs: "muted",
                 self.source: "muted", self.mark: "muted", self.hint: "muted"}
        for label in self.text_labels + [self.mark, self.hint]:
            p = label.palette()
            p.setColor(QPalette.ColorRole.WindowText, QColor(colours[roles.get(label, "fg")]))
            label.setPalette(p)
        if self.canvas is not None:
            self.canvas.set_style(colours["chart"])

    # ------------------------------------------------------------------ layout
    def resizeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        super().resizeEvent(event)
        self.blank.setGeometry(self.rect())
        self._relayout()

    def _relayout(self) -> None:
        w, h = self.width(), self.height()
        if w < 50 or h < 50:
            return
        u = min(h, w * 9 / 16)  # the height of the largest 16:9 frame on this screen
        self._unit = u
        margin_x, margin_top, margin_bottom = round(0.07 * u), round(0.06 * u), round(0.075 * u)
        content = QRect(margin_x, margin_top, w - 2 * margin_x, h - margin_top - margin_bottom)
        mark_px = max(8, round(MARK_SIZE * u))
        self.mark.setFont(self._font(mark_px))
        self.hint.setFont(self._font(mark_px))
        mark_h = round(mark_px * 1.6)
        self.mark.setGeometry(margin_x, h - margin_bottom // 2 - mark_h // 2 - mark_h // 4,
                              w - 2 * margin_x, mark_h)
        self.hint.setGeometry(self.mark.geometry())
        has_figure = bool(self.figure.text())
        if self.spec is not None:
            gap = round(0.05 * u)
            if w >= h * 1.2:  # landscape: text beside the chart
                text_w = round(content.width() * 0.44)
                column = QRect(content.left(), content.top(), text_w, content.height())
                chart = QRect(content.left() + text_w + gap, content.top(),
                              content.width() - text_w - gap, content.height())
            else:  # portrait: chart below
                text_h = round(content.height() * 0.52)
                column = QRect(content.left(), content.top(), content.width(), text_h)
                chart = QRect(content.left(), content.top() + text_h + gap, content.width(),
                              content.height() - text_h - gap)
            self._place_chart(chart)
        else:
            width = min(content.width(), round(1.35 * u))
            column = QRect(content.left() + (content.width() - width) // 2, content.top(),
                           width, content.height())
        sizes = SIZES_WITH_FIGURE if has_figure else SIZES_TEXT_ONLY
        self._split_figure(column.width(), sizes["figure"] * u)
        self._fit_text(column, sizes)
        self.mark.raise_()
        if self.blanked:
            self.blank.raise_()

    def _split_figure(self, width: int, figure_px: float) -> None:
        """“about 2 million” large, the unit below it, when both do not fit on one line."""
        number, unit = self._figure_parts
        if not number:
            return
        whole = f"{number} {unit}" if unit else number
        metrics = QFontMetricsF(self._font(figure_px * 0.7, True))
        split = bool(unit) and metrics.horizontalAdvance(whole) > width
        self.figure.setText(number if split else whole)
        self.unit.setText(unit if split else "")
        self.unit.setVisible(split)

    @staticmethod
    def _font(px: float, bold: bool = False):
        font = app_font(bold=bold)
        font.setPixelSize(max(6, int(round(px))))
        return font

    def _fit_text(self, column: QRect, sizes: dict[str, float]) -> None:
        """Largest type (up to the sizes given) at which the whole fact fits in the column."""
        u = self._unit
        labels = [(name, label) for name, label in
                  (("crumbs", self.crumbs), ("figure", self.figure), ("unit", self.unit),
                   ("title", self.title), ("statement", self.statement), ("source", self.source))
                  if label.text()]
        width = column.width()
        gap = 0.022 * u
        heights: list[int] = []
        for factor in SHRINK_STEPS:
            heights = []
            for name, label in labels:
                px = sizes[name] * u * factor
                if name == "figure":  # a figure reads best on one line: shrink it to the width
                    font = self._font(px, True)
                    advance = QFontMetricsF(font).horizontalAdvance(label.text())
                    if advance > width:
                        px = max(px * 0.55, px * width / advance * 0.98)
                label.setFont(self._font(px, label.property("bold")))
                heights.append(label.heightForWidth(width))
            total = sum(heights) + gap * (len(labels) - 1)
            if total <= column.height():
                break
        total = sum(heights) + gap * (len(labels) - 1)
        y = column.top() + max(0.0, (column.height() - total) / 2)
        previous = ""
        for (name, label), height in zip(labels, heights):
            if name == "unit" and previous == "figure":
                y -= gap * 0.8  # the unit belongs to its figure
            label.setGeometry(column.left(), round(y), width, height)
            y += height + gap
            previous = name

    # ------------------------------------------------------------------ the chart
    def _set_chart(self, spec: ChartSpec | None) -> None:
        """The chart is drawn (and made at the scale the screen calls for) in _relayout."""
        self.spec = spec
        if spec is None and self.canvas is not None:
            self.canvas.hide()

    def _chart_plan(self, rect: QRect) -> tuple[float, ChartSpec]:
        """The scale to draw at, and the spec to draw, so that everything fits the rectangle.

        As large as the screen calls for, down to what the bars need in height; the axis labels
        (at most two lines) get 40 % of the width. The canvas itself makes room for the figures
        at the end of the bars (ChartCanvas.fit_value_labels)."""
        spec = self.spec
        u = self._unit
        top = u / 720 * 1.45
        floor = u / 720 * 1.0  # still read from the back of a room
        fit_h = rect.height() / (130 + 40 * len(spec.bars))  # px at scale 1: titles, notes, bars
        labels = QFontMetricsF(self._font(13.5))
        label_w = max(labels.horizontalAdvance(line) for b in spec.bars
                      for line in wrap_label(b.label, spec.lang).split("\n")) + 14
        scale = max(0.6, min(top, fit_h, max(floor, rect.width() * 0.41 / label_w)))
        return round(scale, 2), spec

    def _place_chart(self, rect: QRect) -> None:
        scale, spec = self._chart_plan(rect)
        style = THEMES[self.theme]["chart"]
        if self.canvas is None or abs(self.canvas.scale - scale) > 0.03 * scale:
            old = self.canvas
            from desktop.ui.chart import ChartCanvas  # pyqtgraph: not on the start-up path
            self.canvas = ChartCanvas(self, style=style, scale=scale, interactive=False)
            self.canvas.setObjectName("presentation chart")
            self.canvas.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            self.canvas.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            if old is not None:
                old.hide()
                old.deleteLater()
        elif self.canvas.style_name != style:
            self.canvas.set_style(style)
        if self.canvas.spec != spec or self.canvas.selected != self.fact_id:
            self.canvas.selected = self.fact_id
            self.canvas.set_spec(spec)
        self.canvas.setGeometry(rect)
        self.canvas.show()
        self.canvas.settle()


# ---------------------------------------------------------------------- kiosk
class Kiosk(QObject):
    """Idle watch for a booth: after ``idle_minutes`` without input, cycle the headline facts.

    An application event filter notes the time of every key, click, wheel turn or mouse move;
    a coarse QTimer calls :meth:`tick`, which compares ``clock()`` (seconds, monotonic by default)
    with that time. Tests pass their own clock and call :meth:`tick` themselves."""

    started = Signal()
    stopped = Signal()

    INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseButtonDblClick,
             QEvent.Type.Wheel, QEvent.Type.TouchBegin, QEvent.Type.TabletPress,
             QEvent.Type.MouseMove}
    STOP = INPUT - {QEvent.Type.MouseMove}

    def __init__(self, window, idle_minutes: float = KIOSK_IDLE_MINUTES,
                 cycle_seconds: float = KIOSK_CYCLE_SECONDS,
                 clock: Callable[[], float] = time.monotonic):
        super().__init__(window)
        self.window = window
        self.idle_seconds = idle_minutes * 60.0
        self.cycle_seconds = cycle_seconds
        self.clock = clock
        self.active = False
        self.last_input = clock()
        self.last_step = self.last_input
        self._last_mouse: QPoint | None = None
        self.timer = QTimer(self)
        self.timer.setTimerType(Qt.TimerType.CoarseTimer)
        self.timer.setInterval(KIOSK_POLL_MS)
        self.timer.timeout.connect(self.tick)
        QApplication.instance().installEventFilter(self)
        self.timer.start()

    def shutdown(self) -> None:
        self.timer.stop()
        QApplication.instance().removeEventFilter(self)

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind not in self.INPUT:
            return False
        if kind == QEvent.Type.MouseMove:
            pos = event.globalPosition().toPoint()
            if pos == self._last_mouse:
                return False
            self._last_mouse = pos
        if self.active:
            if kind in self.STOP:
                self.stop()
                return True  # the key or click that wakes the booth does nothing else
            return False
        self.last_input = self.clock()
        return False

    def tick(self) -> None:
        now = self.clock()
        if not self.active:
            if now - self.last_input >= self.idle_seconds and self._can_start():
                self.start()
        elif now - self.last_step >= self.cycle_seconds:
            view = presentation_of(self.window)
            if view is None or not view.isVisible():
                self.active = False
                self.last_input = now
                return
            view.step(1)
            self.last_step = now

    def _can_start(self) -> bool:
        window = self.window
        if not window.isVisible():
            return False  # the window was closed
        view = presentation_of(window)
        if view is not None and view.isVisible():
            return False  # a speaker's presentation is never taken over
        if QApplication.activeModalWidget() is not None \
                or QApplication.activePopupWidget() is not None:
            return False
        return window.dataset is not None and bool(_kiosk_deck(window.dataset))

    def start(self) -> None:
        window = self.window
        deck = _kiosk_deck(window.dataset)
        if window.search.text():
            window.clear_search()
        window.select_overview()
        view = _view(window)
        self.active = True
        self.last_step = self.clock()
        view.start(deck, 0, kiosk=True, chart_theme=window.dataset.overview)
        log.info("kiosk: idle, cycling %d headline facts", len(deck))
        self.started.emit()

    def stop(self) -> None:
        self.active = False
        self.last_input = self.clock()
        view = presentation_of(self.window)
        if view is not None and view.isVisible():
            view.close()
        self.stopped.emit()

    def _view_closed(self, _fid: str) -> None:
        if self.active:
            self.active = False
            self.last_input = self.clock()
            self.stopped.emit()


def _kiosk_deck(dataset: Dataset) -> list[str]:
    return dataset.headline_facts() or dataset.quantitative(list(dataset.facts.index)) \
        or list(dataset.facts.index)


# ---------------------------------------------------------------------- commands
def presentation_of(window) -> PresentationView | None:
    return getattr(window, "_presentation", None)


def kiosk_of(window) -> Kiosk | None:
    return getattr(window, "_kiosk", None)


def _view(window) -> PresentationView:
    view = presentation_of(window)
    if view is None:
        view = PresentationView(window)
        window._presentation = view
        kiosk = kiosk_of(window)
        if kiosk is not None:
            view.closed.connect(kiosk._view_closed)
    return view


def _present(window, deck: list[str], index: int) -> None:
    if window.dataset is None or not deck:
        window.statusBar().showMessage(
            QApplication.translate("present", "There are no facts here to present."), 4000)
        return
    _view(window).start(deck, index)


def start_presentation(window) -> None:
    """F5: the selected theme's facts (or the search result), from the first."""
    _present(window, window.current_scope_facts(), 0)


def start_presentation_here(window) -> None:
    """Shift+F5: the same deck, from the fact on screen in the browser."""
    deck = window.current_scope_facts()
    fid = window.current_fact
    if fid is not None and fid not in deck:
        deck = [fid]
    _present(window, deck, deck.index(fid) if fid in deck else 0)


def enable_kiosk(window, idle_minutes: float | None = None,
                 clock: Callable[[], float] | None = None) -> Kiosk:
    """Kiosk mode on for this window (the ``--kiosk`` flag or the ``Present/kiosk`` setting)."""
    old = kiosk_of(window)
    if old is not None:
        old.shutdown()
        old.deleteLater()
    settings = window.settings
    if idle_minutes is None:
        idle_minutes = _settings_float(settings, f"{SETTINGS_GROUP}/kiosk_idle_minutes",
                                       KIOSK_IDLE_MINUTES, 0.1, 24 * 60)
    cycle = _settings_float(settings, f"{SETTINGS_GROUP}/kiosk_cycle_seconds",
                            KIOSK_CYCLE_SECONDS, 2, 600)
    kiosk = Kiosk(window, idle_minutes, cycle, clock or time.monotonic)
    window._kiosk = kiosk
    view = presentation_of(window)
    if view is not None:
        view.closed.connect(kiosk._view_closed)
    log.info("kiosk mode on: headline facts after %.1f idle minute(s)", idle_minutes)
    return kiosk


def install(window) -> None:
    window._presentation = None
    window._kiosk = None
    if _settings_bool(window.settings, f"{SETTINGS_GROUP}/kiosk"):
        enable_kiosk(window)
