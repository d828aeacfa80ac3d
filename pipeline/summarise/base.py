"""The summariser interface: a clean article in, a Chinese headline and short summary out."""

from __future__ import annotations

from abc import ABC, abstractmethod

from pipeline.records import CleanArticle, ModelInfo, Summary


class Summariser(ABC):
    model_info: ModelInfo

    @abstractmethod
    def summarise(self, article: CleanArticle) -> Summary:
        """Headline and 2-4 sentence summary in Chinese, using only what the article says."""
