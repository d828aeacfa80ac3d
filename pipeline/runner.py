"""The main job's driver: expand the inputs, give each article its identity, serve unchanged ones
from the store, have the pipeline digest the rest, save each record in the store as soon as it is
made, and rebuild every view from the store at the end, whatever happened.

A failed, empty, interrupted or concurrent run can only add to the store, and the views always
cover the whole store (or the requested window), so no run ever costs earlier results."""

from __future__ import annotations

import contextlib
import functools
import logging
import signal
import sqlite3
import sys
import threading
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any

from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline import ingest
from pipeline.batch import BatchReport, failure_reason
from pipeline.core import FailureReport, Notify, Pipeline, package_version
from pipeline.engines import Engine, Results, open_engine
from pipeline.errors import ConfigError, InputError, Interrupted, OutputError
from pipeline.formats import VIEW_FOLDERS, OutputFormat, load_formats, view_names
from pipeline.outputs import write_json_atomic
from pipeline.records import Article, Digest, InputRef, QualityCounts
from pipeline.settings import Settings
from pipeline.store import Store, Window, holds_store
from pipeline.stories.assign import assign_pending
from pipeline.stories.copies import CopyDesk
from pipeline.views import check_output_folder, rebuild_views

log = logging.getLogger(__name__)

STATS_NAME = "stats.json"
# 128 + the signal, as shells report. SIGHUP: a cron job's or ssh session's terminal went away.
SIGNAL_EXIT_CODES = {signal.SIGINT: 130, signal.SIGTERM: 143, signal.SIGHUP: 129}


@dataclass
class RunResult:
    report: BatchReport
    total: int
    run_id: int = 0
    digested: int = 0
    from_store: int = 0
    copies: int = 0  # syndicated copies served from an identical article's record, without model work
    stories_touched: int = 0
    in_views: int | None = None  # None: the views were not rebuilt
    skipped_views: int = 0  # files of output folders found in input folders, never read as inputs
    interrupted_by: int | None = None  # the signal number
    stopped_by: str | None = None  # why the batch stopped early (an output that cannot be written)
    counts: QualityCounts = field(default_factory=QualityCounts)

    @property
    def finished(self) -> int:
        return len(self.report.succeeded) + len(self.report.failed)

    @property
    def views_note(self) -> str:
        if self.in_views is None:
            return "the views were not rebuilt (they show the store as an earlier run left it)"
        return f"views cover {self.in_views} articles"

    @property
    def status(self) -> str:
        if self.interrupted_by is not None:
            return "interrupted"
        return "failed" if self.stopped_by else "completed"


@contextlib.contextmanager
def _signals(raise_now: bool) -> Iterator[list[int]]:
    """SIGINT, SIGTERM and SIGHUP as Interrupted (``raise_now``), or only noted, for work that must not be
    cut (rebuilding the views). Yields the signals noted.

    A signal already ignored when the run starts (SIGHUP under nohup) stays ignored. Once one signal
    has arrived, all three are ignored and stay so after the block: the process is on its way out, and
    a storm of repeats (a held Ctrl-C, an impatient supervisor) must not cut the views' rebuild or the
    interpreter's exit short."""
    noted: list[int] = []
    if threading.current_thread() is not threading.main_thread():
        yield noted
        return
    previous = {signum: signal.getsignal(signum) for signum in SIGNAL_EXIT_CODES}
    handled = [signum for signum, old in previous.items() if old is not signal.SIG_IGN]

    def handler(signum: int, _frame: FrameType | None) -> None:
        for other in handled:
            signal.signal(other, signal.SIG_IGN)
        noted.append(signum)
        if raise_now:
            raise Interrupted(signum)

    for signum in handled:
        signal.signal(signum, handler)
    try:
        yield noted
    finally:
        if not noted:
            for signum in handled:
                signal.signal(signum, previous[signum])


class _Progress:
    """Per-file status for the progress bar, when one is shown."""

    def __init__(self, show: bool, total: int):
        self.bar = (
            Progress(
                TextColumn("{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
                redirect_stderr=True,
                redirect_stdout=True,
            )
            if show
            else None
        )
        self.task = self.bar.add_task("starting", total=total) if self.bar else None

    def __enter__(self) -> _Progress:
        if self.bar is not None:
            self.bar.start()
        return self

    def __exit__(self, *_exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()

    def stage(self, where: str, name: str) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.update(self.task, description=f"{where}: {name}")

    def done(self, ref: InputRef, status: str) -> None:
        if self.bar is not None and self.task is not None:
            self.bar.console.print(f"{status:>6}  {ref.display}", highlight=False, markup=False)
            self.bar.advance(self.task)


@functools.cache
def _is_output_folder(folder: Path, out_dir: Path) -> bool:
    return folder == out_dir or holds_store(folder)


def _is_view(ref: InputRef, out_dir: Path, batch_names: set[str]) -> bool:
    """Whether ``ref`` is a view written by a run (an article file, or a batch file at the top of a
    folder holding a store): earlier digests must never be digested again. Other files of an output
    folder are inputs like any."""
    if ref.path is None:
        return False
    resolved = ingest.resolved(ref.path)
    parent = resolved.parent
    is_view = (parent.name in VIEW_FOLDERS and _is_output_folder(parent.parent, out_dir)) or (
        resolved.name in batch_names and _is_output_folder(parent, out_dir)
    )
    if is_view:
        log.info("skipping %s: it is a view of an output folder", ref.display)
    return is_view


class ViewNamedAsInput(InputError):
    """A file digest wrote, named on the command line: digesting a digest would only garble it."""

    def __init__(self) -> None:
        super().__init__("a view digest wrote into an output folder, not an article; name the article's source instead")


def open_output(out_dir: Path) -> Store:
    """The output folder's store, created when new; OutputError when the folder cannot be used."""
    if out_dir.exists() and not out_dir.is_dir():
        raise OutputError(f"{out_dir}: the output folder is a file")
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise OutputError(f"{out_dir}: cannot create the output folder ({error.strerror or error})") from None
    check_output_folder(out_dir)
    return Store(out_dir)


class _Batch:
    """One run over many inputs: identity, store lookups, digesting in windows, saving. Unchanged
    inputs are served from the store at once; the others wait in a window of at most
    ``window_size`` articles, whose model work the pipeline does together; the engine digests the
    window (here, or on a cluster) and each record is saved as soon as the engine gives it back.
    The views, article files included, are written from the store when the run ends."""

    def __init__(
        self, pipeline: Pipeline, engine: Engine, store: Store, force: bool, result: RunResult, window_size: int, named_views: set[str]
    ):
        self.pipeline = pipeline
        self.engine = engine
        self.store = store
        self.force = force
        self.result = result
        self.window_size = window_size
        self.named_views = named_views
        self.signature = pipeline.signature()
        self.seen: set[str] = set()
        self.window: list[tuple[InputRef, Article]] = []
        self.copies = CopyDesk(pipeline, store, self.signature)

    def admit(self, ref: InputRef, progress: _Progress) -> str | None:
        """Read ``ref`` and give it its identity; its status word when it is settled now (served from
        the store, or named twice), None when it waits in the window."""
        if ref.display in self.named_views:
            raise ViewNamedAsInput()
        progress.stage(ref.display, "read")
        article = self.pipeline.read(ref)
        source_key = str(ingest.resolved(ref.path)) if ref.path is not None else f"stdin:{article.source.sha256}"
        if source_key in self.seen:
            return "again"
        self.seen.add(source_key)
        stem = article.id
        article.id, renamed = self.store.claim_id(source_key, stem)
        if renamed:
            self.pipeline.notify(f"{ref.display}: its id is '{article.id}', as another source already has '{stem}'")
        if not self.force and self.store.cached_record(article.id, article.source.sha256, self.signature) is not None:
            self.store.note_served(self.result.run_id, article.id)
            self.result.from_store += 1
            return "stored"
        return self.place(ref, article)

    def place(self, ref: InputRef, article: Article) -> str | None:
        """Serve ``article`` as a copy, hold it for its twin in the window, or put it in the window."""
        served = self.copies.serve(ref, article)
        if isinstance(served, Digest):
            self.store.put_record(served.to_dict(), self.signature, self.result.run_id)
            self.result.copies += 1
            return "copy"
        if not served:
            self.window.append((ref, article))
        return None

    def flush(self, progress: _Progress) -> None:
        """Hand the window to the engine and save each record it gives back."""
        window, self.window = self.window, []
        if window:
            where = f"{len(window)} article{'s' if len(window) > 1 else ''}"
            self.save(self.engine.digest(window, lambda name: progress.stage(where, name)), progress)

    def save(self, results: Results, progress: _Progress) -> None:
        """Save each record as soon as the engine gives it back; a failed article is reported."""
        for ref, result in results:
            if isinstance(result, Exception):
                self.fail(ref, result, progress)
            else:
                self.store.put_record(result.to_dict(), self.signature, self.result.run_id)
                self.result.counts.add(result.counts)
                self.result.digested += 1
                self.result.report.succeeded.append(ref.display)
                progress.done(ref, "done")
            for held, article in self.copies.settled(ref):  # copies of it, served now (or digested, if it failed)
                status = self.place(held, article)
                if status is not None:
                    self.result.report.succeeded.append(held.display)
                    progress.done(held, status)

    def fail(self, ref: InputRef, error: Exception, progress: _Progress) -> None:
        reason = failure_reason(error)
        log.debug("failure on %s", ref.display, exc_info=error)
        self.pipeline.report_failure(ref.display, reason)
        self.result.report.failed.append((ref.display, reason))
        self.store.record_failure(self.result.run_id, ref.display, reason)
        progress.done(ref, "failed")

    def run(self, refs: list[InputRef], progress: _Progress) -> None:
        current = ""
        try:
            for ref in refs:
                current = ref.display
                try:
                    status = self.admit(ref, progress)
                except (ConfigError, OutputError, sqlite3.Error):
                    raise
                except Exception as error:  # one bad input must not stop the batch
                    self.fail(ref, error, progress)
                    continue
                if status is not None:
                    self.result.report.succeeded.append(ref.display)
                    progress.done(ref, status)
                if len(self.window) >= self.window_size:
                    self.flush(progress)
            self.flush(progress)
            self.save(self.engine.finish(lambda name: progress.stage("the last articles", name)), progress)
            while self.window:  # copies held for a twin that failed: digested themselves
                self.flush(progress)
                self.save(self.engine.finish(lambda name: progress.stage("the last articles", name)), progress)
        except (OutputError, sqlite3.Error, OSError) as error:
            # The output side failed (full disk, store locked for too long): later inputs would fail the same way.
            reason = str(error) if isinstance(error, OutputError) else f"cannot write outputs ({error})"
            self.result.stopped_by = f"{current}: {reason}"


def _stats(result: RunResult, pipeline: Pipeline) -> dict[str, Any]:
    return {
        "run": result.run_id,
        "status": result.status,
        "inputs": result.total,
        "digested": result.digested,
        "from_store": result.from_store,
        "copies": result.copies,
        "stories_touched": result.stories_touched,
        "failed": len(result.report.failed),
        "quality": asdict(result.counts),
        "summariser": pipeline.summariser_in_use(),
        "translator": pipeline.translator_in_use(),
    }


def run_batch(
    specs: list[str],
    settings: Settings,
    force: bool = False,
    progress: bool = True,
    notify: Notify | None = None,
    report_failure: FailureReport | None = None,
) -> RunResult:
    """Digest every input named by ``specs`` into settings output.dir and rebuild its views.
    Bad inputs are reported and skipped. Raises ConfigError or OutputError for problems found
    before any input is read."""
    out_dir = Path(settings.output.dir)
    formats = load_formats(settings.output.formats, settings.output.base_url, settings.output.group)
    pipeline = Pipeline(settings, notify, report_failure)
    engine = open_engine(settings, pipeline)  # starts nothing before its first window
    store = open_output(out_dir)
    try:
        batch_names = view_names()
        resolved_out = out_dir.resolve()
        # A view found in an input folder is skipped; one named on the command line fails, so that
        # the user hears why it was not digested.
        named = set(specs)
        refs = []
        named_views = set()
        skipped_views = 0
        for ref in ingest.expand_inputs(specs):
            if not _is_view(ref, resolved_out, batch_names):
                refs.append(ref)
            elif ref.display in named:
                refs.append(ref)
                named_views.add(ref.display)
            else:
                skipped_views += 1
        result = RunResult(report=BatchReport(), total=len(refs), skipped_views=skipped_views)
        batch = _Batch(pipeline, engine, store, force, result, settings.summariser.batch_size, named_views)
        result.run_id = store.start_run(batch.signature, package_version(), len(refs))
        show_bar = progress and sys.stderr.isatty() and sys.stdout.isatty()
        try:
            with _signals(raise_now=True), _Progress(show_bar, len(refs)) as bar:
                batch.run(refs, bar)
        except Interrupted as interruption:
            result.interrupted_by = interruption.signum
        except KeyboardInterrupt:
            result.interrupted_by = signal.SIGINT
        finally:
            with _signals(raise_now=False) as noted:
                _finish(store, out_dir, formats, pipeline, result)
            if noted and result.interrupted_by is None:
                result.interrupted_by = noted[0]
    finally:
        engine.close()
        store.close()
    return result


def _finish(store: Store, out_dir: Path, formats: list[OutputFormat], pipeline: Pipeline, result: RunResult) -> None:
    """Assign stories, rebuild every view from the store and close the run in it; a view that cannot be written
    stops the run as failed, with the store intact."""
    try:
        assign_pending(store, pipeline.settings.stories.window_days, result.run_id)
        result.stories_touched = store.stories_touched(result.run_id)
    except sqlite3.Error as error:
        result.stopped_by = result.stopped_by or f"cannot assign stories ({error})"
    try:
        result.in_views = rebuild_views(store, out_dir, formats, Window(), pipeline.notify)
    except (OutputError, OSError) as error:
        result.stopped_by = result.stopped_by or str(error)
    stats = _stats(result, pipeline)
    store.finish_run(
        result.run_id, result.status, result.total, result.digested, result.from_store, len(result.report.failed), stats
    )
    if result.in_views is not None:
        try:
            write_json_atomic(out_dir / STATS_NAME, stats)
        except OSError as error:
            result.stopped_by = f"{out_dir / STATS_NAME}: cannot write ({error.strerror or error})"
