"""Shared fixtures: tiny random-weight models (built once per session) and settings that use them."""

from __future__ import annotations

import pytest
import torch
from tiny_models import SHARED_MARIAN_DIR, build_tiny_marian, build_tiny_t5

from pipeline.config import load_config

# The tiny models' operations are too small to gain from threads, and on a busy 2-core machine the
# thread pool's spin-waiting makes each one hundreds of times slower.
torch.set_num_threads(1)


@pytest.fixture(scope="session")
def tiny_marian_dir(tmp_path_factory):
    """A tiny Marian model with the real opus-mt-zh-en tokenizer and config layout."""
    if not (SHARED_MARIAN_DIR / "source.spm").is_file():
        pytest.skip(f"the opus-mt-zh-en tokenizer files are not in {SHARED_MARIAN_DIR}")
    return build_tiny_marian(tmp_path_factory.mktemp("tiny-marian"))


@pytest.fixture(scope="session")
def tiny_t5_dir(tmp_path_factory):
    """A tiny T5 summariser with a sentencepiece vocabulary trained on Chinese sentences."""
    return build_tiny_t5(tmp_path_factory.mktemp("tiny-t5"))


@pytest.fixture
def tiny_model_settings(tiny_marian_dir, tiny_t5_dir, tmp_path):
    """The default settings with both models replaced by the tiny ones (and a private models folder)."""
    return load_config(
        overrides={
            "models": {"dir": str(tmp_path / "models")},
            "summariser": {"model": str(tiny_t5_dir)},
            "translator": {"model": str(tiny_marian_dir)},
        }
    )
