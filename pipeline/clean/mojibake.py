"""Garbled spans (mojibake): text whose bytes were decoded with the wrong codec somewhere upstream.

A span is suspect when odd characters cluster: Han characters outside those real news is written in
(GB2312 with both its levels, so 媲 and 麒麟 are not odd; Big5 level 1; the Traditional forms of GB2312;
written Cantonese: 睇 啲 冇 嘅 咗 喺), kana, Hangul or private-use characters in Chinese text, ASCII ?/!
or a lone Latin letter wedged between Han characters, an unpaired 【 or 】. One odd character is normal
(a rare name); three or more within a few characters of each other are not. The commonest garbling, UTF-8 read
as GBK, is reversible: when re-encoding the span as GB18030 gives valid UTF-8 Chinese, it is repaired.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from pipeline.clean.script import to_traditional_variants
from pipeline.lang.zh import HAN_RANGES
from pipeline.lang.zh_clean import common_han, gb2312_han
from pipeline.text import GAP_MARK

_MIN_ODD = 3
_MAX_GAP = 3  # characters between two odd ones that still belong to one garbled span
_REPAIR_REACH = 3  # characters a repair may reach past the odd ones on each side

_HAN = HAN_RANGES
_ODD_NON_HAN = (
    r"[\u3040-\u30ff\uac00-\ud7af\u2500-\u257f\ue000-\uf8ff]"  # kana, Hangul, box drawing, private use
    rf"|(?<=[{_HAN}])[?!]+|[?!]+(?=[{_HAN}])"  # ASCII ?! glued to Han text
    rf"|(?<=[{_HAN}\ue000-\uf8ff])[A-Za-z](?=[{_HAN}])"  # a lone Latin letter inside Han text
    r"|[【】]"
)


# A run of Hangul or of kana alone is a word in Korean or Japanese (a language menu's 한국어, a
# sister site's フォーカス台湾), a run of box-drawing characters a drawing (a file tree, a table);
# garbling mixes them with Han or private-use characters.
_FOREIGN_WORD = re.compile(r"[\uac00-\ud7af]+|[\u3040-\u30ff]+|[\u2500-\u257f\s]+")


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
    common = "".join(sorted(common_han() | set(to_traditional_variants(gb2312_han()))))
    return re.compile(rf"{_ODD_NON_HAN}|(?![{common}])[{_HAN}]")


def _odd_positions(text: str) -> list[int]:
    positions: list[int] = []
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
    clusters: list[tuple[int, int]] = []
    start: int | None = None
    previous: int | None = None
    count = 0
    for position in [*positions, None]:
        if position is not None and previous is not None and position - previous <= _MAX_GAP + 1:
            previous, count = position, count + 1
            continue
        if start is not None and previous is not None and count >= _MIN_ODD:
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
        if _FOREIGN_WORD.fullmatch(text, start, end):
            continue
        repair = _repair(text, start, end)
        if repair:
            start, end, decoded = repair
            found.append(Garble(start, end, text[start:end], decoded))
        else:
            found.append(Garble(start, end, text[start:end], None))
    return found


def fix_garbles(text: str) -> tuple[str, list[str]]:
    """Repair reversible garbled spans, replace the others with the gap mark; one warning per span,
    with the span escaped (repr) because garbled text often holds invisible private-use characters.
    The gap stays visible: joining the text on both sides would make a sentence the source never had."""
    warnings = []
    pieces = []
    cursor = 0
    for garble in find_garbles(text):
        pieces.append(text[cursor : garble.start])
        if garble.repaired is not None:
            pieces.append(garble.repaired)
            warnings.append(f"repaired garbled text {garble.text!r} -> {garble.repaired!r}")
        else:
            pieces.append(GAP_MARK)
            warnings.append(f"dropped garbled text {garble.text!r}")
        cursor = garble.end
    pieces.append(text[cursor:])
    return "".join(pieces), warnings
