"""English: number words, scale words and fraction names, as figures are written and read."""

from __future__ import annotations

from decimal import Decimal

# Largest first: a number takes the first scale it reaches when written.
SCALES_WRITTEN = ((Decimal(10) ** 12, "trillion"), (Decimal(10) ** 9, "billion"), (Decimal(10) ** 6, "million"))
# Every scale word a translation may use, with its value; "hundred million" is how models render 亿.
SCALES_READ = {
    "thousand": Decimal(10**3),
    "million": Decimal(10**6),
    "hundred million": Decimal(10**8),
    "billion": Decimal(10**9),
    "trillion": Decimal(10**12),
}

CARDINALS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
ORDINALS = ("zeroth", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth")
# The number words one to ten and first to tenth, with their values.
NUMBER_WORDS = {word: Decimal(value) for value in range(1, 11) for word in (CARDINALS[value], ORDINALS[value])}

FRACTION_NAMES = {
    2: ("half", "halves"),
    3: ("third", "thirds"),
    4: ("quarter", "quarters"),
    5: ("fifth", "fifths"),
    6: ("sixth", "sixths"),
    7: ("seventh", "sevenths"),
    8: ("eighth", "eighths"),
    9: ("ninth", "ninths"),
    10: ("tenth", "tenths"),
}
