"""Punctuation and spacing in Chinese context: half-width marks next to Chinese become full-width,
spaces between Chinese characters go; ASCII marks inside numbers and Latin text stay (2,468.3, 10:33)."""

from __future__ import annotations

import re

from pipeline.lang.zh import CHINESE_TEXT_CHARS, HAN

_CHINESE = CHINESE_TEXT_CHARS
# One pattern per mark, so each substitution is a fixed string and runs without a Python callback.
_MARKS_NEXT_TO_CHINESE = [
    (re.compile(rf"(?<=[{_CHINESE}{full}]){re.escape(half)}|{re.escape(half)}(?=[{_CHINESE}{full}])"), full)
    for half, full in ((",", "，"), (";", "；"), (":", "："), ("?", "？"), ("!", "！"))
]
_PARENTHESES = re.compile(rf"(?<=([{_CHINESE}]))?\(([^()\n]{{0,60}})\)")
_SPACE_BETWEEN_CHINESE = re.compile(rf"(?<=[{_CHINESE}])[ \t\u3000]+(?=[{_CHINESE}])")


def _full_width_parentheses(match: re.Match) -> str:
    before, inside = match.group(1), match.group(2)
    if before or HAN.search(inside):
        return f"（{inside}）"
    return match.group()


def normalise_punctuation(text: str) -> str:
    # Hong Kong pages write the colon as the vertical presentation form ︰ (记者︰张三).
    text = text.replace("\ufe30", "：")
    for mark, full_width in _MARKS_NEXT_TO_CHINESE:
        text = mark.sub(full_width, text)
    return _PARENTHESES.sub(_full_width_parentheses, text)


def remove_spaces_between_chinese(text: str) -> str:
    return _SPACE_BETWEEN_CHINESE.sub("", text)
