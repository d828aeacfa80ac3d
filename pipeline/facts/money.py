"""Which currency an amount in 元 is in: the one named next to it (新台币4500亿元, 300元人民币),
else the one of the article's region. 元 is the yuan in mainland copy, but the Hong Kong dollar in
a Hong Kong paper and the New Taiwan dollar in a Taiwan one."""

from __future__ import annotations

from urllib.parse import urlsplit

from pipeline.lang.zh_money import (
    CURRENCY_BY_DOMAIN,
    CURRENCY_BY_EDITION,
    CURRENCY_NAMES,
    REGION_LEAD,
    REGION_MARKERS,
    YUAN,
)

_NAMES_LONGEST_FIRST = sorted(CURRENCY_NAMES, key=len, reverse=True)
_NAME_REACH = max(map(len, CURRENCY_NAMES)) + 1  # and a space between the name and the number
# Scripts of stories that may come from Hong Kong, Taiwan or Macau (records.Source.script).
_REGIONAL_SCRIPTS = frozenset({"traditional", "mixed"})


def _host(url: str) -> str:
    # A canonical URL written without its scheme (std.stheadline.com/daily/...) still names its host.
    return (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()


def article_currency(url: str | None, script: str, text: str) -> str:
    """The canonical unit a bare 元 stands for in an article: by the site's domain (.hk, .tw, .mo,
    .cn, or a hk./tw. edition), else, for a story in Traditional script, by the region its words
    place it in; yuan otherwise."""
    labels = _host(url).split(".") if url else []
    if labels and labels[-1] in CURRENCY_BY_DOMAIN:
        return CURRENCY_BY_DOMAIN[labels[-1]]
    if labels and labels[0] in CURRENCY_BY_EDITION:
        return CURRENCY_BY_EDITION[labels[0]]
    if script not in _REGIONAL_SCRIPTS:
        return YUAN
    counts = {currency: sum(text.count(word) for word in words) for currency, words in REGION_MARKERS.items()}
    first, second = sorted(counts.values(), reverse=True)[:2]
    if first and first >= REGION_LEAD * second:
        return max(counts, key=lambda currency: counts[currency])
    return YUAN


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
