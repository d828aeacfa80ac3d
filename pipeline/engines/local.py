"""The local engine: each window is digested in this process as soon as the runner hands it over."""

from __future__ import annotations

from pipeline.core import Pipeline, StageHook
from pipeline.engines import Results, Window, digest_window
from pipeline.settings import Settings


class LocalEngine:
    def __init__(self, settings: Settings, pipeline: Pipeline):
        self.pipeline = pipeline

    def digest(self, window: Window, on_stage: StageHook) -> Results:
        results = digest_window(self.pipeline, [article for _, article in window], on_stage)
        yield from zip([ref for ref, _ in window], results, strict=True)

    def finish(self, on_stage: StageHook) -> Results:
        yield from ()

    def close(self) -> None:
        pass
