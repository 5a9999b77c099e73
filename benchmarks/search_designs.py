#!/usr/bin/env python3
"""Search designs compared on the generated datasets, before choosing one (docs/benchmarks.md):

    python benchmarks/search_designs.py                    100k and 1M facts, every design
    python benchmarks/search_designs.py --sizes 100000 --designs words,haystack
    python benchmarks/search_designs.py --doc              …and write the table into the docs

Each design runs in a process of its own (so that its memory is its own) on a dataset made by
benchmarks/make_dataset.py, and is timed the way the window uses it: the queries of the scale
benchmark typed one key at a time (every prefix searched in turn, so designs that narrow while
typing can), 3 runs, each run starting cold. Times are the search call alone, without the window.

* ``haystack``: one case-folded string per fact, ``in`` mapped over them in C, a query that extends
  the previous one searched among its matches (the implementation before the word index).
* ``one string``: all facts in one case-folded string, ``str.find`` from match to match (skipping
  to the next fact after a match), the offsets mapped to facts with ``numpy.searchsorted``.
* ``fts5``: SQLite FTS5 with the trigram tokenizer (in memory); words of 1–2 characters, which a
  trigram index cannot answer, scan the stored text with ``instr`` instead.
* ``words``: desktop.domain.search.SearchIndex — shared words, per-fact profiles, own words.

Every design's answers are checked against the haystack scan.
"""

from __future__ import annotations

import argparse
import json
import operator
import os
import statistics
import subprocess
import sys
import time
from itertools import repeat
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(HERE))

from scale import SEARCH_QUERIES, summary  # noqa: E402

DESIGNS = ("haystack", "one string", "fts5", "words")
DOC = REPO / "docs" / "benchmarks.md"
START, END = "<!-- designs:start -->", "<!-- designs:end -->"
MIB = 2 ** 20


def _status(key: str) -> float:
    with open("/proc/self/status") as handle:
        for line in handle:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return 0.0


# --------------------------------------------------------------------------- the designs


class Design:
    """search(words) -> fact ids, as the window gets them; rows(ids) -> positions, to compare."""

    def __init__(self, dataset):
        import numpy as np
        self.np = np
        self.ids = dataset.facts.index.to_numpy(dtype=object)
        self.position = {fid: i for i, fid in enumerate(self.ids)}

    def search(self, words: list[str]) -> list[str]:
        return self.ids[self.find(words)].tolist()

    def rows(self, ids: list[str]) -> list[int]:
        return [self.position[i] for i in ids]


class Haystack(Design):
    def __init__(self, dataset):
        super().__init__(dataset)
        import numpy as np
        from desktop.domain.search import fact_texts
        self.hay = np.array(list(fact_texts(dataset)), dtype=object)
        self.last: tuple[str, object] | None = None

    def find(self, words: list[str]):
        np = self.np
        key = " ".join(words)
        rows = np.arange(len(self.hay))
        if self.last and self.last[0] and key.startswith(self.last[0]) \
                and " " not in key[len(self.last[0]) - 1:len(self.last[0])]:
            rows = self.last[1]
        for word in words:
            texts = self.hay[rows]
            rows = rows[np.fromiter(map(operator.contains, texts, repeat(word)), dtype=bool,
                                    count=len(texts))]
        self.last = (key, rows)
        return rows


class OneString(Design):
    def __init__(self, dataset):
        super().__init__(dataset)
        import numpy as np
        from desktop.domain.search import fact_texts
        texts = [t.replace("\n", " ") for t in fact_texts(dataset)]
        self.text = "\n".join(texts) + "\n"  # "\n" ends each fact: no query word holds one
        lengths = np.fromiter(map(len, texts), dtype=np.int64, count=len(texts)) + 1
        self.starts = np.cumsum(lengths) - lengths

    def find(self, words: list[str]):
        np = self.np
        rows = None
        for word in words:
            found, find, at = [], self.text.find, 0
            while True:
                at = find(word, at)
                if at < 0:
                    break
                found.append(at)
                at = find("\n", at) + 1  # on to the next fact
            hits = np.searchsorted(self.starts, np.array(found, dtype=np.int64), side="right") - 1
            rows = hits if rows is None else np.intersect1d(rows, hits, assume_unique=True)
        return rows


class Fts5(Design):
    def __init__(self, dataset):
        super().__init__(dataset)
        import sqlite3

        from desktop.domain.search import fact_texts
        self.db = sqlite3.connect(":memory:")
        self.db.execute("CREATE VIRTUAL TABLE facts USING fts5(text, tokenize='trigram')")
        self.db.executemany("INSERT INTO facts(rowid, text) VALUES (?, ?)",
                            enumerate(fact_texts(dataset)))
        self.db.commit()

    def find(self, words: list[str]):
        np = self.np
        rows = None
        for word in words:
            if len(word) >= 3:
                cursor = self.db.execute("SELECT rowid FROM facts WHERE facts MATCH ?",
                                         ('"' + word.replace('"', '""') + '"',))
            else:  # the trigram index cannot answer: a scan of the stored text
                cursor = self.db.execute("SELECT rowid FROM facts WHERE instr(text, ?) > 0", (word,))
            hits = np.fromiter((r for (r,) in cursor), dtype=np.int64)
            hits.sort()
            rows = hits if rows is None else np.intersect1d(rows, hits, assume_unique=True)
        return rows


class Words(Design):
    def __init__(self, dataset):
        super().__init__(dataset)
        from desktop.domain.search import SearchIndex
        self.index = SearchIndex(dataset)

    def search(self, words: list[str]) -> list[str]:
        return self.index.search(" ".join(words))

    def forget(self) -> None:
        self.index._words.clear()


MAKERS = {"haystack": Haystack, "one string": OneString, "fts5": Fts5, "words": Words}


def measure(design: str, folder: str, runs: int) -> dict:
    from desktop.domain import load_dataset
    from desktop.domain.search import query_words
    dataset = load_dataset(folder)
    rss0, hwm0 = _status("VmRSS:"), _status("VmHWM:")
    started = time.perf_counter()
    engine = MAKERS[design](dataset)
    build = time.perf_counter() - started
    result = {"design": design, "facts": len(dataset.facts), "build_s": build,
              "rss_mib": _status("VmRSS:") - rss0, "peak_mib": max(0.0, _status("VmHWM:") - hwm0)}
    reference = Haystack(dataset) if design != "haystack" else None
    times, by_script, wrong = [], {"ascii": [], "chinese": []}, 0
    for _ in range(runs):
        if hasattr(engine, "forget"):
            engine.forget()
        for attr in ("last",):
            if hasattr(engine, attr):
                setattr(engine, attr, None)
        for query in SEARCH_QUERIES:
            for end in range(1, len(query) + 1):
                words = query_words(query[:end])
                began = time.perf_counter()
                ids = engine.search(words)
                times.append(time.perf_counter() - began)
                by_script["ascii" if query.isascii() else "chinese"].append(times[-1])
                if reference is not None:
                    reference.last = None
                    if list(reference.find(words)) != engine.rows(ids):
                        wrong += 1
    result.update(all=summary(times), ascii=summary(by_script["ascii"]),
                  chinese=summary(by_script["chinese"]), wrong=wrong)
    return result


# --------------------------------------------------------------------------- report


def table(results: list[dict]) -> str:
    lines = [f"The search call alone (no window), per keystroke of {' and '.join(SEARCH_QUERIES)} "
             "typed key by key, each run starting cold; median / p95 in ms. Memory: what the "
             "process's resident memory grew by with the design built (MiB), and in brackets how "
             "far building raised its peak above the peak of loading.", "",
             "| facts | design | build, s | memory, MiB (peak) | ASCII, ms | "
             "Chinese, ms | all keys, ms | answers |", "|---|---|---|---|---|---|---|---|"]
    for r in results:
        if "error" in r:
            lines.append(f"| {r['facts']:,} | {r['design']} | – | – | – | – | – | {r['error']} |")
            continue

        def ms(s):
            return f"{s['median'] * 1000:.1f} / {s['p95'] * 1000:.1f}"
        lines.append(f"| {r['facts']:,} | {r['design']} | {r['build_s']:.1f} | "
                     f"{r['rss_mib']:.0f} ({r['peak_mib']:.0f}) | {ms(r['ascii'])} | "
                     f"{ms(r['chinese'])} | {ms(r['all'])} | "
                     f"{'as the scan' if not r['wrong'] else str(r['wrong']) + ' differ'} |")
    return "\n".join(lines)


def write_doc(text: str) -> None:
    current = DOC.read_text(encoding="utf-8")
    block = f"{START}\n{text}\n{END}"
    if START in current and END in current:
        head, rest = current.split(START, 1)
        DOC.write_text(head + block + rest.split(END, 1)[1], encoding="utf-8")
    else:
        DOC.write_text(current.rstrip() + "\n\n## Search designs compared\n\n" + block + "\n",
                       encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000")
    parser.add_argument("--designs", default=",".join(DESIGNS))
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--doc", action="store_true", help="write the table into docs/benchmarks.md")
    parser.add_argument("--one", nargs=2, metavar=("DESIGN", "FOLDER"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print("DESIGN_JSON " + json.dumps(measure(args.one[0], args.one[1], args.runs)), flush=True)
        return 0
    from run import dataset_for
    results = []
    for n in (int(s) for s in args.sizes.split(",")):
        folder = dataset_for(n)
        for design in args.designs.split(","):
            proc = subprocess.run([sys.executable, __file__, "--runs", str(args.runs), "--one",
                                   design, str(folder)], capture_output=True, text=True,
                                  env=dict(os.environ, PYTHONHASHSEED="0"))
            line = next((l for l in proc.stdout.splitlines() if l.startswith("DESIGN_JSON ")), None)
            if line is None:
                tail = (proc.stderr.strip().splitlines() or ["failed"])[-1][:120]
                results.append({"design": design, "facts": n, "error": tail})
            else:
                results.append(json.loads(line[len("DESIGN_JSON "):]))
            r = results[-1]
            print(f"{n:,} {design}: " + (r.get("error") or
                  f"build {r['build_s']:.1f} s, +{r['rss_mib']:.0f} MiB (peak +{r['peak_mib']:.0f}), "
                  f"p95 {r['all']['p95'] * 1000:.1f} ms, median {r['all']['median'] * 1000:.1f} ms, "
                  f"wrong {r['wrong']}"), flush=True)
    text = table(results)
    print()
    print(text)
    if args.doc:
        write_doc(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
