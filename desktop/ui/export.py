"""Taking facts out of the app: a chart as a PNG or SVG for slides (or on the clipboard), a
PowerPoint deck with charts a speaker can edit, the facts in view as CSV, and a fact sheet as an
A4 PDF.

Every file goes through :mod:`desktop.base.safe_write` (a temporary file next to the target, renamed
into place), so a failed export leaves nothing half-written; the error is shown in plain words
and the window carries on as it was."""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import (QBuffer, QByteArray, QCoreApplication, QIODevice, QMarginsF,
                            QStandardPaths, Qt, QUrl)
from PySide6.QtGui import (QGuiApplication, QImage, QPageLayout, QPageSize, QPdfWriter, QTextDocument)
from PySide6.QtWidgets import (QApplication, QDialog, QFileDialog, QMessageBox)

from desktop import APP_NAME
from desktop.ui.fonts import FONT_FAMILY, app_font
from desktop.domain.charts import INFORMATIVE, ChartSpec, chart_specs
from desktop.domain.dataset import Dataset
from desktop.domain.scope import Scope, all_scope
from desktop.domain.export import (SheetLabels, chart_file_name, document_file_name,
                                   fact_sheet_html, facts_csv_bytes)
from desktop.domain.deck import deck_file_name
from desktop.ui.chart.render import (DEFAULT_SIZE, MAX_SIDE, MIN_SIDE, STYLES,
                                     RenderError, png_bytes, render_chart_image)
from desktop.base.safe_write import WriteError, write_bytes
from desktop.ui.export_dialogs import ExportChartDialog, ExportDeckDialog  # noqa: F401
from desktop.ui.host import Host

log = logging.getLogger(__name__)

GROUP = "Export"
COPY_SIZE = (1920, 1080)
SHEET_CHART_SIZE = (1600, 900)   # charts in the PDF: 16:9, ~230 dpi across the A4 text width
translate = QCoreApplication.translate  # context "Export"; pyside6-lupdate reads these calls


# --------------------------------------------------------------------------- settings


def _setting(settings, key: str, default, kind=str):
    try:
        return settings.value(f"{GROUP}/{key}", default, type=kind)
    except (TypeError, ValueError):
        return default


def last_folder(settings) -> Path:
    """Where the save dialogs start: the folder last saved to, else Pictures / Documents / home."""
    folder = _setting(settings, "last_folder", "")
    if folder and Path(folder).is_dir():
        return Path(folder)
    for location in (QStandardPaths.StandardLocation.PicturesLocation,
                     QStandardPaths.StandardLocation.DocumentsLocation):
        path = QStandardPaths.writableLocation(location)
        if path and Path(path).is_dir():
            return Path(path)
    return Path.home()


def _remembered_size(settings) -> tuple[int, int]:
    try:
        width = int(_setting(settings, "width", DEFAULT_SIZE[0], int))
        height = int(_setting(settings, "height", DEFAULT_SIZE[1], int))
    except (TypeError, ValueError):
        return DEFAULT_SIZE
    if MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE:
        return width, height
    return DEFAULT_SIZE


def _remembered_style(settings) -> str:
    style = _setting(settings, "style", "light")
    return style if style in STYLES else "light"


def _remembered_format(settings) -> str:
    return "svg" if _setting(settings, "format", "png") == "svg" else "png"


# --------------------------------------------------------------------------- saving


def ask_save_path(parent, settings, caption: str, name: str, file_filter: str,
                  suffix: str) -> Path | None:
    """The save dialog, starting in the last folder with a suggested name; asks before replacing
    an existing file (the dialog is told not to, so every platform behaves the same)."""
    window = parent
    start = str(last_folder(settings) / name)
    chosen, _filter = QFileDialog.getSaveFileName(
        window, caption, start, file_filter,
        options=QFileDialog.Option.DontConfirmOverwrite)
    if not chosen:
        return None
    path = Path(chosen)
    if path.suffix.lower() != suffix:
        path = path.with_name(path.name + suffix)
    if path.is_dir():
        QMessageBox.warning(window, caption,
                            translate("Export", "%1 is a folder. Choose a file name.")
                            .replace("%1", str(path)))
        return None
    if path.exists():
        answer = QMessageBox.question(
            window, caption,
            translate("Export", "%1 already exists.\nDo you want to replace it?")
            .replace("%1", path.name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No)
        if answer != QMessageBox.StandardButton.Yes:
            return None
    return path


def sheet_fonts(lang: str) -> list[str]:
    """The app's own font list (a Latin UI font, then the bundled CJK font), the bundled one
    always named so its glyphs are embedded. A Chinese sheet puts the CJK font first: its
    punctuation (“”,:) is full-width, as Chinese text sets it."""
    families = [f for f in app_font().families() if f and f != FONT_FAMILY]
    return [FONT_FAMILY] + families if lang == "zh" else families + [FONT_FAMILY]



def sheet_labels(count: int) -> SheetLabels:
    return SheetLabels(facts=translate("Export", "Facts"),
                       quote=translate("Export", "Original words"),
                       source=translate("Export", "Source"),
                       charts=translate("Export", "Charts"),
                       count=translate("Export", "Facts: %Ln", "", count))



def _page_layout() -> QPageLayout:
    return QPageLayout(QPageSize(QPageSize.PageSizeId.A4), QPageLayout.Orientation.Portrait,
                       QMarginsF(15, 15, 15, 15), QPageLayout.Unit.Millimeter)



def sheet_text_width() -> float:
    """The printable width of an A4 page in points: the document is laid out in points."""
    return _page_layout().paintRect(QPageLayout.Unit.Point).width()



def fact_sheet_pdf(html_text: str, images: dict[str, QImage], title: str) -> bytes:
    """The HTML laid out on A4 pages by QPdfWriter, as PDF bytes (written to disk by safe_write,
    which notices a full disk). The fonts are named in the HTML, so their glyphs (Chinese
    included) are embedded."""
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageLayout(_page_layout())
    writer.setResolution(300)
    writer.setTitle(title)
    writer.setCreator(APP_NAME)
    document = QTextDocument()
    document.setDefaultFont(app_font(10))
    for url, image in images.items():
        document.addResource(QTextDocument.ResourceType.ImageResource, QUrl(url), image)
    document.setHtml(html_text)
    # laid out at the printable width, in points; print_ keeps that layout and paginates it
    document.setPageSize(writer.pageLayout().paintRect(QPageLayout.Unit.Point).size())
    document.setDocumentMargin(0)
    document.print_(writer)  # its painter's end() completes the PDF
    del writer
    buffer.close()
    if data.isEmpty():
        raise RenderError("the fact sheet could not be laid out as PDF")
    return bytes(data.data())


class ExportController:
    """File → Export chart…, Copy chart, CSV and fact-sheet PDF, for what the user is looking at
    (the window's current Scope and chart)."""

    def __init__(self, host: Host):
        self.host = host

    def _saved(self, path: Path, message: str) -> None:
        self.host.settings.setValue(f"{GROUP}/last_folder", str(path.parent))
        self.host.show_status(message.replace("%1", str(path)), 6000)
        log.info("exported %s", path)

    def _failed(self, caption: str, exc: Exception) -> None:
        log.warning("export failed: %s", exc)
        QMessageBox.warning(self.host.widget(), caption, str(exc))

    def scope(self) -> Scope | None:
        """What the commands act on: the window's scope, else (nothing selected) every fact."""
        host = self.host
        if host.dataset is None:
            return None
        return host.current_scope() or all_scope(host.dataset)

    # ---- charts
    def export_chart_dialog(self) -> None:
        host = self.host
        spec: ChartSpec | None = host.current_spec()
        if spec is None:
            host.show_status(translate("Export", "No chart to export here."), 4000)
            return
        dialog = ExportChartDialog(host.widget(), _remembered_size(host.settings),
                                   _remembered_style(host.settings), spec,
                                   _remembered_format(host.settings))
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            width, height = dialog.chosen_size()
            style = dialog.chosen_style()
            fmt = dialog.chosen_format()
        finally:
            dialog.deleteLater()
        host.settings.setValue(f"{GROUP}/width", width)
        host.settings.setValue(f"{GROUP}/height", height)
        host.settings.setValue(f"{GROUP}/style", style)
        host.settings.setValue(f"{GROUP}/format", fmt)
        caption = translate("Export", "Export chart")
        file_filter = (translate("Export", "SVG image (*.svg)") if fmt == "svg"
                       else translate("Export", "PNG image (*.png)"))
        path = ask_save_path(host.widget(), host.settings, caption, chart_file_name(spec, fmt),
                             file_filter, f".{fmt}")
        if path is None:
            return
        try:
            if fmt == "svg":
                from desktop.ui.chart.svg import render_chart_svg
                data = render_chart_svg(spec, width, height, style)
            else:
                data = png_bytes(render_chart_image(spec, width, height, style))
            write_bytes(path, data)
        except (WriteError, RenderError) as exc:
            self._failed(caption, exc)
            return
        self._saved(path, translate("Export", "Chart saved to %1"))

    def copy_chart(self) -> None:
        spec = self.host.current_spec()
        if spec is None:
            self.host.show_status(translate("Export", "No chart to copy here."), 4000)
            return
        image = render_chart_image(spec, *COPY_SIZE, _remembered_style(self.host.settings))
        QGuiApplication.clipboard().setImage(image)
        self.host.show_status(
            translate("Export", "Chart copied (1920 × 1080): paste it into a slide"), 5000)

    # ---- deck
    def export_deck_dialog(self) -> None:
        """File → Export deck…: the charts and headline figures of the view on screen, or of the
        whole dataset, as a PowerPoint deck whose charts a speaker can edit."""
        host = self.host
        if host.dataset is None:
            return
        scope = host.current_scope()
        dialog = ExportDeckDialog(host.widget(), scope.title(host.lang) if scope else None,
                                  host.lang)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return
            chosen = None if dialog.whole_dataset() or scope is None else scope
            lang = dialog.chosen_lang()
        finally:
            dialog.deleteLater()
        caption = translate("Export", "Export deck")
        path = ask_save_path(host.widget(), host.settings, caption, deck_file_name(chosen, lang),
                             translate("Export", "PowerPoint deck (*.pptx)"), ".pptx")
        if path is None:
            return
        from desktop.ui.slides import DeckError, deck_bytes
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        error = None
        try:
            write_bytes(path, deck_bytes(host.dataset, chosen, lang))
        except (WriteError, DeckError) as exc:
            error = exc
        finally:
            QApplication.restoreOverrideCursor()
        if error is not None:
            self._failed(caption, error)
            return
        self._saved(path, translate("Export", "Deck saved to %1"))

    # ---- CSV
    def export_csv_dialog(self) -> None:
        host, scope = self.host, self.scope()
        if scope is None:
            return
        caption = translate("Export", "Export facts as CSV")
        if not scope.fact_ids:
            QMessageBox.information(host.widget(), caption,
                                    translate("Export", "There are no facts here to export."))
            return
        path = ask_save_path(host.widget(), host.settings, caption,
                             document_file_name("facts", scope, host.lang, "csv"),
                             translate("Export", "CSV file (*.csv)"), ".csv")
        if path is None:
            return
        try:
            write_bytes(path, facts_csv_bytes(host.dataset, list(scope.fact_ids)))
        except WriteError as exc:
            self._failed(caption, exc)
            return
        count = len(scope.fact_ids)  # a plain name: pyside6-lupdate misses a call inside translate()
        self._saved(path, translate("Export", "Facts saved to %1: %Ln", "", count))

    # ---- fact sheet
    def fact_sheet_dialog(self) -> None:
        host, scope = self.host, self.scope()
        if scope is None:
            return
        caption = translate("Export", "Fact sheet PDF")
        if not scope.fact_ids:
            QMessageBox.information(host.widget(), caption,
                                    translate("Export", "There are no facts here to put on a sheet."))
            return
        name = document_file_name("fact-sheet", scope, host.lang, "pdf")
        path = ask_save_path(host.widget(), host.settings, caption, name,
                             translate("Export", "PDF document (*.pdf)"), ".pdf")
        if path is None:
            return
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            html_text, images = build_fact_sheet(host.dataset, scope, host.lang)
            write_bytes(path, fact_sheet_pdf(html_text, images, scope.title(host.lang)))
        except (WriteError, RenderError) as exc:
            error = exc
        else:
            error = None
        finally:
            QApplication.restoreOverrideCursor()
        if error is not None:
            self._failed(caption, error)
            return
        self._saved(path, translate("Export", "Fact sheet saved to %1"))


def build_fact_sheet(dataset: Dataset, scope: Scope, lang: str) -> tuple[str, dict[str, QImage]]:
    """The sheet of a scope: its charts, then every fact of it."""
    specs = chart_specs(dataset, scope, lang, min_bars=INFORMATIVE)  # the charts of the page
    images = {f"chart-{i}.png": render_chart_image(spec, *SHEET_CHART_SIZE, "light")
              for i, spec in enumerate(specs)}
    ids = list(scope.fact_ids)
    html_text = fact_sheet_html(dataset, ids, scope.title(lang), lang, list(images),
                                sheet_fonts(lang), sheet_labels(len(ids)),
                                image_width=sheet_text_width())
    return html_text, images
