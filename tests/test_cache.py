"""The result cache: which changes invalidate a record, and how entries are stored and read."""

from __future__ import annotations

import copy

import pytest
from digest_examples import record

from pipeline.cache import ResultCache, settings_fingerprint
from pipeline.config import load_config
from pipeline.records import Source

SOURCE = Source(path="seeds/003_d16ddb3ccda383f4.txt", sha256="a" * 64, encoding="utf-8", script="simplified")


@pytest.fixture
def settings(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # away from any ./digest.toml
    return load_config()


def changed(settings: dict, section: str, key: str, value) -> dict:
    result = copy.deepcopy(settings)
    result[section][key] = value
    return result


@pytest.mark.parametrize(
    ("section", "key", "value"),
    [
        ("summariser", "kind", "extractive"),
        ("translator", "model", "other/model"),
        ("facts", "key_figures", "all"),
        ("clean", "script", "keep"),
    ],
)
def test_output_shaping_settings_change_the_fingerprint(settings, section, key, value):
    assert settings_fingerprint(changed(settings, section, key, value)) != settings_fingerprint(settings)


def test_nested_generation_settings_change_the_fingerprint(settings):
    other = copy.deepcopy(settings)
    other["translator"]["generation"]["num_beams"] = 1
    assert settings_fingerprint(other) != settings_fingerprint(settings)


@pytest.mark.parametrize(("section", "key", "value"), [("output", "dir", "elsewhere"), ("output", "formats", ["md"]), ("models", "dir", "/opt/models")])
def test_where_things_go_leaves_the_fingerprint(settings, section, key, value):
    assert settings_fingerprint(changed(settings, section, key, value)) == settings_fingerprint(settings)


def test_glossary_file_content_changes_the_fingerprint(settings, tmp_path):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("zh\ten\tnote\n包头\tBaotou\t\n", encoding="utf-8")
    with_glossary = changed(settings, "glossary", "path", str(glossary))
    before = settings_fingerprint(with_glossary)
    glossary.write_text("zh\ten\tnote\n包头\tBaotou City\t\n", encoding="utf-8")
    assert settings_fingerprint(with_glossary) != before


def test_entry_round_trip_and_misses(tmp_path):
    cache = ResultCache(tmp_path / ".cache", "fingerprint")
    assert cache.get("003", SOURCE) is None
    cache.put("003", SOURCE, record())
    assert cache.get("003", SOURCE) == record()
    moved = Source(path="elsewhere/003.txt", sha256=SOURCE.sha256, encoding="utf-8", script="simplified")
    edited = Source(path=SOURCE.path, sha256="b" * 64, encoding="utf-8", script="simplified")
    assert cache.get("003", moved) is None
    assert cache.get("003", edited) is None
    assert ResultCache(tmp_path / ".cache", "other settings").get("003", SOURCE) is None


def test_unreadable_entry_is_a_miss(tmp_path):
    cache = ResultCache(tmp_path / ".cache", "fingerprint")
    cache.put("003", SOURCE, record())
    (entry,) = (tmp_path / ".cache").iterdir()
    entry.write_text('{"schema": 1, "id": ', encoding="utf-8")
    assert cache.get("003", SOURCE) is None


def test_pulling_a_configured_model_changes_the_fingerprint(settings, tmp_path, monkeypatch):
    """Records made with a fallback while the translator was missing are redone once it is pulled."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    settings["models"]["dir"] = str(tmp_path / "models")
    settings["translator"]["model"] = "nobody/zh-en"
    before = settings_fingerprint(settings)
    (tmp_path / "models" / "nobody--zh-en").mkdir(parents=True)
    assert settings_fingerprint(settings) != before
