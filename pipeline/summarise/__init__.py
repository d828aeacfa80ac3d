"""Summarisation stage: a Chinese headline and a 2-4 sentence Chinese summary of an article."""

from pipeline.summarise.base import Summariser
from pipeline.summarise.extractive import ExtractiveSummariser

__all__ = ["ExtractiveSummariser", "Summariser"]
