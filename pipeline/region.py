"""Which Chinese-speaking region a story comes from (pipeline/lang/zh_regions.py): by the site's
domain (.hk, .tw, .mo, .cn, or a hk./tw. edition), else, for a story in Traditional script, by the
region its words place it in; the mainland otherwise. One decision for every stage that depends on
it: the currency of a bare 元 (facts.money) and the romanisation of people's names (names)."""

from __future__ import annotations

from urllib.parse import urlsplit

from pipeline.clean.script import simplified_reading
from pipeline.lang.zh_regions import MAINLAND, REGION_BY_DOMAIN, REGION_BY_EDITION, REGION_LEAD, REGION_MARKERS
from pipeline.records import CleanArticle

# Scripts of stories that may come from Hong Kong, Taiwan or Macau (records.Source.script).
_REGIONAL_SCRIPTS = frozenset({"traditional", "mixed"})


def _host(url: str) -> str:
    # A canonical URL written without its scheme (std.stheadline.com/daily/...) still names its host.
    return (urlsplit(url if "//" in url else f"//{url}").hostname or "").lower()


def story_region(url: str | None, script: str, text: str) -> str:
    """The region of a story at ``url`` written in ``script`` whose text is ``text`` (read in
    Simplified only when its words must decide)."""
    labels = _host(url).split(".") if url else []
    if labels and labels[-1] in REGION_BY_DOMAIN:
        return REGION_BY_DOMAIN[labels[-1]]
    if labels and labels[0] in REGION_BY_EDITION:
        return REGION_BY_EDITION[labels[0]]
    if script not in _REGIONAL_SCRIPTS:
        return MAINLAND
    simplified = simplified_reading(text)
    counts = {region: sum(simplified.count(word) for word in words) for region, words in REGION_MARKERS.items()}
    first, second = sorted(counts.values(), reverse=True)[:2]
    if first and first >= REGION_LEAD * second:
        return max(counts, key=lambda region: counts[region])
    return MAINLAND


def article_region(article: CleanArticle) -> str:
    """The region of a cleaned article, placed by its body as the facts stage reads it."""
    return story_region(article.metadata.url, article.source.script, article.text_zh)
