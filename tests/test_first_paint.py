"""The first paint from a snapshot: the same screen as the ordinary start, before pandas; never
a stale or broken snapshot; a click before the data comes is kept."""

from __future__ import annotations

import json

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop.ui import snapshot
from desktop.ui.launch import open_main_window
from tests.conftest import run_fresh, window_script


def _tree(model, parent=QModelIndex()):
    return [(model.index(r, 0, parent).data(), _tree(model, model.index(r, 0, parent)))
            for r in range(model.rowCount(parent))]


def _open(qapp, qtbot, **kwargs):
    window = open_main_window(qapp, lang=kwargs.pop("lang", "zh"), show=False, **kwargs)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_shipped_snapshots_show_what_a_first_start_shows(qapp, qtbot, lang):
    """If this fails, the data or the first screen changed: run `make snapshot`."""
    shipped = json.loads(snapshot.shipped_path(lang).read_text(encoding="utf-8"))
    window = _open(qapp, qtbot, lang=lang)
    fresh = snapshot.take(window, window.start_state())
    assert shipped == json.loads(json.dumps(fresh))
    window.close()


def test_a_start_from_the_snapshot_paints_the_same_screen_then_loads(qapp, qtbot):
    first = _open(qapp, qtbot)
    first.select_fact("joint-laboratories")
    first.close()  # writes the user's snapshot of this state
    assert snapshot.cache_path().exists()
    reference = _open(qapp, qtbot)  # the ordinary start, for comparison
    expected_tree, expected_page = _tree(reference.model), reference.detail.capture()
    reference.close()

    window = _open(qapp, qtbot, fast=True)
    assert window.waiting and window.dataset is None  # painted from the snapshot
    assert _tree(window.tree.model()) == expected_tree
    assert window.detail.capture() == expected_page
    assert window.detail.title.text() == window.detail.capture()["title"][0]
    with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
        pass
    assert blocker.args == ["loaded"] and not window.waiting
    assert window.current_fact == "joint-laboratories"
    assert _tree(window.model) == expected_tree and window.detail.capture() == expected_page
    window.close()


def test_a_click_before_the_data_comes_is_kept(qapp, qtbot):
    window = _open(qapp, qtbot, fast=True)
    assert window.waiting
    model = window.tree.model()
    group = model.index(1, 0)
    fact = model.index(0, 0, model.index(0, 0))
    window.tree.setCurrentIndex(fact)
    wanted = fact.data(snapshot.FACT_ID_ROLE)
    assert wanted and group.isValid()
    with qtbot.waitSignal(window.loads.finished, timeout=20_000):
        pass
    assert window.current_fact == wanted
    window.close()


def test_a_bar_clicked_before_the_data_comes_opens_its_fact_when_it_does(qapp, qtbot):
    window = _open(qapp, qtbot, fast=True)
    assert window.waiting and window.charts.previewing
    bars = [bar.fact_id for spec in window.charts.specs for bar in spec.bars]
    assert len(bars) >= 2   # the snapshot's chart, drawn before the data
    window.charts.barClicked.emit(bars[1])
    with qtbot.waitSignal(window.loads.finished, timeout=20_000):
        pass
    assert window.current_fact == bars[1] and not window.charts.previewing
    assert window.detail.capture()["title"]  # its page is shown
    window.close()


@pytest.mark.parametrize("where", ["card", "list"])
def test_a_fact_opened_on_the_snapshot_page_before_the_data_comes_opens_when_it_does(
        qapp, qtbot, where):
    """A figure card clicked, or a row of the page's list opened with Enter, while the page is
    still the snapshot's. The tree's rows are then the snapshot's, not the window's model's, and
    the two must not be mixed: a card clicked in the single file's first second crashed the
    app. The fact opens when the data comes."""
    from desktop.ui.fact_list import FACT_ID_ROLE
    window = _open(qapp, qtbot, fast=True)
    assert window.waiting and window.detail.figure_cards()
    window.tree.setCurrentIndex(window.tree.model().index(0, 0))  # a group's row, as on screen
    if where == "card":
        card = window.detail.figure_cards()[1]
        wanted = card.fact_id
        qtbot.mouseClick(card, Qt.MouseButton.LeftButton)
    else:
        rows = window.detail.facts
        index = next(rows.model().index(r, 0) for r in range(rows.model().rowCount())
                     if rows.model().index(r, 0).data(FACT_ID_ROLE))
        wanted = index.data(FACT_ID_ROLE)
        rows.setCurrentIndex(index)
        qtbot.keyClick(rows, Qt.Key.Key_Return)
    assert wanted and window.waiting and window.dataset is None
    with qtbot.waitSignal(window.loads.finished, timeout=20_000):
        pass
    assert window.current_fact == wanted
    assert window.detail.capture()["title"]
    window.close()


def test_every_command_open_before_the_data_comes_works_on_the_snapshot_page(
        qapp, qtbot, tmp_path, monkeypatch):
    """Each menu command enabled while the page is still the snapshot's (the single file's first
    second) runs there without an error, and the data still comes after it. Commands that need
    the data are disabled until it comes; a dialog a command opens is closed again."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

    from desktop.ui.actions import ACTIONS

    def close_dialogs() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, (QDialog, QMessageBox)) and widget.isVisible():
                widget.reject()

    ran = []
    for number, spec in enumerate(ACTIONS):
        if spec.is_submenu or spec.id in ("quit", "open_log_folder"):  # (the latter: the OS's)
            continue
        monkeypatch.setenv("BRI_FACTS_HOME", str(tmp_path / f"home-{number}"))
        window = _open(qapp, qtbot, fast=True)
        assert window.waiting and window.dataset is None
        action = window.actions_by_id[spec.id]
        assert not (spec.needs == "dataset" and action.isEnabled()), spec.id
        if action.isEnabled():
            timer = QTimer(window, interval=50, timeout=close_dialogs)  # a modal dialog's loop runs it
            timer.start()
            action.trigger()
            timer.stop()
            ran.append(spec.id)
            with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
                pass
            assert blocker.args == ["loaded"] and window.dataset is not None, spec.id
        window.close()
    assert {"find", "toggle_language", "export_chart", "zoom_in"} <= set(ran)


@pytest.mark.parametrize("damage", ["fingerprint", "version", "garbage", "charts"])
def test_a_stale_or_broken_snapshot_is_never_shown(qapp, qtbot, damage, caplog):
    first = _open(qapp, qtbot)
    first.close()
    path = snapshot.cache_path()
    data = json.loads(path.read_text(encoding="utf-8"))
    if damage == "garbage":
        path.write_bytes(b"\x00{not json")
    else:
        data[damage] = "something else"
        path.write_text(json.dumps(data), encoding="utf-8")
    state = first.start_state()
    assert snapshot.read(path, state) is None
    if damage == "garbage":
        assert "unreadable" in caplog.text
    # the shipped snapshot of a first start does not match this state (overview ≠ last fact …)
    # or does: either way what is painted is right, and the data is there
    window = _open(qapp, qtbot, fast=True)
    if window.waiting:
        with qtbot.waitSignal(window.loads.finished, timeout=20_000):
            pass
    assert window.dataset is not None
    window.close()


def test_the_data_behind_a_trusted_snapshot_is_not_checked_again_and_all_else_is(
        qapp, qtbot, monkeypatch):
    """A snapshot that matches the app's version and the data's fingerprint was taken from
    those files loaded, and so checked, by this version: the start behind it reads and builds
    them (the same facts) without checking them again. The ordinary start, File → Back to the
    bundled dataset and a start whose data no longer matches the snapshot check them."""
    from desktop.domain import validation
    checks = []
    validate = validation.validate
    monkeypatch.setattr(validation, "validate", lambda raw: checks.append(raw.origin) or validate(raw))

    def loaded(window):
        if window.waiting:
            with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
                pass
            assert blocker.args == ["loaded"]
        assert window.dataset is not None and window.dataset.bundled
        return window.dataset

    ordinary = _open(qapp, qtbot)
    expected = loaded(ordinary).facts
    ordinary.close()
    assert len(checks) == 1

    window = _open(qapp, qtbot, fast=True)
    assert window.waiting  # painted from the shipped snapshot
    assert loaded(window).facts.equals(expected) and len(checks) == 1
    with qtbot.waitSignal(window.loads.finished, timeout=20_000):
        window.loads.open_bundled()  # File → Back to the bundled dataset
    assert len(checks) == 2
    window.close()

    monkeypatch.setitem(snapshot._fingerprint, "data", "0" * 64)  # the data changed since
    other = _open(qapp, qtbot, fast=True)
    assert not other.waiting  # no snapshot: the ordinary start
    loaded(other)
    assert len(checks) == 3
    other.close()


def test_the_first_paint_and_the_first_chart_do_not_wait_for_pandas(tmp_path):
    """The snapshot's page and tree, then its chart drawn by pyqtgraph, come before pandas is
    imported; the data then comes and the chart drawn from it is the same, pixel for pixel."""
    code = window_script("zh") + (
            "seen, bars = [], []\n"
            "def painted(what):\n"
            "    seen.append((what, 'pandas' in sys.modules))\n"
            "    if what == 'chart': bars.append((w.charts.canvas.bar_values(), w.charts.grab().toImage()))\n"
            "def drawn():\n"
            "    if w.dataset is not None:\n"
            "        bars.append((w.charts.canvas.bar_values(), w.charts.grab().toImage())); app.quit()\n"
            "w.contentPainted.connect(painted)\n"
            "w.charts.drawn.connect(drawn)\n"
            "app.exec()\n"
            "print(seen, bars[0] == bars[-1] and len(bars[0][0]) >= 2, len(bars))\n")
    run = run_fresh(code, tmp_path)
    assert run.stdout.strip().splitlines()[-1] == \
        "[('content', False), ('chart', False)] True 2", run.stderr


def test_pyside_does_not_read_the_source_of_libraries_that_never_use_it(qapp, monkeypatch):
    """create_app answers PySide6's per-import question for pandas, numpy, pyqtgraph, the
    standard library and the app's own modules without reading their source; anything else is
    read as before."""
    import inspect
    import sys
    import types

    import pandas
    import pyqtgraph

    import desktop.domain.search
    import desktop.ui.browse
    feature = sys.modules["shibokensupport.feature"]
    uses_pyside = feature._mod_uses_pyside
    assert getattr(uses_pyside, "skips", False)
    read = []
    monkeypatch.setattr(inspect, "getsource", lambda module: read.append(module.__name__) or "")
    assert uses_pyside(pandas) is False and uses_pyside(sys.modules["pandas.core.frame"]) is False
    assert uses_pyside(sys.modules["json"]) is False and uses_pyside(desktop.domain.search) is False
    assert uses_pyside(desktop.ui.browse) is True
    assert read == []
    assert uses_pyside(pyqtgraph) is True                  # built on PySide6: known, not read
    assert uses_pyside(sys.modules["pyqtgraph.graphicsItems.BarGraphItem"]) is True
    assert read == []
    uses_pyside(types.ModuleType("somebody.elses"))    # read as PySide6 reads it
    assert read == ["somebody.elses"]


def test_the_first_paint_leaves_what_it_does_not_show_for_after(tmp_path):
    """Before the first paint, the window makes neither the search box's clear button (Qt loads
    an icon engine for it) nor the PySide6 classes the first screen does not use: QStyle (its
    enums take ~10 ms; the fact list's rows paint without it) and the QWidget subclasses that
    ``viewport()`` would make while looking for the most derived class of its result (QWizard,
    QColorDialog …: ~70 enums, ~18 ms; the chart's pyqtgraph view makes them later). Right
    after it, the clear button is there for typing."""
    code = window_script("en") + (
            "from PySide6 import QtWidgets\n"
            "seen = []\n"
            "def painted(what):\n"
            "    made = [n for n in ('QStyle', 'QWizard', 'QColorDialog') if n in vars(QtWidgets)]\n"
            "    seen.append((what, made, w.search.isClearButtonEnabled()) if what == 'content' else\n"
            "                (what, w.search.isClearButtonEnabled()))\n"
            "    if what == 'chart': app.quit()\n"
            "w.contentPainted.connect(painted)\n"
            "app.exec()\n"
            "print(seen)\n")
    run = run_fresh(code, tmp_path)
    # the clear button comes on the turn after "content" (the chart comes after both)
    assert run.stdout.strip().splitlines()[-1] == \
        "[('content', [], False), ('chart', True)]", run.stdout + run.stderr


def test_viewport_of_is_the_view_s_own_viewport(qapp, qtbot):
    """``viewport_of`` finds the viewport by the name Qt gives it, for every kind of scroll area
    the window has, and for one whose viewport was replaced; without a match it asks Qt."""
    from PySide6.QtWidgets import (QGraphicsView, QListView, QScrollArea, QTextBrowser, QTreeView,
                                   QWidget)

    from desktop.ui.paint import viewport_of
    replaced = QTreeView()
    replaced.setViewport(QWidget())
    for view in (QTreeView(), QListView(), QGraphicsView(), QScrollArea(), QTextBrowser(), replaced):
        qtbot.addWidget(view)
        assert viewport_of(view) is view.viewport(), type(view).__name__
    renamed = QListView()
    qtbot.addWidget(renamed)
    renamed.viewport().setObjectName("something else")
    assert viewport_of(renamed) is renamed.viewport()


def test_the_window_icon_comes_from_its_pngs_at_every_size(qapp):
    """The title bar's and task bar's icon: the PNG renderings of the app's SVG, 16 to 256 px,
    each drawn (not blank). X takes a window's icon as pixels at each size it has; from the SVG
    that meant loading the SVG icon engine plugin and four renderings before the first paint."""
    from desktop.app import ICON_SIZES
    icon = qapp.windowIcon()
    assert sorted(size.width() for size in icon.availableSizes()) == list(ICON_SIZES)
    assert ICON_SIZES[0] <= 16 and ICON_SIZES[-1] >= 256
    for size in (16, 48, 256):
        image = icon.pixmap(size, size).toImage()
        assert (image.width(), image.height()) == (size, size)
        opaque = sum(image.pixelColor(x, y).alpha() > 200
                     for x in range(0, size, max(1, size // 32)) for y in range(0, size, max(1, size // 32)))
        assert opaque > 0.3 * min(size, 32) ** 2, (size, opaque)
