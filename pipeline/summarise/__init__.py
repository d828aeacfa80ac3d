"""Summarisation stage: a Chinese headline and a 2-4 sentence Chinese summary of an article."""

from __future__ import annotations

from typing import Any

from pipeline.errors import ConfigError
from pipeline.summarise.base import Summariser
from pipeline.summarise.extractive import ExtractiveSummariser

__all__ = ["ExtractiveSummariser", "Summariser", "load_summariser"]


def load_summariser(settings: dict[str, Any]) -> Summariser:
    """The summariser named by settings summariser.kind; raises ModelUnavailableError if its model is missing."""
    kind = settings["summariser"]["kind"]
    if kind == "extractive":
        return ExtractiveSummariser(settings)
    if kind == "seq2seq":
        from pipeline.summarise.seq2seq import Seq2SeqSummariser

        return Seq2SeqSummariser(settings)
    raise ConfigError(f"summariser.kind: unknown summariser '{kind}' (known: seq2seq, extractive)")
