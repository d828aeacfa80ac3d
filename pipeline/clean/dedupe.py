"""Repeated paragraphs: exact and near-exact copies, and fragments cut out of earlier paragraphs.

A paragraph goes when most of its character 4-grams already occur in the paragraphs kept before it.
That one rule covers a copy (all of them occur), a copy with a few characters changed, and a fragment
such as the tail of an earlier paragraph glued to a few stray characters."""

from __future__ import annotations

import re

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


def drop_repeats(paragraphs: list[str]) -> tuple[list[str], list[str]]:
    """The paragraphs without repeats (the first occurrence stays), and one warning per dropped one."""
    kept, warnings = [], []
    seen_exact: set[str] = set()
    seen_shingles: set[str] = set()
    for paragraph in paragraphs:
        key = _IGNORED.sub("", paragraph)
        shingles = _shingles(key)
        if key in seen_exact:
            warnings.append(f"dropped repeated paragraph '{_preview(paragraph)}'")
            continue
        if len(shingles) >= _MIN_SHINGLES:
            share = len(shingles & seen_shingles) / len(shingles)
            if share >= _CONTAINED_SHARE:
                warnings.append(f"dropped paragraph repeating earlier text ({share:.0%}) '{_preview(paragraph)}'")
                continue
        kept.append(paragraph)
        seen_exact.add(key)
        seen_shingles |= shingles
    return kept, warnings
