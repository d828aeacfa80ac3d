"""Earlier results, reused when neither the input nor any setting that shapes the record changed.

An entry is the record JSON, stored as ``<key>.json`` in the cache folder. The key covers the
input's bytes (sha256), its id and path (both appear in the record), the settings sections that
shape the output, the content of every file those settings name (prompts, glossaries), which of
the configured models are on this machine (a record made with a fallback is redone once the model
has been pulled), and the package version."""

from __future__ import annotations

import hashlib
import json
import logging
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pipeline.modelstore import configured_models, is_present
from pipeline.outputs import write_json_atomic
from pipeline.records import SCHEMA_VERSION, Source
from pipeline.translate.glossary import BUILTIN_GLOSSARY

log = logging.getLogger(__name__)

# Sections of the settings that change what a record says. `output` and `models.dir` only change
# where things go or are found, so they are left out.
OUTPUT_SHAPING_SECTIONS = ("clean", "summariser", "translator", "facts", "glossary")


def _package_version() -> str:
    try:
        return version("digest")
    except PackageNotFoundError:
        return "unknown"


def _file_digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _named_files(value: Any) -> list[str]:
    """Every existing file a setting value names, searched through nested tables and lists."""
    if isinstance(value, dict):
        return [name for item in value.values() for name in _named_files(item)]
    if isinstance(value, list):
        return [name for item in value for name in _named_files(item)]
    if isinstance(value, str) and value and Path(value).is_file():
        return [value]
    return []


def settings_fingerprint(settings: dict[str, Any]) -> str:
    """A hash of everything besides the input that decides the record's content."""
    sections = {name: settings.get(name) for name in OUTPUT_SHAPING_SECTIONS}
    files = sorted(set(_named_files(sections)) | {str(BUILTIN_GLOSSARY)})
    material = {
        "schema": SCHEMA_VERSION,
        "version": _package_version(),
        "settings": sections,
        "files": {name: _file_digest(Path(name)) for name in files},
        "models_present": {
            model_id: is_present(settings, model_id, revision) for model_id, revision in configured_models(settings)
        },
    }
    return hashlib.sha256(json.dumps(material, sort_keys=True, default=str).encode()).hexdigest()


class ResultCache:
    def __init__(self, folder: Path, fingerprint: str):
        self.folder = folder
        self.fingerprint = fingerprint

    def _entry(self, article_id: str, source: Source) -> Path:
        key_material = json.dumps([self.fingerprint, article_id, source.path, source.sha256])
        return self.folder / f"{hashlib.sha256(key_material.encode()).hexdigest()}.json"

    def get(self, article_id: str, source: Source) -> dict | None:
        """The cached record, or None when there is none or it cannot be read."""
        entry = self._entry(article_id, source)
        try:
            return json.loads(entry.read_text(encoding="utf-8"))
        except FileNotFoundError:
            return None
        except (OSError, ValueError) as error:
            log.warning("ignoring unreadable cache entry %s (%s)", entry, error)
            return None

    def put(self, article_id: str, source: Source, record: dict) -> None:
        write_json_atomic(self._entry(article_id, source), record)
