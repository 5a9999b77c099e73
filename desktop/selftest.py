"""`bri-facts --self-test`: proves that an installed or frozen build works, without a person.

It starts the real window as a double-click does (on any platform, ``offscreen`` included): the
first page from the shipped snapshot, a figure card clicked before the data comes, that fact
open once it has. Then it selects a fact, waits until the fact's chart is painted, exports that
chart to a PNG in a temporary folder, and checks that the bundled font and the Chinese
translation are in use. The user's settings are not touched. One line ``self-test OK: …`` and
exit 0, or one line per failure (``self-test FAILED: …``) and exit 1. Nothing is left behind but
the log.
"""

from __future__ import annotations

import logging
import shutil
import sys
import tempfile
import time
from pathlib import Path

log = logging.getLogger("bri-facts.self-test")

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
TIMEOUT_S = 30.0
EXPORT_SIZE = (1920, 1080)


def _say(line: str) -> None:
    log.info("%s", line)
    if sys.stdout is not None:  # a windowed Windows build has no stdout
        print(line, flush=True)


class _Problems(logging.Handler):
    """Collects every ERROR (or worse) logged while the self-test runs: Qt's own messages too."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(f"{record.name}: {record.getMessage().splitlines()[0]}")


def _wait(app, condition, timeout: float = TIMEOUT_S) -> bool:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            return False
        app.processEvents()
        app.sendPostedEvents()
        time.sleep(0.005)  # the process waits for its own paint; nothing else to do meanwhile
    return True


def _draws_chinese(family: str, text: str = "深化“一带一路”科技创新合作") -> bool:
    """True when ``family`` alone shapes ``text`` with real glyphs (none is the .notdef box).
    The shaped glyphs are what the screen shows; the font's writing-system flags are not."""
    from PySide6.QtGui import QFont, QTextLayout
    font = QFont()
    font.setFamilies([family])
    font.setPixelSize(20)
    layout = QTextLayout(text, font)
    layout.beginLayout()
    layout.createLine()
    layout.endLayout()
    runs = layout.glyphRuns()
    return bool(runs) and all(run.rawFont().familyName() == family and 0 not in run.glyphIndexes()
                              for run in runs)


def run(args) -> int:
    started = time.perf_counter()
    import os
    from desktop.base.logsetup import setup_logging
    log_path = setup_logging()
    tmp = Path(tempfile.mkdtemp(prefix="bri-facts-self-test-"))
    # the log stays where it is; the window's settings go to the temporary folder, so a self-test
    # never changes what the user had selected or how the window was laid out
    os.environ["BRI_FACTS_HOME"] = str(tmp / "home")
    problems = _Problems()
    logging.getLogger().addHandler(problems)
    failures: list[str] = []
    facts: dict[str, str] = {}
    try:
        code = _run(args, failures, facts, tmp)
    except Exception as exc:  # the contract: a line saying what failed, never a traceback
        log.exception("self-test crashed")
        failures.append(f"unexpected {type(exc).__name__}: {exc}")
        code = 1
    finally:
        logging.getLogger().removeHandler(problems)
        shutil.rmtree(tmp, ignore_errors=True)
    failures.extend(f"error logged: {m}" for m in problems.messages)
    elapsed = time.perf_counter() - started
    if failures or code:
        for failure in failures or ["unknown failure"]:
            _say(f"self-test FAILED: {failure}")
        _say(f"self-test: see the log {log_path or '(none: the log folder is not writable)'}")
        return 1
    summary = ", ".join(f"{k} {v}" for k, v in facts.items())
    _say(f"self-test OK: {summary}; {elapsed:.2f} s")
    return 0


def _run(args, failures: list[str], facts: dict[str, str], tmp: Path) -> int:
    from PySide6.QtCore import QCoreApplication, QEvent, QObject
    from PySide6.QtGui import QFontDatabase, QImage

    from desktop.app import create_app
    from desktop.ui.fonts import FONT_FAMILY, app_font
    from desktop.ui.i18n import install_translator
    from desktop.base.paths import is_frozen

    app = create_app(sys.argv[:1], err_windows=False)
    facts["build"] = "frozen" if is_frozen() else "source"
    facts["platform"] = app.platformName()

    # the bundled font: registered, and what the app's font resolves to
    if FONT_FAMILY not in QFontDatabase.families():
        failures.append(f"font: the bundled family {FONT_FAMILY!r} is not loaded "
                        "(resources/fonts missing from the build?)")
    elif FONT_FAMILY not in app_font(12).families():
        failures.append(f"font: the app's font does not name {FONT_FAMILY!r}")
    elif not _draws_chinese(FONT_FAMILY):
        failures.append(f"font: {FONT_FAMILY!r} does not draw the article's title "
                        "(missing glyphs: a wrong subset?)")
    else:
        facts["font"] = repr(FONT_FAMILY)

    # the Chinese translation: the file loads, and a known word comes out in Chinese
    if not install_translator(app, "zh"):
        failures.append("translation: resources/i18n/bri_facts_zh_CN.qm is missing or unreadable")
    elif QCoreApplication.translate("BrowsePanel", "Themes") == "Themes":
        failures.append("translation: the zh translation is loaded but does not translate "
                        "“Themes” (an empty or stale .qm?)")
    else:
        facts["translation"] = "zh"

    if not _start(app, failures, facts):
        return 1

    # the bundled dataset, read before any window so that no dialog can block a headless run
    from desktop.domain import DatasetError
    from desktop.domain.bundled import load_bundled
    from desktop.ui.launch import open_main_window
    try:
        dataset = load_bundled()
    except DatasetError as exc:
        failures.append(f"data: the bundled dataset does not load: {exc.report(limit=3)}")
        return 1
    if dataset is None or len(dataset.facts) == 0:
        failures.append("data: the bundled dataset has no facts")
        return 1
    facts["dataset"] = f"{len(dataset.facts)} facts"

    window = open_main_window(app, lang="zh", show=False)
    if window is None or window.dataset is None:
        failures.append("window: the main window did not open on the bundled dataset")
        return 1

    class PaintSpy(QObject):
        def __init__(self) -> None:
            super().__init__()
            self.count = 0

        def eventFilter(self, watched, event) -> bool:  # noqa: N802 - Qt naming
            if event.type() == QEvent.Type.Paint:
                self.count += 1
            return False

    try:
        window_spy, chart_spy = PaintSpy(), PaintSpy()
        window.installEventFilter(window_spy)
        window.charts.canvas.viewport().installEventFilter(chart_spy)
        window.show()
        if not _wait(app, lambda: window_spy.count > 0):
            failures.append("window: never painted")
            return 1

        # a theme's page with a chart (not the overview's, on screen now), then a fact of it
        from desktop.domain.charts import INFORMATIVE, chart_specs
        from desktop.domain.scope import theme_scope
        charted = [(node, spec) for node in dataset.nodes.values() if node is not dataset.overview
                   for spec in chart_specs(dataset, theme_scope(dataset, node), "zh",
                                           min_bars=INFORMATIVE)]
        if not charted:
            failures.append("chart: the bundled dataset has nothing to chart")
            return 1
        node, spec = max(charted, key=lambda pair: len(pair[1].bars))
        fact_id = spec.bars[-1].fact_id
        group = window.model.find_group(node.id)
        window.tree.setCurrentIndex(group)
        if not _wait(app, lambda: window.current_spec() is not None):
            failures.append(f"chart: the page of {node.id} shows no chart")
            return 1
        painted_before = chart_spy.count
        window.open_fact(fact_id)
        if window.current_fact != fact_id:
            failures.append(f"window: fact {fact_id} could not be opened from its page")
            return 1

        def chart_shows_fact() -> bool:
            spec = window.current_spec()
            return (chart_spy.count > painted_before and window.current_fact == fact_id
                    and spec is not None and any(b.fact_id == fact_id for b in spec.bars)
                    and bool(window.charts.canvas.bar_values()))

        if not _wait(app, chart_shows_fact):
            failures.append(f"chart: the chart of fact {fact_id} was not drawn within {TIMEOUT_S:.0f} s")
            return 1
        spec = window.current_spec()
        facts["fact"] = f"{fact_id} ({len(spec.bars)} bars, {spec.unit})"

        # export that chart as a PNG, through the same code as File ▸ Export chart
        target = tmp / "self-test-chart.png"
        from desktop.base.safe_write import write_bytes, write_with
        try:
            from desktop.ui.chart.render import render_chart_png
        except ImportError:
            render_chart_png = None
        if render_chart_png is not None:
            write_bytes(target, render_chart_png(spec, *EXPORT_SIZE, "light"))
            expected = EXPORT_SIZE
        else:
            pixmap = window.charts.canvas.grab()
            write_with(target, lambda p: pixmap.save(str(p), "PNG"))
            expected = (pixmap.width(), pixmap.height())
        data = target.read_bytes()
        image = QImage(str(target))
        if not data.startswith(PNG_MAGIC) or image.isNull():
            failures.append(f"export: {target.name} is not a readable PNG")
        elif (image.width(), image.height()) != expected:
            failures.append(f"export: the PNG is {image.width()}×{image.height()}, "
                            f"not {expected[0]}×{expected[1]}")
        else:
            facts["export"] = f"PNG {image.width()}×{image.height()} ({len(data) // 1024} KiB)"
    finally:
        window.close()
        window.deleteLater()
        app.processEvents()
    return 1 if failures else 0


def _start(app, failures: list[str], facts: dict[str, str]) -> bool:
    """The start a double-click makes: the first page painted from the shipped snapshot, the data
    loaded after it. A figure card is clicked at once, while the page is still the snapshot's
    (in the single file that lasts about a second; such a click crashed it once), and its fact
    must be open when the data has come."""
    from desktop.ui.launch import open_main_window
    window = open_main_window(app, lang="zh", fast=True)
    try:
        if window is None or not window.waiting:
            failures.append("start: the first page did not come from the shipped snapshot "
                            "(resources/snapshots missing from the build, or stale?)")
            return False
        cards = window.detail.figure_cards()
        if not cards:
            failures.append("start: the snapshot's first page has no figure card")
            return False
        wanted = cards[0].fact_id
        cards[0].click()
        if not _wait(app, lambda: window.dataset is not None and window.current_fact == wanted):
            failures.append(f"start: the card of {wanted}, clicked before the data came, did not "
                            f"open its fact within {TIMEOUT_S:.0f} s of it")
            return False
        facts["start"] = f"snapshot, then the data; {wanted} clicked before it came"
        return True
    finally:
        if window is not None:
            window.close()
            window.deleteLater()
            app.processEvents()
