"""MkDocs hook: the reference pages' markers are replaced, at build time, by text made from the code
(pipeline/reference.py), so the published reference cannot drift from what digest does."""

from __future__ import annotations

from typing import Any

from pipeline import reference

MARKERS = {
    "<!-- reference:settings -->": reference.settings_reference,
    "<!-- reference:store -->": reference.store_tables,
    "<!-- reference:record -->": reference.record_schema,
}


def on_page_markdown(markdown: str, **_kwargs: Any) -> str:
    for marker, make in MARKERS.items():
        if marker in markdown:
            markdown = markdown.replace(marker, make())
    return markdown
