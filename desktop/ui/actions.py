"""Every command of the window, declared once as data: id, text, menu, shortcut, handler, and
what it needs. Menus (submenus included), shortcuts and the keyboard help are built from this
list; ``MainWindow.update_actions()`` enables each from what is selected (``needs``).

A handler is a callable of the window; it reaches features only through the controllers the
window composes (``window.loads``, ``window.exporter``, ``window.presenter``, ``window.help``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence

if TYPE_CHECKING:
    from PySide6.QtWidgets import QMenu

    from desktop.ui.main_window import MainWindow

StdKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str                 # English source text, translated in context "actions"
    menu: str                 # file | edit | view | help
    handler: Callable[["MainWindow"], None] | None = None
    shortcut: tuple = ()      # QKeySequence strings or StandardKeys; the first is primary
    needs: str = ""           # "" | "dataset" | "fact" | "chart"
    checkable: bool = False
    separator_before: bool = False
    #: a submenu instead of a command: called with (window, menu) each time it opens
    fill: Callable[["MainWindow", "QMenu"], None] | None = None
    #: what the keyboard help says the keys do, when the menu text is not enough
    help: str = ""

    @property
    def is_submenu(self) -> bool:
        return self.fill is not None


MENUS = (
    ("file", QT_TRANSLATE_NOOP("actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("actions", "&View")),
    ("go", QT_TRANSLATE_NOOP("actions", "&Go")),
    ("help", QT_TRANSLATE_NOOP("actions", "&Help")),
)

ACTIONS: list[ActionSpec] = [
    # ---- File
    ActionSpec("open_dataset", QT_TRANSLATE_NOOP("actions", "&Open dataset…"), "file",
               lambda w: w.loads.open_dialog(), (StdKey.Open, "Ctrl+O")),
    ActionSpec("open_dataset_folder", QT_TRANSLATE_NOOP("actions", "Open dataset &folder…"), "file",
               lambda w: w.loads.open_folder_dialog(), ("Ctrl+Shift+O",)),
    ActionSpec("reload_dataset", QT_TRANSLATE_NOOP("actions", "&Reload dataset"), "file",
               lambda w: w.loads.reload(), ("Ctrl+R",), needs="dataset"),
    ActionSpec("bundled_dataset", QT_TRANSLATE_NOOP("actions", "Back to the &bundled dataset"), "file",
               lambda w: w.loads.open_bundled()),
    ActionSpec("recent_datasets", QT_TRANSLATE_NOOP("actions", "Recent &datasets"), "file",
               fill=lambda w, menu: w.loads.fill_recent_menu(menu)),
    ActionSpec("export_chart", QT_TRANSLATE_NOOP("actions", "&Export chart…"), "file",
               lambda w: w.exporter.export_chart_dialog(), ("Ctrl+E",), needs="chart",
               separator_before=True),
    ActionSpec("copy_chart", QT_TRANSLATE_NOOP("actions", "Copy c&hart"), "file",
               lambda w: w.exporter.copy_chart(), ("Ctrl+Shift+C",), needs="chart"),
    ActionSpec("export_deck", QT_TRANSLATE_NOOP("actions", "Export dec&k…"), "file",
               lambda w: w.exporter.export_deck_dialog(), ("Ctrl+Shift+E",), needs="dataset"),
    ActionSpec("export_csv", QT_TRANSLATE_NOOP("actions", "Export facts as &CSV…"), "file",
               lambda w: w.exporter.export_csv_dialog(), (), needs="dataset"),
    ActionSpec("fact_sheet", QT_TRANSLATE_NOOP("actions", "Fact sheet &PDF…"), "file",
               lambda w: w.exporter.fact_sheet_dialog(), (), needs="dataset"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("actions", "&Quit"), "file", lambda w: w.close(),
               (StdKey.Quit, "Ctrl+Q"), separator_before=True),
    # ---- Edit
    ActionSpec("copy_fact", QT_TRANSLATE_NOOP("actions", "&Copy fact with citation"), "edit",
               lambda w: w.copy_fact(), (StdKey.Copy,), needs="fact"),
    ActionSpec("find", QT_TRANSLATE_NOOP("actions", "&Find…"), "edit", lambda w: w.focus_search(),
               (StdKey.Find, "Ctrl+F")),
    # ---- View
    ActionSpec("group_theme", QT_TRANSLATE_NOOP("actions", "Group by &theme"), "view",
               lambda w: w.set_grouping("theme"), ("Ctrl+1",), needs="dataset", checkable=True),
    ActionSpec("group_place", QT_TRANSLATE_NOOP("actions", "Group by &place"), "view",
               lambda w: w.set_grouping("place"), ("Ctrl+2",), needs="dataset", checkable=True),
    ActionSpec("group_tag", QT_TRANSLATE_NOOP("actions", "Group by &field"), "view",
               lambda w: w.set_grouping("tag"), ("Ctrl+3",), needs="dataset", checkable=True),
    ActionSpec("toggle_language", QT_TRANSLATE_NOOP("actions", "Switch to &English / 中文"), "view",
               lambda w: w.toggle_language(), ("Ctrl+L",), separator_before=True),
    ActionSpec("full_screen", QT_TRANSLATE_NOOP("actions", "&Full screen"), "view",
               lambda w: w.toggle_full_screen(), (StdKey.FullScreen, "F11"), checkable=True),
    ActionSpec("toggle_charts", QT_TRANSLATE_NOOP("actions", "Show c&harts"), "view",
               lambda w: w.toggle_charts(), ("Ctrl+G",), checkable=True, separator_before=True),
    ActionSpec("zoom_in", QT_TRANSLATE_NOOP("actions", "&Larger text"), "view",
               lambda w: w.zoom_by(1), (StdKey.ZoomIn, "Ctrl+=", "Ctrl++")),
    ActionSpec("zoom_out", QT_TRANSLATE_NOOP("actions", "&Smaller text"), "view",
               lambda w: w.zoom_by(-1), (StdKey.ZoomOut, "Ctrl+-")),
    ActionSpec("zoom_reset", QT_TRANSLATE_NOOP("actions", "&Normal text size"), "view",
               lambda w: w.zoom_by(0), ("Ctrl+0",)),
    ActionSpec("present", QT_TRANSLATE_NOOP("actions", "&Present"), "view",
               lambda w: w.presenter.start(), ("F5",), needs="dataset", separator_before=True),
    ActionSpec("present_here", QT_TRANSLATE_NOOP("actions", "Present from the current &fact"), "view",
               lambda w: w.presenter.start_here(), ("Shift+F5",), needs="fact"),
    # ---- Go
    ActionSpec("previous_fact", QT_TRANSLATE_NOOP("actions", "&Previous fact"), "go",
               lambda w: w.step_fact(-1), ("Alt+Left", "["), needs="fact"),
    ActionSpec("next_fact", QT_TRANSLATE_NOOP("actions", "&Next fact"), "go",
               lambda w: w.step_fact(1), ("Alt+Right", "]"), needs="fact"),
    ActionSpec("up_to_scope", QT_TRANSLATE_NOOP("actions", "&Up to the page of this fact’s group"), "go",
               lambda w: w.up_to_scope(), ("Alt+Up",), needs="fact"),
    # ---- Help
    ActionSpec("shortcuts", QT_TRANSLATE_NOOP("actions", "&Keyboard shortcuts"), "help",
               lambda w: w.help.shortcuts(), (StdKey.HelpContents, "F1")),
    ActionSpec("open_log_folder", QT_TRANSLATE_NOOP("actions", "Open &log folder"), "help",
               lambda w: w.help.open_log_folder()),
    ActionSpec("about", QT_TRANSLATE_NOOP("actions", "&About"), "help", lambda w: w.help.about()),
]

ACTIONS_BY_ID = {spec.id: spec for spec in ACTIONS}
