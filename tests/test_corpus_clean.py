"""The clean stage on 39 real scraped pages (../shared/corpus): the gold.json checks, scored.

A regression gate in the style of trafilatura's evaluation: the share of checks that pass must not
fall below FLOOR. The floor only ever rises; raise it when the clean stage gets better."""

from __future__ import annotations

import json
import unicodedata
from functools import cache
from pathlib import Path

import pytest

from pipeline.clean import clean_article
from pipeline.clean.mojibake import find_garbles
from pipeline.errors import InputError
from pipeline.ingest import read_article
from pipeline.records import Article, InputRef

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FLOOR = 1.0  # 333 of 333 checks

pytestmark = pytest.mark.skipif(
    not (CORPUS / "gold.json").is_file(), reason=f"the real-page corpus is not at {CORPUS} (../shared/corpus)"
)


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def page_failures(page_id: str, gold: dict) -> tuple[int, list[str]]:
    """(number of checks, the failed ones described) for one page."""
    checks = len(gold.get("must", [])) + len(gold.get("not", [])) + ("title" in gold) + ("date" in gold)
    try:
        article = clean_article(corpus_article(page_id))
    except InputError as error:
        return checks, [f"{page_id}: rejected ({error}), check {n} of {checks} fails" for n in range(1, checks + 1)]
    body = _key(article.text_zh)
    failures = [f"{page_id}: body lacks {s!r}" for s in gold.get("must", []) if _key(s) not in body]
    failures += [f"{page_id}: body keeps {s!r}" for s in gold.get("not", []) if _key(s) in body]
    if "title" in gold:
        title, expected = _key(article.metadata.title_zh), _key(gold["title"])
        if not title or (title not in expected and expected not in title):
            failures.append(f"{page_id}: title {article.metadata.title_zh!r}, expected {gold['title']!r}")
    if "date" in gold and article.metadata.date != gold["date"]:
        failures.append(f"{page_id}: date {article.metadata.date!r}, expected {gold['date']!r}")
    return checks, failures


@cache
def corpus_article(page_id: str) -> Article:
    path = CORPUS / "pages" / f"{page_id}.html"
    return read_article(InputRef(display=str(path), path=path))


def page_ids() -> list[str]:
    return sorted(path.stem for path in (CORPUS / "pages").glob("*.html"))


@cache
def corpus_score() -> tuple[int, list[str]]:
    gold = json.loads((CORPUS / "gold.json").read_text(encoding="utf-8"))
    total, failures = 0, []
    for page_id, checks in gold.items():
        if page_id.startswith("_"):
            continue
        count, failed = page_failures(page_id, checks)
        total += count
        failures += failed
    return total, failures


def test_corpus_checks_pass_above_the_floor():
    total, failures = corpus_score()
    passed = (total - len(failures)) / total
    assert passed >= FLOOR, f"{passed:.1%} of {total} checks pass, floor {FLOOR:.0%}:\n" + "\n".join(failures)


def test_the_garbled_text_detector_finds_nothing_in_real_pages():
    """Real pages hold rare characters, written Cantonese and foreign words, but no garbled text:
    nothing in their bodies or in the rest of their visible text may be taken for it."""
    found = {
        page_id: [garble.text for text in (article.text, article.page_text) for garble in find_garbles(text)]
        for page_id, article in ((page_id, corpus_article(page_id)) for page_id in page_ids())
    }
    assert {page_id: spans for page_id, spans in found.items() if spans} == {}


if __name__ == "__main__":
    total, failures = corpus_score()
    print("\n".join(failures))
    print(f"{total - len(failures)}/{total} = {(total - len(failures)) / total:.1%}")
