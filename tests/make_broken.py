"""The broken-dataset corpus, part two: small mutations of the bundled data, each with the words
its report must contain, plus helpers that pack a dataset folder as a .zip or an .xlsx workbook.

Part one is ``tests/broken/``: one folder per case, kept as plain files (see its README.md).
Every case here is built at test time into a temporary copy of ``data/``; rows are counted as a
spreadsheet shows them (the header is row 1), so “facts.csv, row 7” is the 6th fact."""

from __future__ import annotations

import csv
import io
import os
import shutil
import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import Callable

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
BROKEN = Path(__file__).resolve().parent / "broken"
TABLES = ("themes", "facts", "sources", "vocabulary")


# --------------------------------------------------------------------------- table editing

def read_table(folder: Path, table: str) -> list[list[str]]:
    with open(folder / f"{table}.csv", encoding="utf-8-sig", newline="") as handle:
        return [row for row in csv.reader(handle)]


def write_table(folder: Path, table: str, rows: list[list[str]], encoding: str = "utf-8") -> None:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    (folder / f"{table}.csv").write_bytes(buffer.getvalue().encode(encoding))


def set_cells(table: str, row: int, **cells: str) -> Callable[[Path], None]:
    """Set cells of one row (a spreadsheet row number: header = 1)."""
    def mutate(folder: Path) -> None:
        rows = read_table(folder, table)
        header = rows[0]
        for column, value in cells.items():
            rows[row - 1][header.index(column)] = value
        write_table(folder, table, rows)
    return mutate


def drop_column(table: str, column: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        rows = read_table(folder, table)
        at = rows[0].index(column)
        write_table(folder, table, [r[:at] + r[at + 1:] for r in rows])
    return mutate


def append_rows(table: str, make: Callable[[list[str]], list[list[str]]]) -> Callable[[Path], None]:
    """``make(header)`` returns the rows to append, as lists in the header's order."""
    def mutate(folder: Path) -> None:
        rows = read_table(folder, table)
        write_table(folder, table, rows + make(rows[0]))
    return mutate


def row_dict(header: list[str], **cells: str) -> list[str]:
    return [cells.get(column, "") for column in header]


def both(*mutations: Callable[[Path], None]) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        for mutation in mutations:
            mutation(folder)
    return mutate


def remove(name: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).unlink()


def replace_bytes(name: str, data: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(data)


def _folder_instead(name: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).mkdir()
    return mutate


def _fifo_instead(name: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        (folder / name).unlink()
        os.mkfifo(folder / name)
    return mutate


def _link_loop(name: str) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        (folder / name).unlink()
        os.symlink(folder / "loop-b", folder / "loop-a")
        os.symlink(folder / "loop-a", folder / "loop-b")
        os.symlink(folder / "loop-a", folder / name)
    return mutate


def _theme_chain(depth: int) -> Callable[[Path], None]:
    """A chain of ``depth`` themes under the overview, each the parent of the next."""
    def make(header: list[str]) -> list[list[str]]:
        rows, parent = [], "overview"
        for level in range(depth):
            rows.append(row_dict(header, id=f"deep-{level}", parent=parent, order="1",
                                 title_zh=f"第{level}层", title_en=f"Level {level}"))
            parent = f"deep-{level}"
        return rows
    return append_rows("themes", make)


def _copy_row(table: str, row: int) -> Callable[[Path], None]:
    def mutate(folder: Path) -> None:
        rows = read_table(folder, table)
        write_table(folder, table, rows + [list(rows[row - 1])])
    return mutate


def _swap_parents(a: int, b: int) -> Callable[[Path], None]:
    """Themes of rows a and b become each other's parent: a loop of two."""
    def mutate(folder: Path) -> None:
        rows = read_table(folder, "themes")
        header = rows[0]
        pid, col = header.index("id"), header.index("parent")
        rows[a - 1][col], rows[b - 1][col] = rows[b - 1][pid], rows[a - 1][pid]
        write_table(folder, "themes", rows)
    return mutate


# --------------------------------------------------------------------------- the table of cases

@dataclass(frozen=True)
class Case:
    id: str
    mutate: Callable[[Path], None]
    expect: tuple[str, ...]  # each must appear in the report, verbatim
    posix_only: bool = False


FIGURE = dict(value="10", qualifier="exact", unit_zh="个", unit_en="items")

CASES: list[Case] = [
    Case("value-not-a-number", set_cells("facts", 7, value="abc"),
         ("facts.csv, row 7, column “value”: the value “abc” is not a number",)),
    Case("value-with-wan", set_cells("facts", 8, value="7.4万"),
         ("facts.csv, row 8, column “value”: the value “7.4万” is not a number",
          "7.4万 → 74000")),
    Case("value-negative", set_cells("facts", 9, **{**FIGURE, "value": "-3"}),
         ("facts.csv, row 9, column “value”: the value “-3” is negative",)),
    Case("value-huge", set_cells("facts", 10, **{**FIGURE, "value": "1e20"}),
         ("facts.csv, row 10, column “value”: the value “1e20” is larger than 10^15",)),
    Case("value-infinite", set_cells("facts", 10, **{**FIGURE, "value": "inf"}),
         ("facts.csv, row 10, column “value”: the value “inf” is not a number",)),
    Case("qualifier-unknown", set_cells("facts", 7, **{**FIGURE, "qualifier": "approx"}),
         ("facts.csv, row 7, column “qualifier”: the qualifier “approx” is not one of exact, "
          "more_than, about",)),
    Case("figure-without-qualifier", set_cells("facts", 7, **{**FIGURE, "qualifier": ""}),
         ("facts.csv, row 7, column “qualifier”: a figure has no qualifier",)),
    Case("qualifier-without-value", set_cells("facts", 7, value="", qualifier="about"),
         ("facts.csv, row 7, column “value”: a qualifier is given but no value",)),
    Case("figure-without-unit", set_cells("facts", 11, **{**FIGURE, "unit_en": ""}),
         ("facts.csv, row 11, column “unit_en”: a figure has no unit",)),
    Case("date-with-slash", set_cells("facts", 12, as_of="2023/12"),
         ("facts.csv, row 12, column “as_of”: the date “2023/12” is not a year or a year and month",)),
    Case("date-month-13", set_cells("facts", 12, as_of="2023-13"),
         ("facts.csv, row 12, column “as_of”: the date “2023-13” is not a year",)),
    Case("theme-unknown", set_cells("facts", 13, theme="no-such-theme"),
         ("facts.csv, row 13, column “theme”: the theme “no-such-theme” does not exist",)),
    Case("source-unknown", set_cells("facts", 14, source="newspaper"),
         ("facts.csv, row 14, column “source”: the source “newspaper” does not exist",)),
    Case("title-empty", set_cells("facts", 15, title_en="  "),
         ("facts.csv, row 15, column “title_en”: the title_en is empty",)),
    Case("quote-edited", set_cells("facts", 16, quote="这句话不在文章里"),
         ("facts.csv, row 16, column “quote”: the quote “这句话不在文章里” is not found word for "
          "word in its source text",)),
    Case("fact-id-duplicate", both(set_cells("facts", 7, id="same-id"),
                                   set_cells("facts", 8, id="same-id")),
         ("facts.csv, row 8, column “id”: the id “same-id” is used by an earlier row too",)),
    Case("fact-id-odd-characters", set_cells("facts", 7, id="fact 7!"),
         ("facts.csv, row 7, column “id”: the id “fact 7!” has characters other than",)),
    Case("headline-not-a-number", set_cells("facts", 7, headline="first"),
         ("facts.csv, row 7, column “headline”: the headline rank “first” is not a whole number",)),
    Case("facts-column-missing", drop_column("facts", "quote"),
         ("facts.csv, row 1, column “quote”: the column “quote” is missing",)),
    Case("sources-column-missing", drop_column("sources", "file"),
         ("sources.csv, row 1, column “file”: the column “file” is missing",)),
    Case("theme-parent-unknown", set_cells("themes", 3, parent="ghost"),
         ("themes.csv, row 3, column “parent”: the parent theme “ghost” does not exist",)),
    Case("theme-loop-of-two", _swap_parents(3, 4),
         ("themes.csv, row 3, column “parent”: the themes form a loop",)),
    Case("theme-order-not-a-number", set_cells("themes", 3, order="second"),
         ("themes.csv, row 3, column “order”: the order “second” is not a whole number",)),
    Case("theme-id-empty", set_cells("themes", 5, id=""),
         ("themes.csv, row 5, column “id”: the id is empty",)),
    Case("theme-without-facts",
         append_rows("themes", lambda h: [row_dict(h, id="empty-theme", parent="overview",
                                                   order="9", title_zh="空", title_en="Empty")]),
         ("column “id”: the theme “empty-theme” has no facts, in itself or below it",)),
    Case("theme-chain-5000-deep", _theme_chain(5000),
         ("levels deep; at most 32 are allowed",)),
    Case("source-path-escapes", set_cells("sources", 2, file="../../etc/passwd"),
         ("sources.csv, row 2, column “file”: the file name “../../etc/passwd” points outside the "
          "dataset folder",)),
    Case("source-file-not-named", set_cells("sources", 2, file=""),
         ("sources.csv, row 2, column “file”: no text file is named",)),
    Case("article-missing", remove("sources/article.txt"),
         ("sources.csv, row 2, column “file”: the source text “sources/article.txt” is missing",)),
    Case("article-binary", replace_bytes("sources/article.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR"),
         ("sources/article.txt: this is not a text file (it holds binary data)",)),
    Case("facts-missing", remove("facts.csv"),
         ("facts.csv: the file is missing",)),
    Case("facts-is-a-folder", _folder_instead("facts.csv"),
         ("facts.csv: is not an ordinary file (it is a folder)",)),
    Case("facts-is-a-pipe", _fifo_instead("facts.csv"),
         ("facts.csv: is not an ordinary file (it is a pipe)",), posix_only=True),
    Case("facts-link-loop", _link_loop("facts.csv"),
         ("facts.csv: cannot be read (a link that points to itself, in a loop)",), posix_only=True),
    Case("vocabulary-kind-unknown", set_cells("vocabulary", 2, kind="person"),
         ("vocabulary.csv, row 2, column “kind”: the kind “person” is not one of place, tag, "
          "attribution",)),
    Case("vocabulary-key-twice", _copy_row("vocabulary", 2),
         ("column “key”: the key", "is defined twice for the same kind")),
    Case("cell-of-a-megabyte", set_cells("facts", 7, text_en="x" * 1_000_000),
         ("facts.csv, row 7, column “text_en”: a cell holds 1,000,000 characters; the limit is "
          "20,000",)),
]


def build_case(case: Case, target: Path) -> Path:
    """A copy of the bundled data at ``target`` with the case's defect."""
    shutil.copytree(DATA, target)
    case.mutate(target)
    return target


# --------------------------------------------------------------------------- tests/broken/

def static_cases() -> list[tuple[str, Path, list[str]]]:
    """(name, folder, expected fragments) of every folder in tests/broken/; ["valid"] must load."""
    found = []
    for folder in sorted(BROKEN.iterdir()):
        if folder.is_dir() and (folder / "EXPECT").is_file():
            expect = [line for line in (folder / "EXPECT").read_text("utf-8").splitlines() if line]
            found.append((folder.name, folder, expect))
    return found


# --------------------------------------------------------------------------- packing

def make_zip(folder: Path, target: Path, prefix: str = "dataset/") -> Path:
    """Pack a dataset folder as a .zip, its files under ``prefix`` (as a zip tool does)."""
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for path in sorted(folder.rglob("*")):
            if path.is_file():
                archive.write(path, prefix + path.relative_to(folder).as_posix())
    return target


def make_workbook(folder: Path, target: Path, tables=TABLES, mutate=None) -> Path:
    """Write the CSV tables of a folder as sheets of one .xlsx (openpyxl), with the source texts
    copied next to it. ``mutate(workbook)`` may change it before it is saved."""
    import openpyxl
    book = openpyxl.Workbook()
    book.remove(book.active)
    for table in tables:
        sheet = book.create_sheet(table)
        for row in read_table(folder, table):
            sheet.append(row)
    if mutate is not None:
        mutate(book)
    book.save(target)
    if (folder / "sources").is_dir() and target.parent != folder:
        shutil.copytree(folder / "sources", target.parent / "sources", dirs_exist_ok=True)
    return target
