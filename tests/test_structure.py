"""What the user is looking at (Scope), a fact as shown (FactView), actions declared once, the one
background worker, the import contracts, spoken names and translations in the UI language."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QDialog, QFileDialog, QMenu, QToolButton, QWidget

from desktop.domain.errors import DatasetError, LoadCancelled
from desktop.domain.grouping import build_groups, facts_in_order
from desktop.domain.scope import overview_scope, theme_scope
from desktop.domain.view import fact_view
from desktop.ui import export as ui_export
from desktop.ui.actions import ACTIONS
from desktop.ui.present import layout
from desktop.ui.worker import Worker

REPO = Path(__file__).resolve().parent.parent
CJK = re.compile(r"[\u4e00-\u9fff]")


class _SaveDialog:
    def __init__(self, answer):
        self.answer, self.calls = answer, []

    def __call__(self, parent, caption, start, file_filter, *args, **kwargs):
        self.calls.append(start)
        return (str(self.answer), file_filter)


def _accept(dialog):
    dialog.set_size(1280, 720)
    return QDialog.DialogCode.Accepted


def _group(window, qtbot, grouping: str, key: str):
    window.set_grouping(grouping)
    index = window.model.find_group(key)
    assert index.isValid(), key
    window.tree.setCurrentIndex(index)
    qtbot.waitUntil(lambda: getattr(window.current_scope(), "key", None) == key)
    return window.current_scope()


# --------------------------------------------------------------------------- the two bugs


def test_a_group_chart_is_exported_under_the_group_not_the_overview(window, qtbot, tmp_path,
                                                                    monkeypatch):
    """A place's or a field's chart used to be saved as overview--<unit>.en.png."""
    window.set_language("en")
    scope = _group(window, qtbot, "tag", "talent")
    assert scope.kind == "tag"
    spec = window.current_spec()
    assert spec is not None and spec.title == scope.title("en")
    save = _SaveDialog(tmp_path / "talent.png")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", _accept)
    window.actions_by_id["export_chart"].trigger()
    name = Path(save.calls[0]).name
    assert name.startswith("field-talent--") and name.endswith(".en.png"), name
    assert (tmp_path / "talent.png").read_bytes()[:4] == b"\x89PNG"


def test_a_place_page_exports_its_facts_under_the_place(window, qtbot, tmp_path, monkeypatch):
    window.set_language("en")
    scope = _group(window, qtbot, "place", "kenya")
    assert scope.title("en") == "Kenya"
    save = _SaveDialog(tmp_path / "kenya.csv")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    window.actions_by_id["export_csv"].trigger()
    assert Path(save.calls[0]).name == "facts--place-kenya.en.csv"
    rows = (tmp_path / "kenya.csv").read_text(encoding="utf-8-sig").splitlines()
    assert len(rows) == 1 + len(scope.fact_ids)


def test_a_search_result_chart_is_exported_under_the_search(window, qtbot, tmp_path, monkeypatch):
    window.set_language("en")
    qtbot.keyClicks(window.search, "centre")
    qtbot.waitUntil(lambda: window.search_hits is not None)
    scope = window.current_scope()
    assert scope.kind == "search" and scope.key == "centre"
    assert set(scope.fact_ids) == set(window.search_hits)
    assert window.current_spec() is not None
    save = _SaveDialog(tmp_path / "hits.png")
    monkeypatch.setattr(QFileDialog, "getSaveFileName", save)
    monkeypatch.setattr(ui_export.ExportChartDialog, "exec", _accept)
    window.actions_by_id["export_chart"].trigger()
    assert Path(save.calls[0]).name.startswith("search-centre--")


# --------------------------------------------------------------------------- Scope


def test_each_kind_of_selection_is_a_scope_with_exactly_its_facts(window, qtbot, dataset):
    theme = _group(window, qtbot, "theme", "s3")
    assert theme.kind == "theme" and theme.theme.id == "s3"
    assert list(theme.fact_ids) == dataset.nodes["s3"].all_facts()
    for grouping, key in (("place", "kenya"), ("tag", "energy")):
        scope = _group(window, qtbot, grouping, key)
        group = next(g for g in build_groups(dataset, grouping) if g.key == key)
        assert scope.kind == grouping and list(scope.fact_ids) == facts_in_order([group])
        # a fact selected under the group keeps the group as its scope
        group_index = window.model.find_group(key)
        window.tree.setCurrentIndex(window.model.index(0, 0, group_index))
        assert window.current_fact == scope.fact_ids[0]
        assert window.current_scope() == scope


def test_the_overview_charts_the_headline_figures(dataset):
    scope = overview_scope(dataset)
    assert scope.overview and scope.chart_title("en") == "Headline figures"
    assert scope.chart_facts(dataset) == dataset.quantitative(dataset.headline_facts())
    assert theme_scope(dataset, dataset.nodes["s3"]).stem == "s3"


# --------------------------------------------------------------------------- FactView


def test_stated_by_is_the_attribution_name_never_an_editorial_note(window, dataset):
    for fid in dataset.facts.index:
        key = dataset.facts.at[fid, "attribution"]
        for lang in ("zh", "en"):
            view = fact_view(dataset, fid, lang)
            assert view.stated_by == dataset.name("attribution", key, lang)
            note = dataset.note("attribution", key, lang)
            if note:
                assert note not in view.provenance()
    window.set_language("en")
    fid = dataset.facts.index[0]
    assert window.select_fact(fid)
    key = dataset.facts.at[fid, "attribution"]
    assert window.detail.meta.text().startswith(
        "Stated by: " + dataset.name("attribution", key, "en") + " · Source: ")


def test_the_clipboard_citation_is_the_fact_view(window, qtbot, dataset):
    from PySide6.QtGui import QGuiApplication
    window.set_language("en")
    assert window.select_fact("mombasa-nairobi-jobs") if "mombasa-nairobi-jobs" in dataset.facts.index \
        else window.select_fact(dataset.quantitative(list(dataset.facts.index))[0])
    window.actions_by_id["copy_fact"].trigger()
    view = fact_view(dataset, window.current_fact, "en")
    text = QGuiApplication.clipboard().text()
    assert text == view.citation()
    assert view.figure in text and view.quoted() in text and view.provenance() in text


# --------------------------------------------------------------------------- actions


def _menu_actions(menu: QMenu):
    for action in menu.actions():
        yield action
        if action.menu() is not None:
            yield from _menu_actions(action.menu())


def test_every_menu_entry_and_shortcut_is_declared_once_in_actions(window):
    declared = {spec.id for spec in ACTIONS}
    assert len(declared) == len(ACTIONS)
    in_menus = set()
    for top in window.menuBar().actions():
        for action in top.menu().actions():  # the recent list's entries are data, not commands
            if not action.isSeparator():
                in_menus.add(action.objectName())
    assert in_menus == declared
    with_keys = {a.objectName() for a in window.findChildren(type(window.actions()[0]))
                 if a.shortcuts() and a.objectName()}
    assert with_keys <= declared
    assert window.actions_by_id["open_dataset_folder"].shortcut().toString() == "Ctrl+Shift+O"
    assert window.actions_by_id["recent_datasets"].menu() is not None


# --------------------------------------------------------------------------- the worker


def test_the_worker_reports_progress_then_done(qapp, qtbot):
    steps, results = [], []
    worker = Worker(lambda progress: progress("half", 0.5) and 42, "test")
    worker.progressed.connect(lambda step, fraction: steps.append((step, fraction)))
    worker.done.connect(results.append)
    with qtbot.waitSignal(worker.finished, timeout=5000):
        worker.start()
    assert results == [42] and steps == [("half", 0.5)]


def test_the_worker_reports_a_failure_and_a_cancel(qapp, qtbot):
    def broken(progress):
        raise DatasetError([], "x")
    worker = Worker(broken, "broken")
    with qtbot.waitSignal(worker.failed, timeout=5000) as blocker:
        worker.start()
    assert isinstance(blocker.args[0], DatasetError)

    import threading
    go = threading.Event()

    def slow(progress):
        go.wait(5)
        if not progress("reading", 0.1):
            raise LoadCancelled()
        return "late"
    worker = Worker(slow, "slow")
    done = []
    worker.done.connect(done.append)
    with qtbot.waitSignal(worker.cancelled, timeout=5000):
        worker.start()
        worker.cancel()
        go.set()
    assert worker.is_cancelled() and done == []


# --------------------------------------------------------------------------- the chart


def test_selecting_a_bar_recolours_it_without_remaking_the_plot(window, qtbot):
    canvas = window.charts.canvas
    qtbot.waitUntil(lambda: bool(canvas.bar_values()))
    ids = [fid for fid, _value in canvas.bar_values()]
    assert len(ids) >= 2
    items = list(canvas.plot.items)
    plain = canvas.bar_colour(ids[1])
    canvas.select(ids[1])
    assert canvas.bar_colour(ids[1]) != plain
    canvas.select(ids[0])
    assert canvas.bar_colour(ids[1]) == plain and canvas.bar_colour(ids[0]) != plain
    assert list(canvas.plot.items) == items  # the same items, recoloured


def test_the_window_says_when_content_and_the_first_chart_are_painted(qapp, qtbot):
    from desktop.ui.launch import open_main_window
    painted = []
    window = open_main_window(qapp, lang="en", show=False)
    qtbot.addWidget(window)
    window.contentPainted.connect(painted.append)
    window.show()
    qtbot.waitUntil(lambda: painted == ["content", "chart"], timeout=10_000)
    window.close()


# --------------------------------------------------------------------------- presentation layout


def test_presentation_layout_puts_text_beside_the_chart_on_a_landscape_screen():
    screen = layout.lay_out(1920, 1080, with_chart=True)
    assert screen.unit == 1080
    assert screen.chart.x > screen.column.x + screen.column.w  # beside
    assert screen.column.w < screen.chart.w
    portrait = layout.lay_out(1080, 1920, with_chart=True)
    assert portrait.chart.y > portrait.column.y + portrait.column.h  # below
    text_only = layout.lay_out(1920, 1080, with_chart=False)
    assert text_only.chart is None and text_only.column.w <= round(1.35 * 1080)
    assert text_only.column.x * 2 + text_only.column.w == 1920  # centred


def test_presentation_chart_scale_fits_the_bars_and_stays_readable():
    box = layout.Box(0, 0, 900, 900)
    few = layout.chart_scale(1080, box, bars=2, label_width=120)
    many = layout.chart_scale(1080, box, bars=20, label_width=120)
    assert many < few <= 1080 / 720 * 1.45
    assert layout.chart_scale(1080, box, bars=200, label_width=120) == 0.6


# --------------------------------------------------------------------------- words


def _focusable(window):
    return [w for w in window.findChildren(QWidget)
            if w.isVisibleTo(window) and w.focusPolicy() != Qt.FocusPolicy.NoFocus
            and not w.objectName().startswith("qt_")]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_widget_the_keyboard_reaches_has_a_spoken_name_in_the_ui_language(window, qtbot, lang):
    window.set_language(lang)
    window.select_fact(window.dataset.quantitative(list(window.dataset.facts.index))[0])
    qtbot.waitUntil(lambda: window.charts.made)
    unnamed, english = [], []
    for widget in _focusable(window):
        name = widget.accessibleName()
        label = (f"{type(widget).__name__} {widget.objectName()!r} in "
                 f"{type(widget.parent()).__name__} {widget.parent().objectName()!r}")
        if not name and not (hasattr(widget, "text") and callable(widget.text) and widget.text()):
            unnamed.append(label)
        if lang == "zh" and name and not CJK.search(name) and name not in ("English",):
            english.append(f"{label}: {name}")
    assert unnamed == []
    assert english == []


def test_qts_own_strings_follow_a_language_switch_at_run_time(qapp, qtbot):
    from desktop.ui.launch import open_main_window
    window = open_main_window(qapp, lang="en", show=False)
    qtbot.addWidget(window)
    window.show()
    buttons = {b.objectName(): b for b in window.charts.tabs.findChildren(QToolButton)}
    assert buttons["ScrollLeftButton"].accessibleName() == "Scroll Left"
    window.set_language("zh")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    assert buttons["ScrollLeftButton"].accessibleName() == "向左滚动"
    window.set_language("en")
    assert buttons["ScrollLeftButton"].accessibleName() == "Scroll Left"
    window.close()


def test_every_ui_string_is_in_the_translation_under_its_context_and_translated(tmp_path):
    """pyside6-lupdate reads the sources as `make translations` does; each string it finds must
    be in resources/i18n/bri_facts_zh_CN.ts, under the context it is looked up with, finished."""
    lupdate = shutil.which("pyside6-lupdate", path=str(Path(sys.executable).parent))
    assert lupdate, "pyside6-lupdate is part of PySide6-Essentials"
    fresh = tmp_path / "fresh.ts"
    sources = sorted(str(p) for p in (REPO / "desktop").rglob("*.py"))
    subprocess.run([lupdate, *sources, "-ts", str(fresh)], check=True, capture_output=True)
    committed = {}
    for ctx in ET.parse(REPO / "resources/i18n/bri_facts_zh_CN.ts").getroot().iter("context"):
        for msg in ctx.iter("message"):
            tr = msg.find("translation")
            forms = tr.findall("numerusform")
            committed[(ctx.findtext("name"), msg.findtext("source"))] = (
                tr.get("type") not in ("unfinished", "obsolete", "vanished")
                and (all((f.text or "").strip() for f in forms) if forms else bool((tr.text or "").strip())))
    found = [(ctx.findtext("name"), msg.findtext("source"))
             for ctx in ET.parse(fresh).getroot().iter("context") for msg in ctx.iter("message")]
    assert len(found) > 100
    missing = [key for key in found if key not in committed]
    untranslated = [key for key in found if committed.get(key) is False]
    assert missing == [] and untranslated == []


def test_no_module_over_500_lines_and_the_window_under_450():
    sizes = {p.relative_to(REPO).as_posix(): len(p.read_text(encoding="utf-8").splitlines())
             for p in (REPO / "desktop").rglob("*.py")}
    assert {name: n for name, n in sizes.items() if n > 500} == {}
    assert sizes["desktop/ui/main_window.py"] <= 450
