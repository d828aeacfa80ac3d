"""The text as lines, with the blank lines around each: page layout is a clue to what a line is."""

from __future__ import annotations

import re
from dataclasses import dataclass

# List bullets and Markdown heading marks (inputs may be .md) carry no text.
_MARKER = re.compile(r"^(?:(?P<bullet>[•·●○■□◆◇▪▶►\-*])|#{1,6})\s+")
_BODY_PUNCTUATION = re.compile(r"[，。；！？]")
# A Markdown table row, as extractors write table layout: | cell | cell |.
_TABLE_ROW = re.compile(r"^\|.*\|$")
_CELL_SEPARATOR = re.compile(r"(?<!\\)\|")
# A line of bullets, dashes or bars alone carries no text.
_MARKS_ONLY = re.compile(r"^[-–—*•·|\\]+$")
BODY_MIN_CHARS = 40


@dataclass(frozen=True)
class Line:
    text: str
    blanks_before: int
    blanks_after: int
    # A list item (it had a bullet): related-article lists are lists.
    is_item: bool = False


def _cells(line: str) -> list[str]:
    """A table row's cells, one per line: a layout table's cell holds a headline or a paragraph."""
    if not _TABLE_ROW.match(line):
        return [line]
    return [cell.strip(" \t\u3000") for cell in _CELL_SEPARATOR.split(line[1:-1])] or [""]


def _item(cell: str) -> tuple[str, bool]:
    """The cell's text without its bullet or heading mark, and whether it was a list item."""
    if _MARKS_ONLY.match(cell):
        return "", False
    marker = _MARKER.match(cell)
    if marker is None:
        return cell, False
    return cell[marker.end() :], marker.group("bullet") is not None


def split_lines(text: str) -> list[Line]:
    """Non-blank lines, stripped of indentation, list bullets and heading marks, table rows split into
    their cells, with their surrounding blank counts."""
    raw = [_item(cell) for line in text.split("\n") for cell in _cells(line.strip(" \t\u3000"))]
    lines: list[Line] = []
    blanks = 0
    for line, is_item in raw:
        if not line:
            blanks += 1
            continue
        if lines:
            lines[-1] = _with_blanks_after(lines[-1], blanks)
        lines.append(Line(line, blanks, 0, is_item))
        blanks = 0
    if lines:
        lines[-1] = _with_blanks_after(lines[-1], blanks)
    return lines


def _with_blanks_after(line: Line, blanks: int) -> Line:
    return Line(line.text, line.blanks_before, blanks, line.is_item)


def is_body_like(text: str) -> bool:
    """Long enough and punctuated like running text, unlike headlines, bylines and page furniture."""
    return len(text) >= BODY_MIN_CHARS and bool(_BODY_PUNCTUATION.search(text))
