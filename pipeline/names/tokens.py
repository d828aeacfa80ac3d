"""The article as jieba.posseg tokens with their offsets."""

from __future__ import annotations

import logging
from dataclasses import dataclass

import jieba
import jieba.posseg

jieba.setLogLevel(logging.WARNING)


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
