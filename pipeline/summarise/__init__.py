"""Summarisation stage: a Chinese headline and a 2-4 sentence Chinese summary of an article."""

from __future__ import annotations

from pipeline.registry import SUMMARISERS
from pipeline.settings import ModelsSettings, SummariserSettings
from pipeline.summarise.base import Summariser
from pipeline.summarise.extractive import ExtractiveSummariser

__all__ = ["ExtractiveSummariser", "Summariser", "load_summariser"]


def load_summariser(settings: SummariserSettings, models: ModelsSettings) -> Summariser:
    """The summariser named by settings.kind; raises ModelUnavailableError if its model is missing."""
    return SUMMARISERS.load(settings.kind)(settings, models)
