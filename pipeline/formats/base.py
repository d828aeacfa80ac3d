"""The output format interface: a format renders views of digest records (schema dicts).

Views are made from records only, never from a run's memory, so the same records always give the
same files. Per-article files live in ARTICLES_FOLDER, batch files at the top of the output folder,
so no input name can make an article file collide with a batch file."""

from __future__ import annotations

from abc import ABC, abstractmethod
from typing import TYPE_CHECKING, Any, ClassVar

if TYPE_CHECKING:
    from pipeline.stories.views import StoryView

ARTICLES_FOLDER = "articles"
STORIES_FOLDER = "stories"
# Folders of per-article and per-story view files.
VIEW_FOLDERS = (ARTICLES_FOLDER, STORIES_FOLDER)

Record = dict[str, Any]


class OutputFormat(ABC):
    # The suffix of this format's per-article file (articles/<id><suffix>), or None for none.
    article_suffix: ClassVar[str | None] = None
    # The names of the batch files it writes at the top of the output folder: never inputs.
    batch_names: ClassVar[tuple[str, ...]] = ()

    # The suffix of this format's per-story page (stories/<id><suffix>), or None for none.
    story_suffix: ClassVar[str | None] = None

    def __init__(self, base_url: str = "", group: str = "article"):
        """``base_url``: where the output folder is published (settings output.base_url); formats
        whose files link to each other absolutely use it. ``group``: "story" to organise batch
        files by story (settings output.group), "article" for one entry per article."""
        self.base_url = base_url
        self.group = group

    @property
    def by_story(self) -> bool:
        return self.group == "story"

    def render_article(self, record: Record) -> str:
        """The per-article file of ``record``; only called when ``article_suffix`` is set."""
        raise NotImplementedError

    def render_story(self, story: StoryView) -> str:
        """The page of a story that has one (StoryView.has_page); only called when ``story_suffix`` is set."""
        raise NotImplementedError

    @abstractmethod
    def render_batch(self, records: list[Record]) -> dict[str, str]:
        """The batch files for ``records`` (briefing order: newest first, undated last):
        file name relative to the output folder -> content. May be empty."""
