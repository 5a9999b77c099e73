"""Opening the main window: language, settings, the dataset, then show."""

from __future__ import annotations

import logging

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.i18n import install_translator, system_language
from desktop.domain import DatasetError, load_dataset
from desktop.domain.bundled import load_bundled
from desktop.ui.datasets import library_missing_text
from desktop.ui.main_window import MainWindow
from desktop.ui.window_state import start_state
from desktop.ui import snapshot
from desktop.ui.settings import open_settings

log = logging.getLogger(__name__)

#: After a first paint from a snapshot with a chart, the data loads once that chart is drawn, or
#: after this long if it is not (the chart panel hidden, a canvas that fails).
CHART_WAIT_MS = 1500


def open_main_window(app: QApplication, lang: str | None = None, dataset_path: str | None = None,
                     show: bool = True, fast: bool = False) -> MainWindow | None:
    """The window on its dataset. ``fast`` (the GUI start): when a first-paint snapshot of this
    start is at hand, paint it at once and load the bundled data right after the first paint."""
    settings = open_settings()
    lang = lang or settings.value("MainWindow/language", "", type=str) or system_language()
    if lang not in ("zh", "en"):
        lang = "zh"
    install_translator(app, lang)
    if fast and not dataset_path:
        window = _from_snapshot(settings, lang)
        if window is not None:
            if show:
                window.show()
            return window
    dataset = None
    if dataset_path:
        try:
            dataset = load_dataset(dataset_path)
        except DatasetError as exc:
            log.error("could not open %s:\n%s", dataset_path, exc.report())
            _warn(app.translate("launch", "The dataset could not be opened; the bundled dataset "
                                          "is shown instead."), exc.report())
        except ImportError:
            pass  # the bundled dataset below fails the same way, and says why
    if dataset is None:
        try:
            dataset = load_bundled()
        except DatasetError as exc:
            log.error("the bundled dataset is broken:\n%s", exc.report())
            _warn(app.translate("launch", "The bundled dataset is damaged. Reinstall the app, or "
                                          "open another dataset."), exc.report())
        except ImportError as exc:  # the single file unpacks pandas after it starts
            log.error("a library could not be loaded: %s", exc)
            _warn(library_missing_text(), str(exc))
    window = MainWindow(dataset, settings, lang)
    if show:
        window.show()
    return window


def _warn(text: str, details: str) -> None:
    from desktop.ui.platform import close_splash
    close_splash()  # the single-file build's splash screen must not cover this message
    box = QMessageBox(QMessageBox.Icon.Warning, QApplication.applicationDisplayName(), text)
    box.setDetailedText(details)
    box.exec()


def _from_snapshot(settings, lang: str) -> MainWindow | None:
    found = snapshot.find(start_state(settings, lang))
    if found is None:
        return None
    window = MainWindow(None, settings, lang, snapshot=found)

    def load() -> None:
        # the snapshot matched this version and the data's fingerprint: it was taken from these
        # files loaded, and so checked, by this version (snapshot.read): not checked again
        if window.waiting and not window.loads.busy():
            window.loads.open_bundled(quiet=True, checked=True)

    def painted(what: str) -> None:
        # with the snapshot's chart: pyqtgraph draws it first, then pandas and the data load (one
        # after the other is sooner for both than side by side: each import holds the interpreter)
        if what == "chart" or not window.charts.previewing:
            load()
        elif what == "content":  # a chart that cannot paint (a hidden panel) holds nothing up
            QTimer.singleShot(CHART_WAIT_MS, window, load)
    window.contentPainted.connect(painted)
    log.info("first paint from the snapshot; the data loads after it")
    return window
