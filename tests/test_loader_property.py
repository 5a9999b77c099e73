"""Whatever bytes a dataset holds, the loader either loads it or raises DatasetError (or
LoadCancelled when asked to stop) — never anything else, and every problem names its file.

Each example starts from the small valid dataset tests/broken/ok-minimal and breaks it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.domain import DatasetError, load_dataset
from desktop.domain.schema import COLUMNS, OPTIONAL
from desktop.domain.errors import LoadCancelled
from make_broken import BROKEN, TABLES, read_table

BASE = BROKEN / "ok-minimal"
SETTINGS = settings(max_examples=60, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
FILES = [f"{t}.csv" for t in TABLES] + ["sources/article.txt"]
KNOWN_COLUMNS = sorted({c for cols in COLUMNS.values() for c in cols}
                       | {c for cols in OPTIONAL.values() for c in cols})

# Text as a spreadsheet cell may hold it: commas, quote marks, line breaks, CJK, emoji, controls.
cell_text = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40) | \
    st.sampled_from(["", " ", '"', '""', ",", "\n", "\r\n", "inf", "nan", "-1", "1e400", "0x10",
                     "80", "2023-12", "more_than", "overview", "article", "s1", "id", "=1+1",
                     "<b>x</b>", "深化", "\ufeff", "\x00", "9" * 400])


def _outcome(path, progress=None) -> str:
    """Load; return "loaded" / "refused" / "cancelled". Any other exception fails the test."""
    try:
        dataset = load_dataset(path, progress) if progress else load_dataset(path)
    except DatasetError as exc:
        assert exc.problems, "a DatasetError lists at least one problem"
        for problem in exc.problems:
            assert problem.file and problem.message
            assert len(str(problem)) < 1500, "a problem line stays readable"
        exc.report()
        return "refused"
    except LoadCancelled:
        return "cancelled"
    assert len(dataset.facts) >= 1 and dataset.overview is not None
    for node in dataset.overview.walk():
        assert node.id in dataset.nodes
    return "loaded"


def _copy_base(tmp: str) -> Path:
    folder = Path(tmp) / "dataset"
    shutil.copytree(BASE, folder)
    (folder / "EXPECT").unlink()
    return folder


def _csv_bytes(rows: list[list[str]], encoding: str = "utf-8") -> bytes:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue().encode(encoding, errors="surrogatepass")


def test_the_base_dataset_loads():
    assert _outcome(BASE) == "loaded"


@SETTINGS
@given(name=st.sampled_from(FILES), data=st.binary(max_size=3000))
def test_random_bytes_in_any_file(name, data):
    with tempfile.TemporaryDirectory() as tmp:
        folder = _copy_base(tmp)
        (folder / name).write_bytes(data)
        _outcome(folder)


@SETTINGS
@given(name=st.sampled_from(FILES),
       text=st.text(alphabet=st.sampled_from(list(',"\n\r\t ;ab1-_.中文“”\\\'')), max_size=300),
       encoding=st.sampled_from(["utf-8", "utf-8-sig", "gb18030", "utf-16"]))
def test_random_csv_syntax(name, text, encoding):
    """Unclosed and doubled quote marks, ragged rows, stray separators, odd line endings."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = _copy_base(tmp)
        (folder / name).write_bytes(text.encode(encoding))
        _outcome(folder)


@SETTINGS
@given(table=st.sampled_from(TABLES), edits=st.lists(
    st.tuples(st.integers(0, 3), st.integers(0, 20), cell_text), min_size=1, max_size=6))
def test_random_cells(table, edits):
    """Cells of a valid table replaced by anything a person might type or paste."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = _copy_base(tmp)
        rows = read_table(folder, table)
        for row, column, text in edits:
            row = min(row, len(rows) - 1)
            column = column % len(rows[row])
            rows[row][column] = text
        (folder / f"{table}.csv").write_bytes(_csv_bytes(rows))
        _outcome(folder)


@SETTINGS
@given(table=st.sampled_from(TABLES),
       header=st.lists(st.sampled_from(KNOWN_COLUMNS + ["", " id ", "junk", "ID"]), max_size=22),
       body=st.lists(st.lists(cell_text, max_size=22), max_size=6))
def test_random_column_sets(table, header, body):
    """Missing, repeated, unknown and unnamed columns, and rows of any length."""
    with tempfile.TemporaryDirectory() as tmp:
        folder = _copy_base(tmp)
        (folder / f"{table}.csv").write_bytes(_csv_bytes([header] + body))
        _outcome(folder)


@SETTINGS
@given(keep=st.lists(st.booleans(), min_size=len(FILES), max_size=len(FILES)),
       order=st.permutations(list(range(17))))
def test_missing_files_and_shuffled_columns(keep, order):
    with tempfile.TemporaryDirectory() as tmp:
        folder = _copy_base(tmp)
        rows = read_table(folder, "facts")
        (folder / "facts.csv").write_bytes(_csv_bytes([[r[i] for i in order] for r in rows]))
        for name, present in zip(FILES, keep):
            if not present:
                (folder / name).unlink()
        outcome = _outcome(folder)
        if all(keep[:3]) and keep[4]:
            assert outcome == "loaded", "column order does not matter"


workbook_cell = st.one_of(
    st.none(), cell_text.filter(lambda t: not any(0 <= ord(c) < 32 and c not in "\t\n\r" for c in t)),
    st.integers(-10**20, 10**20), st.floats(allow_nan=True, allow_infinity=False),
    st.booleans(), st.datetimes(min_value=dt.datetime(1900, 3, 1), max_value=dt.datetime(2100, 1, 1)),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)))


@SETTINGS
@given(sheets=st.lists(st.sampled_from(list(TABLES) + ["Facts", "notes", "THEMES "]), max_size=5,
                       unique=True),
       real=st.booleans(),
       cells=st.lists(st.tuples(st.integers(1, 8), st.integers(1, 20), workbook_cell), max_size=25))
def test_random_workbooks(sheets, real, cells):
    """openpyxl-written workbooks: the real tables with random cells, or random sheets."""
    import openpyxl
    with tempfile.TemporaryDirectory() as tmp:
        folder = _copy_base(tmp)
        book = openpyxl.Workbook()
        book.remove(book.active)
        for name in sheets:
            sheet = book.create_sheet(name)
            key = name.strip().lower()
            if real and key in TABLES:
                for row in read_table(folder, key):
                    sheet.append(row)
        if not book.worksheets:
            book.create_sheet("Sheet1")  # a workbook has at least one sheet
        for row, column, value in cells:
            if book.worksheets:
                target = book.worksheets[(row + column) % len(book.worksheets)]
                target.cell(row, column).value = value
        path = Path(tmp) / "book.xlsx"
        book.save(path)
        _outcome(path)


@SETTINGS
@given(entries=st.lists(st.tuples(
    st.sampled_from(["facts.csv", "dataset/facts.csv", "dataset/themes.csv", "dataset/sources.csv",
                     "../facts.csv", "dataset/sources/article.txt", "a/b/c.csv", "/abs.csv",
                     "dataset/", "__MACOSX/dataset/._facts.csv"]),
    st.binary(max_size=400)), max_size=6, unique_by=lambda entry: entry[0]),
       junk=st.binary(max_size=64))
def test_random_zips(entries, junk):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "dataset.zip"
        with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
            for name, data in entries:
                archive.writestr(name, data)
        if junk:  # and sometimes damage it
            blob = bytearray(path.read_bytes())
            blob[len(blob) // 2: len(blob) // 2 + len(junk)] = junk
            path.write_bytes(bytes(blob))
        _outcome(path)


@SETTINGS
@given(stop_after=st.integers(0, 8))
def test_cancelling_at_any_step(stop_after):
    calls = []

    def progress(step: str, fraction: float) -> bool:
        assert 0.0 <= fraction <= 1.0
        calls.append(step)
        return len(calls) <= stop_after

    outcome = _outcome(BASE, progress)
    assert outcome == ("loaded" if stop_after >= len(calls) else "cancelled")


@pytest.mark.parametrize("name", FILES)
def test_every_file_emptied(name, tmp_path):
    folder = _copy_base(str(tmp_path))
    (folder / name).write_bytes(b"")
    assert _outcome(folder) == "refused"  # an emptied file is damage worth reporting, even optional
