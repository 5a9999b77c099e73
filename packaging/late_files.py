"""Which files of the single file are unpacked after the app has started, and the archive they
go in (the runtime side, and why, is packaging/pyi_rth_late_files.py).

packaging/bri-facts.spec takes them out of the single file's binaries and data files
(:func:`split`), writes them into one archive (:func:`write_archive`) and bundles that instead,
with the runtime hook. The folder build is left as it is: it unpacks nothing.

Standard library only (the tests import it without PyInstaller)."""

from __future__ import annotations

import marshal
import os
import zlib
from pathlib import Path

from pyi_rth_late_files import ARCHIVE, MAGIC  # noqa: F401 - ARCHIVE: for the spec

#: Import names whose files the first paint never needs, each with the top folders of the bundle
#: its files are in (numpy.libs: the OpenBLAS and gfortran numpy links to), in the order they are
#: unpacked. These the runtime hook's thread unpacks as the app starts: pandas and numpy load
#: right after the first paint (desktop/base/lazy.py), pyqtgraph with the first chart.
AT_START = {
    "numpy": ("numpy", "numpy.libs"),
    "pandas": ("pandas", "pandas.libs"),
    "pyqtgraph": ("pyqtgraph",),
}
#: These are unpacked by their first import (a deck export), not at every start.
ON_DEMAND = {
    "lxml": ("lxml", "lxml.libs"),
    "pptx": ("pptx",),
}
LATE_PACKAGES = {**AT_START, **ON_DEMAND}
#: What the archive may hold: files, not the symbolic links PyInstaller adds for some libraries.
KINDS = ("BINARY", "EXTENSION", "DATA")


def _top(dest: str) -> str:
    return dest.replace("\\", "/").split("/", 1)[0]


def split(toc, packages=LATE_PACKAGES):
    """(kept, late) entries of a PyInstaller TOC ((dest, source, kind) tuples): late are the
    files under the top folders of ``packages``."""
    folders = {folder for tops in packages.values() for folder in tops}
    kept, late = [], []
    for entry in toc:
        dest, _src, kind = entry
        (late if kind in KINDS and _top(dest) in folders else kept).append(entry)
    return kept, late


def write_archive(entries, path: Path, packages=LATE_PACKAGES, at_start=tuple(AT_START)) -> dict:
    """Write ``entries`` ((dest, source, kind) tuples) into the archive at ``path``, package by
    package in the order of ``packages`` (those named in ``at_start`` unpacked as the app
    starts, the others by their first import), each file compressed on its own. Returns a
    summary: files, bytes unpacked, bytes in the archive."""
    by_folder = {folder: name for name, tops in packages.items() for folder in tops}
    grouped = {name: [] for name in packages}
    for entry in sorted(entries, key=lambda e: e[0].replace("\\", "/")):
        grouped[by_folder[_top(entry[0])]].append(entry)
    index, blobs, offset, size = [], [], 0, 0
    for name, group in grouped.items():
        files = []
        for dest, src, _kind in group:
            data = Path(src).read_bytes()
            blob = zlib.compress(data, 9)
            # owner read and write always: on Windows a file without them is read-only, and the
            # bootloader could not delete it when the app exits
            mode = (os.stat(src).st_mode & 0o755) | 0o600
            files.append((dest.replace("\\", "/"), offset, len(blob), len(data), zlib.crc32(data), mode))
            blobs.append(blob)
            offset += len(blob)
            size += len(data)
        index.append((name, name in at_start, files))
    head = marshal.dumps({"packages": index})
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(path, "wb") as out:
        out.write(MAGIC + len(head).to_bytes(8, "little") + head)
        for blob in blobs:
            out.write(blob)
    return {"files": sum(len(files) for _name, _at_start, files in index), "size": size,
            "archived": path.stat().st_size}
