"""Reading a dataset from one .xlsx workbook (a sheet per table), with the same limits and the
same problems as the CSV folder: desktop/domain/reader.py's constants are read from there at call
time, so a test that lowers a limit lowers it here too."""

from __future__ import annotations

from pathlib import Path

from desktop.base.lazy import np
from desktop.base.lazy import pd
from desktop.domain import reader
from desktop.domain.errors import DatasetError, LoadCancelled, Problem
from desktop.domain.reader import RawDataset
from desktop.domain.schema import REQUIRED_TABLES, TABLES, Progress


def read_workbook(raw: RawDataset, origin: Path, progress: Progress) -> RawDataset:
    try:
        import openpyxl  # a well-kept reader; pandas uses it for .xlsx too
    except ImportError:  # pragma: no cover - it is a declared dependency
        raise DatasetError([Problem(origin.name, "reading .xlsx needs the openpyxl package.")])
    broken = "Open it in Excel or WPS and save it again as .xlsx."
    try:
        book = openpyxl.load_workbook(origin, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for a damaged workbook
        raise DatasetError([Problem(origin.name, f"the workbook cannot be read ({type(exc).__name__}: "
                                                 f"{str(exc)[:200]}).", broken)],
                           str(origin)) from None
    try:
        # sheet names as a person types them: “Facts ” is the facts sheet
        by_name = {str(n).strip().lower(): n for n in book.sheetnames}
        for index, table in enumerate(TABLES):
            if not progress(f"{table} sheet", index / (len(TABLES) + 1)):
                raise LoadCancelled()
            label = reader.sheet_label(origin.name, table)
            if table not in by_name:
                if table in REQUIRED_TABLES:
                    raw.problems.append(Problem(origin.name, f"the workbook has no sheet named “{table}”.",
                                                "Name the sheets themes, facts and sources "
                                                "(vocabulary is optional)."))
                continue
            try:
                frame = _read_sheet(book[by_name[table]], label)
            except DatasetError as exc:
                raw.problems.extend(exc.problems)
                continue
            except LoadCancelled:  # at a checkpoint: the job was cancelled, not the sheet damaged
                raise
            except Exception as exc:  # a damaged sheet surfaces only while it is read (read_only)
                raw.problems.append(Problem(label, f"the sheet cannot be read ({type(exc).__name__}: "
                                                   f"{str(exc)[:200]}).", broken))
                continue
            raw.problems.extend(reader.check_cells(frame, label))
            raw.tables[table] = frame
            raw.rows[table] = [int(n) for n in frame.attrs.pop("rows", [])]
            raw.labels[table] = label
    finally:
        book.close()
    reader._read_texts(raw, reader._Folder(origin.parent))
    return raw


def _read_sheet(sheet, label: str) -> pd.DataFrame:
    """One sheet as a frame of strings, read no further than reader.MAX_ROWS rows.

    The sheet's stated size is ignored (reset_dimensions): a workbook that claims a million rows
    by sixteen thousand columns would otherwise make the reader pad every row to that width."""
    sheet.reset_dimensions()
    header = next(sheet.iter_rows(min_row=1, max_row=1, values_only=True), None)
    if not header or all(h is None or str(h).strip() == "" for h in header):
        raise DatasetError([Problem(label, "the sheet is empty, or its first row is.",
                                    "Put the column names in its first row.", row=1)])
    names = [str(h).strip() if h is not None else "" for h in header]
    while names and not names[-1]:
        names.pop()
    if len(names) > reader.MAX_COLUMNS:
        raise DatasetError([Problem(label, f"the header row has {len(names):,} cells; the limit "
                                           f"is {reader.MAX_COLUMNS:,}.",
                                    "The first row names the columns: id, theme, title_zh … "
                                    "(see data/README.md).", row=1)])
    width = len(names)
    records, numbers = [], []
    rows = sheet.iter_rows(min_row=2, max_row=reader.MAX_ROWS + 2, max_col=width, values_only=True)
    for number, values in enumerate(rows, start=2):
        cells = ["" if v is None else _cell_text(v).strip() for v in values[:width]]
        cells += [""] * (width - len(cells))
        if all(c.strip() == "" for c in cells):
            continue
        if len(records) >= reader.MAX_ROWS:
            raise DatasetError([Problem(label, f"the sheet has more than {reader.MAX_ROWS:,} rows.",
                                        "Split the dataset, or remove what it does not need.")])
        records.append(cells)
        numbers.append(number)
    frame = pd.DataFrame(records, columns=names, dtype=object) if records else \
        pd.DataFrame([], columns=names, dtype=object)
    named = [i for i, h in enumerate(names) if h]
    if len(named) != len(names):
        frame = frame.iloc[:, named]
    frame.attrs["rows"] = np.asarray(numbers, dtype=np.int64)
    return frame


def _cell_text(value: object) -> str:
    import datetime as dt
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0) and value.day == 1:
            return f"{value.year:04d}-{value.month:02d}"  # Excel turns a typed 2023-12 into 1 Dec 2023
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat(sep=" ")
    if isinstance(value, (dt.date, dt.time)):
        return value.isoformat()
    return str(value)
