"""Make resources/first-paint/<lang>.json: the window's first screen on a first start, taken
from the window itself (desktop.ui.snapshot), so that a first start paints it before pandas is
loaded. Run by `make snapshot` after the data or the window changes; a test says when it is due."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))


def take(lang: str) -> dict:
    from PySide6.QtCore import QCoreApplication, QEvent
    from PySide6.QtWidgets import QApplication

    from desktop.app import create_app
    from desktop.ui import snapshot
    from desktop.ui.launch import open_main_window
    app = create_app(["bri-facts-snapshot"], error_hook=False)
    window = open_main_window(app, lang=lang, show=True)
    if window is None or window.dataset is None:  # a snapshot vouches for the data it shows
        raise SystemExit("the bundled dataset does not load: no snapshot made")
    for _ in range(5):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
        QApplication.processEvents()
    shot = snapshot.take(window, window.start_state())
    window.close()
    window.deleteLater()
    QApplication.processEvents()
    return shot


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.ui import snapshot
    with tempfile.TemporaryDirectory() as home:
        os.environ["BRI_FACTS_HOME"] = home  # a first start: no settings, no cache
        for lang in ("zh", "en"):
            path = snapshot.shipped_path(lang)
            path.parent.mkdir(parents=True, exist_ok=True)
            snapshot.write(take(lang), path)
            print(f"wrote {path.relative_to(REPO)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
