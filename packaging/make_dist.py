#!/usr/bin/env python3
"""The files a release hands out, made from what PyInstaller left in dist/ (`make dist`).

    python packaging/make_dist.py             dist/ -> dist/release/
    python packaging/make_dist.py --list      only print the names it would write
    python packaging/make_dist.py --checksums-only   rewrite SHA256SUMS (after notarization
                                              changed the .dmg)

Into dist/release/, named bri-facts-<version>-<platform>[.ext]:

  Linux    bri-facts-1.0.0-linux-x86_64            the single file (a hard link to dist/bri-facts)
           bri-facts-1.0.0-linux-x86_64.tar.gz     the folder build, with bri-facts.desktop, icons,
                                                   install.sh and INSTALL.txt (packaging/linux/)
  Windows  bri-facts-1.0.0-windows-x64.exe         the single file
           bri-facts-1.0.0-windows-x64.zip         the folder build, with bri-facts-cli.exe and
                                                   INSTALL.txt (packaging/windows/)
  macOS    bri-facts-1.0.0-macos-arm64.dmg         the .app (a folder build), beside a link to
           (or -macos-x86_64.dmg)                  /Applications; sign the .app before this step

and SHA256SUMS-<platform>.txt. packaging/smoke_test.py --release dist/release tests these files
as a user gets them (unpacked, mounted), and .github/workflows/release.yml uploads them.
Standard library only; the .dmg needs macOS's hdiutil.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import stat
import subprocess
import sys
import tarfile
import tempfile
import time
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DIST = REPO / "dist"
APP_ID = "bri-facts"
APP_NAME = "BRI S&T Fact Browser"
LINUX_FILES = REPO / "packaging" / "linux"
WINDOWS_FILES = REPO / "packaging" / "windows"
ICONS = REPO / "resources" / "icons"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def version() -> str:
    sys.path.insert(0, str(REPO))
    from desktop import __version__
    return __version__


def platform_tag(system: str | None = None, machine: str | None = None) -> str:
    """linux-x86_64, windows-x64, macos-arm64, macos-x86_64, …"""
    system = system or sys.platform
    machine = (machine or platform.machine()).lower()
    machine = {"amd64": "x86_64", "x64": "x86_64", "aarch64": "arm64"}.get(machine, machine)
    if system.startswith("win"):
        return f"windows-{'x64' if machine == 'x86_64' else machine}"
    if system == "darwin":
        return f"macos-{machine}"
    return f"linux-{machine}"


def base_name(tag: str | None = None) -> str:
    return f"{APP_ID}-{version()}-{tag or platform_tag()}"


def _link_or_copy(source: Path, target: Path) -> None:
    target.unlink(missing_ok=True)
    try:
        os.link(source, target)
    except OSError:
        shutil.copy2(source, target)


def _tar_filter(info: tarfile.TarInfo) -> tarfile.TarInfo:
    """Reproducible owner and modes: no build machine's user names in the archive."""
    info.uid = info.gid = 0
    info.uname = info.gname = ""
    if info.isfile() or info.isdir():
        executable = info.isdir() or info.mode & stat.S_IXUSR
        info.mode = 0o755 if executable else 0o644
    return info


def linux_tarball(onedir: Path, out: Path, name: str) -> Path:
    """The folder build as name/ in name.tar.gz, with the desktop entry, icons and notes."""
    target = out / f"{name}.tar.gz"
    with tempfile.TemporaryDirectory(prefix="bri-facts-dist-") as tmp:
        extras = Path(tmp)
        for size in ICON_SIZES:
            icon = ICONS / f"{APP_ID}-{size}.png"
            if icon.is_file():
                folder = extras / "icons" / "hicolor" / f"{size}x{size}" / "apps"
                folder.mkdir(parents=True, exist_ok=True)
                shutil.copy2(icon, folder / f"{APP_ID}.png")
        scalable = extras / "icons" / "hicolor" / "scalable" / "apps"
        scalable.mkdir(parents=True)
        shutil.copy2(ICONS / f"{APP_ID}.svg", scalable / f"{APP_ID}.svg")
        notes = (LINUX_FILES / "INSTALL.txt").read_text(encoding="utf-8").replace("{version}", version())
        (extras / "INSTALL.txt").write_text(notes, encoding="utf-8")
        with tarfile.open(target, "w:gz", compresslevel=9) as archive:
            archive.add(onedir, arcname=name, filter=_tar_filter)
            archive.add(LINUX_FILES / f"{APP_ID}.desktop", arcname=f"{name}/{APP_ID}.desktop",
                        filter=_tar_filter)
            archive.add(LINUX_FILES / "install.sh", arcname=f"{name}/install.sh", filter=_tar_filter)
            archive.add(extras / "INSTALL.txt", arcname=f"{name}/INSTALL.txt", filter=_tar_filter)
            archive.add(extras / "icons", arcname=f"{name}/icons", filter=_tar_filter)
    return target


def windows_zip(onedir: Path, out: Path, name: str) -> Path:
    target = out / f"{name}.zip"
    target.unlink(missing_ok=True)
    notes = (WINDOWS_FILES / "INSTALL.txt").read_text(encoding="utf-8").replace("{version}", version())
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for path in sorted(onedir.rglob("*")):
            if path.is_file():
                archive.write(path, f"{name}/{path.relative_to(onedir).as_posix()}")
        archive.writestr(f"{name}/INSTALL.txt", notes.replace("\n", "\r\n"))
    return target


def macos_dmg(app: Path, out: Path, name: str) -> Path:
    """A compressed disk image with the .app and a link to /Applications to drag it onto."""
    target = out / f"{name}.dmg"
    target.unlink(missing_ok=True)
    with tempfile.TemporaryDirectory(prefix="bri-facts-dmg-") as tmp:
        stage = Path(tmp) / APP_NAME
        stage.mkdir()
        # ditto keeps the signature, the symlinks of the frameworks and the extended attributes
        subprocess.run(["ditto", str(app), str(stage / app.name)], check=True)
        (stage / "Applications").symlink_to("/Applications")
        for attempt in range(3):  # hdiutil fails now and then on busy CI machines ("Resource busy")
            result = subprocess.run(["hdiutil", "create", "-volname", APP_NAME, "-srcfolder", str(stage),
                                     "-fs", "HFS+", "-format", "UDZO", "-ov", str(target)])
            if result.returncode == 0:
                break
            time.sleep(5 * (attempt + 1))
        else:
            raise SystemExit(f"make_dist: hdiutil could not create {target}")
    return target


def checksums(files: list[Path], out: Path, tag: str) -> Path:
    target = out / f"SHA256SUMS-{tag}.txt"
    lines = []
    for path in files:
        digest = hashlib.sha256()
        with open(path, "rb") as handle:
            for block in iter(lambda: handle.read(1 << 20), b""):
                digest.update(block)
        lines.append(f"{digest.hexdigest()}  {path.name}\n")
    target.write_text("".join(lines), encoding="utf-8")
    return target


def expected(tag: str) -> list[str]:
    name = base_name(tag)
    if tag.startswith("windows"):
        return [f"{name}.exe", f"{name}.zip"]
    if tag.startswith("macos"):
        return [f"{name}.dmg"]
    return [name, f"{name}.tar.gz"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--dist", type=Path, default=DIST, help="PyInstaller's output (default dist/)")
    parser.add_argument("--out", type=Path, help="where the release files go (default DIST/release)")
    parser.add_argument("--list", action="store_true", help="print the file names and stop")
    parser.add_argument("--checksums-only", action="store_true",
                        help="only rewrite SHA256SUMS-<platform>.txt for the files already there")
    args = parser.parse_args(argv)
    tag = platform_tag()
    if args.list:
        print("\n".join(expected(tag)))
        return 0
    out = args.out or args.dist / "release"
    if args.checksums_only:
        files = [out / name for name in expected(tag) if (out / name).is_file()]
        if not files:
            print(f"make_dist: no release files in {out}")
            return 1
        print(checksums(files, out, tag))
        return 0
    out.mkdir(parents=True, exist_ok=True)
    name = base_name(tag)
    onedir = args.dist / f"{APP_ID}-onedir"
    made: list[Path] = []
    missing: list[str] = []
    if sys.platform == "darwin":
        app = args.dist / f"{APP_NAME}.app"
        if app.is_dir():
            made.append(macos_dmg(app, out, name))
        else:
            missing.append(str(app))
    else:
        suffix = ".exe" if sys.platform.startswith("win") else ""
        single = args.dist / f"{APP_ID}{suffix}"
        if single.is_file():
            target = out / f"{name}{suffix}"
            _link_or_copy(single, target)
            made.append(target)
        else:
            missing.append(str(single))
        if (onedir / f"{APP_ID}{suffix}").is_file():
            made.append(windows_zip(onedir, out, name) if suffix else linux_tarball(onedir, out, name))
        else:
            missing.append(str(onedir / f"{APP_ID}{suffix}"))
    if missing:
        print("make_dist: no build at " + ", ".join(missing) + " (run `make package`)")
        return 1
    made.append(checksums(made, out, tag))
    for path in made:
        print(f"{path.stat().st_size / 2**20:8.1f} MiB  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
