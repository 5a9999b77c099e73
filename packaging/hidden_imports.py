"""The modules desktop/ imports by a name in a string, which PyInstaller's analysis cannot see:
``LazyModule("pandas")`` (desktop/base/lazy.py: pandas and numpy load on first use) and
``importlib.import_module("…")`` with a literal name. packaging/bri-facts.spec passes them as
hidden imports, so a new lazy import needs no change to the spec. Standard library only (the
tests import it without PyInstaller)."""

from __future__ import annotations

import ast
from pathlib import Path

CALLS = {"LazyModule", "import_module", "__import__"}


def _called_name(node: ast.Call) -> str | None:
    func = node.func
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return None


def string_imports(package: Path) -> list[str]:
    """Every literal module name passed to LazyModule / import_module / __import__ in package."""
    found: set[str] = set()
    for path in sorted(package.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and _called_name(node) in CALLS and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.add(node.args[0].value)
    return sorted(found)


if __name__ == "__main__":
    print("\n".join(string_imports(Path(__file__).resolve().parent.parent / "desktop")))
