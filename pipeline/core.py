"""The pipeline: the one place the stages are composed, models are loaded, and a missing model is
replaced by its fallback. Drivers (the `digest` commands, the benchmarks, a distributed engine)
give it articles and get records back; they hold no stage logic of their own.

ingest -> Article -> clean -> CleanArticle -> names -> Names -> facts -> Facts
       -> summarise -> Summary -> translate -> English -> assemble -> Digest"""

from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterator, Sequence
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline import ingest
from pipeline.errors import ModelUnavailableError
from pipeline.modelstore import configured_models, is_present
from pipeline.records import SCHEMA_VERSION, Article, CleanArticle, Digest, English, Facts, InputRef, Names, Summary
from pipeline.registry import TRANSLATORS
from pipeline.settings import Settings
from pipeline.translate.glossary import BUILTIN_GLOSSARY, load_glossary

if TYPE_CHECKING:
    from pipeline.summarise import Summariser
    from pipeline.translate.base import Translator
    from pipeline.translate.stage import ArticleToTranslate

log = logging.getLogger(__name__)

# Sections of the settings that change what a record says. `output` and `models` only change where
# things go or are found, so they are left out of the signature.
OUTPUT_SHAPING_SECTIONS = ("clean", "summariser", "translator", "facts", "glossary")

Notify = Callable[[str], None]
# An input that failed, and why: (input, reason).
FailureReport = Callable[[str, str], None]
StageHook = Callable[[str], None]


def package_version() -> str:
    try:
        return version("digest")
    except PackageNotFoundError:
        return "unknown"


@contextlib.contextmanager
def _timed(what: str) -> Iterator[None]:
    started = time.perf_counter()
    yield
    log.info("%s took %.2fs", what, time.perf_counter() - started)


def _files_named(value: object) -> list[str]:
    """Every existing file a settings value names, searched through nested tables and lists."""
    if isinstance(value, dict):
        return [name for item in value.values() for name in _files_named(item)]
    if isinstance(value, list):
        return [name for item in value for name in _files_named(item)]
    # os.path.isfile answers False for any string a file system cannot hold (pathlib raises).
    if isinstance(value, str) and value and os.path.isfile(value):
        return [value]
    return []


class Pipeline:
    """Turns articles into digest records under one set of settings.

    Models load on first use, so work served from a store never loads one. A model that is not on
    this machine is reported once through ``notify`` and replaced: the extractive summary for the
    summariser; no English (each field named in ``untranslated``) for the translator."""

    def __init__(self, settings: Settings, notify: Notify | None = None, report_failure: FailureReport | None = None):
        self.settings = settings
        self.notify: Notify = notify or log.warning
        self.report_failure: FailureReport = report_failure or (lambda name, reason: log.error("%s: %s", name, reason))
        # Read at once, so that a broken glossary file stops the run before any input is read.
        self.glossary = load_glossary(settings.glossary)
        self._summariser: Summariser | None = None
        self._translator: Translator | None = None
        self._translator_missing: str | None = None
        self._translator_tried = False

    # The stages, each one call; the `clean` and `facts` commands use the first ones alone.

    def read(self, ref: InputRef) -> Article:
        return ingest.read_article(ref)

    # The stage modules are imported when first used: a run whose every article is served from the
    # store, or `digest brief`, must not pay for their start-up (regular expressions, numeral tables).

    def clean(self, article: Article) -> CleanArticle:
        from pipeline.clean import clean_article

        return clean_article(article, self.settings.clean.script)

    def names(self, article: CleanArticle, raw_text: str = "") -> Names:
        """The article's names; its dateline place is read from ``raw_text`` (the clean stage takes
        datelines out of the body)."""
        from pipeline.names import dateline_place, find_names

        return Names(article.id, find_names(article, self.glossary), dateline_place(raw_text) if raw_text else None)

    def facts(self, article: CleanArticle) -> Facts:
        from pipeline.facts import extract_facts

        return extract_facts(article, self.settings.facts.key_figure_limit)

    def summarise(self, article: CleanArticle) -> Summary:
        return self.summariser.summarise(article)

    def translate(self, article: CleanArticle, article_facts: Facts, summary: Summary, names: Names | None = None) -> English:
        from pipeline.translate.stage import ArticleToTranslate

        (english,) = self.translate_many([ArticleToTranslate(article, article_facts, summary, names)])
        return english

    def translate_many(self, items: Sequence[ArticleToTranslate]) -> list[English]:
        """The English of several articles, each distinct sentence sent to the model once."""
        from pipeline.translate.stage import translate_articles

        translator = self.translator
        return translate_articles(items, translator, self.glossary, self._translator_missing)

    def digest(self, article: Article, on_stage: StageHook | None = None) -> Digest:
        """The record of one article read by ``read``."""
        (result,) = self.digest_many([article], on_stage)
        if isinstance(result, Exception):
            raise result
        return result

    def digest_many(self, articles: list[Article], on_stage: StageHook | None = None) -> list[Digest | Exception]:
        """The records of several articles, in order; an article that fails has its exception in its
        place. The per-article stages run one article at a time; the summariser and the translator get
        the work of all the articles at once, each distinct sentence once (several times faster on a
        model than one article at a time). A failure of the models fails the whole window."""

        def stage(name: str) -> contextlib.AbstractContextManager[None]:
            if on_stage is not None:
                on_stage(name)
            return _timed(f"{len(articles)} articles: {name}")

        results: dict[int, Digest | Exception] = {}
        prepared: list[tuple[int, CleanArticle, Names, Facts]] = []
        with stage("clean, names, facts"):
            for index, article in enumerate(articles):
                try:
                    cleaned = self.clean(article)
                    prepared.append((index, cleaned, self.names(cleaned, article.text), self.facts(cleaned)))
                except Exception as error:  # one bad article must not stop the others
                    results[index] = error
        if prepared:
            self._digest_prepared(prepared, results, stage)
        return [results[index] for index in range(len(articles))]

    def _digest_prepared(
        self,
        prepared: list[tuple[int, CleanArticle, Names, Facts]],
        results: dict[int, Digest | Exception],
        stage: Callable[[str], contextlib.AbstractContextManager[None]],
    ) -> None:
        from pipeline.assemble import build_digest
        from pipeline.translate.stage import ArticleToTranslate

        with stage("summarise"):
            summaries = self.summariser.summarise_many([cleaned for _, cleaned, _, _ in prepared])
        with stage("translate"):
            items = [
                ArticleToTranslate(cleaned, article_facts, summary, names)
                for (_, cleaned, names, article_facts), summary in zip(prepared, summaries, strict=True)
            ]
            englishes = self.translate_many(items)
        for (index, cleaned, names, article_facts), summary, english in zip(prepared, summaries, englishes, strict=True):
            results[index] = build_digest(cleaned, article_facts, summary, english, names)

    # Models, with the one fallback policy.

    @property
    def summariser(self) -> Summariser:
        if self._summariser is None:
            from pipeline.summarise import ExtractiveSummariser, load_summariser

            section = self.settings.summariser
            with _timed("loading the summariser"):
                try:
                    self._summariser = load_summariser(section, self.settings.models)
                except ModelUnavailableError as error:
                    self.notify(f"{error} (using the extractive summary instead)")
                    self._summariser = ExtractiveSummariser(section)
        return self._summariser

    @property
    def translator(self) -> Translator | None:
        """The translator, or None when its model is not on this machine (the reason is kept)."""
        if not self._translator_tried:
            self._translator_tried = True
            section = self.settings.translator
            with _timed("loading the translator"):
                try:
                    self._translator = TRANSLATORS.load(section.kind)(section, self.settings.models)
                except ModelUnavailableError as error:
                    self.notify(f"{error} (English is left out)")
                    self._translator_missing = str(error)
        return self._translator

    @property
    def translator_missing(self) -> str | None:
        """Why there is no translator (its model is not on this machine), once ``translator`` was asked for."""
        return self._translator_missing

    def summariser_in_use(self) -> str | None:
        """The id of the summariser that did the work (None when none was needed)."""
        return self._summariser.model_info.id if self._summariser is not None else None

    def translator_in_use(self) -> str | None:
        """The id of the translator that did the work: "none" when its model was missing, None when none was needed."""
        if not self._translator_tried:
            return None
        return self._translator.model_info.id if self._translator is not None else "none"

    def signature(self) -> str:
        """A hash of everything besides the input that decides a record's content: the output-shaping
        settings, the files they name (prompts, glossaries), which configured models are present (a
        record made with a fallback is redone once the model is pulled), schema and package version."""
        sections = {name: getattr(self.settings, name).model_dump(mode="json") for name in OUTPUT_SHAPING_SECTIONS}
        files = sorted(set(_files_named(sections)) | {str(BUILTIN_GLOSSARY)})
        material = {
            "schema": SCHEMA_VERSION,
            "version": package_version(),
            "settings": sections,
            "files": {name: hashlib.sha256(Path(name).read_bytes()).hexdigest() for name in files},
            "models_present": {
                model_id: is_present(self.settings.models, model_id, revision)
                for model_id, revision in configured_models(self.settings)
            },
        }
        return hashlib.sha256(json.dumps(material, sort_keys=True).encode()).hexdigest()
