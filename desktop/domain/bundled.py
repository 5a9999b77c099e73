"""The dataset that ships with the app, read from the bundle (frozen or not)."""

from __future__ import annotations

from dataclasses import replace

from desktop.base.paths import data_path
from desktop.domain.dataset import Dataset, load_dataset
from desktop.domain.schema import Progress, no_progress


def load_bundled(progress: Progress = no_progress, checked: bool = False) -> Dataset:
    """``checked``: the data's fingerprint matched what this version loaded and checked before
    (a first-paint snapshot's): it is read and built, not checked again."""
    return replace(load_dataset(data_path(), progress, checked), bundled=True)
