"""The translator interface: a batch of Chinese sentences in, one English sentence out for each."""

from __future__ import annotations

from abc import ABC, abstractmethod

from pipeline.records import ModelInfo


class Translator(ABC):
    model_info: ModelInfo

    @abstractmethod
    def translate(self, sentences: list[str]) -> list[str]:
        """One output per input, in order; an empty string where the model produced nothing."""
