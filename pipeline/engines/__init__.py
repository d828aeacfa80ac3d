"""Engines: where the runner's windows of articles are digested. The runner (pipeline/runner.py)
stays the driver whatever the engine: it reads the inputs, gives them their identity, serves stored
ones, and is the only writer of the store. An engine only takes windows of articles and gives back
each article's record, or the exception that failed it.

`local` digests each window in this process at once; `ray` streams the windows to a pool of Ray
actors and gives the records back as they arrive. Both digest a window with one
``Pipeline.digest_many`` call on exactly the window the runner cut, which is why their records are
the same (docs/cluster.md, "Same records")."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Protocol

from pipeline.core import Pipeline, StageHook
from pipeline.errors import ConfigError
from pipeline.records import Article, Digest, InputRef
from pipeline.registry import ENGINES
from pipeline.settings import Settings

# The articles the runner hands over together, with the input each came from.
Window = list[tuple[InputRef, Article]]
# Each article's record, or the exception that failed it (failures are data, never a stopped batch).
Results = Iterator[tuple[InputRef, Digest | Exception]]


class Engine(Protocol):
    def digest(self, window: Window, on_stage: StageHook) -> Results:
        """Take ``window``; yield the results that are ready now (of this window or earlier ones)."""
        ...

    def finish(self, on_stage: StageHook) -> Results:
        """Yield the results of every window taken and not yet given back."""
        ...

    def close(self) -> None:
        """Release the engine's processes; called once, whatever happened (interrupts included)."""
        ...


def digest_window(pipeline: Pipeline, articles: list[Article], on_stage: StageHook | None = None) -> list[Digest | Exception]:
    """The records of one window, in order. A failure of the models fails every article of the
    window with the same reason; a configuration error stops the run."""
    try:
        return pipeline.digest_many(articles, on_stage)
    except ConfigError:
        raise
    except Exception as error:  # the models failed: every article of the window failed with them
        return [error] * len(articles)


def open_engine(settings: Settings, pipeline: Pipeline) -> Engine:
    """The engine ``settings.engine.kind`` names; ConfigError (one line) when it cannot be used here."""
    engine: Engine = ENGINES.load(settings.engine.kind)(settings, pipeline)
    return engine
