"""Markdown: a digest per article and the batch briefing (pipeline/render.py, Jinja2 templates)."""

from __future__ import annotations

from pipeline.formats.base import OutputFormat, Record
from pipeline.render import render_briefing, render_digest

BRIEFING_NAME = "briefing.md"


class MarkdownFormat(OutputFormat):
    article_suffix = ".md"
    batch_names = (BRIEFING_NAME,)

    def render_article(self, record: Record) -> str:
        return render_digest(record)

    def render_batch(self, records: list[Record]) -> dict[str, str]:
        return {BRIEFING_NAME: render_briefing(records)}
