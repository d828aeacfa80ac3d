"""Abstractive summary with a prompted seq2seq model (mT0/mT5 family).

An article longer than the model's input is summarised in passes: chunks of whole paragraphs are
summarised one by one, then their joined summaries are summarised. Input is never truncated. Output
that is empty, repetitive or states a number the article does not contain is not trusted.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

from pipeline.errors import ConfigError
from pipeline.lang.zh import HAN
from pipeline.modelstore import load_pretrained
from pipeline.records import CleanArticle, ModelInfo, Summary
from pipeline.settings import PROMPT_PLACEHOLDER as PLACEHOLDER
from pipeline.settings import ModelsSettings, SummariserSettings
from pipeline.summarise.base import Summariser
from pipeline.summarise.extractive import MAX_SUMMARY_SENTENCES, ExtractiveSummariser
from pipeline.text import split_sentences

log = logging.getLogger(__name__)

_DIGITS = re.compile(r"\d+(?:\.\d+)?")
MIN_CJK_CHARS = 4
# Below this share of distinct character trigrams the output is looping, not summarising.
MIN_DISTINCT_TRIGRAMS = 0.5


def read_prompt(path: str) -> str:
    try:
        prompt = Path(path).read_text(encoding="utf-8")
    except OSError as error:
        raise ConfigError(f"{path}: cannot read prompt ({error.strerror or error})") from None
    if PLACEHOLDER not in prompt:
        raise ConfigError(f"{path}: prompt has no {PLACEHOLDER} placeholder")
    return prompt.strip()


def is_degenerate(text: str) -> bool:
    if len(HAN.findall(text)) < MIN_CJK_CHARS:
        return True
    trigrams = [text[i : i + 3] for i in range(len(text) - 2)]
    return len(trigrams) >= 10 and len(set(trigrams)) / len(trigrams) < MIN_DISTINCT_TRIGRAMS


def unsupported_numbers(text: str, source: str) -> list[str]:
    """Numbers written in ``text`` that appear nowhere in ``source``."""
    known = set(_DIGITS.findall(source))
    return [number for number in _DIGITS.findall(text) if number not in known]


class Seq2SeqSummariser(Summariser):
    def __init__(self, settings: SummariserSettings, models: ModelsSettings):
        self.prompts = {
            "headline": read_prompt(settings.prompt_headline),
            "summary": read_prompt(settings.prompt_summary),
        }
        self.tokenizer, self.model = load_pretrained(
            models,
            "summariser",
            settings.model,
            settings.revision,
            (AutoTokenizer.from_pretrained, AutoModelForSeq2SeqLM.from_pretrained),
            "--summariser",
        )
        self.model.eval()
        self.max_input_tokens = settings.max_input_tokens
        self.generation = settings.generation.model_dump()
        self.fallback = ExtractiveSummariser(settings)
        self.model_info = ModelInfo(settings.model, settings.revision)

    def summarise(self, article: CleanArticle) -> Summary:
        source = "\n".join([article.metadata.title_zh, article.text_zh])
        text = self._condense(article.paragraphs_zh)
        summary_zh = self._generate("summary", text) if text else ""
        if is_degenerate(summary_zh):
            return self._fall_back(article, "model summary was empty, repetitive or too long to condense")
        warnings = []
        kept = []
        for span in split_sentences(summary_zh):
            numbers = unsupported_numbers(span.text, source)
            if numbers:
                warnings.append(f"summariser: dropped a sentence stating {', '.join(numbers)}, not in the article")
            else:
                kept.append(span.text)
        if not kept:
            return self._fall_back(article, "every model summary sentence stated numbers not in the article")
        headline_zh = self._generate("headline", text)
        if is_degenerate(headline_zh) or unsupported_numbers(headline_zh, source):
            warnings.append("summariser: model headline unusable; used the article's own")
            headline_zh = self.fallback.summarise(article).headline_zh
        return Summary(headline_zh, "".join(kept[:MAX_SUMMARY_SENTENCES]), self.model_info, warnings)

    def _fall_back(self, article: CleanArticle, reason: str) -> Summary:
        log.info("%s: %s; using the extractive summary", article.id, reason)
        summary = self.fallback.summarise(article)
        summary.warnings.insert(0, f"summariser: {reason}; used the extractive summary")
        return summary

    def _prompt_length(self, text: str) -> int:
        """Tokens of the longest prompt around ``text``, as the model will receive it."""
        return max(
            len(self.tokenizer(p.replace(PLACEHOLDER, text), truncation=False).input_ids) for p in self.prompts.values()
        )

    def _fits(self, text: str) -> bool:
        return self._prompt_length(text) <= self.max_input_tokens

    def _units(self, paragraphs: list[str]) -> list[str]:
        """Paragraphs; one that does not fit alone is split into sentences, then into halves."""
        units: list[str] = []
        for paragraph in paragraphs:
            if self._fits(paragraph):
                units.append(paragraph)
            elif len(sentences := [s.text for s in split_sentences(paragraph)]) > 1:
                units += self._units(sentences)
            elif len(paragraph) > 1:
                middle = len(paragraph) // 2
                units += self._units([paragraph[:middle], paragraph[middle:]])
            else:
                raise ConfigError(f"summariser.max_input_tokens={self.max_input_tokens} is too small for the prompts")
        return units

    def chunks(self, paragraphs: list[str]) -> list[str]:
        """Consecutive paragraphs packed into as few chunks as fit one model input each."""
        chunks: list[str] = []
        for unit in self._units([p for p in paragraphs if p.strip()]):
            if chunks and self._fits(chunks[-1] + "\n" + unit):
                chunks[-1] += "\n" + unit
            else:
                chunks.append(unit)
        return chunks

    def _condense(self, paragraphs: list[str]) -> str:
        """Text that fits one model input: the article itself, or the joined summaries of its chunks."""
        chunks = self.chunks(paragraphs)
        while len(chunks) > 1:
            log.info("summarising %d chunks, then their summaries", len(chunks))
            condensed = self.chunks([self._generate("summary", chunk) for chunk in chunks])
            if len(condensed) >= len(chunks):
                log.info("chunk summaries do not shrink; lower [summariser.generation] max_new_tokens")
                return ""
            chunks = condensed
        return chunks[0] if chunks else ""

    def _generate(self, task: str, text: str) -> str:
        encoded = self.tokenizer(self.prompts[task].replace(PLACEHOLDER, text), return_tensors="pt", truncation=False)
        length = encoded["input_ids"].shape[1]
        if length > self.max_input_tokens:
            raise ValueError(f"summariser input of {length} tokens exceeds max_input_tokens={self.max_input_tokens}")
        with torch.inference_mode():
            generated = self.model.generate(**encoded, **self.generation)
        return self.tokenizer.decode(generated[0], skip_special_tokens=True).strip()
