"""Pinyin annotations some sites print after characters: 現(xiàn)在 -> 現在, 北京（Běijīng）-> 北京."""

from __future__ import annotations

import re

from pipeline.lang.zh import HAN_RANGES

_TONE_MARKED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜĀÁǍÀĒÉĚÈŌÓǑÒ"
_HAS_TONE_MARK = re.compile(f"[{_TONE_MARKED}]")
# Latin words (one or a few, capitalised or not: 现(xiàn), 北京（Běijīng）, 李强（Lǐ Qiáng）,
# 饺子(jiǎo zi)) in half- or full-width parentheses right after a Han character. Only those with a
# tone mark are pinyin: (XR), (app), （WHO） and （Huawei） stay.
_LATIN_IN_PARENTHESES = re.compile(rf"(?<=[{HAN_RANGES}])[(（]([A-Za-zü{_TONE_MARKED}'’]+(?: [A-Za-zü{_TONE_MARKED}'’]+)*)[)）]")


def _unless_pinyin(match: re.Match) -> str:
    return "" if _HAS_TONE_MARK.search(match.group(1)) else match.group()


def remove_pinyin(text: str) -> str:
    return _LATIN_IN_PARENTHESES.sub(_unless_pinyin, text)
