"""Exact values of numerals as written in Chinese text: 257.2亿, 2,468.3万, 四千二百万, 两千亿, 千."""

from __future__ import annotations

from decimal import Decimal

import cn2an

from pipeline.lang.zh import CHINESE_DIGITS, CHINESE_UNITS, MAGNITUDES

ARABIC_PATTERN = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# Never starts with 万/亿: 万众创新, 亿万职工 are words, not numbers.
CHINESE_PATTERN = f"[{CHINESE_DIGITS}{CHINESE_UNITS}][{CHINESE_DIGITS}{CHINESE_UNITS}万亿]*"
# An Arabic number may carry a Chinese magnitude: 5.7万, 1万亿, 3千.
NUMBER_PATTERN = f"(?:{ARABIC_PATTERN})(?:[千百]?[万亿]{{1,2}}|[千百])?|{CHINESE_PATTERN}"


def _arabic_value(text: str) -> Decimal:
    digits = text.rstrip("".join(MAGNITUDES))
    value = Decimal(digits.replace(",", ""))
    for char in text[len(digits) :]:
        value *= MAGNITUDES[char]
    return value


def _chinese_value(text: str) -> Decimal | None:
    if not any(char in CHINESE_UNITS or char in "万亿" for char in text) and len(text) > 1:
        # 七八, 三五: "seven or eight", not 78; 二〇二三 spells a year digit by digit.
        return None
    if text[0] in "百千":
        text = "一" + text  # 千余场次: a bare 千 is one thousand
    try:
        return Decimal(cn2an.cn2an(text, "normal"))
    except (ValueError, KeyError):  # cn2an raises KeyError, not ValueError, on some malformed runs
        return None


def parse_number(text: str) -> Decimal | None:
    """The exact value of one numeral (Arabic, Chinese or mixed), or None when it is not one
    exact number (七八个 "seven or eight"). Whole values carry no decimal places (57000, not 57000.0)."""
    value = _arabic_value(text) if text[0].isdigit() else _chinese_value(text)
    if value is not None and value == value.to_integral_value():
        return value.to_integral_value()
    return value


def has_magnitude(text: str) -> bool:
    return "万" in text or "亿" in text
