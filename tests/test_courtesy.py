"""Typing stays fluid while a large dataset loads: long domain work reaches a checkpoint every few
milliseconds, and a background job pauses there while the window's thread does work a person
waits for (a keystroke's search, a page, a chart), but never stops for good."""

from __future__ import annotations

import math
import sys
import threading
import time
from pathlib import Path

import pytest

from desktop.base.checkpoint import checkpoint, pausing_with
from desktop.domain import load_dataset
from desktop.domain.reader import PARSE_ROWS
from desktop.domain.search import SearchIndex
from desktop.ui import worker as worker_module
from desktop.ui.worker import Worker, window_busy

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
import make_dataset  # noqa: E402


def test_a_checkpoint_calls_the_hook_of_its_own_thread_only():
    calls = []
    checkpoint()  # outside a job: nothing happens
    with pausing_with(lambda: calls.append(threading.current_thread().name)):
        checkpoint()
        other = threading.Thread(target=checkpoint, name="other")
        other.start()
        other.join()
        with pausing_with(lambda: calls.append("inner")):
            checkpoint()
        checkpoint()
    checkpoint()
    assert calls == ["MainThread", "inner", "MainThread"]


def test_loading_and_indexing_reach_checkpoints_throughout(tmp_path):
    """Every stage of opening a large dataset pauses now and then: the parser every PARSE_ROWS
    rows, each check of the validation, the build, and the search index."""
    facts = 3 * PARSE_ROWS + 500
    folder = make_dataset.make_dataset(facts, tmp_path / "ds")
    seen = []

    def hook():
        frame, names = sys._getframe(1), set()
        while frame is not None:
            names.add(frame.f_code.co_qualname)
            frame = frame.f_back
        seen.append(names)

    with pausing_with(hook):
        dataset = load_dataset(folder)
        SearchIndex(dataset)
    assert len(dataset.facts) >= facts
    parsing = [names for names in seen if "_parse_body" in names]
    assert len(parsing) >= math.ceil(facts / PARSE_ROWS)
    for stage in ("validate", "missing_figures", "build", "_Column.__init__",
                  "SearchIndex.__init__"):
        assert any(stage in names for names in seen), stage


def _stamping(stop: threading.Event, stamps: list[float]):
    def job(progress):
        while not stop.is_set():
            checkpoint()
            stamps.append(time.monotonic())
        return len(stamps)
    return job


def _work_on_the_window_thread(seconds: float) -> tuple[float, float]:
    """Python work a person would wait for (a page being built), as the window's thread does it."""
    start = time.monotonic()
    total = 0
    while time.monotonic() < start + seconds:
        total += sum(range(200))
    return start, time.monotonic()


@pytest.mark.parametrize("gives_way", [True, False])
def test_a_job_pauses_while_the_window_is_busy_unless_it_may_not(qapp, qtbot, monkeypatch,
                                                               gives_way):
    monkeypatch.setattr(worker_module, "MAX_PAUSE_S", 5.0)
    stop, stamps = threading.Event(), []
    job = Worker(_stamping(stop, stamps), "stamps", gives_way=gives_way)
    job.start()
    try:
        qtbot.waitUntil(lambda: len(stamps) > 50, timeout=5000)
        with window_busy(hold=0.05):
            start, end = _work_on_the_window_thread(0.15)
        qtbot.waitUntil(lambda: stamps[-1] > end + 0.1, timeout=5000)
    finally:
        stop.set()
        assert job.wait(5)
    during = [t for t in stamps if start + 0.03 < t < end + 0.03]
    if gives_way:
        assert during == []                   # paused through the work and the hold after it
        assert any(t > end + 0.05 for t in stamps)   # and went on afterwards
    else:
        assert during                          # the start-up load runs on regardless


def test_a_window_that_never_rests_slows_a_job_but_never_stops_it(qapp, monkeypatch):
    monkeypatch.setattr(worker_module, "MAX_PAUSE_S", 0.02)

    def job(progress):
        for _ in range(5):
            checkpoint()
        return "done"
    results = []
    with window_busy():
        started = time.monotonic()
        worker = Worker(job, "patient")
        worker.done.connect(results.append)
        worker.start()
        assert worker.wait(5)
        took = time.monotonic() - started
    assert took >= 5 * 0.02


def test_the_start_up_load_does_not_give_way_and_an_opened_dataset_does(window, tmp_path,
                                                                        qtbot, monkeypatch):
    made = []
    real_start = Worker.start

    def start(self, pool=None):
        made.append((self.name, self.gives_way))
        return real_start(self, pool)
    monkeypatch.setattr(Worker, "start", start)
    window.loads.open_bundled(quiet=True)
    qtbot.waitUntil(lambda: not window.loads.busy(), timeout=10000)
    folder = make_dataset.make_dataset(300, tmp_path / "ds")
    window.loads.open_path(str(folder))
    qtbot.waitUntil(lambda: not window.loads.busy(), timeout=10000)
    loads = [gives for name, gives in made if name == "dataset load"]
    assert loads == [False, True]
    assert ("search index", True) in made


def test_while_a_job_runs_the_collector_leaves_older_objects_alone_and_gets_them_back(qapp, qtbot):
    """A full pass of the garbage collector over every object of the process froze the window
    for up to 70 ms in the middle of a large load; while a job that gives way runs, the objects
    that were there before it are held back from those passes, and handed back after it."""
    import gc

    qtbot.waitUntil(lambda: gc.get_freeze_count() == 0, timeout=10000)  # earlier tests' jobs end
    older = [object() for _ in range(10)]  # noqa: F841 - alive before the job
    go, seen = threading.Event(), []

    def job(progress):
        seen.append(gc.get_freeze_count())
        go.wait(5)
        return "done"
    first, second = Worker(job, "first"), Worker(job, "second")
    first.start()
    second.start()
    try:
        assert gc.get_freeze_count() > 0
    finally:
        go.set()
        assert first.wait(5) and second.wait(5)
    assert len(seen) == 2 and min(seen) > 0
    assert gc.get_freeze_count() == 0   # the last job to end hands everything back
    quiet = Worker(job, "start-up load", gives_way=False)
    quiet.start()
    assert quiet.wait(5)
    assert seen[-1] == 0                 # a job that does not give way changes nothing


def test_a_new_dataset_paints_before_background_jobs_go_on(window, tmp_path, qtbot, monkeypatch):
    """Once a dataset arrives, the window paints its tree, page and chart (~0.1–0.2 s at 100k
    facts) before jobs go on: the index build that starts right then froze that paint for up to
    0.2 s by competing for the interpreter."""
    from desktop.ui import datasets as datasets_module

    monkeypatch.setattr(worker_module, "MAX_PAUSE_S", 5.0)
    folder = make_dataset.make_dataset(300, tmp_path / "ds")
    arrived = []
    window.datasetChanged.connect(lambda dataset: arrived.append(time.monotonic()))
    stop, stamps = threading.Event(), []
    job = Worker(_stamping(stop, stamps), "stamps")
    job.start()
    try:
        window.loads.open_path(str(folder))
        qtbot.waitUntil(lambda: bool(arrived) and stamps[-1] > arrived[-1] + 0.4, timeout=10000)
    finally:
        stop.set()
        assert job.wait(5)
    assert len(window.dataset.facts) >= 300
    hold = datasets_module.NEW_DATASET_HOLD_S
    assert hold >= 0.2
    during = [t for t in stamps if arrived[-1] + 0.02 < t < arrived[-1] + hold - 0.02]
    assert during == []                                   # the jobs waited for the paint
    assert any(t > arrived[-1] + hold for t in stamps)    # and went on afterwards


def test_a_cancelled_job_ends_at_its_next_checkpoint(qapp, qtbot):
    """A search index at a million facts runs for seconds between two progress reports; once
    cancelled (another dataset was opened) it ends at its next checkpoint, rather than running
    on without giving way while the next dataset's tree waits for it."""
    reached, gate, after = threading.Event(), threading.Event(), []

    def job(progress):
        checkpoint()
        reached.set()
        gate.wait(5)
        for _ in range(1000):
            checkpoint()
            after.append(1)
        return "ran on"
    worker = Worker(job, "cancelled")
    ended = []
    worker.cancelled.connect(lambda: ended.append("cancelled"))
    worker.done.connect(ended.append)
    worker.start()
    assert reached.wait(5)
    worker.cancel()
    gate.set()
    assert worker.wait(5)
    qtbot.waitUntil(lambda: bool(ended), timeout=5000)
    assert ended == ["cancelled"] and after == []
