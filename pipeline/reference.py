"""The reference pages of the documentation, made from the code so that they cannot drift: every
setting (its type and limits from the typed settings, its default and help from defaults.toml), the
store's tables (from the store's own DDL), and the record schema. docs/hooks.py puts them into the
pages when the site is built; tests/test_docs.py fails when a setting has no help."""

from __future__ import annotations

import json
import sqlite3
import tempfile
from dataclasses import dataclass
from functools import cache, partial
from pathlib import Path
from typing import Any, get_args

import tomlkit
from pydantic import AfterValidator, BaseModel
from tomlkit.items import Comment, Table

from pipeline.settings import Settings

DEFAULTS_FILE = Path(__file__).with_name("defaults.toml")
SCHEMA_FILE = Path(__file__).parent / "schema" / "digest.schema.json"


@dataclass
class SettingDoc:
    key: str
    type: str
    default: Any
    help: str


def _comments(table: Table | tomlkit.TOMLDocument, prefix: str, found: dict[str, str]) -> None:
    """The comment lines right above each key of ``table`` (and its sub-tables), by dotted key. A
    comment above a [section] header belongs to no setting."""
    pending: list[str] = []
    for key, item in table.value.body if isinstance(table, Table) else table.body:
        if isinstance(item, Comment):
            pending.append(item.as_string().strip().removeprefix("#").strip())
            continue
        if key is None:  # blank lines keep a comment with the key below it
            continue
        dotted = f"{prefix}{key.key}"
        if isinstance(item, Table):
            _comments(item, f"{dotted}.", found)
        else:
            found[dotted] = " ".join(pending)
        pending = []


@cache
def _defaults_document() -> tomlkit.TOMLDocument:
    """defaults.toml with its comments, read once for both its help texts and its values."""
    return tomlkit.parse(DEFAULTS_FILE.read_text(encoding="utf-8"))


def default_help() -> dict[str, str]:
    """Each key of defaults.toml (dotted: ``translator.generation.num_beams``) and its comment."""
    found: dict[str, str] = {}
    _comments(_defaults_document(), "", found)
    return found


def default_values() -> dict[str, Any]:
    def walk(table: dict[str, Any], prefix: str) -> dict[str, Any]:
        values: dict[str, Any] = {}
        for key, value in table.items():
            values |= walk(value, f"{prefix}{key}.") if isinstance(value, dict) else {f"{prefix}{key}": value}
        return values

    return walk(_defaults_document().unwrap(), "")


def _describe(schema: dict[str, Any]) -> str:
    """A JSON-schema property in words: "integer ≥ 1", "one of: simplified, keep"."""
    if "anyOf" in schema:
        return " or ".join(dict.fromkeys(_describe(option) for option in schema["anyOf"]))
    if "enum" in schema or "const" in schema:
        return "one of: " + ", ".join(json.dumps(value) for value in schema.get("enum", [schema.get("const")]))
    kind = {"integer": "integer", "number": "number", "string": "text", "boolean": "true or false", "array": "list"}.get(schema.get("type", ""), "value")
    if kind == "list":
        kind += " of " + _describe(schema.get("items", {}))
    limits = [f"≥ {schema['minimum']}" if "minimum" in schema else "", f"> {schema['exclusiveMinimum']}" if "exclusiveMinimum" in schema else ""]
    limits += [f"≤ {schema['maximum']}" if "maximum" in schema else "", "not empty" if schema.get("minLength") == 1 else ""]
    return " ".join([kind, *[limit for limit in limits if limit]])


def _registry_names(model: type[BaseModel], name: str) -> list[str]:
    """The names a registry-checked setting accepts (``summariser.kind``), from its validator."""
    for meta in model.model_fields[name].metadata:
        if isinstance(meta, AfterValidator) and isinstance(meta.func, partial):
            (registry,) = meta.func.args
            return list(registry.names())
    return []


def setting_docs() -> list[SettingDoc]:
    """Every leaf setting, in the order of the typed settings."""
    helps, defaults = default_help(), default_values()
    docs: list[SettingDoc] = []

    def walk(model: type[BaseModel], prefix: str) -> None:
        schema = model.model_json_schema()
        for name, field in model.model_fields.items():
            key = f"{prefix}{name}"
            section = next((arg for arg in (field.annotation, *get_args(field.annotation)) if isinstance(arg, type) and issubclass(arg, BaseModel)), None)
            if section is not None:
                walk(section, f"{key}.")
                continue
            kind = _describe(schema["properties"][name])
            if names := _registry_names(model, name):
                kind += " (registered: " + ", ".join(names) + ")"
            default = defaults.get(key, None if field.is_required() else field.get_default())
            docs.append(SettingDoc(key, kind, default, helps.get(key, "")))

    walk(Settings, "")
    return docs


def _cell(text: str) -> str:
    """``text`` as one Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|")


def settings_reference() -> str:
    """The settings as Markdown: one table per section."""
    lines: list[str] = []
    section = None
    for doc in setting_docs():
        top = doc.key.rsplit(".", 1)[0]
        if top != section:
            section = top
            lines += ["", f"### `[{section}]`", "", "| setting | type | default | what it does |", "| --- | --- | --- | --- |"]
        default = json.dumps(doc.default, ensure_ascii=False) if doc.default is not None else "—"
        lines.append(f"| `{doc.key}` | {doc.type} | `{default}` | {_cell(doc.help)} |")
    return "\n".join(lines).strip() + "\n"


def store_tables() -> str:
    """The store's tables and indexes as SQL, read from a new store made by the store's own code."""
    from pipeline.store import STORE_NAME, Store

    with tempfile.TemporaryDirectory() as folder:
        Store(Path(folder)).close()
        with sqlite3.connect(Path(folder) / STORE_NAME) as connection:
            rows = connection.execute("SELECT sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY rowid").fetchall()
    return "```sql\n" + ";\n\n".join(sql for (sql,) in rows) + ";\n```\n"


def record_schema() -> str:
    """The record's JSON schema: its top-level fields in a table, then the whole schema."""
    schema = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
    required = set(schema.get("required", []))
    lines = ["| field | type | required | description |", "| --- | --- | --- | --- |"]
    for name, prop in schema.get("properties", {}).items():
        kind = prop.get("type", "object" if "$ref" in prop or "properties" in prop else "")
        kind = " or ".join(kind) if isinstance(kind, list) else kind
        lines.append(f"| `{name}` | {kind} | {'yes' if name in required else 'no'} | {_cell(prop.get('description', ''))} |")
    return "\n".join(lines) + "\n\n```json\n" + json.dumps(schema, ensure_ascii=False, indent=2) + "\n```\n"


def __getattr__(name: str) -> Any:
    """``cli``: the click command behind the typer app, for mkdocs-click (made on first use, so
    that importing this module for the other references does not build the whole command tree)."""
    if name == "cli":
        import typer

        from pipeline.cli import app

        return typer.main.get_command(app)
    raise AttributeError(name)
