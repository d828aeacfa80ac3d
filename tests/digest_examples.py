"""Hand-built stage outputs for one real article (seed 003, Baotou), for tests that need records
without running the stages."""

from __future__ import annotations

import copy
from decimal import Decimal

from pipeline.assemble import build_digest
from pipeline.records import (
    CleanArticle,
    English,
    Facts,
    Figure,
    Metadata,
    ModelInfo,
    Programme,
    Source,
    Summary,
)

FIGURE_SENTENCE = "申报的267项创新成果累计为企业创造价值、节约资金115.4亿元。"
PROGRAMME_SENTENCE = "包头市被命名为内蒙古自治区首个职工创新综合示范区。"
PARAGRAPHS = [PROGRAMME_SENTENCE, FIGURE_SENTENCE]


def stage_outputs() -> tuple[CleanArticle, Facts, Summary, English]:
    clean = CleanArticle(
        id="003_d16ddb3ccda383f4",
        source=Source(path="seeds/003_d16ddb3ccda383f4.txt", sha256="a" * 64, encoding="utf-8", script="simplified"),
        metadata=Metadata(title_zh="包头职工创新", date="2024-11-05", publisher_zh="中工网", authors=["王磊"]),
        paragraphs_zh=list(PARAGRAPHS),
        warnings=["removed 1 photo credit"],
    )
    text = clean.text_zh
    figure = Figure(
        text_zh="115.4亿元",
        value=Decimal("11540000000"),
        unit_zh="亿元",
        qualifier="",
        text_en="11.54 billion yuan",
        context_zh=FIGURE_SENTENCE,
        start=text.index("115.4亿元"),
        end=text.index("115.4亿元") + len("115.4亿元"),
    )
    facts = Facts(
        id=clean.id,
        figures=[figure],
        key_figures=[figure],
        programmes=[Programme(name_zh="职工创新综合示范区", context_zh=PROGRAMME_SENTENCE, start=text.index("职工创新"))],
    )
    summary = Summary(
        headline_zh="包头职工创新成果节约资金115.4亿元",
        summary_zh=FIGURE_SENTENCE,
        model=ModelInfo("extractive"),
    )
    english = English(
        title_en="Baotou worker innovation",
        headline_en="Baotou workers' innovations save 11.54 billion yuan",
        summary_en="The 267 innovations created value and saved 11.54 billion yuan for companies.",
        publisher_en="Workers' Daily Online",
        figure_contexts_en=["The 267 innovations saved 11.54 billion yuan."],
        programme_names_en=["Comprehensive Demonstration Zone for Worker Innovation"],
        programme_contexts_en=["Baotou was named the first comprehensive demonstration zone."],
        model=ModelInfo("Helsinki-NLP/opus-mt-zh-en", "main"),
    )
    return clean, facts, summary, english


def untranslated(english: English, reason: str) -> English:
    """``english`` as the translate stage returns it without a translator."""
    return English(
        title_en=None,
        headline_en=None,
        summary_en=None,
        publisher_en=None,
        figure_contexts_en=[None] * len(english.figure_contexts_en),
        programme_names_en=[None] * len(english.programme_names_en),
        programme_contexts_en=[None] * len(english.programme_contexts_en),
        model=ModelInfo("none"),
        untranslated={
            name: reason
            for name in ("title_en", "headline_en", "summary_en", "figure_contexts_en[0]", "programme_names_en[0]")
        },
    )


def record(**changes) -> dict:
    """The schema-1 record of the example, with top-level ``changes``."""
    result = copy.deepcopy(build_digest(*stage_outputs()).to_dict())
    result.update(changes)
    return result
