#!/usr/bin/env python3
"""Scale and export measurements, run in a process of their own so that each size's memory is its
own (benchmarks/run.py starts one per dataset size):

    python benchmarks/scale.py scale FOLDER [--runs 5]    load+validate, tree, search, chart, RSS
    python benchmarks/scale.py export [--runs 5]          PNG 1920×1080, 3840×2160, batch; SVG; deck

Prints one JSON object on stdout. Everything goes through the app's real code: load_dataset, the
real MainWindow (its tree, its search box typed into key by key, its chart canvas), and
desktop.ui.chart.render. Times are seconds; each figure is summarised as median, min, max (and p95 for
the per-keystroke search latency)."""

from __future__ import annotations

import argparse
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
    keystrokes = []
    window.search.setFocus()
    for _ in range(runs):
        for query in SEARCH_QUERIES:
            window.search.clear()
            _settle(app, lambda: not window.browser.search_pending())
            for char in query:
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
    result["search_keystroke"] = summary(keystrokes)
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
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    with tempfile.TemporaryDirectory(prefix="bri-facts-bench-home-") as home:
        os.environ["BRI_FACTS_HOME"] = home  # never the user's settings
        result = run_scale(args.folder, args.runs) if args.what == "scale" else run_export(args.runs)
    sys.stdout.write("BRI_FACTS_BENCH_JSON " + json.dumps(result, ensure_ascii=False) + "\n")
    sys.stdout.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
