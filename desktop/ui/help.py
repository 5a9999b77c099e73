"""The Help menu: the keyboard shortcuts (F1, made from desktop/ui/actions.py so it cannot drift
from the menus), About, and the folder where the log files are."""

from __future__ import annotations

import html
import re

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox, QTextBrowser, QVBoxLayout

from desktop import APP_NAME, __version__
from desktop.base.userdirs import log_dir
from desktop.ui.actions import ACTIONS, MENUS, ActionSpec
from desktop.ui.host import Host
from desktop.ui.platform import running_offscreen
from desktop.ui.present.view import KEY_HELP


translate = QCoreApplication.translate  # context "HelpController"; pyside6-lupdate reads these


def menu_text(text: str) -> str:
    """A menu entry as read, without its mnemonic: "&Find…" → "Find…", "查找(&F)…" → "查找…"."""
    return re.sub(r"\(&\w\)", "", text).replace("&", "")


def key_texts(spec: ActionSpec) -> list[str]:
    """The keys of a command as the platform writes them, each once."""
    texts: list[str] = []
    for key in spec.shortcut:
        text = QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)
        if text and text not in texts:
            texts.append(text)
    return texts


def shortcuts_html(dataset_source: str) -> str:
    """What F1 shows: three lines on the app and its data, then every key by menu."""
    e = html.escape
    about = translate("HelpController", "Every figure of the feature article on Belt and Road "
                                        "science and technology cooperation, as the article "
                                        "states it, with who states it.")
    source = translate("HelpController", "Data source: %1").replace("%1", dataset_source)
    offline = translate("HelpController", "Works offline: nothing is downloaded, nothing is sent.")
    presenting = translate("HelpController", "Presentation mode")
    parts = [f"<p>{e(about)}<br>{e(source)}<br>{e(offline)}</p>"]
    menus = dict(MENUS)
    for key in menus:
        rows = [(menu_text(QCoreApplication.translate("actions", spec.text)), key_texts(spec))
                for spec in ACTIONS if spec.menu == key and key_texts(spec)]
        if not rows:
            continue
        title = menu_text(QCoreApplication.translate("actions", menus[key]))
        parts.append(f"<h3>{e(title)}</h3><table cellspacing='0' cellpadding='3'>")
        for text, keys in rows:
            parts.append(f"<tr><td width='55%'>{e(text)}</td><td><b>{e(' · '.join(keys))}</b></td></tr>")
        parts.append("</table>")
    parts.append(f"<h3>{e(presenting)}</h3><table cellspacing='0' cellpadding='3'>")
    for keys, text in KEY_HELP:
        said = QCoreApplication.translate("PresentationView", text)
        parts.append(f"<tr><td width='55%'>{e(said)}</td><td><b>{e(keys)}</b></td></tr>")
    parts.append("</table>")
    return "".join(parts)


class ShortcutsDialog(QDialog):
    def __init__(self, parent, dataset_source: str):
        super().__init__(parent)
        self.setObjectName("shortcuts")
        self.setWindowTitle(translate("HelpController", "Keyboard shortcuts"))
        self.view = QTextBrowser()
        self.view.setObjectName("shortcuts text")
        self.view.setAccessibleName(translate("HelpController", "Keyboard shortcuts"))
        self.view.setOpenLinks(False)
        self.view.setHtml(shortcuts_html(dataset_source))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.view, 1)
        layout.addWidget(buttons)
        screen = parent.screen().availableGeometry() if parent is not None else None
        self.resize(640, min(680, int(screen.height() * 0.85)) if screen is not None else 680)


class HelpController:
    def __init__(self, host: Host):
        self.host = host
        self.dialog: ShortcutsDialog | None = None

    def _source(self) -> str:
        ds, lang = self.host.dataset, self.host.lang
        return ds.citation(ds.sources.index[0], lang) if ds is not None and len(ds.sources) else ""

    def shortcuts(self) -> ShortcutsDialog:
        """F1: every key, made from the declared actions; not modal, so it can stay open."""
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
        self.dialog = ShortcutsDialog(self.host.widget(), self._source())
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
        self.dialog.show()
        if not running_offscreen():
            self.dialog.raise_()
        self.dialog.activateWindow()  # the keys go to it (Escape closes it), window manager or not
        return self.dialog

    def about(self) -> None:
        source = self._source()
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
