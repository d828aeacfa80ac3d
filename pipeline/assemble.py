"""Assemble the per-article record (schema version 1) from the stage outputs."""

from __future__ import annotations

import re
from dataclasses import asdict

from pipeline.records import (
    CleanArticle,
    Digest,
    English,
    Facts,
    KeyFigureRecord,
    ProgrammeRecord,
    Summary,
    json_number,
)

EMPTY_TRANSLATION = "the translator returned no text"
# Where each field of the translation stage's English lands in the record; `untranslated` is keyed
# by record paths so that consumers can look the field up.
_RECORD_PATHS = (
    (re.compile(r"^(title_en|publisher_en)$"), r"metadata.\1"),
    (re.compile(r"^figure_contexts_en\[(\d+)\]$"), r"key_figures[\1].context_en"),
    (re.compile(r"^programme_names_en\[(\d+)\]$"), r"programmes[\1].name_en"),
    (re.compile(r"^programme_contexts_en\[(\d+)\]$"), r"programmes[\1].context_en"),
)


def record_path(field_name: str) -> str:
    """The record path of a translation-stage field: figure_contexts_en[2] -> key_figures[2].context_en."""
    for pattern, replacement in _RECORD_PATHS:
        if pattern.match(field_name):
            return pattern.sub(replacement, field_name)
    return field_name


class _EnglishFields:
    """Hands out English texts for the record, so that an empty translation becomes null and is
    named in ``untranslated`` instead of reaching readers as a blank."""

    def __init__(self, untranslated: dict[str, str]):
        self.untranslated = {record_path(field_name): reason for field_name, reason in untranslated.items()}

    def take(self, field_name: str, text: str | None, source_zh: str | None) -> str | None:
        """``text``, or None when it is empty; an empty English for a non-empty Chinese is named."""
        if text is not None and text.strip():
            return text.strip()
        if source_zh and field_name not in self.untranslated:
            self.untranslated[field_name] = EMPTY_TRANSLATION
        return None


def _parallel(values: list[str | None], length: int) -> list[str | None]:
    """``values`` padded with None to ``length``: a translator that stopped early leaves the rest untranslated."""
    return list(values[:length]) + [None] * (length - len(values))


def build_digest(clean: CleanArticle, facts: Facts, summary: Summary, english: English) -> Digest:
    english_fields = _EnglishFields(english.untranslated)
    take = english_fields.take

    figure_contexts = _parallel(english.figure_contexts_en, len(facts.key_figures))
    key_figures = [
        KeyFigureRecord(
            text_zh=figure.text_zh,
            value=json_number(figure.value),
            unit_zh=figure.unit_zh,
            qualifier=figure.qualifier,
            text_en=figure.text_en,
            context_zh=figure.context_zh,
            context_en=take(f"key_figures[{index}].context_en", context_en, figure.context_zh),
        )
        for index, (figure, context_en) in enumerate(zip(facts.key_figures, figure_contexts))
    ]

    names = _parallel(english.programme_names_en, len(facts.programmes))
    contexts = _parallel(english.programme_contexts_en, len(facts.programmes))
    programmes = [
        ProgrammeRecord(
            name_zh=programme.name_zh,
            name_en=take(f"programmes[{index}].name_en", name_en, programme.name_zh),
            context_zh=programme.context_zh,
            context_en=take(f"programmes[{index}].context_en", context_en, programme.context_zh),
        )
        for index, (programme, name_en, context_en) in enumerate(zip(facts.programmes, names, contexts))
    ]

    metadata = clean.metadata
    return Digest(
        id=clean.id,
        source=clean.source,
        metadata={
            "title_zh": metadata.title_zh,
            "title_en": take("metadata.title_en", english.title_en, metadata.title_zh),
            "date": metadata.date,
            "publisher_zh": metadata.publisher_zh,
            "publisher_en": take("metadata.publisher_en", english.publisher_en, metadata.publisher_zh),
            "authors": list(metadata.authors),
        },
        text_zh=clean.text_zh,
        headline_zh=summary.headline_zh,
        headline_en=take("headline_en", english.headline_en, summary.headline_zh),
        summary_zh=summary.summary_zh,
        summary_en=take("summary_en", english.summary_en, summary.summary_zh),
        key_figures=key_figures,
        programmes=programmes,
        warnings=[*clean.warnings, *summary.warnings, *english.warnings],
        models={"summariser": asdict(summary.model), "translator": asdict(english.model)},
        untranslated=english_fields.untranslated,
    )
