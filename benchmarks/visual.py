"""Start-up measured from outside, as a person sees it: the screen of a virtual X server is
grabbed every few milliseconds while a program starts, and compared with its final picture.

  half  the first moment at which half of the pixels that will change hold their final value
  full  the first moment from which every such pixel holds it (to a small tolerance for the
        text cursor and antialiasing: 99.5 %)

Both count from just before the process is started. The program is started without the
benchmark hook (it stays open as a user would have it) and ended after ``HOLD`` seconds; its
final picture is the last frame before that. The grabs are made by this process's own Qt on the
same X display, scaled to a quarter in each direction (1920×1080 → 480×270) to keep up.

  python benchmarks/visual.py            # prints one JSON object: {program: {half, full}}
"""

from __future__ import annotations

import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
PY = sys.executable
HOLD = 4.0           # seconds a program is left to settle before it is ended
SCALE = 4
COMPLETE = 0.995
PROGRAMS = {
    "app": [PY, "-m", "desktop", "--lang", "zh"],
    "minimal stack": [PY, str(HERE / "minimal_stack.py")],
    "bare window": [PY, str(HERE / "bare_window.py")],
}


def _frames(screen, proc, t0: float, hold: float) -> list[tuple[float, bytes]]:
    from PySide6.QtCore import Qt
    frames = []
    while time.perf_counter() - t0 < hold and proc.poll() is None:
        image = screen.grabWindow(0).toImage().scaled(
            1920 // SCALE, 1080 // SCALE, Qt.AspectRatioMode.IgnoreAspectRatio,
            Qt.TransformationMode.FastTransformation)
        frames.append((time.perf_counter() - t0, bytes(image.constBits())))
    return frames


def progress(frames: list[tuple[float, bytes]]) -> dict:
    """half and full (seconds) from the frames, the first being the empty screen."""
    import numpy as np
    first = np.frombuffer(frames[0][1], dtype=np.uint32)
    final = np.frombuffer(frames[-1][1], dtype=np.uint32)
    changing = first != final
    total = int(changing.sum())
    half = full = None
    for t, data in frames:
        now = np.frombuffer(data, dtype=np.uint32)
        done = int((now[changing] == final[changing]).sum()) / max(total, 1)
        if half is None and done >= 0.5:
            half = t
        if done >= COMPLETE:
            full = full if full is not None else t
        else:
            full = None
    return {"half": half, "full": full, "changed_pixels": total, "frames": len(frames)}


def measure(program: str, runs: int, env: dict) -> dict:
    from PySide6.QtGui import QGuiApplication
    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0], "-platform", "xcb"])
    screen = app.primaryScreen()
    halves, fulls = [], []
    for n in range(runs):
        home = Path(env["TMPDIR"]) / f"visual-{program.replace(' ', '-')}-{n}"
        run_env = dict(env, BRI_FACTS_HOME=str(home))
        t0 = time.perf_counter()
        proc = subprocess.Popen(PROGRAMS[program], cwd=REPO, env=run_env,
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        frames = _frames(screen, proc, t0, HOLD)
        proc.terminate()
        proc.wait(timeout=10)
        result = progress(frames)
        if result["half"] is not None and result["full"] is not None:
            halves.append(result["half"])
            fulls.append(result["full"])
    return {"half": statistics.median(halves) if halves else None,
            "full": statistics.median(fulls) if fulls else None, "runs": len(halves),
            "frames": result["frames"]}


def main(runs: int = 3) -> int:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        print(json.dumps({"skipped": "Xvfb is not installed"}))
        return 0
    display = f":{700 + os.getpid() % 200}"
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        time.sleep(1.0)
        os.environ.update(DISPLAY=display, QT_QPA_PLATFORM="xcb")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("BRI_FACTS",))}
        env["TMPDIR"] = env.get("TMPDIR", "/tmp")
        results = {name: measure(name, runs, env) for name in PROGRAMS}
    finally:
        server.terminate()
    print(json.dumps(results))
    return 0


if __name__ == "__main__":
    sys.exit(main(int(sys.argv[1]) if len(sys.argv) > 1 else 3))
