"""Garbled spans (mojibake): text whose bytes were decoded with the wrong codec somewhere upstream.

A span is suspect when odd characters cluster: characters outside the 3,755 common Chinese characters
(GB2312 level 1, plus their Traditional forms), kana or private-use characters in Chinese text,
ASCII ?/! or a lone Latin letter
wedged between Han characters, an unpaired 【 or 】. One odd character is normal (a rare name such as
张翀); three or more within a few characters of each other are not. The commonest garbling, UTF-8 read
as GBK, is reversible: when re-encoding the span as GB18030 gives valid UTF-8 Chinese, it is repaired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.clean.script import to_traditional_variants

_MIN_ODD = 3
_MAX_GAP = 3  # characters between two odd ones that still belong to one garbled span
_REPAIR_REACH = 3  # characters a repair may reach past the odd ones on each side

_HAN = r"\u3400-\u9fff"
_ODD_NON_HAN = (
    r"[\u3040-\u30ff\uac00-\ud7af\u2500-\u257f\ue000-\uf8ff]"  # kana, Hangul, box drawing, private use
    rf"|(?<=[{_HAN}])[?!]+|[?!]+(?=[{_HAN}])"  # ASCII ?! glued to Han text
    rf"|(?<=[{_HAN}\ue000-\uf8ff])[A-Za-z](?=[{_HAN}])"  # a lone Latin letter inside Han text
    r"|[【】]"
)


@dataclass(frozen=True)
class Garble:
    start: int
    end: int
    text: str
    repaired: str | None


@cache
def _odd_pattern() -> re.Pattern:
    """Odd characters, rare Han ones included: a regex class of the common characters keeps the scan
    in C, where a per-character set lookup in Python would be the slowest part of cleaning."""
    level_one = bytes(b for row in range(0xB0, 0xD8) for cell in range(0xA1, 0xFF) for b in (row, cell))
    simplified = level_one.decode("gb2312", errors="ignore")
    common = "".join(sorted(set(simplified) | set(to_traditional_variants(simplified))))
    return re.compile(rf"{_ODD_NON_HAN}|(?![{common}])[{_HAN}]")


def _odd_positions(text: str) -> list[int]:
    positions = []
    for match in _odd_pattern().finditer(text):
        if match.group() in "【】" and _bracket_paired(text, match.start()):
            continue
        positions.extend(range(match.start(), match.end()))
    return positions


def _bracket_paired(text: str, index: int) -> bool:
    if text[index] == "【":
        return text.find("】", index, index + 40) != -1
    return text.rfind("【", max(0, index - 40), index) != -1


def _clusters(positions: list[int]) -> list[tuple[int, int]]:
    clusters = []
    start = previous = None
    count = 0
    for position in positions + [None]:
        if position is not None and previous is not None and position - previous <= _MAX_GAP + 1:
            previous, count = position, count + 1
            continue
        if start is not None and count >= _MIN_ODD:
            clusters.append((start, previous + 1))
        start = previous = position
        count = 1
    return clusters


def _repair(text: str, start: int, end: int) -> tuple[int, int, str] | None:
    """The widest span around [start, end) whose GB18030 bytes are valid UTF-8 Chinese, decoded."""
    for reach in range(_REPAIR_REACH, -1, -1):
        for left in range(max(0, start - reach), start + 1):
            right = min(len(text), end + reach)
            try:
                decoded = text[left:right].encode("gb18030").decode("utf-8")
            except UnicodeError:
                continue
            if re.search(rf"[{_HAN}]", decoded):
                return left, right, decoded
    return None


def find_garbles(text: str) -> list[Garble]:
    found = []
    for start, end in _clusters(_odd_positions(text)):
        repair = _repair(text, start, end)
        if repair:
            start, end, decoded = repair
            found.append(Garble(start, end, text[start:end], decoded))
        else:
            found.append(Garble(start, end, text[start:end], None))
    return found


def fix_garbles(text: str) -> tuple[str, list[str]]:
    """Repair reversible garbled spans, drop the others; one warning per span, with the span escaped
    (repr) because garbled text often holds invisible private-use characters."""
    warnings = []
    pieces = []
    cursor = 0
    for garble in find_garbles(text):
        pieces.append(text[cursor : garble.start])
        if garble.repaired is not None:
            pieces.append(garble.repaired)
            warnings.append(f"repaired garbled text {garble.text!r} -> {garble.repaired!r}")
        else:
            warnings.append(f"dropped garbled text {garble.text!r}")
        cursor = garble.end
    pieces.append(text[cursor:])
    return "".join(pieces), warnings
