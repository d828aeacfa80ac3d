"""Marian (opus-mt) translation on CPU with CTranslate2: the same model, converted once and int8 by
default, about three times faster than transformers (benchmarks/real_size.py)."""

from __future__ import annotations

import contextlib
import ctypes
import functools
import os

from pipeline.convert import ctranslate2_model
from pipeline.modelstore import load_pretrained
from pipeline.records import ModelInfo
from pipeline.settings import ModelsSettings, TranslatorSettings
from pipeline.translate.base import Translator
from pipeline.translate.marian import OPUS_MT_ZH_EN_LETTERS

# glibc's mallopt parameter for the number of malloc arenas.
M_ARENA_MAX = -8


@functools.cache
def _one_malloc_arena() -> None:
    """Let CTranslate2's worker threads share one malloc arena: each thread's own arena keeps the
    memory of its last batch, which raised the peak RSS of a run by ~200 MB (benchmarks/real_size.py).
    Costs no measurable time. Threads started before this call keep their arenas; no-op off glibc."""
    with contextlib.suppress(AttributeError, OSError):
        ctypes.CDLL(None).mallopt(M_ARENA_MAX, 1)


def load_ctranslate2(path: str, compute_type: str, models: ModelsSettings):
    """A CTranslate2 translator on the CPU with one worker per configured thread (0: one per core).
    Workers share the weights and each runs a part of a batch on one thread: decoding a few
    sentences is too small a job to split across threads (2 threads were ~11% faster than 1), while
    two halves of a batch run side by side."""
    import ctranslate2

    _one_malloc_arena()
    workers = models.threads or os.cpu_count() or 1
    return ctranslate2.Translator(path, device="cpu", compute_type=compute_type, inter_threads=workers, intra_threads=1)


def worker_share(model, batch: list) -> int:
    """Largest sub-batch that gives every worker of ``model`` a part of ``batch``."""
    return -(-len(batch) // model.num_translators)


class CTranslate2Translator(Translator):
    placeholder_letters = OPUS_MT_ZH_EN_LETTERS

    def __init__(self, settings: TranslatorSettings, models: ModelsSettings):
        from transformers import AutoConfig, AutoTokenizer

        folder, converted = ctranslate2_model(
            models, "translator", settings.model, settings.revision, "--translator", settings.compute_type
        )
        self.tokenizer, config = load_pretrained(
            models,
            "translator",
            str(folder),
            settings.revision,
            (AutoTokenizer.from_pretrained, AutoConfig.from_pretrained),
            "--translator",
        )
        self.model = load_ctranslate2(str(converted), settings.compute_type, models)
        self.batch_size = settings.batch_size
        self.generation = settings.generation
        self.max_positions = int(getattr(config, "max_position_embeddings", 512))
        self.model_info = ModelInfo(settings.model, settings.revision)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, truncation=False).input_ids)

    def translate_batch(self, batch: list[str], plain: bool = False) -> list[str]:
        sources = [self.tokenizer.convert_ids_to_tokens(self.tokenizer(text).input_ids) for text in batch]
        # As the transformers backend: the bound follows the longest input of the batch. Transformers'
        # max_length counts the decoder's start token and Marian's forced end token; CTranslate2's neither.
        input_length = max(len(tokens) for tokens in sources)
        generation = self.generation
        max_length = min(int(generation.max_length_ratio * input_length) + generation.max_length_extra, self.max_positions)
        results = self.model.translate_batch(
            sources,
            beam_size=1 if plain else generation.num_beams,
            no_repeat_ngram_size=0 if plain else generation.no_repeat_ngram_size,
            max_decoding_length=max_length - 2,
            min_decoding_length=int(generation.min_length_ratio * input_length),
            max_input_length=0,
            max_batch_size=worker_share(self.model, sources),
        )
        return [self._decode(result.hypotheses[0]) for result in results]

    def _decode(self, tokens: list[str]) -> str:
        return self.tokenizer.decode(self.tokenizer.convert_tokens_to_ids(tokens), skip_special_tokens=True).strip()
