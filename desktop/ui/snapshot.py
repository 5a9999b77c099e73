"""The first paint without pandas: a snapshot of what the window shows at start — the tree as
drawn, the page's texts, the title and status, what its chart draws — taken from the window
itself and painted by plain Qt before the dataset is loaded. pyqtgraph loads right after the
first paint and draws the snapshot's chart; pandas and the data load after that.

A snapshot is trusted only when everything that decides the first screen matches: the format,
the app's version, the bundled data's fingerprint (sha256 of every file), the language, the
grouping, the fact to be restored, the text size and whether charts are shown. Anything else —
a missing, stale, corrupt or foreign file — means the ordinary start, never a wrong picture.
A trusted snapshot also vouches for the data behind it: it was taken from those very files
loaded, and so checked, by this version, so the start behind it reads and builds them without
checking them again (``load_bundled(checked=True)``); the ordinary start checks them.

Two places hold snapshots: ``resources/first-paint/<lang>.json`` for a first start (made by
`make snapshot`; a test keeps them current), and the user's cache folder for the state the
window was closed in (written on close)."""

from __future__ import annotations

import json
import logging
from dataclasses import asdict, dataclass
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from desktop import __version__
from desktop.base.fingerprint import folder_fingerprint
from desktop.base.paths import data_path, resource_path
from desktop.base.safe_write import write_bytes
from desktop.base.userdirs import cache_dir
from desktop.domain.charts import ChartSpec
from desktop.ui.tree_model import FACT_ID_ROLE, GROUP_KEY_ROLE

log = logging.getLogger(__name__)

FORMAT = 2  # 2: the charts' specs, drawn before the data
CACHE_NAME = "first-paint.json"
_fingerprint: dict[str, str] = {}


@dataclass(frozen=True)
class StartState:
    """What decides the first screen."""

    lang: str
    grouping: str
    last_fact: str
    zoom: float
    charts: bool


def bundled_fingerprint() -> str:
    if "data" not in _fingerprint:
        _fingerprint["data"] = folder_fingerprint(data_path())
    return _fingerprint["data"]


def shipped_path(lang: str) -> Path:
    return resource_path(f"first-paint/{lang}.json")


def cache_path() -> Path:
    return cache_dir() / CACHE_NAME


# --------------------------------------------------------------------------- taking one


def _rows(tree, model, parent: QModelIndex) -> list:
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        font = index.data(Qt.ItemDataRole.FontRole)
        rows.append({
            "text": index.data(Qt.ItemDataRole.DisplayRole),
            "bold": bool(font is not None and font.bold()),
            "fact": index.data(FACT_ID_ROLE) or "",
            "group": index.data(GROUP_KEY_ROLE) or "",
            "expanded": tree.isExpanded(index),
            "children": _rows(tree, model, index) if model.rowCount(index) else [],
        })
    return rows


def _path(index: QModelIndex) -> list[int]:
    path = []
    while index.isValid():
        path.insert(0, index.row())
        index = index.parent()
    return path


def take(window, state: StartState) -> dict:
    """The window as it shows now, for a start in ``state``."""
    return {
        "format": FORMAT, "version": __version__, "fingerprint": bundled_fingerprint(),
        "state": asdict(state),
        "title": window.windowTitle(),
        "status": window.status_label.text(),
        "tree": _rows(window.tree, window.model, QModelIndex()),
        "current": _path(window.tree.currentIndex()),
        "page": window.detail.capture(),
        "charts": {"shown": window.charts.isVisible(),
                   "tabs": [window.charts.tabs.tabText(i) for i in range(window.charts.tabs.count())],
                   "current": window.charts.tabs.currentIndex(),
                   "selected": window.charts.selected or "",
                   "specs": [spec.as_dict() for spec in window.charts.specs]},
    }


def write(snapshot: dict, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, json.dumps(snapshot, ensure_ascii=False, indent=0).encode("utf-8"))


# --------------------------------------------------------------------------- reading one


def read(path: Path, state: StartState) -> dict | None:
    """The snapshot at ``path`` if it shows exactly the start ``state`` of the bundled data."""
    try:
        with open(path, encoding="utf-8") as handle:
            snapshot = json.load(handle)
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.warning("first-paint snapshot %s is unreadable (%s); starting the ordinary way", path, exc)
        return None
    if not isinstance(snapshot, dict):
        log.warning("first-paint snapshot %s is not a snapshot; starting the ordinary way", path)
        return None
    expected = {"format": FORMAT, "version": __version__, "state": asdict(state)}
    for key, value in expected.items():
        if snapshot.get(key) != value:
            log.info("first-paint snapshot %s is for another %s", path, key)
            return None
    if snapshot.get("fingerprint") != bundled_fingerprint():
        log.info("first-paint snapshot %s was made from other data", path)
        return None
    try:
        if not isinstance(snapshot.get("tree"), list) or not isinstance(snapshot.get("page"), dict):
            raise ValueError("no tree or page")
        charts = snapshot.get("charts", {})
        snapshot["chart_specs"] = [ChartSpec.from_dict(d) for d in charts.get("specs", [])] \
            if charts.get("shown") else []
    except (ValueError, TypeError, AttributeError) as exc:
        log.warning("first-paint snapshot %s is incomplete (%s); starting the ordinary way",
                    path, exc)
        return None
    return snapshot


def find(state: StartState) -> dict | None:
    """The user's own snapshot of this start, else the shipped one of a first start."""
    return read(cache_path(), state) or read(shipped_path(state.lang), state)



# --------------------------------------------------------------------------- the window's side


def paint(window, snapshot: dict) -> None:
    """Paint ``snapshot`` in a window that has no data yet."""
    window.browser.show_preview(snapshot["tree"], snapshot.get("current", []))
    window.detail.show_preview(snapshot["page"])
    charts = snapshot.get("charts", {})
    window.charts.show_preview(charts.get("tabs", []), snapshot.get("chart_specs", []),
                               charts.get("current", 0), charts.get("selected") or None)
    window.charts.setVisible(bool(charts.get("shown")))
    window.setWindowTitle(snapshot.get("title", window.windowTitle()))
    window.status_label.setText(snapshot.get("status", ""))
    window.update_actions()


def keep(window) -> None:
    """On close: snapshot the window for the next start, when what it shows is what that start
    restores — the bundled data, no search, the last fact (or the overview) selected; else
    remove an older snapshot, which would show the wrong screen."""
    path = cache_path()
    ds, model = window.dataset, window.model
    expected = model.find_fact(window.current_fact) if window.current_fact else model.index(0, 0)
    if ds is not None and ds.bundled and window.search_hits is None and not window.waiting \
            and window.tree.currentIndex() == expected:
        write(take(window, window.start_state()), path)
    elif path.exists():
        path.unlink()
