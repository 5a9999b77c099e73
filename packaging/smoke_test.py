#!/usr/bin/env python3
"""Smoke test of the frozen builds: do they start, draw, export, validate and find their files on
a machine that has never seen them? The same script runs here (`make smoke`) and on every runner
of .github/workflows/release.yml.

    python packaging/smoke_test.py                      build with PyInstaller if dist/ has no build, then test
    python packaging/smoke_test.py --build              always build first
    python packaging/smoke_test.py --no-build           test what dist/ holds (fails if it holds nothing)
    python packaging/smoke_test.py --release DIR        test the release files in DIR as a user gets
                                                        them (packaging/make_dist.py makes them)

What is tested, each program started with an empty HOME, BRI_FACTS_HOME in a temporary folder,
Qt's offscreen platform and no display:

    bri-facts export-charts --out TMP     every chart of the bundled dataset, 1920×1080 PNG each
    bri-facts export-charts --format pptx one deck: a zip with slides and native charts
    bri-facts --self-test                 window, fact, chart painted, PNG export, font, translation
    bri-facts validate GOOD               tests/broken/ok-gbk: "valid", exit 0
    bri-facts validate BROKEN             tests/broken/unclosed-quote: its EXPECT words, exit 1

export-charts and --self-test run again inside a network namespace with no network
(``unshare -n``, or ``unshare -rn`` as a plain user) where that works. On Windows the commands
that print run through the console companion bri-facts-cli.exe (a windowed .exe has no
stdout); the windowed one still runs --self-test, read from its log.

--release DIR unpacks each file first: the .tar.gz (its layout, desktop entry, icons, install.sh
into a temporary HOME, and on Linux packaging/check_glibc.py), the .zip (bri-facts-cli.exe
beside bri-facts.exe), the .dmg (mounted, the .app copied out and its signature verified), the
single file as it is; and checks SHA256SUMS-*.txt.

A run fails on an unexpected exit code, a time-out, missing or wrong PNG files, a missing report,
or any of FATAL_MARKERS in its output or in the log files it left. Prints one line per run and the
sizes, fails if the single file is over SIZE_BUDGET_MIB, and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import re
import shutil
import struct
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "bri-facts.spec"
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
GOOD_DATASET = REPO / "tests" / "broken" / "ok-gbk"           # loads (GBK: the frozen codecs too)
BROKEN_DATASET = REPO / "tests" / "broken" / "unclosed-quote"  # its EXPECT file: the words of the report
APP_NAME = "BRI S&T Fact Browser"
TIMEOUT_S = 180
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SIZE_BUDGET_MIB = 80
WINDOWS = sys.platform.startswith("win")
MACOS = sys.platform == "darwin"
LINUX = sys.platform.startswith("linux")

#: Text that must never appear in the output or the log of a healthy run.
FATAL_MARKERS = (
    "Traceback (most recent call last)",
    "ModuleNotFoundError",
    "ImportError",
    "could not load the Qt platform plugin",
    "Could not find the Qt platform plugin",
    "This application failed to start",
    "bundled font missing",
    "bundled font could not be loaded",
    "translation file missing or unreadable",
    "the bundled dataset is broken",
    "The bundled dataset is damaged",
    "self-test FAILED",
    "Failed to execute script",
    "Fatal Python error",
    "Segmentation fault",
)


@dataclass
class Target:
    """One way a user gets the app: the program they start, and the one that prints."""
    label: str
    exe: Path
    cli: Path | None = None  # the console companion (Windows); None: exe prints itself
    single_file: bool = False

    @property
    def printer(self) -> Path:
        """The program that runs the commands whose output is read."""
        return self.cli or self.exe

    @property
    def exe_prints(self) -> bool:
        """A windowed Windows program (every bri-facts.exe) may have no stdout to read."""
        return not WINDOWS

    @property
    def printer_prints(self) -> bool:
        return self.cli is not None or self.exe_prints


class Run:
    def __init__(self, label: str, what: str, isolated: bool = False) -> None:
        self.label_, self.what, self.isolated = label, what, isolated
        self.problems: list[str] = []
        self.seconds = 0.0
        self.note = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def label(self) -> str:
        return f"{self.label_}: {self.what}{' (no network)' if self.isolated else ''}"


# ------------------------------------------------------------------------------ finding builds

def executables(dist: Path) -> list[Target]:
    """The builds PyInstaller left in dist/."""
    suffix = ".exe" if WINDOWS else ""
    found = []
    single = dist / f"bri-facts{suffix}"
    if single.is_file():
        found.append(Target("single file", single, single_file=True))
    onedir = dist / "bri-facts-onedir"
    if (onedir / f"bri-facts{suffix}").is_file():
        cli = onedir / f"bri-facts-cli{suffix}"
        found.append(Target("onedir", onedir / f"bri-facts{suffix}", cli if WINDOWS and cli.is_file() else None))
    app = dist / f"{APP_NAME}.app" / "Contents" / "MacOS" / "bri-facts"
    if MACOS and app.is_file():
        found.append(Target(".app", app))
    return found


def build(dist: Path) -> None:
    print(f"building with PyInstaller into {dist} …", flush=True)
    cmd = [sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--distpath", str(dist),
           "--workpath", str(WORK), str(SPEC)]
    subprocess.run(cmd, cwd=REPO, check=True)


def size_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / 2**20
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def png_size(path: Path) -> tuple[int, int] | None:
    data = path.read_bytes()[:24]
    if len(data) < 24 or not data.startswith(PNG_MAGIC) or data[12:16] != b"IHDR":
        return None
    return struct.unpack(">II", data[16:24])


def no_network_prefix() -> list[str] | None:
    """How to start a program without any network here: `unshare -n` (root) or `unshare -rn`
    (a plain user, where user namespaces are allowed); None when neither works."""
    if not LINUX or shutil.which("unshare") is None:
        return None
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        try:
            if subprocess.run([*prefix, "true"], capture_output=True, timeout=20).returncode == 0:
                return prefix
        except (OSError, subprocess.TimeoutExpired):
            continue
    return None


# ------------------------------------------------------------------------------ running

def clean_env(tmp: Path) -> dict[str, str]:
    """The environment of a first start: an empty home, offscreen, no display, no saved state."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "QT_", "BRI_FACTS", "_PYI", "PYTHON", "LD_"))
           and k not in ("HOME", "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    home = tmp / "home"
    runtime = tmp / "runtime"
    for folder in (home, runtime, tmp / "t"):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(HOME=str(home), USERPROFILE=str(home), BRI_FACTS_HOME=str(tmp / "bri-facts-home"),
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime), TMPDIR=str(tmp / "t"))
    if WINDOWS:  # where the single file unpacks itself
        env.update(TEMP=str(tmp / "t"), TMP=str(tmp / "t"))
    env.setdefault("LANG", "C.UTF-8")
    return env


def scan(text: str, where: str, run: Run) -> None:
    for marker in FATAL_MARKERS:
        if marker in text:
            line = next((ln for ln in text.splitlines() if marker in ln), marker).strip()
            run.problems.append(f"{where}: {line[:200]}")


def log_text(tmp: Path) -> str:
    logs = tmp / "bri-facts-home" / "logs"
    return "\n".join(p.read_text(encoding="utf-8", errors="replace")
                     for p in sorted(logs.glob("*.log*"))) if logs.is_dir() else ""


def execute(exe: Path, args: list[str], run: Run, tmp: Path, expect_exit: int = 0,
            prefix: list[str] | None = None) -> subprocess.CompletedProcess | None:
    env = clean_env(tmp)
    cmd = [*(prefix or []), str(exe), *args]
    started = time.perf_counter()
    try:
        result = subprocess.run(cmd, env=env, cwd=tmp, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        run.problems.append(f"no answer within {TIMEOUT_S} s")
        return None
    except OSError as exc:
        run.problems.append(f"could not start {exe}: {exc}")
        return None
    finally:
        run.seconds = time.perf_counter() - started
    output = result.stdout + result.stderr
    if result.returncode != expect_exit:
        tail = " | ".join(output.strip().splitlines()[-4:])
        run.problems.append(f"exit code {result.returncode}, expected {expect_exit}: {tail[:400]}")
    scan(output, "output", run)
    logs = Path(env["BRI_FACTS_HOME"]) / "logs"
    for log_file in sorted(logs.glob("*.log*")) if logs.is_dir() else []:
        text = log_file.read_text(encoding="utf-8", errors="replace")
        if log_file.name == "native-crash.log" and text.strip():
            run.problems.append(f"{log_file.name}: {text.strip().splitlines()[0][:200]}")
        scan(text, log_file.name, run)
    return result


def smoke_export(target: Target, run: Run, tmp: Path, prefix: list[str] | None) -> None:
    out = tmp / "charts"
    out.mkdir()
    if execute(target.printer, ["export-charts", "--out", str(out)], run, tmp, prefix=prefix) is None:
        return
    pngs = sorted(out.glob("*.png"))
    if not pngs:
        run.problems.append(f"export-charts wrote no PNG into {out}")
        return
    bad = [p.name for p in pngs if png_size(p) != (1920, 1080)]
    if bad:
        run.problems.append(f"not a 1920×1080 PNG: {', '.join(bad[:5])}")
    run.note = f"{len(pngs)} PNG files"


def smoke_deck(target: Target, run: Run, tmp: Path, prefix: list[str] | None) -> None:
    out = tmp / "deck"
    if execute(target.printer, ["export-charts", "--out", str(out), "--format", "pptx"], run, tmp,
               prefix=prefix) is None:
        return
    decks = sorted(out.glob("*.pptx")) if out.is_dir() else []
    if len(decks) != 1:
        run.problems.append(f"export-charts --format pptx wrote {len(decks)} decks into {out}")
        return
    try:
        with zipfile.ZipFile(decks[0]) as deck:
            slides = [n for n in deck.namelist() if re.fullmatch(r"ppt/slides/slide\d+\.xml", n)]
            charts = [n for n in deck.namelist() if re.fullmatch(r"ppt/charts/chart\d+\.xml", n)]
    except zipfile.BadZipFile as exc:
        run.problems.append(f"{decks[0].name} is not a deck: {exc}")
        return
    if not slides or not charts:
        run.problems.append(f"{decks[0].name}: {len(slides)} slides, {len(charts)} charts")
    else:
        run.note = f"{decks[0].name}: {len(slides)} slides, {len(charts)} charts"


def _self_test(exe: Path, prints: bool, run: Run, tmp: Path, prefix: list[str] | None) -> None:
    result = execute(exe, ["--self-test"], run, tmp, prefix=prefix)
    if result is None:
        return
    # a windowed .exe may print nothing: the self-test also writes its result to the log
    text = result.stdout if prints else result.stdout + log_text(tmp)
    ok = [line[line.index("self-test OK"):] for line in text.splitlines() if "self-test OK" in line]
    if not ok:
        run.problems.append(f"no 'self-test OK' line in the {'output' if prints else 'output or log'}")
    else:
        run.note = ok[0][len("self-test OK: "):][:160]


def smoke_self_test(target: Target, run: Run, tmp: Path, prefix: list[str] | None) -> None:
    _self_test(target.exe, target.exe_prints, run, tmp, prefix)


def smoke_cli_self_test(target: Target, run: Run, tmp: Path, prefix: list[str] | None) -> None:
    assert target.cli is not None
    _self_test(target.cli, True, run, tmp, prefix)


def _unreadable(target: Target, result: subprocess.CompletedProcess, run: Run) -> bool:
    """A windowed .exe without a console companion: when it printed nothing, only its exit code
    can be checked."""
    if target.printer_prints or result.stdout.strip():
        return False
    run.note = "exit code only (a windowed .exe prints nothing)"
    return True


def smoke_validate_good(target: Target, run: Run, tmp: Path, prefix: list[str] | None) -> None:
    result = execute(target.printer, ["validate", str(GOOD_DATASET)], run, tmp, expect_exit=0)
    if result is None or _unreadable(target, result, run):
        return
    if "valid —" not in result.stdout:
        run.problems.append(f"no 'valid —' line: {result.stdout.strip()[:200]}")
    else:
        run.note = result.stdout.strip().splitlines()[-1].split("valid — ", 1)[-1][:80]


def smoke_validate_broken(target: Target, run: Run, tmp: Path, prefix: list[str] | None) -> None:
    result = execute(target.printer, ["validate", str(BROKEN_DATASET)], run, tmp, expect_exit=1)
    if result is None or _unreadable(target, result, run):
        return
    words = [w for w in (BROKEN_DATASET / "EXPECT").read_text(encoding="utf-8").splitlines() if w.strip()]
    missing = [w for w in words if w not in result.stdout]
    if missing:
        run.problems.append(f"the report lacks {missing!r}: {result.stdout.strip()[:300]}")
    else:
        run.note = f"reported: {words[0][:70]}"


def checks_for(target: Target, no_network: list[str] | None):
    """(what, check, prefix) for every run of one target."""
    yield "export-charts", smoke_export, None
    # lxml and python-pptx, which the single file unpacks on their first import
    yield "export-charts --format pptx", smoke_deck, None
    yield "--self-test", smoke_self_test, None
    if target.cli is not None:
        yield "--self-test (console)", smoke_cli_self_test, None
    yield "validate (good)", smoke_validate_good, None
    yield "validate (broken)", smoke_validate_broken, None
    if no_network is not None:
        yield "export-charts", smoke_export, no_network
        yield "--self-test", smoke_self_test, no_network


# ------------------------------------------------------------------------------ release files

def _extract_tar(archive: Path, into: Path) -> None:
    with tarfile.open(archive) as tar:
        if hasattr(tarfile, "data_filter"):  # Python 3.10.12+: refuse paths leaving the folder
            tar.extractall(into, filter="data")
        else:  # pragma: no cover - older Pythons
            tar.extractall(into)  # noqa: S202 - our own archive


def check_checksums(release: Path) -> Run:
    run = Run("release", "SHA256SUMS")
    sums = sorted(release.glob("SHA256SUMS-*.txt"))
    if not sums:
        run.problems.append(f"no SHA256SUMS-*.txt in {release}")
    count = 0
    for sums_file in sums:
        for line in sums_file.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            digest, name = line.split(None, 1)
            path = release / name.strip().lstrip("*")
            if not path.is_file():
                run.problems.append(f"{sums_file.name}: {path.name} is missing")
                continue
            actual = hashlib.sha256(path.read_bytes()).hexdigest()
            if actual != digest:
                run.problems.append(f"{path.name}: checksum differs from {sums_file.name}")
            count += 1
    run.note = f"{count} file(s) match"
    return run


def check_tarball_layout(folder: Path, run: Run) -> None:
    for name in ("bri-facts", "_internal", "bri-facts.desktop", "INSTALL.txt", "install.sh",
                 "icons/hicolor/256x256/apps/bri-facts.png", "icons/hicolor/scalable/apps/bri-facts.svg"):
        if not (folder / name).exists():
            run.problems.append(f"{name} is missing")
    for name in ("bri-facts", "install.sh"):
        path = folder / name
        if path.is_file() and not os.access(path, os.X_OK):
            run.problems.append(f"{name} is not executable")
    desktop = folder / "bri-facts.desktop"
    if desktop.is_file():
        entry = dict(line.split("=", 1) for line in desktop.read_text(encoding="utf-8").splitlines()
                     if "=" in line and not line.startswith("#"))
        for key, value in (("Type", "Application"), ("Exec", "bri-facts"), ("Icon", "bri-facts")):
            if entry.get(key) != value:
                run.problems.append(f"bri-facts.desktop: {key}={entry.get(key)!r}, expected {value!r}")
        validator = shutil.which("desktop-file-validate")
        if validator:
            result = subprocess.run([validator, str(desktop)], capture_output=True, text=True)
            if result.returncode != 0 or "error" in result.stdout.lower():
                run.problems.append(f"desktop-file-validate: {result.stdout.strip()[:200]}")
    if not run.problems:
        run.note = "launcher, _internal/, desktop entry, icons, INSTALL.txt, install.sh"


def check_install_script(folder: Path, tmp: Path) -> Run:
    """install.sh into an empty HOME, the installed program answers, --uninstall leaves nothing."""
    run = Run("tar.gz", "install.sh")
    started = time.perf_counter()
    try:
        _install_script(folder, tmp, run)
    finally:
        run.seconds = time.perf_counter() - started
    return run


def _install_script(folder: Path, tmp: Path, run: Run) -> None:
    home = tmp / "install-home"
    home.mkdir()
    env = {**clean_env(tmp), "HOME": str(home)}
    env.pop("XDG_DATA_HOME", None)
    result = subprocess.run(["sh", str(folder / "install.sh")], env=env, capture_output=True, text=True)
    if result.returncode != 0:
        run.problems.append(f"install.sh: exit {result.returncode}: {result.stderr.strip()[:200]}")
        return
    target = home / ".local" / "opt" / "bri-facts" / "bri-facts"
    entry = home / ".local" / "share" / "applications" / "bri-facts.desktop"
    icon = home / ".local" / "share" / "icons" / "hicolor" / "256x256" / "apps" / "bri-facts.png"
    for path in (target, entry, icon, home / ".local" / "bin" / "bri-facts"):
        if not path.exists():
            run.problems.append(f"install.sh did not make {path.relative_to(home)}")
    if entry.is_file() and f'Exec="{target}"' not in entry.read_text(encoding="utf-8"):
        run.problems.append("the installed desktop entry does not start the installed program")
    if target.is_file():
        version = subprocess.run([str(target), "--version"], env=env, capture_output=True, text=True,
                                 timeout=TIMEOUT_S)
        if version.returncode != 0 or "bri-facts" not in version.stdout:
            run.problems.append(f"the installed program: {version.stdout.strip()[:100]} {version.stderr.strip()[:200]}")
    result = subprocess.run(["sh", str(target.parent / "install.sh"), "--uninstall"], env=env,
                            capture_output=True, text=True)
    left = [p for p in (target.parent, entry, icon, home / ".local" / "bin" / "bri-facts")
            if p.exists() or p.is_symlink()]
    if result.returncode != 0 or left:
        run.problems.append(f"--uninstall left {[str(p.relative_to(home)) for p in left]}")
    run.note = "installed into an empty HOME, started, uninstalled"


def check_glibc_run(paths: list[Path]) -> Run:
    run = Run("Linux", "glibc ≤ 2.35")
    started = time.perf_counter()
    try:
        _check_glibc(paths, run)
    finally:
        run.seconds = time.perf_counter() - started
    return run


def _check_glibc(paths: list[Path], run: Run) -> None:
    sys.path.insert(0, str(Path(__file__).resolve().parent))
    import check_glibc
    if shutil.which("objdump") is None:
        run.note = "skipped: no objdump (binutils)"
        return
    levels: dict[str, str] = {}
    for path in paths:
        report = check_glibc.check(path)
        run.problems += [str(p) for p in report.problems]
        run.problems += [f"{path.name}: {note}" for note in report.notes if "install PyInstaller" not in note]
        for fam, (version, _elf, _symbols) in report.newest.items():
            if fam not in levels or check_glibc.number(version) > check_glibc.number(levels[fam]):
                levels[fam] = version
    run.note = ", ".join(levels[f] for f in ("GLIBC", "GLIBCXX", "CXXABI") if f in levels)


def mount_dmg(dmg: Path, into: Path, run: Run) -> Path | None:
    """The .app of a disk image, copied out of it (as a user drags it to Applications)."""
    mount = into / "mnt"
    mount.mkdir()
    attach = subprocess.run(["hdiutil", "attach", "-nobrowse", "-readonly", "-noautoopen",
                             "-mountpoint", str(mount), str(dmg)], capture_output=True, text=True)
    if attach.returncode != 0:
        run.problems.append(f"hdiutil attach: {attach.stderr.strip()[:200]}")
        return None
    try:
        apps = sorted(mount.glob("*.app"))
        if not apps:
            run.problems.append("no .app in the disk image")
            return None
        if not (mount / "Applications").is_symlink():
            run.problems.append("no link to /Applications in the disk image")
        app = into / apps[0].name
        subprocess.run(["ditto", str(apps[0]), str(app)], check=True)
    finally:
        subprocess.run(["hdiutil", "detach", str(mount)], capture_output=True)
    verify = subprocess.run(["codesign", "--verify", "--deep", "--strict", str(app)],
                            capture_output=True, text=True)
    if verify.returncode != 0:
        run.problems.append(f"codesign --verify: {verify.stderr.strip()[:200]}")
    else:
        run.note = f"{app.name}, signature valid"
    return app


def is_executable_file(path: Path) -> bool:
    """An ELF or Mach-O program (the single file of Linux), whether or not its x bit survived."""
    with open(path, "rb") as handle:
        magic = handle.read(4)
    return magic == b"\x7fELF" or magic in (b"\xcf\xfa\xed\xfe", b"\xca\xfe\xba\xbe")


def release_targets(release: Path, root: Path, runs: list[Run]) -> list[Target]:
    """Unpack every release file in release/ and return what to start; the checks of the files
    themselves go into runs."""
    targets: list[Target] = []
    runs.append(check_checksums(release))
    glibc_paths: list[Path] = []
    for path in sorted(release.iterdir()):
        name = path.name
        if name.startswith("SHA256SUMS") or path.is_dir():
            continue
        unpacked = root / f"unpacked-{len(targets):02d}"
        unpacked.mkdir()
        if name.endswith(".tar.gz"):
            run = Run("tar.gz", "layout")
            _extract_tar(path, unpacked)
            folder = unpacked / name[: -len(".tar.gz")]
            check_tarball_layout(folder, run)
            runs.append(run)
            if (folder / "install.sh").is_file():
                runs.append(check_install_script(folder, unpacked))
            targets.append(Target("tar.gz", folder / "bri-facts"))
            glibc_paths.append(folder)
        elif name.endswith(".zip"):
            run = Run("zip", "layout")
            with zipfile.ZipFile(path) as archive:
                archive.extractall(unpacked)
            folder = unpacked / name[: -len(".zip")]
            for part in ("bri-facts.exe", "bri-facts-cli.exe", "_internal", "INSTALL.txt"):
                if not (folder / part).exists():
                    run.problems.append(f"{part} is missing")
            run.note = "bri-facts.exe, bri-facts-cli.exe, _internal/, INSTALL.txt"
            runs.append(run)
            targets.append(Target("zip", folder / "bri-facts.exe", folder / "bri-facts-cli.exe"))
        elif name.endswith(".dmg"):
            run = Run("dmg", "mount, copy, codesign --verify")
            app = mount_dmg(path, unpacked, run) if MACOS else None
            if not MACOS:
                run.note = "skipped: disk images open on macOS only"
            runs.append(run)
            if app is not None:
                targets.append(Target("dmg", app / "Contents" / "MacOS" / "bri-facts"))
        elif name.endswith(".exe") or is_executable_file(path):
            if not WINDOWS and not os.access(path, os.X_OK):
                # a download (a browser's, or the workflow's artifacts) loses the executable bit,
                # and users run chmod +x, as INSTALL says: so does this
                path.chmod(path.stat().st_mode | 0o111)
            targets.append(Target("single file", path, single_file=True))
            if LINUX:
                glibc_paths.append(path)
    if LINUX and glibc_paths:
        runs.append(check_glibc_run(glibc_paths))
    return targets


# ------------------------------------------------------------------------------ main

def report(run: Run) -> None:
    status = "ok  " if run.ok else "FAIL"
    print(f"{status} {run.label():<46} {run.seconds:6.2f} s  {run.note}", flush=True)
    for problem in run.problems:
        print(f"       {problem}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--build", action="store_true", help="always build first")
    group.add_argument("--no-build", action="store_true", help="only test what --dist holds")
    group.add_argument("--release", type=Path, metavar="DIR",
                       help="test the release files in DIR (packaging/make_dist.py)")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the builds are (default dist/)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)
    args.dist = args.dist.resolve()  # the programs start in temporary folders
    if args.release:
        args.release = args.release.resolve()

    runs: list[Run] = []
    sizes: list[str] = []
    root = Path(tempfile.mkdtemp(prefix="bri-facts-smoke-"))
    try:
        if args.release:
            if not args.release.is_dir():
                print(f"smoke test FAILED: {args.release} is not a folder (run `make dist`)")
                return 1
            targets = release_targets(args.release, root, runs)
            for run in runs:
                report(run)
        else:
            targets = executables(args.dist)
            if args.build or (not args.no_build and not targets):
                build(args.dist)
                targets = executables(args.dist)
        if not targets:
            where = args.release or args.dist
            print(f"smoke test FAILED: no build in {where} (run `make package` / `make dist`)")
            return 1

        no_network = no_network_prefix()
        if no_network is None:
            print("note: no network namespace here (`unshare -n`): the runs without network are skipped")
        for target in targets:
            for what, check, prefix in checks_for(target, no_network):
                run = Run(target.label, what, prefix is not None)
                tmp = root / f"run-{len(runs):02d}"
                tmp.mkdir()
                check(target, run, tmp, prefix)
                runs.append(run)
                report(run)
        sizes = sizes_of(targets, args.release)
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)

    print()
    failures = [r for r in runs if not r.ok]
    for target in targets:
        single = size_mib(target.exe) if target.single_file else 0.0
        if single > SIZE_BUDGET_MIB:
            failures.append(Run(target.label, f"size {single:.1f} MiB > {SIZE_BUDGET_MIB} MiB"))
    print("sizes: " + "; ".join(sizes))
    if failures:
        print(f"smoke test FAILED: {len(failures)} of {len(runs)} run(s) failed")
        return 1
    print(f"smoke test passed: {len(runs)} runs")
    return 0


def sizes_of(targets: list[Target], release: Path | None) -> list[str]:
    """The single file against its budget, each folder unpacked, each release file."""
    sizes = []
    for target in targets:
        if target.single_file:
            single = size_mib(target.exe)
            within = "within" if single <= SIZE_BUDGET_MIB else "OVER"
            sizes.append(f"{target.label} {single:.1f} MiB ({within} the {SIZE_BUDGET_MIB} MiB budget)")
        elif target.label in ("onedir", "tar.gz", "zip"):
            sizes.append(f"{target.label} unpacked {size_mib(target.exe.parent):.1f} MiB")
        elif target.label in (".app", "dmg"):
            sizes.append(f"{target.label} {size_mib(target.exe.parents[2]):.1f} MiB")
    if release is not None:
        singles = {t.exe for t in targets if t.single_file}
        sizes += [f"{p.name} {size_mib(p):.1f} MiB" for p in sorted(release.iterdir())
                  if p.is_file() and not p.name.startswith("SHA256SUMS") and p not in singles]
    return sizes


if __name__ == "__main__":
    sys.exit(main())
