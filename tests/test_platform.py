"""The app makes no Linux-only assumption: where code depends on the platform, each platform is
simulated here (sys.platform, platformdirs' implementation, PyInstaller's sys._MEIPASS), and the
rest of desktop/ is checked not to branch on the platform at all."""

from __future__ import annotations

import re
import sys
from pathlib import Path, PureWindowsPath

import platformdirs
import pytest
from platformdirs.macos import MacOS
from platformdirs.unix import Unix
from platformdirs.windows import Windows

from desktop.base import paths, userdirs
from desktop.ui import platform as ui_platform

REPO = Path(__file__).resolve().parent.parent
DESKTOP = REPO / "desktop"
PLATFORMS = ("linux", "win32", "darwin")


def sources() -> dict[str, str]:
    return {p.relative_to(REPO).as_posix(): p.read_text(encoding="utf-8")
            for p in sorted(DESKTOP.rglob("*.py"))}


# ------------------------------------------------------------------------------ splash screen

@pytest.mark.parametrize("platform, expected", [("linux", True), ("win32", True), ("darwin", False)])
def test_the_splash_screen_exists_where_pyinstaller_has_one(platform, expected, monkeypatch):
    assert ui_platform.splash_supported(platform) is expected
    monkeypatch.setattr(sys, "platform", platform)
    assert ui_platform.splash_supported() is expected


def test_the_spec_asks_the_app_where_a_splash_screen_exists():
    spec = (REPO / "packaging" / "bri-facts.spec").read_text(encoding="utf-8")
    assert "from desktop.ui.platform import splash_supported" in spec
    assert "splash_supported(sys.platform)" in spec


def test_closing_the_splash_is_a_no_op_without_one(monkeypatch):
    monkeypatch.delenv("_PYI_SPLASH_IPC", raising=False)
    monkeypatch.delitem(sys.modules, "pyi_splash", raising=False)
    ui_platform.close_splash()  # nothing to close: must not raise or import anything
    assert "pyi_splash" not in sys.modules
    assert ui_platform.splash_showing() is False


# ------------------------------------------------------------------------------ user folders

@pytest.fixture
def simulate(monkeypatch, tmp_path):
    """simulate(platform): platformdirs answers as it does there; the user's home is tmp_path."""
    def apply(platform: str) -> None:
        monkeypatch.delenv("BRI_FACTS_HOME", raising=False)
        monkeypatch.setattr(sys, "platform", platform)
        monkeypatch.setenv("HOME", str(tmp_path))
        for name in ("XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_DATA_HOME"):
            monkeypatch.delenv(name, raising=False)
        cls = {"linux": Unix, "win32": Windows, "darwin": MacOS}[platform]
        monkeypatch.setattr(platformdirs, "PlatformDirs", cls)
        if platform == "win32":  # Windows asks the shell for the folder; the same via platformdirs' override
            monkeypatch.setenv("WIN_PD_OVERRIDE_LOCAL_APPDATA", r"C:\Users\ada\AppData\Local")
            monkeypatch.setenv("WIN_PD_OVERRIDE_APPDATA", r"C:\Users\ada\AppData\Roaming")
    return apply


def parts(path: Path) -> tuple[str, ...]:
    return PureWindowsPath(str(path)).parts  # "\" and "/" both separate, whatever the host


def test_user_folders_on_windows_are_in_local_appdata(simulate):
    simulate("win32")
    assert parts(userdirs.config_dir()) == ("C:\\", "Users", "ada", "AppData", "Local", "bri-facts")
    assert parts(userdirs.log_dir())[-3:] == ("Local", "bri-facts", "Logs")


def test_user_folders_on_macos_are_in_library(simulate, tmp_path):
    simulate("darwin")
    assert userdirs.config_dir() == tmp_path / "Library" / "Application Support" / "bri-facts"
    assert userdirs.log_dir() == tmp_path / "Library" / "Logs" / "bri-facts"


def test_user_folders_on_linux_follow_xdg(simulate, tmp_path, monkeypatch):
    simulate("linux")
    assert userdirs.config_dir() == tmp_path / ".config" / "bri-facts"
    assert userdirs.log_dir() == tmp_path / ".local" / "state" / "bri-facts" / "log"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "elsewhere"))
    assert userdirs.config_dir() == tmp_path / "elsewhere" / "bri-facts"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_bri_facts_home_moves_everything_on_every_platform(platform, simulate, monkeypatch, tmp_path):
    simulate(platform)
    monkeypatch.setenv("BRI_FACTS_HOME", str(tmp_path / "one"))
    assert userdirs.config_dir() == tmp_path / "one" / "config"
    assert userdirs.log_dir() == tmp_path / "one" / "logs"


@pytest.mark.parametrize("platform", PLATFORMS)
def test_settings_are_an_ini_file_in_the_config_folder_on_every_platform(platform, simulate):
    """QSettings' native format would be the registry on Windows and a plist on macOS; one INI
    file in the platform's config folder behaves the same everywhere and is easy to send along."""
    from PySide6.QtCore import QSettings

    from desktop.ui import settings
    simulate(platform)
    assert settings.settings_path() == userdirs.config_dir() / "bri-facts.ini"
    if platform == "darwin":
        assert "Application Support" in str(settings.settings_path())
    source = (DESKTOP / "ui" / "settings.py").read_text(encoding="utf-8")
    constructed = [line for line in source.splitlines() if "QSettings(" in line]
    assert constructed and all("IniFormat" in line for line in constructed)
    assert QSettings.Format.IniFormat  # the format exists in every Qt build


def test_only_settings_py_makes_a_qsettings():
    makers = [name for name, text in sources().items() if re.search(r"\bQSettings\(", text)]
    assert makers == ["desktop/ui/settings.py"]


# ------------------------------------------------------------------------------ bundled files

def test_bundled_files_are_found_under_meipass_when_frozen(monkeypatch, tmp_path):
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert paths.bundle_root() == tmp_path
    assert paths.resource_path("fonts/OFL.txt") == tmp_path / "resources" / "fonts" / "OFL.txt"
    assert paths.data_path("facts.csv") == tmp_path / "data" / "facts.csv"
    assert paths.is_frozen()


def test_bundled_files_are_found_in_the_source_tree_otherwise(monkeypatch):
    monkeypatch.delattr(sys, "_MEIPASS", raising=False)
    assert paths.bundle_root() == REPO
    assert paths.resource_path("fonts/OFL.txt").is_file()


@pytest.mark.parametrize("name", ["fonts\\OFL.txt", "fonts/OFL.txt"])
def test_a_windows_style_name_finds_the_same_file(name):
    assert paths.resource_path(name) == REPO / "resources" / "fonts" / "OFL.txt"


@pytest.mark.parametrize("name", ["../pyproject.toml", "..\\pyproject.toml", "/etc/passwd",
                                  "C:/Windows/win.ini", "C:win.ini", ""])
def test_names_cannot_leave_the_bundle(name):
    with pytest.raises(ValueError):
        paths.resource_path(name)


def test_only_paths_py_reads_meipass():
    readers = [name for name, text in sources().items() if "_MEIPASS" in text]
    assert readers == ["desktop/base/paths.py"]


@pytest.mark.parametrize("platform", PLATFORMS)
def test_the_fonts_are_registered_from_the_same_bundled_files_everywhere(platform, monkeypatch):
    from desktop.ui import fonts
    monkeypatch.setattr(sys, "platform", platform)
    for name in fonts.FONT_FILES:
        assert paths.resource_path(name).is_file()
    source = (DESKTOP / "ui" / "fonts.py").read_text(encoding="utf-8")
    assert "sys.platform" not in source and "addApplicationFont" in source


# ------------------------------------------------------------------------------ no Linux-only code

#: the modules allowed to ask which platform this is (each branch is tested above)
PLATFORM_MODULES = {"desktop/ui/platform.py"}


def test_only_the_platform_module_branches_on_the_platform():
    pattern = re.compile(r"sys\.platform|platform\.system\(|os\.name\b|QSysInfo")
    branching = {name for name, text in sources().items() if pattern.search(text)}
    assert branching <= PLATFORM_MODULES, branching - PLATFORM_MODULES


def test_no_hard_coded_unix_paths_or_tools():
    pattern = re.compile(r"""["'](/usr/|/etc/|/tmp\b|/home/|~/\.config|~/\.local)|xdg-open|\bos\.getuid\(""")
    found = {name: m.group(0) for name, text in sources().items() for m in [pattern.search(text)] if m}
    assert not found


def test_file_dialogs_are_the_native_ones():
    offenders = [name for name, text in sources().items() if "DontUseNativeDialog" in text]
    assert not offenders
    users = [name for name, text in sources().items() if "QFileDialog." in text]
    assert users  # the app does open and save files: through the static, native dialogs
    for name in users:
        assert not re.search(r"QFileDialog\(", sources()[name]), f"{name}: a Qt-drawn dialog"
