"""The CTranslate2 translator gives what the transformers one gives, on the tiny Marian converted offline."""

from __future__ import annotations

from functools import cache
from pathlib import Path

import pytest

from pipeline import PROJECT_DIR
from pipeline.clean import clean_article
from pipeline.convert import converted_dir
from pipeline.errors import ModelUnavailableError
from pipeline.facts import extract_facts
from pipeline.ingest import expand_inputs, read_article
from pipeline.settings import (
    GlossarySettings,
    ModelsSettings,
    SummariserSettings,
    TranslatorGeneration,
    TranslatorSettings,
)
from pipeline.summarise.extractive import ExtractiveSummariser, article_sentences
from pipeline.translate.ctranslate2 import CTranslate2Translator
from pipeline.translate.glossary import load_glossary
from pipeline.translate.marian import MarianTranslator
from pipeline.translate.stage import translate_article

SEEDS = Path(__file__).parent.parent / "seeds"
GLOSSARY = load_glossary(GlossarySettings())
EXTRACTIVE = SummariserSettings(
    kind="extractive",
    model="none",
    prompt_headline=str(PROJECT_DIR / "prompts" / "headline_zh.txt"),
    prompt_summary=str(PROJECT_DIR / "prompts" / "summary_zh.txt"),
)


@cache
def seed_article(prefix: str):
    ref = next(ref for ref in expand_inputs([str(SEEDS)]) if Path(ref.display).name.startswith(prefix))
    return clean_article(read_article(ref))


def settings(kind: str, model: Path, **generation) -> TranslatorSettings:
    # float32: int8 rounding would change the tiny model's arbitrary output, not test the backend.
    plain = {"num_beams": 1, "no_repeat_ngram_size": 0, **generation}
    return TranslatorSettings(kind=kind, model=str(model), compute_type="float32", generation=TranslatorGeneration(**plain))


@pytest.fixture(scope="module")
def models(tmp_path_factory) -> ModelsSettings:
    return ModelsSettings(dir=str(tmp_path_factory.mktemp("models")), threads=1)


@pytest.fixture(scope="module")
def backends(tiny_marian_dir, models):
    return MarianTranslator(settings("marian", tiny_marian_dir), models), CTranslate2Translator(
        settings("ctranslate2", tiny_marian_dir), models
    )


def test_the_conversion_is_made_once_in_the_models_folder(backends, tiny_marian_dir, models):
    target = converted_dir(Path(models.dir) / tiny_marian_dir.name, "float32")
    assert (target / "model.bin").is_file()
    written = (target / "model.bin").stat().st_mtime_ns
    CTranslate2Translator(settings("ctranslate2", tiny_marian_dir), models)
    assert (target / "model.bin").stat().st_mtime_ns == written


def test_both_backends_translate_real_sentences_alike_greedy(backends):
    sentences = article_sentences(seed_article("001"))[:12]
    marian, ctranslate2 = backends
    assert marian.placeholder_letters == ctranslate2.placeholder_letters
    assert marian.max_positions == ctranslate2.max_positions == 512
    assert [marian.count_tokens(s) for s in sentences] == [ctranslate2.count_tokens(s) for s in sentences]
    assert ctranslate2.translate_batch(sentences) == marian.translate_batch(sentences)


def test_the_retry_decoding_is_alike(backends):
    sentences = article_sentences(seed_article("002"))[:4]
    marian, ctranslate2 = backends
    assert ctranslate2.translate_batch(sentences, plain=True) == marian.translate_batch(sentences, plain=True)


def test_the_translate_stage_gives_the_same_fields_placeholders_and_warnings(backends):
    article = seed_article("001")
    facts = extract_facts(article)
    summary = ExtractiveSummariser(EXTRACTIVE).summarise(article)
    marian, ctranslate2 = backends
    by_marian = translate_article(article, facts, summary, marian, GLOSSARY)
    by_ctranslate2 = translate_article(article, facts, summary, ctranslate2, GLOSSARY)
    assert by_ctranslate2 == by_marian
    assert by_marian.warnings  # the verifier had random-model output to complain about


def test_a_folder_that_is_no_model_is_one_clear_error(tmp_path, models):
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    with pytest.raises(ModelUnavailableError, match=r"^cannot convert .* to CTranslate2"):
        CTranslate2Translator(settings("ctranslate2", tmp_path), models)
