"""JSON: the record of each article, and all records as JSON lines for the batch."""

from __future__ import annotations

import json

from pipeline.formats.base import OutputFormat, Record
from pipeline.outputs import dump_json

JSONL_NAME = "digests.jsonl"


class JsonFormat(OutputFormat):
    article_suffix = ".json"
    batch_names = (JSONL_NAME,)

    def render_article(self, record: Record) -> str:
        return dump_json(record)

    def render_batch(self, records: list[Record]) -> dict[str, str]:
        return {JSONL_NAME: "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in records)}
