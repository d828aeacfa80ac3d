"""Shared by the single-core benchmarks."""

from __future__ import annotations

import os

from pipeline import PROJECT_DIR

SEEDS = PROJECT_DIR / "seeds"


def pin_to_one_core() -> None:
    """Pure-Python stages use one core; pinning keeps the figure from depending on what else runs."""
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
