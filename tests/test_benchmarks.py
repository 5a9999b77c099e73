"""The benchmark code runs, at tiny sizes, through the real loader and the real window.
No timing is asserted: these tests keep `make bench` from rotting, nothing more."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

BENCH = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCH))

import make_dataset  # noqa: E402
import run as bench_run  # noqa: E402
import scale  # noqa: E402

from desktop.domain import load_dataset  # noqa: E402


def test_a_small_generated_dataset_loads_and_validates(tmp_path):
    folder = make_dataset.make_dataset(50, tmp_path / "ds50")
    dataset = load_dataset(folder)
    assert len(dataset.facts) == 50
    assert dataset.overview is not None


def test_a_bigger_generated_dataset_has_generated_themes(tmp_path):
    folder = make_dataset.make_dataset(400, tmp_path / "ds400")
    dataset = load_dataset(folder)
    assert len(dataset.facts) == 400
    assert any(key.startswith("gen-") for key in dataset.nodes)
    assert dataset.facts["id"].is_unique


def test_the_scale_measurement_runs_through_the_window(qapp, tmp_path):
    folder = make_dataset.make_dataset(150, tmp_path / "ds150")
    result = scale.run_scale(folder, runs=1)
    assert result["facts"] == 150
    for key in ("load", "tree", "search_keystroke", "chart"):
        assert result[key]["n"] >= 1, key
    # every key typed into the search box was measured: "technology" and "科技合作"
    assert result["search_keystroke"]["n"] == sum(len(q) for q in scale.SEARCH_QUERIES)
    assert result["search_hits"]["科技合作"] > 0
    assert result["rss_mib"] > 0


def test_a_refused_dataset_is_reported_not_raised(qapp, tmp_path):
    folder = make_dataset.make_dataset(50, tmp_path / "broken")
    (folder / "facts.csv").write_text("not,a,dataset\n", encoding="utf-8")
    result = scale.run_scale(folder, runs=1)
    assert "refused" in result


def test_the_export_measurement_runs(qapp):
    result = scale.run_export(runs=1, sizes=((640, 360),), batch_size=(480, 320))
    assert result["png_640x360"]["n"] == 1
    assert result["png_640x360_bytes"] > 0
    assert result["batch_480x320"]["n"] == 1
    assert result["charts"] > 0
    assert result["svg_480x320"]["n"] == 1 and result["svg_bytes"] > 0
    assert result["deck_charts"] == 45 and result["deck"]["n"] == 1 and result["deck_bytes"] > 0


@pytest.mark.parametrize("program", ["bare window", "app"])
def test_start_up_markers_come_from_the_real_process(tmp_path, program):
    display = bench_run.Display(use_xvfb=False)
    env = bench_run.base_env(display, tmp_path / "home")
    cmd = bench_run.variants()[program]["python"]
    sample = bench_run.start_once(cmd, env, timeout=120)
    assert sample["code"] == 0, sample["output"]
    assert 0 < sample["marks"]["content"] < sample["wall"]
    assert 0 < sample["marks"]["chart"] < sample["wall"]
    assert sample["rss_mib"] > 0


def test_the_report_and_verdicts_are_made_from_results():
    s = {"median": 1.0, "min": 0.9, "max": 1.2, "p95": 1.1, "n": 5}
    startup = {p: {k: {"content": s, "chart": s, "exit": s, "rss_mib": {**s, "median": 150.0}}
                   for k in ("python", "onedir", "single file")}
               for p in ("app", "bare window", "minimal stack")}
    res = {"meta": {"when": "now", "machine": "m", "display": "offscreen", "runs": 5},
           "startup": startup, "size": {"app single file": 76.0, "app onedir": 190.0},
           "scale": {"1000": {"csv_mib": 1.0, "load": s, "tree": s, "search_keystroke": s, "chart": s,
                              "rss_mib": 100.0},
                     "1000000": {"csv_mib": 600.0, "load": s, "refused": "too big", "rss_mib": 90.0}},
           "export": {"chart_bars": 3, "charts": 45, "png_1920x1080": s, "png_3840x2160": s,
                      "batch_1920x1080": s}}
    res["verdicts"] = bench_run.verdicts(res)
    verdicts = {v["target"]: v["verdict"] for v in res["verdicts"]}
    assert verdicts["single_file_mib"] == "pass"
    assert verdicts["loads_1m"] == "MISS"
    assert verdicts["content_ratio"] == "MISS"  # 1.0× is not ≤ 0.8×
    text = bench_run.table(res)
    assert "| app | single file |" in text and "refused" in text and "### Targets" in text

