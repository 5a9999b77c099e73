"""QSettings in one INI file under the user's config folder, with a version key.

A settings file that is unreadable, or written by a newer version, is moved aside (never deleted)
with a note in the log, and the app starts on defaults."""

from __future__ import annotations

import logging
import time
from pathlib import Path

from PySide6.QtCore import QSettings

from desktop.base.userdirs import config_dir

log = logging.getLogger(__name__)
SETTINGS_VERSION = 1
FILE_NAME = "bri-facts.ini"


def settings_path() -> Path:
    return config_dir() / FILE_NAME


def _set_aside(path: Path, why: str) -> Path | None:
    target = path.with_name(f"{path.name}.{why}-{time.strftime('%Y%m%d-%H%M%S')}")
    try:
        path.replace(target)
        log.warning("settings file %s was %s; moved it to %s and started on defaults",
                    path, why, target)
        return target
    except OSError as exc:
        log.error("settings file %s was %s and could not be moved aside (%s)", path, why, exc)
        return None


def open_settings() -> QSettings:
    """The app's settings, recovered from corruption or a newer version if need be."""
    path = settings_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.error("cannot create the settings folder %s (%s); settings will not be kept", path.parent, exc)
    if path.exists():
        probe = QSettings(str(path), QSettings.Format.IniFormat)
        version = probe.value("meta/version", SETTINGS_VERSION)
        status = probe.status()
        del probe
        try:
            version = int(version)
        except (TypeError, ValueError):
            version = -1
        if status != QSettings.Status.NoError or version < 0 or _looks_corrupt(path):
            _set_aside(path, "corrupt")
        elif version > SETTINGS_VERSION:
            _set_aside(path, "newer")
    settings = QSettings(str(path), QSettings.Format.IniFormat)
    settings.setValue("meta/version", SETTINGS_VERSION)
    return settings


def _looks_corrupt(path: Path) -> bool:
    """QSettings forgives a lot; binary junk or undecodable text is still corruption."""
    try:
        data = path.read_bytes()[:1_000_000]
    except OSError:
        return True
    if b"\x00" in data:
        return True
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return True
    return False
