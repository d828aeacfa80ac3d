"""Finding figures (quantities with their unit and qualifier) in Chinese text."""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal

from pipeline.facts.english import render_figure_en
from pipeline.facts.numbers import (
    CHINESE_PATTERN,
    NUMBER_PATTERN,
    has_magnitude,
    parse_number,
)
from pipeline.facts.programmes import PROGRAMME_NOUNS
from pipeline.facts.quotes import find_quoted_names
from pipeline.facts.units import FRACTION, PERCENT, UNIT_SPELLINGS, UNITS
from pipeline.records import Figure
from pipeline.text import split_sentences

# Chinese qualifier -> English qualifier, by where it stands.
PREFIX_QUALIFIERS = {
    "近": "nearly",
    "将近": "nearly",
    "约": "about",
    "大约": "about",
    "超过": "over",
    "超": "over",
    "逾": "over",
    "不到": "less than",
    "不足": "less than",
    "多达": "as many as",
    "高达": "as many as",
    "达到": "reached",
    "达": "reached",
}
APPROXIMATE_QUALIFIERS = {"余": "more than", "多": "more than"}
SUFFIX_QUALIFIERS = {"以上": "or more", "左右": "about", "之多": "as many as"}
REACHED = "reached"
_VERB_PREFIXES = ("达", "达到")
RANGE = "range"

_NUMBER_CHARS = r"\d零〇一二两三四五六七八九十百千万亿"
_UNIT_WORDS = sorted([*UNITS.keys(), *UNIT_SPELLINGS.keys()], key=len, reverse=True)
_UNIT = "|".join(re.escape(word) for word in _UNIT_WORDS if word != FRACTION)
_VALUE = f"(?:{NUMBER_PATTERN})[余多]?(?:[万亿]{{1,2}})?[余多]?"
_RANGE_SEPARATOR = "[-–—~～至到]"
# 成 as tenths, but not in 成员/成为/成立/成长... where it begins a word.
_TENTHS_BLOCKERS = "员为立长功果本绩就熟才型品效都交"

_FIGURE = re.compile(
    rf"""
    (?P<prefix>{"|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))})?
    (?<![{_NUMBER_CHARS}第数几A-Za-z.,])
    (?:
        百分之(?P<percent>{CHINESE_PATTERN}|{NUMBER_PATTERN})
      | (?P<denominator>{CHINESE_PATTERN}|\d+)分之(?P<numerator>{CHINESE_PATTERN}|\d+)
      | (?P<tenths>{CHINESE_PATTERN}|\d+)成(?![{_TENTHS_BLOCKERS}])
      | (?P<low>{_VALUE})
        (?:
            (?P<unit>{_UNIT})(?:{_RANGE_SEPARATOR}(?P<high>{_VALUE})(?P=unit))?
          | {_RANGE_SEPARATOR}(?P<range_high>{_VALUE})(?P<range_unit>{_UNIT})
        )?
    )
    (?P<suffix>{"|".join(SUFFIX_QUALIFIERS)})?
    (?![A-Za-z])
    """,
    re.VERBOSE,
)
# Numbers that are dates, clock times or phone numbers, never quantities.
_NOT_QUANTITIES = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|\d{3,4}-\d{7,8}")
# A number of years followed by these is a time expression (6年来, 2018年以来, 3年前) or a grade.
_YEAR_TIME_WORDS = ("来", "以来", "前", "后", "级", "代", "度", "底", "初", "末")
# 两千亿 needs no unit, but 千万 ("by all means") and 十万火急 are words: a digit must lead.
_CHINESE_WITH_MAGNITUDE = re.compile(r"[一二两三四五六七八九].*[万亿][余多]?")
_YEAR_RANGE = (Decimal(1000), Decimal(2999))
# 五项赋能, 五年行动: a Chinese numeral opening a programme name (58项活动 is still a count).
_UNITS_BEFORE_NAMES = ("项", "年")


def _canonical_unit(written: str | None) -> str:
    if not written:
        return ""
    return UNIT_SPELLINGS.get(written, written)


def _strip_approximation(text: str) -> tuple[str, str]:
    """5.7万余 -> ("5.7万", "more than"); 40余万 -> ("40万", "more than")."""
    for mark, qualifier in APPROXIMATE_QUALIFIERS.items():
        if mark in text:
            return text.replace(mark, ""), qualifier
    return text, ""


@dataclass
class _Reading:
    """What one regex match says: value, unit and how it was written."""

    value: Decimal
    unit_zh: str
    value_high: Decimal | None = None
    approximation: str = ""  # the English of 余/多 when written
    is_chinese: bool = False  # written in Chinese numerals (一批, 千军万马 may be words)
    has_magnitude: bool = False  # written with 万/亿


def _read(match: re.Match) -> _Reading | None:
    """The reading of ``match``, or None when a numeral in it is not one exact number."""
    if match.group("percent"):
        value = parse_number(match.group("percent"))
        return _Reading(value, PERCENT) if value is not None else None
    if match.group("denominator"):
        denominator = parse_number(match.group("denominator"))
        numerator = parse_number(match.group("numerator"))
        return _Reading(numerator / denominator, FRACTION) if denominator and numerator is not None else None
    if match.group("tenths"):
        tenths = parse_number(match.group("tenths"))
        # 一成不变 is an idiom, not 10%.
        return _Reading(tenths * 10, PERCENT) if tenths is not None and match.group("tenths") != "一" else None
    low_text, approximation = _strip_approximation(match.group("low"))
    value = parse_number(low_text)
    high_text = match.group("high") or match.group("range_high")
    value_high = parse_number(_strip_approximation(high_text)[0]) if high_text else None
    if value is None or (high_text and value_high is None):
        return None
    return _Reading(
        value=value,
        unit_zh=_canonical_unit(match.group("unit") or match.group("range_unit")),
        value_high=value_high,
        approximation=approximation,
        is_chinese=not low_text[0].isdigit(),
        has_magnitude=has_magnitude(low_text),
    )


def _qualifier(match: re.Match, reading: _Reading) -> str:
    """One qualifier per figure: a range, else an explicit 近/约/超..., else 余/多, else 以上/左右, else 达."""
    if reading.value_high is not None:
        return RANGE
    prefix = PREFIX_QUALIFIERS.get(match.group("prefix") or "", "")
    if prefix and prefix != REACHED:
        return prefix
    return reading.approximation or SUFFIX_QUALIFIERS.get(match.group("suffix") or "", "") or prefix


def _is_quantity(match: re.Match, reading: _Reading, text: str) -> bool:
    """False for the numbers that are not figures: years, time expressions, bare 一, numbers
    without a unit or magnitude (2024中国技协...), and numbers that open a programme name."""
    low = match.group("low")
    if low is None:
        return True
    unit = reading.unit_zh
    after = text[match.end() :]
    if reading.is_chinese and (low == "一" or not (unit or _CHINESE_WITH_MAGNITUDE.fullmatch(low))):
        return False  # 一名工人, 一批, 千军万马, 千万: words, not counts
    if not unit and not reading.has_magnitude:
        return False
    if unit == "年":
        if _YEAR_RANGE[0] <= reading.value <= _YEAR_RANGE[1] and not reading.has_magnitude:
            return False
        # 近五年 is "in recent five years", a time expression like 6年来.
        if after.startswith(_YEAR_TIME_WORDS) or match.group("prefix") == "近":
            return False
    return not (reading.is_chinese and unit in _UNITS_BEFORE_NAMES and after.startswith(PROGRAMME_NOUNS))


def _masked_spans(text: str) -> list[tuple[int, int]]:
    spans = [(m.start(), m.end()) for m in _NOT_QUANTITIES.finditer(text)]
    spans += [(quoted.start, quoted.end) for quoted in find_quoted_names(text)]
    return spans


def _inside(offset: int, spans: list[tuple[int, int]]) -> bool:
    return any(start <= offset < end for start, end in spans)


def find_figures(text: str) -> list[Figure]:
    """Every figure in ``text``, in text order, with offsets into ``text`` and its sentence."""
    masked = _masked_spans(text)
    sentences = split_sentences(text)
    sentence_starts = [sentence.start for sentence in sentences]
    figures = []
    for match in _FIGURE.finditer(text):
        reading = _read(match)
        if reading is None or _inside(match.start(), masked) or not _is_quantity(match, reading, text):
            continue
        prefix = match.group("prefix") or ""
        # 达 is the sentence's verb ("reached"): it stays out of text_zh, and so out of text_en,
        # for the translator to translate around the figure.
        start = match.start() + (len(prefix) if prefix in _VERB_PREFIXES else 0)
        qualifier = _qualifier(match, reading)
        sentence = sentences[bisect.bisect_right(sentence_starts, start) - 1]
        figures.append(
            Figure(
                text_zh=text[start : match.end()],
                value=reading.value,
                unit_zh=reading.unit_zh,
                qualifier=qualifier,
                text_en=render_figure_en(reading.value, reading.unit_zh, qualifier, reading.value_high),
                context_zh=sentence.text,
                start=start,
                end=match.end(),
                value_high=reading.value_high,
            )
        )
    return figures
