"""Syndicated copies: an article whose cleaned body is identical to one already digested under the
same settings is served from that record with its own metadata, without any model call."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import settings_with
from test_schema import VALIDATOR

from pipeline import PROJECT_DIR
from pipeline.runner import run_batch
from pipeline.store import Store
from pipeline.summarise.extractive import ExtractiveSummariser
from pipeline.translate.base import Translator

SEED = sorted((PROJECT_DIR / "seeds").glob("*.txt"))[2]  # 甘肃金昌 (中工网), with key figures
OTHER = sorted((PROJECT_DIR / "seeds").glob("*.txt"))[3]


@pytest.fixture
def model_work(monkeypatch) -> dict[str, int]:
    """Counts the articles the summariser is given and the sentences the translator is given."""
    counts = {"summarised": 0, "translated": 0}
    summarise_many, translate = ExtractiveSummariser.summarise_many, Translator.translate

    def counting_summarise(self, articles):
        counts["summarised"] += len(articles)
        return summarise_many(self, articles)

    def counting_translate(self, sentences):
        counts["translated"] += len(sentences)
        return translate(self, sentences)

    monkeypatch.setattr(ExtractiveSummariser, "summarise_many", counting_summarise)
    monkeypatch.setattr(Translator, "translate", counting_translate)
    return counts


def _settings(tmp_path: Path, out: str):
    return settings_with(
        {
            "models": {"dir": str(tmp_path / "no-models")},
            "summariser": {"kind": "extractive"},
            "translator": {"kind": "scripted", "model": "keep-placeholders"},
            "output": {"dir": str(tmp_path / out), "formats": ["json"]},
        }
    )


def _republished(source: Path, folder: Path, name: str, title: str, outlet: str) -> Path:
    """The seed as another portal republishes it: its own headline and source line, the same body."""
    lines = source.read_text(encoding="utf-8").splitlines()
    lines[2] = title
    lines = [f"来源:{outlet}" if line.startswith("来源:") else line for line in lines]
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def _record(tmp_path: Path, out: str, article_id: str) -> dict:
    return json.loads((tmp_path / out / "articles" / f"{article_id}.json").read_text(encoding="utf-8"))


def test_an_identical_copy_costs_no_model_call_and_keeps_its_own_metadata(tmp_path, model_work):
    inputs = tmp_path / "in"
    inputs.mkdir()
    original = inputs / "original.txt"
    original.write_bytes(SEED.read_bytes())
    (inputs / "other.txt").write_bytes(OTHER.read_bytes())
    _republished(SEED, inputs, "portal.txt", "金昌五项赋能产业工人", "甘肃日报")

    result = run_batch([str(inputs)], _settings(tmp_path, "out"), progress=False)
    assert (result.digested, result.copies) == (2, 1)
    assert model_work["summarised"] == 2
    with_copy = model_work["translated"]

    # The same two articles without the copy: the translator is given exactly as much.
    alone = tmp_path / "alone"
    alone.mkdir()
    (alone / "original.txt").write_bytes(SEED.read_bytes())
    (alone / "other.txt").write_bytes(OTHER.read_bytes())
    model_work["translated"] = 0
    run_batch([str(alone)], _settings(tmp_path, "out-alone"), progress=False)
    assert model_work["translated"] == with_copy

    copied, source = _record(tmp_path, "out", "portal"), _record(tmp_path, "out", "original")
    VALIDATOR.validate(copied)
    assert copied["metadata"]["title_zh"] == "金昌五项赋能产业工人"
    assert copied["metadata"]["publisher_zh"] == "甘肃日报"
    assert copied["source"]["path"].endswith("portal.txt")
    for field in ("text_zh", "headline_zh", "headline_en", "summary_en", "key_figures", "programmes", "models"):
        assert copied[field] == source[field], field
    assert copied["headline_en"] and copied["key_figures"][0]["context_en"]
    # Its own title is Chinese the model never saw: said so, not invented.
    assert copied["metadata"]["title_en"] is None
    assert copied["untranslated"]["metadata.title_en"].startswith("served as a copy of original")
    assert json.loads((tmp_path / "out" / "stats.json").read_text(encoding="utf-8"))["copies"] == 1


def test_a_copy_arriving_in_a_later_run_is_served_from_the_store(tmp_path, model_work):
    first, later = tmp_path / "first", tmp_path / "later"
    first.mkdir()
    later.mkdir()
    (first / "original.txt").write_bytes(SEED.read_bytes())
    settings = _settings(tmp_path, "out")
    run_batch([str(first)], settings, progress=False)
    model_work.update(summarised=0, translated=0)

    _republished(SEED, later, "portal.txt", "金昌五项赋能产业工人", "甘肃日报")
    result = run_batch([str(later)], settings, progress=False)
    assert (result.digested, result.copies, model_work["summarised"], model_work["translated"]) == (0, 1, 0, 0)
    assert _record(tmp_path, "out", "portal")["headline_en"] == _record(tmp_path, "out", "original")["headline_en"]


def test_a_copy_under_other_settings_is_digested_again(tmp_path, model_work):
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "original.txt").write_bytes(SEED.read_bytes())
    run_batch([str(inputs)], _settings(tmp_path, "out"), progress=False)
    later = tmp_path / "later"
    later.mkdir()
    _republished(SEED, later, "portal.txt", "金昌五项赋能产业工人", "甘肃日报")
    model_work.update(summarised=0)
    settings = settings_with(_settings(tmp_path, "out").as_dict(), {"facts": {"key_figures": 3}})
    result = run_batch([str(later)], settings, progress=False)
    assert (result.digested, result.copies, model_work["summarised"]) == (1, 0, 1)
    store = Store(tmp_path / "out")
    try:
        assert store.connection.execute("SELECT count(DISTINCT signature) FROM bodies").fetchone()[0] == 2
    finally:
        store.close()
