"""The dataset that ships with the app, read from the bundle (frozen or not)."""

from __future__ import annotations

from dataclasses import replace

from desktop.base.paths import data_path
from desktop.domain.dataset import Dataset, load_dataset
from desktop.domain.schema import Progress, no_progress


def load_bundled(progress: Progress = no_progress) -> Dataset:
    return replace(load_dataset(data_path(), progress), bundled=True)
