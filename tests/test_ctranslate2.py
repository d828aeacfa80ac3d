"""Conversion to CTranslate2 and the summariser's restricted output vocabulary, on the tiny models."""

from __future__ import annotations

import os
import shutil

import pytest
from tiny_models import TRAINING_SENTENCES, build_tiny_t5
from transformers import AutoTokenizer

from pipeline import PROJECT_DIR
from pipeline.convert import CONVERTED_FROM, convert_to_ctranslate2, converted_dir
from pipeline.errors import ModelUnavailableError
from pipeline.settings import ModelsSettings, SummariserGeneration, SummariserSettings
from pipeline.summarise.ctranslate2 import (
    VOCABULARY_MAP,
    CTranslate2Summariser,
    write_vocabulary_map,
)

ENGLISH_SENTENCES = [
    "The provincial trade union said the number of skilled workers reached 9.59 million.",
    "Training subsidies of 4,000 yuan per person per year are given to new apprentices.",
    "More than 130 highly skilled workers were appointed to key management posts.",
]
ARTICLE_TEXT = "湖北省总工会发布消息，全省技能人才总量达到959万人。"


def test_conversion_is_made_once_beside_the_model_and_redone_when_the_weights_change(tiny_marian_dir, tmp_path):
    model = shutil.copytree(tiny_marian_dir, tmp_path / "opus-mt")
    target = convert_to_ctranslate2(model, "int8")
    assert target == converted_dir(model, "int8") == tmp_path / "opus-mt--ctranslate2-int8"
    assert (target / "model.bin").is_file() and (target / CONVERTED_FROM).is_file()
    first = (target / "model.bin").stat().st_mtime_ns
    assert convert_to_ctranslate2(model, "int8") == target
    assert (target / "model.bin").stat().st_mtime_ns == first
    weights = model / "model.safetensors"
    os.utime(weights, ns=(weights.stat().st_atime_ns, weights.stat().st_mtime_ns + 10**9))
    convert_to_ctranslate2(model, "int8")
    assert (target / "model.bin").stat().st_mtime_ns != first


def test_an_interrupted_conversion_is_redone(tiny_marian_dir, tmp_path):
    model = shutil.copytree(tiny_marian_dir, tmp_path / "opus-mt")
    target = convert_to_ctranslate2(model, "int8")
    (target / CONVERTED_FROM).unlink()
    first = (target / "model.bin").stat().st_mtime_ns
    convert_to_ctranslate2(model, "int8")
    assert (target / "model.bin").stat().st_mtime_ns != first


def test_a_folder_without_a_model_is_one_line(tmp_path):
    with pytest.raises(ModelUnavailableError) as error:
        convert_to_ctranslate2(tmp_path, "int8")
    assert str(error.value).startswith(f"cannot convert {tmp_path} to CTranslate2 (")
    assert "\n" not in str(error.value)


def test_the_vocabulary_map_always_allows_chinese_pieces_and_copies_the_others(tiny_t5_dir, tmp_path):
    tokenizer = AutoTokenizer.from_pretrained(tiny_t5_dir)
    pieces = tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))
    write_vocabulary_map([*pieces, "▁GDP", "▁5.7", "%"], tmp_path / "vmap.txt")
    always, *copied = (tmp_path / "vmap.txt").read_text(encoding="utf-8").splitlines()
    source, allowed = always.split("\t")
    assert source == ""
    # The special tokens (end, unknown) CTranslate2 always allows itself.
    article_pieces = set(tokenizer.convert_ids_to_tokens(tokenizer(ARTICLE_TEXT).input_ids)) - {"</s>", "<unk>"}
    assert {"▁5.7", "%", *article_pieces} <= set(allowed.split(" "))
    assert "▁GDP" not in allowed.split(" ")
    assert "▁GDP\t▁GDP" in copied


def summariser(model, models, restrict: bool) -> CTranslate2Summariser:
    settings = SummariserSettings(
        kind="ctranslate2",
        model=str(model),
        prompt_headline=str(PROJECT_DIR / "prompts" / "headline_zh.txt"),
        prompt_summary=str(PROJECT_DIR / "prompts" / "summary_zh.txt"),
        restrict_vocabulary=restrict,
        generation=SummariserGeneration(num_beams=2, max_new_tokens=24, min_new_tokens=24),
    )
    return CTranslate2Summariser(settings, models)


@pytest.fixture
def latin_heavy_t5(tmp_path):
    """A tiny T5 that also knows English pieces and whose output layer favours them, so a restriction
    visibly changes its output."""
    import torch
    from transformers import T5ForConditionalGeneration

    model_dir = build_tiny_t5(tmp_path / "latin-t5", sentences=[*TRAINING_SENTENCES, *ENGLISH_SENTENCES])
    tokenizer = AutoTokenizer.from_pretrained(model_dir)
    model = T5ForConditionalGeneration.from_pretrained(model_dir)
    latin = [i for i, piece in enumerate(tokenizer.convert_ids_to_tokens(list(range(len(tokenizer))))) if piece.strip("▁").isalpha() and piece.isascii()]
    with torch.no_grad():
        model.lm_head.weight[latin] *= 50
    model.save_pretrained(model_dir)
    return model_dir


def test_a_restricted_summariser_writes_only_chinese_pieces_or_pieces_of_its_input(latin_heavy_t5, tmp_path):
    models = ModelsSettings(dir=str(tmp_path / "models"), threads=1)
    restricted = summariser(latin_heavy_t5, models, restrict=True)
    full = summariser(latin_heavy_t5, models, restrict=False)
    vocabulary_map = converted_dir(tmp_path / "models" / "latin-t5", "int8") / VOCABULARY_MAP
    allowed = set(vocabulary_map.read_text(encoding="utf-8").splitlines()[0].split("\t")[1].split(" "))
    prompt = restricted.prompts["summary"].replace("{text}", ARTICLE_TEXT)
    allowed |= set(restricted.tokenizer.convert_ids_to_tokens(restricted.tokenizer(prompt).input_ids)) | {"<unk>"}

    def pieces(output: str) -> set[str]:
        return set(restricted.tokenizer.convert_ids_to_tokens(restricted.tokenizer(output).input_ids))

    restricted_output = restricted.generate("summary", [ARTICLE_TEXT])[0]
    full_output = full.generate("summary", [ARTICLE_TEXT])[0]
    assert pieces(full_output) - allowed  # the unrestricted model does write other pieces
    assert restricted_output and pieces(restricted_output) <= allowed
