"""What a dataset is made of, by name: its tables and their files, each table's columns, how a
cell lists keys, and the progress callback of a load. The one home of these names: the reader,
the validator, the dataset and the window (which only needs the file names before any data is
read) all take them from here, so that naming them costs no parser and no checks."""

from __future__ import annotations

from typing import Callable

TABLES = ("themes", "facts", "sources", "vocabulary")
REQUIRED_TABLES = ("themes", "facts", "sources")
#: The file names a person may pick instead of their folder (``facts.csv`` opens its folder).
TABLE_FILES = tuple(f"{t}.csv" for t in TABLES)

COLUMNS = {
    "themes": ("id", "parent", "order", "title_zh", "title_en", "summary_zh", "summary_en"),
    "facts": ("id", "theme", "title_zh", "title_en", "text_zh", "text_en", "value", "qualifier",
              "unit_zh", "unit_en", "as_of", "quote", "source", "attribution", "places", "tags"),
    "sources": ("id", "title_zh", "title_en", "file"),
    "vocabulary": ("kind", "key", "name_zh", "name_en"),
}
OPTIONAL = {
    "facts": ("headline",),
    "sources": ("citation_zh", "citation_en"),
    "vocabulary": ("note_zh", "note_en"),
}

Progress = Callable[[str, float], bool]
"""progress(step, fraction) -> keep going? Returning False cancels the load."""


def no_progress(step: str, fraction: float) -> bool:
    """The progress callback of a load nobody watches."""
    return True


def split_keys(cell: str) -> list[str]:
    """The keys of a ``places``, ``tags`` (or other ``;``-separated) cell, in their order."""
    return [k.strip() for k in str(cell or "").split(";") if k.strip()]
