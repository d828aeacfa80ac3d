"""Exact values of numerals as written in Chinese text: 257.2亿, 2,468.3万, 四千二百万, 两千亿, 千,
12万3456, 2万三千, 7个亿, -12.5, 三点五, 四点八亿."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

import cn2an

from pipeline.lang.zh import CHINESE_DECIMAL_POINTS, CHINESE_DIGITS, CHINESE_UNITS, DIGIT_VALUES, MAGNITUDES, TRILLION

ARABIC_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# A decimal said in words: 三点五, 四点八亿. Not a clock time (九点五十分, 三点五分) or a half hour (三点半).
_CHINESE_DECIMAL = (
    f"[{CHINESE_DIGITS}{CHINESE_UNITS}]+[{CHINESE_DECIMAL_POINTS}][{CHINESE_DIGITS}]+(?![{CHINESE_UNITS}分刻钟时半])[万亿]{{0,2}}"
)
# Never starts with 万/亿: 万众创新, 亿万职工 are words, not numbers.
CHINESE_PATTERN = f"{_CHINESE_DECIMAL}|[{CHINESE_DIGITS}{CHINESE_UNITS}][{CHINESE_DIGITS}{CHINESE_UNITS}万亿]*"
# 12万3456, 3亿5000万, 1万2千, 2万三千: Arabic digits with a magnitude, then the rest of the number.
_MIXED_PATTERN = rf"\d+[万亿](?:\d{{1,4}}[千百]?万?(?![\d.])|[一二两三四五六七八九][千百十][{CHINESE_DIGITS}{CHINESE_UNITS}]*)"
# An Arabic number may carry a Chinese magnitude: 5.7万, 1万亿, 3千.
NUMBER_PATTERN = f"{_MIXED_PATTERN}|(?:{ARABIC_PATTERN})(?:[千百]?[万亿]{{1,2}}|[千百])?|{CHINESE_PATTERN}"
# Minus signs, and 负 as newsreaders say it (增长负0.3%).
SIGNS = "-－−负"
_MAGNITUDE_CHARS = "".join(MAGNITUDES)
_DECIMAL_POINT = re.compile(f"[{CHINESE_DECIMAL_POINTS}]")
# The magnitude a number ends with: 20万 -> 万, 2500亿 -> 亿, 六万 -> 万, 3千万 -> 千万.
_TRAILING_MAGNITUDE = re.compile(f"(?<=\\d)[{_MAGNITUDE_CHARS}]+$|[万亿]+$")
_MIXED_SPLIT = re.compile(f"^(\\d+[{_MAGNITUDE_CHARS}]+)([^{_MAGNITUDE_CHARS}].*)$")


def _arabic_value(text: str) -> Decimal:
    digits = text.rstrip(_MAGNITUDE_CHARS)
    value = Decimal(digits.replace(",", ""))
    for char in text[len(digits) :]:
        value *= MAGNITUDES[char]
    return value


def _chinese_decimal_value(text: str) -> Decimal | None:
    """三点五 -> 3.5, 四点八亿 -> 480000000: the whole part by cn2an, the digits after 点 one by one
    (cn2an reads no magnitude after a decimal)."""
    mantissa = text.rstrip("万亿")
    whole, fraction = _DECIMAL_POINT.split(mantissa, maxsplit=1)
    if not whole:
        return None
    whole_value = Decimal(DIGIT_VALUES[whole]) if whole in DIGIT_VALUES else _chinese_value(whole)
    if whole_value is None or not fraction or any(char not in DIGIT_VALUES for char in fraction):
        return None
    value = whole_value + Decimal("0." + "".join(str(DIGIT_VALUES[char]) for char in fraction))
    for char in text[len(mantissa) :]:
        value *= MAGNITUDES[char]
    return value


def _chinese_value(text: str) -> Decimal | None:
    if _DECIMAL_POINT.search(text):
        return _chinese_decimal_value(text)
    text = text.replace("○", "〇")  # cn2an knows only the zero 〇
    if not any(char in CHINESE_UNITS or char in "万亿" for char in text) and len(text) > 1:
        # 七八, 三五: "seven or eight", not 78; 二〇二三 spells a year digit by digit.
        return None
    if text[0] in "百千万亿":
        text = "一" + text  # 千余场次: a bare 千 is one thousand; a bare 万亿 one trillion
    try:
        return Decimal(cn2an.cn2an(text, "normal"))
    except (ValueError, KeyError):  # cn2an raises KeyError, not ValueError, on some malformed runs
        return None


def _unsigned_value(text: str) -> Decimal | None:
    mixed = _MIXED_SPLIT.match(text)
    if mixed and text[0].isdigit():
        head, rest = mixed.groups()
        scale = MAGNITUDES[head[-1]]
        if rest.isdigit() and len(rest) != len(str(scale)) - 1:
            return None  # 1万2 is said for 12,000 but 1万02 would be 10,002: no one exact reading
        head_value, rest_value = _arabic_value(head), _unsigned_value(rest)
        # 12万3456: the rest is below the head's magnitude, or the text is not one number.
        return head_value + rest_value if rest_value is not None and rest_value < scale else None
    return _arabic_value(text) if text[0].isdigit() else _chinese_value(text)


def parse_number(text: str) -> Decimal | None:
    """The exact value of one numeral (Arabic, Chinese or mixed, with an optional minus sign and a
    colloquial 个 before 亿), or None when it is not one exact number (七八个 "seven or eight").
    Whole values carry no decimal places (57000, not 57000.0)."""
    negative = text[:1] in SIGNS
    text = text.lstrip(SIGNS).replace("个亿", "亿")
    if not text:
        return None
    try:
        value = _unsigned_value(text)
    except (InvalidOperation, KeyError):  # not one numeral after all: 0多 left by a mangled text
        return None
    if value is None:
        return None
    if value == value.to_integral_value():
        value = value.to_integral_value()
    return -value if negative else value


def magnitude_of(text: str) -> Decimal:
    """The scale a numeral ends with (20万 -> 10000, 2500亿 -> 10**8), 1 when it has none."""
    trailing = _TRAILING_MAGNITUDE.search(text.replace("个亿", "亿"))
    scale = Decimal(1)
    for char in trailing.group() if trailing else "":
        scale *= MAGNITUDES[char]
    return scale


def has_magnitude(text: str) -> bool:
    return "万" in text or "亿" in text or TRILLION in text
