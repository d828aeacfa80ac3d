"""The briefing as one HTML page for e-mail newsletters: what the Markdown briefing holds (title,
date range, the notice when there is no model English, contents, then per article the headline,
dateline, summary, key figures with their Chinese source sentences, programmes, people and places,
source and untranslated notices), laid out with tables and
inline styles, the only styling e-mail clients keep."""

from __future__ import annotations

from pipeline.formats.base import OutputFormat, Record
from pipeline.formats.html import (
    article_href,
    batch_overview,
    dateline_place,
    environment,
    published_base,
    publisher,
    source_url,
)
from pipeline.render import (
    BRIEFING_TITLE,
    briefing_order,
    english_date,
    outlet,
    rule_english_notices,
    story_overview,
)
from pipeline.stories.views import StoryView, story_views

NEWSLETTER_NAME = "briefing.html"

_FONT = "font-family: Arial, Helvetica, 'Noto Sans CJK SC', 'PingFang SC', 'Microsoft YaHei', sans-serif;"
# Colours keep at least 4.5:1 contrast on white.
STYLES = {
    "body": f"margin: 0; padding: 0; background: #f2f2f2; color: #1b1b1b; {_FONT}",
    "outer": "background: #f2f2f2;",
    "inner": "max-width: 600px; width: 100%; background: #ffffff; border-collapse: collapse;",
    "cell": "padding: 24px 24px 8px;",
    "article": "padding: 8px 24px 16px; border-top: 1px solid #d0d0d0;",
    "h1": f"margin: 0 0 8px; font-size: 26px; line-height: 1.25; color: #1b1b1b; {_FONT}",
    "h2": f"margin: 16px 0 6px; font-size: 20px; line-height: 1.3; color: #1b1b1b; {_FONT}",
    "p": f"margin: 0 0 12px; font-size: 16px; line-height: 1.55; {_FONT}",
    "meta": f"margin: 0 0 12px; font-size: 14px; line-height: 1.4; color: #4a4a4a; {_FONT}",
    "label": f"margin: 12px 0 4px; font-size: 16px; font-weight: bold; {_FONT}",
    "list": f"margin: 0 0 12px; padding-left: 22px; font-size: 16px; line-height: 1.5; {_FONT}",
    "item": "margin: 0 0 6px;",
    "source": f"font-size: 13px; line-height: 1.4; color: #4a4a4a; {_FONT}",
    "mark": "color: #4a4a4a;",
    "link": "color: #0b4fa8; text-decoration: underline;",
    "differs": "padding: 6px 10px; background: #fff4d6; border-left: 4px solid #8a5a00;",
    "notice": f"margin: 0 0 12px; padding: 8px 12px; font-size: 14px; background: #fff4d6; border-left: 4px solid #8a5a00; {_FONT}",
}


class NewsletterFormat(OutputFormat):
    """`briefing.html`. ``base_url`` is where the review pages are published; with it each headline
    links to its review page, without it (the default "") there are no links an e-mail could not follow."""

    batch_names = (NEWSLETTER_NAME,)

    def __init__(self, base_url: str = "", group: str = "article"):
        super().__init__(published_base(base_url), group)

    def render_batch(self, records: list[Record]) -> dict[str, str]:
        ordered = briefing_order(records)
        if self.by_story:
            stories = story_views(ordered)
            entries = [self._entry(number, story.lead, story) for number, story in enumerate(stories, start=1)]
            overview = story_overview(stories, ordered)
        else:
            entries = [self._entry(number, record) for number, record in enumerate(ordered, start=1)]
            overview = batch_overview(ordered)
        page = environment.get_template("newsletter.html").render(
            title=BRIEFING_TITLE,
            overview=overview,
            notices=rule_english_notices(ordered),
            checks=[entry for entry in entries if entry["story"] and entry["story"].warnings],
            entries=entries,
            s=STYLES,
        )
        return {NEWSLETTER_NAME: page}

    def _entry(self, number: int, record: Record, story: StoryView | None = None) -> dict:
        """What the newsletter says of one article, or of a story led by it; links to review pages
        only with a base URL."""
        others = [
            {"outlet": outlet(other), "date": other["metadata"]["date"], "href": self.base_url + article_href(other) if self.base_url else None}
            for other in (story.others if story else [])
        ]
        return {
            "record": record,
            "story": story,
            "others": others,
            "anchor": f"{'story' if story else 'article'}-{number}",
            "dateline": [part for part in (publisher(record), dateline_place(record), english_date(record["metadata"]["date"])) if part],
            "review_url": self.base_url + article_href(record) if self.base_url else None,
            "source_url": source_url(record),
        }
