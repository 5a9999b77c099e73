#!/usr/bin/env python3
"""Make a dataset of N facts in the bundled schema, for the scale benchmarks:

    python benchmarks/make_dataset.py 100000 /tmp/facts-100k

The bundled dataset is copied whole (so every theme keeps its facts, the overview its headline
figures, and every quote its place in the article), then facts are added until there are N:
copies of the bundled facts, varied (ids, titles, texts and values get a serial number), filed
in generated sub-themes of about 100 facts each under the bundled top-level themes. Every added
fact keeps a verbatim quote of the article, so the dataset passes validation like the real one.
Fewer facts than the bundled ones: the first N, with the themes they are filed under.
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"
FACTS_PER_THEME = 100


def _read(path: Path) -> tuple[list[str], list[dict[str, str]]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        return list(reader.fieldnames or []), list(reader)


def make_dataset(n_facts: int, target: str | Path) -> Path:
    """Write a dataset folder of ``n_facts`` facts at ``target`` (replaced if it exists)."""
    target = Path(target)
    if target.exists():
        shutil.rmtree(target)
    shutil.copytree(DATA, target)
    fact_cols, facts = _read(DATA / "facts.csv")
    theme_cols, themes = _read(DATA / "themes.csv")
    if n_facts < len(facts):  # a small dataset: the first facts, and the themes they need
        facts = facts[:max(1, n_facts)]
        parent_of = {t["id"]: t["parent"].strip() for t in themes}
        needed = set()
        for fact in facts:
            node = fact["theme"].strip()
            while node and node not in needed:
                needed.add(node)
                node = parent_of.get(node, "")
        themes = [t for t in themes if t["id"] in needed]
    extra = max(0, n_facts - len(facts))
    tops = [t for t in themes if not t["parent"].strip()][1:] or themes[:1]  # not the overview
    n_themes = (extra + FACTS_PER_THEME - 1) // FACTS_PER_THEME
    new_themes = []
    for j in range(n_themes):
        parent = tops[j % len(tops)]
        new_themes.append({
            "id": f"gen-{j}", "parent": parent["id"], "order": str(1000 + j),
            "title_zh": f"生成组 {j}", "title_en": f"Generated group {j}",
            "summary_zh": f"用于规模测试的第 {j} 组事实。", "summary_en": f"Facts of scale test group {j}.",
        })
    with open(target / "themes.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=theme_cols)
        writer.writeheader()
        writer.writerows(themes)
        writer.writerows(new_themes)
    with open(target / "facts.csv", "w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=fact_cols)
        writer.writeheader()
        writer.writerows(facts)
        for i in range(extra):
            base = facts[i % len(facts)]
            row = dict(base)
            row["id"] = f"{base['id']}-{i}"
            row["theme"] = f"gen-{i // FACTS_PER_THEME}"
            row["title_zh"] = f"{base['title_zh'][:16]} {i}"
            row["title_en"] = f"{base['title_en'][:36]} {i}"
            row["text_zh"] = f"{base['text_zh']}（第 {i} 条）"
            row["text_en"] = f"{base['text_en']} (no. {i})"
            if base["value"].strip():
                row["value"] = str(float(base["value"]) * (1 + (i % 7)))
            if "headline" in row:
                row["headline"] = ""
            writer.writerow(row)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("facts", type=int, help="how many facts")
    parser.add_argument("folder", help="where to write the dataset (replaced if it exists)")
    args = parser.parse_args(argv)
    folder = make_dataset(args.facts, args.folder)
    print(f"wrote {folder}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
