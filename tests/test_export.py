"""Charts for slides (PNG, clipboard), the facts as CSV and the fact sheet PDF, driven the way a
user does it: shortcuts and menu actions of the real window, dialogs answered by monkeypatch."""

from __future__ import annotations

import dataclasses
import errno
import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pandas as pd
import pytest
from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from desktop.domain.charts import chart_specs
from desktop.domain.scope import theme_scope
from desktop.domain.export import (CSV_ENCODING, all_chart_specs, chart_file_name,
                                   chart_file_names, csv_columns, fact_sheet_html, facts_csv_bytes,
                                   inside, safe_stem)
from desktop.ui.chart.render import (PRESETS, RenderError, make_canvas, parse_size, render_chart_image,
                            render_chart_png)
from desktop.ui import export as ui_export

REPO = Path(__file__).resolve().parent.parent


# --------------------------------------------------------------------------- helpers


def _spec(dataset, theme="overview", lang="zh", index=0):
    return chart_specs(dataset, theme_scope(dataset, dataset.nodes[theme]), lang)[index]


def _ink(image: QImage, rect: QRectF, background: QColor) -> int:
    """Pixels in rect that are not the background colour (sampled every other pixel)."""
    bg = background.rgb()
    count = 0
    x0, y0 = max(0, int(rect.left())), max(0, int(rect.top()))
    x1, y1 = min(image.width(), int(rect.right()) + 1), min(image.height(), int(rect.bottom()) + 1)
    for y in range(y0, y1, 2):
        for x in range(x0, x1, 2):
            if image.pixel(x, y) != bg:
                count += 1
    return count


def _select_theme(window, qtbot, theme_id: str) -> None:
    index = window.model.find_group(theme_id)
    assert index.isValid()
    window.tree.setCurrentIndex(index)
    qtbot.waitUntil(lambda: getattr(window.current_scope(), "key", None) == theme_id)


class _SaveDialog:
    """Stands in for QFileDialog.getSaveFileName: records what it was asked, answers a path."""

    def __init__(self, answer):
        self.answer = answer
        self.calls = []

    def __call__(self, parent, caption, start, file_filter, *args, **kwargs):
        self.calls.append({"caption": caption, "start": start, "filter": file_filter,
                           "options": kwargs.get("options", args[1] if len(args) > 1 else None)})
        return (str(self.answer), file_filter)


def _accept_with(size, style="light"):
    def exec_(dialog):
        dialog.set_size(*size)
        (dialog.dark if style == "dark" else dialog.light).setChecked(True)
        return QDialog.DialogCode.Accepted
    return exec_


# --------------------------------------------------------------------------- rendering


@pytest.mark.parametrize("width,height",
                         [(w, h) for w, h, _ in PRESETS] + [(1001, 777), (320, 7680)])
def test_png_has_exactly_the_size_asked(qapp, dataset, width, height):
    for style in ("light", "dark"):
        data = render_chart_png(_spec(dataset), width, height, style)
        assert data[:8] == b"\x89PNG\r\n\x1a\n"
        image = QImage.fromData(data, "PNG")
        assert (image.width(), image.height()) == (width, height)


def test_sizes_out_of_bounds_are_refused(qapp, dataset):
    for bad in ("100x100", "8000x1080", "1920", "axb", "1920x1080x2", "-1920x1080", ""):
        with pytest.raises(RenderError):
            parse_size(bad)
    assert parse_size("1920×1080") == (1920, 1080)
    with pytest.raises(RenderError):
        render_chart_png(_spec(dataset), 1920, 1080, "neon")


@pytest.mark.parametrize("lang", ["zh", "en"])
@pytest.mark.parametrize("width,height", [(w, h) for w, h, _ in PRESETS] + [(7680, 320)])
def test_every_text_is_drawn_whole(qapp, dataset, lang, width, height):
    """Title, unit line, every bar label and figure as the spec states it, notes and footer:
    present, inside the image (nothing cropped), and inked."""
    from desktop.ui.chart.canvas import STYLES
    spec = _spec(dataset, "overview", lang)  # three bars, two-line labels in English
    canvas, source = make_canvas(spec, width, height)
    try:
        assert canvas.title.text() == spec.title
        assert canvas.subtitle.text() == spec.subtitle
        assert canvas.footer.text() == spec.footer
        assert canvas.notes.text() == "  ·  ".join(spec.notes)
        assert canvas.value_labels() == [b.figure for b in spec.bars]
        ratio = width / source.width()
        assert height / source.height() == pytest.approx(ratio, rel=1e-3)
        inner = source.adjusted(-0.5, -0.5, 0.5, 0.5)
        texts = [canvas.title, canvas.subtitle, canvas.notes, canvas.footer]
        for item in texts + list(canvas._value_labels):
            assert inner.contains(item.sceneBoundingRect()), item
        # every bar's label is drawn on the axis (the axis drops labels it has no room for)
        left = canvas.plot.getAxis("left")
        probe = QImage(10, 10, QImage.Format.Format_RGB32)
        from PySide6.QtGui import QPainter
        painter = QPainter(probe)
        painter.setFont(left.style["tickFont"])
        _axis, _ticks, label_specs = left.generateDrawSpecs(painter)
        painter.end()
        assert len(label_specs) == len(spec.bars)
        image = render_chart_image(spec, width, height)
        background = QColor(STYLES["light"]["bg"])
        for item in texts:
            band = item.sceneBoundingRect()
            band = QRectF(band.left() * ratio, band.top() * ratio,
                          band.width() * ratio, band.height() * ratio)
            assert _ink(image, band, background) > 0, item.text()
    finally:
        canvas.deleteLater()


def test_text_grows_with_the_image(qapp, dataset):
    """At 4K the title is twice as tall in pixels as at 1920×1080: the layout scales, it is not
    a small chart in a big frame."""
    spec = _spec(dataset)
    heights = []
    for width, height in ((1920, 1080), (3840, 2160)):
        canvas, source = make_canvas(spec, width, height)
        heights.append(canvas.title.sceneBoundingRect().height() * width / source.width())
        canvas.deleteLater()
    assert heights[1] == pytest.approx(2 * heights[0], rel=0.02)


def test_chinese_title_draws_real_glyphs_without_system_fonts(tmp_path):
    """With every system font hidden from fontconfig, the bundled font still draws the title:
    each character differs from the missing-glyph box, which a character outside the bundled
    subset does produce."""
    empty = tmp_path / "no-fonts"
    empty.mkdir()
    (tmp_path / "cache").mkdir()
    conf = tmp_path / "fonts.conf"
    conf.write_text(textwrap.dedent(f"""\
        <?xml version="1.0"?>
        <!DOCTYPE fontconfig SYSTEM "fonts.dtd">
        <fontconfig><dir>{empty}</dir><cachedir>{tmp_path / 'cache'}</cachedir></fontconfig>
        """), encoding="utf-8")
    script = textwrap.dedent("""\
        import json
        from desktop.app import create_app
        from desktop.ui.fonts import app_font
        app = create_app(["font-check"], error_hook=False)
        from PySide6.QtGui import QColor, QFontDatabase, QImage, QPainter
        from desktop.domain.charts import chart_specs
        from desktop.domain.scope import theme_scope
        from desktop.ui.chart.render import render_chart_image
        from desktop.domain.bundled import load_bundled

        def draw(text):
            image = QImage(120, 100, QImage.Format.Format_RGB32)
            image.fill(QColor("white"))
            painter = QPainter(image)
            painter.setFont(app_font(48))
            painter.setPen(QColor("black"))
            painter.drawText(10, 80, text)
            painter.end()
            return image

        def ink(image):
            return sum(image.pixelColor(x, y).lightness() < 128
                       for y in range(image.height()) for x in range(image.width()))

        dataset = load_bundled()
        spec = chart_specs(dataset, theme_scope(dataset, dataset.nodes["s3"]), "zh")[0]
        tofu = draw("\\ue000")
        chart = render_chart_image(spec, 1280, 720)
        print(json.dumps({
            "families": QFontDatabase.families(),
            "title": spec.title,
            "tofu_ink": ink(tofu),
            "tofu_is_stable": draw("\\ue123") == tofu,
            "outside_subset_is_tofu": draw("\\u9f98") == tofu,
            "glyphs": {ch: [draw(ch) != tofu, ink(draw(ch))] for ch in spec.title
                       if not ch.isspace() and ch not in "“”"},
            "chart_size": [chart.width(), chart.height()],
        }))
        """)
    env = {k: v for k, v in os.environ.items() if not k.startswith(("QT_", "FONTCONFIG"))}
    env.update(FONTCONFIG_FILE=str(conf), QT_QPA_PLATFORM="offscreen",
               BRI_FACTS_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    done = subprocess.run([sys.executable, "-c", script], env=env, cwd=REPO, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["title"] == "共享“一带一路”科技创新红利"
    # the host's fonts are really hidden: only the bundled family (and fontconfig's aliases)
    assert "BRI Noto Sans SC" in result["families"]
    assert not [f for f in result["families"]
                if f not in ("BRI Noto Sans SC", "Monospace", "Sans Serif", "Serif")]
    assert result["tofu_is_stable"] and result["tofu_ink"] > 0
    assert result["outside_subset_is_tofu"]  # the check can tell a box from a glyph
    assert result["glyphs"] and all(real and ink > 0 for real, ink in result["glyphs"].values()), \
        result["glyphs"]
    assert result["chart_size"] == [1280, 720]


# --------------------------------------------------------------------------- names (no Qt)


def test_domain_export_needs_no_qt():
    code = ("import sys; sys.modules['PySide6'] = None; sys.modules['pyqtgraph'] = None\n"
            "import desktop.domain.export; print('ok')")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO)
    assert run.stdout.strip() == "ok", run.stderr


def test_file_names_are_stable_and_cannot_escape(dataset):
    spec = _spec(dataset, "s3-tech-transfer", "zh", 1)
    assert chart_file_name(spec) == "s3-tech-transfer--events.zh.png"
    for hostile in ("../../etc/passwd", "..\\..\\boot.ini", "/abs/path", "C:\\x", "a/../../b",
                    "", "...", "中文--单位"):
        stem = safe_stem(hostile)
        assert stem and "/" not in stem and "\\" not in stem and ".." not in stem
        assert inside("/tmp", f"{stem}.zh.png").parent == Path("/tmp").resolve()
    for bad in ("../x.png", "a/b.png", "..", "", "/etc/passwd"):
        with pytest.raises(ValueError):
            inside("/tmp", bad)
    names = chart_file_names(all_chart_specs(dataset, "en"))
    assert len(names) == len({n.lower() for n in names})
    assert all(n.endswith(".en.png") for n in names)


def test_fact_sheet_html_escapes_data(dataset):
    # a Dataset is never changed once built: the hostile title goes into a copy
    facts = dataset.facts.copy()
    fid = facts.index[0]
    facts.at[fid, "title_en"] = "<script>alert(1)</script> & <b>bold</b>"
    ds = dataclasses.replace(dataset, facts=facts)
    text = fact_sheet_html(ds, [fid], "<i>Title</i>", "en", [], "BRI Noto Sans SC")
    assert "<script>" not in text and "<b>bold</b>" not in text and "<i>Title</i>" not in text
    assert "&lt;script&gt;" in text and "&lt;i&gt;Title&lt;/i&gt;" in text


# --------------------------------------------------------------------------- Export chart…


def _press(window, qtbot, key, modifiers):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, modifiers)


def test_ctrl_e_exports_the_chart_on_screen(window, qtbot, tmp_path, monkeypatch, no_modal):
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", _accept_with((1080, 1080), "dark"))
    target = tmp_path / "slides" / "my chart"  # no suffix: .png is added
    target.parent.mkdir()
    save = _SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    spec = window.current_spec()
    assert spec is not None
    _press(window, qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    written = target.with_name("my chart.png")
    qtbot.waitUntil(written.exists)
    image = QImage(str(written))
    assert (image.width(), image.height()) == (1080, 1080)
    assert image.pixelColor(2, 2) == QColor("#0d1117")  # the dark background
    assert save.calls[0]["start"].endswith(chart_file_name(spec))
    assert save.calls[0]["options"] == QFileDialog.Option.DontConfirmOverwrite
    assert window.settings.value("Export/last_folder") == str(target.parent)
    assert not no_modal["warning"] and not no_modal["question"]
    assert [p.name for p in target.parent.iterdir()] == ["my chart.png"]  # no temp file left


def test_save_dialog_starts_in_the_last_folder(window, qtbot, tmp_path, monkeypatch, no_modal):
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", _accept_with((1280, 720)))
    first = tmp_path / "first"
    first.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(first / "a.png"))
    window.actions_by_id["export_chart"].trigger()
    assert (first / "a.png").exists()
    second = _SaveDialog(tmp_path / "b.png")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", second)
    window.actions_by_id["export_chart"].trigger()
    assert Path(second.calls[0]["start"]).parent == first
    # the dialog also remembers size and background for next time
    seen = {}

    def look(dialog):
        seen["size"], seen["style"] = dialog.chosen_size(), dialog.chosen_style()
        return QDialog.DialogCode.Rejected
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", look)
    window.actions_by_id["export_chart"].trigger()
    assert seen == {"size": (1280, 720), "style": "light"}


def test_existing_file_is_not_replaced_without_asking(window, qtbot, tmp_path, monkeypatch,
                                                      no_modal):
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", _accept_with((1280, 720)))
    target = tmp_path / "chart.png"
    target.write_bytes(b"the user's own file")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(target))
    window.actions_by_id["export_chart"].trigger()
    assert len(no_modal["question"]) == 1 and "chart.png" in no_modal["question"][0]
    assert target.read_bytes() == b"the user's own file"
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    window.actions_by_id["export_chart"].trigger()
    assert QImage(str(target)).size().width() == 1280


def test_cancel_writes_nothing(window, qtbot, tmp_path, monkeypatch, no_modal):
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", lambda d: QDialog.DialogCode.Rejected)
    save = _SaveDialog(tmp_path / "x.png")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.actions_by_id["export_chart"].trigger()
    assert not save.calls
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", _accept_with((1280, 720)))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(""))
    window.actions_by_id["export_chart"].trigger()
    assert list(tmp_path.iterdir()) == [tmp_path / "home"]


def test_size_dialog_custom_size(qapp, qtbot):
    dialog = ui_export.ExportChartDialog(None)
    qtbot.addWidget(dialog)
    assert dialog.chosen_size() == (1920, 1080) and dialog.chosen_style() == "light"
    assert not dialog.width_box.isEnabled()
    dialog.preset.setCurrentIndex(dialog.preset.count() - 1)  # Custom size
    assert dialog.width_box.isEnabled()
    dialog.width_box.setValue(99999)
    dialog.height_box.setValue(1)
    assert dialog.chosen_size() == (7680, 320)  # held within bounds
    dialog.preset.setCurrentIndex(3)
    assert dialog.chosen_size() == (1080, 1080)


@pytest.mark.parametrize("case", ["under a file", "missing folder", "disk full"])
def test_write_errors_are_shown_and_nothing_is_left(window, qtbot, tmp_path, monkeypatch,
                                                    no_modal, case):
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", _accept_with((1280, 720)))
    folder = tmp_path / "out"
    folder.mkdir()
    if case == "under a file":
        (folder / "a-file").write_text("x")
        target = folder / "a-file" / "chart.png"
    elif case == "missing folder":
        target = folder / "gone" / "chart.png"
    else:
        target = folder / "chart.png"

        def full(_fd):
            raise OSError(errno.ENOSPC, "No space left on device")
        monkeypatch.setattr(os, "fsync", full)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(target))
    spec = window.current_spec()
    window.actions_by_id["export_chart"].trigger()
    assert len(no_modal["warning"]) == 1
    message = no_modal["warning"][0]
    assert str(target) in message and "Traceback" not in message
    if case == "disk full":
        assert "full" in message
    assert not target.exists()
    assert [p.name for p in folder.iterdir()] == (["a-file"] if case == "under a file" else [])
    assert window.current_spec() == spec and window.isVisible()  # the app goes on as it was


# --------------------------------------------------------------------------- Copy chart


def test_ctrl_shift_c_puts_the_chart_on_the_clipboard(window, qtbot):
    clipboard = QGuiApplication.clipboard()
    clipboard.clear()
    _press(window, qtbot, Qt.Key.Key_C,
           Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.waitUntil(lambda: not clipboard.image().isNull())
    image = clipboard.image()
    assert (image.width(), image.height()) == (1920, 1080)
    assert image.pixelColor(2, 2) == QColor("#ffffff")


# --------------------------------------------------------------------------- CSV


def test_csv_of_the_theme_round_trips_with_chinese(window, qtbot, tmp_path, monkeypatch, no_modal):
    _select_theme(window, qtbot, "s3")
    target = tmp_path / "facts"
    save = _SaveDialog(target)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.actions_by_id["export_csv"].trigger()
    written = tmp_path / "facts.csv"
    assert written.read_bytes().startswith(b"\xef\xbb\xbf")  # BOM: Excel/WPS read UTF-8
    assert save.calls[0]["start"].endswith("facts--s3.zh.csv")
    frame = pd.read_csv(written, encoding=CSV_ENCODING, dtype=str, keep_default_na=False)
    ids = list(window.current_scope().fact_ids)
    assert list(frame.columns) == csv_columns(window.dataset)
    assert list(frame["id"]) == ids and len(ids) > 5
    facts = window.dataset.facts
    assert list(frame["title_zh"]) == list(facts.loc[ids, "title_zh"])
    assert list(frame["quote"]) == list(facts.loc[ids, "quote"])
    assert any("“一带一路”" in t for t in frame["text_zh"])
    values = pd.to_numeric(frame["value"].replace("", None))
    assert values.fillna(-1).tolist() == facts.loc[ids, "value"].fillna(-1).tolist()
    said = window.statusBar().currentMessage()   # in Chinese, as the window is (it was English)
    assert said.startswith("事实已保存到") and f"{len(ids)}条" in said


def test_csv_of_a_search_result(window, qtbot, tmp_path, monkeypatch, no_modal):
    qtbot.keyClicks(window.search, "laborator")
    qtbot.waitUntil(lambda: window.search_hits is not None)
    hits = list(window.current_scope().fact_ids)
    assert 0 < len(hits) < len(window.dataset.facts)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(tmp_path / "hits.csv"))
    window.actions_by_id["export_csv"].trigger()
    frame = pd.read_csv(tmp_path / "hits.csv", encoding=CSV_ENCODING, dtype=str,
                        keep_default_na=False)
    assert list(frame["id"]) == hits


def test_csv_bytes_read_back_as_a_dataset_table(dataset):
    data = facts_csv_bytes(dataset, list(dataset.facts.index))
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data
    assert data.decode("utf-8-sig").splitlines()[0] == ",".join(csv_columns(dataset))


# --------------------------------------------------------------------------- fact sheet PDF


def _pdf(window, qtbot, tmp_path, monkeypatch, name):
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(tmp_path / name))
    window.actions_by_id["fact_sheet"].trigger()
    path = tmp_path / name
    assert path.exists()
    return path


def _fonts(reader) -> set[str]:
    names = set()
    for page in reader.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            names.add(str(font.get("/BaseFont", "")))
    return names


def test_fact_sheet_pdf_in_english(window, qtbot, tmp_path, monkeypatch, no_modal):
    from pypdf import PdfReader
    window.set_language("en")
    _select_theme(window, qtbot, "s3")
    specs = list(window.specs)
    assert specs
    path = _pdf(window, qtbot, tmp_path, monkeypatch, "sheet.pdf")
    reader = PdfReader(str(path))
    assert len(reader.pages) > 1  # long: it runs on over several A4 pages
    box = reader.pages[0].mediabox
    assert (round(float(box.width) / 72 * 25.4), round(float(box.height) / 72 * 25.4)) == (210, 297)
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert window.dataset.nodes["s3"].title_en in text
    assert "Stated by" in text and "Original words" in text
    # the charts, as images (one near a page break is referenced by both pages and drawn on
    # one: count distinct image objects)
    pictures = {ref.idnum for page in reader.pages
                for ref in page["/Resources"].get("/XObject", {}).values()
                if ref.get_object().get("/Subtype") == "/Image"}
    assert len(pictures) == len(specs)
    assert any("Noto" in name or "BRI" in name for name in _fonts(reader))
    assert not no_modal["warning"]


def test_fact_sheet_pdf_in_chinese_embeds_the_bundled_font(window, qtbot, tmp_path, monkeypatch,
                                                            no_modal):
    from pypdf import PdfReader
    _select_theme(window, qtbot, "s4")
    path = _pdf(window, qtbot, tmp_path, monkeypatch, "sheet-zh.pdf")
    reader = PdfReader(str(path))
    assert len(reader.pages) >= 1
    fonts = _fonts(reader)
    assert any("Noto" in name or "BRI" in name for name in fonts), fonts
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            descendants = font.get("/DescendantFonts")
            base = descendants[0].get_object() if descendants else font
            descriptor = base.get("/FontDescriptor")
            if descriptor is not None:
                descriptor = descriptor.get_object()
                assert any(k in descriptor for k in ("/FontFile", "/FontFile2", "/FontFile3"))


def test_fact_sheet_write_error_is_shown(window, qtbot, tmp_path, monkeypatch, no_modal):
    (tmp_path / "a-file").write_text("x")
    target = tmp_path / "a-file" / "sheet.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", _SaveDialog(target))
    window.actions_by_id["fact_sheet"].trigger()
    assert len(no_modal["warning"]) == 1 and str(target) in no_modal["warning"][0]
    assert QGuiApplication.overrideCursor() is None


def test_fact_sheet_of_a_search_result(window, qtbot, tmp_path, monkeypatch, no_modal):
    from pypdf import PdfReader
    window.set_language("en")
    qtbot.keyClicks(window.search, "laborator")
    qtbot.waitUntil(lambda: window.search_hits is not None)
    save = _SaveDialog(tmp_path / "hits.pdf")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.actions_by_id["fact_sheet"].trigger()
    assert save.calls[0]["start"].endswith("fact-sheet--search-laborator.en.pdf")
    reader = PdfReader(str(tmp_path / "hits.pdf"))
    text = " ".join(" ".join(page.extract_text().split()) for page in reader.pages)
    assert "laborator" in text and "Search" in text
    titles = window.dataset.facts.loc[list(window.current_scope().fact_ids), "title_en"]
    assert all(" ".join(t.split()) in text for t in titles)
