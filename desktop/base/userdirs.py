"""Where the app keeps what belongs to the user: settings, logs, recent files.

``BRI_FACTS_HOME`` moves all of it under one folder (the tests and the smoke test use it);
otherwise platformdirs gives each platform's usual places."""

from __future__ import annotations

import os
from pathlib import Path

from desktop import APP_ID


def _base() -> Path | None:
    home = os.environ.get("BRI_FACTS_HOME")
    return Path(home) if home else None


def config_dir() -> Path:
    base = _base()
    if base:
        return base / "config"
    from platformdirs import user_config_dir
    return Path(user_config_dir(APP_ID, appauthor=False))


def log_dir() -> Path:
    base = _base()
    if base:
        return base / "logs"
    from platformdirs import user_log_dir
    return Path(user_log_dir(APP_ID, appauthor=False))


def cache_dir() -> Path:
    """What the app can make again: the first-paint snapshot of the window."""
    base = _base()
    if base:
        return base / "cache"
    from platformdirs import user_cache_dir
    return Path(user_cache_dir(APP_ID, appauthor=False))
