"""Pinyin of names: people surname first with the surname's own reading (陈惠霞 Chen Huixia,
单雄信 Shan Xiongxin, 欧阳修 Ouyang Xiu), places and brands as one capitalised word (十堰 Shiyan)."""

from __future__ import annotations

from pypinyin import Style, lazy_pinyin

from pipeline.lang.zh_names import COMPOUND_SURNAMES, SURNAME_READINGS, has_double_surname

_VOWEL_STARTS = ("a", "o", "e")


def _joined(syllables: list[str]) -> str:
    """Syllables as one word, with the apostrophe pinyin puts before a syllable opening with a, o
    or e (Xi'an, Tian'anmen)."""
    word = ""
    for syllable in syllables:
        word += f"'{syllable}" if word and syllable.startswith(_VOWEL_STARTS) else syllable
    return word


def _syllables(zh: str) -> list[str]:
    return lazy_pinyin(zh, style=Style.NORMAL, v_to_u=True, errors="ignore")


def pinyin_name(zh: str) -> str:
    """十堰 -> Shiyan; the parts of a transcribed name (·) become words."""
    return " ".join(_joined(_syllables(part)).capitalize() for part in zh.split("·") if part)


def split_surname(name: str) -> tuple[str, str]:
    """(surname, given name): a compound surname (欧阳, 司马) or two surnames (叶刘) when the name
    opens with them."""
    if (len(name) >= 3 and name[:2] in COMPOUND_SURNAMES) or has_double_surname(name):
        return name[:2], name[2:]
    return name[:1], name[1:]


def _surname_reading(surname: str) -> str:
    return SURNAME_READINGS.get(surname) or _joined(_syllables(surname))


def person_english(name: str) -> str:
    """陈惠霞 -> Chen Huixia: surname first in its surname reading, the given name joined."""
    if "·" in name:
        return pinyin_name(name)
    surname, given = split_surname(name)
    if has_double_surname(name):
        family = " ".join(_surname_reading(char).capitalize() for char in surname)
    else:
        family = (COMPOUND_SURNAMES.get(surname) or _surname_reading(surname)).capitalize()
    return f"{family} {_joined(_syllables(given)).capitalize()}".strip()
