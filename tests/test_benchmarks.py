"""The benchmark code runs, at tiny sizes, through the real loader and the real window.
No timing is asserted: these tests keep `make bench` from rotting, nothing more."""

from __future__ import annotations

import os
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
    for kind, floor in (("python", 0.2), ("onedir", 0.2), ("single file", 1.7)):
        startup["app"][kind]["no_window"] = {**s, "median": floor, "min": floor, "max": floor}
    startup["app"]["single file"]["content"] = {**s, "median": 2.1}
    res["verdicts"] = bench_run.verdicts(res)
    verdicts = {v["target"]: v["verdict"] for v in res["verdicts"]}
    assert verdicts["single_file_mib"] == "pass"
    assert verdicts["load_1m_s"] == "MISS"
    assert verdicts["content_ratio_source"] == "MISS"  # 1.0× is not ≤ 0.5×
    assert verdicts["content_ratio_single"] == "MISS"  # nor ≤ 0.8×
    # the single file's miss names what it costs to start with no window at all
    single = next(v for v in res["verdicts"] if v["target"] == "single_file_content_s")
    assert single["verdict"] == "MISS" and "1.70 s to start and exit without a window" in single["note"]
    text = bench_run.table(res)
    assert "| app | single file |" in text and "refused" in text and "### Targets" in text
    assert "Started without a window" in text and "single file 1.700 (1.700–1.700) s" in text


def test_one_session_is_measured_as_a_reader_has_it(qapp, tmp_path):
    folder = make_dataset.make_dataset(150, tmp_path / "ds150")
    result = scale.run_session(folder)
    assert result["facts"] == 150
    assert 0 < result["rss_loaded_mib"] <= result["rss_mib"]


def test_the_memory_verdict_is_one_sessions_when_measured():
    s = {"median": 0.02, "min": 0.01, "max": 0.09, "p95": 0.02, "n": 14}
    entry = {"csv_mib": 60.0, "load": {**s, "median": 1.2}, "tree": s, "chart": s,
             "search_keystroke": s, "search_ascii": s, "search_chinese": s, "index_build": s,
             "search_index": {"all": s, "ascii": s, "chinese": s},
             "rss_mib": 530.0, "rss_load_mib": 270.0,
             "session": {"rss_mib": 390.0, "rss_loaded_mib": 290.0, "facts": 100000}}
    res = {"meta": {"when": "now", "machine": "m", "display": "offscreen", "runs": 5},
           "scale": {"100000": entry}}
    verdicts = {v["target"]: v for v in bench_run.verdicts(res)}
    assert verdicts["rss_100k_mib"]["verdict"] == "pass"
    assert verdicts["rss_100k_mib"]["value"] == 390.0
    text = bench_run.table(res)
    assert "| 390 (290) | 530 (270) |" in text


def test_scale_figures_have_their_verdicts_and_causes():
    s = {"median": 0.02, "min": 0.01, "max": 0.09, "p95": 0.08, "n": 14}
    fast = {**s, "p95": 0.004}
    entry = {"csv_mib": 60.0, "load": {**s, "median": 1.2}, "tree": s, "chart": s,
             "search_keystroke": s, "search_ascii": s, "search_chinese": s, "index_build": s,
             "search_index": {"all": fast, "ascii": fast, "chinese": fast},
             "rss_mib": 450.0, "rss_load_mib": 250.0}
    typing = {"facts": 100000, "keys_per_second": 12.0, "marks": {"loaded": 2.0, "indexed": 4.0},
              "stall_max_s": 0.25, "stall_phase": "indexing", "frames_over_100ms": 3,
              "stall_loading": s, "stall_indexing": s, "stall_ready": s,
              "keys_loading": 20, "keys_indexing": 20, "keys_ready": 24}
    res = {"meta": {"when": "now", "machine": "m", "display": "offscreen", "runs": 5},
           "scale": {"100000": entry}, "typing": typing}
    verdicts = {v["target"]: v for v in bench_run.verdicts(res)}
    assert verdicts["search_p95_100k_s"]["verdict"] == "MISS"
    assert "the search itself takes 4 ms" in verdicts["search_p95_100k_s"]["note"]
    assert verdicts["rss_100k_mib"]["verdict"] == "MISS" and verdicts["load_100k_s"]["verdict"] == "pass"
    assert verdicts["stall_100k_s"]["verdict"] == "MISS" and "indexing" in verdicts["stall_100k_s"]["note"]
    text = bench_run.table(res)
    assert "### Typing while 100,000 facts load" in text and "the search alone" in text


def test_a_partial_run_keeps_the_other_parts_in_the_doc_and_readme(tmp_path, monkeypatch):
    doc, readme = tmp_path / "benchmarks.md", tmp_path / "README.md"
    doc.write_text("# B\n\n<!-- results:start -->\nRun 2026-11-28 19:15 on m\n\n### Start-up and "
                   "memory\n\n| program | … |\n\n### Targets\n\n| target | measured | verdict |\n"
                   "|---|---|---|\n| single file ≤ 80 MiB | 76.3 MiB | pass |\n"
                   "<!-- results:end -->\n", encoding="utf-8")
    readme.write_text("x\n<!-- bench:start -->\nold\n\n| | this app | minimal stack window |\n"
                      "|---|---|---|\n| first paint | 0.70 s | 0.54 s |\n\nA chart exports in 85 ms.\n"
                      "<!-- bench:end -->\ny\n", encoding="utf-8")
    monkeypatch.setattr(bench_run, "DOC", doc)
    monkeypatch.setattr(bench_run, "README", readme)
    s = {"median": 0.02, "min": 0.01, "max": 0.09, "p95": 0.08, "n": 14}
    entry = {"csv_mib": 6.0, "load": s, "tree": s, "chart": s, "search_keystroke": s, "rss_mib": 200.0}
    res = {"meta": {"when": "2026-12-01 12:00", "machine": "m", "display": "offscreen", "runs": 5},
           "scale": {"10000": entry}}
    res["verdicts"] = bench_run.verdicts(res)
    bench_run.write_doc(bench_run.table(res), res)
    bench_run.write_readme(res)
    text = doc.read_text(encoding="utf-8")
    assert "### Start-up and memory" in text and "Kept from the run of 2026-11-28 19:15" in text
    assert "### Scale" in text and "| single file ≤ 80 MiB | 76.3 MiB | pass |" in text
    assert text.index("### Start-up") < text.index("### Scale") < text.index("### Targets")
    text = readme.read_text(encoding="utf-8")
    assert "| first paint | 0.70 s | 0.54 s |" in text and "A chart exports in 85 ms." in text
    assert "| 10,000 facts | 0.02 s | 20 / 80 ms | 200 MiB |" in text
    assert text.startswith("x\n<!-- bench:start -->") and text.endswith("<!-- bench:end -->\ny\n")


@pytest.mark.qt_no_exception_capture  # the window's own errors are the window tests' business
def test_typing_while_a_dataset_loads_is_measured(qapp, tmp_path):
    folder = make_dataset.make_dataset(1500, tmp_path / "ds1500")
    result = scale.run_typing(folder, keys_per_second=20, after_ready_s=0.5, timeout=120)
    assert result["facts"] == 1500 and "indexed" in result["marks"]
    assert sum(result[f"keys_{p}"] for p in ("loading", "indexing", "ready")) > 0
    assert result["stall_max_s"] >= 0 and result["stall_phase"] in ("loading", "indexing", "ready")


def test_the_search_designs_give_the_same_answers(tmp_path):
    import search_designs
    folder = make_dataset.make_dataset(300, tmp_path / "ds300")
    for design in search_designs.DESIGNS:
        result = search_designs.measure(design, str(folder), runs=1)
        assert result["wrong"] == 0, design
        assert result["all"]["n"] == sum(len(q) for q in scale.SEARCH_QUERIES)


def test_the_outside_in_figure_is_reported_beside_the_minimal_window():
    frames = [(0.0, bytes(16)), (0.5, bytes(8) + b"\x01" * 8), (1.0, b"\x01" * 16), (2.0, b"\x01" * 16)]
    import visual
    result = visual.progress(frames)
    assert result["half"] == 0.5 and result["full"] == 1.0
    res = {"meta": {}, "visual": {"app": {"half": 0.6, "full": 1.2},
                                  "minimal stack": {"half": 1.2, "full": 1.5},
                                  "bare window": {"half": 0.3, "full": 0.3}}}
    rows = {v["target"]: v for v in bench_run.verdicts(res)}
    assert rows["visual_half"]["verdict"] == "n/a" and "0.50×" in rows["visual_half"]["shown"]


def test_starts_from_source_read_bytecode_and_builds_are_rebuilt_when_older(monkeypatch, tmp_path):
    monkeypatch.setenv("PYTHONDONTWRITEBYTECODE", "1")
    display = type("Display", (), {"env": {"QT_QPA_PLATFORM": "offscreen"}})()
    env = bench_run.base_env(display, tmp_path)
    assert "PYTHONDONTWRITEBYTECODE" not in env and env["BRI_FACTS_HOME"] == str(tmp_path)
    # a build older than the newest source file is made again
    assert bench_run._newest_source() >= (Path(bench_run.REPO) / "desktop" / "cli.py").stat().st_mtime


def test_the_start_up_runs_begin_with_no_program_file_in_the_page_cache(tmp_path):
    """Before its warm-up round the start-up measurement drops the page cache of every file
    the programs read (the app's build, the baselines', the venv, the app's source and data),
    so that a just-rebuilt app and baselines built long ago start alike. A file that went away
    is skipped, not an error."""
    files = bench_run.program_files()
    names = {path.name for path in files}
    assert {"dataset.py", "NotoSansSC-Regular-Subset.otf", "minimal_stack.py"} <= names
    assert any("site-packages" in path.parts for path in files)
    kept = tmp_path / "kept.bin"
    kept.write_bytes(b"x" * 65536)
    evicted = bench_run.evict_page_cache([kept, tmp_path / "gone.bin"])
    assert evicted == (1 if hasattr(os, "posix_fadvise") else 0)
    assert kept.read_bytes() == b"x" * 65536
