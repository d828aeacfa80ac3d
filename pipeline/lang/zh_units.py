"""Chinese measure words and units with their English nouns, read from zh_units.tsv."""

from __future__ import annotations

import csv
from dataclasses import dataclass
from functools import cache
from pathlib import Path

UNITS_FILE = Path(__file__).with_name("zh_units.tsv")
KINDS = frozenset({"people", "money", "count", "measure", "time", "share"})


@dataclass(frozen=True)
class MeasureWord:
    unit: str  # as written after the number: 人, 美元, 个百分点, 艘
    singular: str  # English after the number 1; empty when English leaves it to the noun after it
    plural: str  # English after any other number
    kind: str  # one of KINDS
    not_before: str  # characters that, right after the unit, make it part of another word


@cache
def measure_words() -> tuple[MeasureWord, ...]:
    """Every row of zh_units.tsv, in file order."""
    with UNITS_FILE.open(encoding="utf-8", newline="") as handle:
        rows = [line for line in handle if not line.startswith("#")]
    words = []
    for row in csv.DictReader(rows, delimiter="\t"):
        word = MeasureWord(
            unit=row["unit"],
            singular=row["singular"] or "",
            plural=row["plural"] or "",
            kind=row["kind"],
            not_before=row["not_before"] or "",
        )
        if word.kind not in KINDS:
            raise ValueError(f"{UNITS_FILE}: unknown kind {word.kind!r} for {word.unit}")
        words.append(word)
    return tuple(words)
