"""Abstractive summary with a prompted seq2seq model (mT0/mT5 family), in one model pass.

An article that does not fit the model's input is not cut: its most salient whole sentences (the
lead sentence first, then by TextRank salience, as the extractive summariser ranks them) are given
to the model, in text order, as many as fit. Output that is empty, repetitive or states a number the
article does not contain is not trusted. The backends (transformers here, CTranslate2 in
ctranslate2.py) implement only the batched generation call.
"""

from __future__ import annotations

import logging
import re
from abc import abstractmethod
from dataclasses import dataclass

from pipeline.errors import ConfigError
from pipeline.lang.zh import HAN
from pipeline.modelstore import load_pretrained
from pipeline.records import CleanArticle, ModelInfo, Summary
from pipeline.settings import PROMPT_PLACEHOLDER as PLACEHOLDER
from pipeline.settings import ModelsSettings, SummariserGeneration, SummariserSettings, read_prompt
from pipeline.summarise.base import Summariser
from pipeline.summarise.extractive import (
    MAX_SUMMARY_SENTENCES,
    ExtractiveSummariser,
    article_sentences,
    salience,
)
from pipeline.text import is_damaged, split_sentences

log = logging.getLogger(__name__)

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
MIN_CJK_CHARS = 4
# Below this share of distinct character trigrams the output is looping, not summarising.
MIN_DISTINCT_TRIGRAMS = 0.5


def is_degenerate(text: str) -> bool:
    if len(HAN.findall(text)) < MIN_CJK_CHARS:
        return True
    trigrams = [text[i : i + 3] for i in range(len(text) - 2)]
    return len(trigrams) >= 10 and len(set(trigrams)) / len(trigrams) < MIN_DISTINCT_TRIGRAMS


def unsupported_numbers(text: str, source: str) -> list[str]:
    """Numbers written in ``text`` that appear nowhere in ``source``."""
    known = set(_DIGITS.findall(source))
    return [number for number in _DIGITS.findall(text) if number not in known]


def source_text(article: CleanArticle) -> str:
    return f"{article.metadata.title_zh}\n{article.text_zh}"


@dataclass(frozen=True)
class Lengths:
    """Bounds of the generated tokens of one task."""

    max_new: int
    min_new: int


def task_lengths(generation: SummariserGeneration) -> dict[str, Lengths]:
    return {
        "summary": Lengths(generation.max_new_tokens, generation.min_new_tokens),
        "headline": Lengths(generation.headline_max_new_tokens, generation.headline_min_new_tokens),
    }


class PromptedSummariser(Summariser):
    """What every prompted model backend shares: the prompts, the input selection, the batching of
    articles and the checks of the output. A backend sets ``tokenizer`` and implements ``generate``."""

    def __init__(self, settings: SummariserSettings, models: ModelsSettings):
        self.prompts = {"headline": read_prompt(settings.prompt_headline), "summary": read_prompt(settings.prompt_summary)}
        self.tokenizer = self.load(settings, models)
        self.max_input_tokens = settings.max_input_tokens
        self.batch_size = settings.batch_size
        self.generation = settings.generation
        self.lengths = task_lengths(settings.generation)
        self.fallback = ExtractiveSummariser(settings, models)
        self.model_info = ModelInfo(settings.model, settings.revision)
        self.prompt_tokens = self._prompt_length("")
        if self.prompt_tokens >= self.max_input_tokens:
            raise ConfigError(f"summariser.max_input_tokens={self.max_input_tokens} is too small for the prompts")

    @abstractmethod
    def load(self, settings: SummariserSettings, models: ModelsSettings):
        """Load the model; return its tokenizer. Raise ModelUnavailableError when it is missing."""

    @abstractmethod
    def generate(self, task: str, texts: list[str]) -> list[str]:
        """The model's output for each prompt of ``task`` around each of ``texts``, in order;
        every text fits the model's input."""

    def summarise(self, article: CleanArticle) -> Summary:
        return self.summarise_many([article])[0]

    def summarise_many(self, articles: list[CleanArticle]) -> list[Summary]:
        inputs = [self.model_input(article) for article in articles]
        summaries = self._generate_where_given("summary", inputs)
        checked = [
            self._checked_summary(article, text) if given else self._fall_back(article, "no sentence fits the model's input")
            for article, given, text in zip(articles, inputs, summaries, strict=True)
        ]
        # The headline is written from the checked summary rather than the article: a fifth of the
        # tokens to encode, and only statements that passed the checks to draw on.
        by_model = [summary.model is self.model_info for summary in checked]
        headlines = self._generate_where_given(
            "headline", [summary.summary_zh if mine else "" for summary, mine in zip(checked, by_model, strict=True)]
        )
        for article, summary, headline_zh, mine in zip(articles, checked, headlines, by_model, strict=True):
            if not mine:
                continue
            if is_degenerate(headline_zh) or unsupported_numbers(headline_zh, source_text(article)):
                summary.warnings.append("summariser: model headline unusable; used the article's own")
                headline_zh = self.fallback.summarise(article).headline_zh
            summary.headline_zh = headline_zh
        return checked

    def _generate_where_given(self, task: str, texts: list[str]) -> list[str]:
        """The model's output for each non-empty text, "" for the others; similar lengths are batched
        together, which wastes less work on padding."""
        by_length = sorted((i for i, text in enumerate(texts) if text), key=lambda i: len(texts[i]))
        outputs = [""] * len(texts)
        for first in range(0, len(by_length), self.batch_size):
            batch = by_length[first : first + self.batch_size]
            for i, text in zip(batch, self.generate(task, [texts[i] for i in batch]), strict=True):
                outputs[i] = text.strip()
        return outputs

    def _checked_summary(self, article: CleanArticle, summary_zh: str) -> Summary:
        """The model's summary without the sentences that state numbers the article does not (its
        headline still to write), or the extractive summary when nothing usable is left."""
        if is_degenerate(summary_zh):
            return self._fall_back(article, "model summary was empty or repetitive")
        warnings = []
        kept = []
        for span in split_sentences(summary_zh):
            numbers = unsupported_numbers(span.text, source_text(article))
            if numbers:
                warnings.append(f"summariser: dropped a sentence stating {', '.join(numbers)}, not in the article")
            else:
                kept.append(span.text)
        if not kept:
            return self._fall_back(article, "every model summary sentence stated numbers not in the article")
        return Summary("", "".join(kept[:MAX_SUMMARY_SENTENCES]), self.model_info, warnings)

    def _fall_back(self, article: CleanArticle, reason: str) -> Summary:
        summary = self.fallback.summarise(article)
        if summary.summary_zh:  # else the extractive summariser has said why there is nothing
            log.info("%s: %s; using the extractive summary", article.id, reason)
            summary.warnings.insert(0, f"summariser: {reason}; used the extractive summary")
        return summary

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, truncation=False).input_ids)

    def _prompt_length(self, text: str) -> int:
        """Tokens of the longest prompt around ``text``, as the model will receive it."""
        return max(self.count_tokens(p.replace(PLACEHOLDER, text)) for p in self.prompts.values())

    def fits(self, text: str) -> bool:
        return self._prompt_length(text) <= self.max_input_tokens

    def model_input(self, article: CleanArticle) -> str:
        """The article's text if it fits the model's input, else its most salient whole sentences that
        fit, in text order; "" when no sentence fits."""
        whole = "\n".join(p for p in article.paragraphs_zh if p.strip())
        if self.fits(whole):
            return whole
        # A sentence the clean stage had to cut is not offered when there is a choice to make.
        sentences = [s for s in article_sentences(article) if not is_damaged(s)]
        if not sentences:
            return ""
        scores = salience(sentences)
        ranked = [0, *sorted(range(1, len(sentences)), key=lambda i: scores[i], reverse=True)]
        # The tokens of the joined text are within a few of the sum of the sentences' own tokens
        # (sentencepiece merges little across a sentence end); the joined text is checked at the end.
        budget = self.max_input_tokens - self.prompt_tokens
        chosen: list[int] = []
        for i in ranked:
            cost = self.count_tokens(sentences[i]) - 1  # without the end-of-sequence token
            if cost <= budget:
                chosen.append(i)
                budget -= cost
        while chosen and not self.fits("".join(sentences[i] for i in sorted(chosen))):
            chosen.pop()
        log.info("%s: %d of %d sentences fit the summariser's input", article.id, len(chosen), len(sentences))
        return "".join(sentences[i] for i in sorted(chosen))


class Seq2SeqSummariser(PromptedSummariser):
    """The model run by transformers (PyTorch)."""

    def load(self, settings: SummariserSettings, models: ModelsSettings):
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        tokenizer, self.model = load_pretrained(
            models,
            "summariser",
            settings.model,
            settings.revision,
            (AutoTokenizer.from_pretrained, AutoModelForSeq2SeqLM.from_pretrained),
            "--summariser",
        )
        self.model.eval()
        return tokenizer

    def generate(self, task: str, texts: list[str]) -> list[str]:
        import torch

        prompts = [self.prompts[task].replace(PLACEHOLDER, text) for text in texts]
        encoded = self.tokenizer(prompts, return_tensors="pt", padding=True, truncation=False)
        lengths = self.lengths[task]
        with torch.inference_mode():
            generated = self.model.generate(
                **encoded,
                num_beams=self.generation.num_beams,
                max_new_tokens=lengths.max_new,
                min_new_tokens=lengths.min_new,
                no_repeat_ngram_size=self.generation.no_repeat_ngram_size,
                repetition_penalty=self.generation.repetition_penalty,
            )
        return self.tokenizer.batch_decode(generated, skip_special_tokens=True)
