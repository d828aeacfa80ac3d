"""The documentation's reference pages are made from the code: every setting, command, store table
and record field is there, and each setting and command says what it does."""

from __future__ import annotations

from typing import Any

import pytest

from pipeline import reference
from pipeline.store import Store


def _commands(command: Any, prefix: str = "digest") -> list[tuple[str, Any]]:
    """Every command and group under ``command`` (typer's own copy of click: duck-typed)."""
    found = [(prefix, command)]
    for name, sub in getattr(command, "commands", {}).items():
        found += _commands(sub, f"{prefix} {name}")
    return found


def test_every_setting_is_in_the_settings_reference():
    page = reference.settings_reference()
    keys = [doc.key for doc in reference.setting_docs()]
    assert "translator.generation.num_beams" in keys and "output.formats" in keys
    assert all(f"| `{key}` |" in page for key in keys)


def test_every_setting_says_what_it_does():
    """Each setting's help is the comment above it in defaults.toml: one source for the file users
    copy, `digest config` and the site's settings reference."""
    undocumented = [doc.key for doc in reference.setting_docs() if not doc.help]
    assert undocumented == [], f"settings with no comment in pipeline/defaults.toml: {undocumented}"


def test_every_setting_has_its_default_in_defaults_toml():
    missing = [doc.key for doc in reference.setting_docs() if doc.key not in reference.default_values()]
    assert missing == [], f"settings missing from pipeline/defaults.toml: {missing}"


def test_a_setting_reads_its_type_default_and_help():
    (beams,) = [doc for doc in reference.setting_docs() if doc.key == "summariser.generation.num_beams"]
    assert (beams.type, beams.default) == ("integer ≥ 1", 2)
    assert beams.help.startswith("Beam 2, not 4")
    (kind,) = [doc for doc in reference.setting_docs() if doc.key == "summariser.kind"]
    assert kind.type.startswith("text (registered: ") and "extractive" in kind.type


@pytest.mark.parametrize(("name", "command"), _commands(reference.cli))
def test_every_command_says_what_it_does(name, command):
    assert (command.help or "").strip(), f"{name} has no help"


def test_the_store_reference_is_the_stores_own_ddl(tmp_path):
    Store(tmp_path).close()
    ddl = reference.store_tables()
    for table in ("meta", "sources", "articles", "runs", "failures", "rendered", "run_articles"):
        assert f"CREATE TABLE {table} (" in ddl


def test_the_record_reference_lists_every_top_level_field():
    page = reference.record_schema()
    for field in ("schema", "id", "key_figures", "programmes", "entities", "untranslated_reason"):
        assert f"| `{field}` |" in page
