"""Reading a dataset from a .zip of its folder, and the checks every archive passes first (an
.xlsx workbook is a zip too): no zip bombs, no entries that climb out of their folder. The limits
are reader.py's, read at call time, so a test that lowers one there lowers it here too."""

from __future__ import annotations

import os
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from desktop.domain import reader
from desktop.domain.errors import DatasetError, Problem
from desktop.domain.filewords import os_reason, size_text
from desktop.domain.reader import RawDataset
from desktop.domain.schema import Progress


def read_archive(origin: Path, info: os.stat_result, progress: Progress) -> RawDataset:
    """A .zip or an .xlsx file: its tables, or a DatasetError saying why not."""
    suffix = origin.suffix.lower()
    try:
        if info.st_size > reader.MAX_FILE_BYTES:
            raise DatasetError([Problem(origin.name, "the file is larger than the size limit "
                                                     f"({size_text(reader.MAX_FILE_BYTES)}).")],
                               str(origin))
        archive = zipfile.ZipFile(origin)
    except (zipfile.BadZipFile, OSError, ValueError, EOFError, NotImplementedError) as exc:
        what = "workbook" if suffix == ".xlsx" else "zip archive"
        detail = os_reason(exc) if isinstance(exc, OSError) else str(exc) or type(exc).__name__
        raise DatasetError([Problem(origin.name, f"cannot be opened as a {what} ({detail}).",
                                    "Save or pack it again.")], str(origin)) from None
    with archive:
        bad = check_archive(archive, origin.name)
        if bad:
            raise DatasetError(bad, str(origin))
        if suffix == ".xlsx":
            from desktop.domain.workbook import read_workbook
            return read_workbook(RawDataset(origin, "xlsx"), origin, progress)
        prefix = _zip_prefix(archive, origin.name)
        return reader._read_tables(RawDataset(origin, "zip"), _Zip(archive, prefix), progress)


def _zip_prefix(archive: zipfile.ZipFile, label: str) -> str:
    """The folder inside the zip that holds facts.csv: the root, or one folder down."""
    candidates = sorted(n[: -len("facts.csv")] for n in archive.namelist()
                        if (n == "facts.csv" or n.endswith("/facts.csv"))
                        and not n.startswith("__MACOSX/"))
    candidates = [c for c in candidates if c.count("/") <= 1]
    if not candidates:
        raise DatasetError([Problem(label, "the archive holds no facts.csv at its top or one "
                                           "folder down.",
                                    "Zip the dataset folder itself (the one with facts.csv).")],
                           label)
    return candidates[0]


class _Zip:
    def __init__(self, archive: zipfile.ZipFile, prefix: str):
        self.archive = archive
        self.prefix = prefix
        self.names = {i.filename: i for i in archive.infolist()}

    def label(self, name: str) -> str:
        return name

    def exists(self, name: str) -> bool:
        return (self.prefix + name) in self.names

    def read(self, name: str) -> bytes:
        info = self.names[self.prefix + name]
        if info.file_size > reader.MAX_FILE_BYTES:
            raise DatasetError([Problem(name, f"unpacks to {size_text(info.file_size)}; "
                                              f"the limit is {size_text(reader.MAX_FILE_BYTES)}.")])
        chunks, total = [], 0
        try:
            with self.archive.open(info) as handle:  # read in pieces: a lying header can't blow up
                while chunk := handle.read(1 << 20):
                    total += len(chunk)
                    if total > reader.MAX_FILE_BYTES:
                        raise DatasetError([Problem(name, "unpacks to more than the size limit "
                                                          f"({size_text(reader.MAX_FILE_BYTES)}).")])
                    chunks.append(chunk)
        except (zipfile.BadZipFile, zlib.error, EOFError, OSError, ValueError) as exc:
            raise DatasetError([Problem(name, f"cannot be unpacked from the archive ({exc}).",
                                        "Pack the dataset folder again.")]) from None
        except (NotImplementedError, RuntimeError) as exc:  # an unknown method, or a password
            raise DatasetError([Problem(name, f"cannot be unpacked from the archive ({exc}).",
                                        "Pack it again with an ordinary zip tool, without a "
                                        "password.")]) from None
        return b"".join(chunks)


def check_archive(archive: zipfile.ZipFile, label: str) -> list[Problem]:
    """Refuse zip bombs and entries that would climb out of their folder."""
    problems, total = [], 0
    for info in archive.infolist():
        name = PurePosixPath(info.filename.replace("\\", "/"))
        if name.is_absolute() or ".." in name.parts or ":" in info.filename:
            problems.append(Problem(label, f"the archive holds an entry named “{info.filename}” "
                                           "that points outside its folder; it was not opened.",
                                    "Pack the dataset folder again with an ordinary zip tool."))
        total += info.file_size
        if info.file_size > reader.MAX_FILE_BYTES:
            problems.append(Problem(label, f"the entry “{info.filename}” unpacks to "
                                           f"{size_text(info.file_size)}; the limit is "
                                           f"{size_text(reader.MAX_FILE_BYTES)}."))
        packed = max(info.compress_size, 1)
        if info.file_size > 1_000_000 and info.file_size / packed > reader.MAX_COMPRESSION_RATIO:
            problems.append(Problem(label, f"the entry “{info.filename}” unpacks to "
                                           f"{info.file_size / packed:,.0f} times its size "
                                           "(a “zip bomb”); it was not opened."))
    if total > reader.MAX_ARCHIVE_BYTES:
        problems.append(Problem(label, f"the archive unpacks to {size_text(total)}; the limit "
                                       f"is {size_text(reader.MAX_ARCHIVE_BYTES)}."))
    return problems
