"""Registries of swappable parts: a name maps to a class, imported only when it is used.

The CLI's choices, the settings check and `digest config` all read these tables, so a new backend
or output format is one new module plus one line here. Tests register their doubles the same way."""

from __future__ import annotations

import importlib
from collections.abc import Iterator
from typing import Any


class Registry:
    def __init__(self, family: str, entries: dict[str, str]):
        self.family = family
        # name -> "module:attribute"
        self._entries = dict(entries)

    def names(self) -> list[str]:
        return list(self._entries)

    def __contains__(self, name: object) -> bool:
        return name in self._entries

    def __iter__(self) -> Iterator[str]:
        return iter(self._entries)

    def register(self, name: str, target: str) -> None:
        """Add or replace ``name``; ``target`` is "package.module:Class"."""
        self._entries[name] = target

    def load(self, name: str) -> Any:
        """The class registered as ``name``, imported now."""
        module_name, _, attribute = self._entries[name].partition(":")
        return getattr(importlib.import_module(module_name), attribute)


SUMMARISERS = Registry(
    "summariser",
    {
        "seq2seq": "pipeline.summarise.seq2seq:Seq2SeqSummariser",
        "ctranslate2": "pipeline.summarise.ctranslate2:CTranslate2Summariser",
        "extractive": "pipeline.summarise.extractive:ExtractiveSummariser",
    },
)
TRANSLATORS = Registry(
    "translator",
    {
        "marian": "pipeline.translate.marian:MarianTranslator",
        "ctranslate2": "pipeline.translate.ctranslate2:CTranslate2Translator",
    },
)
OUTPUT_FORMATS = Registry(
    "output format",
    {
        "md": "pipeline.formats.markdown:MarkdownFormat",
        "json": "pipeline.formats.json_records:JsonFormat",
        "html": "pipeline.formats.html:HtmlFormat",
        "feeds": "pipeline.formats.feeds:FeedsFormat",
        "newsletter": "pipeline.formats.newsletter:NewsletterFormat",
    },
)
ENGINES = Registry(
    "engine",
    {
        # The in-process loop: the pipeline digests each window where `digest` runs.
        "local": "pipeline.engines.local:LocalEngine",
        # Windows streamed to a pool of Ray actors, each holding one pipeline (pip install 'digest[ray]').
        "ray": "pipeline.engines.ray:RayEngine",
    },
)
