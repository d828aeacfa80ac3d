"""Which currency an amount in 元 is in: the one named next to it (新台币4500亿元, 300元人民币),
else the one of the article's region. 元 is the yuan in mainland copy, but the Hong Kong dollar in
a Hong Kong paper and the New Taiwan dollar in a Taiwan one."""

from __future__ import annotations

from pipeline.lang.zh_money import CURRENCY_NAMES, REGION_CURRENCY
from pipeline.region import story_region

_NAMES_LONGEST_FIRST = sorted(CURRENCY_NAMES, key=len, reverse=True)
_NAME_REACH = max(map(len, CURRENCY_NAMES)) + 1  # and a space between the name and the number


def article_currency(url: str | None, script: str, text: str) -> str:
    """The canonical unit a bare 元 stands for in an article: the currency of its region
    (pipeline.region.story_region)."""
    return REGION_CURRENCY[story_region(url, script, text)]


def named_currency(text: str, start: int, end: int) -> tuple[str, int, int] | None:
    """(unit, start, end) when a currency is named just before ``text[start:end]`` or just after
    it, with the span widened to take the name in; None when none is."""
    before = text[max(0, start - _NAME_REACH) : start].rstrip()
    for name in _NAMES_LONGEST_FIRST:
        if before.endswith(name):
            return CURRENCY_NAMES[name], text.rindex(name, 0, start), end
    for name in _NAMES_LONGEST_FIRST:
        if text.startswith(name, end):
            return CURRENCY_NAMES[name], start, end + len(name)
    return None
