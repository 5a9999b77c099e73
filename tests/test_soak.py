"""Random use for a long time: selections, searches, language switches, regroupings, chart
redraws. Memory must stay bounded and no Qt warning may appear (pytest-qt fails on one).
A short run is part of `make test`; `make soak` runs the long one."""

from __future__ import annotations

import random

import pytest


def rss_mib() -> float:
    with open("/proc/self/statm") as handle:
        pages = int(handle.read().split()[1])
    import os
    return pages * os.sysconf("SC_PAGE_SIZE") / 2**20


def drive(window, qtbot, steps: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    facts = list(window.dataset.facts.index)
    words = ["ANSO", "kenya", "铁路", "energy", "绿色", "2023", "实验室", "x", ""]
    for _ in range(steps):
        roll = rng.random()
        if roll < 0.45:
            window.select_fact(rng.choice(facts))
        elif roll < 0.65:
            window.search.setText(rng.choice(words))
            qtbot.waitUntil(lambda: not window.browser.search_pending())
        elif roll < 0.75:
            window.set_language(rng.choice(("zh", "en")))
        elif roll < 0.85:
            window.set_grouping(rng.choice(("theme", "place", "tag")))
        elif roll < 0.95 and window.charts.tabs.count() > 1:
            window.charts.tabs.setCurrentIndex(rng.randrange(window.charts.tabs.count()))
        else:
            row = rng.randrange(window.model.rowCount())
            window.tree.setCurrentIndex(window.model.index(row, 0))


def soak(window, qtbot, steps):
    drive(window, qtbot, 150, seed=1)  # warm caches, fonts, glyphs
    before = rss_mib()
    drive(window, qtbot, steps)
    grown = rss_mib() - before
    assert grown < 60, f"memory grew by {grown:.0f} MiB over {steps} steps"
    assert window.select_fact(window.dataset.facts.index[0])


def test_short_soak(window, qtbot):
    soak(window, qtbot, 400)


@pytest.mark.soak
def test_long_soak(window, qtbot):
    soak(window, qtbot, 5000)
