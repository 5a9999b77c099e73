"""Reading a dataset's raw tables from a folder, a .zip of a folder, or an .xlsx workbook.

Everything here is defensive: sizes are capped before anything is read in full, archive entries
may not climb out of their folder, text encodings are detected (UTF-8 with or without BOM,
GB18030/GBK as Excel writes them on a Chinese Windows) and anything else is refused with a
sentence that says what to do. Every refusal is a :class:`Problem`; nothing else escapes.
"""

from __future__ import annotations

import csv
import io
import os
import re
import stat
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath

from desktop.base.checkpoint import checkpoint
from desktop.base.lazy import np
from desktop.base.lazy import pd

from desktop.domain.encoding import _check_bytes, decode_text
from desktop.domain.errors import DatasetError, LoadCancelled, Problem
from desktop.domain.filewords import file_kind, os_reason, size_text
from desktop.domain.schema import REQUIRED_TABLES, TABLE_FILES, TABLES, Progress, no_progress

#: A single table or text file larger than this is refused (documented in data/README.md).
MAX_FILE_BYTES = 1024 * 1024 * 1024
#: The sum of all files unpacked from one .zip or .xlsx.
MAX_ARCHIVE_BYTES = 2 * 1024 * 1024 * 1024
#: An archive entry that unpacks to more than this many times its packed size is a zip bomb.
MAX_COMPRESSION_RATIO = 200
#: A single cell longer than this is refused: no fact needs it, and it would freeze a text view.
MAX_CELL_CHARS = 20_000
#: A table (CSV file or sheet) with more rows than this is refused; a sheet is read no further.
MAX_ROWS = 1_000_000
#: A header row with more cells than this is refused before the table is parsed (a real one has
#: 17); a row of millions of cells would otherwise take gigabytes to parse.
MAX_COLUMNS = 200
#: A CSV file larger than this is parsed as it is read, never held in memory whole (a million
#: facts are 620 MiB of bytes next to the 1 GiB of cells parsed from them).
STREAM_BYTES = 32 * 1024 * 1024


@dataclass
class RawDataset:
    """The tables as text, before validation."""

    origin: Path
    kind: str  # "folder" | "zip" | "xlsx"
    tables: dict[str, pd.DataFrame] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # sources.file -> text
    problems: list[Problem] = field(default_factory=list)
    #: table -> the spreadsheet row number (header = 1) of each record, where blank rows were skipped
    #: (an int64 array from a CSV file: a list of a million ints held 36 MB through validation)
    rows: dict[str, np.ndarray | list[int]] = field(default_factory=dict)
    #: table -> how problems name it: "facts.csv", or "book.xlsx, sheet “facts”"
    labels: dict[str, str] = field(default_factory=dict)


def sheet_label(workbook: str, table: str) -> str:
    return f"{workbook}, sheet “{table}”"


# --------------------------------------------------------------------------- parsing


_FIELDS = re.compile(r"Expected (\d+) fields in line (\d+), saw (\d+)")
_EOF_QUOTE = re.compile(r"EOF inside string starting at row (\d+)")


def parse_csv(data: bytes | str, name: str) -> pd.DataFrame:
    """A CSV file (its bytes, or decoded text) to a DataFrame of strings (no NaN, no type
    guessing), header names stripped.

    Columns keep the names of the header row exactly (a repeated name stays repeated, so the
    validator can say so); columns without a name (trailing commas from Excel) are dropped.

    UTF-8 bytes go to the parser as they are: decoding a 600 MB file to str and encoding it back
    took 3.5 of 25 s of loading a million facts. The parser checks the UTF-8 itself; bytes in
    any other encoding are decoded by :func:`decode_text` (GB18030 …) and parsed from there."""
    if isinstance(data, str):
        return _parse_utf8(data.encode("utf-8"), name)
    _check_bytes(data, name)
    try:
        return _parse_utf8(data[3:] if data.startswith(b"\xef\xbb\xbf") else data, name)
    except UnicodeDecodeError:
        return _parse_utf8(decode_text(data, name).encode("utf-8"), name)


def _parse_utf8(data: bytes, name: str) -> pd.DataFrame:
    body = data.lstrip(b"\r\n")
    _check_width(body, name)
    return _parse_body(io.BytesIO(body), name, _line_count(data[: len(data) - len(body)]))


def _check_width(body: bytes, name: str) -> None:
    head_end = body.find(b"\n", 0, 1 << 20)
    cells = body[: head_end if head_end >= 0 else 1 << 20].count(b",") + 1
    if cells > MAX_COLUMNS:
        raise DatasetError([Problem(name, f"the header row has more than {MAX_COLUMNS:,} cells.",
                                    "The first row names the columns: id, theme, title_zh … "
                                    "(see data/README.md).", row=1)])


def _line_count(leading: bytes) -> int:
    return leading.replace(b"\r\n", b"\n").count(b"\n") + leading.replace(b"\r\n", b"").count(b"\r")


#: Rows parsed per step (a checkpoint between steps): the parser holds the interpreter while it
#: turns a step's cells into strings, and 2,000 rows of facts take about 15 ms.
PARSE_ROWS = 2_000


def _parse_body(body, name: str, lead: int) -> pd.DataFrame:
    """The parser over UTF-8 bytes (a BytesIO, or a file as it is read) that start at the header."""
    try:
        # header=None: pandas would rename a repeated column “id” to “id.1”, hiding the mistake;
        # index_col=False: a row with one cell too many must not turn the first column into an index;
        # blank lines are kept here and dropped below, so row numbers stay those a spreadsheet shows;
        # dtype=object: plain str cells, as every pandas version reads them (pandas 3's "str"
        # dtype would make each later cell-by-cell step go through its slower array wrapper)
        reader = pd.read_csv(body, encoding="utf-8", header=None, dtype=object, keep_default_na=False,
                             na_filter=False, skip_blank_lines=False, engine="c", index_col=False,
                             nrows=MAX_ROWS + 2,  # header, the limit, and one row to tell it is over
                             chunksize=PARSE_ROWS)
        # each step's cells as one array (rows × columns: a step's 2,000 × 17 cell pointers are
        # copied once); taking the columns out of the steps' frames one by one with .iloc made
        # 8,500 pandas Series at 1M facts
        chunks = []
        for chunk in reader:
            chunks.append(chunk.to_numpy(dtype=object))
            checkpoint()
    except pd.errors.EmptyDataError:
        raise DatasetError([Problem(name, "the file is empty.",
                                    "Save the sheet again with its header row.")]) from None
    except UnicodeDecodeError:
        raise
    except (pd.errors.ParserError, csv.Error, ValueError, OverflowError) as exc:
        raise DatasetError([_csv_problem(str(exc), name, lead)]) from None
    del body
    total = sum(map(len, chunks))
    header = [str(c).strip().lstrip("\ufeff").strip() for c in chunks[0][0]] if total else []
    if len(header) == 1 and any(sep in header[0] for sep in (";", "\t", "|")):
        sep = next(s for s in (";", "\t", "|") if s in header[0])
        shown = {"\t": "tabs", ";": "semicolons", "|": "| marks"}[sep]
        raise DatasetError([Problem(name, f"the cells are separated by {shown}, not commas.",
                                    "Save it as “CSV UTF-8 (comma delimited)”.", row=1)])
    named = [i for i, h in enumerate(header) if h]
    # cells are stripped once, here; every later check and the built dataset use them so
    columns, longest = [], []
    for position in named:
        values, length = _stripped(np.concatenate([chunk[1 if at == 0 else 0:, position]
                                                   for at, chunk in enumerate(chunks)]))
        columns.append(values)
        longest.append(length)
        checkpoint()
    over = total > MAX_ROWS + 1  # the reading stopped there
    numbers = np.arange(max(total - 1, 0)) + 2 + lead
    del chunks
    if columns and len(columns[0]):
        # a blank row has an empty first cell: only those rows are looked at in the other columns
        blank = np.flatnonzero(columns[0] == "")
        for values in columns[1:]:
            blank = blank[values[blank] == ""]
        if len(blank):
            filled = np.ones(len(columns[0]), dtype=bool)
            filled[blank] = False
            columns = [values[filled] for values in columns]
            numbers = numbers[filled]
    # copy=False: the columns become the frame's blocks as they are (stacking them into one
    # block copied 136 MB of cell pointers at a million facts, for nothing)
    frame = pd.DataFrame(dict(enumerate(columns)), index=pd.RangeIndex(len(numbers)), dtype=object,
                         copy=False) if columns else pd.DataFrame(index=pd.RangeIndex(len(numbers)))
    frame.columns = [header[i] for i in named]
    # a numpy array, not a list: pandas deep-copies attrs on every operation on the frame
    frame.attrs["rows"] = np.asarray(numbers, dtype=np.int64)
    frame.attrs["longest"] = longest  # check_cells needs no pass over the cells again
    if over:
        raise DatasetError([Problem(name, f"the file has more than {MAX_ROWS:,} rows.",
                                    "Split the dataset, or remove what it does not need.")])
    return frame


#: A column whose first cells hold at most this many distinct values (a unit, a qualifier, a
#: theme) is stripped and measured per distinct cell: the parser shares one str among equal cells.
_FEW = 64


def _stripped(values: np.ndarray) -> tuple[np.ndarray, int]:
    """A column's cells with surrounding white space removed, and its longest cell's length.

    ``str.strip`` runs in C (pandas' ``.str.strip`` calls a Python function per cell: 14 of 25 s
    of loading a million facts); a column of few distinct values is stripped only if one of them
    needs it, so that a million units or qualifiers cost one ``set``, not a million calls."""
    if len(set(values[:1000].tolist())) <= _FEW:
        distinct = set(values.tolist())
        if all(cell == cell.strip() for cell in distinct):
            return values, max(map(len, distinct), default=0)
    stripped = np.frompyfunc(str.strip, 1, 1)(values) if len(values) else values
    return stripped, max(map(len, stripped), default=0)


def _csv_problem(detail: str, name: str, lead: int = 0) -> Problem:
    """A pandas parser message, said the way a person editing the sheet can act on."""
    fields = _FIELDS.search(detail)
    if fields:
        expected, line, saw = (int(g) for g in fields.groups())
        return Problem(name, f"this row has {saw:,} cells but the header row has {expected:,}.",
                       "Look for a comma in a cell that is not inside quote marks \"…\", or a "
                       "cell too many.", row=line + lead)
    quote = _EOF_QUOTE.search(detail)
    if quote:
        return Problem(name, "a quote mark \" opens a cell here and is never closed, so the rest "
                             "of the file reads as one cell.",
                       "Close the quote mark, or write a quote mark inside a cell as \"\".",
                       row=int(quote.group(1)) + 1 + lead)
    detail = detail.strip().splitlines()[0][:200] if detail.strip() else "unreadable"
    return Problem(name, f"the file is not valid CSV ({detail}).",
                   "Check for an unclosed quote mark, then save it as CSV again.")


class _Stream(io.BufferedIOBase):
    """A file as the CSV parser reads it, block by block, from its first header byte on.

    It ends early (``clean`` is then False) at a NUL byte or past MAX_FILE_BYTES: such a file is
    read again whole, so that it is refused with the same problem as a small one."""

    def __init__(self, handle, first: bytes, total: int):
        self.handle, self.first, self.total, self.clean = handle, first, total, True

    def readable(self) -> bool:
        return True

    def read(self, size: int | None = -1) -> bytes:
        size = size if size and size > 0 else 1 << 20
        if self.first:
            block, self.first = self.first[:size], self.first[size:]
            return block
        block = self.handle.read(size) if self.clean else b""
        self.total += len(block)
        if b"\x00" in block or self.total > MAX_FILE_BYTES:
            self.clean = False
            return b""
        return block

    def drain(self) -> bool:
        """Read what the parser left; True if the whole file is clean."""
        self.first = b""
        while self.read(1 << 24):
            pass
        return self.clean


_HEAD = 4 << 20


def _parse_stream(handle, name: str) -> pd.DataFrame | None:
    """A large CSV file parsed as it is read: the file's bytes are never all in memory.

    None when the file needs :func:`parse_csv` on its whole bytes to say what is wrong with it
    (UTF-16, binary, not UTF-8, blank for megabytes): that path refuses it as before."""
    head = handle.read(_HEAD)
    if head.isspace() or b"\x00" in head or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    text = head[3:] if head.startswith(b"\xef\xbb\xbf") else head
    body = text.lstrip(b"\r\n")
    if len(body) < 1 << 20 and len(head) == _HEAD:  # the header check needs 1 MiB of it
        return None
    stream = _Stream(handle, body, len(head))
    try:
        _check_width(body, name)
        frame = _parse_body(stream, name, _line_count(text[: len(text) - len(body)]))
    except DatasetError:
        if stream.drain():
            raise
        return None
    except UnicodeDecodeError:
        return None
    return frame if stream.drain() else None


def _parse_table(files, name: str) -> pd.DataFrame:
    handle = files.open_large(name) if isinstance(files, _Folder) else None
    if handle is not None:
        with handle:
            frame = _parse_stream(handle, name)
        if frame is not None:
            return frame
    return parse_csv(files.read(name), name)


def check_cells(frame: pd.DataFrame, name: str) -> list[Problem]:
    problems = []
    numbers = frame.attrs.get("rows")
    longest = frame.attrs.pop("longest", None)  # measured by the CSV parser, if it read the frame
    for position, column in enumerate(frame.columns):  # by position: a name may be repeated
        if longest is not None and longest[position] <= MAX_CELL_CHARS:
            continue
        values = frame.iloc[:, position].to_numpy(dtype=object)
        lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))  # in C
        if len(lengths) and lengths.max() > MAX_CELL_CHARS:
            at = int(lengths.argmax())
            row = int(numbers[at]) if numbers is not None and at < len(numbers) else at + 2
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
        """Anything under that name, even a broken link: :meth:`read` then says what is wrong."""
        try:
            os.lstat(self.root / name)
        except (FileNotFoundError, NotADirectoryError):
            return False
        except (OSError, ValueError):
            return True
        return True

    def _stat(self, name: str) -> os.stat_result:
        try:
            info = (self.root / name).stat()
        except (OSError, ValueError) as exc:
            raise DatasetError([Problem(name, f"cannot be read ({os_reason(exc)}).")]) from None
        if not stat.S_ISREG(info.st_mode):  # a folder, a pipe, a device: never open it (it may block)
            raise DatasetError([Problem(name, f"is not an ordinary file (it is {file_kind(info.st_mode)}).",
                                        "Put the file itself here.")])
        if info.st_size > MAX_FILE_BYTES:
            raise DatasetError([Problem(name, f"the file is {size_text(info.st_size)}; the "
                                              f"limit is {size_text(MAX_FILE_BYTES)}.",
                                        "Split the dataset, or remove what it does not need.")])
        return info

    def open_large(self, name: str):
        """The file opened for reading if it is over STREAM_BYTES (None if not), checked as
        :meth:`read` checks it."""
        if self._stat(name).st_size <= STREAM_BYTES:
            return None
        try:
            return open(self.root / name, "rb")
        except (OSError, ValueError) as exc:
            raise DatasetError([Problem(name, f"cannot be read ({os_reason(exc)}).")]) from None

    def read(self, name: str) -> bytes:
        size = self._stat(name).st_size
        try:
            with open(self.root / name, "rb") as handle:
                # read(n) sets n bytes aside first: sized by the file, not by the 1 GiB limit
                # (memory a small laptop may lack); in blocks if it grew since, to the limit
                blocks = [handle.read(size + 1)]
                total = len(blocks[0])
                while size < total <= MAX_FILE_BYTES and (block := handle.read(1 << 20)):
                    blocks.append(block)
                    total += len(block)
                data = b"".join(blocks)
        except (OSError, ValueError) as exc:
            raise DatasetError([Problem(name, f"cannot be read ({os_reason(exc)}).")]) from None
        if len(data) > MAX_FILE_BYTES:
            raise DatasetError([Problem(name, "the file is larger than the size limit "
                                              f"({size_text(MAX_FILE_BYTES)}).")])
        return data


# --------------------------------------------------------------------------- entry point


def read_raw(path: str | Path, progress: Progress = no_progress) -> RawDataset:
    """Read every table and source text of a dataset, or raise DatasetError listing why not."""
    origin = Path(path)
    try:
        info = origin.stat()
    except (FileNotFoundError, NotADirectoryError):
        what = "the link points to nothing" if os.path.islink(origin) else "no such file or folder"
        raise DatasetError([Problem(str(origin), f"{what}.")], str(origin)) from None
    except (OSError, ValueError) as exc:
        raise DatasetError([Problem(str(origin), f"cannot be read ({os_reason(exc)}).")],
                           str(origin)) from None
    if stat.S_ISREG(info.st_mode) and origin.name.lower() in TABLE_FILES:
        origin = origin.parent  # facts.csv (or another table) stands for its folder
        info = origin.stat()
    if stat.S_ISDIR(info.st_mode):
        return _read_tables(RawDataset(origin, "folder"), _Folder(origin), progress)
    suffix = origin.suffix.lower()
    if not stat.S_ISREG(info.st_mode):
        raise DatasetError([Problem(origin.name, f"is not a dataset (it is {file_kind(info.st_mode)}).",
                                    "Open a dataset folder, a .zip or an .xlsx workbook.")],
                           str(origin))
    if suffix not in (".zip", ".xlsx"):
        raise DatasetError([Problem(origin.name, "is neither a dataset folder, a .zip nor an .xlsx "
                                                 "workbook.",
                                    "Open the folder that holds facts.csv, themes.csv and "
                                    "sources.csv.")], str(origin))
    from desktop.domain.archive import read_archive
    return read_archive(origin, info, progress)


def _read_tables(raw: RawDataset, files, progress: Progress) -> RawDataset:
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
            frame = _parse_table(files, name)
        except DatasetError as exc:
            raw.problems.extend(exc.problems)
            continue
        raw.problems.extend(check_cells(frame, name))
        raw.tables[table] = frame
        raw.rows[table] = np.asarray(frame.attrs.pop("rows", []), dtype=np.int64)
        raw.labels[table] = name
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


def _read_texts(raw: RawDataset, files) -> None:
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
