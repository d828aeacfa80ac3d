"""Translation stage: Chinese fields -> English, with figures and glossary terms protected and the
result verified against the source."""

from pipeline.translate.base import Translator
from pipeline.translate.glossary import Glossary, load_glossary
from pipeline.translate.stage import translate_article

__all__ = ["Glossary", "Translator", "load_glossary", "translate_article"]
