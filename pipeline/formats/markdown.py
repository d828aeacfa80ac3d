"""Markdown: a digest per article and the batch briefing (pipeline/render.py, Jinja2 templates)."""

from __future__ import annotations

from urllib.parse import quote

from pipeline.formats.base import ARTICLES_FOLDER, OutputFormat, Record
from pipeline.render import render_briefing, render_digest, render_story_briefing
from pipeline.stories.views import story_views

BRIEFING_NAME = "briefing.md"


class MarkdownFormat(OutputFormat):
    article_suffix = ".md"
    batch_names = (BRIEFING_NAME,)

    def render_article(self, record: Record) -> str:
        return render_digest(record)

    def render_batch(self, records: list[Record]) -> dict[str, str]:
        if self.by_story:
            return {BRIEFING_NAME: render_story_briefing(story_views(records), records, _article_link)}
        return {BRIEFING_NAME: render_briefing(records)}


def _article_link(record: Record) -> str:
    return f"{ARTICLES_FOLDER}/{quote(record['id'] + MarkdownFormat.article_suffix, safe='')}"
