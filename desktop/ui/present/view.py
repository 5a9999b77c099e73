"""Presentation mode: one fact per screen in large type, for a conference hall or a booth.

F5 presents the facts of the selected theme (or of the search result) in tree order from the
first; Shift+F5 from the current fact. Each screen shows the figure, the fact's title and
statement, who states it with the citation and date, and the theme's chart with this fact's bar
picked out. Clicker keys (PageDown/PageUp), arrows, Space/Backspace, Home/End move; B or "."
blanks the screen; T switches between the dark and the light projector theme; L switches the
language; Esc returns to the browser on the fact that was shown.

Where things go is worked out in :mod:`desktop.ui.present.layout`; the booth's idle timer is
:mod:`desktop.ui.present.kiosk`; :class:`~desktop.ui.present.controller.Presenter` starts both.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, QPoint, QRect, QTimer, Qt, Signal
from PySide6.QtGui import QColor, QCursor, QFontMetricsF, QPalette
from PySide6.QtWidgets import QApplication, QLabel, QSizePolicy, QWidget

from desktop.domain.charts import ChartSpec, chart_specs
from desktop.domain.dataset import Dataset
from desktop.domain.scope import Scope, theme_scope
from desktop.domain.view import fact_view
from desktop.ui.chart.style import wrap_label
from desktop.ui.fonts import app_font
from desktop.ui.host import Host
from desktop.ui.palette import BLANK, PROJECTOR
from desktop.ui.platform import running_offscreen
from desktop.ui.present import SETTINGS_GROUP, layout

log = logging.getLogger(__name__)

CURSOR_HIDE_MS = 2000

THEMES = PROJECTOR

K = Qt.Key
NEXT_KEYS = {K.Key_PageDown, K.Key_Right, K.Key_Space, K.Key_Down}
PREV_KEYS = {K.Key_PageUp, K.Key_Left, K.Key_Backspace, K.Key_Up}
BLANK_KEYS = {K.Key_B, K.Key_Period}
NAV_KEYS = NEXT_KEYS | PREV_KEYS | {K.Key_Home, K.Key_End}
#: the keys of a presentation as F1 lists them (texts translated in context PresentationView)
KEY_HELP = (
    ("PageDown · → · ↓ · Space", QT_TRANSLATE_NOOP("PresentationView", "Next fact (a clicker's forward button)")),
    ("PageUp · ← · ↑ · Backspace", QT_TRANSLATE_NOOP("PresentationView", "Previous fact")),
    ("Home · End", QT_TRANSLATE_NOOP("PresentationView", "First or last fact")),
    ("B · .", QT_TRANSLATE_NOOP("PresentationView", "Blank the screen, and back")),
    ("T", QT_TRANSLATE_NOOP("PresentationView", "Dark or light projector theme")),
    ("L", QT_TRANSLATE_NOOP("PresentationView", "Chinese or English")),
    ("Esc", QT_TRANSLATE_NOOP("PresentationView", "Back to the browser, on the fact shown")),
)

def _label(name: str, bold: bool = False) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
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

    def __init__(self, host: Host):
        super().__init__(host.widget(), Qt.WindowType.Window)
        self.host = host
        self.setObjectName("presentation")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setAutoFillBackground(True)
        self.dataset: Dataset | None = None
        self.deck: list[str] = []
        self.index = 0
        self.kiosk = False
        self.wrap = False
        self.chart_scope: Scope | None = None
        self.blanked = False
        self.theme = host.settings.value(f"{SETTINGS_GROUP}/theme", "dark", type=str)
        if self.theme not in THEMES:
            self.theme = "dark"
        self.spec: ChartSpec | None = None
        self._spec_cache: dict[tuple[Scope, str], list[ChartSpec]] = {}
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
        palette.setColor(QPalette.ColorRole.Window, QColor(BLANK))
        self.blank.setPalette(palette)
        self.blank.hide()

        self.cursor_timer = QTimer(self)
        self.cursor_timer.setSingleShot(True)
        self.cursor_timer.setInterval(CURSOR_HIDE_MS)
        self.cursor_timer.timeout.connect(self._hide_cursor)
        host.languageChanged.connect(self._language_changed)
        self._apply_theme()
        self.retranslate()

    # ------------------------------------------------------------------ what is shown
    @property
    def fact_id(self) -> str | None:
        return self.deck[self.index] if self.deck else None

    @property
    def lang(self) -> str:
        return self.host.lang

    def figure_text(self) -> str:
        """The figure as shown, its unit included (the unit may stand on a line of its own)."""
        return " ".join(t for t in (self.figure.text(), self.unit.text()) if t)

    def position_text(self) -> str:
        return f"{self.index + 1} / {len(self.deck)}" if self.deck else ""

    def start(self, deck: list[str], index: int = 0, *, kiosk: bool = False,
              chart_scope: Scope | None = None) -> None:
        """Show ``deck`` from ``index``; a fact's chart is that of ``chart_scope`` when the fact
        is charted there (the overview's headline figures in a booth), else its theme's."""
        self.dataset = self.host.dataset
        self.deck = [f for f in deck if self.dataset is not None and f in self.dataset.facts.index]
        self.index = min(max(index, 0), max(len(self.deck) - 1, 0))
        self.kiosk = kiosk
        self.wrap = kiosk
        self.chart_scope = chart_scope
        self._spec_cache.clear()
        self.blanked = False
        self.blank.hide()
        self.retranslate()
        screen = self.host.widget().screen()
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
        view = fact_view(ds, fid, lang)
        self.crumbs.setText(" › ".join(view.theme_path))
        # a long English unit may go on a line of its own (see _relayout); the words stay the same
        self._figure_parts = (view.number, view.unit) if view.figure and lang != "zh" and \
            view.unit and view.figure == f"{view.number} {view.unit}" else (view.figure, "")
        self.figure.setText(view.figure)
        self.figure.setVisible(view.has_figure)
        self.unit.clear()
        self.title.setText(view.title)
        self.statement.setText(view.statement)
        self.source.setText(view.provenance())
        self.mark.setText(self.position_text())
        self._set_chart(self._spec_for(fid) if view.has_figure else None)
        self._relayout()
        self.factShown.emit(fid)

    def _spec_for(self, fid: str) -> ChartSpec | None:
        ds = self.dataset
        scopes = [self.chart_scope] if self.chart_scope is not None else []
        scopes.append(theme_scope(ds, ds.theme_of(fid)))
        for scope in scopes:
            key = (scope, self.lang)
            if key not in self._spec_cache:
                self._spec_cache[key] = chart_specs(ds, scope, self.lang)
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
        self.host.settings.setValue(f"{SETTINGS_GROUP}/theme", self.theme)
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
            self.host.toggle_language()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def closeEvent(self, event) -> None:  # noqa: N802 - Qt naming
        fid = self.fact_id
        self._stop_watching()
        self.set_blank(False)
        super().closeEvent(event)
        if fid is not None and self.host.dataset is self.dataset:
            self.host.select_fact(fid)
        if not running_offscreen():
            self.host.widget().activateWindow()
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
        for label, name in ((self.crumbs, self.tr("Where this is in the themes")),
                            (self.figure, self.tr("Figure")), (self.unit, self.tr("Unit")),
                            (self.title, self.tr("Title")), (self.statement, self.tr("Statement")),
                            (self.source, self.tr("Who states it, source and date")),
                            (self.hint, self.tr("Kiosk hint"))):
            label.setAccessibleName(name)
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
        screen = layout.lay_out(w, h, self.spec is not None)
        self._unit = u = screen.unit
        self.mark.setFont(self._font(screen.mark_px))
        self.hint.setFont(self._font(screen.mark_px))
        self.mark.setGeometry(_rect(screen.mark))
        self.hint.setGeometry(self.mark.geometry())
        if screen.chart is not None:
            self._place_chart(screen.chart)
        sizes = layout.SIZES_WITH_FIGURE if self.figure.text() else layout.SIZES_TEXT_ONLY
        self._split_figure(screen.column.w, sizes["figure"] * u)
        self._fit_text(screen.column, sizes)
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

    def _fit_text(self, column: layout.Box, sizes: dict[str, float]) -> None:
        """Largest type (up to the sizes given) at which the whole fact fits in the column."""
        u = self._unit
        labels = [(name, label) for name, label in
                  (("crumbs", self.crumbs), ("figure", self.figure), ("unit", self.unit),
                   ("title", self.title), ("statement", self.statement), ("source", self.source))
                  if label.text()]
        width = column.w
        gap = layout.TEXT_GAP * u
        heights: list[int] = []
        for factor in layout.SHRINK_STEPS:
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
            if sum(heights) + gap * (len(labels) - 1) <= column.h:
                break
        names = [name for name, _label in labels]
        tight = [name == "unit" and i > 0 and names[i - 1] == "figure" for i, name in enumerate(names)]
        for (_name, label), height, top in zip(labels, heights,
                                               layout.stack(column, heights, gap, tight)):
            label.setGeometry(column.x, top, width, height)

    # ------------------------------------------------------------------ the chart
    def _set_chart(self, spec: ChartSpec | None) -> None:
        """The chart is drawn (and made at the scale the screen calls for) in _relayout."""
        self.spec = spec
        if spec is None and self.canvas is not None:
            self.canvas.hide()

    def _place_chart(self, box: layout.Box) -> None:
        spec = self.spec
        labels = QFontMetricsF(self._font(13.5))
        label_w = max(labels.horizontalAdvance(line) for b in spec.bars
                      for line in wrap_label(b.label, spec.lang).split("\n"))
        scale = layout.chart_scale(self._unit, box, len(spec.bars), label_w)
        rect = _rect(box)
        style = THEMES[self.theme]["chart"]
        if self.canvas is None or abs(self.canvas.scale - scale) > 0.03 * scale:
            old = self.canvas
            from desktop.ui.chart.canvas import ChartCanvas  # pyqtgraph: not on the start-up path
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


def _rect(box: layout.Box) -> QRect:
    return QRect(box.x, box.y, box.w, box.h)
