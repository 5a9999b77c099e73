#!/usr/bin/env python3
"""Smoke test of the frozen builds: do they start, draw, export and find their files on a
machine that has never seen them?

    python packaging/smoke_test.py              build with PyInstaller if dist/ has no build, then test
    python packaging/smoke_test.py --build      always build first
    python packaging/smoke_test.py --no-build   test what dist/ holds (fails if it holds nothing)

Each executable (dist/bri-facts, the single file, and dist/bri-facts-onedir/bri-facts) runs on
Qt's offscreen platform with an empty HOME and BRI_FACTS_HOME in a temporary folder:

    bri-facts export-charts --out TMP     every chart of the bundled dataset as PNG
    bri-facts --self-test                 window, fact, chart painted, PNG export, font, translation

and again inside a network namespace with no network (``unshare -n``) where that works, as it
usually does for root. A run fails on a non-zero exit, a time-out, no or unreadable PNG files, or
any of FATAL_MARKERS in its output or in the log files it left. Prints a summary (with the sizes
of both builds) and exits 1 on any failure.
"""

from __future__ import annotations

import argparse
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
SPEC = REPO / "packaging" / "bri-facts.spec"
DIST = REPO / "dist"
WORK = REPO / "build" / "pyinstaller"
TIMEOUT_S = 180
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
SIZE_BUDGET_MIB = 80

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


def executables(dist: Path) -> dict[str, Path]:
    suffix = ".exe" if sys.platform.startswith("win") else ""
    found = {
        "single file": dist / f"bri-facts{suffix}",
        "onedir": dist / "bri-facts-onedir" / f"bri-facts{suffix}",
    }
    return {name: path for name, path in found.items() if path.is_file()}


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


def network_namespace_works() -> bool:
    if not sys.platform.startswith("linux") or shutil.which("unshare") is None:
        return False
    try:
        return subprocess.run(["unshare", "-n", "true"], capture_output=True, timeout=20).returncode == 0
    except (OSError, subprocess.TimeoutExpired):
        return False


class Run:
    def __init__(self, exe_name: str, what: str, isolated: bool) -> None:
        self.exe_name, self.what, self.isolated = exe_name, what, isolated
        self.problems: list[str] = []
        self.seconds = 0.0
        self.note = ""

    @property
    def ok(self) -> bool:
        return not self.problems

    def label(self) -> str:
        return f"{self.exe_name}: {self.what}{' (no network)' if self.isolated else ''}"


def clean_env(tmp: Path) -> dict[str, str]:
    """The environment of a first start: an empty home, offscreen, no display, no saved state."""
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "QT_", "BRI_FACTS", "_PYI", "PYTHON", "LD_"))
           and k not in ("HOME", "DISPLAY", "WAYLAND_DISPLAY", "DBUS_SESSION_BUS_ADDRESS")}
    home = tmp / "home"
    runtime = tmp / "runtime"
    for folder in (home, runtime):
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    env.update(HOME=str(home), USERPROFILE=str(home), BRI_FACTS_HOME=str(tmp / "bri-facts-home"),
               QT_QPA_PLATFORM="offscreen", XDG_RUNTIME_DIR=str(runtime), TMPDIR=str(tmp / "t"))
    (tmp / "t").mkdir(exist_ok=True)
    env.setdefault("LANG", "C.UTF-8")
    return env


def scan(text: str, where: str, run: Run) -> None:
    for marker in FATAL_MARKERS:
        if marker in text:
            line = next((ln for ln in text.splitlines() if marker in ln), marker).strip()
            run.problems.append(f"{where}: {line[:200]}")


def execute(exe: Path, args: list[str], run: Run, tmp: Path) -> subprocess.CompletedProcess | None:
    env = clean_env(tmp)
    cmd = [str(exe), *args]
    if run.isolated:
        cmd = ["unshare", "-n", *cmd]
    started = time.perf_counter()
    try:
        result = subprocess.run(cmd, env=env, cwd=tmp, capture_output=True, text=True,
                                encoding="utf-8", errors="replace", timeout=TIMEOUT_S)
    except subprocess.TimeoutExpired:
        run.problems.append(f"no answer within {TIMEOUT_S} s")
        return None
    finally:
        run.seconds = time.perf_counter() - started
    output = result.stdout + result.stderr
    if result.returncode != 0:
        tail = " | ".join(output.strip().splitlines()[-4:])
        run.problems.append(f"exit code {result.returncode}: {tail[:400]}")
    scan(output, "output", run)
    logs = Path(env["BRI_FACTS_HOME"]) / "logs"
    for log_file in sorted(logs.glob("*.log*")) if logs.is_dir() else []:
        text = log_file.read_text(encoding="utf-8", errors="replace")
        if log_file.name == "native-crash.log" and text.strip():
            run.problems.append(f"{log_file.name}: {text.strip().splitlines()[0][:200]}")
        scan(text, log_file.name, run)
    return result


def smoke_export(exe: Path, run: Run, tmp: Path) -> None:
    out = tmp / "charts"
    out.mkdir()
    result = execute(exe, ["export-charts", "--out", str(out)], run, tmp)
    if result is None:
        return
    pngs = sorted(out.glob("*.png"))
    if not pngs:
        run.problems.append(f"export-charts wrote no PNG into {out}")
        return
    bad = [p.name for p in pngs if png_size(p) != (1920, 1080)]
    if bad:
        run.problems.append(f"not a 1920×1080 PNG: {', '.join(bad[:5])}")
    run.note = f"{len(pngs)} PNG files"


def smoke_self_test(exe: Path, run: Run, tmp: Path) -> None:
    result = execute(exe, ["--self-test"], run, tmp)
    if result is None:
        return
    ok = [line for line in result.stdout.splitlines() if line.startswith("self-test OK")]
    if not ok:
        run.problems.append("no 'self-test OK' line in the output")
    else:
        run.note = ok[0][len("self-test OK: "):][:160]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--build", action="store_true", help="always build first")
    group.add_argument("--no-build", action="store_true", help="only test what --dist holds")
    parser.add_argument("--dist", type=Path, default=DIST, help="where the builds are (default dist/)")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folders")
    args = parser.parse_args(argv)

    found = executables(args.dist)
    if args.build or (not args.no_build and len(found) < 2):
        build(args.dist)
        found = executables(args.dist)
    if not found:
        print(f"smoke test FAILED: no build in {args.dist} (run `make package`)")
        return 1

    isolated_modes = [False]
    if network_namespace_works():
        isolated_modes.append(True)
    else:
        print("note: `unshare -n` does not work here: the runs without network are skipped")

    runs: list[Run] = []
    root = Path(tempfile.mkdtemp(prefix="bri-facts-smoke-"))
    try:
        for exe_name, exe in found.items():
            for isolated in isolated_modes:
                for what, check in (("export-charts", smoke_export), ("--self-test", smoke_self_test)):
                    run = Run(exe_name, what, isolated)
                    tmp = root / f"{len(runs):02d}"
                    tmp.mkdir()
                    check(exe, run, tmp)
                    runs.append(run)
                    status = "ok  " if run.ok else "FAIL"
                    print(f"{status} {run.label():<44} {run.seconds:6.2f} s  {run.note}", flush=True)
                    for problem in run.problems:
                        print(f"       {problem}")
    finally:
        if args.keep:
            print(f"kept {root}")
        else:
            shutil.rmtree(root, ignore_errors=True)

    print()
    failures = [r for r in runs if not r.ok]
    sizes = []
    if "single file" in found:
        single = size_mib(found["single file"])
        within = "within" if single <= SIZE_BUDGET_MIB else "OVER"
        sizes.append(f"single file {single:.1f} MiB ({within} the {SIZE_BUDGET_MIB} MiB budget)")
        if single > SIZE_BUDGET_MIB:
            failures.append(Run("single file", f"size {single:.1f} MiB > {SIZE_BUDGET_MIB} MiB", False))
    if "onedir" in found:
        sizes.append(f"onedir folder {size_mib(found['onedir'].parent):.1f} MiB")
    print("sizes: " + "; ".join(sizes))
    if len(found) < 2:
        missing = {"single file", "onedir"} - set(found)
        print(f"note: no {', '.join(sorted(missing))} build in {args.dist}")
    if failures:
        print(f"smoke test FAILED: {len(failures)} of {len(runs)} run(s) failed")
        return 1
    print(f"smoke test passed: {len(runs)} runs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
