"""The command line: `bri-facts` opens the window; `bri-facts validate PATH` checks a dataset.

Every failure a user can cause (a bad path, a broken dataset, an unwritable folder) is a
one-line message and a non-zero exit, never a traceback."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

from desktop import APP_NAME, __version__

log = logging.getLogger("bri-facts")

EXIT_OK, EXIT_INVALID, EXIT_USAGE = 0, 1, 2
#: what export-charts writes (desktop.ui.chart.render.FORMATS, named here so --help needs no Qt)
FORMATS = ("png", "svg", "pptx")
#: The log file is handed to the rotating handler this long after the first paint: the import of
#: ``logging.handlers`` (socket, pickle: ~25 ms, 0.3 MiB) is no part of the start-up.
ROTATE_LOG_AFTER_MS = 3000


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # one line and exit 2, argparse's usual contract
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="bri-facts", description=f"{APP_NAME}: the facts of 深化“一带一路”科技"
                                                     "创新合作, offline, in Chinese and English.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    parser.add_argument("--lang", choices=("zh", "en"), help="language of the window and the data")
    parser.add_argument("--dataset", metavar="PATH",
                        help="open this dataset (folder, .zip or .xlsx) instead of the bundled one")
    parser.add_argument("--no-err-windows", action="store_true",
                        help="log errors without showing dialogs (headless runs)")
    parser.add_argument("--kiosk", action="store_true",
                        help="booth mode: after some idle minutes (setting Present/"
                             "kiosk_idle_minutes, default 3) cycle the headline facts full screen")
    parser.add_argument("--self-test", action="store_true",
                        help="open the window, draw and export a chart, check the bundled font, "
                             "data and translation; print OK and exit 0, or what failed and exit 1")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = sub.add_parser("validate", help="check a dataset and print every problem found")
    validate.add_argument("path", metavar="PATH", help="a dataset folder, .zip or .xlsx")
    charts = sub.add_parser(
        "export-charts", help="write every chart of the dataset for slides: PNG or SVG images, "
                              "or one PowerPoint deck (headless)",
        description="Write every chart of the dataset into DIR, headless: one image per chart "
                    "(name: <theme>--<unit>.<lang>.<format>), or with --format pptx one deck "
                    "(deck--all.<lang>.pptx) of every chart and the headline figures. Prints "
                    "each file written. Nothing is written unless every check passed.")
    charts.add_argument("--out", required=True, metavar="DIR",
                        help="the folder to write into; created (with its parents) if missing")
    charts.add_argument("--format", choices=FORMATS, default="png", dest="fmt",
                        help="png: an image per chart; svg: a vector image per chart, text kept "
                             "as text; pptx: one 16:9 PowerPoint deck whose charts can be edited "
                             "(the numbers are in each chart's data sheet) (default png)")
    charts.add_argument("--transparent", action="store_true",
                        help="png and svg: no background, in colours that read on white and on "
                             "dark slides alike (instead of --style)")
    # SUPPRESS: given before the command (bri-facts --lang en export-charts …) they still count
    charts.add_argument("--lang", choices=("zh", "en"), default=argparse.SUPPRESS,
                        help="language of the charts and slides (default zh)")
    charts.add_argument("--size", default="1920x1080", metavar="WxH",
                        help="png and svg: image size in pixels, each side 320–7680 (default "
                             "1920x1080); a deck is always 16:9")
    charts.add_argument("--style", choices=("light", "dark"), default="light",
                        help="png and svg: white or dark background (default light)")
    charts.add_argument("--dataset", metavar="PATH", default=argparse.SUPPRESS,
                        help="a dataset folder, .zip or .xlsx (default: the bundled one)")
    charts.add_argument("--force", action="store_true",
                        help="replace files of the same name already in DIR (without it, an "
                             "existing file is an error and nothing is written)")
    return parser


def cmd_validate(args) -> int:
    from desktop.domain import DatasetError, load_dataset
    from desktop.domain.errors import LoadCancelled
    try:  # a console that cannot show 中文 gets \uXXXX escapes, not a UnicodeEncodeError
        sys.stdout.reconfigure(errors="backslashreplace")
    except (AttributeError, ValueError):
        pass
    try:
        dataset = load_dataset(args.path)
    except DatasetError as exc:
        print(exc.report(limit=1000))
        return EXIT_INVALID
    except LoadCancelled:  # pragma: no cover - no progress callback here
        return EXIT_INVALID
    except Exception as exc:  # the contract: never a traceback, whatever PATH holds
        log.debug("validate failed", exc_info=True)
        print(f"{args.path}: could not be read ({type(exc).__name__}: {exc})")
        return EXIT_INVALID
    print(f"{args.path}: valid — {len(dataset.facts)} facts in {len(dataset.themes)} themes, "
          f"{len(dataset.sources)} source(s).")
    return EXIT_OK


def cmd_gui(args) -> int:
    from desktop.base.logsetup import rotate_log, setup_logging
    setup_logging(rotate=False)  # rotating from the first paint on (see logsetup)
    from desktop.app import create_app
    app = create_app(sys.argv[:1], err_windows=not args.no_err_windows)
    from desktop.ui.launch import open_main_window
    window = open_main_window(app, lang=args.lang, dataset_path=args.dataset, fast=True)
    if window is None:
        return EXIT_INVALID
    if args.kiosk:
        window.presenter.enable_kiosk()
    from desktop.ui.keyboard import hand_over_from_splash
    from desktop.ui.platform import splash_showing
    if splash_showing():  # the single-file build's splash stays until the content is painted
        window.contentPainted.connect(lambda what: what == "content" and hand_over_from_splash(window))
    from PySide6.QtCore import QTimer

    def rotate_later(what: str) -> None:
        if what == "content":
            QTimer.singleShot(ROTATE_LOG_AFTER_MS, window, rotate_log)
    window.contentPainted.connect(rotate_later)
    import os
    if os.environ.get("BRI_FACTS_BENCH"):  # start-up timing for benchmarks/run.py only
        from desktop.ui.bench import report_paints
        report_paints(app, window)
    return app.exec()


def cmd_export_charts(args) -> int:
    """Every chart as PNG or SVG, or one deck, into --out (created when missing); prints each
    path written. Usage errors exit 2, failures 1; nothing is written unless every check
    passed."""
    def fail(message: str, code: int) -> int:
        print(f"bri-facts export-charts: error: {message}", file=sys.stderr)
        return code

    from desktop.ui.chart.render import (TRANSPARENT, ExportError, RenderError, export_charts,
                                         parse_size)
    try:
        size = parse_size(args.size)
    except RenderError as exc:
        return fail(f"--size: {exc}", EXIT_USAGE)
    out = Path(args.out).expanduser()
    if out.exists() and not out.is_dir():
        return fail(f"--out: {out} is a file, not a folder", EXIT_INVALID)
    from desktop.domain import DatasetError, load_dataset
    from desktop.base.paths import data_path
    source = getattr(args, "dataset", None) or data_path()
    try:
        dataset = load_dataset(source)
    except DatasetError as exc:
        first = exc.problems[0] if exc.problems else "no details"
        more = (f" (and {len(exc.problems) - 1} more problem(s): `bri-facts validate {source}` "
                "lists them)") if len(exc.problems) > 1 else ""
        return fail(f"not a valid dataset: {first}{more}", EXIT_INVALID)
    except Exception as exc:  # the contract: never a traceback, whatever PATH holds
        log.debug("export-charts: dataset failed", exc_info=True)
        return fail(f"{source}: could not be read ({type(exc).__name__}: {exc})", EXIT_INVALID)
    import os
    if args.fmt != "pptx":  # a deck is written without Qt; the images are drawn by it
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # headless unless told otherwise
        from desktop.app import create_app
        create_app(sys.argv[:1], error_hook=False)
    try:
        style = TRANSPARENT if args.transparent else args.style
        export_charts(dataset, out, getattr(args, "lang", None) or "zh", size, style,
                      args.force, written=lambda path: print(path, flush=True), fmt=args.fmt)
    except (ExportError, RenderError) as exc:
        return fail(str(exc), EXIT_INVALID)
    except BrokenPipeError:  # the reader of our output went away (… | head): stop quietly
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_INVALID
    return EXIT_OK


COMMANDS = {"validate": cmd_validate, "export-charts": cmd_export_charts}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if (args.self_test or args.command) and "_PYI_SPLASH_IPC" in __import__("os").environ:
        from desktop.ui.platform import close_splash  # no window to wait for: the splash goes now
        close_splash()
    if args.self_test:
        from desktop import selftest
        return selftest.run(args)
    if args.command is None:
        return cmd_gui(args)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `bri-facts validate … | head`: the reader left, that is fine
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
