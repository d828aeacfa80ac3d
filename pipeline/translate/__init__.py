"""Translation stage: Chinese fields -> English, with figures and glossary terms protected and the
result verified against the source."""

from __future__ import annotations

from typing import Any

from pipeline.errors import ConfigError
from pipeline.translate.base import Translator
from pipeline.translate.glossary import Glossary, load_glossary
from pipeline.translate.stage import translate_article

__all__ = ["Glossary", "Translator", "load_glossary", "load_translator", "translate_article"]


def load_translator(settings: dict[str, Any]) -> Translator:
    """The translator named by settings translator.kind; raises ModelUnavailableError if its model is missing."""
    kind = settings["translator"]["kind"]
    if kind == "marian":
        from pipeline.translate.marian import MarianTranslator

        return MarianTranslator(settings)
    raise ConfigError(f"translator.kind: unknown translator '{kind}' (known: marian)")
