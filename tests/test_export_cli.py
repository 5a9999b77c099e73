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


@pytest.mark.parametrize("case", ["bad size", "tiny size", "huge size", "bad format"])
def test_usage_errors_exit_2_in_one_line(qapp, tmp_path, capsys, case):
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    args = ["--size", {"bad size": "big", "tiny size": "10x10", "huge size": "9000x9000"}
            .get(case, "1280x720")]
    if case == "bad format":
        args += ["--format", "gif"]
        with pytest.raises(SystemExit) as exit_:
            main(["export-charts", "--out", str(out_dir), *args])
        code, (out, err) = exit_.value.code, capsys.readouterr()
        assert "--format" in err.strip().splitlines()[-1]
    else:
        code, out, err = _run(capsys, "--out", str(out_dir), *args)
        assert "--size" in _one_line_error(err)
    assert code == 2
    assert out == ""
    assert list(out_dir.iterdir()) == []


def test_a_missing_folder_is_created_with_its_parents(qapp, dataset, tmp_path, capsys):
    target = tmp_path / "talks" / "2024" / "charts"
    code, out, err = _run(capsys, "--out", str(target), "--lang", "en", "--size", "640x360")
    assert code == 0, err
    expected = _expected_names(dataset, "en")
    assert sorted(p.name for p in target.iterdir()) == sorted(expected)
    assert [Path(line).name for line in out.strip().splitlines()] == expected


@pytest.mark.parametrize("case", ["a file", "under a file"])
def test_a_file_in_the_way_exits_1_in_one_line(qapp, dataset, tmp_path, capsys, case):
    blocker = tmp_path / "file.txt"
    blocker.write_text("x")
    target = blocker if case == "a file" else blocker / "charts"
    code, out, err = _run(capsys, "--out", str(target), "--size", "640x360")
    assert code == 1
    line = _one_line_error(err)
    assert str(blocker) in line
    assert out == ""
    assert blocker.read_text() == "x"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["file.txt", "home"]


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


# --------------------------------------------------------------------------- SVG, PNG, deck


def test_svg_format_writes_one_vector_image_per_chart(qapp, dataset, tmp_path, capsys):
    import xml.etree.ElementTree as ET
    code, out, err = _run(capsys, "--out", str(tmp_path / "svg"), "--format", "svg",
                          "--lang", "en", "--size", "1280x720")
    assert code == 0, err
    specs = [s for root in dataset.roots for node in root.walk()
             for s in chart_specs(dataset, theme_scope(dataset, node), "en")]
    printed = [Path(line) for line in out.strip().splitlines()]
    assert [p.name for p in printed] == [f"{s.key}.en.svg" for s in specs]
    for spec, path in list(zip(specs, printed))[:5]:
        root = ET.parse(path).getroot()
        assert (root.get("width"), root.get("height")) == ("1280", "720")
        assert root.find("{http://www.w3.org/2000/svg}title").text == spec.title
        assert spec.footer in root.find("{http://www.w3.org/2000/svg}desc").text


def test_transparent_png(qapp, dataset, tmp_path, capsys):
    code, out, err = _run(capsys, "--out", str(tmp_path / "clear"), "--transparent",
                          "--size", "800x450")
    assert code == 0, err
    first = QImage(out.strip().splitlines()[0])
    assert first.hasAlphaChannel() and first.pixelColor(1, 1).alpha() == 0
    assert (first.width(), first.height()) == (800, 450)


def test_pptx_format_writes_one_deck_of_every_chart(dataset, tmp_path, capsys):
    from pptx import Presentation
    from desktop.domain.deck import deck_content
    code, out, err = _run(capsys, "--out", str(tmp_path / "deck"), "--format", "pptx",
                          "--lang", "en")
    assert code == 0, err
    written = Path(out.strip())
    assert written == (tmp_path / "deck" / "deck--all.en.pptx").resolve()
    content = deck_content(dataset, None, "en")
    prs = Presentation(str(written))
    assert len(prs.slides) == 1 + len(content.specs) + len(content.facts)
    charts = [shape.chart for slide in prs.slides for shape in slide.shapes if shape.has_chart]
    assert [list(c.plots[0].series[0].values) for c in charts] == \
        [[b.value for b in spec.bars] for spec in content.specs]
    # again without --force: refused in one line, the deck left as it was
    before = written.read_bytes()
    code, out, err = _run(capsys, "--out", str(tmp_path / "deck"), "--format", "pptx",
                          "--lang", "en")
    assert code == 1 and "--force" in _one_line_error(err)
    assert written.read_bytes() == before


def test_help_documents_every_option(capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["export-charts", "--help"])
    assert exit_.value.code == 0
    text = " ".join(capsys.readouterr().out.split())
    for option, words in {"--out": "created", "--format": "pptx", "--transparent": "dark slides",
                          "--lang": "language", "--size": "pixels", "--style": "dark background",
                          "--dataset": "dataset folder", "--force": "replace"}.items():
        assert option in text and words in text, option


def test_a_deck_that_cannot_be_built_is_one_line_and_no_file(dataset, tmp_path, capsys,
                                                             monkeypatch):
    import desktop.ui.slides as slides

    def broken(*_args, **_kwargs):
        raise FileNotFoundError("templates/notesMaster.xml")
    monkeypatch.setattr(slides, "build_deck", broken)
    code, out, err = _run(capsys, "--out", str(tmp_path / "deck"), "--format", "pptx")
    assert code == 1
    assert "the deck could not be built" in _one_line_error(err)
    assert list((tmp_path / "deck").iterdir()) == []
