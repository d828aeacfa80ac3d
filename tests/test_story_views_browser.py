"""The story-organised index, newsletter and story page in a real headless Chromium (as
tests/test_views_browser.py drives it), with a story whose figures differ between outlets (959万 in
the Workers' Daily, 950万 in 湖北日报). Screenshots at phone and desktop width go to the test's
temporary folder, to be looked at."""

from __future__ import annotations

from pathlib import Path

import pytest
import test_story_views
import test_views_browser
from test_story_views import HUBEI_DAILY, WORKERS_DAILY
from test_views_browser import CHROMIUM, DESKTOP, PHONE, Page

from pipeline.formats.base import ARTICLES_FOLDER, STORIES_FOLDER
from pipeline.formats.html import HtmlFormat
from pipeline.formats.newsletter import NewsletterFormat
from pipeline.stories.views import story_views

pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium binary (apt-get install -y chromium, or set DIGEST_CHROMIUM to one)"
)

browser = test_views_browser.browser
tab = test_views_browser.tab
story_store = test_story_views.story_store
story_records = test_story_views.story_records
story_id = test_story_views.story_id


@pytest.fixture(scope="module")
def site(tmp_path_factory, story_records) -> Path:
    """The output folder as a story-organised run writes it."""
    folder = tmp_path_factory.mktemp("story-site")
    html_format = HtmlFormat(group="story")
    for record in story_records:
        path = folder / ARTICLES_FOLDER / f"{record['id']}.html"
        path.parent.mkdir(exist_ok=True)
        path.write_text(html_format.render_article(record), encoding="utf-8")
    for story in story_views(story_records):
        if story.others:
            path = folder / STORIES_FOLDER / f"{story.id}.html"
            path.parent.mkdir(exist_ok=True)
            path.write_text(html_format.render_story(story), encoding="utf-8")
    for files in (html_format.render_batch(story_records), NewsletterFormat(group="story").render_batch(story_records)):
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture
def story_page(site, story_id) -> Path:
    return site / STORIES_FOLDER / f"{story_id}.html"


def test_story_pages_load_without_console_errors(site, tab, story_page):
    pages = [site / "index.html", site / "briefing.html", story_page, *sorted((site / ARTICLES_FOLDER).glob("*.html"))]
    for path in pages:
        tab.open(path)
    assert len(pages) == 6
    assert tab.problems == []


def test_the_index_shows_the_story_once_with_its_differing_figure(site, tab, story_id):
    page = tab.open(site / "index.html")
    assert page.locator("#shown").inner_text() == "Showing 2 of 2 stories."
    first = page.locator("#articles > li").first
    assert first.locator(".badge.differs").is_visible()
    assert "9.5 million people — 湖北日报" in first.locator(".story-figures .differs").inner_text()
    page.select_option("#filter-publisher", "湖北日报")
    assert page.locator("#articles > li:visible").count() == 1
    assert page.locator("#shown").inner_text() == "Showing 1 of 2 stories."
    page.select_option("#filter-publisher", "")
    page.select_option("#filter-date", "2023-11-29")  # the day only the second outlet reported
    assert page.locator("#articles > li:visible").count() == 1
    first.locator("h2 a").click()
    assert page.url.endswith(f"{STORIES_FOLDER}/{story_id}.html")
    assert tab.problems == []


def test_the_story_page_puts_the_articles_side_by_side_on_a_desktop_and_stacks_them_on_a_phone(browser, story_page):
    for viewport, side_by_side in ((DESKTOP, True), (PHONE, False)):
        tab = Page(browser, viewport)
        page = tab.open(story_page)
        boxes = [article.bounding_box() for article in page.locator(".side-by-side article").all()]
        assert len(boxes) == 2
        assert (boxes[0]["y"] == boxes[1]["y"]) is side_by_side
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing runs off the side
        links = page.locator(".side-by-side h3 a")
        assert [links.nth(i).get_attribute("href") for i in range(2)] == [
            f"../{ARTICLES_FOLDER}/{WORKERS_DAILY}.html",
            f"../{ARTICLES_FOLDER}/{HUBEI_DAILY}.html",
        ]
        assert "9.59 million people (Workers' Daily – Workercn.cn); 9.5 million people (湖北日报)" in page.locator(".checks").inner_text()
        assert tab.problems == []
        tab.page.close()


def test_an_article_page_links_to_its_story(site, tab):
    page = tab.open(site / ARTICLES_FOLDER / f"{HUBEI_DAILY}.html")
    page.locator(".story-link a").click()
    assert page.locator("h1").inner_text().startswith("959万技能人才成制造强省有力支撑")
    assert tab.problems == []


def test_screenshots_at_phone_and_desktop_width(site, browser, tmp_path, story_page):
    """Full-page screenshots of the index, the story page and the newsletter, for a person to look at."""
    shots = []
    for name, path in (("index", site / "index.html"), ("story", story_page), ("newsletter", site / "briefing.html")):
        for width_name, viewport in (("phone", PHONE), ("desktop", DESKTOP)):
            tab = Page(browser, viewport)
            page = tab.open(path)
            shot = tmp_path / f"{name}-{width_name}.png"
            page.screenshot(path=str(shot), full_page=True)
            shots.append(shot)
            if name == "newsletter":
                assert page.get_by_text("Differs between outlets:", exact=True).is_visible()
            assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
            assert tab.problems == []
            tab.page.close()
    assert all(shot.stat().st_size > 10_000 for shot in shots)
