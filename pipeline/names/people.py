"""People named in an article: reporters from the bylines, and in the text a name written after a
title or role (班长梅琳, 常务副主席陈惠霞) or before a verb of speech (高磊说). A segmenter's
person tag alone is not enough: jieba tags 比武, 晋级 and 荣耀 as person names too."""

from __future__ import annotations

from pipeline.lang.zh import HAN
from pipeline.lang.zh_names import (
    COMPOUND_SURNAMES,
    FORMS_OF_ADDRESS,
    NAME_FOLLOWERS,
    NOT_IN_GIVEN_NAMES,
    PLAIN_NOUN_TITLES,
    SPEECH_AFTER_NAMES,
    SURNAMES,
    TITLES_BEFORE_NAMES,
)
from pipeline.names.tokens import Token, is_word

_PERSON_TAGS = ("nr", "nrfg", "nrt")
_MAX_TOKENS = 3


def looks_like_name(text: str) -> bool:
    """Two or three Han characters opening with a surname (four with a compound surname)."""
    compound = text[:2] in COMPOUND_SURNAMES
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


def _closed(tokens: list[Token], after: int) -> bool:
    """Whether a name ends before token ``after``: punctuation, the end, or a word such as 说, 的, 和."""
    return after >= len(tokens) or not HAN.match(tokens[after].word[0]) or tokens[after].word in NAME_FOLLOWERS


def _cut_short(tokens: list[Token], index: int) -> bool:
    """Whether the segmenter left the last character of a three-character name as a word of its
    own (张秀/鸳，, 王文/萱／)."""
    if len(tokens[index].word) != 2 or index + 1 >= len(tokens):
        return False
    following = tokens[index + 1].word
    return (
        len(following) == 1
        and HAN.match(following) is not None
        and following not in NAME_FOLLOWERS
        and _closed(tokens, index + 2)
        and looks_like_name(tokens[index].word + following)
    )


def _candidate(tokens: list[Token], index: int) -> tuple[str, int, bool] | None:
    """The name opening at token ``index``, the index of the token after it, and whether a boundary
    closes it: one token the segmenter tagged as a person, or a name it split (王/文山) that a
    boundary then closes."""
    first = tokens[index]
    if first.flag in _PERSON_TAGS and looks_like_name(first.word):
        if _cut_short(tokens, index):
            return first.word + tokens[index + 1].word, index + 2, True
        return first.word, index + 1, _closed(tokens, index + 1)
    text = ""
    for end in range(index, min(index + _MAX_TOKENS, len(tokens))):
        text += tokens[end].word
        if end > index and looks_like_name(text) and _closed(tokens, end + 1):
            return text, end + 1, True
    return None


def _titled(text: str, start: int, closed: bool) -> bool:
    return text.endswith(TITLES_BEFORE_NAMES, 0, start) and (
        closed or not text.endswith(PLAIN_NOUN_TITLES, 0, start)
    )


def _speaks(tokens: list[Token], after: int) -> bool:
    return after < len(tokens) and tokens[after].word in SPEECH_AFTER_NAMES


def _opens_clause(text: str, start: int) -> bool:
    """Whether a name at ``start`` opens its clause: after punctuation or 的, not after 8 (8成民众认为)."""
    before = text[start - 1] if start else ""
    return not before or before == "的" or not (HAN.match(before) or before.isalnum())


def find_people(text: str, tokens: list[Token]) -> list[str]:
    """Names of people in ``text`` (of which ``tokens`` are the segmentation), in order of first
    finding."""
    found: dict[str, None] = {}
    for index, token in enumerate(tokens):
        if not HAN.match(token.word[0]):
            continue
        candidate = _candidate(tokens, index)
        if candidate is None:
            continue
        name, after, closed = candidate
        if is_word(name):
            continue
        if _titled(text, token.start, closed) or (_speaks(tokens, after) and _opens_clause(text, token.start)):
            found.setdefault(name)
    return list(found)
