"""The packaging scripts, without building: the glibc check reads objdump as it should, the
release files have the layout users and the smoke test expect, install.sh installs and
uninstalls, the spec and its docs name files that exist, and release builds pin every
dependency. The frozen builds themselves are tested by `make smoke` (packaging/smoke_test.py)."""

from __future__ import annotations

import ast
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

from make_broken import make_workbook

REPO = Path(__file__).resolve().parent.parent
PACKAGING = REPO / "packaging"
CI = os.environ.get("CI") == "true"


def load(name: str):
    """A script of packaging/ as a module (the folder is no package)."""
    spec = importlib.util.spec_from_file_location(f"packaging_{name}", PACKAGING / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


check_glibc = load("check_glibc")
make_dist = load("make_dist")
smoke_test = load("smoke_test")

# objdump -T -p of Debian 12's libexpat.so.1 and of a Qt library, shortened
EXPAT = """
Dynamic Section:
  NEEDED               libc.so.6
  SONAME               libexpat.so.1
Version References:
  required from libc.so.6:
    0x09691974 0x00 06 GLIBC_2.3.4
    0x069691b6 0x00 03 GLIBC_2.36
    0x09691a75 0x00 02 GLIBC_2.2.5

DYNAMIC SYMBOL TABLE:
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.36) arc4random_buf
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.36) arc4random
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.2.5) memcpy
00000000000078c0 g    DF .text	0000000000000009  Base        XML_ParserCreate
"""
QTCORE = """
Dynamic Section:
  NEEDED               libicui18n.so.73
  NEEDED               libstdc++.so.6
  NEEDED               libc.so.6
Version References:
  required from libicui18n.so.73:
    0x0a2d8a31 0x00 12 ICU_73
  required from libstdc++.so.6:
    0x08922974 0x00 09 GLIBCXX_3.4.29
    0x056bafd3 0x00 08 CXXABI_1.3.13
  required from libc.so.6:
    0x06969197 0x00 04 GLIBC_2.34

DYNAMIC SYMBOL TABLE:
0000000000000000      DF *UND*	0000000000000000  ICU_73      ucol_open_73
0000000000000000      DF *UND*	0000000000000000  GLIBCXX_3.4.29 _ZSt28__throw_bad_array_new_lengthv
0000000000000000      DF *UND*	0000000000000000 (CXXABI_1.3.13) _ZNSt15__exception_ptr13exception_ptr9_M_addrefEv
0000000000000000      DF *UND*	0000000000000000 (GLIBC_2.34) dlopen
0000000000000000      D  *UND*	0000000000000000  Base        PyList_New
"""


# ------------------------------------------------------------------------------ check_glibc

def test_objdump_output_is_read_into_versions_symbols_and_libraries():
    needs = check_glibc.parse_objdump("libQt6Core.so.6", QTCORE)
    assert needs.needed == ["libicui18n.so.73", "libstdc++.so.6", "libc.so.6"]
    assert needs.versions == {"ICU_73": "libicui18n.so.73", "GLIBCXX_3.4.29": "libstdc++.so.6",
                              "CXXABI_1.3.13": "libstdc++.so.6", "GLIBC_2.34": "libc.so.6"}
    # binutils before 2.37 print versions without parentheses; both are read
    assert needs.symbols["GLIBCXX_3.4.29"] == ["_ZSt28__throw_bad_array_new_lengthv"]
    assert needs.symbols["GLIBC_2.34"] == ["dlopen"]
    assert "Base" not in needs.symbols


def test_a_glibc_symbol_past_the_limit_fails_naming_the_elf_and_the_symbol():
    report = check_glibc.Report("bundle")
    report.add(check_glibc.parse_objdump("_internal/libexpat.so.1", EXPAT), bundled={"libexpat.so.1"})
    assert report.newest["GLIBC"][0] == "GLIBC_2.36"
    [problem] = report.problems
    message = str(problem)
    assert "_internal/libexpat.so.1" in message and "GLIBC_2.36" in message
    assert "arc4random" in message and "arc4random_buf" in message and "GLIBC_2.35" in message


def test_versions_a_bundled_library_provides_are_not_asked_of_the_system():
    report = check_glibc.Report("bundle")
    report.add(check_glibc.parse_objdump("libQt6Core.so.6", QTCORE), bundled={"libicui18n.so.73"})
    assert "ICU" not in report.newest  # libicui18n comes with the build
    assert report.newest["GLIBCXX"][0] == "GLIBCXX_3.4.29"
    assert report.newest["CXXABI"][0] == "CXXABI_1.3.13"
    assert not report.problems
    assert report.system_libraries == {"libstdc++.so.6", "libc.so.6"}
    summary = "\n".join(report.summary())
    assert "GLIBCXX_3.4.29" in summary and "libQt6Core.so.6" in summary


def test_a_library_neither_bundled_nor_on_every_linux_fails():
    text = QTCORE.replace("libicui18n.so.73", "libxcb-icccm.so.4")
    report = check_glibc.Report("bundle")
    report.add(check_glibc.parse_objdump("libqxcb.so", text), bundled=set())
    missing = [p for p in report.problems if isinstance(p, check_glibc.Missing)]
    assert [p.library for p in missing] == ["libxcb-icccm.so.4"]
    assert "libqxcb.so" in str(missing[0])


@pytest.mark.parametrize("name", ["libc.so.6", "libm.so.6", "ld-linux-x86-64.so.2", "libGL.so.1",
                                  "libEGL.so.1", "libxcb.so.1", "libstdc++.so.6", "libgcc_s.so.1",
                                  "libexpat.so.1", "libz.so.1", "libpthread.so.0"])
def test_what_every_linux_has_may_come_from_the_system(name):
    assert check_glibc.SYSTEM_PROVIDED.fullmatch(name)


@pytest.mark.parametrize("name", ["libxcb-icccm.so.4", "libfontconfig.so.1", "libicuuc.so.73",
                                  "libpython3.11.so.1.0"])
def test_what_not_every_linux_has_must_be_bundled(name):
    assert not check_glibc.SYSTEM_PROVIDED.fullmatch(name)


def test_versions_compare_as_numbers():
    assert check_glibc.number("GLIBC_2.35") < check_glibc.number("GLIBC_2.36")
    assert check_glibc.number("GLIBCXX_3.4.9") < check_glibc.number("GLIBCXX_3.4.29")
    assert check_glibc.family("GLIBCXX_3.4.29") == "GLIBCXX"


def test_the_limits_are_ubuntu_22_04():
    assert check_glibc.LIMITS == {"GLIBC": "2.35", "GLIBCXX": "3.4.30", "CXXABI": "1.3.13",
                                  "GCC": "12.0.0"}


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF files: Linux")
def test_the_check_reads_a_real_elf_file(tmp_path):
    if shutil.which("objdump") is None:
        assert not CI, "CI needs binutils for the glibc check (.ci/run installs it)"
        pytest.skip("objdump (binutils) not installed")
    folder = tmp_path / "bundle"
    folder.mkdir()
    shutil.copy2(os.path.realpath(sys.executable), folder / "python")
    report = check_glibc.check(folder)
    assert report.elf_count == 1
    assert report.newest["GLIBC"][0].startswith("GLIBC_2.")
    assert "libc.so.6" in report.system_libraries


# ------------------------------------------------------------------------------ make_dist

@pytest.mark.parametrize("system, machine, tag", [
    ("linux", "x86_64", "linux-x86_64"), ("win32", "AMD64", "windows-x64"),
    ("darwin", "arm64", "macos-arm64"), ("darwin", "x86_64", "macos-x86_64"),
    ("linux", "aarch64", "linux-arm64")])
def test_release_files_are_named_by_platform(system, machine, tag):
    assert make_dist.platform_tag(system, machine) == tag


def test_each_platform_releases_its_files():
    from desktop import __version__
    assert make_dist.expected("linux-x86_64") == [f"bri-facts-{__version__}-linux-x86_64",
                                                  f"bri-facts-{__version__}-linux-x86_64.tar.gz"]
    assert make_dist.expected("windows-x64")[0].endswith("-windows-x64.exe")
    assert make_dist.expected("windows-x64")[1].endswith("-windows-x64.zip")
    assert make_dist.expected("macos-arm64") == [f"bri-facts-{__version__}-macos-arm64.dmg"]


def fake_onedir(root: Path) -> Path:
    """A folder build stand-in: a launcher that answers --version, and _internal/."""
    onedir = root / "bri-facts-onedir"
    (onedir / "_internal" / "PySide6").mkdir(parents=True)
    (onedir / "_internal" / "PySide6" / "libQt6Core.so.6").write_bytes(b"\x7fELF fake")
    (onedir / "_internal" / "libQt6Core.so.6").symlink_to("PySide6/libQt6Core.so.6")
    launcher = onedir / "bri-facts"
    launcher.write_text("#!/bin/sh\necho 'bri-facts 1.0.0'\n", encoding="utf-8")
    launcher.chmod(0o755)
    return onedir


@pytest.fixture
def tarball(tmp_path):
    out = tmp_path / "release"
    out.mkdir()
    return make_dist.linux_tarball(fake_onedir(tmp_path), out, "bri-facts-9.9.9-linux-x86_64")


def test_the_tarball_holds_the_folder_build_desktop_entry_icons_and_notes(tarball, tmp_path):
    with tarfile.open(tarball) as archive:
        members = {m.name: m for m in archive.getmembers()}
        top = "bri-facts-9.9.9-linux-x86_64"
        for name in ("bri-facts", "_internal/PySide6/libQt6Core.so.6", "bri-facts.desktop",
                     "install.sh", "INSTALL.txt", "icons/hicolor/256x256/apps/bri-facts.png",
                     "icons/hicolor/16x16/apps/bri-facts.png",
                     "icons/hicolor/scalable/apps/bri-facts.svg"):
            assert f"{top}/{name}" in members, name
        assert members[f"{top}/bri-facts"].mode == 0o755
        assert members[f"{top}/install.sh"].mode == 0o755
        assert members[f"{top}/INSTALL.txt"].mode == 0o644
        assert members[f"{top}/_internal/libQt6Core.so.6"].issym()  # links stay links
        assert {m.uname for m in members.values()} == {""}  # no build machine's user names
        notes = archive.extractfile(f"{top}/INSTALL.txt").read().decode("utf-8")
    from desktop import __version__
    assert __version__ in notes and "{version}" not in notes
    assert "glibc 2.35" in notes and "Ubuntu 22.04" in notes


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="install.sh: Linux")
def test_the_smoke_test_accepts_the_tarball_and_install_sh_installs_and_uninstalls(tarball, tmp_path):
    unpacked = tmp_path / "unpacked"
    unpacked.mkdir()
    smoke_test._extract_tar(tarball, unpacked)
    folder = unpacked / "bri-facts-9.9.9-linux-x86_64"
    layout = smoke_test.Run("tar.gz", "layout")
    smoke_test.check_tarball_layout(folder, layout)
    assert layout.ok, layout.problems
    run = smoke_test.check_install_script(folder, unpacked)
    assert run.ok, run.problems


def test_the_desktop_entry_starts_the_program_by_name_without_arguments():
    entry = {}
    for line in (PACKAGING / "linux" / "bri-facts.desktop").read_text(encoding="utf-8").splitlines():
        if "=" in line and not line.startswith(("#", "[")):
            key, value = line.split("=", 1)
            entry[key] = value
    assert entry["Type"] == "Application" and entry["Icon"] == "bri-facts"
    # the command line takes no file argument, so no %f/%u field code
    assert entry["Exec"] == "bri-facts" and entry["TryExec"] == "bri-facts"
    assert entry["Terminal"] == "false"


def test_checksums_are_written_for_the_release_files(tmp_path):
    one = tmp_path / "a.tar.gz"
    one.write_bytes(b"hello")
    sums = make_dist.checksums([one], tmp_path, "linux-x86_64")
    assert sums.read_text() == ("2cf24dba5fb0a30e26e83b2ac5b9e29e1b161e5c1fa7425e73043362938b9824"
                                "  a.tar.gz\n")
    assert smoke_test.check_checksums(tmp_path).ok
    one.write_bytes(b"changed")
    assert not smoke_test.check_checksums(tmp_path).ok


# ------------------------------------------------------------------------------ smoke_test

@pytest.mark.parametrize("windows", [False, True])
def test_the_smoke_test_finds_the_builds_in_dist(tmp_path, monkeypatch, windows):
    monkeypatch.setattr(smoke_test, "WINDOWS", windows)
    monkeypatch.setattr(smoke_test, "MACOS", False)
    suffix = ".exe" if windows else ""
    (tmp_path / "bri-facts-onedir").mkdir()
    for name in (f"bri-facts{suffix}", f"bri-facts-onedir/bri-facts{suffix}",
                 f"bri-facts-onedir/bri-facts-cli{suffix}"):
        (tmp_path / name).write_bytes(b"")
    targets = {t.label: t for t in smoke_test.executables(tmp_path)}
    assert set(targets) == {"single file", "onedir"}
    single, onedir = targets["single file"], targets["onedir"]
    assert single.single_file and single.cli is None and single.printer == single.exe
    if windows:  # a windowed .exe has no stdout: what prints goes through the console companion
        assert onedir.cli == tmp_path / "bri-facts-onedir" / "bri-facts-cli.exe"
        assert onedir.printer == onedir.cli and onedir.printer_prints and not onedir.exe_prints
        assert not single.printer_prints  # the single .exe: exit codes, files and its log only
    else:
        assert onedir.cli is None and onedir.printer == onedir.exe and onedir.exe_prints
        assert single.printer_prints


def test_every_build_is_smoke_tested_the_same_ways():
    target = smoke_test.Target("onedir", Path("bri-facts"))
    runs = [(what, prefix is not None) for what, _check, prefix in
            smoke_test.checks_for(target, ["unshare", "-n"])]
    assert runs == [("export-charts", False), ("export-charts --format pptx", False),
                    ("--self-test", False), ("validate (good)", False), ("validate (broken)", False),
                    ("export-charts", True), ("--self-test", True)]
    windows = smoke_test.Target("zip", Path("bri-facts.exe"), Path("bri-facts-cli.exe"))
    assert "--self-test (console)" in [w for w, _c, _p in smoke_test.checks_for(windows, None)]


def test_a_downloaded_single_file_without_its_x_bit_is_still_tested(tmp_path, monkeypatch):
    monkeypatch.setattr(smoke_test, "WINDOWS", False)
    monkeypatch.setattr(smoke_test, "LINUX", False)  # no glibc check of this stand-in
    release = tmp_path / "release"
    release.mkdir()
    single = release / "bri-facts-9.9.9-linux-x86_64"
    single.write_bytes(b"\x7fELF and the rest")
    single.chmod(0o644)
    make_dist.checksums([single], release, "linux-x86_64")
    runs: list = []
    targets = smoke_test.release_targets(release, tmp_path, runs)
    assert [(t.label, t.exe) for t in targets] == [("single file", single)]
    assert os.access(single, os.X_OK)
    assert all(run.ok for run in runs)


def test_the_smoke_test_datasets_are_a_good_and_a_broken_one():
    assert (smoke_test.GOOD_DATASET / "EXPECT").read_text(encoding="utf-8").strip() == "valid"
    expect = (smoke_test.BROKEN_DATASET / "EXPECT").read_text(encoding="utf-8").strip()
    assert expect and expect != "valid"


# ------------------------------------------------------------------------------ spec and docs

def test_the_spec_hides_no_module_of_the_app_and_uses_no_upx():
    spec = (PACKAGING / "bri-facts.spec").read_text(encoding="utf-8")
    assert "collect_submodules" not in spec
    assert 'hiddenimports=string_imports(REPO / "desktop")' in spec
    assert "upx=True" not in spec and "upx=False" in spec


def test_modules_imported_by_a_name_in_a_string_are_found(tmp_path):
    hidden_imports = load("hidden_imports")
    (tmp_path / "lazy.py").write_text('import importlib\npd = LazyModule("pandas")\n'
                                      'x = importlib.import_module("numpy")\n'
                                      'y = importlib.import_module(name)\n', encoding="utf-8")
    assert hidden_imports.string_imports(tmp_path) == ["numpy", "pandas"]
    found = hidden_imports.string_imports(REPO / "desktop")
    assert not [name for name in found if name.startswith("desktop")]  # the app's own: by import


def test_the_spec_builds_a_console_companion_on_windows():
    spec = (PACKAGING / "bri-facts.spec").read_text(encoding="utf-8")
    assert 'CLI_COMPANION = WINDOWS or os.environ.get("BRI_FACTS_CLI") == "1"' in spec
    assert 'name=f"{APP_ID}-cli"' in spec and '"console": True' in spec
    assert "version=version_file" in spec and "bri-facts.ico" in spec


def test_the_version_resource_template_fills_in():
    template = (PACKAGING / "version_info.txt").read_text(encoding="utf-8")
    text = template.format(version="1.2.3", version_tuple=(1, 2, 3, 0), name="BRI", app_id="bri-facts")
    assert "filevers=(1, 2, 3, 0)" in text and "StringStruct('ProductVersion', '1.2.3')" in text


def test_packaging_and_its_docs_name_only_files_that_exist():
    texts = {p.name: p.read_text(encoding="utf-8") for p in
             [*PACKAGING.glob("*.py"), PACKAGING / "bri-facts.spec", REPO / "docs" / "packaging.md"]}
    stale = ("bench_hook", "desktop/paths.py", "desktop/render.py", "desktop/userdirs.py",
             "desktop.paths", "desktop.render", "desktop.userdirs")
    for name, text in texts.items():
        for old in stale:
            assert old not in text, f"{name} names {old}"
        for path in set(re.findall(r"\b((?:desktop|packaging|tests|resources|benchmarks)/[\w/.-]+\.\w+)", text)):
            assert (REPO / path).exists(), f"{name} names {path}, which does not exist"


def test_release_builds_pin_every_dependency():
    tomllib = pytest.importorskip("tomllib")  # Python 3.11+
    project = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    pins = {}
    for line in (PACKAGING / "requirements-release.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = re.match(r"([A-Za-z0-9_.-]+)==([0-9][^;\s]*)", line).groups()
            pins[re.sub(r"[-_.]+", "-", name).lower()] = version
    wanted = [*project["dependencies"], *project["optional-dependencies"]["package"]]
    for requirement in wanted:
        name = re.sub(r"[-_.]+", "-", re.match(r"[A-Za-z0-9_.-]+", requirement).group(0)).lower()
        assert name in pins, f"{requirement}: pin it in packaging/requirements-release.txt"


def test_what_the_frozen_build_runs_works_without_docstrings(tmp_path):
    """The builds ship bytecode without docstrings or asserts (slim_build.OPTIMIZE, python -OO).
    A Python started with -OO does what a user of the frozen app does with each library: opens a
    workbook (openpyxl), writes a deck (python-pptx, lxml), paints a chart in the window and
    exports it (pyqtgraph through pglib)."""
    rules = ast.parse((PACKAGING / "slim_build.py").read_text(encoding="utf-8"))  # it needs PyInstaller
    optimize = [node.value.value for node in rules.body if isinstance(node, ast.Assign)
                and any(getattr(target, "id", "") == "OPTIMIZE" for target in node.targets)]
    assert optimize == [2]
    for spec in (PACKAGING / "bri-facts.spec", REPO / "benchmarks" / "baselines.spec"):
        assert "optimize=slim_build.OPTIMIZE" in spec.read_text(encoding="utf-8"), spec.name
    book = make_workbook(REPO / "data", tmp_path / "book.xlsx")
    script = (
        "import sys\n"
        "assert sys.flags.optimize == 2 and __doc__ is None\n"  # -OO itself
        "import pandas, pyqtgraph\n"
        "assert pandas.DataFrame.merge.__doc__ is None\n"
        "from desktop.cli import main\n"
        f"sys.exit(main(['export-charts', '--dataset', {str(book)!r}, '--format', 'pptx', "
        f"'--lang', 'en', '--out', {str(tmp_path / 'deck')!r}]))\n")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(REPO),
               BRI_FACTS_HOME=str(tmp_path / "home"))
    done = subprocess.run([sys.executable, "-OO", "-c", script], cwd=REPO, env=env,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    deck = tmp_path / "deck" / "deck--all.en.pptx"
    assert deck.stat().st_size > 50_000, done.stdout
    # the window: --self-test opens it, paints a fact's chart, exports it and checks the fonts
    done = subprocess.run([sys.executable, "-OO", "-m", "desktop", "--self-test"], cwd=REPO,
                          env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and "self-test OK" in done.stdout, done.stdout + done.stderr
