"""Scripted test doubles of the translator and the summariser, registered in their registries like
any backend, so end-to-end runs can use them. The model name picks how each answers."""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.records import CleanArticle, ModelInfo, Summary
from pipeline.settings import ModelsSettings, SummariserSettings, TranslatorSettings
from pipeline.summarise.base import Summariser
from pipeline.text import split_sentences
from pipeline.translate.base import Translator
from pipeline.translate.marian import OPUS_MT_ZH_EN_LETTERS

Answer = Callable[[str], str]
PLACEHOLDER = re.compile(r"\b[A-Z]\b")


def keep_placeholders(sentence: str) -> str:
    """A perfect model: every placeholder letter copied, the Chinese replaced by 'text'."""
    return " ".join([*PLACEHOLDER.findall(sentence), "text."])


def garble_around_placeholders(sentence: str) -> str:
    """A model that writes nonsense around the placeholders but copies them."""
    return " ".join(["Merlin the", *PLACEHOLDER.findall(sentence), "wobbled 7 times."])


def unfaithful(sentence: str) -> str:
    """Drops the first placeholder, duplicates the second, invents W, and writes a figure itself, ten times too big."""
    letters = PLACEHOLDER.findall(sentence)
    return " ".join(["Hubei put in 90 billion yuan", *letters[1:], *letters[1:2], "W."])


BEHAVIOURS: dict[str, Answer] = {
    "keep-placeholders": keep_placeholders,
    "garble": garble_around_placeholders,
    "unfaithful": unfaithful,
    "silent": lambda sentence: "",
}


class ScriptedTranslator(Translator):
    placeholder_letters = OPUS_MT_ZH_EN_LETTERS
    max_positions = 512

    def __init__(self, settings: TranslatorSettings, models: ModelsSettings | None = None):
        self.answer = BEHAVIOURS[settings.model]
        self.batch_size = settings.batch_size
        self.model_info = ModelInfo(f"scripted/{settings.model}")
        self.batches: list[list[str]] = []

    @classmethod
    def answering(cls, answer: Answer) -> ScriptedTranslator:
        translator = cls(TranslatorSettings.model_construct(model="keep-placeholders", batch_size=8))
        translator.answer = answer
        return translator

    def count_tokens(self, text: str) -> int:
        return len(text)

    def translate_batch(self, batch: list[str], plain: bool = False) -> list[str]:
        self.batches.append(list(batch))
        return [self.answer(sentence) for sentence in batch]


class ScriptedSummariser(Summariser):
    """A summariser test double: its model name picks the summary. "lead" is the article's first
    sentence; "invent-number" adds a sentence with a number the article does not have."""

    def __init__(self, settings: SummariserSettings, models: ModelsSettings | None = None):
        self.behaviour = settings.model
        self.model_info = ModelInfo(f"scripted/{settings.model}")

    def summarise(self, article: CleanArticle) -> Summary:
        lead = split_sentences(article.text_zh)[0].text
        summary = lead + ("共有12345人参加。" if self.behaviour == "invent-number" else "")
        return Summary(article.metadata.title_zh or lead, summary, self.model_info)
