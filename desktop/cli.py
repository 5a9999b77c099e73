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
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    validate = sub.add_parser("validate", help="check a dataset and print every problem found")
    validate.add_argument("path", metavar="PATH", help="a dataset folder, .zip or .xlsx")
    return parser


def cmd_validate(args) -> int:
    from desktop.domain import DatasetError, load_dataset
    from desktop.domain.errors import LoadCancelled
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
    from desktop.logsetup import setup_logging
    setup_logging()
    from desktop.app import create_app
    app = create_app(sys.argv[:1], err_windows=not args.no_err_windows)
    from desktop.ui.launch import open_main_window
    window = open_main_window(app, lang=args.lang, dataset_path=args.dataset)
    if window is None:
        return EXIT_INVALID
    return app.exec()


COMMANDS = {"validate": cmd_validate}


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    if args.command is None:
        return cmd_gui(args)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
