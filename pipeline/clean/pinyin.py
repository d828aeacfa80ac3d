"""Pinyin annotations some sites print after characters: 現(xiàn)在 -> 現在."""

from __future__ import annotations

import re

from pipeline.lang.zh import HAN_RANGES

_TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
# A syllable of lowercase Latin letters with at least one tone mark, in half- or full-width
# parentheses right after a Han character. Requiring the tone mark keeps (XR), (app) and the like.
_ANNOTATION = re.compile(
    rf"(?<=[{HAN_RANGES}])[(（][a-zü{_TONE_MARKED}]*[{_TONE_MARKED}][a-zü{_TONE_MARKED}]*[)）]"
)


def remove_pinyin(text: str) -> str:
    return _ANNOTATION.sub("", text)
