"""Shared fixtures: tiny random-weight models (built once per session), the scripted translator in
the registry, and settings that use them."""

from __future__ import annotations

import signal
from typing import Any

import pytest
import torch
from tiny_models import SHARED_MARIAN_DIR, build_tiny_marian, build_tiny_t5

from pipeline.config import load_config, merge_overrides
from pipeline.registry import SUMMARISERS, TRANSLATORS
from pipeline.settings import Settings

# The tiny models' operations are too small to gain from threads, and on a busy 2-core machine the
# thread pool's spin-waiting makes each one hundreds of times slower.
torch.set_num_threads(1)

# The test doubles go through the same registries as the real backends.
TRANSLATORS.register("scripted", "scripted:ScriptedTranslator")
SUMMARISERS.register("scripted", "scripted:ScriptedSummariser")


@pytest.fixture(autouse=True)
def signal_dispositions():
    """An interrupted run leaves SIGINT, SIGTERM and SIGHUP ignored (its process is on its way out):
    the next test gets this process's own handlers back."""
    saved = {signum: signal.getsignal(signum) for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP)}
    yield
    for signum, handler in saved.items():
        signal.signal(signum, handler)


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


def settings_with(*overrides: dict[str, Any]) -> Settings:
    """The default settings (no ./digest.toml) with ``overrides`` merged in order."""
    merged: dict[str, Any] = {}
    for override in overrides:
        merge_overrides(merged, override)
    return load_config(overrides=merged)


@pytest.fixture
def tiny_t5_settings(tiny_t5_dir, tmp_path) -> dict[str, Any]:
    """Overrides that put the tiny T5 in as the summariser (and a private models folder)."""
    return {"models": {"dir": str(tmp_path / "models")}, "summariser": {"model": str(tiny_t5_dir)}}


@pytest.fixture
def tiny_model_overrides(tiny_marian_dir, tiny_t5_settings) -> dict[str, Any]:
    """Overrides that put both tiny models in."""
    return merge_overrides({"translator": {"model": str(tiny_marian_dir)}}, tiny_t5_settings)


@pytest.fixture
def tiny_model_settings(tiny_model_overrides) -> Settings:
    """The default settings with both models replaced by the tiny ones."""
    return settings_with(tiny_model_overrides)
