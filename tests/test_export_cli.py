"""`bri-facts export-charts`: every chart of the dataset as PNG, headless; clean one-line
failures, never a traceback, nothing written unless every check passed."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

from desktop.cli import main
from desktop.domain.charts import chart_specs
from desktop.domain.scope import theme_scope

REPO = Path(__file__).resolve().parent.parent


def _expected_names(dataset, lang: str) -> list[str]:
    """One file per spec of every theme (overview included), counted independently of the
    exporter: theme key and unit slug, then the language."""
    names = []
    for root in dataset.roots:
        for node in root.walk():
            names += [f"{spec.key}.{lang}.png" for spec in chart_specs(dataset, theme_scope(dataset, node), lang)]
    return names


def _run(capsys, *argv) -> tuple[int, str, str]:
    code = main(["export-charts", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def _one_line_error(err: str) -> str:
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert "Traceback" not in err
    return lines[0]


def test_writes_one_png_per_chart(qapp, dataset, tmp_path, capsys):
    code, out, err = _run(capsys, "--out", str(tmp_path), "--lang", "en", "--size", "1280x720")
    assert code == 0, err
    expected = _expected_names(dataset, "en")
    assert len(expected) > 10
    assert sorted(p.name for p in tmp_path.iterdir() if p.name != "home") == sorted(expected)
    printed = out.strip().splitlines()
    assert [Path(line).name for line in printed] == expected  # each path, in tree order
    assert all(Path(line).parent == tmp_path.resolve() for line in printed)
    assert "overview--centres.en.png" in expected  # the headline charts are included
    for line in printed[:3]:
        image = QImage(line)
        assert (image.width(), image.height()) == (1280, 720)


def test_lang_before_the_command_counts_too(qapp, dataset, tmp_path, capsys):
    code = main(["--lang", "en", "export-charts", "--out", str(tmp_path), "--size", "640x360"])
    capsys.readouterr()
    assert code == 0
    assert all(p.name.endswith(".en.png") for p in tmp_path.iterdir() if p.name != "home")


def test_existing_file_without_force_writes_nothing(qapp, dataset, tmp_path, capsys):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    first = _expected_names(dataset, "zh")[3]
    (out_dir / first).write_bytes(b"keep me")
    code, out, err = _run(capsys, "--out", str(out_dir), "--size", "640x360")
    assert code == 1
    line = _one_line_error(err)
    assert first in line and "--force" in line
    assert out == ""
    assert [p.name for p in out_dir.iterdir()] == [first]  # nothing else written
    assert (out_dir / first).read_bytes() == b"keep me"
    code, out, err = _run(capsys, "--out", str(out_dir), "--size", "640x360", "--force",
                          "--style", "dark")
    assert code == 0, err
    image = QImage(str(out_dir / first))
    assert (image.width(), image.height()) == (640, 360)
    assert image.pixelColor(1, 1).name() == "#0d1117"


@pytest.mark.parametrize("case", ["missing", "a file", "bad size", "tiny size", "huge size"])
def test_usage_errors_exit_2_in_one_line(qapp, tmp_path, capsys, case):
    out_dir = tmp_path / "out"
    size = "1280x720"
    if case == "missing":
        target = tmp_path / "nowhere"
    elif case == "a file":
        target = tmp_path / "file.txt"
        target.write_text("x")
    else:
        out_dir.mkdir()
        target = out_dir
        size = {"bad size": "big", "tiny size": "10x10", "huge size": "9000x9000"}[case]
    code, out, err = _run(capsys, "--out", str(target), "--size", size)
    assert code == 2
    line = _one_line_error(err)
    assert ("--size" in line) == case.endswith("size")
    assert out == ""
    if out_dir.exists():
        assert list(out_dir.iterdir()) == []


def test_unwritable_folder_exits_1(qapp, tmp_path, capsys, monkeypatch):
    """A folder that refuses new files (read-only, someone else's): one line, exit 1. Root is
    not stopped by permissions, so the refusal is simulated where files are created."""
    out_dir = tmp_path / "locked"
    out_dir.mkdir()
    if os.name == "posix" and os.geteuid() != 0:
        out_dir.chmod(0o500)
    else:
        real = tempfile.mkstemp

        def refuse(*args, **kwargs):
            if Path(kwargs.get("dir", "")) == out_dir:
                raise PermissionError(errno.EACCES, "Permission denied")
            return real(*args, **kwargs)
        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        code, out, err = _run(capsys, "--out", str(out_dir))
    finally:
        out_dir.chmod(0o700)
    assert code == 1
    line = _one_line_error(err)
    assert str(out_dir) in line
    assert list(out_dir.iterdir()) == []


def test_bad_dataset_exits_1(qapp, tmp_path, capsys, dataset_copy):
    (dataset_copy / "facts.csv").write_text("id,theme\nx,nowhere\n", encoding="utf-8")
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    code, out, err = _run(capsys, "--out", str(out_dir), "--dataset", str(dataset_copy))
    assert code == 1
    assert "not a valid dataset" in _one_line_error(err)
    code, out, err = _run(capsys, "--out", str(out_dir), "--dataset", str(tmp_path / "missing"))
    assert code == 1
    _one_line_error(err)
    assert list(out_dir.iterdir()) == []


def test_runs_headless_without_qt_platform_set(tmp_path, dataset):
    """As a user runs it on a server: no QT_QPA_PLATFORM, no display."""
    env = {k: v for k, v in os.environ.items()
           if k not in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY")}
    env.update(BRI_FACTS_HOME=str(tmp_path / "home"), PYTHONPATH=str(REPO))
    out_dir = tmp_path / "charts"
    out_dir.mkdir()
    done = subprocess.run([sys.executable, "-m", "desktop", "export-charts", "--out", str(out_dir),
                           "--size", "800x450"], env=env, cwd=REPO, capture_output=True, text=True,
                          timeout=300)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    expected = _expected_names(dataset, "zh")
    assert sorted(p.name for p in out_dir.iterdir()) == sorted(expected)
    assert len(done.stdout.strip().splitlines()) == len(expected)
    assert "s3-tech-transfer--events.zh.png" in expected
