"""Checks on the finished English: every number must come from the source, every programme name
must survive in its sentence. Problems become warnings; nothing is rewritten here."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from pipeline.facts.numbers import parse_number
from pipeline.lang.en import NUMBER_WORDS, SCALES_READ
from pipeline.lang.zh import CHINESE_NUMERAL_RUN
from pipeline.records import CleanArticle, English, Facts, Figure

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


def _fields(english: English) -> list[tuple[str, str | None]]:
    single = [(name, getattr(english, name)) for name in ("title_en", "headline_en", "summary_en", "publisher_en")]
    listed = [
        (f"{name}[{i}]", text)
        for name in ("figure_contexts_en", "programme_names_en", "programme_contexts_en")
        for i, text in enumerate(getattr(english, name))
    ]
    return single + listed


def verify_english(english: English, article: CleanArticle, facts: Facts, extra_figures: list[Figure]) -> list[str]:
    """Warnings for numbers in ``english`` that match no source number, and for programme names
    missing from their translated sentence. ``extra_figures``: figures of the title (the facts stage reads the body)."""
    allowed = source_numbers(article, facts.figures + extra_figures)
    warnings = []
    for name, text in _fields(english):
        for written, value in english_numbers(text or ""):
            if value.normalize() not in allowed:
                warnings.append(f'unverified number "{written}" in {name}')
    for i, (name_en, context_en) in enumerate(zip(english.programme_names_en, english.programme_contexts_en)):
        if name_en and context_en and name_en.casefold() not in context_en.casefold():
            warnings.append(f'programme name "{name_en}" missing from programme_contexts_en[{i}]')
    return warnings
