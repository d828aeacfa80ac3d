"""Which Chinese script a text is written in, and conversion to Simplified with OpenCC.

OpenCC config: ``t2s`` (see docs/guide/ingest-clean.md, "OpenCC configuration"). Of t2s/tw2s/hk2s (OpenCC 1.4.2) it is the
one that never damages a word: tw2s turns 著 into 着 character by character wherever its phrase list
has no entry, so Simplified 显著 becomes 显着 and 土著, 卓著, 编著 become 土着, 卓着, 编着; t2s only
leaves the particle in 看著 unconverted, which a reader still understands.
"""

from __future__ import annotations

import re
from functools import cache

import opencc

from pipeline.lang.zh import HAN
from pipeline.lang.zh_clean import double_byte_characters

SIMPLIFIED = "simplified"
TRADITIONAL = "traditional"
MIXED = "mixed"

# Share of script-specific characters below which a text still counts as written in one script:
# a Simplified article may quote a Traditional name, and characters such as 著 or 乾 are shared.
_MINORITY_SHARE = 0.1


@cache
def _converter(config: str) -> opencc.OpenCC:
    return opencc.OpenCC(config)


def to_simplified(text: str) -> str:
    return _converter("t2s").convert(text)


def simplified_reading(text: str) -> str:
    """``text`` in Simplified characters, character for character, for patterns written in Simplified
    (35萬1000元 read as 35万1000元) to match at the same offsets; ``text`` itself when the conversion
    would change its length (a phrase conversion), which no real page did."""
    simplified = to_simplified(text)
    return simplified if len(simplified) == len(text) else text


def _double_byte_characters(codec: str, leads: range, trails: list[int]) -> set[str]:
    return {char for char in double_byte_characters(codec, leads, trails) if HAN.match(char)}


@cache
def _script_only_patterns() -> tuple[re.Pattern, re.Pattern]:
    """Characters only Simplified writing uses (in GB2312, not in Big5: 发 产 这) and characters only
    Traditional writing uses (in Big5, not in GB2312: 發 產 這). Shared ones (著 乾 后 里) count for neither."""
    gb2312 = _double_byte_characters("gb2312", range(0xB0, 0xF8), list(range(0xA1, 0xFF)))
    big5 = _double_byte_characters("cp950", range(0xA4, 0xFA), list(range(0x40, 0x7F)) + list(range(0xA1, 0xFF)))
    simplified_only, traditional_only = (re.compile(f"[{''.join(sorted(only))}]") for only in (gb2312 - big5, big5 - gb2312))
    return simplified_only, traditional_only


def detect_script(text: str) -> str:
    """"simplified", "traditional" or "mixed", from the characters only one of the scripts uses."""
    simplified_only, traditional_only = _script_only_patterns()
    simplified = len(simplified_only.findall(text))
    traditional = len(traditional_only.findall(text))
    total = traditional + simplified
    if traditional <= _MINORITY_SHARE * total:
        return SIMPLIFIED
    if simplified <= _MINORITY_SHARE * total:
        return TRADITIONAL
    return MIXED


def to_traditional_variants(text: str) -> str:
    """``text`` in the Traditional forms used in Taiwan, Hong Kong and by OpenCC's standard, joined."""
    return "".join(_converter(config).convert(text) for config in ("s2t", "s2tw", "s2hk"))
