"""Places named in an article: the provincial-level divisions, a segmenter's place names that
carry a division suffix (十堰市, 张湾区, 城关镇) or are in the gazetteer (包头, 十堰), and those
names without their suffix."""

from __future__ import annotations

import re
from functools import cache

from pipeline.lang.zh_places import (
    ADMIN_SUFFIXES,
    PROVINCES,
    SUFFIXES_OF_KNOWN_BASES_ONLY,
)
from pipeline.names.gazetteer import is_known_base, is_place_base, split_suffix
from pipeline.names.tokens import Token


@cache
def _provinces() -> re.Pattern:
    names = {name for short, (full, _) in PROVINCES.items() for name in (short, full)}
    return re.compile("|".join(sorted(names, key=len, reverse=True)))


def find_places(text: str, tokens: list[Token]) -> list[str]:
    found: dict[str, None] = {match.group(): None for match in _provinces().finditer(text)}
    for index, token in enumerate(tokens):
        base, suffix = split_suffix(token.word)
        known = is_known_base(base)
        if suffix in SUFFIXES_OF_KNOWN_BASES_ONLY and not known:
            continue
        if suffix and is_place_base(base) and (token.flag == "ns" or known):
            found.setdefault(token.word)
        elif not suffix and token.flag == "ns" and is_place_base(token.word) and known:
            following = tokens[index + 1].word if index + 1 < len(tokens) else ""
            found.setdefault(token.word + following if following in ADMIN_SUFFIXES else token.word)
    # A place found with its suffix is the same place without it (金昌市 ... 甘肃金昌：), however the
    # segmenter tags the bare name there (jieba tags 金昌 as a person).
    for place in list(found):
        base, suffix = split_suffix(place)
        if suffix and text.count(base) > text.count(place):
            found.setdefault(base)
    return list(found)
