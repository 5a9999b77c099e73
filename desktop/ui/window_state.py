"""What the main window remembers between runs (one QSettings group): geometry, splitters,
language, grouping, the last fact, the text size, whether charts are shown."""

from __future__ import annotations

from PySide6.QtCore import QByteArray

from desktop.ui.browse import GROUPINGS
from desktop.ui.geometry import ensure_on_screen, first_geometry
from desktop.ui.snapshot import StartState

STATE_GROUP = "MainWindow"
ZOOM_STEP, ZOOM_MIN, ZOOM_MAX = 1.15, 0.7, 2.2


def start_state(settings, lang: str) -> StartState:
    """What a window opened with these settings shows first."""
    grouping = settings.value(f"{STATE_GROUP}/grouping", "theme", type=str)
    try:
        zoom = float(settings.value(f"{STATE_GROUP}/zoom", 1.0))
    except (TypeError, ValueError):
        zoom = 1.0
    return StartState(lang, grouping if grouping in GROUPINGS else "theme",
                      settings.value(f"{STATE_GROUP}/last_fact", "", type=str),
                      min(ZOOM_MAX, max(ZOOM_MIN, zoom)),
                      settings.value(f"{STATE_GROUP}/charts", True, type=bool))


def save(window) -> None:
    s = window.settings
    s.beginGroup(STATE_GROUP)
    s.setValue("geometry", window.saveGeometry())
    s.setValue("window_state", window.saveState())
    s.setValue("main_splitter", window.main_split.saveState())
    s.setValue("right_splitter", window.right_split.saveState())
    s.setValue("language", window.lang)
    s.setValue("grouping", window.grouping)
    if window.current_fact:
        s.setValue("last_fact", window.current_fact)
    s.endGroup()
    s.sync()


def restore(window) -> None:
    s = window.settings
    s.beginGroup(STATE_GROUP)
    try:
        geometry = s.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            window.restoreGeometry(geometry)
        else:
            first_geometry(window)
        for key, split in (("main_splitter", window.main_split), ("right_splitter", window.right_split)):
            value = s.value(key)
            if isinstance(value, QByteArray) and not value.isEmpty():
                split.restoreState(value)
    finally:
        s.endGroup()
    state = start_state(s, window.lang)
    window.browser.grouping, window.charts_wanted, window.zoom = state.grouping, state.charts, state.zoom
    ensure_on_screen(window)
