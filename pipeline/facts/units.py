"""The measure words a figure may carry, and how each is said in English.

``unit_zh`` of a figure is the canonical spelling (pipeline/lang/zh_units.tsv), without the
magnitude (万/亿): 257.2亿元 has unit "元", 5.4万人(次) has unit "人次". Units whose English noun
is empty are classifiers (个, 家, 项...) that English leaves to the noun after them.
"""

from __future__ import annotations

from dataclasses import dataclass

from pipeline.lang.zh_units import measure_words


@dataclass(frozen=True)
class Unit:
    singular: str  # English after the number 1: "person", "year"
    plural: str  # English after any other number: "people", "years"
    money: bool = False
    counting: bool = False  # counts things or people (penalised when tiny in key-figure ranking)
    not_before: str = ""  # characters after which the unit is part of another word (三部门)


PERCENT = "%"
PER_MILLE = "‰"
CELSIUS = "℃"
FRACTION = "分之"

UNITS: dict[str, Unit] = {
    word.unit: Unit(
        word.singular,
        word.plural,
        money=word.kind == "money",
        counting=word.kind in ("people", "count"),
        not_before=word.not_before,
    )
    for word in measure_words()
}
UNITS[FRACTION] = Unit("", "")

# Other spellings of a unit -> its canonical form.
UNIT_SPELLINGS: dict[str, str] = {
    "人(次)": "人次",
    "人（次）": "人次",
    "％": PERCENT,
    "平米": "平方米",
    "°C": CELSIUS,
    "台币": "新台币",
    "澳门币": "澳门元",
    "美金": "美元",
}
