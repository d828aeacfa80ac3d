"""Finding figures (quantities with their unit and qualifier) in Chinese text."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal
from itertools import accumulate

from pipeline.clean.script import simplified_reading
from pipeline.facts.english import render_figure_en
from pipeline.facts.money import named_currency
from pipeline.facts.numbers import (
    ARABIC_PATTERN,
    CHINESE_PATTERN,
    NUMBER_PATTERN,
    SIGNS,
    has_magnitude,
    magnitude_of,
    parse_number,
)
from pipeline.facts.programmes import PROGRAMME_NOUNS, find_unquoted_names
from pipeline.facts.quotes import find_quoted_names
from pipeline.facts.units import FRACTION, PERCENT, UNIT_SPELLINGS, UNITS
from pipeline.lang.zh import CHINESE_DIGITS, CHINESE_UNITS, TRILLION
from pipeline.lang.zh_money import YUAN
from pipeline.lang.zh_numbers import (
    ERAS,
    NOT_PERIOD_OPENERS,
    NUMERAL_IDIOMS,
    PERIOD_CLOSERS,
    PERIOD_OPENER_BEFORE,
    PERIOD_OPENERS,
    TWO_DIGIT_YEAR_FOLLOWERS,
    TWO_DIGIT_YEAR_PRECEDERS,
    YEAR_CLOSERS,
)
from pipeline.lang.zh_units import measure_words
from pipeline.lang.zh_words import is_dictionary_word
from pipeline.records import Figure
from pipeline.text import GAP_MARK, Span, split_sentences

# Chinese qualifier -> English qualifier, by where it stands.
PREFIX_QUALIFIERS = {
    "近": "nearly",
    "将近": "nearly",
    "接近": "nearly",
    "约": "about",
    "约为": "about",
    "约合": "about",
    "约有": "about",
    "大约": "about",
    "超过": "over",
    "超": "over",
    "逾": "over",
    "过": "over",
    "上": "over",
    "不到": "less than",
    "不足": "less than",
    "至少": "at least",
    "不少于": "at least",
    "不低于": "at least",
    "不超过": "no more than",
    "多达": "as many as",
    "高达": "as many as",
    "达到": "reached",
    "达": "reached",
}
# 过千 is "over a thousand", but in 经过3年, 通过5项, 超过 or 不过 the 过 belongs to the word before.
_NOT_OVER_BEFORE = "经通超度不错难越跨走路穿略高"
# 上 is "over" only before a round number: 上百家, 上千人, 上万名 (not 上5年).
_ROUND_NUMBER_STARTS = "百千万亿"
# The dash or 至 of a range just before a number: 第1-3名 was no figure, and neither is its 3名.
_RANGE_TAIL = re.compile(r"\d[-–—~～至到]$")
_PER = "每"
APPROXIMATE_QUALIFIERS = {"余": "more than", "多": "more than", "来": "about"}
_NO_APPROXIMATION = str.maketrans("", "", "".join(APPROXIMATE_QUALIFIERS))
SUFFIX_QUALIFIERS = {"以上": "or more", "以下": "or less", "以内": "or less", "左右": "about", "之多": "as many as"}
REACHED = "reached"
_VERB_PREFIXES = ("达", "达到")
RANGE = "range"
# Every qualifier a figure may carry (the record's schema lists the same).
QUALIFIERS = frozenset({"", RANGE, *PREFIX_QUALIFIERS.values(), *APPROXIMATE_QUALIFIERS.values(), *SUFFIX_QUALIFIERS.values()})

_NUMBER_CHARS = rf"\d{CHINESE_DIGITS}{CHINESE_UNITS}万亿"
_UNIT_WORDS = sorted([*UNITS.keys(), *UNIT_SPELLINGS.keys()], key=len, reverse=True)
_UNIT = "|".join(re.escape(word) for word in _UNIT_WORDS if word != FRACTION)
# 两百来万: 来 after 十/百/千 is "about"; 7个亿 is colloquial for 7亿.
_APPROXIMATION = "(?:[余多]|(?<=[十百千])来)"
_MONEY_UNIT = "|".join(re.escape(word) for word in _UNIT_WORDS if word in UNITS and UNITS[word].money)
# 1.2兆元, 2兆8811亿元: a trillion, as Taiwan and Hong Kong write amounts of money (兆瓦 is a megawatt).
_TRILLION_OF_MONEY = f"(?:{ARABIC_PATTERN}){TRILLION}(?:(?:{ARABIC_PATTERN})亿)?{_APPROXIMATION}?(?=(?:{_MONEY_UNIT}))"
_VALUE = f"(?:{_TRILLION_OF_MONEY}|(?:{NUMBER_PATTERN}){_APPROXIMATION}?(?:个(?=亿))?(?:[万亿]{{1,2}})?{_APPROXIMATION}?)"
# A bare 万亿 before a unit is one trillion (突破万亿元); 数万亿 ("trillions") is no number.
_BARE_TRILLION = f"(?<![数几上{_NUMBER_CHARS}])万亿(?=(?:{_UNIT}))"
# 近万人, 上万名, 过亿, 万余人: a bare 万 or 亿 after a qualifier or before 余/多 is one of it.
_BARE_MAGNITUDE = "(?:(?<=[上近超逾约过])[万亿]|万(?=[余多]))"
# A minus sign, never the dash of a range (4000-6000元): no digit may stand before it.
_SIGNED_VALUE = f"(?:(?<![\\d.])[{SIGNS}](?=\\d))?(?:{_VALUE}|{_BARE_TRILLION}|{_BARE_MAGNITUDE}{_APPROXIMATION}?)"
_RANGE_SEPARATOR = "[-–—~～至到]"
# 成 as tenths (两成半: 25%), but not in 成员/成为/成立/成长... where it begins a word.
_TENTHS_BLOCKERS = "员为立长功果本绩就熟才型品效都交"

_FIGURE = re.compile(
    rf"""
    (?P<prefix>{"|".join(sorted(PREFIX_QUALIFIERS, key=len, reverse=True))})?
    (?<![{_NUMBER_CHARS}{TRILLION}第数几.．,/])
    (?P<core>
        百分之(?P<percent>{CHINESE_PATTERN}|{NUMBER_PATTERN})
      | (?P<denominator>{CHINESE_PATTERN}|\d+)分之(?P<numerator>{CHINESE_PATTERN}|\d+)
      | (?P<slash_numerator>\d{{1,3}})/(?P<slash_denominator>\d{{1,3}})(?![\d/])
      | (?P<tenths>{CHINESE_PATTERN}|\d+)成(?P<half_tenth>半)?(?![{_TENTHS_BLOCKERS}])
      | (?P<low>{_SIGNED_VALUE})
        (?:
            (?P<unit>{_UNIT})(?:{_RANGE_SEPARATOR}(?P<high>{_SIGNED_VALUE})(?P<high_unit>(?P=unit)))?
          | {_RANGE_SEPARATOR}(?P<range_high>{_SIGNED_VALUE})(?P<range_unit>{_UNIT})?
        )?
    )
    (?P<times_more>(?<=倍)[余多])?  # 增长1倍多: more than 1 time
    (?P<suffix>{"|".join(SUFFIX_QUALIFIERS)})?
    (?![A-Za-z])
    """,
    re.VERBOSE,
)
# Every figure holds a numeral within its first few characters (after a qualifier such as 不少于):
# the full pattern is tried only there, as trying it at every character is slow.
_NUMERAL = re.compile(f"[{_NUMBER_CHARS}]")
_LONGEST_PREFIX = max(map(len, PREFIX_QUALIFIERS)) + 1  # and a minus sign
# Qualifiers that may stand before a currency's name; 过 and 上 alone are too often other words.
_QUALIFIER_BEFORE = re.compile(
    f"(?:{'|'.join(sorted((q for q in PREFIX_QUALIFIERS if q not in ('过', '上')), key=len, reverse=True))})$"
)
# Numbers that are dates, clock times or phone numbers, never quantities.
_NOT_QUANTITIES = re.compile(r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}:\d{2}(?::\d{2})?|\d{3,4}-\d{7,8}")
_IDIOMS = re.compile("|".join(sorted(NUMERAL_IDIOMS, key=len, reverse=True)))
# 两千亿 needs no unit, but 千万 ("by all means") and 十万火急 are words: a digit must lead.
_CHINESE_WITH_MAGNITUDE = re.compile(r"[一二两三四五六七八九].*[万亿][余多来]?")
_YEAR_RANGE = (Decimal(1000), Decimal(2999))
_TWO_DIGITS = re.compile(r"\d\d")
_MONTH_AFTER = re.compile(r"\d{1,2}月")
# 五项赋能, 五年行动: a Chinese numeral opening a programme name (58项活动 is still a count).
_UNITS_BEFORE_NAMES = ("项", "年")
# A single Chinese digit, its unit and the next character may be one word: 五台山, 三台县, 两位数.
_ONE_DIGIT_WORD_STARTS = frozenset("一二两三四五六七八九十")
# Units of time whose number may be a reference period or a tenor rather than a measured span.
_PERIOD_UNITS = frozenset(word.unit for word in measure_words() if word.kind == "time") - {"岁"}
# A number glued to Latin letters is a code (5G, C919, PM2.5) unless it is a share or an amount:
# CPI2%, GDP8%.
_UNITS_AFTER_LETTERS = frozenset({PERCENT, "个百分点"}) | frozenset(u for u, unit in UNITS.items() if unit.money)


def _canonical_unit(written: str | None) -> str:
    if not written:
        return ""
    return UNIT_SPELLINGS.get(written, written)


def _strip_approximation(text: str) -> tuple[str, str]:
    """5.7万余 -> ("5.7万", "more than"); 40余万 -> ("40万", "more than"); 两百来万 -> ("两百万", "about")."""
    qualifiers = [qualifier for mark, qualifier in APPROXIMATE_QUALIFIERS.items() if mark in text]
    return text.translate(_NO_APPROXIMATION), qualifiers[0] if qualifiers else ""


@dataclass
class _Reading:
    """What one regex match says: value, unit and how it was written."""

    value: Decimal
    unit_zh: str
    value_high: Decimal | None = None
    approximation: str = ""  # the English of 余/多/来 when written
    is_chinese: bool = False  # written in Chinese numerals (一批, 千军万马 may be words)
    has_magnitude: bool = False  # written with 万/亿


def _fraction(numerator: Decimal | None, denominator: Decimal | None) -> _Reading | None:
    return _Reading(numerator / denominator, FRACTION) if denominator and numerator is not None else None


def _range_low(low: Decimal, low_text: str, high: Decimal, high_text: str) -> Decimal:
    """The low end of a range whose ends share the high end's scale: 5-20万 is 5万 to 20万,
    1500到2500亿 is 1500亿 to 2500亿; 5000-2万 keeps 5000, as 5000万 would pass the high end."""
    if has_magnitude(low_text) or not has_magnitude(high_text):
        return low
    scaled = low * magnitude_of(high_text)
    return scaled if abs(scaled) <= abs(high) else low


def _read(match: re.Match) -> _Reading | None:
    """The reading of ``match``, or None when a numeral in it is not one exact number."""
    if match.group("percent"):
        value = parse_number(match.group("percent"))
        return _Reading(value, PERCENT) if value is not None else None
    if match.group("denominator"):
        return _fraction(parse_number(match.group("numerator")), parse_number(match.group("denominator")))
    if match.group("slash_numerator"):
        numerator, denominator = Decimal(match.group("slash_numerator")), Decimal(match.group("slash_denominator"))
        # 3/4 is a share; 11/28 or 5/3 is a date or a code.
        return _fraction(numerator, denominator) if 0 < numerator < denominator <= 10 else None
    if match.group("tenths"):
        tenths = parse_number(match.group("tenths"))
        if tenths is None:
            return None
        # 两成半 is two and a half tenths: 25%.
        return _Reading(tenths * 10 + (5 if match.group("half_tenth") else 0), PERCENT)
    low_text, approximation = _strip_approximation(match.group("low"))
    value = parse_number(low_text)
    high_text = match.group("high") or match.group("range_high")
    value_high = parse_number(_strip_approximation(high_text)[0]) if high_text else None
    if value is None or (high_text and value_high is None):
        return None
    if value_high is not None and match.group("range_high"):
        value = _range_low(value, low_text, value_high, high_text)
    return _Reading(
        value=value,
        unit_zh=_canonical_unit(match.group("unit") or match.group("range_unit")),
        value_high=value_high,
        approximation=approximation or (APPROXIMATE_QUALIFIERS[match.group("times_more")] if match.group("times_more") else ""),
        is_chinese=not low_text.lstrip(SIGNS)[0].isdigit(),
        has_magnitude=has_magnitude(low_text) or has_magnitude(high_text or ""),
    )


def _prefix(match: re.Match, text: str) -> str:
    prefix = match.group("prefix") or ""
    if prefix == "过" and match.start() > 0 and text[match.start() - 1] in _NOT_OVER_BEFORE:
        return ""
    if prefix == "上" and not match.group("core").startswith(tuple(_ROUND_NUMBER_STARTS)):
        return ""
    return prefix


def _qualifier(match: re.Match, reading: _Reading, prefix: str) -> str:
    """One qualifier per figure: a range, else an explicit 近/约/超..., else 余/多, else 以上/左右, else 达."""
    if reading.value_high is not None:
        return RANGE
    qualifier = PREFIX_QUALIFIERS.get(prefix, "")
    if qualifier and qualifier != REACHED:
        return qualifier
    return reading.approximation or SUFFIX_QUALIFIERS.get(match.group("suffix") or "", "") or qualifier


def _qualifier_before(text: str, position: int) -> str:
    """The qualifier ending at ``position``: 逾 in 逾新台币3亿元, where the currency's name stands between."""
    match = _QUALIFIER_BEFORE.search(text, max(0, position - _LONGEST_PREFIX), position)
    return match.group() if match else ""


def _wording(qualifier: str, prefix: str) -> str:
    """The qualifier the English says: a range keeps the word of an explicit 约/近/超过 before it
    (约50亿—60亿元 is "about 5–6 billion yuan"), while the record's qualifier says "range"."""
    if qualifier == RANGE and PREFIX_QUALIFIERS.get(prefix, REACHED) != REACHED:
        return PREFIX_QUALIFIERS[prefix]
    return qualifier


def _unit_end(match: re.Match) -> int:
    for group in ("high_unit", "unit", "range_unit"):
        if match.group(group):
            return match.end(group)
    return match.end("core")


def _is_year(low: str, before: str, after: str) -> bool:
    """99年, 08年: a two-digit year rather than 99 years."""
    if not _TWO_DIGITS.fullmatch(low):
        return False
    return (
        low.startswith("0")
        or bool(_MONTH_AFTER.match(after))
        or after.startswith(TWO_DIGIT_YEAR_FOLLOWERS)
        or before.endswith(TWO_DIGIT_YEAR_PRECEDERS)
    )


def _is_period(unit: str, prefix: str, before: str, after: str) -> bool:
    """今年前8个月, 过去五年间, 近5年, 6年来, 6个月期: a reference period or a tenor, not a figure."""
    if unit not in _PERIOD_UNITS:
        return False
    if unit == "年" and after.startswith(YEAR_CLOSERS):
        return True
    opened = before.endswith(PERIOD_OPENERS) or (
        before.endswith(PERIOD_OPENER_BEFORE) and not before.endswith(NOT_PERIOD_OPENERS)
    )
    return prefix == "近" or opened or after.startswith(PERIOD_CLOSERS)


def _is_quantity(match: re.Match, reading: _Reading, text: str, prefix: str) -> bool:
    """False for the numbers that are not figures: years, time expressions, bare 一, numbers
    without a unit or magnitude (2024中国技协...), numbers inside words and codes, and numbers
    that open a programme name."""
    low = match.group("low")
    unit = reading.unit_zh
    core_start = match.start("core")
    prefix_start = core_start - len(prefix)
    before = text[max(0, prefix_start - 4) : prefix_start]
    after_unit = text[_unit_end(match) :]
    if not unit and after_unit[:1].isdigit():
        return False  # a longer number the pattern could not read whole
    if _RANGE_TAIL.search(text, max(0, prefix_start - 2), prefix_start):
        return False
    if before.endswith(_PER):
        return False  # 每千人口, 每10万人, 每5年: the base of a rate or a period, not a quantity
    glued_to_letter = core_start > 0 and text[core_start - 1].isascii() and text[core_start - 1].isalpha()
    if glued_to_letter and unit not in _UNITS_AFTER_LETTERS:
        return False
    if unit and after_unit[:1] and after_unit[0] in UNITS[unit].not_before:
        return False  # 三部门, 五周年: the unit is the start of another word
    one_digit = low is not None and len(low) == 1 and low in _ONE_DIGIT_WORD_STARTS
    if one_digit and unit and is_dictionary_word(text[core_start : _unit_end(match) + 1]):
        return False  # 三台县, 五台山, 两位数: the number and its unit begin a word of their own
    if low is None:
        return True
    qualified_magnitude = bool(prefix) and low in ("万", "亿")  # 过亿, 近万
    if reading.is_chinese and (low == "一" or not (unit or _CHINESE_WITH_MAGNITUDE.fullmatch(low) or qualified_magnitude)):
        return False  # 一名工人, 一批, 千军万马, 千万: words, not counts
    if not unit and not reading.has_magnitude:
        return False
    is_a_year = (
        _YEAR_RANGE[0] <= reading.value <= _YEAR_RANGE[1] or _is_year(low, before, after_unit) or before.endswith(ERAS)
    )
    if unit == "年" and not reading.has_magnitude and is_a_year:
        return False
    if reading.value_high is None and _is_period(unit, prefix, before, after_unit):
        return False
    return not (reading.is_chinese and unit in _UNITS_BEFORE_NAMES and after_unit.startswith(PROGRAMME_NOUNS))


class _Masked:
    """Stretches of text where no figure starts: dates, times, phone numbers, idioms, quoted and
    numbered names."""

    def __init__(self, text: str):
        spans = [(m.start(), m.end()) for m in _NOT_QUANTITIES.finditer(text)]
        spans += [(m.start(), m.end()) for m in _IDIOMS.finditer(text)]
        spans += [(quoted.start, quoted.end) for quoted in find_quoted_names(text)]
        spans += [(name.start, name.end) for name in find_unquoted_names(text) if name.has_numeral]
        spans.sort()
        self._starts = [start for start, _ in spans]
        # The furthest end of the spans starting at or before each one: spans may nest.
        self._reach = list(accumulate((end for _, end in spans), max))

    def covers(self, offset: int) -> bool:
        index = bisect.bisect_right(self._starts, offset) - 1
        return index >= 0 and self._reach[index] > offset


def _whole_sentences(text: str) -> list[Span]:
    """Sentences of ``text``, a sentence the clean stage cut (with GAP_MARK inside) kept whole
    although the mark's ellipsis looks like a sentence end: its figures must carry the damaged
    sentence as their context, so that no stage quotes the part after the gap as if whole."""
    gaps = [(match.start(), match.end()) for match in re.finditer(re.escape(GAP_MARK), text)]
    sentences: list[Span] = []
    for sentence in split_sentences(text):
        previous = sentences[-1] if sentences else None
        if previous and any(gap_start < previous.end <= gap_end for gap_start, gap_end in gaps):
            sentences[-1] = Span(previous.start, sentence.end, text[previous.start : sentence.end])
        else:
            sentences.append(sentence)
    return sentences


def _figure_matches(text: str) -> Iterator[re.Match]:
    """What _FIGURE.finditer(text) finds, trying the pattern only just before numerals."""
    position = 0
    while numeral := _NUMERAL.search(text, position):
        match = None
        for start in range(max(position, numeral.start() - _LONGEST_PREFIX), numeral.start() + 1):
            if match := _FIGURE.match(text, start):
                break
        if match and match.end() > match.start():
            yield match
            position = match.end()
        else:
            position = numeral.end()


def find_figures(text: str, bare_yuan: str = YUAN) -> list[Figure]:
    """Every figure in ``text``, in text order, with offsets into ``text`` and its sentence.
    ``bare_yuan`` is the currency an amount in 元 is in when no currency is named beside it
    (facts.money.article_currency). The patterns are written in Simplified: a text kept in
    Traditional (clean.script = "keep") is matched through its Simplified reading, character for
    character, and figures quote it as written (35萬1000元 is 351,000)."""
    written, text = text, simplified_reading(text)
    masked = _Masked(text)
    sentences = _whole_sentences(text)
    sentence_starts = [sentence.start for sentence in sentences]
    figures = []
    for match in _figure_matches(text):
        reading = _read(match)
        prefix = _prefix(match, text)
        if reading is None or masked.covers(match.start("core")) or not _is_quantity(match, reading, text, prefix):
            continue
        # 达 is the sentence's verb ("reached"): it stays out of text_zh, and so out of text_en,
        # for the translator to translate around the figure.
        start = match.start("core") - (len(prefix) if prefix and prefix not in _VERB_PREFIXES else 0)
        end, unit = match.end(), reading.unit_zh
        if unit == YUAN:
            named = named_currency(text, start, end)
            if named is None:
                unit = bare_yuan
            else:
                unit, start, end = named
                if not prefix:
                    prefix = _qualifier_before(text, start)
                    start -= len(prefix) if prefix not in _VERB_PREFIXES else 0
        qualifier = _qualifier(match, reading, prefix)
        sentence = sentences[bisect.bisect_right(sentence_starts, start) - 1]
        figures.append(
            Figure(
                text_zh=written[start:end],
                value=reading.value,
                unit_zh=unit,
                qualifier=qualifier,
                text_en=render_figure_en(reading.value, unit, _wording(qualifier, prefix), reading.value_high),
                context_zh=written[sentence.start : sentence.end],
                start=start,
                end=end,
                value_high=reading.value_high,
            )
        )
    return figures
