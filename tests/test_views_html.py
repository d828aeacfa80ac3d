"""The HTML review pages (pipeline/formats/html.py) and the newsletter (newsletter.py) on records made by the real stages from the seeds,
and on a hostile record derived from one of them. The records fixtures are shared by the feed,
newsletter and browser tests."""

from __future__ import annotations

import copy
import html
import itertools
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from pipeline import PROJECT_DIR
from pipeline.config import load_config
from pipeline.formats.html import HtmlFormat, SourceText, article_href, batch_overview
from pipeline.formats.newsletter import NewsletterFormat
from pipeline.render import (
    figure_clause,
    heading,
    name_groups,
    programme_entries,
    render_briefing,
    rule_english_notices,
    untranslated_fields,
    untranslated_notices,
)
from pipeline.runner import run_batch

SEEDS = PROJECT_DIR / "seeds"
HUBEI = "001_4cb5aad2af967a13"  # 959万技能人才成制造强省有力支撑: dated, one clean warning
HOSTILE_TITLE = '<script>alert("title")</script>\n<b>bold</b> & </title>'
HOSTILE_BODY = "</script><script>alert('body')</script><img src=x onerror=alert(1)>"
HOSTILE_PATH = 'news/"><svg onload=alert(1)>\n.txt'


def run_seeds(work: Path) -> list[dict]:
    """The seeds through the offline fallback (extractive summary, no translator), as the JSON
    records the run wrote, in briefing order."""
    settings = load_config(
        overrides={
            "summariser": {"kind": "extractive"},
            "translator": {"model": "nobody/missing-zh-en"},
            "models": {"dir": str(work / "no-models")},
            "output": {"dir": str(work / "out")},
        }
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("HF_HUB_OFFLINE", "1")
        run_batch([str(SEEDS)], settings, progress=False)
    lines = (work / "out" / "digests.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines]


@pytest.fixture(scope="session")
def seed_records(tmp_path_factory) -> list[dict]:
    return run_seeds(tmp_path_factory.mktemp("seed-run"))


def by_id(records: list[dict], article_id: str) -> dict:
    return next(record for record in records if record["id"] == article_id)


@pytest.fixture(scope="session")
def hostile_record(seed_records) -> dict:
    """The Hubei article with markup and newlines injected into every kind of field a page shows,
    and English (as a translator would give it) so that the English paths are exercised too."""
    record = copy.deepcopy(by_id(seed_records, HUBEI))
    record["id"] = "hostile"
    record["headline_zh"] = record["metadata"]["title_zh"] = HOSTILE_TITLE
    record["headline_en"] = HOSTILE_TITLE
    record["summary_en"] = HOSTILE_BODY
    record["text_zh"] = HOSTILE_BODY + "。\n" + record["text_zh"]
    record["source"]["path"] = HOSTILE_PATH
    record["metadata"]["publisher_en"] = '<i>"Daily"</i>'
    record["metadata"]["url"] = "javascript:alert('url')"
    record["warnings"] = record["warnings"] + ["<script>alert('warning')</script>"]
    record["key_figures"][0]["context_en"] = HOSTILE_BODY
    return record


class _Collector(HTMLParser):
    """Elements, attributes and text of a page, as a browser's parser sees them."""

    def __init__(self):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.text: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self._in_script = tag == "script"

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        (self.scripts if self._in_script else self.text).append(data)


def parse(page: str) -> _Collector:
    collector = _Collector()
    collector.feed(page)
    return collector


def attributes(page: str, tag: str) -> list[dict]:
    return [attrs for name, attrs in parse(page).tags if name == tag]


def test_source_text_numbers_sentences_and_marks_paragraph_starts():
    text = SourceText("目前，湖北省技能人才总量达959万人。高技能人才达293万人；\n推动“产改”效应")
    assert [(s.number, s.text, s.starts_paragraph) for s in text.sentences] == [
        (1, "目前，湖北省技能人才总量达959万人。", True),
        (2, "高技能人才达293万人；", False),
        (3, "推动“产改”效应", True),
    ]


def test_a_term_is_marked_inside_its_sentence_and_overlaps_stay_unmarked():
    text = SourceText("湖北省技能人才总量达959万人，高技能人才达293万人。")
    sentence = text.sentences[0]
    text.link("f1", sentence, "959万人", "The total reached 9.59 million.")
    text.link("f2", sentence, "59万", None)
    text.link("f3", sentence, "293万人", None)
    assert sentence.segments() == [
        ("湖北省技能人才总量达", None),
        ("959万人", "f1"),
        ("，高技能人才达", None),
        ("293万人", "f3"),
        ("。", None),
    ]
    assert sentence.english == ["The total reached 9.59 million."]


def test_every_key_figure_links_to_the_sentence_that_holds_it(seed_records):
    record = by_id(seed_records, HUBEI)
    page = HtmlFormat().render_article(record)
    links = [a for a in attributes(page, "a") if "source-link" in a.get("class", "") and a["data-term"][0] in "fp"]
    assert len(links) == len(record["key_figures"]) + len(record["programmes"])
    rows = {attrs["id"]: attrs for name, attrs in parse(page).tags if name == "tr" and "id" in attrs}
    sentences = SourceText(record["text_zh"]).sentences
    for link, figure in zip(links[: len(record["key_figures"])], record["key_figures"], strict=True):
        target = link["href"].removeprefix("#")
        assert target in rows
        assert figure["text_zh"] in sentences[int(target.removeprefix("s-")) - 1].text
    # 959万人 and 30.6% share one sentence: both are marked in it, each under its own key.
    row_959 = re.search(r'<tr id="(s-\d+)"[^>]*>(?:(?!</tr>).)*data-term="f2">959万人<', page, re.DOTALL)
    assert row_959 and re.search(rf'<tr id="{row_959.group(1)}"(?:(?!</tr>).)*data-term="f3">30\.6%<', page, re.DOTALL)


def test_warnings_and_untranslated_parts_come_before_the_summary(seed_records):
    record = by_id(seed_records, HUBEI)
    page = HtmlFormat().render_article(record)
    checks = page.index("Check before publishing")
    assert checks < page.index("dropped garbled text") < page.index('id="summary-title"')
    assert checks < page.index("No model English:") < page.index('id="summary-title"')
    # With no model English at all, the notice says it once: no list of every field left in Chinese,
    # no mark after each Chinese text, and the summary in Chinese alone.
    assert untranslated_fields(record) and "Fields left in Chinese" not in page
    assert "(untranslated)" not in page and "No English: see" not in page
    assert "Workers&#39; Daily – Workercn.cn" in page
    assert '<time datetime="2023-11-28">28 November 2023</time>' in page
    assert 'href="../index.html"' in page


def test_pages_fetch_nothing_and_run_only_their_own_script(seed_records):
    fmt = HtmlFormat()
    pages = [fmt.render_article(record) for record in seed_records] + list(fmt.render_batch(seed_records).values())
    for page in pages:
        tags = parse(page).tags
        assert not [attrs for name, attrs in tags if name in ("link", "img", "iframe") or (name == "script" and "src" in attrs)]
        assert [name for name, _ in tags].count("script") == 1
        assert not [key for _, attrs in tags for key in attrs if key.startswith("on")]
        csp = next(attrs["content"] for name, attrs in tags if attrs.get("http-equiv") == "Content-Security-Policy")
        assert "default-src 'none'" in csp and "script-src 'sha256-" in csp


def test_headings_step_down_one_level_at_a_time(seed_records):
    fmt = HtmlFormat()
    for page in [fmt.render_article(seed_records[0]), fmt.render_batch(seed_records)["index.html"]]:
        levels = [int(name[1]) for name, _ in parse(page).tags if re.fullmatch(r"h[1-6]", name)]
        assert levels[0] == 1 and levels.count(1) == 1
        assert all(later - earlier <= 1 for earlier, later in itertools.pairwise(levels))


def test_hostile_text_is_shown_as_text(hostile_record):
    page = HtmlFormat().render_article(hostile_record)
    collected = parse(page)
    # One script (the page's own), no element or attribute made from the input.
    assert [name for name, _ in collected.tags].count("script") == 1
    assert not {"svg", "img", "b", "i"} & {name for name, _ in collected.tags}
    assert not [key for _, attrs in collected.tags for key in attrs if key.startswith("on")]
    assert "alert" not in "".join(collected.scripts)
    text = "".join(collected.text)
    assert '<script>alert("title")</script>' in text
    assert "</script><script>alert('body')</script>" in text
    assert '<i>"Daily"</i>' in text
    # javascript: never becomes a link; it is shown as the address given.
    assert not [a for a in attributes(page, "a") if "javascript" in a.get("href", "")]
    assert "javascript:alert(&#39;url&#39;)" in page


def test_index_lists_every_article_newest_first_with_filter_data(seed_records):
    page = HtmlFormat().render_batch(seed_records)["index.html"]
    items = [attrs for attrs in attributes(page, "li") if "data-date" in attrs]
    assert [item["data-date"] for item in items] == ["2024-11-05", "2024-09-27", "2023-11-28", "undated", "undated"]
    assert [item["data-publisher"] for item in items] == ["Workercn.cn", "Hualong.com", "Workers' Daily – Workercn.cn", "-", "-"]
    assert [int(item["data-warnings"]) for item in items] == [len(r["warnings"]) for r in seed_records]
    hrefs = [a["href"] for a in attributes(page, "a") if a["href"].startswith("articles/")]
    assert hrefs == [f"articles/{record['id']}.html" for record in seed_records]
    assert "5 articles, 28 November 2023 to 5 November 2024 (2 undated)." in html.unescape(page)


@pytest.mark.parametrize(
    ("article_id", "href"),
    [("001_4cb5aad2af967a13", "articles/001_4cb5aad2af967a13.html"), ("a#b?c%d e", "articles/a%23b%3Fc%25d%20e.html")],
)
def test_article_links_survive_any_file_name(article_id, href):
    assert article_href({"id": article_id}) == href


def test_overview_counts_articles_and_dates():
    def record(date):
        return {"metadata": {"date": date}}

    assert batch_overview([record("2024-11-05")]) == "1 article, 5 November 2024."
    assert batch_overview([record(None)]) == "1 article (1 undated)."


def test_names_link_to_their_first_sentence(seed_records):
    record = by_id(seed_records, HUBEI)
    page = HtmlFormat().render_article(record)
    mei_lin = next(i for i, entity in enumerate(record["entities"], start=1) if entity["zh"] == "梅琳")
    assert (
        f'href="#s-1" data-term="n{mei_lin}">Mei Lin <span lang="zh" class="zh">梅琳</span></a> <span class="detail">sentence 1,'
        " person, pinyin, pinyin; Hong Kong and Taiwan names are often written in another romanisation, 2 mentions</span>"
    ) in page
    # A byline name is not in the text: it is listed, linked to no sentence.
    assert '<span class="source-link">Li Fang <span lang="zh" class="zh">李方</span></span> <span class="detail">source sentence not found' in page


def test_same_records_give_the_same_pages(seed_records):
    fmt = HtmlFormat()
    assert fmt.render_batch(seed_records) == HtmlFormat().render_batch(copy.deepcopy(seed_records))
    assert fmt.render_article(seed_records[0]) == fmt.render_article(copy.deepcopy(seed_records[0]))


def test_newsletter_holds_what_the_markdown_briefing_holds(seed_records):
    page = NewsletterFormat().render_batch(seed_records)["briefing.html"]
    markdown = render_briefing(seed_records)
    text = html.unescape("".join(parse(page).text))
    assert batch_overview(seed_records) in markdown and batch_overview(seed_records) in text
    positions = [text.index(heading(record)) for record in seed_records]
    assert positions == sorted(positions)
    for record in seed_records:
        assert record["source"]["path"] in text
        for figure in record["key_figures"]:
            assert f"{figure['text_en']}: {figure_clause(figure)}\n" in text
            assert f"Chinese source: {figure['context_zh']}" in text
        for name_en, names_zh in programme_entries(record):
            assert (f"{name_en} ({', '.join(names_zh)})" if name_en else f"{names_zh[0]}") in text
        assert "(untranslated)" not in text
        for notice in untranslated_notices(record):
            assert f"Untranslated: {notice}" in text
        for label, names in name_groups(record):
            assert f"{label}: {', '.join(names)}" in text
    assert [notice in text for notice in rule_english_notices(seed_records)] == [True]


def test_newsletter_styles_are_inline_and_it_runs_nothing(seed_records):
    page = NewsletterFormat().render_batch(seed_records)["briefing.html"]
    tags = parse(page).tags
    assert not {"style", "script", "link"} & {name for name, _ in tags}
    assert not [attrs for _, attrs in tags if "class" in attrs]
    assert all("style" in attrs for name, attrs in tags if name in ("p", "h1", "h2", "ul", "ol", "li", "a"))


def test_newsletter_links_headlines_to_review_pages_only_with_a_base_url(seed_records):
    linked = NewsletterFormat("https://example.org/b").render_batch(seed_records)["briefing.html"]
    hrefs = [a["href"] for a in attributes(linked, "a") if a["href"].startswith("https:")]
    assert hrefs == [f"https://example.org/b/articles/{record['id']}.html" for record in seed_records]
    plain = NewsletterFormat().render_batch(seed_records)["briefing.html"]
    assert [a["href"] for a in attributes(plain, "a")] == [f"#article-{n}" for n in range(1, len(seed_records) + 1)]


def test_newsletter_shows_hostile_text_as_text(hostile_record):
    page = NewsletterFormat().render_batch([hostile_record])["briefing.html"]
    collected = parse(page)
    assert not {"script", "svg", "img", "b", "i"} & {name for name, _ in collected.tags}
    assert not [a for a in attributes(page, "a") if "javascript" in a["href"]]
    assert "</script><script>alert('body')</script>" in "".join(collected.text)
