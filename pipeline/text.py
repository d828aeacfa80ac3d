"""Small text utilities shared by the stages."""

from __future__ import annotations

import re
from dataclasses import dataclass

from pipeline.lang.zh import CLOSING_MARKS, SENTENCE_END_MARKS

# A sentence ends at an end mark (or …… or ...), plus any closing quotes or brackets right after
# it, or at the end of a paragraph.
# The ellipsis of a gap mark ([…]) ends nothing: the sentence goes on after the gap.
_SENTENCE = re.compile(rf"[^\n]*?(?:[{SENTENCE_END_MARKS}]+|(?<!\[)…{{1,2}}(?!\])|\.{{3,6}})[{CLOSING_MARKS}]*|[^\n]+")


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



# Where the clean stage dropped unreadable text inside a sentence. The sentence is kept for readers
# with this visible gap, but it is not what the source said, so no summary, key-figure context or
# translation may quote it as whole.
GAP_MARK = "[…]"


def is_damaged(sentence: str) -> bool:
    return GAP_MARK in sentence
