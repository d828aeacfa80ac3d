"""The article as jieba.posseg tokens with their offsets."""

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


@dataclass(frozen=True)
class Token:
    word: str
    flag: str  # jieba's part-of-speech tag: nr person, ns place, nt organisation, x punctuation...
    start: int

    @property
    def end(self) -> int:
        return self.start + len(self.word)


def tokenise(text: str) -> list[Token]:
    tokens, offset = [], 0
    for pair in jieba.posseg.cut(text):
        tokens.append(Token(pair.word, pair.flag, offset))
        offset += len(pair.word)
    return tokens
