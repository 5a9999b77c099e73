"""The export dialogs driven as a user does: the chart dialog's live preview (size, theme,
background), SVG and transparent PNG from File → Export chart…, and File → Export deck…
(Ctrl+Shift+E) for the view on screen or the whole dataset, in the language chosen."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from pptx import Presentation
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QKeySequence
from PySide6.QtWidgets import QDialog, QFileDialog

from desktop.domain.charts import chart_specs
from desktop.domain.export import all_chart_specs
from desktop.ui import export as ui_export
from desktop.ui.chart.render import TRANSPARENT, render_chart_image
from desktop.ui.chart.style import STYLES


class _SaveDialog:
    def __init__(self, answer):
        self.answer = answer
        self.calls = []

    def __call__(self, parent, caption, start, file_filter, *args, **kwargs):
        self.calls.append({"caption": caption, "start": start, "filter": file_filter})
        return (str(self.answer), file_filter)


def _spec(dataset, lang="en"):
    return next(s for s in all_chart_specs(dataset, lang) if s.key == "overview--centres")


def _similar(a: QImage, b: QImage) -> float:
    """Share of 64×36 cells whose colours agree within 40 levels (alpha included)."""
    a = a.convertToFormat(QImage.Format.Format_ARGB32).scaled(
        64, 36, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    b = b.convertToFormat(QImage.Format.Format_ARGB32).scaled(
        64, 36, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation)
    same = 0
    for y in range(36):
        for x in range(64):
            ca, cb = a.pixelColor(x, y), b.pixelColor(x, y)
            same += max(abs(ca.red() - cb.red()), abs(ca.green() - cb.green()),
                        abs(ca.blue() - cb.blue()), abs(ca.alpha() - cb.alpha())) <= 40
    return same / (64 * 36)


# --------------------------------------------------------------------------- the preview


def test_preview_follows_size_theme_and_background(qapp, qtbot, dataset):
    spec = _spec(dataset)
    dialog = ui_export.ExportChartDialog(None, (1920, 1080), "light", spec)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.preview.isVisible()
    assert dialog.preview_key == (1920, 1080, "light")
    image = dialog.preview_image
    assert image.width() <= dialog.PREVIEW_BOX[0] * dialog.devicePixelRatioF() + 1
    assert image.width() / image.height() == pytest.approx(16 / 9, rel=0.01)
    assert image.pixelColor(1, 1) == QColor(STYLES["light"]["bg"])
    # the preview is the image as it will be written, scaled down
    assert _similar(image, render_chart_image(spec, 1920, 1080, "light")) > 0.97

    with qtbot.waitSignal(dialog.previewUpdated, timeout=5000):
        dialog.preset.setCurrentIndex(3)  # 1080 × 1080
    assert dialog.preview_key == (1080, 1080, "light")
    assert dialog.preview_image.width() == dialog.preview_image.height()

    with qtbot.waitSignal(dialog.previewUpdated, timeout=5000):
        qtbot.mouseClick(dialog.dark, Qt.MouseButton.LeftButton)
    assert dialog.preview_key == (1080, 1080, "dark")
    assert dialog.preview_image.pixelColor(1, 1) == QColor(STYLES["dark"]["bg"])

    with qtbot.waitSignal(dialog.previewUpdated, timeout=5000):
        qtbot.mouseClick(dialog.transparent, Qt.MouseButton.LeftButton)
    assert dialog.chosen_style() == TRANSPARENT
    assert dialog.preview_image.pixelColor(1, 1).alpha() == 0
    shown = dialog.preview.pixmap().toImage()
    corner = {shown.pixelColor(x, y).name() for x in range(0, 24) for y in range(0, 24)}
    assert {"#ffffff", "#c8ccd0"} <= corner  # the checkerboard shows through

    # a custom size typed in: the preview follows once the typing rests
    dialog.preset.setCurrentIndex(dialog.preset.count() - 1)
    with qtbot.waitSignal(dialog.previewUpdated, timeout=5000):
        dialog.width_box.selectAll()
        qtbot.keyClicks(dialog.width_box, "2000")
        dialog.height_box.setValue(500)
    qtbot.waitUntil(lambda: dialog.preview_key == (2000, 500, TRANSPARENT), timeout=5000)
    assert dialog.preview_image.width() / dialog.preview_image.height() == \
        pytest.approx(4.0, rel=0.02)


def test_format_choice_and_the_chosen_values(qapp, qtbot, dataset):
    dialog = ui_export.ExportChartDialog(None, (1280, 720), "dark", _spec(dataset), fmt="svg")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert dialog.chosen_format() == "svg" and dialog.svg.isChecked()
    assert dialog.chosen_size() == (1280, 720) and dialog.chosen_style() == "dark"
    qtbot.mouseClick(dialog.png, Qt.MouseButton.LeftButton)
    assert dialog.chosen_format() == "png"
    plain = ui_export.ExportChartDialog(None)  # no chart: no preview
    qtbot.addWidget(plain)
    assert plain.preview_image is None and not plain.preview.isVisibleTo(plain)


# --------------------------------------------------------------------------- Export chart…


def _choose(size, style, fmt):
    def exec_(dialog):
        dialog.set_size(*size)
        {"light": dialog.light, "dark": dialog.dark, TRANSPARENT: dialog.transparent}[style].setChecked(True)
        (dialog.svg if fmt == "svg" else dialog.png).setChecked(True)
        return QDialog.DialogCode.Accepted
    return exec_


def test_export_chart_as_svg(window, tmp_path, monkeypatch, no_modal):
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", _choose((1280, 720), "light", "svg"))
    target = tmp_path / "chart"
    save = _SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    spec = window.current_spec()
    window.actions_by_id["export_chart"].trigger()
    written = target.with_name("chart.svg")
    root = ET.parse(written).getroot()
    assert (root.get("width"), root.get("height")) == ("1280", "720")
    text = "".join("".join(t.itertext()) for t in root.iter("{http://www.w3.org/2000/svg}text"))
    assert spec.title in text
    assert save.calls[0]["start"].endswith(".svg") and "*.svg" in save.calls[0]["filter"]
    assert window.settings.value("Export/format") == "svg"
    assert not no_modal["warning"]


def test_export_chart_as_transparent_png(window, tmp_path, monkeypatch, no_modal):
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec",
                        _choose((1280, 720), TRANSPARENT, "png"))
    target = tmp_path / "clear.png"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(target))
    window.actions_by_id["export_chart"].trigger()
    image = QImage(str(target))
    assert image.hasAlphaChannel() and image.pixelColor(2, 2).alpha() == 0
    assert window.settings.value("Export/style") == TRANSPARENT
    seen = {}

    def look(dialog):  # the next time, the dialog opens as it was left
        seen.update(style=dialog.chosen_style(), fmt=dialog.chosen_format(),
                    key=dialog.preview_key)
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", look)
    window.actions_by_id["export_chart"].trigger()
    assert seen == {"style": TRANSPARENT, "fmt": "png", "key": (1280, 720, TRANSPARENT)}


# --------------------------------------------------------------------------- Export deck…


def _deck_choice(whole: bool, lang: str, seen: dict | None = None):
    def exec_(dialog):
        if seen is not None:
            seen.update(this_view=dialog.this_view.isEnabled(), text=dialog.this_view.text(),
                        lang=dialog.chosen_lang())
        (dialog.whole if whole else dialog.this_view).setChecked(True)
        (dialog.english if lang == "en" else dialog.chinese).setChecked(True)
        return QDialog.DialogCode.Accepted
    return exec_


def test_ctrl_shift_e_exports_a_deck_of_the_view(window, qtbot, tmp_path, monkeypatch, no_modal,
                                                 dataset):
    action = window.actions_by_id["export_deck"]
    assert action.shortcut() == QKeySequence("Ctrl+Shift+E")
    assert action.isEnabled()
    index = window.model.find_group("s3")
    window.tree.setCurrentIndex(index)
    qtbot.waitUntil(lambda: getattr(window.current_scope(), "key", None) == "s3")
    scope = window.current_scope()
    seen = {}
    monkeypatch.setattr(ui_export.ExportDeckDialog, "exec", _deck_choice(False, "zh", seen))
    target = tmp_path / "talk"
    save = _SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, Qt.Key.Key_E,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    written = target.with_name("talk.pptx")
    qtbot.waitUntil(written.exists, timeout=10000)
    assert seen["this_view"] and scope.title("zh") in seen["text"] and seen["lang"] == "zh"
    assert save.calls[0]["start"].endswith("deck--s3.zh.pptx")
    prs = Presentation(io.BytesIO(written.read_bytes()))
    specs = chart_specs(dataset, scope, "zh")
    headline = [f for f in dataset.headline_facts() if f in scope]
    assert len(prs.slides) == 1 + len(specs) + len(headline)
    chart = next(s.chart for s in list(prs.slides)[1].shapes if s.has_chart)
    assert list(chart.plots[0].series[0].values) == [b.value for b in specs[0].bars]
    assert not no_modal["warning"]
    assert [p.name for p in tmp_path.iterdir() if p.name != "home"] == ["talk.pptx"]


def test_deck_of_the_whole_dataset_in_english(window, tmp_path, monkeypatch, no_modal, dataset):
    monkeypatch.setattr(ui_export.ExportDeckDialog, "exec", _deck_choice(True, "en"))
    target = tmp_path / "all.pptx"
    save = _SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.actions_by_id["export_deck"].trigger()
    assert save.calls[0]["start"].endswith("deck--all.en.pptx")
    prs = Presentation(str(target))
    specs = all_chart_specs(dataset, "en")
    assert len(prs.slides) == 1 + len(specs) + len(dataset.headline_facts())
    titles = [s.shapes.title.text for s in prs.slides]
    assert titles[1] == "Headline figures"
    assert window.statusBar().currentMessage().endswith(str(target))


def test_deck_write_error_is_shown_and_nothing_is_left(window, tmp_path, monkeypatch, no_modal):
    monkeypatch.setattr(ui_export.ExportDeckDialog, "exec", _deck_choice(True, "zh"))
    (tmp_path / "a-file").write_text("x")
    target = tmp_path / "a-file" / "deck.pptx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(target))
    window.actions_by_id["export_deck"].trigger()
    assert len(no_modal["warning"]) == 1 and str(target) in no_modal["warning"][0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a-file", "home"]
    assert window.isVisible()


def test_deck_dialog_without_a_view_offers_the_whole_dataset(qapp, qtbot):
    dialog = ui_export.ExportDeckDialog(None, None, "en")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert not dialog.this_view.isEnabled() and dialog.whole_dataset()
    assert dialog.chosen_lang() == "en"
    qtbot.mouseClick(dialog.chinese, Qt.MouseButton.LeftButton)
    assert dialog.chosen_lang() == "zh"
    cancelled = ui_export.ExportDeckDialog(None, "Overview", "zh")
    qtbot.addWidget(cancelled)
    assert cancelled.this_view.isChecked() and "Overview" in cancelled.this_view.text()
    assert not Path("deck--all.zh.pptx").exists()
