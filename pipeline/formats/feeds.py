"""Feeds of the briefing, so that newsletters and readers pick briefings up by themselves: Atom and
RSS 2.0 made by feedgen, and JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/), which is plain
JSON.

Each item's id is made of the article's id and the sha256 of its input, so it stays the same on every
re-run and changes only when the source does. Dates are the publication dates; an undated article
takes the newest date of the batch as its Atom `updated` (Atom requires one), never the clock, so
the same records always give the same feeds."""

from __future__ import annotations

import datetime
import hashlib
import json
import re
from typing import Any
from urllib.parse import quote

from feedgen.feed import FeedGenerator

from pipeline.formats.base import OutputFormat, Record
from pipeline.formats.html import (
    INDEX_NAME,
    article_href,
    environment,
    published_base,
    publisher,
    source_url,
    story_entry,
    story_href,
)
from pipeline.render import (
    BRIEFING_TITLE,
    briefing_order,
    figure_clause,
    heading,
    marked_untranslated,
)
from pipeline.stories.views import StoryView, story_views

ATOM_NAME = "atom.xml"
RSS_NAME = "rss.xml"
JSON_FEED_NAME = "feed.json"
JSON_FEED_VERSION = "https://jsonfeed.org/version/1.1"
FEED_DESCRIPTION = "English digests of Chinese news articles"
# When no article is dated there is no date to give: the feed says the epoch rather than the clock.
NO_DATE = datetime.datetime(1970, 1, 1, tzinfo=datetime.UTC)
# Characters XML 1.0 cannot hold at all (C0 controls other than tab, newline and return; lone
# surrogates; U+FFFE and U+FFFF): a garbled input must not make the whole feed unwritable.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _xml_text(text: str) -> str:
    return _NOT_XML.sub("\ufffd", text)


def item_id(record: Record) -> str:
    """urn:digest:<id>:<sha256 of the input>, the id percent-encoded as a URN needs."""
    return f"urn:digest:{quote(record['id'], safe='')}:{record['source']['sha256']}"


def story_item_id(story: StoryView) -> str:
    """urn:digest:story:<story id>:<sha256 of its articles' inputs>: it changes when an article
    joins the story, so that readers show the story again."""
    inputs = hashlib.sha256(" ".join(sorted(record["source"]["sha256"] for record in story.records)).encode()).hexdigest()
    return f"urn:digest:story:{quote(story.id, safe='')}:{inputs}"


def _latest(story: StoryView) -> datetime.datetime:
    """When a story last moved: its newest article's date (the lead's date when none is dated later)."""
    return max((date for date in map(_published, story.records) if date), default=_published(story.lead) or NO_DATE)


def _published(record: Record) -> datetime.datetime | None:
    date = record["metadata"]["date"]
    return datetime.datetime.fromisoformat(date).replace(tzinfo=datetime.UTC) if date else None


def _summary(record: Record) -> str:
    if record["summary_en"]:
        return record["summary_en"]
    return marked_untranslated(record["summary_zh"], record)


class FeedsFormat(OutputFormat):
    """`atom.xml`, `rss.xml` and `feed.json` for the batch. ``base_url`` is where the output folder
    is published (https://example.org/briefings/2024-11/); "" leaves links relative to the feed
    file, which feed readers resolve against the feed's own address."""

    batch_names = (ATOM_NAME, RSS_NAME, JSON_FEED_NAME)

    def __init__(self, base_url: str = "", group: str = "article"):
        super().__init__(published_base(base_url), group)

    def _link(self, relative: str) -> str:
        return self.base_url + relative

    def _content(self, record: Record, story: StoryView | None) -> str:
        figures = [{"figure": figure, "clause_zh": figure_clause(figure) if not figure["context_en"] else ""} for figure in record["key_figures"]]
        return environment.get_template("feed_content.html").render(
            record=record,
            summary=_summary(record),
            figures=figures,
            story=story_entry(story, self.base_url) if story and story.others else None,
            review_url=self._link(article_href(record)),
            source_url=source_url(record),
        )

    def _items(self, records: list[Record]) -> list[dict]:
        """What every feed says of each article, or of each story led by an article, in briefing order."""
        ordered = briefing_order(records)
        newest = next((_published(record) for record in ordered if _published(record)), NO_DATE)
        leads: list[tuple[Record, StoryView | None]] = (
            [(story.lead, story) for story in story_views(ordered)] if self.by_story else [(record, None) for record in ordered]
        )
        return [
            {
                "id": story_item_id(story) if story and story.others else item_id(record),
                "title": heading(record),
                "url": self._link(story_href(story.id) if story and story.others else article_href(record)),
                "source_url": source_url(record),
                "published": _published(record),
                "updated": _latest(story) if story and story.others else _published(record) or newest,
                "summary": _summary(record),
                "content": self._content(record, story),
                "author": publisher(record),
            }
            for record, story in leads
        ]

    def render_batch(self, records: list[Record]) -> dict[str, str]:
        items = self._items(records)
        updated = max((item["updated"] for item in items), default=NO_DATE)
        return {
            ATOM_NAME: self._syndication(items, updated).atom_str(pretty=True).decode("utf-8"),
            RSS_NAME: self._syndication(items, updated).rss_str(pretty=True).decode("utf-8"),
            JSON_FEED_NAME: json.dumps(self._json_feed(items), ensure_ascii=False, indent=2) + "\n",
        }

    def _syndication(self, items: list[dict], updated: datetime.datetime) -> FeedGenerator:
        feed = FeedGenerator()
        feed.id(self._link(ATOM_NAME) if self.base_url else "urn:digest:briefing")
        feed.title(BRIEFING_TITLE)
        feed.subtitle(FEED_DESCRIPTION)  # also the RSS description, which RSS requires
        feed.link(href=self._link(INDEX_NAME), rel="alternate")
        if self.base_url:
            feed.link(href=self._link(ATOM_NAME), rel="self")
        feed.author({"name": "digest"})
        feed.language("en")
        feed.updated(updated)
        feed.lastBuildDate(updated)
        for item in items:
            entry = feed.add_entry(order="append")
            entry.id(item["id"])
            entry.guid(item["id"], permalink=False)
            entry.title(_xml_text(item["title"]))
            # One link only: feedgen 1.0.0 drops the rel of entry links, so a rel="related" link to
            # the source would read as a second alternate. The source's address is in the content.
            entry.link(href=item["url"], rel="alternate")
            if item["published"]:
                entry.published(item["published"])
            entry.updated(item["updated"])
            if item["author"]:
                entry.author({"name": _xml_text(item["author"])})
            entry.summary(_xml_text(item["summary"]))
            entry.content(_xml_text(item["content"]), type="html")
        return feed

    def _json_feed(self, items: list[dict]) -> dict:
        feed: dict[str, Any] = {"version": JSON_FEED_VERSION, "title": BRIEFING_TITLE, "description": FEED_DESCRIPTION, "language": "en"}
        if self.base_url:
            feed.update(home_page_url=self._link(INDEX_NAME), feed_url=self._link(JSON_FEED_NAME))
        feed["items"] = [_json_item(item) for item in items]
        return feed


def _json_item(item: dict) -> dict:
    fields = {
        "id": item["id"],
        "url": item["url"],
        "external_url": item["source_url"],
        "title": item["title"],
        "summary": item["summary"],
        "content_html": item["content"],
        "date_published": item["published"].isoformat().replace("+00:00", "Z") if item["published"] else None,
        "authors": [{"name": item["author"]}] if item["author"] else None,
    }
    return {name: value for name, value in fields.items() if value is not None}
