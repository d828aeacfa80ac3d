"""The facts stage: figures (with exact values and English wording), key figures, programmes."""

from __future__ import annotations

from pipeline.facts.english import render_figure_en
from pipeline.facts.figures import find_figures
from pipeline.facts.money import article_currency
from pipeline.facts.programmes import find_programmes
from pipeline.facts.ranking import (
    han_bigrams,
    lead_span,
    score_figure,
    select_key_figures,
)
from pipeline.records import CleanArticle, Facts

__all__ = ["extract_facts", "find_figures", "find_programmes", "render_figure_en"]


def extract_facts(article: CleanArticle, key_figures: int | None = 8) -> Facts:
    """Figures and programmes of ``article``; ``key_figures`` caps the ranked selection (None: all)."""
    text = article.text_zh
    title = article.metadata.title_zh
    currency = article_currency(article.metadata.url, article.source.script, text)
    figures = find_figures(text, currency)
    title_figures = find_figures(title, currency)
    title_values = {figure.value for figure in title_figures}
    title_bigrams = han_bigrams(title)
    lead = lead_span(article.paragraphs_zh)
    for figure in figures:
        figure.score = score_figure(figure, text, title_values, title_bigrams, lead)
    return Facts(
        id=article.id,
        figures=figures,
        key_figures=select_key_figures(figures, key_figures),
        programmes=find_programmes(text, headline=title),
        title_figures=title_figures,
        currency=currency,
    )
