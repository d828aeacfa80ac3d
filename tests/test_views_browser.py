"""The review pages, index and newsletter in a real headless Chromium (Debian's `chromium`, driven by
playwright without a browser download), opened from file:// as an editor opens them.

Skipped, with the reason, when playwright or a Chromium binary is missing; install with
`apt-get install -y chromium` and `pip install playwright` (no `playwright install`)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import test_views_html
from test_views_html import HOSTILE_TITLE, HUBEI

from pipeline.formats.base import ARTICLES_FOLDER
from pipeline.formats.html import HtmlFormat
from pipeline.formats.newsletter import NewsletterFormat

sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install playwright)")

seed_records = test_views_html.seed_records
hostile_record = test_views_html.hostile_record

CHROMIUM = os.environ.get("DIGEST_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium binary (apt-get install -y chromium, or set DIGEST_CHROMIUM to one)"
)

DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 390, "height": 844}


@pytest.fixture(scope="module")
def site(tmp_path_factory, seed_records, hostile_record) -> Path:
    """The output folder as a run writes it: a review page per article, the index and the newsletter."""
    folder = tmp_path_factory.mktemp("site")
    html_format = HtmlFormat()
    records = [*seed_records, hostile_record]
    (folder / ARTICLES_FOLDER).mkdir()
    for record in records:
        (folder / ARTICLES_FOLDER / f"{record['id']}{html_format.article_suffix}").write_text(
            html_format.render_article(record), encoding="utf-8"
        )
    for files in (html_format.render_batch(records), NewsletterFormat().render_batch(records)):
        for name, text in files.items():
            (folder / name).write_text(text, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def browser():
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"])
        yield chromium
        chromium.close()


class Page:
    """A tab that records console errors, uncaught exceptions and dialogs (alert() from injected text)."""

    def __init__(self, browser, viewport=DESKTOP):
        self.page = browser.new_page(viewport=viewport)
        self.problems: list[str] = []
        self.page.on("console", lambda message: message.type == "error" and self.problems.append(message.text))
        self.page.on("pageerror", lambda error: self.problems.append(str(error)))
        self.page.on("dialog", lambda dialog: (self.problems.append(f"dialog: {dialog.message}"), dialog.dismiss()))

    def open(self, path: Path):
        self.page.goto(path.as_uri())
        return self.page


@pytest.fixture
def tab(browser):
    page = Page(browser)
    yield page
    page.page.close()


def article_page(site: Path, article_id: str) -> Path:
    return site / ARTICLES_FOLDER / f"{article_id}.html"


def test_every_page_loads_without_console_errors(site, tab):
    pages = [site / "index.html", site / "briefing.html", *sorted((site / ARTICLES_FOLDER).glob("*.html"))]
    for path in pages:
        tab.open(path)
    assert len(pages) == 8
    assert tab.problems == []


def test_clicking_a_figure_highlights_its_source_sentence(site, tab):
    page = tab.open(article_page(site, HUBEI))
    row = page.locator("tr.is-source")
    assert row.count() == 0
    page.locator('a.source-link[data-term="f2"]').click()  # 9.59 million people
    assert row.count() == 1
    assert "湖北省技能人才总量达959万人" in row.inner_text()
    assert page.locator(".term.is-term").all_inner_texts() == ["959万人"]
    assert row.evaluate("row => getComputedStyle(row.cells[1]).backgroundColor") == "rgb(255, 224, 102)"
    # The next figure, 30.6%, is in the same sentence: the sentence stays lit, the mark moves.
    page.locator('a.source-link[data-term="f3"]').click()
    assert page.locator(".term.is-term").all_inner_texts() == ["30.6%"]
    assert tab.problems == []


def test_keyboard_focus_highlights_the_sentence_too(site, tab):
    page = tab.open(article_page(site, HUBEI))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "../index.html"
    while page.evaluate("!document.activeElement.classList.contains('source-link')"):
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.dataset.term") == "f1"
    assert "千吨" in page.locator("tr.is-source").inner_text()


def test_an_article_without_model_english_is_said_so_once(site, tab):
    """The site is made without a translator: each page says it once, in its notice; the index
    shows no per-article count of untranslated parts and the article no mark per Chinese text."""
    index = tab.open(site / "index.html")
    assert [badge for badge in index.locator(".badge").all_inner_texts() if "untranslated" in badge] == []
    article = tab.open(article_page(site, HUBEI))
    text = article.locator("body").inner_text()
    assert text.count("No model English:") == 1
    assert "(untranslated)" not in text and "Fields left in Chinese" not in text
    assert tab.problems == []


@pytest.mark.parametrize(
    ("date", "publisher", "warnings_only", "shown"),
    [
        ("", "", False, 6),
        ("2024-11-05", "", False, 1),
        ("undated", "", False, 2),
        ("", "Workers' Daily – Workercn.cn", False, 1),
        ("", "", True, 3),
        ("2023-11-28", "", True, 2),  # the Hubei article and the hostile copy of it
        ("2024-11-05", "", True, 0),
    ],
)
def test_index_filters(site, tab, date, publisher, warnings_only, shown):
    page = tab.open(site / "index.html")
    page.select_option("#filter-date", date)
    page.select_option("#filter-publisher", publisher)
    page.set_checked("#filter-warnings", warnings_only)
    assert page.locator("#articles > li:visible").count() == shown
    assert page.locator("#shown").inner_text() == f"Showing {shown} of 6 articles."
    assert tab.problems == []


def test_markup_in_the_input_is_shown_as_text(site, tab):
    page = tab.open(article_page(site, "hostile"))
    assert page.title().startswith('<script>alert("title")</script> <b>bold</b> & </title>')
    assert page.locator("h1").inner_text() == " ".join(HOSTILE_TITLE.split())
    assert "</script><script>alert('body')</script><img src=x onerror=alert(1)>" in page.locator("#s-1").inner_text()
    assert page.locator("h1 b, main img, main svg, main script").count() == 0
    assert page.locator("a[href^='javascript']").count() == 0
    index = tab.open(site / "index.html")
    assert index.locator("#articles h2", has_text="<script>").count() == 1
    assert tab.problems == []  # no alert() ran, and the page's own script was allowed


@pytest.mark.parametrize(("width", "viewport"), [("desktop", DESKTOP), ("phone", PHONE)])
def test_screenshots_and_no_sideways_scrolling(site, browser, tmp_path, width, viewport):
    tab = Page(browser, viewport)
    for name, path in [("index", site / "index.html"), ("article", article_page(site, HUBEI)), ("newsletter", site / "briefing.html")]:
        page = tab.open(path)
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth"), f"{name} scrolls sideways at {width}"
        shot = tmp_path / f"{name}-{width}.png"
        page.screenshot(path=shot, full_page=True)
        assert shot.stat().st_size > 10_000
    assert tab.problems == []


# WCAG 2 contrast of every element that holds text against the first opaque background behind it.
LOW_CONTRAST = """() => {
  const rgb = value => value.match(/[\\d.]+/g).map(Number);
  const luminance = ([r, g, b]) => {
    const [R, G, B] = [r, g, b].map(c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * R + 0.7152 * G + 0.0722 * B;
  };
  const background = element => {
    for (let e = element; e; e = e.parentElement) {
      const colour = rgb(getComputedStyle(e).backgroundColor);
      if (colour.length < 4 || colour[3] > 0) return colour;
    }
    return [255, 255, 255];
  };
  const low = [];
  for (const element of document.querySelectorAll("body *")) {
    const ownText = [...element.childNodes].some(n => n.nodeType === 3 && n.textContent.trim());
    if (!ownText || !element.getClientRects().length) continue;
    const [a, b] = [luminance(rgb(getComputedStyle(element).color)), luminance(background(element))];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    if (ratio < 4.5) low.push(element.tagName + " " + ratio.toFixed(2) + " " + element.textContent.trim().slice(0, 30));
  }
  return low;
}"""


@pytest.mark.parametrize("name", ["index.html", "briefing.html", f"{ARTICLES_FOLDER}/{HUBEI}.html"])
def test_text_contrast_is_at_least_4_5_to_1(site, tab, name):
    page = tab.open(site / name)
    assert page.evaluate(LOW_CONTRAST) == []


def test_printing_leaves_out_the_controls(site, tab):
    page = tab.open(site / "index.html")
    page.emulate_media(media="print")
    assert not page.locator("#filters").is_visible()
    assert not page.locator(".skip").is_visible()
    assert page.locator("#articles > li").first.is_visible()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF")
