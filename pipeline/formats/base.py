"""The output format interface: a format renders views of digest records (schema dicts).

Views are made from records only, never from a run's memory, so the same records always give the
same files. Per-article files live in ARTICLES_FOLDER, batch files at the top of the output folder,
so no input name can make an article file collide with a batch file."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, ClassVar

ARTICLES_FOLDER = "articles"

Record = dict[str, Any]


class OutputFormat(ABC):
    # The suffix of this format's per-article file (articles/<id><suffix>), or None for none.
    article_suffix: ClassVar[str | None] = None
    # The names of the batch files it writes at the top of the output folder: never inputs.
    batch_names: ClassVar[tuple[str, ...]] = ()

    def __init__(self, base_url: str = ""):
        """``base_url``: where the output folder is published (settings output.base_url); formats
        whose files link to each other absolutely use it."""
        self.base_url = base_url

    def render_article(self, record: Record) -> str:
        """The per-article file of ``record``; only called when ``article_suffix`` is set."""
        raise NotImplementedError

    @abstractmethod
    def render_batch(self, records: list[Record]) -> dict[str, str]:
        """The batch files for ``records`` (briefing order: newest first, undated last):
        file name relative to the output folder -> content. May be empty."""
