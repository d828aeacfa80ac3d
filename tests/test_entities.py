"""Names in the pipeline: carried through translation verbatim and verified, recorded as `entities`
with the dateline place (schema 2), shown in the views; version-1 records still render."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from conftest import settings_with
from scripted import ScriptedTranslator, garble_around_placeholders

from pipeline import PROJECT_DIR
from pipeline.clean import clean_article
from pipeline.core import Pipeline
from pipeline.facts import extract_facts
from pipeline.formats import load_formats
from pipeline.names import dateline_place, find_names
from pipeline.records import Article, EnglishField, FieldRef, InputRef, ModelInfo, Names, Source, Summary
from pipeline.registry import OUTPUT_FORMATS
from pipeline.render import name_groups, render_briefing, render_digest, untranslated_fields
from pipeline.settings import GlossarySettings
from pipeline.translate.glossary import load_glossary
from pipeline.translate.stage import translate_article

SEEDS = PROJECT_DIR / "seeds"
RECORDS_V1 = Path(__file__).parent / "data" / "seed_records_offline.jsonl"
GLOSSARY = load_glossary(GlossarySettings())
SUMMARY_EN = FieldRef(EnglishField.SUMMARY)

SENTENCE = "十堰市总工会常务副主席陈惠霞表示，要激发职工创新创造活力。"
ARTICLE = clean_article(Article("a1", Source("a1.txt", "0", "utf-8"), f"十堰职工创新成果丰硕\n\n来源：中工网\n\n{SENTENCE}\n"))
NAMES = Names(ARTICLE.id, find_names(ARTICLE, GLOSSARY))
FACTS = extract_facts(ARTICLE)
SUMMARY = Summary("十堰职工创新", SENTENCE, ModelInfo("extractive"))


def offline_pipeline(tmp_path: Path, translator: dict | None = None) -> Pipeline:
    settings = settings_with(
        {
            "summariser": {"kind": "extractive"},
            "translator": translator or {"model": "nobody/missing-zh-en"},
            "models": {"dir": str(tmp_path / "no-models")},
        }
    )
    return Pipeline(settings, notify=lambda message: None)


def seed_record(pipeline: Pipeline, path: Path) -> dict:
    return pipeline.digest(pipeline.read(InputRef(str(path), path))).to_dict()


def test_the_example_names_come_from_the_real_stage():
    assert [(name.zh, name.en, name.kind) for name in NAMES.names] == [
        ("十堰市总工会", "Shiyan Municipal Federation of Trade Unions", "organisation"),
        ("十堰市", "Shiyan City", "place"),
        ("十堰", "Shiyan", "place"),
        ("陈惠霞", "Chen Huixia", "person"),
    ]


def test_names_survive_a_model_that_garbles_the_sentence_around_them():
    translator = ScriptedTranslator.answering(garble_around_placeholders)
    english = translate_article(ARTICLE, FACTS, SUMMARY, translator, GLOSSARY, names=NAMES)
    # The organisation holds 十堰市 and 十堰: its English carries them, longest first.
    assert english.text(SUMMARY_EN) == "Merlin the Shiyan Municipal Federation of Trade Unions Chen Huixia wobbled 7 times."
    assert english.text(FieldRef(EnglishField.HEADLINE)) == "Merlin the Shiyan wobbled 7 times."
    # The garble's "7 times" is the only problem found.
    assert {w.split('"')[0] for w in english.warnings} == {"unverified number "}
    assert english.counts.names_missing == 0 and english.counts.placeholders_dropped == 0


def test_a_dropped_name_is_put_back_and_warned_about():
    drops_everything = ScriptedTranslator.answering(lambda sentence: "He said workers should innovate.")
    english = translate_article(ARTICLE, FACTS, SUMMARY, drops_everything, GLOSSARY, names=NAMES)
    assert english.text(SUMMARY_EN) == "He said workers should innovate. [Shiyan Municipal Federation of Trade Unions; Chen Huixia]"
    assert 'summary_en: dropped placeholder for "Chen Huixia" appended in brackets' in english.warnings
    assert english.counts.placeholders_dropped == 4  # two names in the summary, one in the headline, one in the title


def test_a_name_the_model_saw_unprotected_and_lost_is_warned_about_and_counted():
    # A translator with no placeholder letters to spare: the names reach the model as Chinese.
    translator = ScriptedTranslator.answering(garble_around_placeholders)
    translator.placeholder_letters = ""
    english = translate_article(ARTICLE, FACTS, SUMMARY, translator, GLOSSARY, names=NAMES)
    assert english.text(SUMMARY_EN) == "Merlin the wobbled 7 times."
    assert 'name "Chen Huixia" missing from summary_en' in english.warnings
    assert 'name "Shiyan Municipal Federation of Trade Unions" missing from summary_en' in english.warnings
    # 十堰 and 十堰市 are inside the organisation's name: only its English is expected.
    assert not [w for w in english.warnings if '"Shiyan"' in w and "summary_en" in w]
    assert english.counts.names_missing == sum(w.startswith("name ") for w in english.warnings) == 4


def test_without_a_model_the_reason_is_given_once_and_names_have_english(tmp_path):
    record = seed_record(offline_pipeline(tmp_path), SEEDS / "000_b7a6837eb00bd7b9.txt")
    assert record["schema"] == 3
    assert record["untranslated"] == {}
    assert "is not usable on this machine" in record["untranslated_reason"]
    assert len(untranslated_fields(record)) == 44
    assert record["entities"][-1] == {
        "zh": "刘俊",
        "en": "Liu Jun",
        "kind": "person",
        "method": "pinyin",
        "role": "reporter",
        "mentions": 0,
        "context_zh": "",
    }
    markdown = render_digest(record)
    assert markdown.splitlines()[2].startswith("> English here is made by rule (figures, names, glossary terms); the rest is in Chinese:")
    assert "- People: Ling Yan, Zhu Weidong\n" in markdown
    assert "- Places: Shiyan City, Hubei Province\n" in markdown


def test_every_name_of_the_seeds_has_english_in_the_briefing_without_a_model(tmp_path):
    pipeline = offline_pipeline(tmp_path)
    records = [seed_record(pipeline, path) for path in sorted(SEEDS.glob("*.txt"))]
    briefing = render_briefing(records)
    for record in records:
        assert record["entities"] and all(entity["en"] for entity in record["entities"])
        for label, english in name_groups(record):
            assert f"- {label}: {', '.join(english)}\n" in briefing
    assert briefing.count("English here is made by rule") == 1


def test_the_dateline_place_is_in_the_record_and_the_digest(tmp_path):
    text = "本报讯\n\n新华社北京11月5日电 全国总工会召开会议，部署职工技能提升工作。\n"
    pipeline = offline_pipeline(tmp_path)
    article = Article("dated", Source("dated.txt", "0" * 64, "utf-8"), text)
    record = pipeline.digest(article).to_dict()
    assert record["metadata"]["dateline_place"] == {"zh": "北京", "en": "Beijing", "method": "gazetteer"}
    assert dateline_place(text).role == "dateline"
    assert render_digest(record).splitlines()[4] == "*Beijing*"


def test_a_hong_kong_story_records_its_people_in_cantonese_with_the_caveat(tmp_path):
    text = "全民檢測下周展開\n\n香港特區政府今日公布，全港市民可免費檢測。民建聯立法會議員張國鈞表示，政府應加快安排。行政長官李家超指會盡快落實。\n"
    article = Article("hk", Source("hk.txt", "0" * 64, "utf-8", "traditional"), text)
    record = offline_pipeline(tmp_path).digest(article).to_dict()
    schema = json.loads((PROJECT_DIR / "pipeline" / "schema" / "digest.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator(schema).validate(record)
    people = {entity["zh"]: (entity["en"], entity["method"], entity.get("note")) for entity in record["entities"] if entity["kind"] == "person"}
    note = "Hong Kong Government Cantonese romanisation by rule; the person's own spelling may differ"
    assert people == {"张国钧": ("Cheung Kwok-kwan", "cantonese", note), "李家超": ("John Lee Ka-chiu", "glossary", None)}
    markdown = render_digest(record)
    assert "- People: Cheung Kwok-kwan, John Lee Ka-chiu\n" in markdown
    assert f"- Spelling: {note}\n" in markdown


@pytest.mark.parametrize("format_name", sorted(OUTPUT_FORMATS))
def test_version_1_records_render_in_every_format(format_name):
    records = [json.loads(line) for line in RECORDS_V1.read_text(encoding="utf-8").splitlines()]
    (output_format,) = load_formats([format_name])
    if output_format.article_suffix:
        assert all(output_format.render_article(record) for record in records)
    assert all(output_format.render_batch(records).values()) or not output_format.batch_names


def test_version_1_records_keep_their_own_untranslated_notices():
    records = [json.loads(line) for line in RECORDS_V1.read_text(encoding="utf-8").splitlines()]
    markdown = render_digest(records[0])
    assert f"> **Untranslated:** {len(records[0]['untranslated'])} parts shown in Chinese: translator model" in markdown
    assert "People and places" not in markdown and "English here is made by rule" not in markdown
    assert untranslated_fields(records[0]) == records[0]["untranslated"]
