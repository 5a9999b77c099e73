"""Placeholder: being written."""


def _pending(window) -> None:
    window.statusBar().showMessage("not available yet", 3000)


export_chart_dialog = copy_chart = export_csv_dialog = fact_sheet_dialog = _pending
