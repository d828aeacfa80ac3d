"""Checks on the finished English: every number must come from the source, every programme name
and every name of a person, place or organisation must survive in its sentence. Problems become
warnings; nothing is rewritten here."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass
from decimal import Decimal

from pipeline.facts.numbers import parse_number
from pipeline.lang.en import NUMBER_WORDS, SCALES_READ
from pipeline.lang.zh import CHINESE_NUMERAL_RUN
from pipeline.records import CleanArticle, English, EnglishField, Facts, FieldRef, Figure
from pipeline.translate.protect import fixed_spans

# A translated field: its Chinese and the (Chinese, English) pairs protected in it.
Protection = tuple[str, Sequence[tuple[str, str]]]

_ENGLISH_NUMBER = re.compile(
    r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?(?:st|nd|rd|th)?(?:\s+(" + "|".join(SCALES_READ) + r"))?(?![\w])"
    r"|\b(" + "|".join(NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)
_SOURCE_DIGITS = re.compile(r"\d+(?:\.\d+)?")


def english_numbers(text: str) -> list[tuple[str, Decimal]]:
    """Each number written in ``text`` as (as written, value): "9.59 million" -> 9590000."""
    found = []
    for match in _ENGLISH_NUMBER.finditer(text):
        if match.group(4):
            found.append((match.group(), NUMBER_WORDS[match.group(4).lower()]))
            continue
        value = Decimal(match.group(1).replace(",", "") + (match.group(2) or ""))
        scale = match.group(3)
        found.append((match.group(), value * SCALES_READ[scale.lower()] if scale else value))
    return found


def source_numbers(article: CleanArticle, figures: list[Figure]) -> set[Decimal]:
    """Values the English may state: every figure's value (and range end), every number written in
    digits in the source (years, dates, codes), and every run of Chinese numerals (十五 -> 15)."""
    text = unicodedata.normalize("NFKC", "\n".join([article.metadata.title_zh, article.text_zh]))
    values = {f.value for f in figures} | {f.value_high for f in figures if f.value_high is not None}
    values |= {Decimal(number) for number in _SOURCE_DIGITS.findall(text)}
    values |= {value for value in map(parse_number, CHINESE_NUMERAL_RUN.findall(text)) if value is not None}
    return {value.normalize() for value in values}


@dataclass(frozen=True)
class UnverifiedNumber:
    ref: FieldRef
    written: str

    def __str__(self) -> str:
        return f'unverified number "{self.written}" in {self.ref.path}'


@dataclass(frozen=True)
class MissingName:
    """A name whose English is not in its field's English: a programme's, or a person's, place's or
    organisation's."""

    ref: FieldRef
    name_en: str
    programme: bool = False

    def __str__(self) -> str:
        return f'{"programme name" if self.programme else "name"} "{self.name_en}" missing from {self.ref.path}'


Problem = UnverifiedNumber | MissingName


def missing_names(english: English, fields: Mapping[FieldRef, Protection], names: Collection[tuple[str, str]]) -> list[MissingName]:
    """Names whose English is not in their field's English. Only a name the protection itself would
    carry counts: 十堰 inside 十堰市总工会 is carried by the organisation's English, not its own."""
    problems = []
    for ref, (zh, fixed) in fields.items():
        text = (english.text(ref) or "").casefold()
        if not text:
            continue
        carried = {(zh[start:end], en) for start, end, en in fixed_spans(zh, fixed)}
        problems += [MissingName(ref, en) for _, en in sorted(carried & set(names)) if en.casefold() not in text]
    return problems


def verify_english(
    english: English,
    article: CleanArticle,
    facts: Facts,
    fields: Mapping[FieldRef, Protection] | None = None,
    names: Collection[tuple[str, str]] = (),
) -> list[Problem]:
    """Numbers in ``english`` that match no source number (the figures of body and title, digits and
    Chinese numerals), programme names missing from their translated sentence, and ``names`` missing
    from the ``fields`` they were protected in."""
    allowed = source_numbers(article, facts.figures + facts.title_figures)
    problems: list[Problem] = []
    for ref, text in english.texts.items():
        for written, value in english_numbers(text or ""):
            if value.normalize() not in allowed:
                problems.append(UnverifiedNumber(ref, written))
    for i in range(len(facts.programmes)):
        name_en = english.text(FieldRef(EnglishField.PROGRAMME_NAME, i))
        context_ref = FieldRef(EnglishField.PROGRAMME_CONTEXT, i)
        context_en = english.text(context_ref)
        if name_en and context_en and name_en.casefold() not in context_en.casefold():
            problems.append(MissingName(context_ref, name_en, programme=True))
    return problems + missing_names(english, fields or {}, names)
