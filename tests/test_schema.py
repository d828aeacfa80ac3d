"""The record (schema version 2): what build_digest assembles and what the JSON Schema accepts;
version-1 records (tests/data/seed_records_offline.jsonl) are still accepted."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from digest_examples import example_names, record, stage_outputs, untranslated

from pipeline import PACKAGE_DIR
from pipeline.assemble import EMPTY_TRANSLATION, build_digest
from pipeline.facts.figures import QUALIFIERS
from pipeline.records import EnglishField, FieldRef

RECORDS_V1 = Path(__file__).parent / "data" / "seed_records_offline.jsonl"
SCHEMA = json.loads((PACKAGE_DIR / "schema" / "digest.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_the_schema_names_every_qualifier_a_figure_may_carry():
    """"less than", "as many as" and three others were given to figures but missing here, so records
    of real pages (不到两年, 多达, 以下) failed the schema."""
    key_figure = SCHEMA["properties"]["key_figures"]["items"]["properties"]
    assert set(key_figure["qualifier"]["enum"]) == QUALIFIERS


def test_translated_record_validates_and_keeps_figures_exact():
    result = build_digest(*stage_outputs(), example_names()).to_dict()
    VALIDATOR.validate(result)
    assert result["schema"] == 3
    assert result["key_figures"][1] == {
        "text_zh": "115.4亿元",
        "value": 11540000000,
        "unit_zh": "元",
        "qualifier": "",
        "text_en": "11.54 billion yuan",
        "context_zh": "申报的267项创新成果累计为企业创造价值、节约资金115.4亿元。",
        "context_en": "The 267 innovations created value and saved 11.54 billion yuan for companies.",
    }
    assert result["metadata"]["publisher_en"] == "Workercn.cn"
    assert result["text_zh"] == "包头市被命名为内蒙古自治区“职工创新综合示范区”。\n申报的267项创新成果累计为企业创造价值、节约资金115.4亿元。"
    assert result["warnings"] == []
    assert result["models"]["translator"] == {"id": "scripted/keep-placeholders", "revision": None}
    assert result["untranslated"] == {}
    assert result["untranslated_reason"] is None
    assert result["metadata"]["dateline_place"] is None
    assert result["entities"][0] == {
        "zh": "包头市",
        "en": "Baotou City",
        "kind": "place",
        "method": "gazetteer",
        "role": "",
        "mentions": 1,
        "context_zh": "包头市被命名为内蒙古自治区“职工创新综合示范区”。",
    }


def test_untranslated_record_says_the_reason_once():
    clean, facts, summary, _ = stage_outputs()
    english = untranslated("translator not installed")
    # Keyed by where the field is in the record, whatever the translation stage called it, and said once.
    english.untranslated[FieldRef(EnglishField.FIGURE_CONTEXT, 0)] = "the source sentence is damaged"
    digest = build_digest(clean, facts, summary, english, example_names())
    result = digest.to_dict()
    VALIDATOR.validate(result)
    assert result["headline_en"] is None
    assert result["summary_en"] is None
    assert result["key_figures"][0]["context_en"] is None
    assert result["key_figures"][1]["text_en"] == "11.54 billion yuan"
    assert result["programmes"][0]["name_en"] is None
    assert result["untranslated_reason"] == "translator not installed"
    assert result["untranslated"] == {"key_figures[0].context_en": "the source sentence is damaged"}
    # The run's stats still count every field left in Chinese: title, headline, summary, two figure
    # sentences, the programme's name and its sentence.
    assert digest.counts.fields_untranslated == 7


def test_version_1_records_still_validate():
    records = [json.loads(line) for line in RECORDS_V1.read_text(encoding="utf-8").splitlines()]
    assert {record["schema"] for record in records} == {1}
    for old in records:
        VALIDATOR.validate(old)
        # A record claiming version 2 must carry what version 2 added.
        assert not VALIDATOR.is_valid({**old, "schema": 2})


def test_empty_translation_becomes_null_and_is_named():
    clean, facts, summary, english = stage_outputs()
    english.texts[FieldRef(EnglishField.SUMMARY)] = "  "
    del english.texts[FieldRef(EnglishField.FIGURE_CONTEXT, 0)]
    result = build_digest(clean, facts, summary, english).to_dict()
    VALIDATOR.validate(result)
    assert result["summary_en"] is None
    assert result["untranslated"] == {"summary_en": EMPTY_TRANSLATION, "key_figures[0].context_en": EMPTY_TRANSLATION}
    assert result["key_figures"][0]["context_en"] is None


BAOTOU = {"zh": "包头", "en": "Baotou", "kind": "place", "method": "gazetteer", "role": "", "mentions": 2, "context_zh": ""}


@pytest.mark.parametrize(
    "changes",
    [
        {"headline_en": ""},
        {"schema": 4},
        {"extra": 1},
        {"source": {"path": "a.txt", "sha256": "xyz", "encoding": "utf-8", "script": "simplified"}},
        {"metadata": {"title_zh": "", "title_en": None, "date": "5 Nov 2024", "publisher_zh": None, "publisher_en": None, "authors": []}},
        {"key_figures": [{"text_zh": "90亿元", "value": "9000000000"}]},
        {"entities": [{**BAOTOU, "kind": "city"}]},
        {"entities": [{**BAOTOU, "note": ""}]},
        {"untranslated_reason": ""},
        {"story": {"id": "s1", "articles": ["a"], "outlets": [], "first_seen": "5 Nov", "first_outlet": None, "copy_of": None}},
    ],
    ids=[
        "empty-english", "wrong-version", "unknown-field", "bad-sha256", "non-iso-date", "figure-fields",
        "entity-kind", "empty-note", "empty-reason", "story-date",
    ],
)
def test_schema_rejects_malformed_records(changes):
    assert not VALIDATOR.is_valid(record(**changes))


def test_schema_requires_every_field():
    for name in SCHEMA["required"] + SCHEMA["then"]["required"] + SCHEMA["allOf"][0]["then"]["required"]:
        incomplete = record()
        del incomplete[name]
        assert not VALIDATOR.is_valid(incomplete), name


@pytest.mark.parametrize(("url", "valid"), [("https://www.workercn.cn/a.html", True), (None, True), (5, False)])
def test_metadata_url_is_optional_string_or_null(url, valid):
    result = record()
    assert VALIDATOR.is_valid(result)  # the stage writes url, null when the page gives none
    result["metadata"]["url"] = url
    assert VALIDATOR.is_valid(result) is valid


def test_a_version_2_record_needs_the_dateline_place():
    result = record()
    del result["metadata"]["dateline_place"]
    assert not VALIDATOR.is_valid(result)
