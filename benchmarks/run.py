#!/usr/bin/env python3
"""`make bench`: start-up, memory, size, scale and export figures of the app, beside two baseline
windows, with pass/miss against the targets. Prints a table, writes the same figures to
benchmarks/results/latest.json and the table into docs/benchmarks.md (between its result markers).

    python benchmarks/run.py            everything (about 10–15 minutes on 2 cores)
    python benchmarks/run.py --quick    3 runs instead of 5 where that is allowed, no 1M dataset
    python benchmarks/run.py --only startup,size    a part (startup, size, scale, export)

Start-up is measured from inside and outside: the launcher reads ``time.perf_counter()`` just
before starting the process and hands it over (``BRI_FACTS_BENCH_T0``); with ``BRI_FACTS_BENCH=1``
the app (desktop/ui/bench.py) and the baselines (benchmarks/_marks.py) print a marker at their
first paint with content and at their first chart painted, then quit. The launcher takes the
process's wall time and peak RSS (``os.wait4``; for the single file that includes the unpacked
child). Runs under Xvfb when it is installed (a real X server, the xcb platform plugin), on Qt's
offscreen platform otherwise. Each start-up figure is the median of the runs (after one
unmeasured warm-up run), with min and max.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))
from scale import summary  # noqa: E402

PY = sys.executable
DIST = REPO / "dist"
BENCH_DIST = REPO / "build" / "bench" / "dist"
DATASETS = REPO / "build" / "bench" / "datasets"
RESULTS = HERE / "results" / "latest.json"
DOC = REPO / "docs" / "benchmarks.md"
START, END = "<!-- results:start -->", "<!-- results:end -->"
MIB = 2 ** 20

SCALE_SIZES = (1_000, 10_000, 100_000, 1_000_000)

TARGETS = {
    "content_ratio": ("time to content ≤ 0.8× the minimal stack window (same build kind)", 0.8),
    "chart_ratio": ("first chart ≤ 1.1× the minimal stack window (same build kind)", 1.1),
    "single_file_content_s": ("single file shows content within 1.6 s", 1.6),
    "rss_vs_minimal": ("peak RSS ≤ the minimal stack window's (same build kind)", 1.0),
    "single_file_mib": ("single file ≤ 80 MiB", 80.0),
    "load_100k_s": ("100k facts: load ≤ 1.5 s", 1.5),
    "search_p95_100k_s": ("100k facts: search p95 ≤ 50 ms", 0.050),
    "rss_100k_mib": ("100k facts: RSS ≤ 400 MB", 400 * 1e6 / MIB),
    "loads_1m": ("1M facts: loads", None),
    "search_p95_1m_s": ("1M facts: search p95 ≤ 300 ms", 0.300),
    "png_1080_s": ("export 1920×1080 ≤ 150 ms", 0.150),
    "png_2160_s": ("export 3840×2160 ≤ 500 ms", 0.500),
}


# ------------------------------------------------------------------ display
class Display:
    """Xvfb on a free display number when available; Qt's offscreen platform otherwise."""

    def __init__(self, use_xvfb: bool = True) -> None:
        self.proc = None
        self.env: dict[str, str] = {"QT_QPA_PLATFORM": "offscreen"}
        self.name = "offscreen"
        xvfb = shutil.which("Xvfb") if use_xvfb else None
        if not xvfb:
            return
        for number in range(140, 200):
            if Path(f"/tmp/.X11-unix/X{number}").exists() or Path(f"/tmp/.X{number}-lock").exists():
                continue
            proc = subprocess.Popen([xvfb, f":{number}", "-screen", "0", "1920x1080x24", "-nolisten",
                                     "tcp"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
            deadline = time.monotonic() + 10
            while time.monotonic() < deadline and proc.poll() is None:
                if Path(f"/tmp/.X11-unix/X{number}").exists():
                    self.proc = proc
                    self.env = {"QT_QPA_PLATFORM": "xcb", "DISPLAY": f":{number}"}
                    self.name = f"Xvfb :{number} (xcb)"
                    return
                time.sleep(0.05)
            proc.kill()
            proc.wait()

    def close(self) -> None:
        if self.proc is not None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


def base_env(display: Display, home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "BRI_FACTS", "_PYI")) and k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    env.update(display.env)
    env["BRI_FACTS_HOME"] = str(home)
    env.setdefault("LANG", "C.UTF-8")
    return env


# ------------------------------------------------------------------ builds
def ensure_builds(log) -> None:
    if not (DIST / "bri-facts").is_file() or not (DIST / "bri-facts-onedir" / "bri-facts").is_file():
        log("building the app (packaging/bri-facts.spec) …")
        subprocess.run([PY, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST), "--workpath",
                        str(REPO / "build" / "pyinstaller"), str(REPO / "packaging" / "bri-facts.spec")],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wanted = [BENCH_DIST / n for n in ("bare-window", "minimal-stack", "bare-window-onedir/bare-window-dir",
                                       "minimal-stack-onedir/minimal-stack-dir")]
    if not all(p.is_file() for p in wanted):
        log("building the baseline windows (benchmarks/baselines.spec) …")
        subprocess.run([PY, "-m", "PyInstaller", "--noconfirm", "--distpath", str(BENCH_DIST), "--workpath",
                        str(REPO / "build" / "bench" / "work"), str(HERE / "baselines.spec")],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def variants() -> dict[str, dict[str, list[str]]]:
    """program → build kind → command line."""
    return {
        "app": {"python": [PY, "-m", "desktop", "--lang", "zh"],
                "onedir": [str(DIST / "bri-facts-onedir" / "bri-facts"), "--lang", "zh"],
                "single file": [str(DIST / "bri-facts"), "--lang", "zh"]},
        "bare window": {"python": [PY, str(HERE / "bare_window.py")],
                        "onedir": [str(BENCH_DIST / "bare-window-onedir" / "bare-window-dir")],
                        "single file": [str(BENCH_DIST / "bare-window")]},
        "minimal stack": {"python": [PY, str(HERE / "minimal_stack.py")],
                          "onedir": [str(BENCH_DIST / "minimal-stack-onedir" / "minimal-stack-dir")],
                          "single file": [str(BENCH_DIST / "minimal-stack")]},
    }


# ------------------------------------------------------------------ start-up and memory
def start_once(cmd: list[str], env: dict[str, str], timeout: float = 90.0) -> dict:
    env = dict(env, BRI_FACTS_BENCH="1")
    out = tempfile.TemporaryFile()
    t0 = time.perf_counter()
    env["BRI_FACTS_BENCH_T0"] = repr(t0)
    proc = subprocess.Popen(cmd, env=env, stdout=out, stderr=subprocess.STDOUT, cwd=REPO)
    deadline = t0 + timeout
    while True:
        pid, status, usage = os.wait4(proc.pid, os.WNOHANG)
        if pid:
            break
        if time.perf_counter() > deadline:
            proc.kill()
            pid, status, usage = os.wait4(proc.pid, 0)
            break
        time.sleep(0.002)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    out.seek(0)
    text = out.read().decode("utf-8", "replace")
    marks = {}
    for line in text.splitlines():
        if line.startswith("BRI_FACTS_BENCH "):
            _, name, value = line.split()
            marks[name] = float(value)
    rss = usage.ru_maxrss / (MIB if sys.platform == "darwin" else 1024)
    return {"code": proc.returncode, "wall": wall, "rss_mib": rss, "marks": marks,
            "output": text[-2000:]}


def bench_startup(runs: int, display: Display, log) -> dict:
    results: dict = {}
    for program, kinds in variants().items():
        for kind, cmd in kinds.items():
            samples = []
            for i in range(runs + 1):  # the first run warms the disk cache and is not counted
                with tempfile.TemporaryDirectory(prefix="bri-facts-bench-") as home:
                    sample = start_once(cmd, base_env(display, Path(home)))
                if sample["code"] != 0 or "content" not in sample["marks"] or "chart" not in sample["marks"]:
                    raise RuntimeError(f"{program} ({kind}) did not start cleanly: exit "
                                       f"{sample['code']}\n{sample['output']}")
                if i:
                    samples.append(sample)
            entry = {
                "content": summary([s["marks"]["content"] for s in samples]),
                "chart": summary([s["marks"]["chart"] for s in samples]),
                "exit": summary([s["wall"] for s in samples]),
                "rss_mib": summary([s["rss_mib"] for s in samples]),
            }
            results.setdefault(program, {})[kind] = entry
            log(f"  {program:<14} {kind:<12} content {entry['content']['median']:.3f} s  "
                f"chart {entry['chart']['median']:.3f} s  RSS {entry['rss_mib']['median']:.0f} MiB")
    return results


# ------------------------------------------------------------------ size
def tree_mib(path: Path) -> float:
    if path.is_file():
        return path.stat().st_size / MIB
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / MIB


def bench_size() -> dict:
    return {
        "app single file": tree_mib(DIST / "bri-facts"),
        "app onedir": tree_mib(DIST / "bri-facts-onedir"),
        "bare window single file": tree_mib(BENCH_DIST / "bare-window"),
        "bare window onedir": tree_mib(BENCH_DIST / "bare-window-onedir"),
        "minimal stack single file": tree_mib(BENCH_DIST / "minimal-stack"),
        "minimal stack onedir": tree_mib(BENCH_DIST / "minimal-stack-onedir"),
    }


# ------------------------------------------------------------------ scale and export
def _child_json(args: list[str], env: dict[str, str], timeout: float) -> dict:
    proc = subprocess.run([PY, str(HERE / "scale.py"), *args], env=env, cwd=REPO, capture_output=True,
                          text=True, encoding="utf-8", errors="replace", timeout=timeout)
    for line in proc.stdout.splitlines():
        if line.startswith("BRI_FACTS_BENCH_JSON "):
            return json.loads(line[len("BRI_FACTS_BENCH_JSON "):])
    raise RuntimeError(f"scale.py {' '.join(args)} failed (exit {proc.returncode}):\n"
                       f"{(proc.stdout + proc.stderr)[-3000:]}")


def dataset_for(n: int) -> Path:
    from make_dataset import make_dataset
    folder = DATASETS / f"{n}"
    stamp = folder / ".complete"
    if not stamp.exists():
        make_dataset(n, folder)
        stamp.write_text("ok")
    return folder


def bench_scale(sizes, runs: int, display: Display, log) -> dict:
    results = {}
    for n in sizes:
        log(f"  {n:,} facts: dataset (made once, kept in build/bench/datasets) …")
        folder = dataset_for(n)
        with tempfile.TemporaryDirectory(prefix="bri-facts-bench-") as home:
            entry = _child_json(["scale", str(folder), "--runs", str(runs)],
                                base_env(display, Path(home)), timeout=1800)
        entry["csv_mib"] = (folder / "facts.csv").stat().st_size / MIB
        results[str(n)] = entry
        if "refused" in entry:
            log(f"  {n:,} facts: refused by the loader: {entry['refused']}")
        else:
            log(f"  {n:,} facts: load {entry['load']['median']:.3f} s, tree {entry['tree']['median']:.3f} s, "
                f"search p95 {entry['search_keystroke']['p95'] * 1000:.0f} ms, "
                f"chart {entry['chart']['median'] * 1000:.0f} ms, RSS {entry['rss_mib']:.0f} MiB")
    return results


def bench_export(runs: int, display: Display, log) -> dict:
    with tempfile.TemporaryDirectory(prefix="bri-facts-bench-") as home:
        result = _child_json(["export", "--runs", str(runs)], base_env(display, Path(home)), timeout=900)
    log(f"  PNG 1920×1080 {result['png_1920x1080']['median'] * 1000:.0f} ms, 3840×2160 "
        f"{result['png_3840x2160']['median'] * 1000:.0f} ms, batch of {result['charts']} charts "
        f"{result['batch_1920x1080']['median']:.2f} s")
    return result


# ------------------------------------------------------------------ verdicts and report
def verdicts(res: dict) -> list[dict]:
    out = []

    def add(key, value, ok, shown, why=""):
        label, _limit = TARGETS[key]
        out.append({"target": key, "what": label, "value": value, "shown": shown,
                    "verdict": "n/a" if ok is None else ("pass" if ok else "MISS"), "note": why})

    st = res.get("startup")
    if st:
        for kind in ("python", "onedir", "single file"):
            app, mini = st["app"][kind], st["minimal stack"][kind]
            ratio = app["content"]["median"] / mini["content"]["median"]
            add("content_ratio", ratio, ratio <= 0.8,
                f"{kind}: {ratio:.2f}× ({app['content']['median']:.3f} / {mini['content']['median']:.3f} s)")
            ratio = app["chart"]["median"] / mini["chart"]["median"]
            add("chart_ratio", ratio, ratio <= 1.1,
                f"{kind}: {ratio:.2f}× ({app['chart']['median']:.3f} / {mini['chart']['median']:.3f} s)")
        single = st["app"]["single file"]["content"]["median"]
        add("single_file_content_s", single, single <= 1.6, f"{single:.3f} s")
        for kind in ("python", "onedir", "single file"):
            a, m = st["app"][kind]["rss_mib"]["median"], st["minimal stack"][kind]["rss_mib"]["median"]
            add("rss_vs_minimal", a / m, a <= m, f"{kind}: {a:.0f} vs {m:.0f} MiB")
    size = res.get("size")
    if size:
        s = size["app single file"]
        add("single_file_mib", s, s <= 80, f"{s:.1f} MiB")
    sc = res.get("scale", {})
    e100 = sc.get("100000")
    if e100:
        if "refused" in e100:
            add("load_100k_s", None, False, "refused", e100["refused"])
        else:
            v = e100["load"]["median"]
            add("load_100k_s", v, v <= 1.5, f"{v:.2f} s")
            v = e100["search_keystroke"]["p95"]
            add("search_p95_100k_s", v, v <= 0.050, f"{v * 1000:.0f} ms")
            v = e100["rss_mib"] * MIB / 1e6
            add("rss_100k_mib", v, v <= 400, f"{v:.0f} MB")
    e1m = sc.get("1000000")
    if e1m:
        if "refused" in e1m:
            add("loads_1m", None, False, "refused", e1m["refused"])
            add("search_p95_1m_s", None, False, "not measurable", "the dataset is not loaded")
        else:
            add("loads_1m", e1m["load"]["median"], True, f"{e1m['load']['median']:.1f} s")
            v = e1m["search_keystroke"]["p95"]
            add("search_p95_1m_s", v, v <= 0.300, f"{v * 1000:.0f} ms")
    ex = res.get("export")
    if ex:
        v = ex["png_1920x1080"]["median"]
        add("png_1080_s", v, v <= 0.150, f"{v * 1000:.0f} ms")
        v = ex["png_3840x2160"]["median"]
        add("png_2160_s", v, v <= 0.500, f"{v * 1000:.0f} ms")
    return out


def _mmm(s: dict, scale: float = 1.0, fmt: str = "{:.3f}") -> str:
    if not s or s.get("median") is None:
        return "–"
    return f"{fmt.format(s['median'] * scale)} ({fmt.format(s['min'] * scale)}–{fmt.format(s['max'] * scale)})"


def table(res: dict) -> str:
    lines = []
    meta = res["meta"]
    lines.append(f"Run {meta['when']} on {meta['machine']}; display: {meta['display']}; "
                 f"{meta['runs']} runs per figure (median (min–max)).")
    older = {k: v for k, v in meta.get("parts", {}).items() if v != meta["when"]}
    if older:
        lines.append("Kept from an earlier run: " + ", ".join(f"{k} ({v})" for k, v in older.items()) + ".")
    st = res.get("startup")
    if st:
        lines += ["", "### Start-up and memory", "",
                  "| program | build | first paint with content, s | first chart, s | process exit, s | peak RSS, MiB |",
                  "|---|---|---|---|---|---|"]
        for program, kinds in st.items():
            for kind, e in kinds.items():
                lines.append(f"| {program} | {kind} | {_mmm(e['content'])} | {_mmm(e['chart'])} | "
                             f"{_mmm(e['exit'])} | {_mmm(e['rss_mib'], fmt='{:.0f}')} |")
        lines += ["", "| ratio app / minimal stack | python | onedir | single file |", "|---|---|---|---|"]
        for what in ("content", "chart", "rss_mib"):
            cells = [f"{st['app'][k][what]['median'] / st['minimal stack'][k][what]['median']:.2f}×"
                     for k in ("python", "onedir", "single file")]
            lines.append(f"| {what.replace('_mib', '')} | " + " | ".join(cells) + " |")
        lines += ["", "| ratio app / bare window | python | onedir | single file |", "|---|---|---|---|"]
        for what in ("content", "chart", "rss_mib"):
            cells = [f"{st['app'][k][what]['median'] / st['bare window'][k][what]['median']:.2f}×"
                     for k in ("python", "onedir", "single file")]
            lines.append(f"| {what.replace('_mib', '')} | " + " | ".join(cells) + " |")
    size = res.get("size")
    if size:
        lines += ["", "### Size", "", "| build | MiB |", "|---|---|"]
        lines += [f"| {k} | {v:.1f} |" for k, v in size.items()]
    sc = res.get("scale")
    if sc:
        lines += ["", "### Scale (generated datasets, python -m desktop code, real window)", "",
                  "| facts | facts.csv, MiB | load + validate, s | tree build, s | search per keystroke, ms median / p95 | chart redraw, ms | peak RSS, MiB |",
                  "|---|---|---|---|---|---|---|"]
        previous = None
        growth = []
        for n, e in sc.items():
            if "refused" in e:
                lines.append(f"| {int(n):,} | {e['csv_mib']:.0f} | refused after {e['load']['median']:.2f} s: "
                             f"{e['refused']} | – | – | – | {e['rss_mib']:.0f} |")
                continue
            ks = e["search_keystroke"]
            lines.append(f"| {int(n):,} | {e['csv_mib']:.1f} | {_mmm(e['load'])} | {_mmm(e['tree'])} | "
                         f"{ks['median'] * 1000:.1f} / {ks['p95'] * 1000:.1f} | "
                         f"{_mmm(e['chart'], 1000, '{:.0f}')} | {e['rss_mib']:.0f} |")
            if previous is not None:
                p = previous[1]
                growth.append(f"| {int(previous[0]):,} → {int(n):,} | "
                              f"{e['load']['median'] / p['load']['median']:.1f}× | "
                              f"{e['tree']['median'] / p['tree']['median']:.1f}× | "
                              f"{ks['p95'] / p['search_keystroke']['p95']:.1f}× | "
                              f"{e['rss_mib'] / p['rss_mib']:.2f}× |")
            previous = (n, e)
        if growth:
            lines += ["", "| growth per 10× | load | tree | search p95 | RSS |", "|---|---|---|---|---|", *growth]
    ex = res.get("export")
    if ex:
        lines += ["", f"### Export (bundled dataset; the biggest chart has {ex['chart_bars']} bars)", "",
                  "| what | ms |", "|---|---|",
                  f"| PNG 1920×1080 | {_mmm(ex['png_1920x1080'], 1000, '{:.0f}')} |",
                  f"| PNG 3840×2160 | {_mmm(ex['png_3840x2160'], 1000, '{:.0f}')} |",
                  f"| batch: all {ex['charts']} charts, 1920×1080 | {_mmm(ex['batch_1920x1080'], 1000, '{:.0f}')} |"]
    v = res.get("verdicts")
    if v:
        lines += ["", "### Targets", "", "| target | measured | verdict |", "|---|---|---|"]
        for item in v:
            note = f" — {item['note']}" if item["note"] else ""
            lines.append(f"| {item['what']} | {item['shown']}{note} | {item['verdict']} |")
    return "\n".join(lines)


def write_doc(text: str) -> None:
    block = f"{START}\n{text}\n{END}"
    if DOC.exists():
        current = DOC.read_text(encoding="utf-8")
        if START in current and END in current:
            head, rest = current.split(START, 1)
            tail = rest.split(END, 1)[1]
            DOC.write_text(head + block + tail, encoding="utf-8")
            return
        DOC.write_text(current.rstrip() + "\n\n## Latest results\n\n" + block + "\n", encoding="utf-8")
        return
    DOC.write_text("# Benchmarks\n\n`make bench` (benchmarks/run.py).\n\n## Latest results\n\n"
                   + block + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs where allowed, no 1M dataset")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5; 3 with --quick)")
    parser.add_argument("--only", default="startup,size,scale,export",
                        help="comma-separated parts: startup, size, scale, export")
    parser.add_argument("--sizes", help="dataset sizes, e.g. 1000,10000 (default 1k … 1M)")
    parser.add_argument("--no-xvfb", action="store_true", help="use the offscreen platform")
    parser.add_argument("--no-doc", action="store_true", help="do not update docs/benchmarks.md")
    args = parser.parse_args(argv)
    runs = args.runs or (3 if args.quick else 5)
    parts = {p.strip() for p in args.only.split(",") if p.strip()}
    sizes = tuple(int(s) for s in args.sizes.split(",")) if args.sizes else \
        (SCALE_SIZES[:-1] if args.quick else SCALE_SIZES)

    def log(message: str) -> None:
        print(message, flush=True)

    started = time.perf_counter()
    display = Display(use_xvfb=not args.no_xvfb)
    res: dict = {"meta": {"when": time.strftime("%Y-%m-%d %H:%M"), "runs": runs, "display": display.name,
                          "machine": f"{platform.system()} {platform.machine()}, {os.cpu_count()} CPUs, "
                                     f"Python {platform.python_version()}"}}
    try:
        if parts & {"startup", "size"}:
            ensure_builds(log)
        if "startup" in parts:
            log(f"start-up ({runs} runs each, {display.name}):")
            res["startup"] = bench_startup(runs, display, log)
        if "size" in parts:
            res["size"] = bench_size()
        if "scale" in parts:
            log("scale:")
            res["scale"] = bench_scale(sizes, runs, display, log)
        if "export" in parts:
            log("export:")
            res["export"] = bench_export(runs, display, log)
    finally:
        display.close()
    previous = {}
    if RESULTS.exists() and parts != {"startup", "size", "scale", "export"}:
        try:  # a partial run keeps the other parts' figures of the last run
            previous = json.loads(RESULTS.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
    when = dict(previous.get("meta", {}).get("parts", {}))
    for part in ("startup", "size", "scale", "export"):
        if part in res:
            when[part] = res["meta"]["when"]
        elif part in previous:
            res[part] = previous[part]
    res["meta"]["parts"] = when
    res["verdicts"] = verdicts(res)
    res["meta"]["seconds"] = round(time.perf_counter() - started, 1)
    text = table(res)
    print()
    print(text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(res, indent=2, ensure_ascii=False), encoding="utf-8")
    print(f"\nwrote {RESULTS.relative_to(REPO)}", end="")
    if not args.no_doc:
        write_doc(text)
        print(f" and {DOC.relative_to(REPO)}", end="")
    print(f" ({res['meta']['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
