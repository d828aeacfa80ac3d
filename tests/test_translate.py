import re
from decimal import Decimal

import pytest

from pipeline.errors import ModelUnavailableError
from pipeline.records import (
    CleanArticle,
    Facts,
    Figure,
    Metadata,
    ModelInfo,
    Programme,
    Source,
    Summary,
)
from pipeline.translate import (
    Translator,
    load_glossary,
    load_translator,
    translate_article,
)
from pipeline.translate.marian import RETRY_GENERATION

BODY = "湖北投入90亿元建设技能大赛基地。全省技能人才达到959万人。"
GLOSSARY = load_glossary({"glossary": {"path": ""}})


def figure(text_zh: str, value: str, unit_zh: str, text_en: str) -> Figure:
    start = BODY.index(text_zh)
    context = next(s for s in re.findall(r"[^。]+。", BODY) if text_zh in s)
    return Figure(text_zh, Decimal(value), unit_zh, "", text_en, context, start, start + len(text_zh))


ARTICLE = CleanArticle(
    "a1",
    Source("a1.txt", "0", "utf-8"),
    Metadata(title_zh="全省技能人才达到959万人。", publisher_zh="中工网"),
    [BODY],
)
FIGURES = [
    figure("90亿元", "9000000000", "亿元", "9 billion yuan"),
    figure("959万人", "9590000", "人", "9.59 million people"),
]
FACTS = Facts(
    "a1",
    figures=FIGURES,
    key_figures=FIGURES,
    programmes=[
        Programme("技能大赛", "湖北投入90亿元建设技能大赛基地。", 8),
        Programme("工友杯", "湖北投入90亿元建设技能大赛基地。", 8),
    ],
)
SUMMARY = Summary("湖北投入90亿元", "湖北投入90亿元建设基地。", ModelInfo("extractive"))


class ScriptedTranslator(Translator):
    """Answers each protected sentence with ``answer(sentence)``; records every batch it is given."""

    model_info = ModelInfo("scripted")

    def __init__(self, answer):
        self.answer = answer
        self.batches: list[list[str]] = []

    def translate(self, sentences: list[str]) -> list[str]:
        self.batches.append(list(sentences))
        return [self.answer(sentence) for sentence in sentences]


def keep_placeholders(sentence: str) -> str:
    """A perfect model: every placeholder letter copied, the Chinese replaced by 'text'."""
    return " ".join(re.findall(r"\b[A-Z]\b", sentence) + ["text."])


def test_exact_figure_and_glossary_english_reaches_every_field():
    english = translate_article(ARTICLE, FACTS, SUMMARY, ScriptedTranslator(keep_placeholders), GLOSSARY)
    assert english.title_en == "Skilled workers 9.59 million people text."
    assert english.headline_en == "Hubei 9 billion yuan text."
    assert english.publisher_en == "Workercn.cn"
    assert english.figure_contexts_en == [
        "Hubei 9 billion yuan skills competition text.",
        "Skilled workers 9.59 million people text.",
    ]
    assert english.programme_names_en == ["skills competition", "Text."]
    assert english.untranslated == {}
    assert english.warnings == []


def test_each_distinct_sentence_goes_to_the_model_once():
    translator = ScriptedTranslator(keep_placeholders)
    translate_article(ARTICLE, FACTS, SUMMARY, translator, GLOSSARY)
    sentences = [s for batch in translator.batches for s in batch]
    assert len(sentences) == len(set(sentences))
    assert translator.batches[0] == ["工友杯"]  # names first: the sentences then protect them


def test_a_model_that_garbles_figures_is_repaired_and_flagged():
    def unfaithful(sentence: str) -> str:
        # Drops the first placeholder and writes the figure itself, ten times too big.
        letters = re.findall(r"\b[A-Z]\b", sentence)
        return " ".join(["Hubei put in 90 billion yuan", *letters[1:], *letters[1:2], "W."])

    english = translate_article(ARTICLE, FACTS, SUMMARY, ScriptedTranslator(unfaithful), GLOSSARY)
    assert english.figure_contexts_en[0].endswith("[Hubei]")
    assert "9 billion yuan" in english.figure_contexts_en[0]
    assert 'unverified number "90 billion" in figure_contexts_en[0]' in english.warnings
    assert 'figure_contexts_en[0]: dropped placeholder for "Hubei" appended in brackets' in english.warnings
    assert 'figure_contexts_en[0]: invented placeholder "W" removed' in english.warnings
    assert any(w.startswith("figure_contexts_en[0]: duplicated placeholder") for w in english.warnings)


def test_an_empty_translation_marks_the_field_untranslated():
    english = translate_article(
        ARTICLE, FACTS, SUMMARY, ScriptedTranslator(lambda s: "" if "959" in s or "K" in s else "text."), GLOSSARY
    )
    assert english.title_en is None
    assert english.untranslated["title_en"].startswith("the model returned no translation for:")


def test_without_a_translator_fields_are_untranslated_not_empty():
    english = translate_article(ARTICLE, FACTS, SUMMARY, None, GLOSSARY, unavailable_reason="translator model missing")
    assert english.title_en is None and english.summary_en is None
    assert english.figure_contexts_en == [None, None]
    assert english.programme_names_en == ["skills competition", None]
    assert english.publisher_en == "Workercn.cn"
    assert english.model == ModelInfo("none")
    assert english.untranslated == {
        "title_en": "translator model missing",
        "headline_en": "translator model missing",
        "summary_en": "translator model missing",
        "figure_contexts_en[0]": "translator model missing",
        "figure_contexts_en[1]": "translator model missing",
        "programme_names_en[1]": "translator model missing",
        "programme_contexts_en[0]": "translator model missing",
        "programme_contexts_en[1]": "translator model missing",
    }


def test_missing_model_error_names_the_model_and_the_fix(tmp_path):
    settings = {
        "models": {"dir": str(tmp_path)},
        "translator": {"kind": "marian", "model": "nobody/no-such-model", "revision": "main"},
    }
    with pytest.raises(ModelUnavailableError) as raised:
        load_translator(settings)
    message = str(raised.value)
    assert "'nobody/no-such-model'" in message
    assert "digest models pull" in message and "--translator PATH" in message
    assert "\n" not in message


def test_tiny_marian_loads_and_returns_one_output_per_input(tiny_model_settings):
    translator = load_translator(tiny_model_settings)
    assert translator.model_info.id == tiny_model_settings["translator"]["model"]
    outputs = translator.translate(["工人 K 增加。", "湖北投入 Z 。", "工人 K 增加。"])
    assert len(outputs) == 3 and outputs[0] == outputs[2]


def test_tiny_marian_article_keeps_exact_figure_english(tiny_model_settings):
    english = translate_article(ARTICLE, FACTS, SUMMARY, load_translator(tiny_model_settings), GLOSSARY)
    # Random weights rarely copy the placeholder; either way the exact English must be there.
    assert "9 billion yuan" in english.figure_contexts_en[0]
    assert "9.59 million people" in english.figure_contexts_en[1]
    assert english.model.id == tiny_model_settings["translator"]["model"]


def test_empty_outputs_are_retried_with_plain_decoding(tiny_model_settings, monkeypatch):
    translator = load_translator(tiny_model_settings)
    calls = []

    def generate(batch, generation):
        calls.append((list(batch), generation))
        return ["" if generation is translator.generation and s == "二" else f"out {s}" for s in batch]

    monkeypatch.setattr(translator, "_generate", generate)
    assert translator.translate(["一", "二"]) == ["out 一", "out 二"]
    assert calls[1] == (["二"], RETRY_GENERATION)


def test_a_sentence_longer_than_the_model_input_is_split_not_truncated(tiny_model_settings):
    translator = load_translator(tiny_model_settings)
    sentence = "，".join(["湖北省总工会组织开展劳动和技能竞赛活动"] * 60) + "。"
    pieces = translator._fitting_pieces(sentence)
    assert len(pieces) > 1 and "".join(pieces) == sentence
    assert all(len(translator.tokenizer(p).input_ids) <= translator.max_positions for p in pieces)


def test_a_figure_the_summariser_invented_is_flagged_even_when_protected():
    invented = Summary("湖北投入90亿元", "湖北投入九百亿元建设基地。", ModelInfo("extractive"))
    english = translate_article(ARTICLE, FACTS, invented, ScriptedTranslator(keep_placeholders), GLOSSARY)
    assert english.summary_en == "Hubei 90 billion yuan text."
    assert 'unverified number "90 billion" in summary_en' in english.warnings
