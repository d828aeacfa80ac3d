"""The summariser interface: a clean article in, a Chinese headline and short summary out."""

from __future__ import annotations

from abc import ABC, abstractmethod

from pipeline.records import CleanArticle, ModelInfo, Summary
from pipeline.settings import ModelsSettings, SummariserSettings


class Summariser(ABC):
    model_info: ModelInfo

    @abstractmethod
    def __init__(self, settings: SummariserSettings, models: ModelsSettings):
        """Load the model; raise ModelUnavailableError when it is not on this machine."""

    @abstractmethod
    def summarise(self, article: CleanArticle) -> Summary:
        """Headline and 2-4 sentence summary in Chinese, using only what the article says."""

    def summarise_many(self, articles: list[CleanArticle]) -> list[Summary]:
        """One summary per article, in order. Model backends batch the articles' model calls together,
        which is several times faster than one article at a time."""
        return [self.summarise(article) for article in articles]
