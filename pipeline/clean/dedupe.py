"""Repeated paragraphs: exact and near-exact copies, and fragments cut out of earlier paragraphs.

A paragraph goes when most of its character 4-grams already occur in the paragraphs kept before it.
That one rule covers a copy (all of them occur), a copy with a few characters changed, and a fragment
such as the tail of an earlier paragraph glued to a few stray characters. One exception: a short
paragraph quoted whole by a longer one that opens with the same words (a photo caption above the lead
paragraph it quotes) is the copy, so the longer one takes its place."""

from __future__ import annotations

import re
from dataclasses import dataclass

_SHINGLE = 4
_CONTAINED_SHARE = 0.6
# Below this many shingles the share is too coarse to judge; such short lines go only as exact copies.
_MIN_SHINGLES = 8
_IGNORED = re.compile(r"[\s，。、；：！？“”‘’（）《》【】—…,.;:!?()\"']")
_PREVIEW_CHARS = 24


def _shingles(text: str) -> set[str]:
    return {text[i : i + _SHINGLE] for i in range(len(text) - _SHINGLE + 1)}


def _preview(text: str) -> str:
    return text if len(text) <= _PREVIEW_CHARS else text[:_PREVIEW_CHARS] + "…"


@dataclass(frozen=True)
class _Kept:
    paragraph: str
    key: str
    shingles: set[str]


def _quoted_by(kept: list[_Kept], key: str, shingles: set[str]) -> _Kept | None:
    """The kept paragraph, shorter than ``key`` and opening with the same characters, that ``key``
    quotes almost whole, if any."""
    for earlier in kept:
        if len(earlier.key) >= len(key) or not key.startswith(earlier.key[:_SHINGLE]):
            continue
        if len(earlier.shingles) >= _MIN_SHINGLES and len(earlier.shingles & shingles) >= _CONTAINED_SHARE * len(
            earlier.shingles
        ):
            return earlier
    return None


def drop_repeats(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without repeats (the first occurrence stays), and one warning per dropped one."""
    kept: list[_Kept] = []
    warnings: list[str] = []
    seen_exact: set[str] = set()
    seen_shingles: set[str] = set()
    openings: set[str] = set()
    for paragraph in paragraphs:
        key = _IGNORED.sub("", paragraph)
        shingles = _shingles(key)
        if key in seen_exact:
            warnings.append(f"dropped repeated paragraph '{_preview(paragraph)}'")
            continue
        if len(shingles) >= _MIN_SHINGLES:
            overlap = len(shingles & seen_shingles)
            share = overlap / len(shingles)
            may_quote = overlap >= _MIN_SHINGLES and key[:_SHINGLE] in openings
            quoted = _quoted_by(kept, key, shingles) if may_quote else None
            if quoted is not None:
                kept.remove(quoted)
                warnings.append(f"dropped paragraph quoting a later, longer one '{_preview(quoted.paragraph)}'")
            elif share >= _CONTAINED_SHARE:
                warnings.append(f"dropped paragraph repeating earlier text ({share:.0%}) '{_preview(paragraph)}'")
                continue
        kept.append(_Kept(paragraph, key, shingles))
        seen_exact.add(key)
        seen_shingles |= shingles
        openings.add(key[:_SHINGLE])
    return [k.paragraph for k in kept], warnings
