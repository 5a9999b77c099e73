"""Opening your own dataset in the real window: the dialog, drag and drop, reload, the recent
list, back to the bundled data; a broken dataset gets a report and the old one stays usable."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent, QGuiApplication
from PySide6.QtWidgets import (QApplication, QFileDialog, QLabel, QMenu, QProgressDialog,
                               QPushButton)

from desktop.domain.view import fact_view
from desktop.ui import datasets
from desktop.ui.tree_model import FACT_ID_ROLE
from make_broken import CASES, build_case, make_zip, read_table, set_cells, write_table

FACT = "st-agreements-countries"


@pytest.fixture
def reports(monkeypatch):
    """Every report the window would show, as (heading, text), instead of a dialog."""
    shown = []
    monkeypatch.setattr(datasets, "show_report",
                        lambda window, heading, report: shown.append((heading, report)))
    return shown


def open_and_wait(qtbot, window, path, outcome="loaded"):
    loads = window.loads
    with qtbot.waitSignal(loads.finished, timeout=20_000) as blocker:
        window.loads.open_path(path)
    assert blocker.args == [outcome]


def press(qtbot, window, key, modifiers=Qt.KeyboardModifier.ControlModifier):
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    qtbot.keyClick(window, key, modifiers)


def tree_fact_ids(window) -> list[str]:
    model, found = window.model, []

    def walk(parent):
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            fid = index.data(FACT_ID_ROLE)
            if fid:
                found.append(fid)
            walk(index)
    walk(model.index(-1, -1))
    return found


def set_fact(folder, fact_id, **cells):
    rows = read_table(folder, "facts")
    header = rows[0]
    for row in rows[1:]:
        if row[header.index("id")] == fact_id:
            for column, value in cells.items():
                row[header.index(column)] = value
    write_table(folder, "facts", rows)


# --------------------------------------------------------------------------- broken datasets

def test_broken_dataset_reports_and_keeps_the_old_one(window, qtbot, monkeypatch, reports, tmp_path):
    before_title = window.windowTitle()
    before_dataset = window.dataset
    before_facts = tree_fact_ids(window)
    broken = build_case(CASES[0], tmp_path / "my-data")  # facts.csv, row 7: value “abc”
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *args, **kwargs: (str(broken / "facts.csv"), ""))
    with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
        press(qtbot, window, Qt.Key.Key_O)
    assert blocker.args == ["failed"]

    assert len(reports) == 1
    heading, report = reports[0]
    assert "无法打开 my-data" in heading  # the window speaks Chinese
    assert "facts.csv, row 7, column “value”: the value “abc” is not a number" in report
    assert window.dataset is before_dataset
    assert window.windowTitle() == before_title
    assert tree_fact_ids(window) == before_facts
    assert window.select_fact(FACT)  # still usable
    assert window.detail.title.text() == before_dataset.fact(FACT)["title_zh"]
    assert datasets.recent_datasets(window.settings) == []  # a failed open is not remembered


UNPACK_FAILED = ("pandas cannot be loaded: unpacking the program's libraries into /tmp/_MEI0 "
                 "failed (pandas/_libs/lib.so: [Errno 28] No space left on device)")


def _no_library(*args, **kwargs):
    """What opening a dataset raises in the single file when its libraries could not be
    unpacked (packaging/pyi_rth_late_files.py)."""
    raise ImportError(UNPACK_FAILED)


def test_a_library_that_cannot_be_loaded_is_not_blamed_on_the_dataset(window, qtbot, monkeypatch,
                                                                       reports, tmp_path):
    before = window.dataset
    folder = build_case(CASES[0], tmp_path / "my-data")
    monkeypatch.setattr(datasets, "load_dataset", _no_library)
    open_and_wait(qtbot, window, folder, "failed")
    heading, report = reports[0]
    assert "应用无法加载它的一个程序库" in heading and "请腾出磁盘空间" in heading
    assert "my-data" not in heading  # the dataset is not at fault
    assert "No space left on device" in report and "/tmp/_MEI0" in report
    assert "make room there and start the app again" in report
    assert window.dataset is before and window.select_fact(FACT)


def test_the_start_without_a_library_says_so_instead_of_blaming_the_bundled_data(
        window, qtbot, monkeypatch, reports):
    monkeypatch.setattr(datasets, "load_bundled", _no_library)
    with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
        window.loads.open_bundled(quiet=True)  # the load behind a start from the snapshot
    assert blocker.args == ["failed"]
    heading, report = reports[0]
    assert "应用无法加载它的一个程序库" in heading and "内置数据集已损坏" not in heading
    assert UNPACK_FAILED in report
    assert window.dataset is None


def test_a_start_that_loads_its_data_first_reports_a_missing_library(qapp, qtbot, monkeypatch):
    from desktop.ui import launch
    warned = []
    monkeypatch.setattr(launch, "load_bundled", _no_library)
    monkeypatch.setattr(launch, "_warn", lambda text, details: warned.append((text, details)))
    window = launch.open_main_window(qapp, lang="zh", show=False)
    qtbot.addWidget(window)
    assert warned == [(warned[0][0], UNPACK_FAILED)]
    assert "应用无法加载它的一个程序库" in warned[0][0]
    assert window.dataset is None


def test_every_problem_is_in_the_report(window, qtbot, reports, tmp_path):
    folder = build_case(CASES[0], tmp_path / "dataset")
    set_cells("themes", 3, order="x")(folder)
    open_and_wait(qtbot, window, folder, "failed")
    report = reports[0][1]
    assert "facts.csv, row 7, column “value”" in report
    assert "themes.csv, row 3, column “order”" in report


@pytest.mark.qt_log_ignore("propagateSizeHints")  # the offscreen platform's note on dialogs
def test_the_report_dialog_is_plain_selectable_and_copyable(window, qtbot):
    report = "1 problem(s) in x:\n  • facts.csv, row 2, column “value”: the value “<b>8</b>” is not a number."
    dialog = datasets.show_report(window, "x could not be opened.", report)
    qtbot.waitExposed(dialog)
    assert dialog.text.toPlainText() == report
    assert dialog.text.isReadOnly()
    assert dialog.heading.textFormat() == Qt.TextFormat.PlainText
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert report in QGuiApplication.clipboard().text()
    dialog.close()


def test_not_a_dataset(window, qtbot, reports, tmp_path):
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    before = window.dataset
    assert window.loads.open_path(notes) is None
    assert "is neither a dataset folder" in reports[0][1]
    assert window.dataset is before


# --------------------------------------------------------------------------- opening

def test_modified_copy_shows_the_new_figure(window, qtbot, reports, dataset_copy):
    set_fact(dataset_copy, FACT, value="95")
    open_and_wait(qtbot, window, dataset_copy)
    assert reports == []
    assert window.windowTitle().endswith("— dataset")
    assert window.select_fact(FACT)
    figure = fact_view(window.dataset, FACT, "zh").figure
    assert "95" in figure and "80" not in figure
    assert window.detail.figure.text() == figure
    from desktop.domain.charts import chart_specs
    bars = {bar.fact_id: bar.value for spec in chart_specs(window.dataset, window.current_scope(), "zh")
            for bar in spec.bars}
    assert bars[FACT] == 95
    assert str(dataset_copy) in datasets.recent_datasets(window.settings)


def test_open_folder_dialog(window, qtbot, reports, monkeypatch, dataset_copy):
    monkeypatch.setattr(QFileDialog, "getExistingDirectory", lambda *args, **kwargs: str(dataset_copy))
    with qtbot.waitSignal(window.loads.finished, timeout=20_000):
        window.actions_by_id["open_dataset_folder"].trigger()
    assert window.dataset.origin == dataset_copy


def test_cancelled_file_dialog_changes_nothing(window, qtbot, monkeypatch):
    before = window.dataset
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: ("", ""))
    window.actions_by_id["open_dataset"].trigger()
    assert not window.loads.busy()
    assert window.dataset is before


def test_zip_and_workbook_open(window, qtbot, reports, tmp_path, dataset_copy):
    archive = make_zip(dataset_copy, tmp_path / "conference.zip")
    open_and_wait(qtbot, window, archive)
    assert window.windowTitle().endswith("— conference.zip")
    assert window.dataset.kind == "zip"


def test_reload_picks_up_an_edit_on_disk(window, qtbot, reports, dataset_copy):
    open_and_wait(qtbot, window, dataset_copy)
    assert window.select_fact(FACT)
    set_fact(dataset_copy, FACT, title_zh="改过的标题")
    with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
        press(qtbot, window, Qt.Key.Key_R)
    assert blocker.args == ["loaded"]
    assert window.current_fact == FACT  # the same fact stays selected
    assert window.detail.title.text() == "改过的标题"


def test_reload_of_a_now_broken_file_keeps_what_was_shown(window, qtbot, reports, dataset_copy):
    open_and_wait(qtbot, window, dataset_copy)
    shown = window.dataset
    set_fact(dataset_copy, FACT, value="lots")
    window.actions_by_id["reload_dataset"].trigger()
    qtbot.waitUntil(lambda: len(reports) == 1, timeout=20_000)
    assert "the value “lots” is not a number" in reports[0][1]
    assert window.dataset is shown


def test_back_to_the_bundled_dataset(window, qtbot, reports, dataset_copy):
    bundled_title = window.windowTitle()
    open_and_wait(qtbot, window, dataset_copy)
    assert window.windowTitle() != bundled_title
    with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
        window.actions_by_id["bundled_dataset"].trigger()
    assert blocker.args == ["loaded"]
    assert getattr(window.dataset, "bundled", False)
    assert window.windowTitle() == bundled_title


# --------------------------------------------------------------------------- recent datasets

def test_recent_menu_lists_opened_datasets(window, qtbot, reports, tmp_path, dataset_copy):
    archive = make_zip(dataset_copy, tmp_path / "talk.zip")
    open_and_wait(qtbot, window, dataset_copy)
    open_and_wait(qtbot, window, archive)
    assert datasets.recent_datasets(window.settings) == [str(archive), str(dataset_copy)]

    menu = window.findChild(QMenu, "recent_datasets")
    file_menu = window.actions_by_id["open_dataset"].associatedObjects()
    assert any(isinstance(m, QMenu) and menu.menuAction() in m.actions() for m in file_menu)
    menu.aboutToShow.emit()
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts[0] == "&1 talk.zip" and texts[1] == "&2 dataset"

    archive.unlink()  # gone since: shown, but disabled
    menu.aboutToShow.emit()
    first = menu.actions()[0]
    assert not first.isEnabled() and "talk.zip" in first.text()
    with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
        menu.actions()[1].trigger()
    assert blocker.args == ["loaded"]
    assert window.dataset.origin == dataset_copy
    assert datasets.recent_datasets(window.settings)[0] == str(dataset_copy)


def test_recent_list_keeps_the_last_eight(window, qtbot, reports, tmp_path, dataset_copy):
    for n in range(10):
        datasets.remember_dataset(window.settings, tmp_path / f"d{n}")
    recent = datasets.recent_datasets(window.settings)
    assert len(recent) == 8 and recent[0].endswith("d9")
    window.loads.clear_recent()
    assert datasets.recent_datasets(window.settings) == []


# --------------------------------------------------------------------------- drag and drop

def _mime(*paths) -> QMimeData:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    return mime


def test_dropping_a_folder_opens_it(window, qtbot, reports, dataset_copy, tmp_path):
    mime = _mime(tmp_path / "not-a-dataset.txt", dataset_copy)
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    QApplication.sendEvent(window, enter)
    assert enter.isAccepted()
    drop = QDropEvent(QPointF(window.rect().center()), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
        QApplication.sendEvent(window, drop)
    assert blocker.args == ["loaded"]
    assert window.dataset.origin == dataset_copy
    assert window.windowTitle().endswith("— dataset")


def test_dropping_something_else_is_refused(window, qtbot, tmp_path):
    photo = tmp_path / "photo.jpg"
    photo.write_bytes(b"\xff\xd8")
    mime = _mime(photo)  # kept referenced: the event does not own it
    enter = QDragEnterEvent(window.rect().center(), Qt.DropAction.CopyAction, mime,
                            Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    enter.ignore()
    QApplication.sendEvent(window, enter)
    assert not enter.isAccepted()
    assert not window.loads.busy()


# --------------------------------------------------------------------------- long loads

@pytest.fixture
def slow_load(monkeypatch, window):
    """load_dataset that reads the first table, then waits until the test releases it."""
    release = threading.Event()
    real = datasets.load_dataset

    def slow(path, progress):
        progress("facts.csv", 0.2)
        release.wait(30)
        if not progress("checking", 0.85):
            from desktop.domain.errors import LoadCancelled
            raise LoadCancelled()
        return real(path, progress)
    monkeypatch.setattr(datasets, "load_dataset", slow)
    yield release
    release.set()


def test_a_long_load_shows_progress_and_can_be_cancelled(window, qtbot, reports, slow_load,
                                                         dataset_copy):
    before = window.dataset
    job = window.loads.open_path(dataset_copy)
    dialog = window.findChild(QProgressDialog, "dataset progress")
    qtbot.waitUntil(dialog.isVisible, timeout=10_000)  # after PROGRESS_DELAY_MS
    assert "facts.csv" in dialog.labelText()

    # the window is responsive meanwhile: the search still filters the tree
    window.search.setText("科技")
    qtbot.waitUntil(lambda: window.search_hits is not None)

    cancel = next(b for b in dialog.findChildren(QPushButton) if b.isVisible())
    with qtbot.waitSignal(window.loads.finished, timeout=10_000) as blocker:
        qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert blocker.args == ["cancelled"]
    assert "已取消打开" in window.statusBar().currentMessage()
    with qtbot.waitSignal(job.finished, timeout=20_000):
        slow_load.set()  # the worker notices and stops; its late answer changes nothing
    assert window.dataset is before
    assert reports == []
    assert window.findChild(QProgressDialog, "dataset progress") is None or not dialog.isVisible()


def test_a_newer_open_replaces_a_running_one(window, qtbot, reports, slow_load, dataset_copy,
                                             tmp_path):
    first = window.loads.open_path(dataset_copy)
    archive = make_zip(dataset_copy, tmp_path / "second.zip")
    with qtbot.waitSignal(window.loads.finished, timeout=20_000) as blocker:
        window.loads.open_path(archive)
        slow_load.set()  # both may now finish; only the second one counts
    assert blocker.args == ["loaded"]
    assert first.is_cancelled()
    assert window.dataset.display_name() == "second.zip"
    assert window.windowTitle().endswith("— second.zip")


# --------------------------------------------------------------------------- plain text

HTML_TITLE = '<b>bold</b> <img src=x> <a href="https://example.org">link</a>'
HTML_TEXT = '<script>alert(1)</script><i>statement</i> &amp; <br> <h1>big</h1>'
HTML_QUOTE = '<img src=x onerror=alert(1)>“引语”<b>粗</b>'


def test_html_in_the_data_is_shown_literally(window, qtbot, reports, dataset_copy):
    set_fact(dataset_copy, FACT, title_zh=HTML_TITLE, title_en=HTML_TITLE, text_zh=HTML_TEXT,
             text_en=HTML_TEXT, quote=HTML_QUOTE)
    article = dataset_copy / "sources" / "article.txt"
    article.write_text(article.read_text("utf-8") + HTML_QUOTE + "\n", encoding="utf-8")
    open_and_wait(qtbot, window, dataset_copy)
    assert reports == []
    assert window.select_fact(FACT)
    detail = window.detail
    for label, text in ((detail.title, HTML_TITLE), (detail.statement, HTML_TEXT)):
        assert label.text() == text
        assert label.textFormat() == Qt.TextFormat.PlainText
    assert HTML_QUOTE in detail.quote.text()
    assert detail.quote.textFormat() == Qt.TextFormat.PlainText
    # nothing in the pane was turned into a link or an image
    for label in detail.findChildren(QLabel):
        if label.textFormat() != Qt.TextFormat.PlainText:
            assert "<img src=x" not in label.text() and "<b>bold</b>" not in label.text()
    index = window.model.find_fact(FACT)
    assert index.data(Qt.ItemDataRole.DisplayRole).startswith(HTML_TITLE)
    window.set_language("en")
    assert window.detail.title.text() == HTML_TITLE
    assert window.model.find_fact(FACT).data(Qt.ItemDataRole.DisplayRole).startswith(HTML_TITLE)


@pytest.mark.parametrize("lang, said", [("zh", "已打开 "), ("en", "Opened ")])
def test_the_status_says_how_many_facts_opened_in_the_window_language(window, qtbot, reports,
                                                                     tmp_path, lang, said):
    """English had no plural form for it ("… 105 fact(s)."), and large counts read ungrouped
    ("100000条事实"); now 4,400 in both languages, on the status line and in the tree."""
    import sys
    from pathlib import Path
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    import make_dataset

    folder = make_dataset.make_dataset(4400, tmp_path / "ds")  # a section of 1,000 or more
    window.set_language(lang)
    open_and_wait(qtbot, window, folder)
    message = window.statusBar().currentMessage()
    count = len(window.dataset.facts)
    assert count >= 4400
    assert message.startswith(said) and f"{count:,}" in message
    assert "(s)" not in message and "%" not in message
    model = window.tree.model()
    tops = [model.index(row, 0).data() for row in range(model.rowCount())]
    assert any(f"({group.total:,})" in text and group.total >= 1000
               for group in window.model.visible_groups() for text in tops)


def test_memory_a_dataset_freed_goes_back_to_the_system_once_the_next_is_indexed(
        window, qtbot, reports, dataset_copy, monkeypatch):
    """Going back from 100k facts to the bundled data left the process at 310-370 MiB with
    nothing of the large dataset alive; the allocator's free pages are now handed back once the
    next dataset's search index is built (238-262 MiB)."""
    import sys

    from desktop.base import memory
    from desktop.ui import browse

    qtbot.waitUntil(lambda: window.browser.index is not None, timeout=10_000)  # the first one's
    # what each index build did, in order (on its worker thread: the window's dataset may not
    # be the new one yet when a small dataset's build is already done)
    order = []
    indexed = browse._indexed
    monkeypatch.setattr(browse, "give_back", lambda: order.append("given back") or True)
    monkeypatch.setattr(browse, "_indexed",
                        lambda dataset, progress, give: (order.append(dataset), indexed(dataset, progress, give))[1])
    open_and_wait(qtbot, window, dataset_copy)
    qtbot.waitUntil(lambda: window.browser.index is not None, timeout=10_000)
    started = [i for i, item in enumerate(order) if item is window.dataset]
    assert started and "given back" in order[started[-1]:], order
    if sys.platform.startswith("linux"):
        assert memory.give_back() is True      # glibc: malloc_trim is there and runs


def test_memory_a_first_start_has_nothing_to_give_back_and_does_not_look_for_the_way(tmp_path):
    """The bundled dataset on a first start replaces nothing and its index is small: no
    malloc_trim, and no looking it up (ctypes.util finds the C library by running ldconfig)."""
    from tests.conftest import run_fresh, window_script
    code = window_script("en") + (
        "from PySide6.QtCore import QTimer\n"
        "def check():\n"
        "    if w.browser.index is not None:\n"
        "        from desktop.base.memory import _malloc_trim\n"
        "        print('indexed', len(w.dataset.facts), _malloc_trim.cache_info().currsize,\n"
        "              'ctypes.util' in sys.modules)\n"
        "        app.quit()\n"
        "timer = QTimer()\n"
        "timer.timeout.connect(check)\n"
        "timer.start(10)\n"
        "app.exec()\n")
    run = run_fresh(code, tmp_path)
    assert run.returncode == 0, run.stderr
    assert run.stdout.split()[-4:] == ["indexed", "105", "0", "False"], run.stdout
