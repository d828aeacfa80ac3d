"""The feeds (pipeline/formats/feeds.py), parsed back: Atom and RSS with feedparser, JSON Feed 1.1
against the spec's required fields, all on records the real stages made from the seeds."""

from __future__ import annotations

import copy
import json

import feedparser
import jsonschema
import pytest
import test_views_html
from test_views_html import HOSTILE_BODY, HOSTILE_TITLE, HUBEI, by_id, run_seeds

from pipeline.errors import ConfigError
from pipeline.formats.feeds import (
    ATOM_NAME,
    JSON_FEED_NAME,
    RSS_NAME,
    FeedsFormat,
    item_id,
)

# The records fixtures of the HTML tests, shared so that the seeds run once per session.
seed_records = test_views_html.seed_records
hostile_record = test_views_html.hostile_record

BASE = "https://example.org/briefings/2024-11/"

# JSON Feed 1.1 (https://www.jsonfeed.org/version/1.1/): what a reader needs of the top level and
# of each item, with the types the spec gives.
JSON_FEED_SCHEMA = {
    "type": "object",
    "required": ["version", "title", "items"],
    "properties": {
        "version": {"const": "https://jsonfeed.org/version/1.1"},
        "title": {"type": "string"},
        "home_page_url": {"type": "string"},
        "feed_url": {"type": "string"},
        "items": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["id"],
                "anyOf": [{"required": ["content_html"]}, {"required": ["content_text"]}],
                "properties": {
                    "id": {"type": "string"},
                    "url": {"type": "string"},
                    "external_url": {"type": "string"},
                    "title": {"type": "string"},
                    "content_html": {"type": "string"},
                    "summary": {"type": "string"},
                    "date_published": {"type": "string", "pattern": r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$"},
                    "authors": {"type": "array", "items": {"type": "object", "required": ["name"]}},
                },
            },
        },
    },
}


def parsed(files: dict[str, str], name: str):
    feed = feedparser.parse(files[name])
    assert not feed.bozo, f"{name}: {feed.get('bozo_exception')}"
    return feed


@pytest.mark.parametrize(("name", "version"), [(ATOM_NAME, "atom10"), (RSS_NAME, "rss20")])
def test_atom_and_rss_parse_with_every_article_newest_first(seed_records, name, version):
    feed = parsed(FeedsFormat(BASE).render_batch(seed_records), name)
    assert feed.version == version
    assert [entry.id for entry in feed.entries] == [item_id(record) for record in seed_records]
    assert [entry.link for entry in feed.entries] == [f"{BASE}articles/{record['id']}.html" for record in seed_records]
    hubei = feed.entries[[r["id"] for r in seed_records].index(HUBEI)]
    # No model English at all: the Chinese headline stands without a mark (the notice says why).
    assert hubei.title == "959万技能人才成制造强省有力支撑"
    assert hubei.published_parsed[:3] == (2023, 11, 28)
    content = hubei.content[0].value
    assert "<strong>9.59 million people</strong>" in content and "湖北省技能人才总量达959万人" in content


def test_ids_are_the_article_id_and_source_hash_and_stay_the_same_on_a_rerun(seed_records):
    first = FeedsFormat(BASE).render_batch(seed_records)
    again = FeedsFormat(BASE).render_batch(copy.deepcopy(seed_records))
    assert first == again
    hubei = by_id(seed_records, HUBEI)
    assert item_id(hubei) == f"urn:digest:{HUBEI}:{hubei['source']['sha256']}"
    changed = copy.deepcopy(hubei)
    changed["source"]["sha256"] = "0" * 64
    assert item_id(changed) != item_id(hubei)


def test_a_second_run_of_the_seeds_gives_the_same_feeds(seed_records, tmp_path):
    assert FeedsFormat(BASE).render_batch(run_seeds(tmp_path)) == FeedsFormat(BASE).render_batch(seed_records)


def test_json_feed_follows_the_spec(seed_records):
    document = json.loads(FeedsFormat(BASE).render_batch(seed_records)[JSON_FEED_NAME])
    jsonschema.validate(document, JSON_FEED_SCHEMA)
    assert document["feed_url"] == BASE + "feed.json"
    items = document["items"]
    assert [item["id"] for item in items] == [item_id(record) for record in seed_records]
    assert [item.get("date_published") for item in items] == [
        "2024-11-05T00:00:00Z",
        "2024-09-27T00:00:00Z",
        "2023-11-28T00:00:00Z",
        None,
        None,
    ]


def test_without_a_base_url_links_are_relative_to_the_feed(seed_records):
    files = FeedsFormat().render_batch(seed_records)
    assert [entry.link for entry in parsed(files, RSS_NAME).entries] == [f"articles/{r['id']}.html" for r in seed_records]
    document = json.loads(files[JSON_FEED_NAME])
    assert "feed_url" not in document
    assert document["items"][0]["url"] == f"articles/{seed_records[0]['id']}.html"


def test_undated_articles_take_the_newest_date_never_the_clock(seed_records):
    feed = parsed(FeedsFormat(BASE).render_batch(seed_records), ATOM_NAME)
    assert [entry.updated[:10] for entry in feed.entries] == ["2024-11-05", "2024-09-27", "2023-11-28", "2024-11-05", "2024-11-05"]
    assert feed.feed.updated[:10] == "2024-11-05"


def test_source_address_is_linked_only_when_it_is_a_web_address(seed_records):
    with_url = copy.deepcopy(by_id(seed_records, HUBEI))
    with_url["metadata"]["url"] = "https://www.workercn.cn/c/2023-11-28/8051234.shtml"
    entry = parsed(FeedsFormat(BASE).render_batch([with_url]), ATOM_NAME).entries[0]
    assert [(link.rel, link.href) for link in entry.links] == [("alternate", f"{BASE}articles/{HUBEI}.html")]
    assert '<a href="https://www.workercn.cn/c/2023-11-28/8051234.shtml">Source article</a>' in entry.content[0].value
    document = json.loads(FeedsFormat(BASE).render_batch([with_url])[JSON_FEED_NAME])
    assert document["items"][0]["external_url"] == with_url["metadata"]["url"]


def test_hostile_text_stays_text_and_control_characters_do_not_break_the_xml(hostile_record):
    record = copy.deepcopy(hostile_record)
    record["headline_en"] = HOSTILE_TITLE + "\x0b\x00"
    files = FeedsFormat(BASE).render_batch([record])
    for name in (ATOM_NAME, RSS_NAME):
        entry = parsed(files, name).entries[0]
        assert entry.title.startswith('<script>alert("title")</script>')
        # feedparser drops unsafe markup from HTML content; what must survive is the escaped text.
        assert "&lt;/script&gt;&lt;script&gt;alert" in entry.content[0].value
    item = json.loads(files[JSON_FEED_NAME])["items"][0]
    assert item["title"] == HOSTILE_TITLE + "\x0b\x00"
    assert "&lt;/script&gt;&lt;script&gt;alert(&#39;body&#39;)&lt;/script&gt;" in item["content_html"]
    assert HOSTILE_BODY not in item["content_html"]
    assert "javascript" not in item["content_html"] and "external_url" not in item


@pytest.mark.parametrize("base_url", ["javascript:alert(1)", "example.org/briefings"])
def test_a_base_url_that_is_not_an_address_is_refused(base_url):
    with pytest.raises(ConfigError, match="must be an http, https or file address"):
        FeedsFormat(base_url)
