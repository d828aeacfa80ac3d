"""The translation stage: protection, repairs, untranslated fields, verification, and the
translator base class's loop, with the scripted test double and the tiny Marian model."""

import pytest
from conftest import settings_with
from scripted import ScriptedTranslator, keep_placeholders, unfaithful

from pipeline.clean import clean_article
from pipeline.errors import ModelUnavailableError
from pipeline.facts import extract_facts
from pipeline.records import Article, EnglishField, FieldRef, ModelInfo, Source, Summary
from pipeline.settings import GlossarySettings
from pipeline.translate.glossary import load_glossary
from pipeline.translate.marian import PLAIN_GENERATION, MarianTranslator
from pipeline.translate.stage import translate_article

BODY = "湖北投入90亿元建设“技能大赛”基地，举办“工友杯”。全省技能人才达到959万人。"
GLOSSARY = load_glossary(GlossarySettings())
ARTICLE = clean_article(
    Article("a1", Source("a1.txt", "0", "utf-8"), f"全省技能人才达到959万人\n\n来源：中工网\n\n{BODY}\n")
)
FACTS = extract_facts(ARTICLE)
SUMMARY = Summary("湖北投入90亿元", "湖北投入90亿元建设基地。", ModelInfo("extractive"))
TITLE = FieldRef(EnglishField.TITLE)
HEADLINE = FieldRef(EnglishField.HEADLINE)
SUMMARY_EN = FieldRef(EnglishField.SUMMARY)
PUBLISHER = FieldRef(EnglishField.PUBLISHER)


def figure_context(index: int) -> FieldRef:
    return FieldRef(EnglishField.FIGURE_CONTEXT, index)


def programme_name(index: int) -> FieldRef:
    return FieldRef(EnglishField.PROGRAMME_NAME, index)


def test_the_example_comes_from_the_real_stages():
    assert ARTICLE.metadata.title_zh == "全省技能人才达到959万人" and ARTICLE.metadata.publisher_zh == "中工网"
    assert [(f.text_zh, f.text_en) for f in FACTS.key_figures] == [
        ("90亿元", "9 billion yuan"),
        ("959万人", "9.59 million people"),
    ]
    assert [p.name_zh for p in FACTS.programmes] == ["技能大赛", "工友杯"]


def test_exact_figure_and_glossary_english_reaches_every_field():
    english = translate_article(ARTICLE, FACTS, SUMMARY, ScriptedTranslator.answering(keep_placeholders), GLOSSARY)
    assert english.text(TITLE) == "Skilled workers 9.59 million people text."
    assert english.text(HEADLINE) == "Hubei 9 billion yuan text."
    assert english.text(PUBLISHER) == "Workercn.cn"
    assert english.text(figure_context(0)) == "Hubei 9 billion yuan skills competition Text. text."
    assert english.text(figure_context(1)) == "Skilled workers 9.59 million people text."
    assert [english.text(programme_name(i)) for i in range(2)] == ["skills competition", "Text."]
    assert english.untranslated == {}
    assert english.warnings == []


def test_each_distinct_sentence_goes_to_the_model_once():
    translator = ScriptedTranslator.answering(keep_placeholders)
    translate_article(ARTICLE, FACTS, SUMMARY, translator, GLOSSARY)
    sentences = [s for batch in translator.batches for s in batch]
    assert len(sentences) == len(set(sentences))
    assert translator.batches[0] == ["工友杯"]  # names first: the sentences then protect them


def test_a_model_that_garbles_figures_is_repaired_flagged_and_counted():
    english = translate_article(ARTICLE, FACTS, SUMMARY, ScriptedTranslator.answering(unfaithful), GLOSSARY)
    context = english.text(figure_context(0))
    assert context is not None and context.endswith("[Hubei]")
    assert "9 billion yuan" in context
    assert 'unverified number "90 billion" in key_figures[0].context_en' in english.warnings
    assert 'key_figures[0].context_en: dropped placeholder for "Hubei" appended in brackets' in english.warnings
    assert 'key_figures[0].context_en: invented placeholder "W" removed' in english.warnings
    assert any(w.startswith("key_figures[0].context_en: duplicated placeholder") for w in english.warnings)
    counts = english.counts
    assert counts.placeholders_dropped >= 1 and counts.placeholders_invented >= 1 and counts.placeholders_duplicated >= 1
    assert counts.numbers_unverified == sum(w.startswith("unverified number") for w in english.warnings)


def test_an_empty_translation_marks_the_field_untranslated():
    silent_on_title = ScriptedTranslator.answering(lambda s: "" if "达到" in s else "text.")
    english = translate_article(ARTICLE, FACTS, SUMMARY, silent_on_title, GLOSSARY)
    assert english.text(TITLE) is None
    assert english.untranslated[TITLE].startswith("the model returned no translation for:")


def test_without_a_translator_fields_are_untranslated_not_empty():
    english = translate_article(ARTICLE, FACTS, SUMMARY, None, GLOSSARY, unavailable_reason="translator model missing")
    assert english.text(TITLE) is None and english.text(SUMMARY_EN) is None
    assert english.text(figure_context(0)) is None
    assert [english.text(programme_name(i)) for i in range(2)] == ["skills competition", None]
    assert english.text(PUBLISHER) == "Workercn.cn"
    assert english.model == ModelInfo("none")
    assert english.untranslated_reason == "translator model missing"
    assert {ref.path: reason for ref, reason in english.untranslated.items()} == {
        "metadata.title_en": "translator model missing",
        "headline_en": "translator model missing",
        "summary_en": "translator model missing",
        "key_figures[0].context_en": "translator model missing",
        "key_figures[1].context_en": "translator model missing",
        "programmes[1].name_en": "translator model missing",
        "programmes[0].context_en": "translator model missing",
        "programmes[1].context_en": "translator model missing",
    }


def test_a_damaged_sentence_is_not_translated_as_if_whole():
    damaged = clean_article(Article("a2", Source("a2.txt", "0", "utf-8"), "湖北投入90亿元[…]建设基地。全省达到959万人。\n"))
    facts = extract_facts(damaged)
    quoting = Summary("湖北", "湖北投入90亿元[…]建设基地。", ModelInfo("extractive"))
    english = translate_article(damaged, facts, quoting, ScriptedTranslator.answering(keep_placeholders), GLOSSARY)
    assert english.text(SUMMARY_EN) is None
    assert "damaged" in english.untranslated[SUMMARY_EN]
    assert all("[…]" not in figure.context_zh for figure in facts.key_figures)


def test_missing_model_error_names_the_model_and_the_fix(tmp_path):
    settings = settings_with({"models": {"dir": str(tmp_path)}, "translator": {"model": "nobody/no-such-model"}})
    with pytest.raises(ModelUnavailableError) as raised:
        MarianTranslator(settings.translator, settings.models)
    message = str(raised.value)
    assert "'nobody/no-such-model'" in message
    assert "digest models pull" in message and "--translator PATH" in message
    assert "\n" not in message


@pytest.fixture
def tiny_marian(tiny_model_settings) -> MarianTranslator:
    return MarianTranslator(tiny_model_settings.translator, tiny_model_settings.models)


def test_tiny_marian_loads_and_returns_one_output_per_input(tiny_marian, tiny_model_settings):
    assert tiny_marian.model_info.id == tiny_model_settings.translator.model
    outputs = tiny_marian.translate(["工人 K 增加。", "湖北投入 Z 。", "工人 K 增加。"])
    assert len(outputs) == 3 and outputs[0] == outputs[2]


def test_tiny_marian_article_keeps_exact_figure_english(tiny_marian, tiny_model_settings):
    english = translate_article(ARTICLE, FACTS, SUMMARY, tiny_marian, GLOSSARY)
    # Random weights rarely copy the placeholder; either way the exact English must be there.
    assert "9 billion yuan" in (english.text(figure_context(0)) or "")
    assert "9.59 million people" in (english.text(figure_context(1)) or "")
    assert english.model.id == tiny_model_settings.translator.model


def test_empty_outputs_are_retried_with_plain_decoding():
    calls = []

    def answer(sentence):
        return "" if sentence == "二" and len(calls) == 1 else f"out {sentence}"

    translator = ScriptedTranslator.answering(answer)
    original = translator.translate_batch

    def recording(batch, plain=False):
        calls.append((list(batch), plain))
        return original(batch, plain)

    translator.translate_batch = recording
    assert translator.translate(["一", "二"]) == ["out 一", "out 二"]
    assert calls == [(["一", "二"], False), (["二"], True)]


def test_marian_plain_decoding_is_greedy_without_ngram_block(tiny_marian, monkeypatch):
    seen = []
    monkeypatch.setattr(tiny_marian.model, "generate", lambda **kwargs: seen.append(kwargs) or kwargs["input_ids"])
    tiny_marian.translate_batch(["一"], plain=True)
    tiny_marian.translate_batch(["一"])
    assert {k: seen[0][k] for k in PLAIN_GENERATION} == PLAIN_GENERATION
    assert seen[1]["num_beams"] == tiny_marian.generation["num_beams"]


def test_a_sentence_longer_than_the_model_input_is_split_not_truncated(tiny_marian):
    sentence = "，".join(["湖北省总工会组织开展劳动和技能竞赛活动"] * 60) + "。"
    pieces = tiny_marian._fitting_pieces(sentence)
    assert len(pieces) > 1 and "".join(pieces) == sentence
    assert all(tiny_marian.count_tokens(p) <= tiny_marian.max_positions for p in pieces)


def test_a_figure_the_summariser_invented_is_flagged_even_when_protected():
    invented = Summary("湖北投入90亿元", "湖北投入九百亿元建设基地。", ModelInfo("extractive"))
    english = translate_article(ARTICLE, FACTS, invented, ScriptedTranslator.answering(keep_placeholders), GLOSSARY)
    assert english.text(SUMMARY_EN) == "Hubei 90 billion yuan text."
    assert 'unverified number "90 billion" in summary_en' in english.warnings


def test_a_sentence_shared_by_articles_goes_to_the_model_once():
    from pipeline.translate.stage import ArticleToTranslate, translate_articles

    translator = ScriptedTranslator.answering(keep_placeholders)
    items = [ArticleToTranslate(ARTICLE, FACTS, SUMMARY), ArticleToTranslate(ARTICLE, FACTS, SUMMARY)]
    first, second = translate_articles(items, translator, GLOSSARY)
    assert first.texts == second.texts
    sentences = [sentence for batch in translator.batches for sentence in batch]
    assert len(sentences) == len(set(sentences))
    assert translator.translate(["一", "一"]) == translator.translate(["一"]) * 2
    assert translator.batches[-2] == ["一"]
