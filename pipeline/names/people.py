"""People named in an article: reporters from the bylines, and in the text a name written after a
title or role (班长梅琳, 常务副主席陈惠霞) or before a verb of speech (高磊说). A segmenter's
person tag alone is not enough: jieba tags 比武, 晋级 and 荣耀 as person names too."""

from __future__ import annotations

import re

from pipeline.lang.zh import HAN
from pipeline.lang.zh_names import (
    COMPOUND_SURNAMES,
    FORMS_OF_ADDRESS,
    LIST_MARK,
    NAME_FOLLOWERS,
    NOT_IN_GIVEN_NAMES,
    PLAIN_NOUN_TITLES,
    SPEECH_AFTER_NAMES,
    SURNAMES,
    TITLES_BEFORE_NAMES,
    has_double_surname,
)
from pipeline.names.gazetteer import is_known_base
from pipeline.names.tokens import UNKNOWN, Token, is_common_word

# A word the dictionary does not know may be a new name (陈惠霞, 刘太钟); the context decides.
_PERSON_TAGS = ("nr", "nrfg", "nrt", UNKNOWN)
# Adverbs, pronouns, prepositions, conjunctions and particles: a surname character the segmenter
# tags so is being used as that word.
_FUNCTION_TAGS = ("d", "r", "p", "c", "u")
# How many names in a row make a list of people.
_LIST_LENGTH = 3


def looks_like_name(text: str) -> bool:
    """Two or three Han characters opening with a surname (four with a compound surname, or with two
    surnames as married Hong Kong women write them: 叶刘淑仪)."""
    # 凌燕表示 is 凌燕 and a verb, not two surnames and a given name 表示.
    double = has_double_surname(text) and not text[2:].startswith((*NAME_FOLLOWERS, *TITLES_BEFORE_NAMES))
    compound = text[:2] in COMPOUND_SURNAMES or double
    longest = 4 if compound else 3
    given = text[2:] if compound else text[1:]
    return (
        2 <= len(text) <= longest
        and all(HAN.match(char) for char in text)
        and (compound or text[0] in SURNAMES)
        and bool(given)
        and given not in FORMS_OF_ADDRESS
        and not set(given) & NOT_IN_GIVEN_NAMES
    )


def _closes(text: str, end: int) -> bool:
    """Whether a name ending at ``end`` is closed: by the end, punctuation, or a word such as 说, 的, 和."""
    return end >= len(text) or not HAN.match(text[end]) or text.startswith(NAME_FOLLOWERS, end)


def _closed_name_at(text: str, start: int) -> str | None:
    """The longest name at ``start`` that a boundary closes."""
    names = (text[start : start + length] for length in (4, 3, 2))
    return next((name for name in names if looks_like_name(name) and _closes(text, start + len(name))), None)


def _candidate(text: str, token: Token) -> tuple[str, bool] | None:
    """The name opening at ``token`` and whether a boundary closes it: the longest name that one
    closes, wherever the segmenter cut (陈/惠霞 表示, 黄美慧以 其, 刘兴/武说), else the token itself when
    the segmenter tagged it as a person or does not know it (班长梅琳激动不已)."""
    if len(token.word) > 1 and token.flag not in _PERSON_TAGS:
        return None  # a name does not open with a word the dictionary knows as no name (权益/摆, 高工)
    if token.flag in _FUNCTION_TAGS:
        return None  # 曾 and 任 standing alone as "once" and "serve as": 议员曾建议, 艺人任嘉宾
    name = _closed_name_at(text, token.start)
    if name:
        return name, True
    if token.flag in _PERSON_TAGS and looks_like_name(token.word):
        return token.word, _closes(text, token.end)
    return None


def _titled(text: str, start: int, closed: bool) -> bool:
    return text.endswith(TITLES_BEFORE_NAMES, 0, start) and (
        closed or not text.endswith(PLAIN_NOUN_TITLES, 0, start)
    )


def _titled_after(text: str, end: int) -> bool:
    """A title right after a name (习近平总书记, 陈肇始局长); not a plain noun (李家工人)."""
    return text.startswith(TITLES_BEFORE_NAMES, end) and not text.startswith(PLAIN_NOUN_TITLES, end)


def _full_name(name: str) -> bool:
    """A name that a title after it vouches for: three characters or more (two are mostly an
    office's short name: 卫福部长 is the minister of 卫福部) and not a place (金昌市长)."""
    return len(name) >= 3 and not is_known_base(name)


def _speaks(text: str, end: int) -> bool:
    return text.startswith(SPEECH_AFTER_NAMES, end)


def _opens_clause(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its clause: after punctuation or 的, not after 8 (8成民众认为)."""
    before = text[start - 1] if start else ""
    return not before or before == "的" or not (HAN.match(before) or before.isalnum())


def find_people(text: str, tokens: list[Token]) -> list[str]:
    """Names of people in ``text`` (of which ``tokens`` are the segmentation), in order of first
    finding."""
    found: dict[str, None] = {}
    for token in tokens:
        candidate = _candidate(text, token) if HAN.match(token.word[0]) else None
        if candidate is None or is_common_word(candidate[0]):
            continue
        name, closed = candidate
        end = token.start + len(name)
        known_person = token.flag in ("nr", "nrfg") and name == token.word
        if (
            _titled(text, token.start, closed)
            or (_speaks(text, end) and _opens_clause(text, token.start))
            or (_titled_after(text, end) and _full_name(name) and (known_person or _opens_clause(text, token.start)))
        ):
            found.setdefault(name)
    for name in list(found):
        for listed_after in _listed_after(text, name):
            found.setdefault(listed_after)
    for name in _name_lists(tokens):
        found.setdefault(name)
    # 刘淑仪 is the end of 叶刘淑仪, not another person.
    return [name for name in found if not any(has_double_surname(other) and other[1:] == name for other in found)]


def _is_person_token(token: Token) -> bool:
    return token.flag in _PERSON_TAGS and looks_like_name(token.word) and not is_common_word(token.word)


def _name_lists(tokens: list[Token]) -> list[str]:
    """Lists of three or more names the segmenter tagged as people or does not know, 、 between
    them (李干杰、何立峰、吴政隆、穆虹出席): officials are listed so."""
    names: list[str] = []
    run: list[Token] = []
    for token in [*tokens, Token("", "", -1)]:  # the empty token ends the last run
        if token.word == LIST_MARK:
            continue
        person = _is_person_token(token) and not is_known_base(token.word)
        if person and (not run or run[-1].end + len(LIST_MARK) == token.start):
            run.append(token)
            continue
        if len(run) >= _LIST_LENGTH:
            names.extend(item.word for item in run)
        run = [token] if person else []
    return names


def _listed_after(text: str, name: str) -> list[str]:
    """Names listed after ``name``, 、 between them: 记者施晓光、吴亮仪、陈慧萍."""
    listed = []
    for position in (match.end() for match in re.finditer(re.escape(name), text)):
        while text.startswith(LIST_MARK, position):
            position += len(LIST_MARK)
            following = _closed_name_at(text, position)
            if following is None or is_common_word(following):
                break
            listed.append(following)
            position += len(following)
    return listed
