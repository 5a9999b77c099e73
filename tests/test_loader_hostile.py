"""Broken, hostile and huge datasets: each gets a clear report naming file, row and column, fast.

The corpus is tests/broken/ (one folder per case) and the table in tests/make_broken.py
(mutations of the bundled data). Size limits are made small with monkeypatch rather than by
writing hundreds of megabytes."""

from __future__ import annotations

import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from desktop.domain import DatasetError, load_dataset
from desktop.domain import validation
from desktop.domain import reader
from desktop.domain.filewords import size_text
from make_broken import (CASES, DATA, REPO, build_case, make_workbook, make_zip, read_table,
                         set_cells, static_cases, write_table)

POSIX = os.name == "posix"


def report_of(path) -> str:
    with pytest.raises(DatasetError) as info:
        load_dataset(path)
    return info.value.report()


def assert_reports(path, *fragments: str) -> str:
    report = report_of(path)
    for fragment in fragments:
        assert fragment in report, f"{fragment!r} not in:\n{report}"
    return report


def run_cli(*args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONIOENCODING": "utf-8"}
    return subprocess.run([sys.executable, "-m", "desktop", *args], cwd=REPO, env=env,
                          capture_output=True, text=True, encoding="utf-8", timeout=timeout)


# --------------------------------------------------------------------------- the corpus

def test_corpus_is_large_enough():
    assert len(CASES) + len([c for c in static_cases() if c[2] != ["valid"]]) >= 30


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_mutated_bundled_data_is_reported(case, tmp_path):
    if case.posix_only and not POSIX:
        pytest.skip("needs POSIX pipes and links")
    folder = build_case(case, tmp_path / "dataset")
    assert_reports(folder, *case.expect)


@pytest.mark.parametrize("name, folder, expect", static_cases(), ids=[c[0] for c in static_cases()])
def test_corpus_folder(name, folder, expect):
    if expect == ["valid"]:
        dataset = load_dataset(folder)
        assert len(dataset.facts) == 2
        assert dataset.fact("st-agreements")["title_zh"] == "政府间科技合作协定"
        assert dataset.fact("matchmaking")["value"] == 300
    else:
        assert_reports(folder, *expect)


def test_every_problem_is_listed_not_only_the_first(tmp_path):
    folder = build_case(CASES[0], tmp_path / "dataset")
    set_cells("facts", 9, as_of="last year")(folder)
    set_cells("themes", 3, order="x")(folder)
    report = assert_reports(folder, "facts.csv, row 7, column “value”",
                            "facts.csv, row 9, column “as_of”", "themes.csv, row 3, column “order”")
    assert int(report.split(" ", 1)[0]) >= 3  # “N problem(s) in …”, one line each


@pytest.mark.parametrize("case_id", ["value-not-a-number", "facts-column-missing",
                                     "theme-chain-5000-deep"])
def test_validate_command_prints_the_same_report(case_id, tmp_path):
    case = next(c for c in CASES if c.id == case_id)
    folder = build_case(case, tmp_path / "dataset")
    result = run_cli("validate", str(folder))
    assert result.returncode == 1, result.stderr
    assert result.stdout.strip() == report_of(folder)
    assert "Traceback" not in result.stdout + result.stderr


def test_validate_command_on_corpus_folders():
    for name in ("unclosed-quote", "utf16-facts", "binary-junk-facts"):
        folder = REPO / "tests" / "broken" / name
        result = run_cli("validate", str(folder))
        expected = (folder / "EXPECT").read_text("utf-8").splitlines()[0]
        assert result.returncode == 1
        assert expected in result.stdout
        assert "Traceback" not in result.stderr
    ok = run_cli("validate", str(REPO / "tests" / "broken" / "ok-gbk"))
    assert ok.returncode == 0 and "valid — 2 facts" in ok.stdout


# --------------------------------------------------------------------------- encodings

def _reencode(folder: Path, encoding: str) -> None:
    for table in ("themes", "facts", "sources", "vocabulary"):
        write_table(folder, table, read_table(folder, table), encoding=encoding)


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8-sig"])
def test_whole_bundled_dataset_in_chinese_windows_encodings_loads(encoding, tmp_path, dataset):
    folder = tmp_path / "dataset"
    import shutil
    shutil.copytree(DATA, folder)
    _reencode(folder, encoding)
    if encoding == "gbk":  # really GBK bytes, not UTF-8 that happens to decode
        raw = (folder / "themes.csv").read_bytes()
        with pytest.raises(UnicodeDecodeError):
            raw.decode("utf-8")
        assert "概览".encode("gbk") in raw
    loaded = load_dataset(folder)
    assert list(loaded.facts.index) == list(dataset.facts.index)
    assert loaded.facts["title_zh"].tolist() == dataset.facts["title_zh"].tolist()
    assert loaded.themes.loc["overview", "title_zh"] == "概览"


def test_gbk_source_text_is_read(tmp_path):
    folder = tmp_path / "dataset"
    import shutil
    shutil.copytree(REPO / "tests" / "broken" / "ok-minimal", folder)
    text = (folder / "sources" / "article.txt").read_text("utf-8")
    (folder / "sources" / "article.txt").write_bytes(text.encode("gbk"))
    assert load_dataset(folder).source_text("article") == text


# --------------------------------------------------------------------------- sizes

def test_file_over_the_size_limit(monkeypatch, tmp_path):
    folder = build_case(CASES[0], tmp_path / "dataset")
    size = (folder / "facts.csv").stat().st_size
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", size - 1)
    assert_reports(folder, "facts.csv: the file is", f"the limit is {size_text(size - 1)}",
                   "Split the dataset")


def test_reading_a_table_sets_aside_memory_for_the_file_not_for_the_limit():
    """Reading asked the system for the whole 1 GiB limit before each small table (a gigabyte
    that a laptop without overcommit, Windows, may simply not have)."""
    import tracemalloc

    tracemalloc.start()
    try:
        load_dataset(DATA)
        peak = tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()
    assert peak < 100 * 2**20
    assert load_dataset(DATA).facts.shape[0] > 50


def test_a_table_that_grows_while_it_is_read_is_read_whole_or_refused(monkeypatch, tmp_path):
    import shutil

    folder = Path(shutil.copytree(DATA, tmp_path / "dataset"))
    size = (folder / "facts.csv").stat().st_size
    stat = reader._Folder._stat

    def smaller(self, name):  # the size seen before the file grew to what it is now
        if name != "facts.csv":
            return stat(self, name)
        info = (self.root / name).stat()
        return os.stat_result((*info[:6], 10, *info[7:]))
    monkeypatch.setattr(reader._Folder, "_stat", smaller)
    whole = load_dataset(folder)
    assert len(whole.facts) == len(load_dataset(DATA).facts)
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", size - 1)
    assert_reports(folder, "facts.csv: the file is larger than the size limit",
                   size_text(size - 1))


def test_zip_entry_over_the_size_limit(monkeypatch, tmp_path):
    archive = make_zip(DATA, tmp_path / "dataset.zip")
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 50_000)
    assert_reports(archive, "dataset.zip: the entry “dataset/facts.csv” unpacks to",
                   f"the limit is {size_text(50_000)}")


def test_workbook_over_the_size_limit(monkeypatch, tmp_path):
    book = make_workbook(DATA, tmp_path / "book.xlsx")
    monkeypatch.setattr(reader, "MAX_FILE_BYTES", 1000)
    assert_reports(book, "book.xlsx: the file is larger than the size limit (1,000 bytes)")


def test_archive_over_the_total_limit(monkeypatch, tmp_path):
    archive = make_zip(DATA, tmp_path / "dataset.zip")
    monkeypatch.setattr(reader, "MAX_ARCHIVE_BYTES", 20_000)
    assert_reports(archive, "dataset.zip: the archive unpacks to", "the limit is 20 KiB")


def test_too_many_rows(monkeypatch, tmp_path):
    monkeypatch.setattr(reader, "MAX_ROWS", 50)
    assert_reports(DATA, "facts.csv: the file has more than 50 rows.")


def test_a_header_of_a_million_cells_is_refused_before_parsing(tmp_path):
    folder = build_case(CASES[0], tmp_path / "dataset")
    (folder / "facts.csv").write_bytes(b"id," * 1_000_000 + b"\nx\n")
    assert_reports(folder, "facts.csv, row 1: the header row has more than 200 cells.")


def test_a_row_of_a_million_cells(tmp_path):
    folder = build_case(CASES[0], tmp_path / "dataset")
    with open(folder / "facts.csv", "ab") as handle:
        handle.write(b"x," * 1_000_000 + b"\n")
    rows = len(read_table(DATA, "facts"))
    assert_reports(folder, f"facts.csv, row {rows + 1}: this row has 1,000,001 cells but the "
                           "header row has 17.")


def test_quote_checking_gives_up_rather_than_hang(tmp_path, monkeypatch):
    """Checking is bounded by the characters scanned: thousands of absent quotes in a long
    text would take minutes; the report says so instead."""
    monkeypatch.setattr(validation, "MAX_QUOTE_SEARCH", 100_000)
    folder = build_case(CASES[0], tmp_path / "dataset")
    rows = read_table(folder, "facts")
    at = rows[0].index("quote")
    for n, row in enumerate(rows[1:]):
        row[at] = f"不在文章里的引语{n}"
    write_table(folder, "facts", rows)
    assert_reports(folder, "is not found word for word",
                   "quotes were not looked up in their source text: with so many quotes and so "
                   "long a text it would take too long.")


def test_a_big_but_legitimate_dataset_loads(tmp_path):
    """20,000 facts (the article has about a hundred) load; each quote is checked once."""
    folder = tmp_path / "dataset"
    import shutil
    shutil.copytree(DATA, folder)
    rows = read_table(folder, "facts")
    header, first = rows[0], rows[1]
    extra = []
    for n in range(20_000):
        row = list(first)
        row[header.index("id")] = f"copy-{n}"
        row[header.index("headline")] = ""
        extra.append(row)
    write_table(folder, "facts", rows + extra)
    assert len(load_dataset(folder).facts) == len(rows) - 1 + 20_000


# --------------------------------------------------------------------------- archives

def test_zip_of_the_dataset_folder_loads(tmp_path, dataset):
    loaded = load_dataset(make_zip(DATA, tmp_path / "facts.zip"))
    assert loaded.kind == "zip"
    assert loaded.display_name() == "facts.zip"
    assert list(loaded.facts.index) == list(dataset.facts.index)
    at_root = load_dataset(make_zip(DATA, tmp_path / "flat.zip", prefix=""))
    assert len(at_root.facts) == len(dataset.facts)


def test_zip_bomb(tmp_path):
    archive = tmp_path / "bomb.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("dataset/facts.csv", b"\0" * 20_000_000)
        zf.writestr("dataset/themes.csv", "id\n")
    assert_reports(archive, "bomb.zip: the entry “dataset/facts.csv” unpacks to",
                   "(a “zip bomb”); it was not opened.")


@pytest.mark.parametrize("name", ["../evil.csv", "dataset/../../evil.csv", "/etc/evil.csv",
                                  "C:/evil.csv", "..\\evil.csv"])
def test_zip_entry_climbing_out_of_its_folder(name, tmp_path):
    archive = make_zip(DATA, tmp_path / "dataset.zip")
    with zipfile.ZipFile(archive, "a") as zf:
        zf.writestr(zipfile.ZipInfo(name), "x")
    assert_reports(archive, f"the archive holds an entry named “{name}” that points outside its "
                            "folder; it was not opened.")


def test_zip_without_a_dataset(tmp_path):
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("holiday/beach.jpg", b"\xff\xd8\xff")
        zf.writestr("a/b/c/facts.csv", "too deep")
    assert_reports(archive, "photos.zip: the archive holds no facts.csv at its top or one folder down")


def test_truncated_zip(tmp_path):
    good = make_zip(DATA, tmp_path / "good.zip").read_bytes()
    archive = tmp_path / "cut.zip"
    archive.write_bytes(good[: len(good) // 2])
    assert_reports(archive, "cut.zip: cannot be opened as a zip archive", "Save or pack it again.")


def test_zip_with_a_damaged_entry(tmp_path):
    archive = tmp_path / "damaged.zip"
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_STORED) as zf:
        for name in ("themes.csv", "facts.csv", "sources.csv"):
            zf.write(DATA / name, f"dataset/{name}")
    data = bytearray(archive.read_bytes())
    at = data.find(b"eight-actions")  # flip bytes inside facts.csv: its CRC no longer matches
    data[at:at + 5] = b"XXXXX"
    archive.write_bytes(bytes(data))
    assert_reports(archive, "facts.csv: cannot be unpacked from the archive (Bad CRC-32")


def test_empty_zip(tmp_path):
    archive = tmp_path / "empty.zip"
    zipfile.ZipFile(archive, "w").close()
    assert_reports(archive, "empty.zip: the archive holds no facts.csv")


# --------------------------------------------------------------------------- workbooks

def test_workbook_loads(tmp_path, dataset):
    loaded = load_dataset(make_workbook(DATA, tmp_path / "facts.xlsx"))
    assert loaded.kind == "xlsx"
    assert list(loaded.facts.index) == list(dataset.facts.index)
    assert loaded.facts["value"].equals(dataset.facts["value"])
    assert loaded.facts["quote"].tolist() == dataset.facts["quote"].tolist()


def test_workbook_problems_name_the_sheet_and_the_row(tmp_path):
    def damage(book):
        book["facts"]["G7"] = "abc"  # column G is value
        book["facts"].insert_rows(3, amount=2)  # blank rows still count
    book = make_workbook(DATA, tmp_path / "facts.xlsx", mutate=damage)
    assert_reports(book, "facts.xlsx, sheet “facts”, row 9, column “value”: the value “abc” is "
                         "not a number")


def test_workbook_as_excel_types_it(tmp_path):
    """Numbers as numbers, 2023-12 turned into a date, sheet names capitalised: all read."""
    import datetime as dt

    def as_typed(book):
        sheet = book["facts"]
        header = [c.value for c in sheet[1]]
        value, as_of = header.index("value") + 1, header.index("as_of") + 1
        for row in range(2, sheet.max_row + 1):
            cell = sheet.cell(row, value)
            if cell.value:
                cell.value = float(cell.value) if "." in cell.value else int(cell.value)
            date = sheet.cell(row, as_of)
            if date.value and len(date.value) == 7:
                year, month = map(int, date.value.split("-"))
                date.value = dt.datetime(year, month, 1)
            elif date.value:
                date.value = int(date.value)
        sheet.title = "renamed"  # openpyxl refuses a new name equal to the old one but for case
        sheet.title = "Facts"
    loaded = load_dataset(make_workbook(DATA, tmp_path / "typed.xlsx", mutate=as_typed))
    assert loaded.fact("agri-demo-centres")["as_of"] == "2023-12"
    assert loaded.fact("agri-demo-centres")["value"] == 20


def test_workbook_missing_sheets(tmp_path):
    book = make_workbook(DATA, tmp_path / "book.xlsx", tables=("themes",))
    assert_reports(book, "book.xlsx: the workbook has no sheet named “facts”",
                   "book.xlsx: the workbook has no sheet named “sources”")


def test_workbook_with_an_empty_sheet(tmp_path):
    def empty(book):
        book.remove(book["facts"])
        book.create_sheet("facts")
    book = make_workbook(DATA, tmp_path / "book.xlsx", mutate=empty)
    assert_reports(book, "book.xlsx, sheet “facts”, row 1: the sheet is empty")


def test_workbook_with_duplicate_columns_and_a_huge_cell(tmp_path):
    def damage(book):
        book["themes"]["H1"] = "title_en"
        book["facts"]["E5"] = "长" * 30_000
    book = make_workbook(DATA, tmp_path / "book.xlsx", mutate=damage)
    assert_reports(book, "book.xlsx, sheet “themes”, row 1, column “title_en”: the column "
                         "“title_en” appears twice",
                   "book.xlsx, sheet “facts”, row 5, column “text_zh”: a cell holds 30,000 "
                   "characters")


def test_workbook_that_is_a_text_file(tmp_path):
    book = tmp_path / "report.xlsx"
    book.write_text("id,theme\nthis is really a CSV\n", encoding="utf-8")
    assert_reports(book, "report.xlsx: cannot be opened as a workbook (File is not a zip file)")


def test_zip_renamed_to_xlsx(tmp_path):
    book = tmp_path / "renamed.xlsx"
    book.write_bytes(make_zip(DATA, tmp_path / "dataset.zip").read_bytes())
    assert_reports(book, "renamed.xlsx: the workbook cannot be read", "save it again as .xlsx")


def test_workbook_claiming_a_million_rows_is_read_quickly(tmp_path, monkeypatch):
    """A sheet whose last cell is XFD1048576: read row by row, up to the row limit, no padding."""
    def far(book):
        book["facts"]["XFD1048576"] = "far away"
    book = make_workbook(DATA, tmp_path / "book.xlsx", mutate=far)
    assert len(load_dataset(book).facts) == 105
    monkeypatch.setattr(reader, "MAX_ROWS", 100)
    assert_reports(book, "book.xlsx, sheet “facts”: the sheet has more than 100 rows")


def test_workbook_with_an_entity_bomb(tmp_path):
    """“Billion laughs” in a sheet's XML: expat (2.4 and later) refuses to expand it."""
    import pyexpat
    if pyexpat.version_info < (2, 4, 0):
        pytest.skip("this expat does not limit entity expansion")
    book = make_workbook(DATA, tmp_path / "plain.xlsx")
    entities = '<!ENTITY lol "lol">' + "".join(
        f'<!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">' for i in range(1, 10))
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(book) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as out:
        sheet = next(n for n in source.namelist() if n.startswith("xl/worksheets/"))
        for info in source.infolist():
            data = source.read(info)
            if info.filename == sheet:
                text = data.decode("utf-8")
                body = text.split("?>", 1)[1] if text.startswith("<?xml") else text
                text = (f'<?xml version="1.0"?><!DOCTYPE worksheet [{entities}]>'
                        + body.replace("<sheetData>", '<sheetData><row r="1"><c r="A1" '
                                       't="inlineStr"><is><t>&lol9;</t></is></c></row>', 1))
                data = text.encode("utf-8")
            out.writestr(info, data)
    assert_reports(bomb, "bomb.xlsx, sheet “themes”: the sheet cannot be read (ParseError")


# --------------------------------------------------------------------------- paths

def test_paths_that_are_not_datasets(tmp_path):
    assert_reports(tmp_path / "nothing-here", "nothing-here: no such file or folder.")
    notes = tmp_path / "notes.txt"
    notes.write_text("hello")
    assert_reports(notes, "notes.txt: is neither a dataset folder, a .zip nor an .xlsx workbook")
    empty = tmp_path / "empty-folder"
    empty.mkdir()
    assert_reports(empty, "themes.csv: the file is missing", "facts.csv: the file is missing",
                   "sources.csv: the file is missing")


def test_choosing_facts_csv_opens_its_folder(dataset):
    loaded = load_dataset(DATA / "facts.csv")
    assert loaded.origin == DATA
    assert len(loaded.facts) == len(dataset.facts)


@pytest.mark.skipif(not POSIX, reason="POSIX pipes, links and devices")
def test_special_files_never_block(tmp_path):
    pipe = tmp_path / "dataset.zip"
    os.mkfifo(pipe)  # opening it for reading would wait for a writer forever
    assert_reports(pipe, "dataset.zip: is not a dataset (it is a pipe)")
    assert_reports("/dev/zero", "zero: is not a dataset (it is a device)")
    loop = tmp_path / "loop"
    os.symlink(tmp_path / "loop", loop)
    assert_reports(loop, "loop: cannot be read (a link that points to itself, in a loop)")
    dangling = tmp_path / "gone.zip"
    os.symlink(tmp_path / "missing.zip", dangling)
    assert_reports(dangling, "gone.zip: the link points to nothing")


def test_permission_denied(tmp_path, monkeypatch):
    """Simulated: the suite may run as root, for whom every file is readable."""
    import builtins
    folder = build_case(CASES[0], tmp_path / "dataset")
    real_open = builtins.open

    def refuse(path, *args, **kwargs):
        if str(path).endswith("facts.csv"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path, *args, **kwargs)
    monkeypatch.setattr(reader, "open", refuse, raising=False)
    assert_reports(folder, "facts.csv: cannot be read (permission denied)")


@pytest.mark.skipif(not POSIX, reason="POSIX pipes and links")
def test_validate_command_never_shows_a_traceback(tmp_path):
    pipe = tmp_path / "pipe.xlsx"
    os.mkfifo(pipe)
    loop = tmp_path / "loop.zip"
    os.symlink(loop, loop)
    junk = tmp_path / "junk.csv"
    junk.write_bytes(bytes(range(256)) * 64)
    empty = tmp_path / "empty"
    empty.mkdir()
    for path, words in ((pipe, "is not a dataset (it is a pipe)"),
                        (loop, "a link that points to itself"),
                        (junk, "is neither a dataset folder"),
                        (empty, "facts.csv: the file is missing"),
                        (tmp_path / "absent", "no such file or folder")):
        result = run_cli("validate", str(path))
        assert result.returncode == 1, (path, result.stdout, result.stderr)
        assert words in result.stdout
        assert "Traceback" not in result.stdout + result.stderr
    usage = run_cli("validate")
    assert usage.returncode == 2 and "usage:" in usage.stderr
    assert run_cli("validate", "a", "b").returncode == 2
    valid = run_cli("validate", str(DATA))
    assert valid.returncode == 0 and "valid — 105 facts" in valid.stdout


def test_validate_command_on_a_console_without_chinese():
    env = {**os.environ, "PYTHONIOENCODING": "ascii"}
    result = subprocess.run([sys.executable, "-m", "desktop", "validate",
                             str(REPO / "tests" / "broken" / "quote-not-in-article")],
                            cwd=REPO, env=env, capture_output=True, timeout=60)
    assert result.returncode == 1
    assert b"facts.csv, row 3" in result.stdout and b"Traceback" not in result.stderr


def test_problem_values_are_shortened(tmp_path):
    folder = build_case(CASES[0], tmp_path / "dataset")
    set_cells("facts", 7, value="9" * 5000 + "x")(folder)
    report = report_of(folder)
    assert len(report) < 2000
    assert "…" in report


def test_validation_limits_stay_what_the_docs_say():
    readme = (REPO / "data" / "README.md").read_text("utf-8")
    assert f"{reader.MAX_FILE_BYTES // 2**20} MiB" in readme
    assert f"{reader.MAX_ARCHIVE_BYTES // 2**30} GiB" in readme
    assert f"{reader.MAX_CELL_CHARS:,}" in readme
    assert f"{reader.MAX_ROWS:,}" in readme
    assert f"| {reader.MAX_COLUMNS} |" in readme
    assert f"| {reader.MAX_COMPRESSION_RATIO} times |" in readme
    assert f"{validation.MAX_THEME_DEPTH}" in readme
