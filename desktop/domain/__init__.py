"""The domain layer: plain Python and pandas. Nothing under this package imports Qt."""

from desktop.domain.errors import DatasetError, Problem
from desktop.domain.dataset import Dataset, load_dataset

__all__ = ["Dataset", "DatasetError", "Problem", "load_dataset"]
