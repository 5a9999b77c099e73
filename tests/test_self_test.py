"""`bri-facts --self-test` (what the packaging smoke test runs in the frozen builds) passes from
source, says what it checked, and leaves the user's settings alone."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def test_self_test_passes_from_source_and_touches_no_settings(tmp_path):
    home = tmp_path / "home"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BRI_FACTS_HOME=str(home))
    result = subprocess.run([sys.executable, "-m", "desktop", "--self-test"], cwd=REPO, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("self-test OK"))
    for checked in ("font 'BRI Noto Sans SC'", "translation zh", "start snapshot, then the data",
                    "facts", "export PNG 1920×1080"):
        assert checked in line
    assert "Traceback" not in result.stderr
    assert (home / "logs" / "bri-facts.log").is_file()
    assert not (home / "config").exists()  # the window's settings went to a temporary folder


def test_closing_the_splash_outside_a_frozen_build_does_nothing(monkeypatch):
    from desktop.ui.platform import close_splash
    monkeypatch.delenv("_PYI_SPLASH_IPC", raising=False)
    close_splash()
    assert "pyi_splash" not in sys.modules
