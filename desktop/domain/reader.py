"""Reading a dataset's raw tables from a folder, a .zip of a folder, or an .xlsx workbook.

Everything here is defensive: sizes are capped before anything is read in full, archive entries
may not climb out of their folder, text encodings are detected (UTF-8 with or without BOM,
GB18030/GBK as Excel writes them on a Chinese Windows) and anything else is refused with a
sentence that says what to do. Every refusal is a :class:`Problem`; nothing else escapes.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import Callable

import pandas as pd

from desktop.domain.errors import DatasetError, LoadCancelled, Problem

TABLES = ("themes", "facts", "sources", "vocabulary")
REQUIRED_TABLES = ("themes", "facts", "sources")

#: A single table or text file larger than this is refused (documented in data/README.md).
MAX_FILE_BYTES = 512 * 1024 * 1024
#: The sum of all files unpacked from one .zip or .xlsx.
MAX_ARCHIVE_BYTES = 1024 * 1024 * 1024
#: An archive entry that unpacks to more than this many times its packed size is a zip bomb.
MAX_COMPRESSION_RATIO = 200
#: A single cell longer than this is refused: no fact needs it, and it would freeze a text view.
MAX_CELL_CHARS = 20_000

Progress = Callable[[str, float], bool]
"""progress(step, fraction) -> keep going? Returning False cancels the load."""


@dataclass
class RawDataset:
    """The tables as text, before validation."""

    origin: Path
    kind: str  # "folder" | "zip" | "xlsx"
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # sources.file -> text
    problems: list[Problem] = field(default_factory=list)


def _no_progress(step: str, fraction: float) -> bool:
    return True


# --------------------------------------------------------------------------- decoding


def decode_text(data: bytes, name: str) -> str:
    """Bytes of a CSV or text file to str, or a DatasetError that says what the file is."""
    if not data.strip():
        raise DatasetError([Problem(name, "the file is empty.",
                                    "Save the sheet again with its header row.")])
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise DatasetError([Problem(name, "the file is saved as UTF-16 (Excel's “Unicode text”).",
                                    "Save it as “CSV UTF-8 (comma delimited)”.")])
    if b"\x00" in data[:65536]:
        raise DatasetError([Problem(name, "this is not a text file (it holds binary data).",
                                    "Choose the CSV file saved from the spreadsheet.")])
    if data.startswith(b"\xef\xbb\xbf"):
        data = data[3:]
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("gb18030")
    except UnicodeDecodeError:
        raise DatasetError([Problem(name, "the text encoding is neither UTF-8 nor GB18030/GBK.",
                                    "Save it as “CSV UTF-8 (comma delimited)”.")]) from None
    # GB18030 maps almost any byte sequence; real text is mostly letters, digits and hanzi.
    odd = sum(1 for ch in text[:20000] if not (ch.isprintable() or ch in "\r\n\t"))
    if odd > max(3, len(text[:20000]) // 50):
        raise DatasetError([Problem(name, "the file does not look like text in any encoding we read.",
                                    "Save it as “CSV UTF-8 (comma delimited)”.")])
    return text


def parse_csv(text: str, name: str) -> pd.DataFrame:
    """CSV text to a DataFrame of strings (no NaN, no type guessing), header names stripped."""
    try:
        frame = pd.read_csv(io.StringIO(text), dtype=str, keep_default_na=False,
                            na_filter=False, skip_blank_lines=True, engine="c")
    except pd.errors.EmptyDataError:
        raise DatasetError([Problem(name, "the file is empty.",
                                    "Save the sheet again with its header row.")]) from None
    except (pd.errors.ParserError, csv.Error, ValueError) as exc:
        detail = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise DatasetError([Problem(name, f"the file is not valid CSV ({detail}).",
                                    "Check for an unclosed quote mark, then save it as CSV again.")]) from None
    frame.columns = [str(c).strip().lstrip("\ufeff") for c in frame.columns]
    return frame


def check_cells(frame: pd.DataFrame, name: str) -> list[Problem]:
    problems = []
    for column in frame.columns:
        lengths = frame[column].str.len()
        if len(lengths) and lengths.max() > MAX_CELL_CHARS:
            row = int(lengths.to_numpy().argmax()) + 2
            problems.append(Problem(name, f"a cell holds {int(lengths.max()):,} characters; "
                                          f"the limit is {MAX_CELL_CHARS:,}.",
                                    "Shorten it: a fact's statement needs a few sentences at most.",
                                    row=row, column=column))
    return problems


# --------------------------------------------------------------------------- sources of bytes


class _Folder:
    def __init__(self, root: Path):
        self.root = root

    def label(self, name: str) -> str:
        return name

    def exists(self, name: str) -> bool:
        return (self.root / name).is_file()

    def read(self, name: str) -> bytes:
        path = self.root / name
        try:
            size = path.stat().st_size
        except OSError as exc:
            raise DatasetError([Problem(name, f"cannot be read ({exc.strerror or exc}).")]) from None
        if size > MAX_FILE_BYTES:
            raise DatasetError([Problem(name, f"the file is {size / 2**20:,.0f} MiB; the limit is "
                                              f"{MAX_FILE_BYTES // 2**20} MiB.",
                                        "Split the dataset, or remove what it does not need.")])
        try:
            return path.read_bytes()
        except OSError as exc:
            raise DatasetError([Problem(name, f"cannot be read ({exc.strerror or exc}).")]) from None


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
        if info.file_size > MAX_FILE_BYTES:
            raise DatasetError([Problem(name, f"unpacks to {info.file_size / 2**20:,.0f} MiB; "
                                              f"the limit is {MAX_FILE_BYTES // 2**20} MiB.")])
        chunks, total = [], 0
        with self.archive.open(info) as handle:  # read in pieces: a lying header can't blow up
            while chunk := handle.read(1 << 20):
                total += len(chunk)
                if total > MAX_FILE_BYTES:
                    raise DatasetError([Problem(name, "unpacks to more than the size limit "
                                                      f"({MAX_FILE_BYTES // 2**20} MiB).")])
                chunks.append(chunk)
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
        packed = max(info.compress_size, 1)
        if info.file_size > 1_000_000 and info.file_size / packed > MAX_COMPRESSION_RATIO:
            problems.append(Problem(label, f"the entry “{info.filename}” unpacks to "
                                           f"{info.file_size / packed:,.0f} times its size "
                                           "(a “zip bomb”); it was not opened."))
    if total > MAX_ARCHIVE_BYTES:
        problems.append(Problem(label, f"the archive unpacks to {total / 2**20:,.0f} MiB; the limit "
                                       f"is {MAX_ARCHIVE_BYTES // 2**20} MiB."))
    return problems


# --------------------------------------------------------------------------- entry point


def read_raw(path: str | Path, progress: Progress = _no_progress) -> RawDataset:
    """Read every table and source text of a dataset, or raise DatasetError listing why not."""
    origin = Path(path)
    if not origin.exists():
        raise DatasetError([Problem(str(origin), "no such file or folder.")], str(origin))
    if origin.is_dir():
        return _read_tables(RawDataset(origin, "folder"), _Folder(origin), progress)
    suffix = origin.suffix.lower()
    if suffix not in (".zip", ".xlsx"):
        raise DatasetError([Problem(origin.name, "is neither a dataset folder, a .zip nor an .xlsx "
                                                 "workbook.",
                                    "Open the folder that holds facts.csv, themes.csv and "
                                    "sources.csv.")], str(origin))
    try:
        if origin.stat().st_size > MAX_FILE_BYTES:
            raise DatasetError([Problem(origin.name, "the file is larger than the size limit "
                                                     f"({MAX_FILE_BYTES // 2**20} MiB).")],
                               str(origin))
        archive = zipfile.ZipFile(origin)
    except (zipfile.BadZipFile, OSError, ValueError) as exc:
        what = "workbook" if suffix == ".xlsx" else "zip archive"
        detail = getattr(exc, "strerror", None) or str(exc)
        raise DatasetError([Problem(origin.name, f"cannot be opened as a {what} ({detail}).",
                                    "Save or pack it again.")], str(origin)) from None
    with archive:
        bad = check_archive(archive, origin.name)
        if bad:
            raise DatasetError(bad, str(origin))
        if suffix == ".xlsx":
            return _read_workbook(RawDataset(origin, "xlsx"), origin, progress)
        prefix = _zip_prefix(archive, origin.name)
        return _read_tables(RawDataset(origin, "zip"), _Zip(archive, prefix), progress)


def _zip_prefix(archive: zipfile.ZipFile, label: str) -> str:
    """The folder inside the zip that holds facts.csv: the root, or one folder down."""
    candidates = sorted(n[: -len("facts.csv")] for n in archive.namelist()
                        if n == "facts.csv" or n.endswith("/facts.csv"))
    candidates = [c for c in candidates if c.count("/") <= 1]
    if not candidates:
        raise DatasetError([Problem(label, "the archive holds no facts.csv at its top or one "
                                           "folder down.",
                                    "Zip the dataset folder itself (the one with facts.csv).")],
                           label)
    return candidates[0]


def _read_tables(raw: RawDataset, files: _Folder | _Zip, progress: Progress) -> RawDataset:
    for index, table in enumerate(TABLES):
        name = f"{table}.csv"
        if not progress(f"{name}", index / (len(TABLES) + 1)):
            raise LoadCancelled()
        if not files.exists(name):
            if table in REQUIRED_TABLES:
                raw.problems.append(Problem(name, "the file is missing.",
                                            f"Every dataset needs {', '.join(t + '.csv' for t in REQUIRED_TABLES)}."))
            continue
        try:
            frame = parse_csv(decode_text(files.read(name), name), name)
        except DatasetError as exc:
            raw.problems.extend(exc.problems)
            continue
        raw.problems.extend(check_cells(frame, name))
        raw.tables[table] = frame
    if not progress("sources", len(TABLES) / (len(TABLES) + 1)):
        raise LoadCancelled()
    _read_texts(raw, files)
    return raw


def _source_files(raw: RawDataset) -> list[tuple[int, str]]:
    sources = raw.tables.get("sources")
    if sources is None or "file" not in sources.columns:
        return []
    return [(i + 2, str(f).strip()) for i, f in enumerate(sources["file"]) if str(f).strip()]


def _safe_relative(name: str) -> bool:
    parts = PurePosixPath(name.replace("\\", "/"))
    return not parts.is_absolute() and ".." not in parts.parts and ":" not in name


def _read_texts(raw: RawDataset, files: _Folder | _Zip) -> None:
    for row, name in _source_files(raw):
        if name in raw.texts:
            continue
        if not _safe_relative(name):
            raw.problems.append(Problem("sources.csv", f"the file name “{name}” points outside the "
                                                       "dataset folder.",
                                        "Give a path inside the dataset folder, e.g. "
                                        "sources/article.txt.", row=row, column="file"))
            continue
        rel = name.replace("\\", "/")
        if not files.exists(rel):
            raw.problems.append(Problem("sources.csv", f"the source text “{name}” is missing.",
                                        "Put the text file at that path, next to sources.csv.",
                                        row=row, column="file"))
            continue
        try:
            raw.texts[name] = decode_text(files.read(rel), rel)
        except DatasetError as exc:
            raw.problems.extend(exc.problems)


def _read_workbook(raw: RawDataset, origin: Path, progress: Progress) -> RawDataset:
    try:
        import openpyxl  # a well-kept reader; pandas uses it for .xlsx too
    except ImportError:  # pragma: no cover - it is a declared dependency
        raise DatasetError([Problem(origin.name, "reading .xlsx needs the openpyxl package.")])
    try:
        book = openpyxl.load_workbook(origin, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise DatasetError([Problem(origin.name, f"the workbook cannot be read ({type(exc).__name__}: "
                                                 f"{str(exc)[:200]}).",
                                    "Open it in Excel or WPS and save it again as .xlsx.")],
                           str(origin)) from None
    try:
        for index, table in enumerate(TABLES):
            if not progress(f"{table} sheet", index / (len(TABLES) + 1)):
                raise LoadCancelled()
            label = f"{origin.name} [{table}]"
            if table not in book.sheetnames:
                if table in REQUIRED_TABLES:
                    raw.problems.append(Problem(origin.name, f"the workbook has no sheet named “{table}”.",
                                                "Name the sheets themes, facts and sources."))
                continue
            rows = book[table].iter_rows(values_only=True)
            header = next(rows, None)
            if not header or all(h is None for h in header):
                raw.problems.append(Problem(label, "the sheet is empty.",
                                            "Put the column names in its first row."))
                continue
            names = [str(h).strip() if h is not None else "" for h in header]
            records = []
            for values in rows:
                if values is None or all(v is None or str(v).strip() == "" for v in values):
                    continue
                records.append(["" if v is None else _cell_text(v) for v in values[: len(names)]]
                               + [""] * max(0, len(names) - len(values)))
            frame = pd.DataFrame(records, columns=names, dtype=str) if records else \
                pd.DataFrame(columns=names, dtype=str)
            raw.problems.extend(check_cells(frame, label))
            raw.tables[table] = frame
    finally:
        book.close()
    _read_texts(raw, _Folder(origin.parent))
    return raw


def _cell_text(value: object) -> str:
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
