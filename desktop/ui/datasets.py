"""Bringing your own dataset: open a folder, a .zip or an .xlsx (dialog, drag and drop, recent
list), reload it from disk, or go back to the bundled one.

A load runs :func:`desktop.domain.load_dataset` on a worker thread and reports back through a
queued signal, so the window keeps painting; after half a second a progress dialog appears with a
Cancel button. The dataset on screen is replaced only by a dataset that loaded completely: when
loading fails, a report lists every problem (copyable) and the old dataset stays open."""

from __future__ import annotations

import logging
import os
import threading
from pathlib import Path
from typing import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import (QDialog, QDialogButtonBox, QFileDialog, QLabel, QMenu,
                               QPlainTextEdit, QProgressDialog, QPushButton, QVBoxLayout)

from desktop.app import app_font
from desktop.domain import DatasetError, load_dataset
from desktop.domain.errors import LoadCancelled, Problem
from desktop.domain.reader import TABLE_FILES

log = logging.getLogger(__name__)

GROUP = "Datasets"
RECENT_KEY = f"{GROUP}/recent"
MAX_RECENT = 8
#: A load that takes longer than this shows a progress dialog (QProgressDialog.minimumDuration).
PROGRESS_DELAY_MS = 500
DATASET_SUFFIXES = (".zip", ".xlsx")


translate = QCoreApplication.translate  # context "datasets"; pyside6-lupdate reads these calls


# --------------------------------------------------------------------------- paths


def dataset_path(path: str | Path) -> Path | None:
    """What a chosen or dropped path opens: a folder, a .zip, an .xlsx; a table CSV such as
    facts.csv stands for its folder. None for anything else."""
    path = Path(path)
    try:
        if path.is_dir():
            return path
        if path.suffix.lower() in DATASET_SUFFIXES:
            return path
        if path.name.lower() in TABLE_FILES:
            return path.parent
    except OSError:
        return None
    return None


def _label(path: str | Path) -> str:
    path = Path(path)
    return path.name or str(path)


def current_name(window) -> str:
    dataset = window.dataset
    if dataset is None:
        return translate("datasets", "no dataset")
    if getattr(dataset, "bundled", False):
        return translate("datasets", "the bundled dataset")
    return f"“{dataset.display_name()}”"


# --------------------------------------------------------------------------- recent datasets


def recent_datasets(settings) -> list[str]:
    """The recent list, newest first (QSettings gives a lone entry back as a plain string)."""
    value = settings.value(RECENT_KEY, [])
    if isinstance(value, str):
        value = [value] if value else []
    if not isinstance(value, (list, tuple)):
        return []
    return [str(v) for v in value if v][:MAX_RECENT]


def remember_dataset(settings, path: str | Path) -> None:
    path = os.path.abspath(str(path))
    entries = [path] + [p for p in recent_datasets(settings) if os.path.abspath(p) != path]
    settings.setValue(RECENT_KEY, entries[:MAX_RECENT])


def clear_recent(window) -> None:
    window.settings.remove(RECENT_KEY)
    _controller(window).rebuild_recent_menu()


# --------------------------------------------------------------------------- the report


class ReportDialog(QDialog):
    """Every problem of a dataset that could not be opened, as selectable plain text."""

    def __init__(self, parent, heading: str, report: str):
        super().__init__(parent)
        self.setObjectName("dataset report")
        self.setWindowTitle(translate("datasets", "Dataset problems"))
        self.report = report
        self.heading = QLabel(heading)
        self.heading.setObjectName("report heading")
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setWordWrap(True)
        self.text = QPlainTextEdit(report)
        self.text.setObjectName("report text")
        self.text.setAccessibleName(translate("datasets", "Problems found"))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setFont(app_font(10))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(translate("datasets", "Copy report"))
        self.copy_button.setObjectName("copy report")
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.copy_button.clicked.connect(self.copy)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.text, 1)
        layout.addWidget(buttons)
        self.resize(760, 420)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(f"{self.heading.text()}\n\n{self.report}")
        self.copy_button.setText(translate("datasets", "Copied"))


def show_report(window, heading: str, report: str) -> ReportDialog:
    """Show the report without blocking (window-modal, closed with Close or Escape)."""
    dialog = ReportDialog(window, heading, report)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


# --------------------------------------------------------------------------- loading


class _Job(QObject):
    """One load. ``run`` executes on a worker thread; the result comes back through ``done``,
    a queued signal delivered on the GUI thread."""

    progressed = Signal(object, str, float)
    done = Signal(object, str, object)  # job, "loaded" | "failed" | "cancelled", dataset or error

    def __init__(self, task: Callable, origin: str, remember: str | None, parent: QObject):
        super().__init__(parent)
        self.task = task
        self.origin = origin
        self.remember = remember
        self.cancelled = threading.Event()
        self.dialog: QProgressDialog | None = None

    def run(self) -> None:
        try:
            result = self.task(self._progress)
        except LoadCancelled:
            outcome, payload = "cancelled", None
        except DatasetError as exc:
            outcome, payload = "failed", exc
        except Exception as exc:  # a bug, not the user's file: still say so, keep the window
            log.exception("loading %s failed unexpectedly", self.origin)
            payload = DatasetError([Problem(_label(self.origin), "could not be read because of an "
                                            f"internal error ({type(exc).__name__}: {exc}).",
                                            "The details are in the log file.")], self.origin)
            outcome = "failed"
        else:
            outcome, payload = "loaded", result
        try:
            self.done.emit(self, outcome, payload)
        except RuntimeError:  # the window was closed while loading
            pass

    def _progress(self, step: str, fraction: float) -> bool:
        if self.cancelled.is_set():
            return False
        try:
            self.progressed.emit(self, step, float(fraction))
        except RuntimeError:
            return False
        return not self.cancelled.is_set()


class DatasetLoads(QObject):
    """The window's loads: at most one is current; a newer request cancels an older one."""

    finished = Signal(str)  # "loaded" | "failed" | "cancelled", once per request

    def __init__(self, window):
        super().__init__(window)
        self.setObjectName("dataset loads")
        self.window = window
        self.job: _Job | None = None
        self.recent_menu: QMenu | None = None
        self.folder_action: QAction | None = None

    # ---- starting
    def start(self, task: Callable, origin: str, remember: str | None = None) -> _Job:
        self.cancel(silent=True)
        job = _Job(task, origin, remember, self)
        job.progressed.connect(self._progressed, Qt.ConnectionType.QueuedConnection)
        job.done.connect(self._done, Qt.ConnectionType.QueuedConnection)
        self.job = job
        job.dialog = self._progress_dialog(job)
        self.window.statusBar().showMessage(
            translate("datasets", "Opening %1…").replace("%1", _label(origin)))
        threading.Thread(target=job.run, name="dataset-load", daemon=True).start()
        return job

    def _progress_dialog(self, job: _Job) -> QProgressDialog:
        dialog = QProgressDialog(
            translate("datasets", "Opening %1…").replace("%1", _label(job.origin)),
            translate("datasets", "Cancel"), 0, 100, self.window)
        dialog.setObjectName("dataset progress")
        dialog.setWindowTitle(translate("datasets", "Opening dataset"))
        # not modal: a modal QProgressDialog runs processEvents() inside setValue(), and the
        # load's answer could then close the dialog under its own feet; the window stays usable
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setMinimumDuration(PROGRESS_DELAY_MS)
        dialog.setValue(0)  # starts the timer that shows it after PROGRESS_DELAY_MS
        dialog.canceled.connect(self._cancel_clicked)
        return dialog

    # ---- cancelling
    def busy(self) -> bool:
        return self.job is not None

    def cancel(self, silent: bool = False) -> None:
        job, self.job = self.job, None
        if job is None:
            return
        job.cancelled.set()
        self._close_dialog(job)
        if not silent:
            self._cancelled_message()
            self.finished.emit("cancelled")

    @Slot()
    def _cancel_clicked(self) -> None:
        self.cancel()

    def _cancelled_message(self) -> None:
        self.window.statusBar().showMessage(
            translate("datasets", "Opening cancelled; %1 stays open.")
            .replace("%1", current_name(self.window)), 8000)

    @staticmethod
    def _close_dialog(job: _Job) -> None:
        dialog, job.dialog = job.dialog, None
        if dialog is None:
            return
        try:
            dialog.canceled.disconnect()
        except (RuntimeError, TypeError):
            pass
        dialog.close()
        dialog.deleteLater()

    # ---- results (GUI thread)
    @Slot(object, str, float)
    def _progressed(self, job: _Job, step: str, fraction: float) -> None:
        if job is not self.job or job.dialog is None:
            return
        job.dialog.setLabelText(_step_text(job.origin, step))
        job.dialog.setValue(max(1, min(99, int(fraction * 100))))

    @Slot(object, str, object)
    def _done(self, job: _Job, outcome: str, payload) -> None:
        job.deleteLater()
        if job is not self.job:  # cancelled or replaced by a newer request: already answered
            return
        self.job = None
        self._close_dialog(job)
        if outcome == "loaded":
            self._apply(job, payload)
        elif outcome == "failed":
            self._failed(job, payload)
        else:
            self._cancelled_message()
            self.finished.emit("cancelled")

    def _apply(self, job: _Job, dataset) -> None:
        window = self.window
        previous = window.dataset
        try:
            window.set_dataset(dataset)
        except Exception:  # showing it failed half way: put the old one back as it was
            log.exception("could not show the dataset %s", job.origin)
            window.set_dataset(previous)
            self._failed(job, DatasetError([Problem(_label(job.origin), "loaded, but could not be "
                                                    "shown because of an internal error.",
                                                    "The details are in the log file.")],
                                           job.origin))
            return
        if job.remember:
            remember_dataset(window.settings, job.remember)
            window.settings.setValue(f"{GROUP}/last_folder", str(Path(job.remember).parent))
            self.rebuild_recent_menu()
        count = len(dataset.facts)
        window.statusBar().showMessage(translate("datasets", "Opened %1: %n fact(s).", "", count)
                                       .replace("%1", current_name(window)), 8000)
        self.finished.emit("loaded")

    def _failed(self, job: _Job, error: DatasetError) -> None:
        window = self.window
        heading = translate("datasets", "%1 could not be opened. %2 stays open.") \
            .replace("%1", _label(job.origin)).replace("%2", current_name(window))
        window.statusBar().showMessage(heading, 8000)
        log.info("dataset %s refused:\n%s", job.origin, error.report(limit=50))
        show_report(window, heading, error.report(limit=1000))
        self.finished.emit("failed")

    # ---- the recent menu
    def rebuild_recent_menu(self) -> None:
        menu = self.recent_menu
        if menu is None:
            return
        menu.clear()
        entries = recent_datasets(self.window.settings)
        for number, path in enumerate(entries, start=1):
            name = _label(path).replace("&", "&&")
            action = QAction(f"&{number} {name}" if number < 10 else name, menu)
            action.setObjectName(f"recent {number}")
            action.setData(path)
            if dataset_path(path) is None or not os.path.exists(path):
                action.setEnabled(False)
                action.setText(action.text() + " " + translate("datasets", "(not found)"))
                action.setToolTip(translate("datasets", "%1 is no longer there")
                                  .replace("%1", path))
            else:
                action.setToolTip(path)
                action.triggered.connect(lambda checked=False, p=path: open_path(self.window, p))
            menu.addAction(action)
        if not entries:
            empty = menu.addAction(translate("datasets", "No recent datasets"))
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            clear = menu.addAction(translate("datasets", "Clear the list"))
            clear.setObjectName("clear recent")
            clear.triggered.connect(lambda checked=False: clear_recent(self.window))
        menu.setToolTipsVisible(True)

    def retranslate(self) -> None:
        if self.recent_menu is not None:  # entries are built when it opens (aboutToShow), so
            self.recent_menu.setTitle(translate("datasets", "Recent &datasets"))  # not at start-up
        if self.folder_action is not None:
            self.folder_action.setText(translate("datasets", "Open dataset &folder…"))


def _step_text(origin: str, step: str) -> str:
    name = _label(origin)
    if step == "checking":
        return translate("datasets", "Checking %1…").replace("%1", name)
    if step == "building":
        return translate("datasets", "Preparing %1…").replace("%1", name)
    return translate("datasets", "Reading %1 of %2…").replace("%1", step).replace("%2", name)


def _controller(window) -> DatasetLoads:
    loads = getattr(window, "dataset_loads", None)
    if loads is None:
        loads = DatasetLoads(window)
        window.dataset_loads = loads
    return loads


def loads(window) -> DatasetLoads:
    """The window's loader (tests wait on its ``finished`` signal)."""
    return _controller(window)


# --------------------------------------------------------------------------- commands


def open_path(window, path: str | Path) -> _Job | None:
    """Open a dataset folder, .zip or .xlsx (or a folder's facts.csv) in the background."""
    target = dataset_path(path)
    if target is None:
        heading = translate("datasets", "%1 is not a dataset. %2 stays open.") \
            .replace("%1", _label(path)).replace("%2", current_name(window))
        show_report(window, heading, str(DatasetError([Problem(
            _label(path), "is neither a dataset folder, a .zip nor an .xlsx workbook.",
            "Open the folder that holds facts.csv, themes.csv and sources.csv.")], str(path))))
        return None
    origin = os.path.abspath(str(target))
    return _controller(window).start(lambda progress: load_dataset(origin, progress), origin,
                                     remember=origin)


def _start_dir(window) -> str:
    folder = window.settings.value(f"{GROUP}/last_folder", "", type=str)
    if folder and os.path.isdir(folder):
        return folder
    dataset = window.dataset
    if dataset is not None and not getattr(dataset, "bundled", False):
        return str(Path(dataset.origin).parent)
    return str(Path.home())


def open_dataset_dialog(window) -> None:
    """File → Open dataset…: a .zip, an .xlsx, or a folder by way of its facts.csv."""
    path, _filter = QFileDialog.getOpenFileName(
        window, translate("datasets", "Open dataset"), _start_dir(window),
        translate("datasets", "Datasets (*.zip *.xlsx facts.csv);;Zip archives (*.zip);;"
                              "Excel workbooks (*.xlsx);;Dataset folder, by its facts.csv "
                              "(facts.csv);;All files (*)"))
    if path:
        open_path(window, path)


def open_folder_dialog(window) -> None:
    """File → Open dataset folder…"""
    path = QFileDialog.getExistingDirectory(window, translate("datasets", "Open dataset folder"),
                                            _start_dir(window))
    if path:
        open_path(window, path)


def reload_dataset(window) -> None:
    """Read the open dataset again from disk (after editing it in a spreadsheet)."""
    dataset = window.dataset
    if dataset is None:
        return
    if getattr(dataset, "bundled", False):
        open_bundled(window)
        return
    origin = str(dataset.origin)
    _controller(window).start(lambda progress: load_dataset(origin, progress), origin,
                              remember=origin)


def open_bundled(window) -> None:
    """File → Back to the bundled dataset."""
    from desktop.paths import data_path
    from desktop.ui import launch

    def task(progress):
        if not progress("facts.csv", 0.0):
            raise LoadCancelled()
        return launch.load_bundled()
    _controller(window).start(task, str(data_path()), remember=None)


# --------------------------------------------------------------------------- drag and drop


def dropped_dataset(mime) -> Path | None:
    """The first local folder, .zip, .xlsx or facts.csv among dropped URLs."""
    if mime is None or not mime.hasUrls():
        return None
    for url in mime.urls():
        if isinstance(url, QUrl) and url.isLocalFile():
            target = dataset_path(url.toLocalFile())
            if target is not None:
                return target
    return None


class _DropFilter(QObject):
    """Drops a dataset onto the window (or a child that would take text) and opens it."""

    def __init__(self, window):
        super().__init__(window)
        self.window = window

    def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
        kind = event.type()
        if kind in (QEvent.Type.DragEnter, QEvent.Type.DragMove):
            if dropped_dataset(event.mimeData()) is not None:
                event.acceptProposedAction()
                return True
        elif kind == QEvent.Type.Drop:
            target = dropped_dataset(event.mimeData())
            if target is not None:
                event.acceptProposedAction()
                open_path(self.window, target)
                return True
        return False


# --------------------------------------------------------------------------- install


def install(window) -> None:
    """Drag and drop, File → Open dataset folder… and File → Recent datasets."""
    controller = _controller(window)
    window.setAcceptDrops(True)
    drops = _DropFilter(window)
    window._dataset_drops = drops
    window.installEventFilter(drops)
    def watch(child) -> None:  # widgets that take drops themselves (text, the chart's scene)
        child.installEventFilter(drops)
        viewport = getattr(child, "viewport", None)
        if callable(viewport):
            viewport().installEventFilter(drops)

    watch(window.search)
    if window._chart is not None:
        watch(window._chart)
    else:  # the chart canvas is made just after the first paint
        window.chartReady.connect(watch)

    file_menu = _menu_of(window, "open_dataset")
    controller.folder_action = QAction(window)
    controller.folder_action.setObjectName("open_dataset_folder")
    controller.folder_action.setShortcut(QKeySequence("Ctrl+Shift+O"))
    controller.folder_action.triggered.connect(lambda checked=False: open_folder_dialog(window))
    window.addAction(controller.folder_action)
    controller.recent_menu = QMenu(window)
    controller.recent_menu.setObjectName("recent datasets")
    controller.recent_menu.aboutToShow.connect(controller.rebuild_recent_menu)
    if file_menu is not None:
        file_menu.insertAction(_action_after(file_menu, window.actions_by_id["open_dataset"]),
                               controller.folder_action)
        file_menu.insertMenu(_action_after(file_menu, window.actions_by_id["bundled_dataset"]),
                             controller.recent_menu)
    controller.retranslate()
    window.languageChanged.connect(lambda _lang: controller.retranslate())


def _menu_of(window, action_id: str) -> QMenu | None:
    action = window.actions_by_id.get(action_id)
    if action is None:
        return None
    for owner in action.associatedObjects():
        if isinstance(owner, QMenu):
            return owner
    return None


def _action_after(menu: QMenu, action: QAction) -> QAction | None:
    actions = menu.actions()
    try:
        index = actions.index(action)
    except ValueError:
        return None
    return actions[index + 1] if index + 1 < len(actions) else None
