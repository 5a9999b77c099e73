"""Never lose the user's work: the error hook, safe writes, settings recovery, offline."""

from __future__ import annotations

import errno
import logging
import os
import socket
import subprocess
import sys

import pytest
from PySide6.QtCore import QObject, QRect, QSettings, Signal, qWarning
from PySide6.QtWidgets import QMessageBox

from desktop.base.safe_write import WriteError, write_bytes, write_with
from tests.conftest import REPO, run_fresh


class _Emitter(QObject):
    fire = Signal()


@pytest.fixture
def log_file(user_home):
    from desktop.base.logsetup import setup_logging
    path = setup_logging(force=True)
    yield user_home / "logs" / "bri-facts.log"
    assert path


@pytest.mark.qt_no_exception_capture
def test_a_raising_slot_is_logged_and_the_app_keeps_running(window, log_file, monkeypatch, dataset):
    from desktop.ui import errors
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(self.detailedText()) or 0)
    errors.install(show_dialogs=True, route_qt_messages=False)
    try:
        emitter = _Emitter()

        def broken():
            raise RuntimeError("boom in a slot")
        emitter.fire.connect(broken)
        fid = dataset.facts.index[5]
        window.select_fact(fid)
        emitter.fire.emit()
    finally:
        errors.uninstall()
    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "boom in a slot" in text and "Traceback" in text
    assert shown and "RuntimeError: boom in a slot" in shown[0]
    assert window.current_fact == fid  # state intact
    assert window.select_fact(dataset.facts.index[6])  # still usable


@pytest.mark.qt_no_exception_capture
def test_no_err_windows_logs_without_a_dialog(qapp, log_file, monkeypatch):
    from desktop.ui import errors
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda self: shown.append(1) or 0)
    errors.install(show_dialogs=False, route_qt_messages=False)
    try:
        emitter = _Emitter()
        emitter.fire.connect(lambda: 1 / 0)
        emitter.fire.emit()
    finally:
        errors.uninstall()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "ZeroDivisionError" in log_file.read_text(encoding="utf-8")
    assert shown == []


@pytest.mark.qt_log_ignore(".*")
def test_qt_warnings_go_to_the_log(qapp, log_file):
    from desktop.ui import errors
    errors.install(show_dialogs=False, route_qt_messages=True)
    try:
        qWarning("a warning from Qt for the log")
    finally:
        errors.uninstall()
    for handler in logging.getLogger().handlers:
        handler.flush()
    assert "a warning from Qt for the log" in log_file.read_text(encoding="utf-8")



def test_the_window_start_logs_to_the_file_then_rotates_it(tmp_path):
    """The GUI start opens the log with a plain handler (no logging.handlers before the first
    paint) and hands it to the rotating one after the window has painted (here at once; the app
    waits ROTATE_LOG_AFTER_MS): the start-up's records and the later ones are in the same file,
    once each, and the file then rotates at 1 MB."""
    home = tmp_path / "log-home"
    code = ("import logging, sys\n"
            "from desktop import cli\n"
            "from desktop.base import logsetup\n"
            "from desktop.ui import launch\n"
            "opened, rotate, seen = launch.open_main_window, logsetup.rotate_log, []\n"
            "def watched(*a, **k):\n"
            "    w = opened(*a, **k)\n"
            "    print('at start', 'logging.handlers' in sys.modules)\n"
            "    w.contentPainted.connect(seen.append)\n"
            "    seen.append(w)\n"
            "    return w\n"
            "def rotated():\n"
            "    print('painted before the rotation', 'content' in seen)\n"
            "    rotate()\n"
            "    logging.getLogger('probe').info('after the paint')\n"
            "    print('after', [type(h).__name__ for h in logging.getLogger().handlers])\n"
            "    seen[0].close()\n"
            "launch.open_main_window, logsetup.rotate_log = watched, rotated\n"
            "cli.ROTATE_LOG_AFTER_MS = 0\n"
            "sys.argv = ['bri-facts', '--lang', 'en', '--no-err-windows']\n"
            "sys.exit(cli.main())\n")
    run = run_fresh(code, home)
    assert run.returncode == 0, run.stderr
    assert "at start False" in run.stdout
    assert "painted before the rotation True" in run.stdout
    assert "after ['StreamHandler', 'RotatingFileHandler']" in run.stdout
    text = (home / "logs" / "bri-facts.log").read_text(encoding="utf-8")
    assert text.count("first paint from the snapshot") == 1   # logged before the paint
    assert text.count("after the paint") == 1


def test_rotate_log_keeps_the_file_and_its_records(user_home):
    from desktop.base.logsetup import rotate_log, setup_logging
    path = setup_logging(force=True, rotate=False)
    log = logging.getLogger("probe")
    try:
        log.info("before rotation")
        rotate_log()
        rotate_log()  # once is enough; a second call changes nothing
        log.info("after rotation")
        kinds = [type(h).__name__ for h in logging.getLogger().handlers
                 if h in logging.getLogger()._bri_handlers]
        assert kinds == ["StreamHandler", "RotatingFileHandler"]
        for handler in logging.getLogger().handlers:
            handler.flush()
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        assert text.count("before rotation") == 1 and text.count("after rotation") == 1
    finally:
        setup_logging(force=True)

def test_native_crashes_are_written_to_the_log(tmp_path):
    home = tmp_path / "crash-home"
    code = ("from desktop.base.logsetup import setup_logging; setup_logging(); "
            "import faulthandler; faulthandler._sigsegv()")
    env = dict(os.environ, BRI_FACTS_HOME=str(home))
    run = subprocess.run([sys.executable, "-c", code], cwd=REPO, env=env, capture_output=True)
    assert run.returncode != 0
    assert "Fatal Python error" in (home / "logs" / "native-crash.log").read_text()


# ---------------------------------------------------------------- safe writes


def test_write_into_a_missing_folder_fails_cleanly(tmp_path):
    with pytest.raises(WriteError, match="does not exist"):
        write_bytes(tmp_path / "gone" / "chart.png", b"x")
    assert not (tmp_path / "gone").exists()


def test_write_under_a_file_fails_cleanly(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("I am a file")
    with pytest.raises(WriteError, match="not a folder"):
        write_bytes(blocker / "chart.png", b"x")
    assert blocker.read_text() == "I am a file"


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def test_read_only_folder_fails_cleanly_and_leaves_no_file(out, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied")
    monkeypatch.setattr(tempfile, "mkstemp", refuse)
    with pytest.raises(WriteError, match="permission denied"):
        write_bytes(out / "chart.png", b"x")
    assert list(out.iterdir()) == []


def test_full_disk_keeps_the_old_file_and_no_temp_file(out):
    target = out / "facts.csv"
    target.write_bytes(b"old and good")

    def full(tmp):
        raise OSError(errno.ENOSPC, "No space left on device")
    with pytest.raises(WriteError, match="disk is full"):
        write_with(target, full)
    assert target.read_bytes() == b"old and good"
    assert [p.name for p in out.iterdir()] == ["facts.csv"]


def test_a_failed_encoder_leaves_nothing(out):
    with pytest.raises(WriteError):
        write_with(out / "chart.png", lambda tmp: False)
    assert list(out.iterdir()) == []


# ---------------------------------------------------------------- settings


def _settings_file(home):
    return home / "config" / "bri-facts.ini"


def test_corrupt_settings_start_on_defaults_and_are_kept_aside(qapp, qtbot, user_home):
    from desktop.ui.launch import open_main_window
    path = _settings_file(user_home)
    path.parent.mkdir(parents=True)
    path.write_bytes(b"\x00\xff\xfe garbage \x00" * 50)
    window = open_main_window(qapp, lang="zh", show=False)
    qtbot.addWidget(window)
    assert window.grouping == "theme"
    aside = [p for p in path.parent.iterdir() if ".corrupt-" in p.name]
    assert len(aside) == 1 and aside[0].read_bytes().startswith(b"\x00\xff\xfe")
    window.close()


def test_settings_from_a_newer_version_are_set_aside(qapp, qtbot, user_home):
    from desktop.ui.launch import open_main_window
    path = _settings_file(user_home)
    path.parent.mkdir(parents=True)
    newer = QSettings(str(path), QSettings.Format.IniFormat)
    newer.setValue("meta/version", 99)
    newer.setValue("MainWindow/grouping", "place")
    newer.sync()
    del newer
    window = open_main_window(qapp, lang="zh", show=False)
    qtbot.addWidget(window)
    assert window.grouping == "theme"
    assert any(".newer-" in p.name for p in path.parent.iterdir())
    window.close()


def test_off_screen_geometry_is_moved_onto_the_primary_screen(window):
    window.setGeometry(QRect(12000, 9000, 900, 600))
    from desktop.ui.geometry import ensure_on_screen
    ensure_on_screen(window)
    screen = window.screen().availableGeometry()
    assert screen.intersects(window.frameGeometry())


# ---------------------------------------------------------------- offline


def test_no_socket_while_starting_browsing_charting_and_exporting(qapp, qtbot, monkeypatch, tmp_path):
    opened = []
    real_init = socket.socket.__init__

    def spy(self, *args, **kwargs):
        opened.append(args)
        real_init(self, *args, **kwargs)
    monkeypatch.setattr(socket.socket, "__init__", spy)
    from desktop.ui.launch import open_main_window
    window = open_main_window(qapp, lang="en", show=True)
    qtbot.addWidget(window)
    for fid in list(window.dataset.facts.index)[::10]:
        window.select_fact(fid)
    window.search.setText("energy")
    window.set_grouping("place")
    window.set_language("zh")
    spec = window.current_spec()
    if spec is not None:
        from desktop.ui.chart.render import render_chart_png
        data = render_chart_png(spec, 640, 360, "light")
        write_bytes(tmp_path / "chart.png", data if isinstance(data, bytes) else b"")
    window.close()
    assert opened == []
    assert "PySide6.QtNetwork" not in sys.modules
