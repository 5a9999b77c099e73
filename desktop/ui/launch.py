"""Opening the main window: language, settings, the dataset, then show."""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.ui.i18n import install_translator, system_language
from desktop.domain import DatasetError, load_dataset
from desktop.domain.bundled import load_bundled
from desktop.ui.main_window import MainWindow
from desktop.ui.settings import open_settings

log = logging.getLogger(__name__)


def open_main_window(app: QApplication, lang: str | None = None, dataset_path: str | None = None,
                     show: bool = True) -> MainWindow | None:
    settings = open_settings()
    lang = lang or settings.value("MainWindow/language", "", type=str) or system_language()
    if lang not in ("zh", "en"):
        lang = "zh"
    install_translator(app, lang)
    dataset = None
    if dataset_path:
        try:
            dataset = load_dataset(dataset_path)
        except DatasetError as exc:
            log.error("could not open %s:\n%s", dataset_path, exc.report())
            _warn(app.translate("launch", "The dataset could not be opened; the bundled dataset "
                                          "is shown instead."), exc.report())
    if dataset is None:
        try:
            dataset = load_bundled()
        except DatasetError as exc:
            log.error("the bundled dataset is broken:\n%s", exc.report())
            _warn(app.translate("launch", "The bundled dataset is damaged. Reinstall the app, or "
                                          "open another dataset."), exc.report())
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
