"""The translator interface. The base class runs the loop every backend needs: sentences too long
for the model are split (never truncated), sentences of similar length are batched together, and
an empty output is retried once with the plainest decoding. A backend implements the batch call,
token counting, and declares which placeholder letters its vocabulary keeps whole."""

from __future__ import annotations

import logging
from abc import ABC, abstractmethod

from pipeline.lang.zh import COMMA_MARKS
from pipeline.records import ModelInfo
from pipeline.settings import ModelsSettings, TranslatorSettings

log = logging.getLogger(__name__)


class Translator(ABC):
    model_info: ModelInfo
    # Capital letters that the backend's source AND target vocabularies keep as one piece each, so
    # a placeholder reaches the model as one opaque token and can come back as one.
    placeholder_letters: str
    # Input tokens the model accepts per sentence.
    max_positions: int
    batch_size: int

    @abstractmethod
    def __init__(self, settings: TranslatorSettings, models: ModelsSettings):
        """Load the model; raise ModelUnavailableError when it is not on this machine."""

    @abstractmethod
    def count_tokens(self, text: str) -> int:
        """Input tokens of ``text`` as the model receives it (special tokens included)."""

    @abstractmethod
    def translate_batch(self, batch: list[str], plain: bool = False) -> list[str]:
        """One English text per input, in order ("" where the model produced nothing). ``plain``:
        the retry decoding (greedy, no n-gram block), which rarely ends at once."""

    def translate(self, sentences: list[str]) -> list[str]:
        """One output per input, in order; an empty string where the model produced nothing even
        on the retry, so the caller can flag the field instead of printing half a sentence."""
        pieces_of = [self._fitting_pieces(sentence) for sentence in sentences]
        # Each distinct piece goes to the model once, however many sentences share it.
        pieces = list(dict.fromkeys(piece for sentence_pieces in pieces_of for piece in sentence_pieces))
        english = dict(zip(pieces, self._translate_by_length(pieces, plain=False), strict=True))
        empty = [piece for piece in pieces if not english[piece]]
        if empty:
            log.info("retrying %d empty translations with plain decoding", len(empty))
            english.update(zip(empty, self._translate_by_length(empty, plain=True), strict=True))
        joined = []
        for sentence_pieces in pieces_of:
            parts = [english[piece] for piece in sentence_pieces]
            joined.append(" ".join(parts) if all(parts) else "")
        return joined

    def _translate_by_length(self, pieces: list[str], plain: bool) -> list[str]:
        # Batching sentences of similar length wastes less work on padding.
        by_length = sorted(range(len(pieces)), key=lambda i: len(pieces[i]))
        outputs = [""] * len(pieces)
        for first in range(0, len(by_length), self.batch_size):
            batch = by_length[first : first + self.batch_size]
            for i, text in zip(batch, self.translate_batch([pieces[i] for i in batch], plain), strict=True):
                outputs[i] = text.strip()
        return outputs

    def _fitting_pieces(self, sentence: str) -> list[str]:
        """``sentence`` itself, or halves split at the comma nearest the middle until each fits
        the model's positions."""
        if len(sentence) < 2 or self.count_tokens(sentence) <= self.max_positions:
            return [sentence]
        middle = len(sentence) // 2
        commas = [i + 1 for i, char in enumerate(sentence[:-1]) if char in COMMA_MARKS]
        cut = min(commas, key=lambda i: abs(i - middle)) if commas else middle
        return self._fitting_pieces(sentence[:cut]) + self._fitting_pieces(sentence[cut:])
