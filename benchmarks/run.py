#!/usr/bin/env python3
"""`make bench`: start-up, memory, size, scale and export figures of the app, beside two baseline
windows, with pass/miss against the targets. Prints a table, writes the same figures to
benchmarks/results/latest.json and the table into docs/benchmarks.md (between its result markers).

    python benchmarks/run.py            everything (about 10–15 minutes on 2 cores)
    python benchmarks/run.py --quick    3 runs instead of 5 where that is allowed, no 1M dataset
    python benchmarks/run.py --only startup,size    a part (startup, size, scale, typing, export)

Start-up is measured from inside and outside: the launcher reads ``time.perf_counter()`` just
before starting the process and hands it over (``BRI_FACTS_BENCH_T0``); with ``BRI_FACTS_BENCH=1``
the app (desktop/ui/bench.py) and the baselines (benchmarks/_marks.py) print a marker at their
first paint with content and at their first chart painted, then quit. The launcher takes the
process's wall time and peak RSS (``os.wait4``; for the single file that includes the unpacked
child). Runs under Xvfb when it is installed (a real X server, the xcb platform plugin), on Qt's
offscreen platform otherwise. Each start-up figure is the median of the runs (after one
unmeasured warm-up run, which reads every program's files from disk: their page cache is
dropped first), with min and max.
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
#: Runs of the typing measurement (each a fresh process): its longest frame varies run to run.
TYPING_RUNS = 3
#: Facts loaded (and indexed) while typing, for the longest frozen frame.
TYPING_SIZE = 100_000
#: One dataset size's measurement (its own process) gives up after this long.
SCALE_TIMEOUT_S = 2 * 3600
PARTS = ("startup", "size", "visual", "scale", "typing", "export")
README = REPO / "README.md"
README_START, README_END = "<!-- bench:start -->", "<!-- bench:end -->"

TARGETS = {
    "content_ratio_source": ("first paint with content ≤ 0.5× the minimal stack window, from source", 0.5),
    "content_ratio_single": ("first paint with content ≤ 0.8× the minimal stack window, single file", 0.8),
    "content_ratio_onedir": ("first paint with content ≤ 0.8× the minimal stack window, folder build", 0.8),
    "chart_ratio": ("first chart ≤ 1.1× the minimal stack window (same build kind)", 1.1),
    "single_file_content_s": ("single file shows content within 1.6 s", 1.6),
    "rss_vs_minimal": ("peak RSS ≤ the minimal stack window's (same build kind)", 1.0),
    "single_file_mib": ("single file ≤ 80 MiB", 80.0),
    "load_100k_s": ("100k facts: load ≤ 1.5 s", 1.5),
    "search_p95_100k_s": ("100k facts: search p95 per keystroke ≤ 30 ms", 0.030),
    "rss_100k_mib": ("100k facts: peak RSS ≤ 400 MiB", 400.0),
    "load_1m_s": ("1M facts: load + validate ≤ 10 s", 10.0),
    "search_p95_1m_s": ("1M facts: search p95 per keystroke ≤ 200 ms", 0.200),
    "rss_1m_mib": ("1M facts: peak RSS ≤ 2.5 GiB", 2.5 * 1024),
    "stall_100k_s": ("typing while 100k facts load and are indexed: no frame frozen > 100 ms", 0.100),
    "png_1080_s": ("export 1920×1080 ≤ 150 ms", 0.150),
    "png_2160_s": ("export 3840×2160 ≤ 500 ms", 0.500),
    "visual_half": ("outside in: half visually complete, beside the minimal stack window", None),
    "visual_full": ("outside in: fully visually complete, beside the minimal stack window", None),
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
    # PYTHONDONTWRITEBYTECODE would make every start from source compile the app again: a
    # reader's second start reads the .pyc files its first one wrote
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("QT_", "BRI_FACTS", "_PYI"))
           and k not in ("DISPLAY", "WAYLAND_DISPLAY", "PYTHONDONTWRITEBYTECODE")}
    env.update(display.env)
    env["BRI_FACTS_HOME"] = str(home)
    env.setdefault("LANG", "C.UTF-8")
    return env


# ------------------------------------------------------------------ builds
def _newest_source() -> float:
    """When the app's code, data or packaging last changed (what a build is made from)."""
    return max((p.stat().st_mtime for folder in ("desktop", "resources", "data", "packaging")
                for p in (REPO / folder).rglob("*") if p.is_file() and "__pycache__" not in p.parts),
               default=0.0)


def ensure_builds(log) -> None:
    builds = (DIST / "bri-facts", DIST / "bri-facts-onedir" / "bri-facts")
    if not all(p.is_file() for p in builds) or \
            min(p.stat().st_mtime for p in builds) < _newest_source():
        log("building the app (packaging/bri-facts.spec): missing or older than its sources …")
        subprocess.run([PY, "-m", "PyInstaller", "--noconfirm", "--distpath", str(DIST), "--workpath",
                        str(REPO / "build" / "pyinstaller"), str(REPO / "packaging" / "bri-facts.spec")],
                       cwd=REPO, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wanted = [BENCH_DIST / n for n in ("bare-window", "minimal-stack", "bare-window-onedir/bare-window-dir",
                                       "minimal-stack-onedir/minimal-stack-dir")]
    made_from = [REPO / "packaging" / "slim_build.py", HERE / "baselines.spec", HERE / "bare_window.py",
                 HERE / "minimal_stack.py", HERE / "_marks.py"]
    if not all(p.is_file() for p in wanted) or \
            min(p.stat().st_mtime for p in wanted) < max(p.stat().st_mtime for p in made_from):
        # the shared build rules changed: the baselines are rebuilt with them, like the app
        log("building the baseline windows (benchmarks/baselines.spec): missing or older than "
            "their sources …")
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


def program_files() -> list[Path]:
    """Every file a start of the measured programs reads from: the builds, the virtual
    environment, the app's source and bundled files, the baselines' scripts."""
    roots = [DIST, BENCH_DIST, Path(sys.prefix), REPO / "desktop", REPO / "resources",
             REPO / "data", HERE]
    return [path for root in roots if root.exists()
            for path in ([root] if root.is_file() else root.rglob("*"))
            if path.is_file() and not path.is_symlink()]


def evict_page_cache(paths: list[Path]) -> int:
    """Drop the cached pages of these files (Linux; elsewhere nothing), so that every program
    reads its files from disk the same way in the warm-up round. Peak RSS counts the pages of
    a mapped library or font that the kernel maps in around each page read, and a file just
    written (the app, rebuilt when its sources are newer) is cached in other chunks than one
    read back from disk: the same frozen app peaked 2.5 MiB higher right after its build.
    Returns the number of files."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is None:
        return 0
    os.sync()  # written pages must reach the disk before they can be dropped
    done = 0
    for path in paths:
        try:
            fd = os.open(path, os.O_RDONLY)
        except OSError:
            continue
        try:
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)
            done += 1
        finally:
            os.close(fd)
    return done


def bench_startup(runs: int, display: Display, log) -> dict:
    """Every program and build kind once per round, ``runs`` rounds after one warm-up round:
    interleaved, so that a machine that slows down or speeds up during the run weighs on the
    app and on the baselines alike (the ratios are what the targets judge). Before the warm-up
    round, no program's files are in the page cache (:func:`evict_page_cache`)."""
    evicted = evict_page_cache(program_files())
    if evicted:
        log(f"  page cache dropped for {evicted} files; the warm-up round reads them from disk")
    plan = [(program, kind, cmd) for program, kinds in variants().items()
            for kind, cmd in kinds.items()]
    samples: dict[tuple[str, str], list[dict]] = {(p, k): [] for p, k, _ in plan}
    for round_no in range(runs + 1):  # round 0 warms the disk cache and is not counted
        for program, kind, cmd in plan:
            with tempfile.TemporaryDirectory(prefix="bri-facts-bench-") as home:
                sample = start_once(cmd, base_env(display, Path(home)))
            if sample["code"] != 0 or "content" not in sample["marks"] or "chart" not in sample["marks"]:
                raise RuntimeError(f"{program} ({kind}) did not start cleanly: exit "
                                   f"{sample['code']}\n{sample['output']}")
            if round_no:
                samples[(program, kind)].append(sample)
    results: dict = {}
    for program, kind, _ in plan:
        taken = samples[(program, kind)]
        entry = {
            "content": summary([s["marks"]["content"] for s in taken]),
            "chart": summary([s["marks"]["chart"] for s in taken]),
            # the app's data in (the baselines have theirs before they paint)
            "ready": summary([s["marks"].get("ready", s["marks"]["chart"]) for s in taken]),
            "exit": summary([s["wall"] for s in taken]),
            "rss_mib": summary([s["rss_mib"] for s in taken]),
        }
        results.setdefault(program, {})[kind] = entry
        log(f"  {program:<14} {kind:<12} content {entry['content']['median']:.3f} s  "
            f"chart {entry['chart']['median']:.3f} s  RSS {entry['rss_mib']['median']:.0f} MiB")
    for kind, cmd in variants()["app"].items():
        entry = results["app"][kind]["no_window"] = no_window(cmd[:-2] + ["--version"], display, runs)
        log(f"  app            {kind:<12} --version (no window) {entry['median']:.3f} s")
    return results


def no_window(cmd: list[str], display: Display, runs: int) -> dict:
    """How long the program takes to start and exit without opening a window (``--version``):
    what a start costs before the app's own code runs, the single file's unpacking included.
    One warm-up run, then ``runs``."""
    walls = []
    for round_no in range(runs + 1):
        with tempfile.TemporaryDirectory(prefix="bri-facts-bench-") as home:
            started = time.perf_counter()
            done = subprocess.run(cmd, env=base_env(display, Path(home)), cwd=REPO,
                                  capture_output=True, timeout=90)
            wall = time.perf_counter() - started
        if done.returncode != 0:
            raise RuntimeError(f"{cmd[0]} --version failed: exit {done.returncode}\n"
                               f"{done.stderr.decode('utf-8', 'replace')[-2000:]}")
        if round_no:
            walls.append(wall)
    return summary(walls)


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
    """The generated dataset of n facts, made again whenever data/ or the generator changed (a
    dataset made from older data may no longer pass the validator)."""
    import hashlib
    from make_dataset import make_dataset
    folder = DATASETS / f"{n}"
    stamp = folder / ".complete"
    digest = hashlib.sha256()
    for path in sorted((REPO / "data").rglob("*")) + [HERE / "make_dataset.py"]:
        if path.is_file():
            digest.update(path.relative_to(REPO).as_posix().encode() + b"\0" + path.read_bytes())
    made_from = digest.hexdigest()
    if not stamp.exists() or stamp.read_text().strip() != made_from:
        make_dataset(n, folder)
        stamp.write_text(made_from)
    return folder


def bench_scale(sizes, runs: int, display: Display, log) -> dict:
    results = {}
    for n in sizes:
        log(f"  {n:,} facts: dataset (made once, kept in build/bench/datasets) …")
        folder = dataset_for(n)
        try:
            with tempfile.TemporaryDirectory(prefix="bri-facts-bench-") as home:
                entry = _child_json(["scale", str(folder), "--runs", str(runs)],
                                    base_env(display, Path(home)), timeout=SCALE_TIMEOUT_S)
            if "refused" not in entry:  # one reader's session, in a fresh process: its peak memory
                with tempfile.TemporaryDirectory(prefix="bri-facts-bench-") as home:
                    entry["session"] = _child_json(["session", str(folder)],
                                                   base_env(display, Path(home)), timeout=SCALE_TIMEOUT_S)
        except (RuntimeError, subprocess.TimeoutExpired) as exc:  # one size's failure is reported
            reason = f"no result after {SCALE_TIMEOUT_S / 60:.0f} min" \
                if isinstance(exc, subprocess.TimeoutExpired) else str(exc).splitlines()[0][:200]
            entry = {"failed": reason}
        entry["csv_mib"] = (folder / "facts.csv").stat().st_size / MIB
        entry["runs"] = runs
        results[str(n)] = entry
        if "failed" in entry:
            log(f"  {n:,} facts: failed: {entry['failed']}")
        elif "refused" in entry:
            log(f"  {n:,} facts: refused by the loader: {entry['refused']}")
        else:
            log(f"  {n:,} facts: load {entry['load']['median']:.3f} s, tree {entry['tree']['median']:.3f} s, "
                f"index {entry['index_build']['median']:.1f} s, "
                f"search p95 {entry['search_keystroke']['p95'] * 1000:.0f} ms "
                f"(the index alone {entry['search_index']['all']['p95'] * 1000:.0f} ms), "
                f"chart {entry['chart']['median'] * 1000:.0f} ms, RSS {entry['rss_mib']:.0f} MiB"
                f" (one session: {entry['session']['rss_mib']:.0f} MiB)")
    return results


def bench_typing(n: int, display: Display, log, runs: int = TYPING_RUNS) -> dict:
    """Typing while a dataset of n facts loads and is indexed, in ``runs`` fresh processes: the
    worst run (the one with the longest frozen frame), with every run's longest frame beside it.
    A frozen frame is rare and comes and goes from run to run, so one run says little."""
    folder = dataset_for(n)
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="bri-facts-bench-") as home:
            result = _child_json(["typing", str(folder)], base_env(display, Path(home)),
                                 timeout=1800)
        results.append(result)
        log(f"  {n:,} facts: longest frozen frame {result['stall_max_s'] * 1000:.0f} ms "
            f"({result['stall_phase']}), {result['frames_over_100ms']} over 100 ms")
    worst = dict(max(results, key=lambda r: r["stall_max_s"]))
    worst["runs"] = [{"stall_max_s": r["stall_max_s"], "stall_phase": r["stall_phase"],
                      "frames_over_100ms": r["frames_over_100ms"]} for r in results]
    return worst


def bench_visual(runs: int, log) -> dict:
    """benchmarks/visual.py in its own process (its own Xvfb and Qt application)."""
    proc = subprocess.run([PY, str(HERE / "visual.py"), str(runs)], cwd=REPO, capture_output=True,
                          text=True, timeout=900)
    try:
        result = json.loads(proc.stdout.strip().splitlines()[-1])
    except (IndexError, ValueError):
        log(f"  visual: no result ({proc.stderr.strip()[-300:]})")
        return {}
    for name, entry in result.items():
        if isinstance(entry, dict) and entry.get("half") is not None:
            log(f"  {name:<14} half {entry['half']:.2f} s  full {entry['full']:.2f} s")
    return result


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
            key, limit = {"python": ("content_ratio_source", 0.5), "onedir": ("content_ratio_onedir", 0.8),
                          "single file": ("content_ratio_single", 0.8)}[kind]
            bare = st["bare window"][kind]["content"]["median"]
            add(key, ratio, ratio <= limit,
                f"{kind}: {ratio:.2f}× ({app['content']['median']:.3f} / {mini['content']['median']:.3f} s)",
                "" if ratio <= limit else
                f"a bare Qt window alone takes {bare:.2f} s here ({bare / mini['content']['median']:.2f}× "
                f"the minimal stack): Python, Qt and the window{', unpacked by the single file first' if kind == 'single file' else ''}; "
                f"the app's own share before its first paint is {app['content']['median'] - bare:.2f} s "
                + ("(a bigger bundle to unpack, the splash screen, the snapshot's tree and page, the fonts)"
                   if kind == "single file" else "(the snapshot's tree and page, the fonts)"))
            ratio = app["chart"]["median"] / mini["chart"]["median"]
            add("chart_ratio", ratio, ratio <= 1.1,
                f"{kind}: {ratio:.2f}× ({app['chart']['median']:.3f} / {mini['chart']['median']:.3f} s)",
                "" if ratio <= 1.1 else
                f"the first chart is the snapshot's, drawn right after the first paint: it waits "
                f"for the app's first paint ({app['content']['median']:.2f} s) and then for numpy "
                f"and pyqtgraph to import and draw ({app['chart']['median'] - app['content']['median']:.2f} s), "
                f"where the minimal window has imported them before its only paint")
        single = st["app"]["single file"]["content"]["median"]
        floor = st["app"]["single file"].get("no_window", {}).get("median")
        add("single_file_content_s", single, single <= 1.6, f"{single:.3f} s",
            "" if single <= 1.6 or floor is None else
            f"the single file takes {floor:.2f} s to start and exit without a window (--version; "
            f"the folder build {st['app']['onedir']['no_window']['median']:.2f} s): it unpacks the "
            f"whole bundle before Python starts, and shows its splash screen")
        for kind in ("python", "onedir", "single file"):
            a, m = st["app"][kind]["rss_mib"]["median"], st["minimal stack"][kind]["rss_mib"]["median"]
            add("rss_vs_minimal", a / m, a <= m, f"{kind}: {a:.0f} vs {m:.0f} MiB",
                "" if a <= m else "code more than data (/proc/PID/smaps at the peak, "
                "docs/benchmarks.md): numpy's and pandas' code that reads and indexes a "
                "dataset (2.1 MiB), the X image of a 1400×900 window beside the minimal one's "
                "1280×820 (0.8 MiB), the fonts (0.9 MiB), more of Qt's widget code (0.8 MiB); "
                "the Python heap is 0.5 MiB under the minimal window's")
    size = res.get("size")
    if size:
        s = size["app single file"]
        add("single_file_mib", s, s <= 80, f"{s:.1f} MiB")
    sc = res.get("scale", {})

    def search_cause(entry: dict, limit: float) -> str:
        """Why a keystroke misses: the index's own share, measured apart, and the window's."""
        index = entry.get("search_index", {}).get("all", {}).get("p95")
        if index is None:
            return ""
        window = entry["search_keystroke"]["p95"]
        if index <= limit:
            return (f"the search itself takes {index * 1000:.0f} ms (p95); the rest is the "
                    f"window's work after each keystroke (the tree's filter, reset and repaint)")
        return f"the search itself takes {index * 1000:.0f} ms (p95) of the {window * 1000:.0f}"

    for n, label, load_key, load_limit, search_key, search_limit, rss_key, rss_limit in (
            ("100000", "100k", "load_100k_s", 1.5, "search_p95_100k_s", 0.030, "rss_100k_mib", 400.0),
            ("1000000", "1M", "load_1m_s", 10.0, "search_p95_1m_s", 0.200, "rss_1m_mib", 2.5 * 1024)):
        entry = sc.get(n)
        if not entry:
            continue
        if "failed" in entry:
            add(load_key, None, False, "not measured", entry["failed"])
            continue
        if "refused" in entry:
            add(load_key, None, False, "refused", entry["refused"])
            add(search_key, None, False, "not measurable", "the dataset is not loaded")
            continue
        v = entry["load"]["median"]
        add(load_key, v, v <= load_limit, f"{v:.2f} s")
        ks = entry["search_keystroke"]
        v = ks["p95"]
        shown = f"{v * 1000:.0f} ms (median {ks['median'] * 1000:.0f} ms)"
        if entry.get("search_cut_short"):
            shown += f", {ks['n']} keystrokes: {entry['search_cut_short']}"
        add(search_key, v, v <= search_limit, shown, "" if v <= search_limit else
            search_cause(entry, search_limit))
        session = entry.get("session") or {}
        v = session.get("rss_mib", entry["rss_mib"])
        loaded = session.get("rss_loaded_mib", entry.get("rss_load_mib"))
        why = ""
        if v > rss_limit and loaded:
            why = (f"{loaded:.0f} MiB already once the dataset is loaded"
                   if loaded > 0.8 * rss_limit else
                   f"{loaded:.0f} MiB once the dataset is loaded; building its search index "
                   f"(transient word tables) and the pages add the rest")
        shown = f"{v:.0f} MiB" + (" (one session: open, index, type both queries, open a fact)"
                                  if session else "")
        add(rss_key, v, v <= rss_limit, shown, why)
    ty = res.get("typing")
    if ty:
        v = ty["stall_max_s"]
        runs = ty.get("runs") or [ty]
        per_run = ", ".join(f"{r['stall_max_s'] * 1000:.0f}" for r in runs)
        add("stall_100k_s", v, v <= 0.100, f"{v * 1000:.0f} ms ({ty['stall_phase']}); longest "
            f"frame of each of {len(runs)} runs: {per_run} ms; "
            f"{sum(r['frames_over_100ms'] for r in runs)} frames over 100 ms in all",
            "" if v <= 0.100 else f"the longest stall comes while {ty['stall_phase']}")
    vi = res.get("visual")
    if vi and vi.get("app", {}).get("half") and vi.get("minimal stack", {}).get("half"):
        app, mini = vi["app"], vi["minimal stack"]
        for key, what in (("visual_half", "half"), ("visual_full", "full")):
            if app.get(what) and mini.get(what):
                add(key, app[what] / mini[what], None,
                    f"{app[what]:.2f} s vs {mini[what]:.2f} s ({app[what] / mini[what]:.2f}×); "
                    f"bare window {vi.get('bare window', {}).get(what) or 0:.2f} s")
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
                  "| program | build | first paint with content, s | first chart, s | data in, s | process exit, s | peak RSS, MiB |",
                  "|---|---|---|---|---|---|---|"]
        for program, kinds in st.items():
            for kind, e in kinds.items():
                ready = _mmm(e["ready"]) if "ready" in e and program == "app" else "–"
                lines.append(f"| {program} | {kind} | {_mmm(e['content'])} | {_mmm(e['chart'])} | "
                             f"{ready} | {_mmm(e['exit'])} | {_mmm(e['rss_mib'], fmt='{:.0f}')} |")
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
        if all("no_window" in st["app"][k] for k in ("python", "onedir", "single file")):
            lines += ["", "Started without a window (`--version`: the start before the app's own code, "
                          "the single file's unpacking included): "
                      + ", ".join(f"{k} {_mmm(st['app'][k]['no_window'])} s"
                                  for k in ("python", "onedir", "single file")) + "."]
    size = res.get("size")
    if size:
        lines += ["", "### Size", "", "| build | MiB |", "|---|---|"]
        lines += [f"| {k} | {v:.1f} |" for k, v in size.items()]
    sc = res.get("scale")
    if sc:
        lines += ["", "### Scale (generated datasets, python -m desktop code, real window)", "",
                  "Search per keystroke is typed into the real search box (ASCII: `technology`, "
                  "Chinese: `科技合作`) and lasts until the tree has painted the result; *the search "
                  "alone* is `SearchIndex.search` for the same keystrokes without the window. "
                  "Peak RSS, one session: a fresh process that opens the dataset as the app does, "
                  "builds its index, types both queries with their results pages and opens a fact "
                  "(in brackets: once loaded). The benchmark process also loads the dataset once "
                  "per timed run and builds a second index (in brackets: after loading, before "
                  "the window exists).", "",
                  "| facts | facts.csv, MiB | load + validate, s | tree build, s | index build, s | "
                  "search per keystroke, ms median / p95: ASCII | Chinese | all | the search alone, "
                  "ms median / p95 | chart redraw, ms | peak RSS, one session, MiB | "
                  "peak RSS, the benchmark process, MiB |",
                  "|---|---|---|---|---|---|---|---|---|---|---|---|"]
        previous = None
        growth = []

        def mp(summary_: dict | None) -> str:
            if not summary_ or summary_.get("median") is None:
                return "–"
            return f"{summary_['median'] * 1000:.1f} / {summary_['p95'] * 1000:.1f}"
        for n, e in sc.items():
            if "failed" in e:
                lines.append(f"| {int(n):,} | {e['csv_mib']:.0f} | not measured: {e['failed']} | – | – | – "
                             f"| – | – | – | – | – | – |")
                continue
            if "refused" in e:
                lines.append(f"| {int(n):,} | {e['csv_mib']:.0f} | refused after {e['load']['median']:.2f} s: "
                             f"{e['refused']} | – | – | – | – | – | – | – | – | {e['rss_mib']:.0f} |")
                continue
            ks = e["search_keystroke"]
            cut = f" ({e['search_cut_short']}; {ks['n']} keystrokes)" if e.get("search_cut_short") else ""
            if e.get("runs", meta["runs"]) != meta["runs"]:
                cut += f" ({e['runs']} runs)"
            after = f" ({e['rss_load_mib']:.0f})" if e.get("rss_load_mib") else ""
            session = e.get("session") or {}
            one = f"{session['rss_mib']:.0f} ({session['rss_loaded_mib']:.0f})" if session else "–"
            lines.append(f"| {int(n):,} | {e['csv_mib']:.1f} | {_mmm(e['load'])} | {_mmm(e['tree'])} | "
                         f"{_mmm(e.get('index_build'), 1, '{:.2f}')} | {mp(e.get('search_ascii'))} | "
                         f"{mp(e.get('search_chinese'))} | {mp(ks)}{cut} | "
                         f"{mp(e.get('search_index', {}).get('all'))} | "
                         f"{_mmm(e['chart'], 1000, '{:.0f}')} | {one} | {e['rss_mib']:.0f}{after} |")
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
    ty = res.get("typing")
    if ty:
        marks = ty.get("marks", {})
        lines += ["", f"### Typing while {ty['facts']:,} facts load and are indexed", "",
                  f"The window shows the bundled dataset; the generated one is opened as the app "
                  f"opens a dataset, and `technology` / `科技合作` are typed over and over, "
                  f"{ty['keys_per_second']:.0f} keys a second, until {2:.0f} s after its index is "
                  f"ready (loaded after {marks.get('loaded', float('nan')):.1f} s, indexed after "
                  f"{marks.get('indexed', float('nan')):.1f} s). A 5 ms timer measures the event "
                  "loop: a frozen frame is a gap between its ticks. "
                  f"{len(ty.get('runs') or [ty])} runs, each in a fresh process; the table is the "
                  "run with the longest frame, and the longest frame of every run is: "
                  + ", ".join(f"{r['stall_max_s'] * 1000:.0f} ms ({r['stall_phase']})"
                              for r in ty.get("runs") or [ty]) + ".", "",
                  "| phase | keys typed | longest frozen frame, ms | p95, ms |", "|---|---|---|---|"]
        for phase in ("loading", "indexing", "ready"):
            st_ = ty.get(f"stall_{phase}", {})
            longest = "–" if st_.get("max") is None else f"{st_['max'] * 1000:.0f}"
            p95 = "–" if st_.get("p95") is None else f"{st_['p95'] * 1000:.0f}"
            lines.append(f"| {phase} | {ty.get(f'keys_{phase}', 0)} | {longest} | {p95} |")
        lines.append(f"| all | {sum(ty.get(f'keys_{p}', 0) for p in ('loading', 'indexing', 'ready'))} | "
                     f"{ty['stall_max_s'] * 1000:.0f} | – |")
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


#: Which part each section of the results block and each target belongs to.
SECTION_PARTS = {"### Start-up": "startup", "### Size": "size", "### Scale": "scale",
                 "### Typing": "typing", "### Export": "export"}
TARGET_PARTS = {"content_ratio_source": "startup", "content_ratio_onedir": "startup",
                "content_ratio_single": "startup", "visual_half": "visual", "visual_full": "visual",
                "chart_ratio": "startup", "single_file_content_s": "startup",
                "rss_vs_minimal": "startup", "single_file_mib": "size", "png_1080_s": "export",
                "png_2160_s": "export", "stall_100k_s": "typing"}


def _block(path: Path, start: str, end: str) -> str:
    current = path.read_text(encoding="utf-8") if path.exists() else ""
    return current.split(start, 1)[1].split(end, 1)[0] if start in current and end in current else ""


def _sections(block: str) -> tuple[str, list[tuple[str | None, str]]]:
    """(text before the first heading, [(part, "### heading …"), …]) of a results block."""
    pieces = block.split("\n### ")
    out = []
    for chunk in pieces[1:]:
        title = "### " + chunk.split("\n", 1)[0]
        part = "targets" if title.startswith("### Targets") else \
            next((p for h, p in SECTION_PARTS.items() if title.startswith(h)), None)
        out.append((part, "### " + chunk.strip()))
    return pieces[0], out


def _carried(text: str, res: dict) -> str:
    """The results block, with the sections and target rows of parts this run did not measure
    (and results/latest.json did not hold) kept from the block already in the doc."""
    missing = {part for part in PARTS if part not in res}
    old = _block(DOC, START, END)
    if not missing or not old.strip():
        return text
    when = old.strip().splitlines()[0].split(" on ", 1)[0].removeprefix("Run ").strip()
    head, new_sections = _sections(text)
    kept = {part: "\n".join(line for line in chunk.splitlines()
                            if not line.startswith("(Kept from the run of")).rstrip()
            + f"\n\n(Kept from the run of {when}.)"
            for part, chunk in _sections(old)[1] if part in missing}
    by_part = dict(new_sections)
    ordered = [by_part.get(part) or kept.get(part) for part in PARTS]
    labels = {TARGETS[k][0] for k, part in TARGET_PARTS.items() if part in missing}
    rows = [line for line in old.splitlines()
            if line.startswith("| ") and line[2:].split(" | ", 1)[0] in labels]
    targets = by_part.get("targets")
    if rows:
        targets = (targets or "### Targets\n\n| target | measured | verdict |\n|---|---|---|") + \
            "\n" + "\n".join(rows)
    ordered.append(targets)
    return head.rstrip() + "\n\n" + "\n\n".join(chunk for chunk in ordered if chunk)


def write_doc(text: str, res: dict | None = None) -> None:
    if res is not None:
        text = _carried(text, res)
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


def _mib(value: float) -> str:
    return f"{value / 1024:.1f} GiB" if value >= 1024 else f"{value:.0f} MiB"


def readme_block(res: dict) -> str:
    """The README's speed summary, from the same results; what this run did not measure is kept
    from the README as it stands."""
    old = _block(README, README_START, README_END)

    def kept(anchor: str) -> list[str]:
        lines = old.splitlines()
        at = next((i for i, line in enumerate(lines) if line.startswith(anchor)), None)
        if at is None:
            return []
        end = at
        while end < len(lines) and lines[end].strip():
            end += 1
        return lines[at:end]

    meta = res["meta"]
    out = [f"Latest run ({meta['when'][:10]}, {meta['machine']}, display {meta['display']}; medians "
           f"of {meta['runs']} runs; full tables and what is left in "
           "[docs/benchmarks.md](docs/benchmarks.md)):", ""]
    st, size = res.get("startup"), res.get("size")
    if st and size:
        out += ["| | this app | minimal stack window | bare window |", "|---|---|---|---|"]
        for kind, label in (("python", "from source"), ("onedir", "folder build"),
                            ("single file", "single file")):
            cells = [f"{st[p][kind]['content']['median']:.2f} s" for p in ("app", "minimal stack", "bare window")]
            out.append(f"| first paint with content, {label} | " + " | ".join(cells) + " |")
        cells = [f"{st[p]['onedir']['rss_mib']['median']:.0f} MiB" for p in ("app", "minimal stack", "bare window")]
        out.append("| peak memory, folder build | " + " | ".join(cells) + " |")
        out.append(f"| single file size | {size['app single file']:.1f} MiB | "
                   f"{size['minimal stack single file']:.1f} MiB | {size['bare window single file']:.1f} MiB |")
    else:
        out += kept("| | this app |")
    sc = res.get("scale")
    if sc:
        out += ["", "| generated dataset | load + validate | search per keystroke, median / p95 "
                "(the search alone) | peak memory of one session |", "|---|---|---|---|"]
        for n, e in sc.items():
            if int(n) < 10_000:
                continue
            if "failed" in e:
                out.append(f"| {int(n):,} facts | not measured: {e['failed']} | – | – |")
                continue
            if "refused" in e:
                out.append(f"| {int(n):,} facts | refused: {e['refused']} | – | {_mib(e['rss_mib'])} |")
                continue
            ks, alone = e["search_keystroke"], e.get("search_index", {}).get("all")
            alone_text = f" ({alone['median'] * 1000:.0f} / {alone['p95'] * 1000:.0f} ms)" if alone else ""
            out.append(f"| {int(n):,} facts | {e['load']['median']:.2f} s | "
                       f"{ks['median'] * 1000:.0f} / {ks['p95'] * 1000:.0f} ms{alone_text} | "
                       f"{_mib((e.get('session') or e)['rss_mib'])} |")
    else:
        out += [""] + kept("| generated dataset |")
    ty = res.get("typing")
    if ty:
        out += ["", f"Typing while {ty['facts']:,} facts load and are indexed: the longest frozen "
                f"frame lasts {ty['stall_max_s'] * 1000:.0f} ms ({ty['stall_phase']}; the worst of "
                f"{len(ty.get('runs') or [ty])} runs)."]
    else:
        out += [""] + kept("Typing while")
    vi = res.get("visual")
    if vi and vi.get("app", {}).get("half") and vi.get("minimal stack", {}).get("half"):
        app, mini = vi["app"], vi["minimal stack"]
        out += ["", f"Seen from outside (screen grabs of a virtual X screen), the window is half "
                f"drawn at {app['half']:.2f} s and complete at {app['full']:.2f} s; the minimal "
                f"stack window at {mini['half']:.2f} s and {mini['full']:.2f} s."]
    ex = res.get("export")
    if ex:
        out += ["", f"A chart exports to PNG in {ex['png_1920x1080']['median'] * 1000:.0f} ms at "
                f"1920×1080 and {ex['png_3840x2160']['median'] * 1000:.0f} ms at 3840×2160."]
    else:
        out += [""] + kept("A chart exports")
    while out and not out[-1].strip():
        out.pop()
    return "\n".join(line for i, line in enumerate(out) if line.strip() or (i and out[i - 1].strip()))


def write_readme(res: dict) -> None:
    if not README.exists():
        return
    current = README.read_text(encoding="utf-8")
    if README_START not in current or README_END not in current:
        return
    head, rest = current.split(README_START, 1)
    README.write_text(f"{head}{README_START}\n{readme_block(res)}\n{README_END}{rest.split(README_END, 1)[1]}",
                      encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="3 runs where allowed, no 1M dataset")
    parser.add_argument("--runs", type=int, help="runs per figure (default 5; 3 with --quick)")
    parser.add_argument("--only", default=",".join(PARTS),
                        help="comma-separated parts: " + ", ".join(PARTS))
    parser.add_argument("--sizes", help="dataset sizes, e.g. 1000,10000 (default 1k … 1M)")
    parser.add_argument("--typing-size", type=int, default=TYPING_SIZE,
                        help=f"facts loaded while typing (default {TYPING_SIZE:,})")
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
        if "visual" in parts:
            log("outside in (screen grabs of a virtual X screen):")
            res["visual"] = bench_visual(runs, log)
        if "scale" in parts:
            log("scale:")
            res["scale"] = bench_scale(sizes, runs, display, log)
        if "typing" in parts:
            log("typing while a dataset loads:")
            res["typing"] = bench_typing(args.typing_size, display, log)
        if "export" in parts:
            log("export:")
            res["export"] = bench_export(runs, display, log)
    finally:
        display.close()
    previous = {}
    if RESULTS.exists() and parts != set(PARTS):
        try:  # a partial run keeps the other parts' figures of the last run
            previous = json.loads(RESULTS.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            previous = {}
    when = dict(previous.get("meta", {}).get("parts", {}))
    for part in PARTS:
        if part in res:
            when[part] = res["meta"]["when"]
        elif part in previous:
            res[part] = previous[part]
    if "scale" in res and args.sizes and "scale" in previous:
        # --sizes measured some sizes again: the others keep their figures
        merged = {**previous["scale"], **res["scale"]}
        res["scale"] = {n: merged[n] for n in sorted(merged, key=int)}
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
        write_doc(text, res)
        write_readme(res)
        print(f", {DOC.relative_to(REPO)} and {README.relative_to(REPO)}", end="")
    print(f" ({res['meta']['seconds']:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
