"""One error type for everything that can be wrong with a dataset, with every problem listed."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with a dataset, said so that a person can find and fix it.

    ``row`` counts as a spreadsheet does: the header is row 1, the first record row 2.
    """

    file: str
    message: str
    fix: str = ""
    row: int | None = None
    column: str | None = None

    def where(self) -> str:
        parts = [self.file]
        if self.row is not None:
            parts.append(f"row {self.row}")
        if self.column:
            parts.append(f"column “{self.column}”")
        return ", ".join(parts)

    def __str__(self) -> str:
        text = f"{self.where()}: {self.message}"
        if self.fix:
            text += f" — {self.fix}"
        return text


class DatasetError(Exception):
    """A dataset could not be opened; ``problems`` lists everything found, not only the first."""

    def __init__(self, problems: list[Problem], origin: str = ""):
        self.problems = list(problems)
        self.origin = origin
        super().__init__(self.report())

    def report(self, limit: int = 200) -> str:
        head = f"{len(self.problems)} problem(s) in {self.origin or 'the dataset'}:"
        lines = [head] + [f"  • {p}" for p in self.problems[:limit]]
        if len(self.problems) > limit:
            lines.append(f"  … and {len(self.problems) - limit} more")
        return "\n".join(lines)


class LoadCancelled(Exception):
    """The user cancelled a long load; the dataset that was open stays open."""
