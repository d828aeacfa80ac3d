"""The article as jieba tokens with their offsets and part-of-speech tags.

jieba.cut (with its HMM for words not in the dictionary, which is where new names come from) and
the tags of jieba.posseg's dictionary: a fifth of jieba.posseg's time (which runs a part-of-speech
HMM over every unknown stretch), for the same words. A word the dictionary does not hold is tagged
UNKNOWN."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)

# A word that jieba's dictionary counts this often is a common word, whatever its tag: 晋级 238,
# 沙龙 160, 金牌 943 (tagged as person names), 平台 and 管理 (before 公司); names it knows are
# listed with frequency 0 (梅琳, 李琼) or not at all (陈惠霞).
_WORD_FREQUENCY = 20


def is_word(text: str) -> bool:
    return jieba.dt.FREQ.get(text, 0) >= _WORD_FREQUENCY


def is_common_word(name: str) -> bool:
    """Whether a would-be name is a common word: frequent in the dictionary, unless the dictionary
    lists it as a person's full name (nrfg: 李强, 习近平) or it has three characters and a person
    tag (马英九, 杨元庆; its two-character person words are 沙龙, 晋级, 高峰)."""
    tag = jieba.posseg.dt.word_tag_tab.get(name)
    return is_word(name) and not (tag == "nrfg" or (tag == "nr" and len(name) >= 3))


@dataclass(frozen=True)
class Token:
    word: str
    flag: str  # jieba's part-of-speech tag: nr person, ns place, nt organisation... or UNKNOWN
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.word)


UNKNOWN = "unknown"


def tokenise(text: str) -> list[Token]:
    tags = jieba.posseg.dt.word_tag_tab
    tokens, offset = [], 0
    for word in jieba.cut(text):
        tokens.append(Token(word, tags.get(word, UNKNOWN), offset))
        offset += len(word)
    return tokens
