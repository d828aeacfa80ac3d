"""The record (schema version 1): what build_digest assembles and what the JSON Schema accepts."""

from __future__ import annotations

import json

import jsonschema
import pytest
from digest_examples import record, stage_outputs, untranslated

from pipeline import PACKAGE_DIR
from pipeline.assemble import EMPTY_TRANSLATION, build_digest
from pipeline.records import EnglishField, FieldRef

SCHEMA = json.loads((PACKAGE_DIR / "schema" / "digest.schema.json").read_text(encoding="utf-8"))
VALIDATOR = jsonschema.Draft202012Validator(SCHEMA)


def test_schema_is_valid_draft_2020_12():
    jsonschema.Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_translated_record_validates_and_keeps_figures_exact():
    result = build_digest(*stage_outputs()).to_dict()
    VALIDATOR.validate(result)
    assert result["schema"] == 1
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


def test_untranslated_record_has_nulls_and_reasons():
    clean, facts, summary, _ = stage_outputs()
    result = build_digest(clean, facts, summary, untranslated("translator not installed")).to_dict()
    VALIDATOR.validate(result)
    assert result["headline_en"] is None
    assert result["summary_en"] is None
    assert result["key_figures"][0]["context_en"] is None
    assert result["key_figures"][1]["text_en"] == "11.54 billion yuan"
    assert result["programmes"][0]["name_en"] is None
    assert result["untranslated"]["headline_en"] == "translator not installed"
    # Keyed by where the field is in the record, whatever the translation stage called it.
    assert result["untranslated"]["key_figures[0].context_en"] == "translator not installed"
    assert result["untranslated"]["programmes[0].name_en"] == "translator not installed"


def test_empty_translation_becomes_null_and_is_named():
    clean, facts, summary, english = stage_outputs()
    english.texts[FieldRef(EnglishField.SUMMARY)] = "  "
    del english.texts[FieldRef(EnglishField.FIGURE_CONTEXT, 0)]
    result = build_digest(clean, facts, summary, english).to_dict()
    VALIDATOR.validate(result)
    assert result["summary_en"] is None
    assert result["untranslated"] == {"summary_en": EMPTY_TRANSLATION, "key_figures[0].context_en": EMPTY_TRANSLATION}
    assert result["key_figures"][0]["context_en"] is None


@pytest.mark.parametrize(
    "changes",
    [
        {"headline_en": ""},
        {"schema": 2},
        {"extra": 1},
        {"source": {"path": "a.txt", "sha256": "xyz", "encoding": "utf-8", "script": "simplified"}},
        {"metadata": {"title_zh": "", "title_en": None, "date": "5 Nov 2024", "publisher_zh": None, "publisher_en": None, "authors": []}},
        {"key_figures": [{"text_zh": "90亿元", "value": "9000000000"}]},
    ],
    ids=["empty-english", "wrong-version", "unknown-field", "bad-sha256", "non-iso-date", "figure-fields"],
)
def test_schema_rejects_malformed_records(changes):
    assert not VALIDATOR.is_valid(record(**changes))


def test_schema_requires_every_field():
    for name in SCHEMA["required"]:
        incomplete = record()
        del incomplete[name]
        assert not VALIDATOR.is_valid(incomplete), name
