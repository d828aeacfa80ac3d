"""Stage outputs and records for one real article (seed 003, Baotou), made by the real stages: the
clean, names, facts and extractive summary stages, and the translation stage driven by a phrasebook
translator (a scripted test double that answers known sentences as a faithful model would)."""

from __future__ import annotations

import copy
import functools

from scripted import PLACEHOLDER, ScriptedTranslator

from pipeline.assemble import build_digest
from pipeline.clean import clean_article
from pipeline.facts import extract_facts
from pipeline.names import dateline_place, find_names
from pipeline.records import Article, CleanArticle, English, Facts, Metadata, Names, Source, Summary
from pipeline.settings import GlossarySettings, SummariserSettings
from pipeline.summarise import ExtractiveSummariser
from pipeline.translate.glossary import load_glossary
from pipeline.translate.stage import translate_article

FIGURE_SENTENCE = "申报的267项创新成果累计为企业创造价值、节约资金115.4亿元。"
PROGRAMME_SENTENCE = "包头市被命名为内蒙古自治区“职工创新综合示范区”。"
TEXT = f"包头职工创新成果节约资金115.4亿元\n\n来源：中工网\n\n{PROGRAMME_SENTENCE}\n\n{FIGURE_SENTENCE}\n"

# Each sentence with its placeholders taken out -> its English, placeholders in order as {0}, {1}...
PHRASEBOOK = {
    "职工创新成果节约资金": "{0} workers' innovations save {1}",
    "申报的创新成果累计为企业创造价值、节约资金。": "The {0} innovations created value and saved {1} for companies.",
    "被命名为“”。": "{0} was named {1}'s {2}.",
    "职工创新综合示范区": "Comprehensive Demonstration Zone for Worker Innovation",
    "": "{0}",
}


def phrasebook(sentence: str) -> str:
    letters = PLACEHOLDER.findall(sentence)
    key = "".join(PLACEHOLDER.sub("", sentence).split())
    return PHRASEBOOK[key].format(*letters)


GLOSSARY = load_glossary(GlossarySettings())


@functools.cache
def _stage_outputs() -> tuple[CleanArticle, Facts, Summary, English, Names]:
    article = Article(
        id="003_d16ddb3ccda383f4",
        source=Source(path="seeds/003_d16ddb3ccda383f4.txt", sha256="a" * 64, encoding="utf-8"),
        text=TEXT,
        page_metadata=Metadata(date="2024-11-05"),
    )
    clean = clean_article(article)
    names = Names(clean.id, find_names(clean, GLOSSARY), dateline_place(article.text))
    facts = extract_facts(clean)
    summary = ExtractiveSummariser(SummariserSettings.model_construct(summary_sentences=2)).summarise(clean)
    english = translate_article(clean, facts, summary, ScriptedTranslator.answering(phrasebook), GLOSSARY, names=names)
    return clean, facts, summary, english, names


def stage_outputs() -> tuple[CleanArticle, Facts, Summary, English]:
    """The stage outputs build_digest takes, the names left out."""
    return copy.deepcopy(_stage_outputs()[:4])


def example_names() -> Names:
    return copy.deepcopy(_stage_outputs()[4])


def untranslated(reason: str) -> English:
    """The English the translate stage gives the example without a translator."""
    clean, facts, summary, _ = stage_outputs()
    return translate_article(clean, facts, summary, None, GLOSSARY, reason, example_names())


def record(**changes) -> dict:
    """The record of the example, names included, with top-level ``changes``."""
    result = copy.deepcopy(build_digest(*stage_outputs(), example_names()).to_dict())
    result.update(changes)
    return result
