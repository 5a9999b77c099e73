"""Placeholder: being written."""


def _pending(window) -> None:
    window.statusBar().showMessage("not available yet", 3000)


open_dataset_dialog = reload_dataset = open_bundled = _pending
