#!/usr/bin/env python3
"""Scale and export measurements, run in a process of their own so that each size's memory is its
own (benchmarks/run.py starts one per dataset size):

    python benchmarks/scale.py scale FOLDER [--runs 5]    load+validate, tree, search, chart, RSS
    python benchmarks/scale.py typing FOLDER              typing while FOLDER loads and is indexed
    python benchmarks/scale.py export [--runs 5]          PNG 1920×1080, 3840×2160, batch; SVG; deck

Prints one JSON object on stdout. Everything goes through the app's real code: load_dataset, the
real MainWindow (its tree, its search box typed into key by key, its chart canvas), and
desktop.ui.chart.render. Times are seconds; each figure is summarised as median, min, max (and p95 for
the per-keystroke search latency)."""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

SEARCH_QUERIES = ("technology", "科技合作")


def summary(values: list[float]) -> dict:
    values = sorted(values)
    if not values:
        return {"median": None, "min": None, "max": None, "n": 0}
    p95 = values[min(len(values) - 1, int(round(0.95 * (len(values) - 1))))]
    return {"median": statistics.median(values), "min": values[0], "max": values[-1],
            "p95": p95, "n": len(values)}


def peak_rss_mib() -> float:
    from benchmarks._marks import peak_rss_mib as peak  # one copy of the VmHWM reading
    return peak()


def rss_now_mib() -> float:
    from benchmarks._marks import rss_now_mib as now
    return now()


def _app():
    from desktop.app import create_app
    return create_app(["bri-facts-bench"], error_hook=False)


class _PaintSpy:
    """Counts Paint events of one widget."""

    def __init__(self, widget) -> None:
        from PySide6.QtCore import QEvent, QObject

        class Filter(QObject):
            count = 0

            def eventFilter(self, watched, event):  # noqa: N802 - Qt naming
                if event.type() == QEvent.Type.Paint:
                    self.count += 1
                return False

        self.filter = Filter()
        widget.installEventFilter(self.filter)

    @property
    def count(self) -> int:
        return self.filter.count


def _settle(app, condition=lambda: True, timeout: float = 120.0) -> None:
    """Process events until nothing is pending and ``condition`` holds (no sleeping)."""
    deadline = time.perf_counter() + timeout
    while True:
        app.sendPostedEvents()
        app.processEvents()
        if condition() or time.perf_counter() > deadline:
            app.processEvents()
            return


def run_scale(folder: str | Path, runs: int = 5) -> dict:
    """Load+validate, tree build, search per keystroke, chart redraw and RSS for one dataset."""
    from desktop.domain import DatasetError, load_dataset
    result: dict = {"folder": str(folder)}
    loads = []
    dataset = None
    for _ in range(runs):
        dataset = None  # the previous load is freed first: the peak is one dataset's, not two
        gc.collect()
        started = time.perf_counter()
        try:
            dataset = load_dataset(folder)
        except DatasetError as exc:
            result["refused"] = exc.problems[0].message if exc.problems else str(exc)
            result["load"] = summary([time.perf_counter() - started])
            result["rss_mib"] = peak_rss_mib()
            return result
        loads.append(time.perf_counter() - started)
    result["facts"] = len(dataset.facts)
    result["themes"] = len(dataset.themes)
    result["load"] = summary(loads)
    result["rss_load_mib"] = peak_rss_mib()

    # the search index on its own, before the window exists (the window builds its own on a
    # worker thread when the dataset arrives)
    from desktop.domain.search import SearchIndex
    started = time.perf_counter()
    index = SearchIndex(dataset)
    result["index_build"] = summary([time.perf_counter() - started])
    result["search_index"] = _index_keystrokes(index, runs)
    del index
    gc.collect()

    app = _app()
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import open_settings
    window = MainWindow(None, open_settings(), "zh")
    window.show()
    _settle(app, lambda: window.isVisible())
    tree_spy = _PaintSpy(window.tree.viewport())

    # tree build: the dataset into the real window, until the tree has painted it
    trees = []
    for _ in range(runs):
        window.set_dataset(None)
        _settle(app)
        before = tree_spy.count
        started = time.perf_counter()
        window.set_dataset(dataset)
        window.tree.viewport().repaint()
        _settle(app, lambda: tree_spy.count > before)
        trees.append(time.perf_counter() - started)
    result["tree"] = summary(trees)

    # search: typed into the real search box one key at a time; each keystroke's latency lasts
    # until the tree shows the new result (the search runs on a 0 ms timer after the keystroke)
    # The window builds its index on a worker thread once the dataset is set; typing starts when
    # it is ready (typing during the build is measured by ``typing``). Its remembered words are
    # forgotten before each run, so every run pays for its searches, as a new query would.
    _settle(app, lambda: _window_index(window) is not None, timeout=1800)
    keystrokes, by_script = [], {"ascii": [], "chinese": []}
    typing_budget = time.perf_counter() + TYPING_BUDGET_S
    window.search.setFocus()
    for query in [q for _ in range(runs) for q in SEARCH_QUERIES]:
        if "search_cut_short" in result:
            break
        if query == SEARCH_QUERIES[0]:
            _forget(_window_index(window))
        window.search.clear()
        _settle(app, lambda: not window.browser.search_pending())
        for char in query:
            if time.perf_counter() > typing_budget:
                result["search_cut_short"] = f"typing stopped after {TYPING_BUDGET_S:.0f} s"
                break
            before = tree_spy.count
            started = time.perf_counter()
            if char.isascii():
                QTest.keyClick(window.search, char)
            else:  # Chinese arrives from the input method as a committed string
                event = QInputMethodEvent()
                event.setCommitString(char)
                app.sendEvent(window.search, event)
            _settle(app, lambda: not window.browser.search_pending())
            window.tree.viewport().repaint()
            keystrokes.append(time.perf_counter() - started)
            by_script["ascii" if query.isascii() else "chinese"].append(keystrokes[-1])
    result["search_keystroke"] = summary(keystrokes)
    result["search_ascii"] = summary(by_script["ascii"])
    result["search_chinese"] = summary(by_script["chinese"])
    result["search_hits"] = {SEARCH_QUERIES[-1]: len(window.search_hits or [])}
    window.search.clear()
    _settle(app, lambda: not window.browser.search_pending())

    # chart redraw: the biggest chart of the dataset's first generated (or any) theme, drawn
    # again and painted, as when a fact of another unit is selected
    from desktop.domain.charts import chart_specs
    from desktop.domain.scope import overview_scope, theme_scope
    theme = next((n for key, n in dataset.nodes.items() if key.startswith("gen-")), dataset.overview)
    specs = [s for s in chart_specs(dataset, theme_scope(dataset, theme), "zh") if s.bars] or \
        [s for s in chart_specs(dataset, overview_scope(dataset), "zh") if s.bars]
    spec = max(specs, key=lambda s: len(s.bars))
    chart_spy = _PaintSpy(window.charts.canvas.viewport())
    charts = []
    for _ in range(runs):
        window.charts.canvas.set_spec(None)
        _settle(app)
        before = chart_spy.count
        started = time.perf_counter()
        window.charts.canvas.set_spec(spec)
        window.charts.canvas.viewport().repaint()
        _settle(app, lambda: chart_spy.count > before)
        charts.append(time.perf_counter() - started)
    result["chart"] = summary(charts)
    result["chart_bars"] = len(spec.bars)
    result["rss_mib"] = peak_rss_mib()
    window.close()
    window.deleteLater()
    app.processEvents()
    return result


#: Typing into a window whose keystrokes take seconds stops after this long (reported).
TYPING_BUDGET_S = 600.0


def _window_index(window):
    """The window's search index once built (None before)."""
    holder = getattr(window, "browser", window)
    return getattr(holder, "index", None) or getattr(holder, "search_index", None)


def _forget(index) -> None:
    """Forget the words an index remembers from earlier queries (a new query starts cold)."""
    remembered = getattr(index, "_words", None)
    if remembered is not None:
        remembered.clear()


def _index_keystrokes(index, runs: int) -> dict:
    """SearchIndex.search alone, for each prefix of the queries as typed key by key: the part of
    a keystroke's latency that is the search, apart from the window's work."""
    times, by_script = [], {"ascii": [], "chinese": []}
    for _ in range(runs):
        _forget(index)
        for query in SEARCH_QUERIES:
            index.search("")
            for end in range(1, len(query) + 1):
                started = time.perf_counter()
                index.search(query[:end])
                times.append(time.perf_counter() - started)
                by_script["ascii" if query.isascii() else "chinese"].append(times[-1])
    return {"all": summary(times), "ascii": summary(by_script["ascii"]),
            "chinese": summary(by_script["chinese"])}


def run_typing(folder: str | Path, keys_per_second: float = 12.0, after_ready_s: float = 2.0,
               timeout: float = 600.0) -> dict:
    """Typing while a large dataset loads and its search index builds.

    The window starts with the bundled dataset; the large one is opened the way the app opens
    a dataset (``window.loads.open_path``: load on a worker thread, then ``set_dataset`` and the
    index on a worker). Meanwhile the two queries are typed, a key every 1/``keys_per_second`` s,
    over and over, from inside the event loop as a person would. A 5 ms timer measures the event
    loop: a gap between its ticks is time the loop could not run (a frozen frame). Reported per
    phase (loading, indexing, ready) and overall: the longest stall and the keystroke latency."""
    from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer
    from PySide6.QtGui import QInputMethodEvent
    from PySide6.QtTest import QTest

    from desktop.domain import load_dataset
    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import open_settings

    app = _app()
    window = MainWindow(None, open_settings(), "zh")
    bundled = load_dataset(REPO / "data")
    window.set_dataset(bundled)
    window.show()
    _settle(app, lambda: window.isVisible())
    # warm up: the chart library, fonts and the first search page load before the measurement
    warm_until = time.perf_counter() + 1.0
    window.search.setText(SEARCH_QUERIES[-1])
    _settle(app, lambda: time.perf_counter() > warm_until and not window.browser.search_pending())
    window.search.clear()
    _settle(app, lambda: not window.browser.search_pending())
    clock = QElapsedTimer()
    clock.start()
    phase = ["loading"]
    stalls: dict[str, list[float]] = {"loading": [], "indexing": [], "ready": []}
    keys: dict[str, list[float]] = {"loading": [], "indexing": [], "ready": []}
    marks: dict[str, float] = {}
    last = [clock.nsecsElapsed()]
    period_ms = 5

    worst: list[tuple[float, float, str]] = []  # (frozen for, seconds since the open, phase)

    def tick() -> None:
        now = clock.nsecsElapsed()
        stalls[phase[0]].append(max(0.0, (now - last[0]) / 1e9 - period_ms / 1000))
        if stalls[phase[0]][-1] > 0.1:
            worst.append((stalls[phase[0]][-1], time.perf_counter() - started, phase[0]))
        last[0] = now

    probe = QTimer()
    probe.setTimerType(Qt.TimerType.PreciseTimer)
    probe.setInterval(period_ms)
    probe.timeout.connect(tick)

    text = "".join(q + " " for q in SEARCH_QUERIES)
    position = [0]

    def press() -> None:
        char = text[position[0] % len(text)]
        position[0] += 1
        started = clock.nsecsElapsed()
        window.search.setFocus()
        if char == " ":
            window.search.clear()
        elif char.isascii():
            QTest.keyClick(window.search, char)
        else:
            event = QInputMethodEvent()
            event.setCommitString(char)
            app.sendEvent(window.search, event)
        # the search itself runs on the next turn of the loop; its time is a stall of the probe
        keys[phase[0]].append((clock.nsecsElapsed() - started) / 1e9)

    typist = QTimer()
    typist.setInterval(int(1000 / keys_per_second))
    typist.timeout.connect(press)

    loop = QEventLoop()
    job = window.loads.open_path(folder)
    started = time.perf_counter()

    def watch() -> None:
        elapsed = time.perf_counter() - started
        if phase[0] == "loading" and window.dataset is not None and window.dataset is not bundled:
            phase[0] = "indexing"
            marks["loaded"] = elapsed
        if phase[0] == "indexing" and _window_index(window) is not None:
            phase[0] = "ready"
            marks["indexed"] = elapsed
        if phase[0] == "ready" and elapsed - marks["indexed"] > after_ready_s or elapsed > timeout:
            loop.quit()

    watcher = QTimer()
    watcher.setInterval(20)
    watcher.timeout.connect(watch)
    for timer in (probe, typist, watcher):
        timer.start()
    loop.exec()
    for timer in (probe, typist, watcher):
        timer.stop()
    result: dict = {"folder": str(folder), "job": job is not None, "marks": marks,
                    "facts": len(window.dataset.facts) if window.dataset is not None else 0,
                    "keys_per_second": keys_per_second}
    everything = [s for values in stalls.values() for s in values]
    result["stall_max_s"] = max(everything, default=0.0)
    result["stall_phase"] = max(stalls, key=lambda k: max(stalls[k], default=0.0))
    for name in stalls:
        result[f"stall_{name}"] = summary(stalls[name])
        result[f"keys_{name}"] = len(keys[name])
    result["frames_over_100ms"] = sum(1 for s in everything if s > 0.1)
    result["worst"] = [{"frozen_s": f, "at_s": at, "phase": p} for f, at, p in sorted(worst)[::-1][:8]]
    result["rss_mib"] = peak_rss_mib()
    window.close()
    window.deleteLater()
    app.processEvents()
    return result


def run_session(folder: str | Path, timeout: float = 1800.0) -> dict:
    """Peak memory of one session as a reader has it, in a fresh process: the window opens the
    dataset the way the app opens one (loaded on a worker, then its index), the two queries are
    typed key by key with each results page built, and a fact of the last one is opened. (The
    ``scale`` figures come from a process that also loads the dataset once per timed run and
    builds a second index of its own: its peak is the benchmark's, not a session's.)"""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtTest import QTest

    from desktop.ui.main_window import MainWindow
    from desktop.ui.settings import open_settings

    app = _app()
    window = MainWindow(None, open_settings(), "zh")
    window.show()
    _settle(app, lambda: window.isVisible())
    started = time.perf_counter()
    window.loads.open_path(folder)
    _settle(app, lambda: window.dataset is not None, timeout=timeout)
    result: dict = {"folder": str(folder), "loaded_s": time.perf_counter() - started,
                    "rss_loaded_mib": rss_now_mib()}
    _settle(app, lambda: _window_index(window) is not None, timeout=timeout)
    window.search.setFocus()
    for query in SEARCH_QUERIES:
        window.search.clear()
        _settle(app, lambda: not window.browser.search_pending())
        for char in query:
            if char.isascii():
                QTest.keyClick(window.search, char)
            else:
                window.search.insert(char)
            _settle(app, lambda: not window.browser.search_pending())
            window.browser.show_page_now()
    hits = window.search_hits or []
    if hits:
        window.select_fact(hits[0])
    loop = QEventLoop()
    QTimer.singleShot(200, loop.quit)
    loop.exec()
    result["facts"] = len(window.dataset.facts)
    result["rss_mib"] = peak_rss_mib()
    window.close()
    window.deleteLater()
    app.processEvents()
    return result


def run_export(runs: int = 5, sizes=((1920, 1080), (3840, 2160)), batch_size=(1920, 1080),
               deck_charts: int = 45) -> dict:
    """PNG and SVG export of the bundled dataset's biggest chart, the batch export of all
    charts, and a PowerPoint deck of ``deck_charts`` charts."""
    app = _app()
    from desktop.domain.export import all_chart_specs
    from desktop.ui.chart.render import export_charts, render_chart_png
    from desktop.domain.bundled import load_bundled
    dataset = load_bundled()
    specs = all_chart_specs(dataset, "zh")
    spec = max(specs, key=lambda s: len(s.bars))
    result: dict = {"chart_bars": len(spec.bars), "charts": len(specs)}
    render_chart_png(spec, 1280, 720)  # first use: fonts, glyph caches
    for width, height in sizes:
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            data = render_chart_png(spec, width, height, "light")
            times.append(time.perf_counter() - started)
        result[f"png_{width}x{height}"] = summary(times)
        result[f"png_{width}x{height}_bytes"] = len(data)
    batch = []
    with tempfile.TemporaryDirectory(prefix="bri-facts-bench-export-") as folder:
        for _ in range(runs):
            started = time.perf_counter()
            export_charts(dataset, folder, "zh", batch_size, "light", True)
            batch.append(time.perf_counter() - started)
    result["batch_{}x{}".format(*batch_size)] = summary(batch)
    # SVG of the biggest chart (target ≤ 100 ms) and a deck of 45 charts (target ≤ 3 s): the
    # bundled dataset's charts, repeated up to 45, with its headline-figure slides
    from dataclasses import replace
    from itertools import cycle, islice
    from desktop.domain.deck import deck_content, render_deck
    from desktop.ui.chart.svg import render_chart_svg
    from desktop.ui.slides import deck_look
    render_chart_svg(spec, *batch_size)  # first use
    svg_times = []
    for _ in range(runs):
        started = time.perf_counter()
        data = render_chart_svg(spec, *batch_size)
        svg_times.append(time.perf_counter() - started)
    result["svg_{}x{}".format(*batch_size)] = summary(svg_times)
    result["svg_bytes"] = len(data)
    content = deck_content(dataset, None, "zh")
    content = replace(content, specs=tuple(islice(cycle(content.specs), deck_charts)))
    look = deck_look()
    render_deck(content, look)  # first use: python-pptx, lxml and the templates load
    deck_times = []
    for _ in range(runs):
        started = time.perf_counter()
        data = render_deck(content, look)
        deck_times.append(time.perf_counter() - started)
    result["deck_charts"] = len(content.specs)
    result["deck_slides"] = 1 + len(content.specs) + len(content.facts)
    result["deck"] = summary(deck_times)
    result["deck_bytes"] = len(data)
    result["rss_mib"] = peak_rss_mib()
    app.processEvents()
    return result


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="what", required=True)
    scale = sub.add_parser("scale")
    scale.add_argument("folder")
    scale.add_argument("--runs", type=int, default=5)
    export = sub.add_parser("export")
    export.add_argument("--runs", type=int, default=5)
    typing = sub.add_parser("typing")
    typing.add_argument("folder")
    session = sub.add_parser("session")
    session.add_argument("folder")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="bri-facts-bench-home-") as home:
        os.environ["BRI_FACTS_HOME"] = home  # never the user's settings
        if args.what == "scale":
            result = run_scale(args.folder, args.runs)
        elif args.what == "typing":
            result = run_typing(args.folder)
        elif args.what == "session":
            result = run_session(args.folder)
        else:
            result = run_export(args.runs)
    sys.stdout.write("BRI_FACTS_BENCH_JSON " + json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
