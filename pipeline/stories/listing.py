"""The stories of a store as `digest stories` lists them: one row per story, from the records with
their current story, grouped and led as the views group and lead them."""

from __future__ import annotations

import json
from typing import Any

from pipeline.store import Store, Window
from pipeline.stories.views import story_views


def _headline(record: dict[str, Any]) -> str:
    metadata = record.get("metadata", {})
    return str(record.get("headline_en") or metadata.get("title_en") or record.get("headline_zh") or metadata.get("title_zh") or record["id"])


def list_stories(store: Store, since: str | None = None) -> list[dict[str, Any]]:
    """One row per story with an article published on or after ``since`` (every story without it):
    id, first and last date, outlets, articles, the lead's headline, and the figures that differ
    between outlets. Most outlets first, then the most recent."""
    records = [json.loads(text) for text in store.record_texts(Window(since=since))]
    rows = []
    for view in story_views(records):
        story = view.lead.get("story") or {}
        rows.append(
            {
                "id": view.id,
                "first_seen": story.get("first_seen") or (view.dates[0] if view.dates else None),
                "last_seen": view.dates[-1] if view.dates else None,
                # The store's order (first outlet first); a record without a story has the view's.
                "outlets": story.get("outlets") or view.outlets,
                "articles": [record["id"] for record in view.records],
                "lead": view.lead["id"],
                "headline": _headline(view.lead),
                "differs": view.warnings,
            }
        )
    return rows
