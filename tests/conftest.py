"""Shared fixtures: an isolated user folder, the configured QApplication, the real window."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
ARTICLE = DATA / "sources" / "article.txt"


def run_fresh(code: str, home: Path | None = None) -> subprocess.CompletedProcess:
    """``code`` run by a new Python at the repository root, offscreen: for what only a fresh
    process shows (what is imported or made before the first paint, a whole start-up).
    ``home``: its BRI_FACTS_HOME."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO))
    if home is not None:
        env["BRI_FACTS_HOME"] = str(home)
    return subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True,
                          text=True, timeout=120)


def window_script(lang: str, fast: bool = True) -> str:
    """The start of a :func:`run_fresh` script that opens the app's window as a start does:
    ``app`` and ``w`` (``fast``: painted from the snapshot, the data after); ``sys`` imported."""
    return ("import sys\n"
            "from desktop.app import create_app\n"
            "from desktop.ui.launch import open_main_window\n"
            "app = create_app(['t'], error_hook=False)\n"
            f"w = open_main_window(app, lang={lang!r}{', fast=True' if fast else ''})\n")


@pytest.fixture(autouse=True)
def user_home(tmp_path, monkeypatch):
    """Settings, logs and recent files of each test live in its own temporary folder."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("BRI_FACTS_HOME", str(home))
    return home


@pytest.fixture(scope="session")
def qapp():
    """The app as desktop.app configures it (fonts, names), without the global error hook."""
    from desktop.app import create_app
    return create_app(["bri-facts-tests"], error_hook=False)


@pytest.fixture(scope="session")
def dataset():
    from desktop.domain.bundled import load_bundled
    return load_bundled()


@pytest.fixture
def window(qapp, qtbot, dataset):
    from desktop.ui.launch import open_main_window
    win = open_main_window(qapp, lang="zh", show=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()
    from desktop.ui.i18n import install_translator
    install_translator(qapp, "en")


@pytest.fixture
def dataset_copy(tmp_path):
    """A writable copy of the bundled dataset folder, to break on purpose."""
    target = tmp_path / "dataset"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture
def no_modal(monkeypatch):
    """Message boxes answer at once instead of waiting for a click, and record their text:
    ``no_modal["warning"]`` lists what a user would have read (questions answer No)."""
    from PySide6.QtWidgets import QMessageBox
    calls = {"warning": [], "question": [], "information": []}

    def record(kind, answer):
        def box(parent, title, text, *args, **kwargs):
            calls[kind].append(text)
            return answer
        return box
    monkeypatch.setattr(QMessageBox, "warning", record("warning", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "information",
                        record("information", QMessageBox.StandardButton.Ok))
    monkeypatch.setattr(QMessageBox, "question", record("question", QMessageBox.StandardButton.No))
    return calls
