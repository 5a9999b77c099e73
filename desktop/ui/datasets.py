"""Bringing your own dataset: open a folder, a .zip or an .xlsx (dialog, drag and drop, recent
list), reload it from disk, or go back to the bundled one.

A load runs :func:`desktop.domain.load_dataset` on a worker thread and reports back through a
queued signal, so the window keeps painting; after half a second a progress dialog appears with a
Cancel button. The dataset on screen is replaced only by a dataset that loaded completely: when
loading fails, a report lists every problem (copyable) and the old dataset stays open."""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Callable

# the dialogs' classes are asked of QtWidgets where they are used: PySide6 makes a class with its
# enums on first use (QFileDialog, QDialogButtonBox, QPlainTextEdit: ~3.5 ms before the first paint)
from PySide6 import QtWidgets
from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer, QUrl, Signal, Slot
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import QDialog, QLabel, QMenu, QProgressDialog, QPushButton, QVBoxLayout

from desktop.base.paths import data_path
from desktop.domain import Dataset, DatasetError, load_dataset
from desktop.domain.bundled import load_bundled
from desktop.domain.errors import LoadCancelled, Problem
from desktop.domain.schema import TABLE_FILES
from desktop.ui.fonts import app_font
from desktop.ui.host import Host
from desktop.ui.paint import viewport_of
from desktop.ui.worker import Worker, window_busy

log = logging.getLogger(__name__)

GROUP = "Datasets"
RECENT_KEY = f"{GROUP}/recent"
MAX_RECENT = 8
#: A load that takes longer than this shows a progress dialog (QProgressDialog.minimumDuration).
PROGRESS_DELAY_MS = 500
#: After a dataset arrives, jobs stay paused this long: the new tree, page and chart paint first
#: (at 100k facts ~0.1-0.2 s, through hundreds of calls into Python). The search index build
#: starts right then, and competing with it for the interpreter that paint froze the window for
#: up to 0.2 s (make bench, "typing").
NEW_DATASET_HOLD_S = 0.3
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


def current_name(dataset: Dataset | None) -> str:
    if dataset is None:
        return translate("datasets", "no dataset")
    if dataset.bundled:
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
        self.text = QtWidgets.QPlainTextEdit(report)
        self.text.setObjectName("report text")
        self.text.setAccessibleName(translate("datasets", "Problems found"))
        self.text.setReadOnly(True)
        self.text.setLineWrapMode(QtWidgets.QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.text.setFont(app_font(10))
        buttons = QtWidgets.QDialogButtonBox(QtWidgets.QDialogButtonBox.StandardButton.Close)
        self.copy_button = QPushButton(translate("datasets", "Copy report"))
        self.copy_button.setObjectName("copy report")
        buttons.addButton(self.copy_button, QtWidgets.QDialogButtonBox.ButtonRole.ActionRole)
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


class _Load:
    """One request: what is being opened, and its progress dialog."""

    def __init__(self, worker: Worker, origin: str, remember: str | None, quiet: bool = False):
        self.worker, self.origin, self.remember, self.quiet = worker, origin, remember, quiet
        self.dialog: QProgressDialog | None = None


class DatasetLoads(QObject):
    """Opening datasets for the window: dialogs, drops, the recent list, reload. At most one
    load is current; a newer request cancels an older one. Loads run on a Worker."""

    finished = Signal(str)  # "loaded" | "failed" | "cancelled", once per request

    def __init__(self, host: Host):
        super().__init__(host.widget())
        self.setObjectName("dataset loads")
        self.host = host
        self.load: _Load | None = None
        self.drops = _DropFilter(self)
        window = host.widget()
        window.setAcceptDrops(True)
        self.drops.watch(window)
        if host.charts.made:
            self.drops.watch(host.charts.canvas)
        else:  # the chart canvas is made just after the first paint
            host.charts.ready.connect(self.drops.watch)

    def watch_drops(self, widget) -> None:
        self.drops.watch(widget)

    # ---- starting
    def start(self, task: Callable, origin: str, remember: str | None = None,
              quiet: bool = False) -> Worker:
        """Load in the background. ``quiet``: the start-up load of the bundled data behind a
        first-paint snapshot — no progress dialog, no message unless it fails, and no giving way
        to the window (the first chart waits for this load)."""
        self.cancel(silent=True)
        worker = Worker(task, "dataset load", self, gives_way=not quiet)
        load = _Load(worker, origin, remember, quiet)
        worker.progressed.connect(lambda step, fraction: self._progressed(load, step, fraction))
        worker.done.connect(lambda dataset: self._done(load, "loaded", dataset))
        worker.failed.connect(lambda exc: self._done(load, "failed", exc))
        worker.cancelled.connect(lambda: self._done(load, "cancelled", None))
        worker.finished.connect(worker.deleteLater)
        self.load = load
        if not quiet:
            load.dialog = self._progress_dialog(load)
            self.host.show_status(translate("datasets", "Opening %1…").replace("%1", _label(origin)))
        worker.start()
        return worker

    def _progress_dialog(self, load: _Load) -> QProgressDialog:
        dialog = QProgressDialog(
            translate("datasets", "Opening %1…").replace("%1", _label(load.origin)),
            translate("datasets", "Cancel"), 0, 100, self.host.widget())
        dialog.setObjectName("dataset progress")
        dialog.setWindowTitle(translate("datasets", "Opening dataset"))
        # not modal: a modal QProgressDialog runs processEvents() inside setValue(), and the
        # load's answer could then close the dialog under its own feet; the window stays usable
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # shown by this panel's timer, not QProgressDialog's own: a new window is work the
        # load must give way to (window_busy), as it would freeze typing for 0.1 s otherwise
        dialog.setMinimumDuration(1 << 30)
        dialog.setValue(0)
        dialog.canceled.connect(self._cancel_clicked)
        QTimer.singleShot(PROGRESS_DELAY_MS, dialog, lambda: self._show_dialog(load))
        return dialog

    @window_busy()
    def _show_dialog(self, load: _Load) -> None:
        if load is self.load and load.dialog is not None:
            load.dialog.show()

    # ---- cancelling
    def busy(self) -> bool:
        return self.load is not None

    def cancel(self, silent: bool = False) -> None:
        load, self.load = self.load, None
        if load is None:
            return
        load.worker.cancel()
        self._close_dialog(load)
        if not silent:
            self._cancelled_message()
            self.finished.emit("cancelled")

    @Slot()
    def _cancel_clicked(self) -> None:
        self.cancel()

    def _cancelled_message(self) -> None:
        self.host.show_status(translate("datasets", "Opening cancelled; %1 stays open.")
                              .replace("%1", current_name(self.host.dataset)), 8000)

    @staticmethod
    def _close_dialog(load: _Load) -> None:
        dialog, load.dialog = load.dialog, None
        if dialog is None:
            return
        try:
            dialog.canceled.disconnect()
        except (RuntimeError, TypeError):
            pass
        dialog.close()
        dialog.deleteLater()

    # ---- results (GUI thread)
    @window_busy()  # the progress dialog repaints
    def _progressed(self, load: _Load, step: str, fraction: float) -> None:
        if load is not self.load or load.dialog is None:
            return
        load.dialog.setLabelText(_step_text(load.origin, step))
        load.dialog.setValue(max(1, min(99, int(fraction * 100))))

    @window_busy(hold=NEW_DATASET_HOLD_S)
    def _done(self, load: _Load, outcome: str, payload) -> None:
        if load is not self.load:  # cancelled or replaced by a newer request: already answered
            return
        self.load = None
        self._close_dialog(load)
        if outcome == "loaded":
            self._apply(load, payload)
        elif outcome == "failed":
            self._failed(load, payload)
        else:
            self._cancelled_message()
            self.finished.emit("cancelled")

    def _apply(self, load: _Load, dataset) -> None:
        host = self.host
        previous = host.dataset
        try:
            host.set_dataset(dataset)
        except Exception:  # showing it failed half way: put the old one back as it was
            log.exception("could not show the dataset %s", load.origin)
            host.set_dataset(previous)
            self._failed(load, DatasetError([Problem(_label(load.origin), "loaded, but could not be "
                                                     "shown because of an internal error.",
                                                     "The details are in the log file.")],
                                            load.origin))
            return
        if load.remember:
            remember_dataset(host.settings, load.remember)
            host.settings.setValue(f"{GROUP}/last_folder", str(Path(load.remember).parent))
        if not load.quiet:
            count = len(dataset.facts)
            host.show_status(translate("datasets", "Opened %1. Facts: %Ln.", "", count)
                             .replace("%1", current_name(dataset)), 8000)
        self.finished.emit("loaded")

    def _failed(self, load: _Load, failure: Exception) -> None:
        error = _as_dataset_error(failure, load.origin)
        if load.quiet:  # the bundled data behind the first paint: the window has nothing else
            self.host.set_dataset(None)
        if isinstance(failure, ImportError):  # not the data's fault: no dataset can be read now
            heading = library_missing_text()
        elif load.quiet:
            heading = translate("datasets", "The bundled dataset is damaged. Reinstall the app, "
                                            "or open another dataset.")
        else:
            heading = translate("datasets", "%1 could not be opened. %2 stays open.") \
                .replace("%1", _label(load.origin)).replace("%2", current_name(self.host.dataset))
        self.host.show_status(heading, 8000)
        log.info("dataset %s refused:\n%s", load.origin, error.report(limit=50))
        show_report(self.host.widget(), heading, error.report(limit=1000))
        self.finished.emit("failed")

    # ---- commands
    def open_path(self, path: str | Path) -> Worker | None:
        """Open a dataset folder, .zip or .xlsx (or a folder's facts.csv) in the background."""
        target = dataset_path(path)
        if target is None:
            heading = translate("datasets", "%1 is not a dataset. %2 stays open.") \
                .replace("%1", _label(path)).replace("%2", current_name(self.host.dataset))
            show_report(self.host.widget(), heading, str(DatasetError([Problem(
                _label(path), "is neither a dataset folder, a .zip nor an .xlsx workbook.",
                "Open the folder that holds facts.csv, themes.csv and sources.csv.")], str(path))))
            return None
        origin = os.path.abspath(str(target))
        return self.start(lambda progress: load_dataset(origin, progress), origin, remember=origin)

    def _start_dir(self) -> str:
        folder = self.host.settings.value(f"{GROUP}/last_folder", "", type=str)
        if folder and os.path.isdir(folder):
            return folder
        dataset = self.host.dataset
        if dataset is not None and not dataset.bundled:
            return str(Path(dataset.origin).parent)
        return str(Path.home())

    def open_dialog(self) -> None:
        """File → Open dataset…: a .zip, an .xlsx, or a folder by way of its facts.csv."""
        path, _filter = QtWidgets.QFileDialog.getOpenFileName(
            self.host.widget(), translate("datasets", "Open dataset"), self._start_dir(),
            translate("datasets", "Datasets (*.zip *.xlsx facts.csv);;Zip archives (*.zip);;"
                                  "Excel workbooks (*.xlsx);;Dataset folder, by its facts.csv "
                                  "(facts.csv);;All files (*)"))
        if path:
            self.open_path(path)

    def open_folder_dialog(self) -> None:
        """File → Open dataset folder…"""
        path = QtWidgets.QFileDialog.getExistingDirectory(
            self.host.widget(), translate("datasets", "Open dataset folder"), self._start_dir())
        if path:
            self.open_path(path)

    def reload(self) -> None:
        """Read the open dataset again from disk (after editing it in a spreadsheet)."""
        dataset = self.host.dataset
        if dataset is None:
            return
        if dataset.bundled:
            self.open_bundled()
            return
        origin = str(dataset.origin)
        self.start(lambda progress: load_dataset(origin, progress), origin, remember=origin)

    def open_bundled(self, quiet: bool = False, checked: bool = False) -> None:
        """File → Back to the bundled dataset (and, quietly and ``checked``, the start behind a
        snapshot: see :func:`load_bundled`)."""
        def task(progress):
            if not progress("facts.csv", 0.0):
                raise LoadCancelled()
            return load_bundled(checked=checked)
        self.start(task, str(data_path()), remember=None, quiet=quiet)

    # ---- the recent list (File → Recent datasets, filled each time it opens)
    def fill_recent_menu(self, menu: QMenu) -> None:
        menu.clear()
        entries = recent_datasets(self.host.settings)
        for number, path in enumerate(entries, start=1):
            name = _label(path).replace("&", "&&")
            action = QAction(f"&{number} {name}" if number < 10 else name, menu)
            action.setObjectName(f"recent {number}")
            action.setData(path)
            if dataset_path(path) is None or not os.path.exists(path):
                action.setEnabled(False)
                action.setText(action.text() + " " + translate("datasets", "(not found)"))
                action.setToolTip(translate("datasets", "%1 is no longer there").replace("%1", path))
            else:
                action.setToolTip(path)
                action.triggered.connect(lambda checked=False, p=path: self.open_path(p))
            menu.addAction(action)
        if not entries:
            empty = menu.addAction(translate("datasets", "No recent datasets"))
            empty.setEnabled(False)
        else:
            menu.addSeparator()
            clear = menu.addAction(translate("datasets", "Clear the list"))
            clear.setObjectName("clear recent")
            clear.triggered.connect(lambda checked=False: self.clear_recent())

    def clear_recent(self) -> None:
        self.host.settings.remove(RECENT_KEY)
        self.host.show_status(translate("datasets", "The list of recent datasets is cleared."), 4000)


def library_missing_text() -> str:
    """What the window says when reading a dataset raised ImportError: the single file unpacks
    pandas and numpy after it has started (packaging/pyi_rth_late_files.py), and a full disk
    stops that."""
    return translate("datasets", "The app could not load one of its libraries: no dataset can "
                                 "be opened. Make room on the disk and start the app again, or "
                                 "reinstall it.")


def _as_dataset_error(exc: Exception, origin: str) -> DatasetError:
    if isinstance(exc, DatasetError):
        return exc
    if isinstance(exc, ImportError):  # the single file unpacks pandas after it starts
        return DatasetError([Problem(_label(origin), f"could not be read: {exc}.",
                                     "The single-file app unpacks its libraries into the "
                                     "system's temporary folder as it starts: make room there "
                                     "and start the app again, or reinstall it.")], origin)
    # a bug, not the user's file: still say so, keep the window
    return DatasetError([Problem(_label(origin), "could not be read because of an internal error "
                                 f"({type(exc).__name__}: {exc}).",
                                 "The details are in the log file.")], origin)


def _step_text(origin: str, step: str) -> str:
    name = _label(origin)
    if step == "checking":
        return translate("datasets", "Checking %1…").replace("%1", name)
    if step == "building":
        return translate("datasets", "Preparing %1…").replace("%1", name)
    return translate("datasets", "Reading %1 of %2…").replace("%1", step).replace("%2", name)


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

    def __init__(self, loads: DatasetLoads):
        super().__init__(loads)
        self.loads = loads

    def watch(self, widget) -> None:
        """Also widgets that take drops themselves (text fields, the chart's scene)."""
        widget.installEventFilter(self)
        if callable(getattr(widget, "viewport", None)):
            viewport_of(widget).installEventFilter(self)

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
                self.loads.open_path(target)
                return True
        return False
