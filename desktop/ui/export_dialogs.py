"""The export dialogs: a chart's size, format and background with a live preview of the image as
it will be written; a deck's scope and language."""

from __future__ import annotations

from PySide6.QtCore import (QCoreApplication, Qt, QTimer, Signal)
from PySide6.QtGui import (QColor, QImage, QPainter,
                           QPixmap)
from PySide6.QtWidgets import (QButtonGroup, QComboBox, QDialog, QDialogButtonBox,
                               QFormLayout, QHBoxLayout, QLabel, QRadioButton, QSpinBox, QVBoxLayout, QWidget)

from desktop.domain.charts import ChartSpec
from desktop.ui.chart.render import (DEFAULT_SIZE, MAX_SIDE, MIN_SIDE, PRESETS, TRANSPARENT, RenderError, render_preview)


translate = QCoreApplication.translate  # context "Export"; pyside6-lupdate reads these calls


class ExportChartDialog(QDialog):
    """Format, size (presets or custom) and background of an exported chart, with a preview of
    the image as it will be written, redrawn as the choices change."""

    #: the preview shows the image at most this large (logical pixels)
    PREVIEW_BOX = (480, 300)
    previewUpdated = Signal()

    def __init__(self, parent: QWidget | None = None, size: tuple[int, int] = DEFAULT_SIZE,
                 style: str = "light", spec: ChartSpec | None = None, fmt: str = "png"):
        super().__init__(parent)
        self.setObjectName("export chart")
        self.setWindowTitle(self.tr("Export chart"))
        self.spec = spec
        self.png = QRadioButton(self.tr("PNG image"))
        self.png.setObjectName("png")
        self.svg = QRadioButton(self.tr("SVG (vector, text stays text)"))
        self.svg.setObjectName("svg")
        self.formats = QButtonGroup(self)
        for button in (self.png, self.svg):
            self.formats.addButton(button)
        (self.svg if fmt == "svg" else self.png).setChecked(True)
        format_row = _row(self.png, self.svg)
        self.preset = QComboBox()
        self.preset.setObjectName("size preset")
        names = {
            (1920, 1080): self.tr("1920 × 1080 — 16:9 slide"),
            (1280, 720): self.tr("1280 × 720 — 16:9, small"),
            (3840, 2160): self.tr("3840 × 2160 — 16:9, 4K"),
            (1080, 1080): self.tr("1080 × 1080 — square"),
        }
        self._sizes: list[tuple[int, int] | None] = [(w, h) for w, h, _what in PRESETS] + [None]
        for preset in self._sizes[:-1]:
            self.preset.addItem(names.get(preset, f"{preset[0]} × {preset[1]}"))
        self.preset.addItem(self.tr("Custom size"))
        self.width_box, self.height_box = QSpinBox(), QSpinBox()
        for box, name in ((self.width_box, "width"), (self.height_box, "height")):
            box.setObjectName(name)
            box.setRange(MIN_SIDE, MAX_SIDE)
            box.setSuffix(" px")
            box.setAccessibleName(self.tr("Width") if name == "width" else self.tr("Height"))
        custom = _row(self.width_box, QLabel("×"), self.height_box)
        self.light = QRadioButton(self.tr("Light (white background)"))
        self.light.setObjectName("light")
        self.dark = QRadioButton(self.tr("Dark background"))
        self.dark.setObjectName("dark")
        self.transparent = QRadioButton(self.tr("Transparent (for light and dark slides)"))
        self.transparent.setObjectName("transparent")
        self.styles = QButtonGroup(self)
        for button in (self.light, self.dark, self.transparent):
            self.styles.addButton(button)
        {"dark": self.dark, TRANSPARENT: self.transparent}.get(style, self.light).setChecked(True)
        background = _row(self.light, self.dark, self.transparent)
        self.preview = QLabel()
        self.preview.setObjectName("preview")
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setMinimumSize(*self.PREVIEW_BOX)
        self.preview.setAccessibleName(self.tr("Preview"))
        #: what the preview shows: the image (before the backdrop) and the choices it shows
        self.preview_image: QImage | None = None
        self.preview_key: tuple | None = None
        self._pending = QTimer(self)
        self._pending.setSingleShot(True)
        self._pending.setInterval(60)  # a spin box held down redraws once it rests
        self._pending.timeout.connect(self.update_preview)
        self.buttons = _export_buttons(self, self.tr("Export…"))
        form = QFormLayout(self)
        form.addRow(self.tr("Format:"), format_row)
        form.addRow(self.tr("Size:"), self.preset)
        form.addRow(self.tr("Custom:"), custom)
        form.addRow(self.tr("Background:"), background)
        if spec is not None:
            form.addRow(self.tr("Preview:"), self.preview)
        else:
            self.preview.hide()
        form.addRow(self.buttons)
        self.preset.currentIndexChanged.connect(self._preset_changed)
        self.set_size(*size)
        for box in (self.width_box, self.height_box):
            box.valueChanged.connect(self._schedule_preview)
        self.styles.buttonToggled.connect(lambda _b, on: on and self._schedule_preview())
        if spec is not None:
            self.update_preview()

    def set_size(self, width: int, height: int) -> None:
        self.width_box.setValue(width)
        self.height_box.setValue(height)
        size = (self.width_box.value(), self.height_box.value())
        self.preset.setCurrentIndex(self._sizes.index(size) if size in self._sizes
                                    else len(self._sizes) - 1)
        self._preset_changed()

    def _preset_changed(self, _index: int = 0) -> None:
        size = self._sizes[max(0, self.preset.currentIndex())]
        custom = size is None
        self.width_box.setEnabled(custom)
        self.height_box.setEnabled(custom)
        if not custom:
            self.width_box.setValue(size[0])
            self.height_box.setValue(size[1])

    def chosen_size(self) -> tuple[int, int]:
        return self.width_box.value(), self.height_box.value()

    def chosen_style(self) -> str:
        """light, dark or transparent."""
        if self.transparent.isChecked():
            return TRANSPARENT
        return "dark" if self.dark.isChecked() else "light"

    def chosen_format(self) -> str:
        return "svg" if self.svg.isChecked() else "png"

    # ---- the preview
    def _schedule_preview(self, *_args) -> None:
        if self.spec is not None:
            self._pending.start()

    def update_preview(self) -> None:
        """Draw the image as it will be written (same layout), scaled into the preview; a
        transparent one over a checkerboard, so what shows through is plain to see."""
        self._pending.stop()
        if self.spec is None:
            return
        key = (*self.chosen_size(), self.chosen_style())
        ratio = self.devicePixelRatioF()
        box = (round(self.PREVIEW_BOX[0] * ratio), round(self.PREVIEW_BOX[1] * ratio))
        try:
            image = render_preview(self.spec, *key[:2], key[2], box)
        except RenderError as exc:
            self.preview.setText(str(exc))
            return
        self.preview_image, self.preview_key = image, key
        shown = QImage(image.size(), QImage.Format.Format_RGB32)
        painter = QPainter(shown)
        if key[2] == TRANSPARENT:
            painter.drawTiledPixmap(shown.rect(), _checkerboard(max(4, round(8 * ratio))))
        painter.drawImage(0, 0, image)
        painter.end()
        pixmap = QPixmap.fromImage(shown)
        pixmap.setDevicePixelRatio(ratio)
        self.preview.setPixmap(pixmap)
        self.preview.setToolTip(f"{key[0]} × {key[1]}")
        self.previewUpdated.emit()


def _row(*widgets: QWidget) -> QWidget:
    row = QWidget()
    layout = QHBoxLayout(row)
    layout.setContentsMargins(0, 0, 0, 0)
    for widget in widgets:
        layout.addWidget(widget)
    layout.addStretch(1)
    return row


def _export_buttons(dialog: QDialog, ok_text: str) -> QDialogButtonBox:
    """OK (named for what it does) and Cancel, wired to the dialog."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                               | QDialogButtonBox.StandardButton.Cancel)
    buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def _checkerboard(cell: int) -> QPixmap:
    tile = QPixmap(2 * cell, 2 * cell)
    tile.fill(QColor("#ffffff"))
    painter = QPainter(tile)
    painter.fillRect(0, 0, cell, cell, QColor("#c8ccd0"))
    painter.fillRect(cell, cell, cell, cell, QColor("#c8ccd0"))
    painter.end()
    return tile


class ExportDeckDialog(QDialog):
    """What goes into a PowerPoint deck (the view on screen or the whole dataset) and in which
    language."""

    def __init__(self, parent: QWidget | None, scope_title: str | None, lang: str):
        super().__init__(parent)
        self.setObjectName("export deck")
        self.setWindowTitle(self.tr("Export deck"))
        self.this_view = QRadioButton(self.tr("This view: %1").replace("%1", scope_title or ""))
        self.this_view.setObjectName("this view")
        self.whole = QRadioButton(self.tr("The whole dataset: every chart and the headline figures"))
        self.whole.setObjectName("whole dataset")
        self.what = QButtonGroup(self)
        self.what.addButton(self.this_view)
        self.what.addButton(self.whole)
        if scope_title:
            self.this_view.setChecked(True)
        else:
            self.this_view.setEnabled(False)
            self.this_view.setText(self.tr("This view (nothing is selected)"))
            self.whole.setChecked(True)
        what = QWidget()
        column = QVBoxLayout(what)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.this_view)
        column.addWidget(self.whole)
        self.chinese = QRadioButton("中文")
        self.chinese.setObjectName("zh")
        self.english = QRadioButton("English")
        self.english.setObjectName("en")
        self.langs = QButtonGroup(self)
        self.langs.addButton(self.chinese)
        self.langs.addButton(self.english)
        (self.english if lang == "en" else self.chinese).setChecked(True)
        note = QLabel(self.tr("16:9 slides with charts you can edit in PowerPoint, Keynote or "
                              "LibreOffice: the numbers are in each chart's data sheet."))
        note.setWordWrap(True)
        self.buttons = _export_buttons(self, self.tr("Export…"))
        form = QFormLayout(self)
        form.addRow(self.tr("Slides of:"), what)
        form.addRow(self.tr("Language:"), _row(self.chinese, self.english))
        form.addRow(note)
        form.addRow(self.buttons)

    def whole_dataset(self) -> bool:
        return self.whole.isChecked()

    def chosen_lang(self) -> str:
        return "en" if self.english.isChecked() else "zh"
