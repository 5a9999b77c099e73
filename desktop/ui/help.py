"""The Help menu: About, and the folder where the log files are."""

from __future__ import annotations

import html

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import QMessageBox

from desktop import APP_NAME, __version__
from desktop.base.userdirs import log_dir
from desktop.ui.host import Host


translate = QCoreApplication.translate  # context "HelpController"; pyside6-lupdate reads these


class HelpController:
    def __init__(self, host: Host):
        self.host = host

    def about(self) -> None:
        ds, lang = self.host.dataset, self.host.lang
        source = ds.citation(ds.sources.index[0], lang) if ds is not None and len(ds.sources) else ""
        text = translate("HelpController", 
            "<h3>BRI S&amp;T Fact Browser %1</h3>"
            "<p>Every figure of the article, with the article’s own words and who states it.</p>"
            "<p><b>Data source:</b> %2</p>"
            "<p><b>Licences:</b> the app: MIT. Bundled font: Noto Sans CJK SC (subset), "
            "SIL Open Font License 1.1. Qt for Python (PySide6): LGPLv3. pandas, NumPy: BSD. "
            "pyqtgraph: MIT.</p>"
            "<p>Works offline: the app opens no network connection.</p>")
        text = text.replace("%1", __version__).replace("%2", html.escape(source))
        QMessageBox.about(self.host.widget(), translate("HelpController", "About %1").replace("%1", APP_NAME), text)

    def open_log_folder(self) -> None:
        parent = self.host.widget()
        folder = log_dir()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            QMessageBox.warning(parent, translate("HelpController", "Log folder"),
                                translate("HelpController", "The log folder %1 cannot be created: %2")
                                .replace("%1", str(folder)).replace("%2", exc.strerror or str(exc)))
            return
        if not QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder))):
            QMessageBox.information(parent, translate("HelpController", "Log folder"),
                                    translate("HelpController", "The log files are in:\n%1").replace("%1", str(folder)))
