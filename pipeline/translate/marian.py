"""Marian (opus-mt) translation on CPU."""

from __future__ import annotations

import logging
from typing import Any

import torch
from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

from pipeline.modelstore import load_pretrained
from pipeline.records import ModelInfo
from pipeline.translate.base import Translator

log = logging.getLogger(__name__)

# The retry for an empty output: the plainest decoding, which rarely ends at once.
RETRY_GENERATION = {"num_beams": 1, "no_repeat_ngram_size": 0}


class MarianTranslator(Translator):
    def __init__(self, settings: dict[str, Any]):
        section = settings["translator"]
        self.tokenizer, self.model = load_pretrained(
            settings, "translator", (AutoTokenizer.from_pretrained, AutoModelForSeq2SeqLM.from_pretrained), "--translator"
        )
        self.model.eval()
        self.batch_size = int(section["batch_size"])
        generation = dict(section["generation"])
        self.length_ratio = float(generation.pop("max_length_ratio"))
        self.length_extra = int(generation.pop("max_length_extra"))
        self.generation = generation
        self.max_positions = int(getattr(self.model.config, "max_position_embeddings", 512))
        self.model_info = ModelInfo(section["model"], section.get("revision"))

    def translate(self, sentences: list[str]) -> list[str]:
        pieces_of = [self._fitting_pieces(sentence) for sentence in sentences]
        pieces = [piece for sentence_pieces in pieces_of for piece in sentence_pieces]
        # Batching sentences of similar length wastes less work on padding.
        by_length = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        outputs = [""] * len(pieces)
        for first in range(0, len(by_length), self.batch_size):
            batch = by_length[first : first + self.batch_size]
            for i, text in zip(batch, self._generate([pieces[i] for i in batch], self.generation)):
                outputs[i] = text
        empty = [i for i, text in enumerate(outputs) if not text]
        if empty:
            log.info("retrying %d empty translations with greedy decoding", len(empty))
            for i, text in zip(empty, self._generate([pieces[i] for i in empty], RETRY_GENERATION)):
                outputs[i] = text
        joined, cursor = [], 0
        for sentence_pieces in pieces_of:
            parts = outputs[cursor : cursor + len(sentence_pieces)]
            cursor += len(sentence_pieces)
            # One empty piece empties the sentence, so the caller flags it instead of printing half.
            joined.append(" ".join(parts) if all(parts) else "")
        return joined

    def _fitting_pieces(self, sentence: str) -> list[str]:
        """``sentence`` itself, or halves split at the comma nearest the middle until each fits the
        model's positions: input is never truncated."""
        if len(self.tokenizer(sentence, truncation=False).input_ids) <= self.max_positions or len(sentence) < 2:
            return [sentence]
        middle = len(sentence) // 2
        commas = [i + 1 for i, char in enumerate(sentence[:-1]) if char in "，,、；;"]
        cut = min(commas, key=lambda i: abs(i - middle)) if commas else middle
        return self._fitting_pieces(sentence[:cut]) + self._fitting_pieces(sentence[cut:])

    def _generate(self, batch: list[str], generation: dict[str, Any]) -> list[str]:
        encoded = self.tokenizer(batch, return_tensors="pt", padding=True, truncation=False)
        input_length = encoded["input_ids"].shape[1]
        max_length = min(int(self.length_ratio * input_length) + self.length_extra, self.max_positions)
        with torch.inference_mode():
            generated = self.model.generate(**encoded, max_length=max_length, **generation)
        return [text.strip() for text in self.tokenizer.batch_decode(generated, skip_special_tokens=True)]
