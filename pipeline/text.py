"""Small text utilities shared by the stages."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A Chinese (Han) character: the unified block, extension A and the compatibility ideographs.
HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")

# A sentence ends at 。！？； (or their ASCII forms, or …… ), plus any closing quotes or brackets
# right after it, or at the end of a paragraph.
_SENTENCE = re.compile(r"[^\n]*?(?:[。！？；!?;]+|…{1,2}|\.{3,6})[”’」』）)】]*|[^\n]+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Span]:
    """Sentences of ``text`` with their offsets; blank stretches are skipped."""
    spans = []
    for match in _SENTENCE.finditer(text):
        sentence = match.group()
        stripped = sentence.strip()
        if not stripped:
            continue
        start = match.start() + (len(sentence) - len(sentence.lstrip()))
        spans.append(Span(start, start + len(stripped), stripped))
    return spans

