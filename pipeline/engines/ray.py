"""The Ray engine: the runner's windows go through a Ray Dataset to a pool of actors, each holding
one pipeline (its models loaded once), and the records stream back to the runner, which saves each
at once. Nothing on the cluster writes the store.

- The runner reads the inputs and ships the articles it read (their text), so the nodes need no
  shared file system; they need digest, the settings' files and the models at the same paths.
- A window is one row, digested by one ``Pipeline.digest_many`` call, exactly as the local engine
  does: records are the same whichever engine made them (docs/cluster.md, "Same records").
- Failures are data: an article that fails comes back as its one-line reason. An actor that dies is
  restarted and its windows retried by Ray Data; what the cluster still loses (a node gone with its
  results) is sent again, up to ``ATTEMPTS`` times, and an article never comes back twice.
- The runner's memory is bounded: windows are sent in rounds of at most ``ROUND_ARTICLES``."""

from __future__ import annotations

import contextlib
import logging
import os
import pickle
import signal
import sys
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any, cast

from pipeline.batch import failure_reason
from pipeline.core import Pipeline, StageHook
from pipeline.engines import Results, Window, digest_window
from pipeline.errors import ConfigError, DigestError
from pipeline.modelstore import configured_models, is_present
from pipeline.records import Digest
from pipeline.settings import Settings, validate_settings

try:
    import ray
    import ray.data
    from ray.util.scheduling_strategies import NodeAffinitySchedulingStrategy
except ImportError:
    raise ConfigError("the ray engine needs Ray, which is not installed: pip install 'digest[ray]'") from None

if TYPE_CHECKING:
    import pyarrow

log = logging.getLogger(__name__)

# Articles sent in one round (one Dataset): the runner holds their text until their records are back.
# Each round starts its actors again, so a round is many windows per actor (model loads are a few
# seconds; a round of 1024 articles is minutes of work).
ROUND_ARTICLES = 1024
# Rounds of resending what the cluster lost before the articles still missing are failures.
ATTEMPTS = 3


@contextlib.contextmanager
def _stderr_silenced() -> Iterator[None]:
    """File descriptor 2 goes nowhere meanwhile (Ray's C++ code writes to it directly)."""
    sys.stderr.flush()
    saved = os.dup(2)
    try:
        with open(os.devnull, "w") as devnull:
            os.dup2(devnull.fileno(), 2)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)


class LostByCluster(DigestError):
    """An article whose record the cluster lost more than ``ATTEMPTS`` times; a re-run digests it."""


class _WindowDigester:
    """One Ray Data actor: one pipeline, built once from the run's validated settings."""

    def __init__(self, settings: Settings):
        self.notes: list[str] = []
        self.pipeline = Pipeline(settings, notify=self.notes.append)

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        rows: dict[str, list[Any]] = {"window": [], "position": [], "digest": [], "reason": [], "stops": [], "notes": []}

        def add(window: int, position: int, digest: bytes = b"", reason: str = "", stops: bool = False) -> None:
            rows["window"].append(window)
            rows["position"].append(position)
            rows["digest"].append(digest)
            rows["reason"].append(reason)
            rows["stops"].append(stops)
            rows["notes"].append("\n".join(self.notes))
            self.notes.clear()

        for window, payload in zip(batch["window"], batch["articles"], strict=True):
            try:
                results = digest_window(self.pipeline, pickle.loads(payload))
            except ConfigError as error:  # the run stops, as it would locally
                add(int(window), -1, reason=str(error), stops=True)
                continue
            for position, result in enumerate(results):
                if isinstance(result, Exception):
                    add(int(window), position, reason=failure_reason(result))
                else:
                    add(int(window), position, digest=pickle.dumps(result))
        return rows


class _Failed(DigestError):
    """A failure reported by an actor, carrying the reason the local engine would give."""


def _node_problem(settings: Settings, models_present: dict[str, bool]) -> str | None:
    """Why this node cannot make the records the runner expects (settings' files unreadable, a
    model present on one side only), or None."""
    where = f"Ray node {ray.util.get_node_ip_address()}"
    try:
        validate_settings(settings.as_dict())
    except ConfigError as error:
        return f"{where}: {error}"
    for model_id, revision in configured_models(settings):
        here = is_present(settings.models, model_id, revision)
        if here != models_present[model_id]:
            side = "is not in" if not here else "is in this node's"
            return (
                f"{where}: model '{model_id}' {side} {settings.models.dir} but the runner's models folder says otherwise; "
                "run `digest models pull` with the same models.dir on every node, or point models.dir to a folder they share"
            )
    return None


class RayEngine:
    def __init__(self, settings: Settings, pipeline: Pipeline):
        self.section = settings.engine
        self.pipeline = pipeline
        # Each actor's models use the CPUs Ray reserves for it, so that actors do not oversubscribe a node.
        self.actor_settings = settings.replace(models=settings.models.model_copy(update={"threads": self.section.cpus_per_worker}))
        self.round: list[Window] = []
        self.workers = 0
        self.started = False
        self.notes_seen: set[str] = set()

    def digest(self, window: Window, on_stage: StageHook) -> Results:
        self.round.append(window)
        if sum(len(taken) for taken in self.round) >= ROUND_ARTICLES:
            yield from self._run_round(on_stage)

    def finish(self, on_stage: StageHook) -> Results:
        if self.round:
            yield from self._run_round(on_stage)

    def close(self) -> None:
        if self.started:
            self.started = False
            ray.shutdown()

    def _start(self) -> None:
        """Start or join Ray, and check every node before any article is sent."""
        if self.started:
            return
        self.started = True
        # ray.init makes SIGTERM exit the process at once; the runner's handler must stay in charge.
        sigterm = signal.getsignal(signal.SIGTERM)
        quiet: dict[str, Any] = {"log_to_driver": False, "logging_level": logging.ERROR}
        # Ray's C++ core writes its notices (one per actor Ray Data starts) to the runner's stderr, whose
        # lines must stay one per input; the level is read when Ray starts, which says so on stderr too.
        os.environ.setdefault("RAY_BACKEND_LOG_LEVEL", "fatal")
        try:
            with _stderr_silenced():
                if self.section.address:
                    ray.init(address=self.section.address, **quiet)
                else:
                    cpus = self.section.workers * self.section.cpus_per_worker or None
                    # "local": a Ray of its own, even when `ray start` or another run left one here.
                    ray.init(address="local", num_cpus=cpus, include_dashboard=False, **quiet)
        except (ConnectionError, ValueError, RuntimeError) as error:
            raise ConfigError(f"cannot start or join Ray at {self.section.address or 'this machine'} ({error})") from None
        finally:
            if threading.current_thread() is threading.main_thread():
                signal.signal(signal.SIGTERM, sigterm)
        context = ray.data.DataContext.get_current()
        context.enable_progress_bars = False
        context.print_on_execution_start = False
        # Records come back in window order, so the store receives them in the order the local engine
        # saves them (views list the articles of one day in that order); a slow window holds back the
        # finished ones after it, not their work.
        context.execution_options.preserve_order = True
        logging.getLogger("ray.data").setLevel(logging.ERROR)
        cluster_cpus = int(ray.cluster_resources().get("CPU", 0))
        self.workers = self.section.workers or max(1, cluster_cpus // self.section.cpus_per_worker)
        self._check_nodes()

    def _check_nodes(self) -> None:
        expected = {model_id: is_present(self.actor_settings.models, model_id, revision) for model_id, revision in configured_models(self.actor_settings)}
        check = ray.remote(num_cpus=0)(_node_problem)
        nodes = [node for node in ray.nodes() if node["Alive"] and node["Resources"].get("CPU", 0) >= self.section.cpus_per_worker]
        if not nodes:
            raise ConfigError(f"no Ray node has {self.section.cpus_per_worker} CPUs for one worker (--cpus-per-worker)")
        pending = [
            check.options(scheduling_strategy=NodeAffinitySchedulingStrategy(node["NodeID"], soft=False)).remote(self.actor_settings, expected)
            for node in nodes
        ]
        try:
            problems = [problem for problem in ray.get(pending) if problem]
        except ray.exceptions.RayError as error:
            raise ConfigError(f"cannot check the Ray nodes ({type(error).__name__})") from None
        if problems:
            raise ConfigError(problems[0])

    def _run_round(self, on_stage: StageHook) -> Results:
        windows, self.round = dict(enumerate(self.round)), []
        self._start()
        # The results of each window not given back yet, by position: a window is given back whole, once,
        # so that the runner saves records in the local engine's order.
        arrived: dict[int, dict[int, Digest | Exception]] = {index: {} for index in windows}
        lost_reason = ""
        for _attempt in range(ATTEMPTS):
            if not arrived:
                return
            on_stage(f"on {self.workers} Ray workers")
            try:
                for row in self._stream({index: windows[index] for index in arrived}):
                    if row["stops"]:
                        raise ConfigError(row["reason"])
                    self._notify(row["notes"])
                    results = arrived.get(row["window"])
                    if results is None or row["position"] in results:  # a window sent again: what came back first is kept
                        continue
                    results[row["position"]] = pickle.loads(row["digest"]) if row["digest"] else _Failed(row["reason"])
                    window = windows[row["window"]]
                    if len(results) == len(window):
                        del arrived[row["window"]]
                        yield from [(ref, results[position]) for position, (ref, _) in enumerate(window)]
            except ray.exceptions.RayError as error:
                lost_reason = type(error).__name__
                log.info("the Ray cluster lost work (%s); sending the missing windows again", lost_reason)
        lost = LostByCluster(f"the Ray cluster lost its record {ATTEMPTS} times ({lost_reason}); run again to digest it")
        for index, results in arrived.items():
            yield from [(ref, results.get(position, lost)) for position, (ref, _) in enumerate(windows[index])]

    def _stream(self, windows: dict[int, Window]) -> Iterator[dict[str, Any]]:
        """The rows of every article of ``windows``, as the actors finish them."""
        items = [{"window": index, "articles": pickle.dumps([article for _, article in window])} for index, window in windows.items()]
        dataset = ray.data.from_items(items, override_num_blocks=len(items)).map_batches(
            _WindowDigester,
            fn_constructor_kwargs={"settings": self.actor_settings},
            batch_size=1,
            concurrency=(1, self.workers),
            num_cpus=self.section.cpus_per_worker,
        )
        for batch in dataset.iter_batches(batch_size=None, batch_format="pyarrow"):
            yield from cast("pyarrow.Table", batch).to_pylist()

    def _notify(self, notes: str) -> None:
        """Say once what the actors' pipelines said (a model replaced by its fallback), as locally."""
        for note in notes.splitlines():
            if note not in self.notes_seen:
                self.notes_seen.add(note)
                self.pipeline.notify(note)

