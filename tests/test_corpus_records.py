"""Every record the pipeline makes from the real pages of ../shared/corpus validates against the
published schema: consumers of digests.jsonl rely on it (a qualifier missing from it once made five
of the pages' records invalid)."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import settings_with
from test_corpus_clean import CORPUS
from test_schema import VALIDATOR

from pipeline.core import Pipeline
from pipeline.records import InputRef

pytestmark = pytest.mark.skipif(
    not (CORPUS / "pages").is_dir(), reason=f"the real-page corpus is not at {CORPUS} (../shared/corpus)"
)


def test_records_of_the_real_pages_validate(tmp_path):
    settings = settings_with(
        {
            "summariser": {"kind": "extractive"},
            "translator": {"model": "nobody/missing-zh-en"},
            "models": {"dir": str(tmp_path / "no-models")},
            "facts": {"key_figures": "all"},
        }
    )
    pipeline = Pipeline(settings, notify=lambda message: None)
    pages = sorted((CORPUS / "pages").iterdir())
    articles = [pipeline.read(InputRef(display=str(page), path=Path(page))) for page in pages]
    invalid = {}
    for article, record in zip(articles, pipeline.digest_many(articles), strict=True):
        assert not isinstance(record, Exception), f"{article.id}: {record}"
        errors = [error.message for error in VALIDATOR.iter_errors(record.to_dict())]
        if errors:
            invalid[article.id] = errors[0]
    assert invalid == {}
