"""Organisations named in an article: a place followed by a known body (十堰市总工会, 湖北省委),
a company (东风商用车有限公司), and the organisations of the glossary (中华全国总工会)."""

from __future__ import annotations

import re

from pipeline.lang.zh import HAN
from pipeline.lang.zh_names_organisations import (
    BODY_NOT_FOLLOWED_BY,
    BUSINESS_WORDS,
    COMPANY_ENDINGS,
    ORGANISATION_ENDINGS,
    PLACE_BODIES,
)
from pipeline.lang.zh_places import PROVINCES
from pipeline.names.gazetteer import (
    is_known_base,
    place_adjective,
    place_english,
    split_suffix,
)
from pipeline.names.romanise import pinyin_name
from pipeline.names.tokens import UNKNOWN, Token, is_word
from pipeline.translate.glossary import Glossary

_BODIES = sorted(PLACE_BODIES, key=len, reverse=True)
# Tags of the words a company name is made of: nouns, names, abbreviations, and words the
# dictionary does not know (八冶, 二冶).
_NAME_PART_TAGS = ("n", "nr", "ns", "nt", "nz", "ng", "nrt", "nrfg", "j", "vn", "an", UNKNOWN)

_MAX_NAME_PARTS = 4
# A brand of one character is a word (母公司, 分公司); one of more than three is a phrase.
_MIN_BRAND_CHARS = 2
_MAX_BRAND_CHARS = 3


def _body_pattern(places: list[str]) -> re.Pattern | None:
    anchors = set(places) | {full for short, (full, _) in PROVINCES.items() if short in places}
    if not anchors:
        return None
    bodies = "|".join(
        re.escape(body) + (f"(?!{'|'.join(BODY_NOT_FOLLOWED_BY[body])})" if body in BODY_NOT_FOLLOWED_BY else "")
        for body in _BODIES
    )
    places_alternation = "|".join(map(re.escape, sorted(anchors, key=len, reverse=True)))
    return re.compile(f"(?P<place>{places_alternation})(?P<body>{bodies})")


def _place_bodies(text: str, places: list[str]) -> list[tuple[str, str, str]]:
    pattern = _body_pattern(places)
    found = []
    for match in pattern.finditer(text) if pattern else ():
        qualifier, method = place_adjective(match.group("place"))
        found.append((match.group(), PLACE_BODIES[match.group("body")].format(place=qualifier), method))
    return found


def _part_english(part: str) -> tuple[str, str] | None:
    """(English, method) of a word of a company name that is a place or a line of business."""
    if part in BUSINESS_WORDS:
        return BUSINESS_WORDS[part], "glossary"
    base, _ = split_suffix(part)
    if is_known_base(base):
        return place_english(part)
    return None


def _company(parts: list[str], ending: str) -> tuple[str, str, str] | None:
    """A company's (Chinese, English, method) from its words; None when more than one word is
    neither a place nor a line of business (the name is then not one this rule can write), when no
    word is a place or a brand (建设集团 is no name)."""
    words, methods, brands = [], set(), 0
    for position, part in enumerate(parts):
        known = _part_english(part)
        if known is None:
            # A common word leads a name as a brand (东风商用车) but after a place it is a line of
            # business this rule does not know (上海水产集团), and alone a kind of company (上市公司).
            after_place = any(is_known_base(split_suffix(earlier)[0]) for earlier in parts[:position])
            common = is_word(part) and (after_place or len(parts) == 1)
            if brands or common or not _MIN_BRAND_CHARS <= len(part) <= _MAX_BRAND_CHARS:
                return None
            brands += 1
            known = (pinyin_name(part), "pinyin")
        words.append(known[0])
        methods.add(known[1])
    if not brands and not any(is_known_base(split_suffix(part)[0]) for part in parts):
        return None
    method = "pinyin" if "pinyin" in methods else "gazetteer" if "gazetteer" in methods else "glossary"
    return "".join(parts) + ending, " ".join(words + [COMPANY_ENDINGS[ending]]), method


def _merged_brand(parts: list[Token]) -> list[str]:
    """Words of a company name with runs of unknown words joined (二/冶 -> 二冶)."""
    merged: list[str] = []
    previous_known = True
    for part in parts:
        known = _part_english(part.word) is not None
        if not known and not previous_known:
            merged[-1] += part.word
        else:
            merged.append(part.word)
        previous_known = known
    return merged


def _companies(tokens: list[Token]) -> list[tuple[str, str, str]]:
    found = []
    for index, token in enumerate(tokens):
        ending = next((end for end in COMPANY_ENDINGS if token.word.endswith(end)), None)
        if ending is None:
            continue
        head = token.word[: -len(ending)]
        parts = [Token(head, "n", token.start)] if head else []
        for before in reversed(tokens[max(0, index - _MAX_NAME_PARTS) : index]):
            if before.flag not in _NAME_PART_TAGS or not HAN.match(before.word[0]):
                break
            parts.insert(0, before)
        company = _company(_merged_brand(parts), ending) if parts else None
        if company:
            found.append(company)
    return found


def _glossary_organisations(text: str, glossary: Glossary) -> list[tuple[str, str, str]]:
    """The glossary's organisations in ``text``, longest first where one holds another (美国国务院
    is not 国务院)."""
    return [
        (term.zh, term.en, "glossary")
        for term in glossary.find_terms(text)
        if term.zh.endswith(ORGANISATION_ENDINGS) and term.en[:1].isupper()
    ]


def find_organisations(
    text: str, tokens: list[Token], places: list[str], glossary: Glossary
) -> list[tuple[str, str, str]]:
    """(Chinese, English, method) of each organisation, the longest name first where one holds
    another (湖北省总工会 over 省总工会)."""
    found: dict[str, tuple[str, str, str]] = {}
    for organisation in _glossary_organisations(text, glossary) + _place_bodies(text, places) + _companies(tokens):
        found.setdefault(organisation[0], organisation)
    return sorted(found.values(), key=lambda item: len(item[0]), reverse=True)
