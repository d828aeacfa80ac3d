"""Marian (opus-mt) translation on CPU with transformers. torch and transformers are imported when
the model is loaded: the CTranslate2 backend shares this module's placeholder letters, not them."""

from __future__ import annotations

from typing import Any

from pipeline.modelstore import load_pretrained
from pipeline.records import ModelInfo
from pipeline.settings import ModelsSettings, TranslatorSettings
from pipeline.translate.base import Translator

# Each of these is ONE piece (▁K ...) in both opus-mt-zh-en sentencepiece models; A and I are English
# words, Q and X split in the target vocabulary, U is written in "U.S." (docs/faithfulness/translation.md, "Placeholders").
OPUS_MT_ZH_EN_LETTERS = "KZJVWYHGFDBCELMNOPRST"
# The retry for an empty output: the plainest decoding, which rarely ends at once.
PLAIN_GENERATION = {"num_beams": 1, "no_repeat_ngram_size": 0}


class MarianTranslator(Translator):
    placeholder_letters = OPUS_MT_ZH_EN_LETTERS

    def __init__(self, settings: TranslatorSettings, models: ModelsSettings):
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer

        self.tokenizer, self.model = load_pretrained(
            models,
            "translator",
            settings.model,
            settings.revision,
            (AutoTokenizer.from_pretrained, AutoModelForSeq2SeqLM.from_pretrained),
            "--translator",
        )
        self.model.eval()
        self.batch_size = settings.batch_size
        generation = settings.generation
        self.length_ratio = generation.max_length_ratio
        self.length_extra = generation.max_length_extra
        self.min_length_ratio = generation.min_length_ratio
        self.generation: dict[str, Any] = {
            "num_beams": generation.num_beams,
            "no_repeat_ngram_size": generation.no_repeat_ngram_size,
        }
        self.max_positions = int(getattr(self.model.config, "max_position_embeddings", 512))
        self.model_info = ModelInfo(settings.model, settings.revision)

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer(text, truncation=False).input_ids)

    def translate_batch(self, batch: list[str], plain: bool = False) -> list[str]:
        import torch

        encoded = self.tokenizer(batch, return_tensors="pt", padding=True, truncation=False)
        input_length = encoded["input_ids"].shape[1]
        max_length = min(int(self.length_ratio * input_length) + self.length_extra, self.max_positions)
        generation = PLAIN_GENERATION if plain else self.generation
        with torch.inference_mode():
            generated = self.model.generate(
                **encoded,
                max_length=max_length,
                min_new_tokens=int(self.min_length_ratio * input_length),
                **generation,
            )
        return [text.strip() for text in self.tokenizer.batch_decode(generated, skip_special_tokens=True)]
