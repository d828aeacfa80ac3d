"""The prompted summariser run by CTranslate2: the same model, converted once, int8 by default.

mT5's output layer spans 250,112 tokens of a hundred languages and costs most of each decoding step.
A Chinese summary needs only Han characters, digits and punctuation, plus what it copies from its
input (a Latin name, an abbreviation), so by default the output vocabulary is restricted to those
(CTranslate2's vocabulary map, `use_vmap`); `restrict_vocabulary = false` keeps all of it."""

from __future__ import annotations

import re
import string
from pathlib import Path

from pipeline.convert import ctranslate2_model
from pipeline.lang.zh import CHINESE_TEXT_CHARS
from pipeline.modelstore import load_pretrained
from pipeline.settings import ModelsSettings, SummariserSettings
from pipeline.summarise.seq2seq import PLACEHOLDER, PromptedSummariser
from pipeline.translate.ctranslate2 import load_ctranslate2, worker_share

# CTranslate2 reads the vocabulary map from this file of the converted model.
VOCABULARY_MAP = "vmap.txt"
# Sentencepiece marks a word start with this; a piece made of it alone is a space.
WORD_START = "\u2581"
# Pieces any Chinese summary may use: Chinese text, digits, and ASCII punctuation, which is what
# mT5's NFKC normalisation makes of full-width marks ("，" -> ",") and what numbers use ("27.6%").
CHINESE_PIECE = re.compile(f"[{CHINESE_TEXT_CHARS}0-9{re.escape(string.punctuation)}]*")


def write_vocabulary_map(pieces: list[str], path: Path) -> None:
    """A CTranslate2 vocabulary map: the Chinese pieces always allowed (the line with an empty
    source), every other piece allowed when the input contains it."""
    always = [p for p in pieces if CHINESE_PIECE.fullmatch(p.removeprefix(WORD_START))]
    allowed = set(always)
    copied = [f"{p}\t{p}" for p in pieces if p not in allowed and p.strip()]
    path.write_text("\n".join(["\t" + " ".join(always), *copied]) + "\n", encoding="utf-8")


class CTranslate2Summariser(PromptedSummariser):
    def load(self, settings: SummariserSettings, models: ModelsSettings):
        from transformers import AutoTokenizer

        folder, converted = ctranslate2_model(
            models, "summariser", settings.model, settings.revision, "--summariser", settings.compute_type
        )
        (tokenizer,) = load_pretrained(
            models, "summariser", str(folder), settings.revision, (AutoTokenizer.from_pretrained,), "--summariser"
        )
        self.restrict_vocabulary = settings.restrict_vocabulary
        if self.restrict_vocabulary and not (converted / VOCABULARY_MAP).is_file():
            write_vocabulary_map(tokenizer.convert_ids_to_tokens(list(range(len(tokenizer)))), converted / VOCABULARY_MAP)
        self.model = load_ctranslate2(str(converted), settings.compute_type, models)
        return tokenizer

    def generate(self, task: str, texts: list[str]) -> list[str]:
        sources = [
            self.tokenizer.convert_ids_to_tokens(self.tokenizer(self.prompts[task].replace(PLACEHOLDER, text)).input_ids)
            for text in texts
        ]
        lengths = self.lengths[task]
        results = self.model.translate_batch(
            sources,
            beam_size=self.generation.num_beams,
            max_decoding_length=lengths.max_new,
            min_decoding_length=lengths.min_new,
            no_repeat_ngram_size=self.generation.no_repeat_ngram_size,
            repetition_penalty=self.generation.repetition_penalty,
            use_vmap=self.restrict_vocabulary,
            max_input_length=0,
            max_batch_size=worker_share(self.model, sources),
        )
        return [
            self.tokenizer.decode(self.tokenizer.convert_tokens_to_ids(r.hypotheses[0]), skip_special_tokens=True)
            for r in results
        ]
