"""Placeholder: being written."""


def _pending(window) -> None:
    window.statusBar().showMessage("not available yet", 3000)


start_presentation = start_presentation_here = _pending
