"""The measure words a figure may carry, and how each is said in English.

``unit_zh`` of a figure is the canonical spelling below, without the magnitude (万/亿):
257.2亿元 has unit "元", 5.4万人(次) has unit "人次". Units whose English noun is empty are
counting words (个, 家, 项...) that English leaves to the noun after them.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Unit:
    singular: str  # English after the number 1: "person", "year"
    plural: str  # English after any other number: "people", "years"
    money: bool = False
    counting: bool = False  # counts things or people (penalised when tiny in key-figure ranking)


PERCENT = "%"
FRACTION = "分之"

_PEOPLE = Unit("person", "people", counting=True)
_PERSON_TIMES = Unit("person-time", "person-times", counting=True)
_COUNT = Unit("", "", counting=True)

UNITS: dict[str, Unit] = {
    "人": _PEOPLE,
    "名": _PEOPLE,
    "位": _PEOPLE,
    "人次": _PERSON_TIMES,
    "元": Unit("yuan", "yuan", money=True),
    "美元": Unit("US dollar", "US dollars", money=True),
    "港元": Unit("Hong Kong dollar", "Hong Kong dollars", money=True),
    "欧元": Unit("euro", "euros", money=True),
    "平方米": Unit("square metre", "square metres"),
    "平方公里": Unit("square kilometre", "square kilometres"),
    "公里": Unit("kilometre", "kilometres"),
    "吨": Unit("tonne", "tonnes"),
    "亩": Unit("mu", "mu"),
    PERCENT: Unit("%", "%"),
    "个百分点": Unit("percentage point", "percentage points"),
    "倍": Unit("time", "times"),
    "岁": Unit("year old", "years old"),
    "年": Unit("year", "years"),
    "个月": Unit("month", "months"),
    "天": Unit("day", "days"),
    "小时": Unit("hour", "hours"),
    FRACTION: Unit("", ""),
    **{
        word: _COUNT
        for word in (
            "个", "家", "项", "所", "场", "期", "批", "份", "班次", "场次", "期次", "件", "条",
            "支", "户", "届", "次", "座", "台", "辆", "本", "篇", "门", "种", "处", "套", "间", "队",
        )
    },
}

# Other spellings of a unit -> its canonical form.
UNIT_SPELLINGS: dict[str, str] = {
    "人(次)": "人次",
    "人（次）": "人次",
    "％": PERCENT,
    "平米": "平方米",
}
