"""English wording of a figure: exact numbers, never rounded, in the style of English news copy."""

from __future__ import annotations

from decimal import Decimal
from fractions import Fraction

from pipeline.facts.units import CELSIUS, FRACTION, PER_MILLE, PERCENT, UNITS
from pipeline.lang.en import CARDINALS, FRACTION_NAMES, SCALES_WRITTEN

# Qualifiers English puts after the number; the others go before it.
_SUFFIX_QUALIFIERS = frozenset({"or more", "or less"})
# "reached" (达) is a verb the translator keeps around the figure, not part of the figure's English.
_NO_WORDING_QUALIFIERS = frozenset({"", "range", "reached"})
_RANGE_DASH = "\u2013"
# Signs written against the number: 30.6%, 3‰, 40.2°C.
_GLUED_UNITS = frozenset({PERCENT, PER_MILLE, CELSIUS})


def _plain(value: Decimal) -> str:
    """Digits with thousands separators and no exponent or trailing zeros: 451,400 / 10.5."""
    return format(value.normalize(), ",f")


def _number_and_scale(value: Decimal) -> tuple[str, str]:
    for size, word in SCALES_WRITTEN:
        if abs(value) >= size:
            return _plain(value / size), word
    return _plain(value), ""


def _join(number: str, scale: str) -> str:
    return f"{number} {scale}" if scale else number


def _fraction_words(value: Decimal) -> str:
    # Fractions are stored as their exact quotient; thirds are recurring, so recover the ratio.
    ratio = Fraction(value).limit_denominator(1000)
    numerator, denominator = ratio.numerator, ratio.denominator
    if denominator in FRACTION_NAMES and numerator < len(CARDINALS):
        singular, plural = FRACTION_NAMES[denominator]
        return f"{CARDINALS[numerator]} {singular if numerator == 1 else plural}"
    return f"{numerator}/{denominator}"


def format_quantity(value: Decimal, value_high: Decimal | None = None) -> str:
    """The number (or range) alone: 9.59 million, 451,400, 4,000–6,000, 1–2 million."""
    low_number, low_scale = _number_and_scale(value)
    if value_high is None:
        return _join(low_number, low_scale)
    high_number, high_scale = _number_and_scale(value_high)
    if low_scale == high_scale:
        return _join(f"{low_number}{_RANGE_DASH}{high_number}", high_scale)
    return f"{_join(low_number, low_scale)}{_RANGE_DASH}{_join(high_number, high_scale)}"


def _with_unit(quantity: str, unit_zh: str, is_one: bool) -> str:
    unit = UNITS.get(unit_zh)
    if unit is None or not unit.plural:
        return quantity
    noun = unit.singular if is_one else unit.plural
    if unit_zh in _GLUED_UNITS:
        return f"{quantity}{noun}"
    return f"{quantity} {noun}"


def render_figure_en(value: Decimal, unit_zh: str, qualifier: str, value_high: Decimal | None = None) -> str:
    """The English for a figure, e.g. (Decimal(57000), "人", "more than") -> "more than 57,000 people".

    ``unit_zh`` is a canonical unit from ``pipeline.facts.units`` (without 万/亿); unknown units are
    left out rather than guessed. ``qualifier`` is one of the English qualifiers of ``Figure``."""
    if unit_zh == FRACTION:
        core = _fraction_words(value)
    elif value_high is not None and (value < 0 or value_high < 0):
        # A dash between negative numbers would read as a minus: -1.5% to -0.5%.
        core = f"{_with_unit(format_quantity(value), unit_zh, False)} to {_with_unit(format_quantity(value_high), unit_zh, False)}"
    else:
        is_one = value == 1 and value_high is None
        core = _with_unit(format_quantity(value, value_high), unit_zh, is_one)
    if qualifier in _NO_WORDING_QUALIFIERS:
        return core
    if qualifier in _SUFFIX_QUALIFIERS:
        return f"{core} {qualifier}"
    return f"{qualifier} {core}"
