"""Romanised names. People surname first, with the surname's own reading: in pinyin on the mainland
(陈惠霞 Chen Huixia, 单雄信 Shan Xiongxin, 欧阳修 Ouyang Xiu), in the Hong Kong Government's Cantonese
romanisation in Hong Kong and Macau stories (李家超 Lee Ka-chiu), in the Wade-Giles spelling Taiwan
uses in Taiwan stories (賴清德 Lai Ching-te); places and brands as one capitalised pinyin word
(十堰 Shiyan). The readings come from pypinyin (pinyin, Wade-Giles) and ToJyutping (Jyutping)."""

from __future__ import annotations

from collections.abc import Callable
from functools import cache

from pypinyin import Style, lazy_pinyin, pinyin
from pypinyin.style import convert

from pipeline.clean.script import to_simplified
from pipeline.lang.zh_names import (
    COMPOUND_SURNAMES,
    GIVEN_NAME_PHRASES,
    GIVEN_NAME_READINGS,
    SURNAME_READINGS,
    has_double_surname,
)
from pipeline.lang.zh_names_romanisation import (
    HK_FINALS,
    HK_INITIALS,
    HK_OON_INITIALS,
    HK_SH_FINALS,
    HK_SURNAMES,
    HK_SYLLABLES,
    TAIWAN_SURNAMES,
    TAIWAN_SYLLABLES,
    WADE_GILES_CORRECTIONS,
)
from pipeline.lang.zh_regions import HONG_KONG, MACAU, TAIWAN

PINYIN, CANTONESE, WADE_GILES = "pinyin", "cantonese", "wade-giles"
# The romanisation of people's names in each region's stories; pinyin elsewhere.
REGION_ROMANISATION = {HONG_KONG: CANTONESE, MACAU: CANTONESE, TAIWAN: WADE_GILES}

_VOWEL_STARTS = ("a", "o", "e")
_JYUTPING_INITIALS = sorted(HK_INITIALS, key=len, reverse=True)
# Colloquial Cantonese finals and the literary ones of the same characters.
_COLLOQUIAL_FINALS = (("eng", "ing"), ("ek", "ik"))


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


def _family_pinyin(surname: str) -> list[list[str]]:
    """The syllables of a surname in its surname reading, one list per surname (two for 叶刘 of
    叶刘淑仪, one of two syllables for 欧阳)."""
    if surname in COMPOUND_SURNAMES:
        spelled = COMPOUND_SURNAMES[surname]
        first = next(r for r in pinyin(surname[0], style=Style.NORMAL, heteronym=True)[0] if spelled.startswith(r))
        return [[first, spelled[len(first) :]]]
    return [[SURNAME_READINGS.get(char) or _joined(_syllables(char))] for char in surname]


def _given_pinyin(given: str) -> list[str]:
    """The syllables of a given name: pypinyin's reading of it as a phrase, but a character in its
    name reading (谢朝华 Xie Zhaohua, not Chaohua)."""
    if given in GIVEN_NAME_PHRASES:
        return list(GIVEN_NAME_PHRASES[given])
    syllables = _syllables(given)
    if len(syllables) != len(given):  # a character pypinyin does not know was dropped
        return syllables
    return [GIVEN_NAME_READINGS.get(char, syllable) for char, syllable in zip(given, syllables, strict=True)]


def person_english(name: str) -> str:
    """陈惠霞 -> Chen Huixia: surname first in its surname reading, the given name joined."""
    if "·" in name:
        return pinyin_name(name)
    surname, given = split_surname(to_simplified(name))
    family = " ".join(_joined(syllables).capitalize() for syllables in _family_pinyin(surname))
    return f"{family} {_joined(_given_pinyin(given)).capitalize()}".strip()


def _hyphenated(syllables: list[str]) -> str:
    """A Hong Kong or Taiwan given name: its syllables hyphenated, the first capitalised (Ka-chiu)."""
    return "-".join(syllables).capitalize()


def _wade_giles(syllable: str) -> str:
    """A pinyin syllable in Taiwan's Wade-Giles: no apostrophes or umlauts (ch'ing -> ching)."""
    spelled = TAIWAN_SYLLABLES.get(syllable) or WADE_GILES_CORRECTIONS.get(syllable)
    spelled = spelled or convert(syllable, Style.WADEGILES, strict=True)
    return spelled.replace("'", "").replace("`", "").replace("ü", "u").replace("v", "u")


def wade_giles_name(name: str) -> str:
    """賴清德 -> Lai Ching-te: the pinyin readings of person_english in Taiwan's Wade-Giles."""
    surname, given = split_surname(to_simplified(name))
    family = TAIWAN_SURNAMES.get(surname) or " ".join(
        "".join(_wade_giles(syllable) for syllable in syllables).capitalize() for syllables in _family_pinyin(surname)
    )
    return f"{family} {_hyphenated([_wade_giles(syllable) for syllable in _given_pinyin(given)])}".strip()


@cache
def _jyutping_reader() -> Callable[[str], list[tuple[str, list[str]]]]:
    """ToJyutping's readings of each character, its choice in context first; imported on first use
    (loading its dictionary takes most of a second)."""
    import ToJyutping

    return ToJyutping.get_jyutping_candidates


def _literary(readings: list[str]) -> str:
    """The reading of a given name's character: ToJyutping's choice, but the literary reading when
    it chose the colloquial one (平 peng4 -> ping4, 井 zeng2 -> zing2): names take literary readings.
    Surnames keep theirs (鄭 zeng6 Cheng, 石 sek6 Shek)."""
    chosen = readings[0]
    for colloquial, literary in _COLLOQUIAL_FINALS:
        plain = chosen.rstrip("0123456789")
        if plain.endswith(colloquial):
            wanted = plain.removesuffix(colloquial) + literary
            return next((reading for reading in readings if reading.rstrip("0123456789") == wanted), chosen)
    return chosen


def _hk_syllable(jyutping: str) -> str:
    """A Jyutping syllable (tone digit and all) in the Hong Kong Government's spelling: gaa1 -> ka."""
    plain = jyutping.rstrip("0123456789")
    if plain in HK_SYLLABLES:
        return HK_SYLLABLES[plain]
    initial = next((start for start in _JYUTPING_INITIALS if plain.startswith(start)), "")
    final = plain[len(initial) :]
    if not final or final not in HK_FINALS:  # 吴 ng4 and 唔 m4 are syllables of their own
        return plain
    spelled_initial = "sh" if initial == "s" and final in HK_SH_FINALS else HK_INITIALS.get(initial, "")
    spelled_final = "oon" if final == "un" and initial in HK_OON_INITIALS else HK_FINALS[final]
    return spelled_initial + spelled_final


def cantonese_name(name: str) -> str:
    """李家超 -> Lee Ka-chiu: the name's Jyutping (read as a whole, for the readings of its
    characters in context) in the Hong Kong Government's romanisation, surnames by convention."""
    simplified = to_simplified(name)
    surname = split_surname(simplified)[0]
    candidates = [readings for _, readings in _jyutping_reader()(simplified)]
    if len(candidates) != len(simplified) or not all(candidates):
        return person_english(name)  # a character ToJyutping does not know: pinyin says more than a gap
    chosen = [readings[0] for readings in candidates[: len(surname)]] + [_literary(readings) for readings in candidates[len(surname) :]]
    readings = [_hk_syllable(jyutping) for jyutping in chosen]
    if surname in HK_SURNAMES:
        family = HK_SURNAMES[surname]
    else:
        family = " ".join(HK_SURNAMES.get(char) or reading.capitalize() for char, reading in zip(surname, readings, strict=False))
    return f"{family} {_hyphenated(readings[len(surname) :])}".strip()


def romanised_person(name: str, region: str) -> tuple[str, str]:
    """(English, method) of a person's name by the rule of the story's region."""
    method = REGION_ROMANISATION.get(region, PINYIN)
    if "·" in name or method == PINYIN:
        return person_english(name), PINYIN
    return (cantonese_name(name), CANTONESE) if method == CANTONESE else (wade_giles_name(name), WADE_GILES)
