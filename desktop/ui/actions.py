"""Every command of the window, declared once as data: id, text, shortcut, handler, menu.

Menus, the toolbar and shortcuts are built from this list; ``MainWindow.update_actions()``
enables each from what is selected (``needs``)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QT_TRANSLATE_NOOP
from PySide6.QtGui import QKeySequence

StdKey = QKeySequence.StandardKey


@dataclass(frozen=True)
class ActionSpec:
    id: str
    text: str                 # English source text, translated in context "actions"
    menu: str                 # file | edit | view | help
    handler: str              # a MainWindow method, or "module:function" in desktop.ui
                              # (called with the window as its one argument)
    shortcut: tuple = ()      # QKeySequence strings or StandardKeys; the first is primary
    needs: str = ""           # "" | "dataset" | "fact" | "chart"
    checkable: bool = False
    separator_before: bool = False


MENUS = (
    ("file", QT_TRANSLATE_NOOP("actions", "&File")),
    ("edit", QT_TRANSLATE_NOOP("actions", "&Edit")),
    ("view", QT_TRANSLATE_NOOP("actions", "&View")),
    ("help", QT_TRANSLATE_NOOP("actions", "&Help")),
)

ACTIONS: list[ActionSpec] = [
    ActionSpec("open_dataset", QT_TRANSLATE_NOOP("actions", "&Open dataset…"), "file",
               "datasets:open_dataset_dialog", (StdKey.Open, "Ctrl+O")),
    ActionSpec("reload_dataset", QT_TRANSLATE_NOOP("actions", "&Reload dataset"), "file",
               "datasets:reload_dataset", ("Ctrl+R",), needs="dataset"),
    ActionSpec("bundled_dataset", QT_TRANSLATE_NOOP("actions", "Back to the &bundled dataset"), "file",
               "datasets:open_bundled"),
    ActionSpec("export_chart", QT_TRANSLATE_NOOP("actions", "&Export chart…"), "file",
               "export:export_chart_dialog", ("Ctrl+E",), needs="chart", separator_before=True),
    ActionSpec("copy_chart", QT_TRANSLATE_NOOP("actions", "Copy c&hart"), "file",
               "export:copy_chart", ("Ctrl+Shift+C",), needs="chart"),
    ActionSpec("export_csv", QT_TRANSLATE_NOOP("actions", "Export facts as &CSV…"), "file",
               "export:export_csv_dialog", (), needs="dataset"),
    ActionSpec("fact_sheet", QT_TRANSLATE_NOOP("actions", "Fact sheet &PDF…"), "file",
               "export:fact_sheet_dialog", (), needs="dataset"),
    ActionSpec("quit", QT_TRANSLATE_NOOP("actions", "&Quit"), "file", "close",
               (StdKey.Quit, "Ctrl+Q"), separator_before=True),
    ActionSpec("copy_fact", QT_TRANSLATE_NOOP("actions", "&Copy fact with citation"), "edit",
               "copy_fact", (StdKey.Copy,), needs="fact"),
    ActionSpec("find", QT_TRANSLATE_NOOP("actions", "&Find…"), "edit", "focus_search",
               (StdKey.Find, "Ctrl+F")),
    ActionSpec("group_theme", QT_TRANSLATE_NOOP("actions", "Group by &theme"), "view",
               "group_by_theme", ("Ctrl+1",), needs="dataset", checkable=True),
    ActionSpec("group_place", QT_TRANSLATE_NOOP("actions", "Group by &place"), "view",
               "group_by_place", ("Ctrl+2",), needs="dataset", checkable=True),
    ActionSpec("group_tag", QT_TRANSLATE_NOOP("actions", "Group by &field"), "view",
               "group_by_tag", ("Ctrl+3",), needs="dataset", checkable=True),
    ActionSpec("toggle_language", QT_TRANSLATE_NOOP("actions", "Switch to &English / 中文"), "view",
               "toggle_language", ("Ctrl+L",), separator_before=True),
    ActionSpec("full_screen", QT_TRANSLATE_NOOP("actions", "&Full screen"), "view",
               "toggle_full_screen", (StdKey.FullScreen, "F11"), checkable=True),
    ActionSpec("present", QT_TRANSLATE_NOOP("actions", "&Present"), "view",
               "present:start_presentation", ("F5",), needs="dataset", separator_before=True),
    ActionSpec("present_here", QT_TRANSLATE_NOOP("actions", "Present from the current &fact"), "view",
               "present:start_presentation_here", ("Shift+F5",), needs="fact"),
    ActionSpec("open_log_folder", QT_TRANSLATE_NOOP("actions", "Open &log folder"), "help",
               "help:open_log_folder"),
    ActionSpec("about", QT_TRANSLATE_NOOP("actions", "&About"), "help", "show_about"),
]

