"""The names of an article with their English, made by rule: people by their own spelling when
known (pipeline/lang/zh_people.tsv, extended by the glossary), else romanised as the story's region
writes names (pinyin, Hong Kong Cantonese or Taiwan's Wade-Giles; surname first, in its surname
reading), places by their conventional English (gazetteer) or pinyin plus the division's English,
organisations as a place plus a known body's English or from the glossary.

find_names(clean) -> list[Name]; dateline_place(text) -> Name | None.
"""

from __future__ import annotations

import re
from functools import cache

from pipeline import PACKAGE_DIR
from pipeline.clean.script import SIMPLIFIED, simplified_reading, to_simplified
from pipeline.lang.zh import HAN_RANGES
from pipeline.lang.zh_regions import MAINLAND, MAINLAND_OFFICES, MAINLAND_OFFICES_SEEN_FROM
from pipeline.names.gazetteer import (
    is_known_base,
    place_english,
    split_suffix,
)
from pipeline.names.organisations import find_organisations
from pipeline.names.people import find_people, looks_like_name
from pipeline.names.places import find_places
from pipeline.names.romanise import CANTONESE, PINYIN, REGION_ROMANISATION, WADE_GILES, romanised_person
from pipeline.names.tokens import tokenise
from pipeline.records import CleanArticle, Name
from pipeline.region import article_region
from pipeline.text import GAP_MARK, Span, is_damaged, split_sentences
from pipeline.translate.glossary import BUILTIN_GLOSSARY, Glossary, read_glossary_file

PERSON, PLACE, ORGANISATION = "person", "place", "organisation"
# People and places of Hong Kong and Taiwan mostly write their names in other romanisations
# (Cantonese, Wade-Giles): Chan Tai-man, not Chen Dawen; Central and Western, not Zhongxi. Pinyin is
# then a reading, not the name's own English.
PINYIN_NOTE = "pinyin; Hong Kong and Taiwan names are often written in another romanisation"
# A name romanised by rule is a reading: people choose their own spelling (Carrie Lam, Ko Wen-je).
ROMANISATION_NOTES = {
    CANTONESE: "Hong Kong Government Cantonese romanisation by rule; the person's own spelling may differ",
    WADE_GILES: "Taiwan's Wade-Giles spelling by rule; the person's own spelling may differ",
}
GLOSSARY = "glossary"
# Well-known people's own spellings (officials of Hong Kong, Macau, Taiwan and the mainland), in the
# glossary's format: the user's glossary adds to it and wins over it.
KNOWN_PEOPLE = PACKAGE_DIR / "lang" / "zh_people.tsv"


# split_sentences ends a sentence at the … inside the gap mark "[…]", so the mark may straddle the
# end of a piece: a piece is damaged when the mark overlaps it.
_GAP_REACH = len(GAP_MARK) - 1


def _damaged(body: str, span: Span) -> bool:
    return is_damaged(body[max(0, span.start - _GAP_REACH) : span.end + _GAP_REACH])


def _first_sentence(clean: CleanArticle, sentences: list[Span], zh: str) -> str:
    """The first sentence holding ``zh`` that the clean stage did not have to cut (see is_damaged),
    else the title when it holds it."""
    whole = (span.text for span in sentences if zh in span.text and not _damaged(clean.text_zh, span))
    return next(whole, clean.metadata.title_zh if zh in clean.metadata.title_zh else "")


def _name(clean: CleanArticle, sentences: list[Span], zh: str, en: str, kind: str, method: str, **extra: str) -> Name:
    start = clean.text_zh.find(zh)
    mentions = clean.metadata.title_zh.count(zh) + clean.text_zh.count(zh)
    first = _first_sentence(clean, sentences, zh)
    return Name(zh, en, kind, method, mentions, first, start if start >= 0 else None, **extra)


def _people(clean: CleanArticle, found: list[str], taken: set[str]) -> dict[str, str]:
    """Person -> role ("reporter", "editor" or "" for one named in the text)."""
    roles = {zh: "" for zh in found if zh not in taken}
    roles.update({zh: "reporter" for zh in clean.metadata.authors})
    if clean.metadata.editor:
        roles[clean.metadata.editor] = "editor"
    return {zh: role for zh, role in roles.items() if looks_like_name(zh)}


def find_names(clean: CleanArticle, glossary: Glossary | None = None) -> list[Name]:
    """The people, places and organisations of an article, each once, in order of first mention
    (byline names not in the text last). ``glossary``: the built-in glossary by default."""
    text = clean.metadata.title_zh + "\n" + clean.text_zh
    tokens = tokenise(text)
    places = find_places(text, tokens)
    organisations = find_organisations(text, tokens, places, glossary or _builtin_glossary())
    note = PINYIN_NOTE if clean.source.script != SIMPLIFIED else ""
    taken = set(places) | {zh for zh, _, _ in organisations}
    sentences = split_sentences(clean.text_zh)
    region = article_region(clean)
    names: dict[str, Name] = {}
    for zh, role in _people(clean, find_people(text, tokens) + _known_people_in(text), taken).items():
        english, method = _person_english(zh, text, region, glossary or _builtin_glossary())
        # Pinyin in a placed Hong Kong or Taiwan story is a mainland official's own romanisation.
        person_note = (note if region not in REGION_ROMANISATION else "") if method == PINYIN else ROMANISATION_NOTES.get(method, "")
        names[zh] = _name(clean, sentences, zh, english, PERSON, method, role=role, note=person_note)
    for zh in places:
        english, method = place_english(zh)
        place_note = note if method == "pinyin" else ""
        names.setdefault(zh, _name(clean, sentences, zh, english, PLACE, method, note=place_note))
    for zh, en, method in organisations:
        names.setdefault(zh, _name(clean, sentences, zh, en, ORGANISATION, method))
    return sorted(names.values(), key=lambda name: (name.start is None, name.start or 0, -len(name.zh)))


@cache
def _builtin_glossary() -> Glossary:
    return Glossary(read_glossary_file(BUILTIN_GLOSSARY))


@cache
def _known_people() -> dict[str, str]:
    """KNOWN_PEOPLE keyed as written and in Simplified, as the cleaned text has names by default."""
    known = read_glossary_file(KNOWN_PEOPLE)
    return known | {to_simplified(zh): english for zh, english in known.items()}


# A known name this long is a person wherever it stands; a shorter one may be part of words
# (韩正式宣布 "South Korea officially announced", 连战连胜 "victory after victory").
_CONTEXT_FREE_LENGTH = 3


@cache
def _known_people_pattern() -> re.Pattern[str]:
    names = sorted((zh for zh in _known_people() if len(zh) >= _CONTEXT_FREE_LENGTH), key=len, reverse=True)
    return re.compile("|".join(map(re.escape, names)))


def _known_people_in(text: str) -> list[str]:
    """The well-known people named in ``text``, whatever stands around them."""
    return list(dict.fromkeys(_known_people_pattern().findall(text)))


# How far before a name its office may stand (中国外交部发言人汪文斌: the office, then a role), within
# its clause.
_OFFICE_REACH = 12
_CLAUSE_BREAK = re.compile("[，。；：！？,;:!?\n“”「」]")


def _mainland_official(text: str, zh: str, region: str) -> bool:
    """Whether ``zh`` is named after an office only the mainland's officials hold (MAINLAND_OFFICES)."""
    offices = MAINLAND_OFFICES + MAINLAND_OFFICES_SEEN_FROM.get(region, ())
    for match in re.finditer(re.escape(zh), text):
        before = _CLAUSE_BREAK.split(simplified_reading(text[max(0, match.start() - _OFFICE_REACH) : match.start()]))[-1]
        if any(office in before for office in offices):
            return True
    return False


def _person_english(zh: str, text: str, region: str, glossary: Glossary) -> tuple[str, str]:
    """(English, method) of a person: the glossary's entry, else the known own spelling, else the
    romanisation of the story's region (pinyin for a mainland official in any story)."""
    own = glossary.entries.get(zh) or _known_people().get(zh)
    if own:
        return own, GLOSSARY
    placed = region in REGION_ROMANISATION and not _mainland_official(text, zh, region)
    return romanised_person(zh, region if placed else MAINLAND)


# A dateline: the outlet, maybe a reporter, the place and the date, then 电 or 讯 (新华社北京11月5日电,
# 本报十堰11月5日讯, 中央社记者杨思瑞台南4日电). The Han run before the date ends with the place.
_DATELINE_DATE = re.compile(f"([{HAN_RANGES}]{{2,16}})(?:\\d{{1,2}}月)?\\d{{1,2}}日?[电讯]")
_DATELINE_LINES = 5
_DATELINE_REACH = 40


def _place_ending(run: str) -> str | None:
    """The longest known place that ``run`` ends with: 杨思瑞台南 -> 台南, 新华社北京 -> 北京."""
    return next((run[start:] for start in range(len(run) - 1) if is_known_base(split_suffix(run[start:])[0])), None)


def dateline_place(text: str) -> Name | None:
    """The place of the dateline that opens an article (give it the raw text: the clean stage takes
    datelines out of the body), when it names a place the gazetteer knows."""
    lines = [line.strip() for line in to_simplified(text).splitlines() if line.strip()]
    for line in lines[:_DATELINE_LINES]:
        match = _DATELINE_DATE.search(line[:_DATELINE_REACH])
        place = _place_ending(match.group(1)) if match else None
        if place:
            english, method = place_english(place)
            return Name(place, english, PLACE, method, 1, line, None, role="dateline")
    return None
