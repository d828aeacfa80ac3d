"""Assemble the per-article record (schema version 3) from the stage outputs."""

from __future__ import annotations

from dataclasses import asdict, replace

from pipeline.records import (
    CleanArticle,
    Digest,
    English,
    EnglishField,
    EntityRecord,
    Facts,
    FieldRef,
    KeyFigureRecord,
    Name,
    Names,
    ProgrammeRecord,
    Summary,
    json_number,
)

EMPTY_TRANSLATION = "the translator returned no text"


class _EnglishFields:
    """Hands out English texts for the record, so that an empty translation becomes null and is
    named in ``untranslated`` instead of reaching readers as a blank."""

    def __init__(self, english: English):
        self.english = english
        self.untranslated = {ref.path: reason for ref, reason in english.untranslated.items()}

    def take(self, ref: FieldRef, source_zh: str | None) -> str | None:
        """The English of ``ref``, or None when it is missing or empty; an empty English for a
        non-empty Chinese is named in ``untranslated``."""
        text = self.english.text(ref)
        if text is not None and text.strip():
            return text.strip()
        if source_zh and ref.path not in self.untranslated:
            self.untranslated[ref.path] = EMPTY_TRANSLATION
        return None


def entity_record(name: Name) -> EntityRecord:
    return EntityRecord(name.zh, name.en, name.kind, name.method, name.role, name.mentions, name.first_sentence, name.note)


def build_digest(clean: CleanArticle, facts: Facts, summary: Summary, english: English, names: Names | None = None) -> Digest:
    """The record. Fields without English for the run's one reason (no translator) are not each
    named: ``untranslated_reason`` says it once, ``untranslated`` names the fields with another."""
    english_fields = _EnglishFields(english)
    take = english_fields.take

    key_figures = [
        KeyFigureRecord(
            text_zh=figure.text_zh,
            value=json_number(figure.value),
            unit_zh=figure.unit_zh,
            qualifier=figure.qualifier,
            text_en=figure.text_en,
            context_zh=figure.context_zh,
            context_en=take(FieldRef(EnglishField.FIGURE_CONTEXT, index), figure.context_zh),
        )
        for index, figure in enumerate(facts.key_figures)
    ]
    programmes = [
        ProgrammeRecord(
            name_zh=programme.name_zh,
            name_en=take(FieldRef(EnglishField.PROGRAMME_NAME, index), programme.name_zh),
            context_zh=programme.context_zh,
            context_en=take(FieldRef(EnglishField.PROGRAMME_CONTEXT, index), programme.context_zh),
        )
        for index, programme in enumerate(facts.programmes)
    ]

    metadata = clean.metadata
    dateline = names.dateline_place if names is not None else None
    counts = replace(english.counts)
    digest = Digest(
        id=clean.id,
        source=clean.source,
        metadata={
            "title_zh": metadata.title_zh,
            "title_en": take(FieldRef(EnglishField.TITLE), metadata.title_zh),
            "date": metadata.date,
            "publisher_zh": metadata.publisher_zh,
            "publisher_en": take(FieldRef(EnglishField.PUBLISHER), metadata.publisher_zh),
            "authors": list(metadata.authors),
            "dateline_place": {"zh": dateline.zh, "en": dateline.en, "method": dateline.method} if dateline else None,
            "url": metadata.url,
        },
        text_zh=clean.text_zh,
        headline_zh=summary.headline_zh,
        headline_en=take(FieldRef(EnglishField.HEADLINE), summary.headline_zh),
        summary_zh=summary.summary_zh,
        summary_en=take(FieldRef(EnglishField.SUMMARY), summary.summary_zh),
        key_figures=key_figures,
        programmes=programmes,
        warnings=[*clean.warnings, *summary.warnings, *english.warnings],
        models={"summariser": asdict(summary.model), "translator": asdict(english.model)},
        entities=[entity_record(name) for name in names.names] if names is not None else [],
        untranslated_reason=english.untranslated_reason,
        untranslated={path: reason for path, reason in english_fields.untranslated.items() if reason != english.untranslated_reason},
        counts=counts,
    )
    counts.fields_untranslated = len(english_fields.untranslated)
    return digest
