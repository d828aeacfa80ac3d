"""Views: the files of the output folder, made from the store's records by the output formats.

Every view is rebuilt from the store after every run, under a lock so that two runs finishing
together cannot interleave their files, and every file is written atomically. A file is rendered
again only when what it is made from changed (its records, the format, the package version) or it
is missing, so a re-run over a large store stays fast. What an article's files are made from
includes its story (the other articles of the story name it and link to it), and a story page is made
from the records of its articles."""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable
from pathlib import Path
from typing import Any

from pipeline.core import package_version
from pipeline.errors import OutputError
from pipeline.formats import ARTICLES_FOLDER, STORIES_FOLDER, OutputFormat, view_names
from pipeline.outputs import exclusive_lock, probe_writable, stale_temporary_files, write_text_atomic
from pipeline.render import briefing_order
from pipeline.store import STORE_NAME, Store, Window, schema_problem
from pipeline.stories.views import StoryView, story_of, story_views

log = logging.getLogger(__name__)

LOCK_NAME = ".views.lock"


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` atomically unless it already holds exactly that; True when written."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_text_atomic(path, text)
    return True


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x00".join(parts).encode()).hexdigest()


class _Rendering:
    """Decides which files need rendering, by what each was last made from."""

    def __init__(self, store: Store, folder: Path):
        self.store = store
        self.folder = folder.resolve()
        self.version = package_version()
        self.planned: dict[Path, str] = {}
        self.done: dict[str, str] = {}

    def plan(self, path: Path, *material: str) -> None:
        self.planned[path] = _digest(self.version, *material)

    def stale(self) -> set[Path]:
        known = self.store.rendered([str(path) for path in self.planned])
        return {path for path, material in self.planned.items() if known.get(str(path)) != material or not path.is_file()}

    def written(self, path: Path) -> None:
        self.done[str(path)] = self.planned[path]


def check_output_folder(folder: Path) -> None:
    """OutputError, before any input is read, when a run could not write ``folder``'s views, or
    would replace views of articles its store no longer holds (the store deleted or emptied) with
    views of its own articles alone."""
    store = folder / STORE_NAME
    views = sorted(name for name in view_names() if (folder / name).is_file())
    if (folder / ARTICLES_FOLDER).is_dir() and any((folder / ARTICLES_FOLDER).iterdir()):
        views.append(f"{ARTICLES_FOLDER}/")
    if views and (not store.is_file() or store.stat().st_size == 0):
        state = "an empty store" if store.is_file() else "no store"
        raise OutputError(
            f"{folder}: holds views ({', '.join(views)}) but {state} ({STORE_NAME}); a run would replace them with its own "
            "articles alone: restore the store, or give another output folder"
        )
    for writable in (folder, folder / ARTICLES_FOLDER, folder / STORIES_FOLDER):
        if writable.is_dir():
            try:
                probe_writable(writable)
            except OSError as error:
                raise OutputError(f"{writable}: cannot write the views there ({error.strerror or error})") from None


def _sweep_temporary_files(folder: Path) -> None:
    """Remove the temporary files of view writers that were killed before their rename."""
    for subfolder in (folder, folder / ARTICLES_FOLDER, folder / STORIES_FOLDER):
        for path in stale_temporary_files(subfolder):
            path.unlink(missing_ok=True)


def _render(store: Store, folder: Path, formats: list[OutputFormat], stored: list[tuple[dict[str, Any], str]]) -> None:
    records = briefing_order([record for record, _ in stored])
    own_material = {record["id"]: _digest(text, json.dumps(story_of(record), sort_keys=True)) for record, text in stored}
    stories = story_views(records)
    story_material = {story.id: _digest(*(own_material[record["id"]] for record in story.records)) for story in stories}
    material_of = {record["id"]: _digest(own_material[record["id"]], story_material[story.id]) for story in stories for record in story.records}
    rendering = _Rendering(store, folder)
    article_paths: list[tuple[Path, OutputFormat, dict[str, Any]]] = []
    story_paths: list[tuple[Path, OutputFormat, StoryView]] = []
    for output_format in formats:
        name = type(output_format).__name__
        if output_format.article_suffix:
            for record in records:
                path = rendering.folder / ARTICLES_FOLDER / f"{record['id']}{output_format.article_suffix}"
                rendering.plan(path, name, output_format.base_url, material_of[record["id"]])
                article_paths.append((path, output_format, record))
        if output_format.story_suffix:
            for story in stories:
                if story.has_page:
                    path = rendering.folder / STORIES_FOLDER / f"{story.id}{output_format.story_suffix}"
                    rendering.plan(path, name, output_format.base_url, story_material[story.id])
                    story_paths.append((path, output_format, story))
        batch_material = (name, output_format.base_url, output_format.group, *(material_of[record["id"]] for record in records))
        for batch_name in output_format.batch_names:
            rendering.plan(rendering.folder / batch_name, *batch_material)
    stale = rendering.stale()
    for path, output_format, record in article_paths:
        if path in stale:
            write_if_changed(path, output_format.render_article(record))
            rendering.written(path)
    for path, output_format, story in story_paths:
        if path in stale:
            write_if_changed(path, output_format.render_story(story))
            rendering.written(path)
    for output_format in formats:
        paths = [rendering.folder / batch_name for batch_name in output_format.batch_names]
        if stale.intersection(paths) or not paths:
            for batch_name, text in output_format.render_batch(records).items():
                write_if_changed(rendering.folder / batch_name, text)
            for path in paths:
                rendering.written(path)
    store.note_rendered(rendering.done)


def rebuild_views(
    store: Store, folder: Path, formats: list[OutputFormat], window: Window = Window(), notify: Callable[[str], None] = log.warning
) -> int:
    """Write every view of the records in ``window`` into ``folder``; the number of records covered.
    A record that cannot be used is left out and named through ``notify``. Raises OutputError when a
    file cannot be written, or the store is no longer where it was opened."""
    try:
        store.check_in_place()
        folder.mkdir(parents=True, exist_ok=True)
        with exclusive_lock(folder / LOCK_NAME):
            _sweep_temporary_files(folder)
            stored = store.records(window)
            try:
                _render(store, folder, formats, stored.records)
            except (KeyError, TypeError, ValueError, AttributeError, IndexError):
                # A record whole as JSON may still lack what the formats read: find it by the schema.
                checked = [(record, text, schema_problem(record)) for record, text in stored.records]
                if all(problem is None for _, _, problem in checked):
                    raise
                stored.records = [(record, text) for record, text, problem in checked if problem is None]
                stored.left_out += [store.left_out(record["id"], problem) for record, _, problem in checked if problem is not None]
                _render(store, folder, formats, stored.records)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write the views ({error.strerror or error})") from None
    for line in stored.left_out:
        notify(line)
    return len(stored.records)
