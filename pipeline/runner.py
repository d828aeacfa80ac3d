"""The main job: every input through read -> clean -> facts -> summarise -> translate -> assemble,
then the per-article files and, for the batch, the briefing and the JSON lines file.

Models load on the first input that is not served from the cache, so a re-run on unchanged inputs
does no model work. A model that is not on this machine is reported once and replaced by its
fallback (extractive summary; no translation), and the records say what is untranslated and why.
Whether each model is present is part of the cache key, so pulling a model redoes those records."""

from __future__ import annotations

import contextlib
import json
import logging
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    TextColumn,
    TimeElapsedColumn,
)

from pipeline import clean, facts, ingest, summarise, translate
from pipeline.assemble import build_digest
from pipeline.batch import BatchReport, run_each
from pipeline.cache import ResultCache, settings_fingerprint
from pipeline.config import check_settings, key_figure_limit
from pipeline.errors import ConfigError, InputError, ModelUnavailableError
from pipeline.outputs import write_json_atomic, write_text_atomic
from pipeline.records import InputRef
from pipeline.render import briefing_order, render_briefing, render_digest

log = logging.getLogger(__name__)

BRIEFING_NAME = "briefing.md"
JSONL_NAME = "digests.jsonl"
CACHE_FOLDER = ".cache"


@dataclass
class RunResult:
    report: BatchReport
    total: int
    records: list[dict] = field(default_factory=list)  # in briefing order
    from_cache: int = 0
    interrupted: bool = False

    @property
    def finished(self) -> int:
        return len(self.report.succeeded) + len(self.report.failed)


@contextlib.contextmanager
def _timed(what: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    log.info("%s took %.2fs", what, time.perf_counter() - started)


def _notice(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


class _ConfigurationFailed(BaseException):
    """Carries a ConfigError found mid-batch (a model setting is only read when the model is first
    needed) past run_each, which would otherwise report it against each input in turn."""


class _Models:
    """The summariser and translator, each loaded on first use. The glossary is read at once, so
    that a broken glossary file stops the run as a configuration error."""

    def __init__(self, settings: dict[str, Any]):
        self.settings = settings
        self.glossary = translate.load_glossary(settings)

    @cached_property
    def summariser(self) -> summarise.Summariser:
        with _timed("loading the summariser"):
            try:
                return summarise.load_summariser(self.settings)
            except ModelUnavailableError as error:
                _notice(f"{error} (using the extractive summary instead)")
                return summarise.ExtractiveSummariser(self.settings)

    @cached_property
    def translator(self) -> tuple[translate.Translator | None, str | None]:
        """The translator, or None and the reason it is unavailable."""
        with _timed("loading the translator"):
            try:
                return translate.load_translator(self.settings), None
            except ModelUnavailableError as error:
                _notice(f"{error} (English is left out)")
                return None, str(error)


class _Tracker:
    """Per-file status for the progress bar (when shown) and per-stage timings for --verbose."""

    def __init__(self, progress: Progress | None, total: int):
        self.progress = progress
        self.task = progress.add_task("starting", total=total) if progress else None

    @contextlib.contextmanager
    def stage(self, ref: InputRef, name: str) -> Iterator[None]:
        if self.progress is not None:
            self.progress.update(self.task, description=f"{ref.display}: {name}")
        with _timed(f"{ref.display}: {name}"):
            yield

    def done(self, ref: InputRef, status: str) -> None:
        if self.progress is not None:
            self.progress.console.print(f"{status:>6}  {ref.display}", highlight=False, markup=False)

    def advance(self) -> None:
        if self.progress is not None:
            self.progress.advance(self.task)


def _progress_bar() -> Progress:
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
        redirect_stderr=True,
        redirect_stdout=True,
    )


class _Batch:
    """One run's state: settings, cache, models (loaded on demand) and what has been written."""

    def __init__(self, settings: dict[str, Any], force: bool, tracker: _Tracker, result: RunResult):
        self.settings = settings
        self.force = force
        self.tracker = tracker
        self.result = result
        self.out_dir = Path(settings["output"]["dir"])
        self.formats = settings["output"]["formats"]
        self.cache = ResultCache(self.out_dir / CACHE_FOLDER, settings_fingerprint(settings))
        self.models = _Models(settings)
        self.served_from_cache: set[InputRef] = set()
        self.owners: dict[str, InputRef] = {}  # article id -> the input whose outputs bear it

    def digest(self, ref: InputRef) -> dict:
        """The record of one input, from the cache when it is there (unless forced)."""
        stage = self.tracker.stage
        with stage(ref, "read"):
            article = ingest.read_article(ref)
        self._claim_id(ref, article.id)
        if not self.force:
            record = self.cache.get(article.id, article.source)
            if record is not None:
                self.served_from_cache.add(ref)
                return record
        with stage(ref, "clean"):
            clean_article = clean.clean_article(article, self.settings["clean"]["script"])
        with stage(ref, "facts"):
            article_facts = facts.extract_facts(clean_article, key_figure_limit(self.settings))
        with stage(ref, "summarise"):
            summary = self.models.summariser.summarise(clean_article)
        with stage(ref, "translate"):
            translator, unavailable_reason = self.models.translator
            english = translate.translate_article(
                clean_article, article_facts, summary, translator, self.models.glossary, unavailable_reason
            )
        record = build_digest(clean_article, article_facts, summary, english).to_dict()
        self.cache.put(article.id, article.source, record)
        return record

    def _claim_id(self, ref: InputRef, article_id: str) -> None:
        """Output files are named by id, so a second input with the same id would overwrite the first."""
        owner = self.owners.setdefault(article_id, ref)
        if owner != ref:
            raise InputError(f"same id '{article_id}' as {owner.display}, whose outputs it would overwrite; rename one of them")

    def process(self, ref: InputRef) -> dict:
        """Digest one input and write its files."""
        try:
            record = self.digest(ref)
            with self.tracker.stage(ref, "write"):
                if "json" in self.formats:
                    write_json_atomic(self.out_dir / f"{record['id']}.json", record)
                if "md" in self.formats:
                    write_text_atomic(self.out_dir / f"{record['id']}.md", render_digest(record))
        except ConfigError as error:
            raise _ConfigurationFailed(error) from error
        finally:
            self.tracker.advance()
        cached = ref in self.served_from_cache
        self.result.from_cache += cached
        self.tracker.done(ref, "cached" if cached else "done")
        return record

    def write_batch_files(self) -> None:
        self.result.records = briefing_order(self.result.records)
        write_text_atomic(self.out_dir / BRIEFING_NAME, render_briefing(self.result.records))
        lines = "".join(json.dumps(record, ensure_ascii=False) + "\n" for record in self.result.records)
        write_text_atomic(self.out_dir / JSONL_NAME, lines)


def _is_output(ref: InputRef, out_dir: Path) -> bool:
    """Whether ``ref`` lies in the output folder: earlier digests (.md) must not be digested again
    when that folder sits inside an input folder."""
    if ref.path is None or out_dir.resolve() not in ref.path.resolve().parents:
        return False
    log.info("skipping %s: it is in the output folder", ref.display)
    return True


def _make_output_folder(out_dir: Path) -> None:
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ConfigError(f"{out_dir}: cannot create the output folder ({error.strerror or error})") from None


def run_batch(specs: list[str], settings: dict[str, Any], force: bool = False, progress: bool = True) -> RunResult:
    """Digest every input named by ``specs`` into settings output.dir. A bad input is reported and
    skipped; Ctrl-C stops after the files finished so far, which the briefing then covers.
    ``progress`` shows a progress bar when both stdout and stderr are terminals.
    Raises ConfigError for malformed settings, before any input is read."""
    check_settings(settings)
    out_dir = Path(settings["output"]["dir"])
    refs = [ref for ref in ingest.expand_inputs(specs) if not _is_output(ref, out_dir)]
    _make_output_folder(out_dir)
    result = RunResult(report=BatchReport(), total=len(refs))
    bar = _progress_bar() if progress and sys.stderr.isatty() and sys.stdout.isatty() else None
    with bar or contextlib.nullcontext():
        batch = _Batch(settings, force, _Tracker(bar, len(refs)), result)
        try:
            run_each(refs, batch.process, lambda _ref, record: result.records.append(record), result.report)
        except KeyboardInterrupt:
            result.interrupted = True
        except _ConfigurationFailed as stop:
            raise stop.args[0] from None
        batch.write_batch_files()
    return result
