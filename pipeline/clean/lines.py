"""The text as lines, with the blank lines around each: page layout is a clue to what a line is."""

from __future__ import annotations

import re
from dataclasses import dataclass

# List bullets and Markdown heading marks (inputs may be .md) carry no text.
_BULLET = re.compile(r"^(?:[•·●○■□◆◇▪▶►\-*]|#{1,6})\s+")
_BODY_PUNCTUATION = re.compile(r"[，。；！？]")
BODY_MIN_CHARS = 40


@dataclass(frozen=True)
class Line:
    text: str
    blanks_before: int
    blanks_after: int


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped of indentation and list bullets, with their surrounding blank counts."""
    raw = [_BULLET.sub("", line.strip(" \t\u3000")) for line in text.split("\n")]
    lines = []
    blanks = 0
    for line in raw:
        if not line:
            blanks += 1
            continue
        if lines:
            lines[-1] = Line(lines[-1].text, lines[-1].blanks_before, blanks)
        lines.append(Line(line, blanks, 0))
        blanks = 0
    if lines:
        lines[-1] = Line(lines[-1].text, lines[-1].blanks_before, blanks)
    return lines


def is_body_like(text: str) -> bool:
    """Long enough and punctuated like running text, unlike headlines, bylines and page furniture."""
    return len(text) >= BODY_MIN_CHARS and bool(_BODY_PUNCTUATION.search(text))
