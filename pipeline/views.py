"""Views: the files of the output folder, made from the store's records by the output formats.

Every view is rebuilt from the store after every run, under a lock so that two runs finishing
together cannot interleave their files, and every file is written atomically. An article file is
rewritten only when its content changes, so a re-run over a large store stays fast."""

from __future__ import annotations

import contextlib
import fcntl
import logging
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from pipeline.errors import OutputError
from pipeline.formats import ARTICLES_FOLDER, OutputFormat
from pipeline.outputs import write_text_atomic
from pipeline.render import briefing_order
from pipeline.store import Store, Window

log = logging.getLogger(__name__)

LOCK_NAME = ".views.lock"


@contextlib.contextmanager
def views_lock(folder: Path) -> Iterator[None]:
    """Exclusive across processes: one rebuild of a folder's views at a time."""
    with (folder / LOCK_NAME).open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def write_if_changed(path: Path, text: str) -> bool:
    """Write ``text`` to ``path`` atomically unless it already holds exactly that; True when written."""
    try:
        if path.read_text(encoding="utf-8") == text:
            return False
    except (OSError, UnicodeDecodeError):
        pass
    write_text_atomic(path, text)
    return True


def write_article_files(folder: Path, formats: list[OutputFormat], record: dict[str, Any]) -> None:
    for output_format in formats:
        if output_format.article_suffix:
            path = folder / ARTICLES_FOLDER / f"{record['id']}{output_format.article_suffix}"
            write_if_changed(path, output_format.render_article(record))


def rebuild_views(store: Store, folder: Path, formats: list[OutputFormat], window: Window = Window()) -> int:
    """Write every view of the records in ``window`` into ``folder``; the number of records covered.
    Raises OutputError when a file cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with views_lock(folder):
            records = briefing_order(store.records(window))
            for record in records:
                write_article_files(folder, formats, record)
            for output_format in formats:
                for name, text in output_format.render_batch(records).items():
                    write_if_changed(folder / name, text)
    except OSError as error:
        raise OutputError(f"{folder}: cannot write the views ({error.strerror or error})") from None
    return len(records)
