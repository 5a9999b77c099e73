#!/usr/bin/env python3
"""Which glibc, libstdc++ and libgcc_s a Linux build needs from the machine it runs on.

    python packaging/check_glibc.py                      dist/bri-facts-onedir and dist/bri-facts
    python packaging/check_glibc.py PATH ...             folders, ELF files or single-file builds
    python packaging/check_glibc.py --max-glibc 2.31 …   another floor

Every ELF file is read with ``objdump -T -p`` (binutils): the symbol versions it needs (``GLIBC_2.34``
for ``dlopen``, …) and which library each must come from. A version counts when that library is
not in the build itself, i.e. when it comes from the machine. A single-file build is checked with
everything in its archive (read with PyInstaller's own reader when PyInstaller is installed;
otherwise only its bootloader, with a note).

Fails (exit 1) naming the ELF file and the symbols when a build needs more than the limits, which
are what Ubuntu 22.04, the oldest supported system, provides: glibc 2.35, and libstdc++ and
libgcc_s of GCC 12 (GLIBCXX_3.4.30, CXXABI_1.3.13, GCC_12.0.0). Fails too when a binary links to
a library that is neither in the build nor in SYSTEM_PROVIDED (every desktop Linux has those):
PyInstaller only warns when the build machine lacks a library (say libxcb-icccm4), and the build
then starts on machines that happen to have it and nowhere else. Prints the newest version needed
of each family, and the system libraries the build links to. Exit 2: nothing to check, no objdump.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DIST = REPO / "dist"
ELF_MAGIC = b"\x7fELF"

#: version families and the newest allowed of each (Ubuntu 22.04: glibc 2.35, GCC 12's libstdc++)
LIMITS = {"GLIBC": "2.35", "GLIBCXX": "3.4.30", "CXXABI": "1.3.13", "GCC": "12.0.0"}

#: libraries a build may take from the machine (Python regular expressions, full names): glibc,
#: the GL dispatch libraries and libxcb that PyInstaller never bundles, zlib (PyInstaller's
#: single-file bootloader links it; every Linux has it), and what packaging/slim_build.py
#: SYSTEM_LIBRARIES leaves out
SYSTEM_PROVIDED = re.compile(
    r"(ld-linux.*|libc|libm|libdl|libpthread|librt|libutil|libresolv|libanl)\.so(\..*)?"
    r"|lib(E?GL|GLX|OpenGL|GLdispatch)\.so(\..*)?|libxcb\.so(\..*)?|libz\.so(\..*)?"
    r"|libstdc\+\+\.so(\..*)?|libgcc_s\.so(\..*)?|libexpat\.so(\..*)?")

# objdump -T: "0000000000000000      DF *UND*  0000000000000000 (GLIBC_2.34) dlopen"
# (binutils before 2.37 print the version without parentheses)
_UND = re.compile(r"\*UND\*\s+[0-9a-fA-F]+\s+\(?([A-Za-z][A-Za-z0-9_]*_[0-9][0-9.]*)\)?\s+(\S+)")
# objdump -p: "  required from libc.so.6:" then "    0x06969194 0x00 13 GLIBC_2.14"
_REQUIRED_FROM = re.compile(r"^\s+required from (\S+):\s*$")
_VERSION_NEED = re.compile(r"^\s+0x[0-9a-fA-F]+\s+0x[0-9a-fA-F]+\s+\d+\s+(\S+)\s*$")
_NEEDED = re.compile(r"^\s+NEEDED\s+(\S+)\s*$")


def family(version: str) -> str:
    """'GLIBC_2.34' -> 'GLIBC'."""
    return version.rsplit("_", 1)[0]


def number(version: str) -> tuple[int, ...]:
    """'GLIBC_2.34' -> (2, 34); '3.4.30' -> (3, 4, 30)."""
    text = version.rsplit("_", 1)[-1]
    return tuple(int(p) for p in text.split(".") if p.isdigit())


@dataclass
class ElfNeeds:
    """What one ELF file asks of the libraries it links to."""
    name: str
    needed: list[str] = field(default_factory=list)          # DT_NEEDED libraries
    versions: dict[str, str] = field(default_factory=dict)   # version node -> library it is from
    symbols: dict[str, list[str]] = field(default_factory=dict)  # version node -> symbols


def parse_objdump(name: str, text: str) -> ElfNeeds:
    """The output of ``objdump -T -p FILE``, read."""
    result = ElfNeeds(name)
    library = None
    for line in text.splitlines():
        match = _NEEDED.match(line)
        if match:
            result.needed.append(match.group(1))
            continue
        match = _REQUIRED_FROM.match(line)
        if match:
            library = match.group(1)
            continue
        match = _VERSION_NEED.match(line)
        if match and library:
            result.versions[match.group(1)] = library
            continue
        if not line.startswith(" ") and line.strip() and not line.lstrip().startswith("0x"):
            library = None
        match = _UND.search(line)
        if match:
            version, symbol = match.groups()
            result.symbols.setdefault(version, []).append(symbol)
    for version in result.symbols:  # an old objdump without version references: assume libc
        result.versions.setdefault(version, "libc.so.6")
    return result


@dataclass
class Problem:
    elf: str
    version: str
    library: str
    symbols: list[str]

    def __str__(self) -> str:
        fam = family(self.version)
        shown = ", ".join(sorted(set(self.symbols))[:6]) or "(no symbol named)"
        return (f"{self.elf} needs {self.version} from {self.library} ({shown}); "
                f"the limit is {fam}_{LIMITS[fam]}")


@dataclass
class Missing:
    elf: str
    library: str

    def __str__(self) -> str:
        return (f"{self.elf} links to {self.library}, which is not in the build and not on every "
                "Linux: install it on the build machine and build again")


@dataclass
class Report:
    where: str
    elf_count: int = 0
    newest: dict[str, tuple[str, str, list[str]]] = field(default_factory=dict)  # fam -> (version, elf, symbols)
    system_libraries: set[str] = field(default_factory=set)
    problems: list[Problem | Missing] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)

    def add(self, needs: ElfNeeds, bundled: set[str]) -> None:
        self.elf_count += 1
        for library in needs.needed:
            if library in bundled:
                continue
            self.system_libraries.add(library)
            if not SYSTEM_PROVIDED.fullmatch(library):
                self.problems.append(Missing(needs.name, library))
        for version, library in needs.versions.items():
            if library in bundled:  # provided by the build itself (numpy's libgfortran, …)
                continue
            fam = family(version)
            symbols = needs.symbols.get(version, [])
            best = self.newest.get(fam)
            if best is None or number(version) > number(best[0]):
                self.newest[fam] = (version, needs.name, symbols)
            limit = LIMITS.get(fam)
            if limit is not None and number(version) > number(limit):
                self.problems.append(Problem(needs.name, version, library, symbols))

    def summary(self) -> list[str]:
        lines = [f"{self.where}: {self.elf_count} ELF files"]
        for fam in ("GLIBC", "GLIBCXX", "CXXABI", "GCC"):
            if fam in self.newest:
                version, elf, symbols = self.newest[fam]
                shown = ", ".join(sorted(set(symbols))[:3])
                lines.append(f"  newest {fam:<8} {version:<16} ({Path(elf).name}: {shown})")
        others = sorted(f for f in self.newest if f not in LIMITS)
        if others:
            lines.append("  other versioned system libraries: "
                         + ", ".join(self.newest[f][0] for f in others))
        lines.append("  system libraries linked: " + " ".join(sorted(self.system_libraries)))
        lines.extend(f"  note: {note}" for note in self.notes)
        return lines


def objdump(path: Path) -> str:
    result = subprocess.run(["objdump", "-T", "-p", str(path)], capture_output=True, text=True,
                            errors="replace")
    if result.returncode != 0:
        raise RuntimeError(f"objdump failed on {path}: {result.stderr.strip()[:200]}")
    return result.stdout


def is_elf(path: Path) -> bool:
    try:
        with open(path, "rb") as handle:
            return handle.read(4) == ELF_MAGIC
    except OSError:
        return False


def _archive_members(path: Path, into: Path) -> tuple[list[tuple[str, Path]], set[str]] | None:
    """The ELF files in a PyInstaller single file, extracted, and the names of everything it
    unpacks; None when this is not one, or when PyInstaller is not installed to read it."""
    try:
        from PyInstaller.archive.readers import CArchiveReader
    except ImportError:
        return None
    try:
        archive = CArchiveReader(str(path))
    except Exception:  # not a PyInstaller executable
        return None
    members, names = [], set()
    for index, (name, entry) in enumerate(archive.toc.items()):
        names.add(Path(name).name)
        if entry[-1] not in ("b", "x"):  # binaries and data files; ELF ones only, below
            continue
        data = archive.extract(name)
        if not data or data[:4] != ELF_MAGIC:
            continue
        target = into / f"{index:04d}"
        target.write_bytes(data)
        members.append((name, target))
    return members, names


def check(path: Path) -> Report:
    report = Report(str(path))
    if path.is_dir():
        files = [p for p in sorted(path.rglob("*")) if p.is_file() and not p.is_symlink() and is_elf(p)]
        bundled = {p.name for p in files} | {p.name for p in path.rglob("*") if p.is_symlink()}
        for elf in files:
            report.add(parse_objdump(str(elf.relative_to(path.parent)), objdump(elf)), bundled)
        return report
    if not is_elf(path):
        raise ValueError(f"{path} is neither a folder nor an ELF file")
    report.add(parse_objdump(path.name, objdump(path)), set())  # the file itself (a bootloader)
    with tempfile.TemporaryDirectory(prefix="check-glibc-") as tmp:
        found = _archive_members(path, Path(tmp))
        if found is None:
            if b"MEI\x0c\x0b\x0a\x0b\x0e" in path.read_bytes()[-4096:]:
                report.notes.append("a single-file build: only its bootloader was checked "
                                    "(install PyInstaller to check what it unpacks)")
            return report
        members, bundled = found
        for name, extracted in members:
            report.add(parse_objdump(f"{path.name}:{name}", objdump(extracted)), bundled)
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="*", type=Path,
                        help="folders, ELF files or single-file builds (default: the builds in dist/)")
    parser.add_argument("--max-glibc", default=LIMITS["GLIBC"], help="newest glibc allowed")
    parser.add_argument("--max-glibcxx", default=LIMITS["GLIBCXX"], help="newest GLIBCXX allowed")
    args = parser.parse_args(argv)
    LIMITS["GLIBC"], LIMITS["GLIBCXX"] = args.max_glibc, args.max_glibcxx

    if not args.paths and not sys.platform.startswith("linux"):
        print(f"check_glibc: nothing to check on {sys.platform} (Linux builds only)")
        return 0
    if shutil.which("objdump") is None:
        print("check_glibc: objdump not found: install binutils (Debian/Ubuntu: apt install binutils)")
        return 2
    paths = args.paths or [p for p in (DIST / "bri-facts-onedir", DIST / "bri-facts") if p.exists()]
    if not paths:
        print(f"check_glibc: nothing to check: no build in {DIST} (run `make package`)")
        return 2
    problems: list[Problem | Missing] = []
    newest: dict[str, str] = {}
    for path in paths:
        if not path.exists():
            print(f"check_glibc: {path} does not exist")
            return 2
        report = check(path)
        print("\n".join(report.summary()))
        problems += report.problems
        for fam, (version, _elf, _symbols) in report.newest.items():
            if fam not in newest or number(version) > number(newest[fam]):
                newest[fam] = version
    levels = ", ".join(newest[f] for f in ("GLIBC", "GLIBCXX", "CXXABI", "GCC") if f in newest)
    if problems:
        print(f"glibc check FAILED: {len(problems)} problem(s) (limits: glibc {LIMITS['GLIBC']}, "
              f"GLIBCXX {LIMITS['GLIBCXX']}):")
        for problem in problems:
            print(f"  {problem}")
        if any(isinstance(p, Problem) for p in problems):
            print("Leave such a library out of the build when every desktop Linux has it "
                  "(packaging/slim_build.py SYSTEM_LIBRARIES), or build on an older system.")
        return 1
    print(f"glibc check passed: the build needs at most {levels}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
