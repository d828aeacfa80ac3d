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
from pipeline.errors import InputError
from pipeline.ingest import read_article
from pipeline.records import InputRef

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"
FLOOR = 0.97

pytestmark = pytest.mark.skipif(
    not (CORPUS / "gold.json").is_file(), reason=f"the real-page corpus is not at {CORPUS} (../shared/corpus)"
)


def _key(text: str) -> str:
    return "".join(unicodedata.normalize("NFKC", text).split())


def page_failures(page_id: str, gold: dict) -> tuple[int, list[str]]:
    """(number of checks, the failed ones described) for one page."""
    checks = len(gold.get("must", [])) + len(gold.get("not", [])) + ("title" in gold) + ("date" in gold)
    path = CORPUS / "pages" / f"{page_id}.html"
    try:
        article = clean_article(read_article(InputRef(display=str(path), path=path)))
    except InputError as error:
        return checks, [f"{page_id}: rejected ({error}), all {checks} checks fail"] * checks
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


if __name__ == "__main__":
    total, failures = corpus_score()
    print("\n".join(failures))
    print(f"{total - len(failures)}/{total} = {(total - len(failures)) / total:.1%}")
