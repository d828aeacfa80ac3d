"""`digest eval`: measure the configured models on the user's own machine, through the same stages
the pipeline runs (placeholders, glossary, verifier), with the standard metrics (sacrebleu's BLEU
and chrF, character ROUGE) and the checks generic metrics miss (figures and names carried exactly)."""

from __future__ import annotations

import importlib

from pipeline.errors import ConfigError

_EXTRA_MODULES = ("sacrebleu", "rouge_score")


class EvaluationError(ConfigError):
    """A test set, data file or missing extra that stops an evaluation: one line, exit 2."""


def require_eval_extra() -> None:
    """Raise EvaluationError, saying how to install them, when the metric libraries are missing."""
    for module in _EXTRA_MODULES:
        try:
            importlib.import_module(module)
        except ImportError:
            raise EvaluationError(f"`digest eval` needs {module}: pip install 'digest[eval]'") from None
