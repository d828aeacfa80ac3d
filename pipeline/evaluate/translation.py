"""Translation quality of one translator over parallel sentences: BLEU and chrF from sacrebleu, and
digest's own checks on every sentence: each source figure's English present exactly, no number the
source does not have, each protected name kept, and the placeholders the stage had to repair."""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import asdict, dataclass, replace

from pipeline.clean.script import to_simplified
from pipeline.core import Pipeline
from pipeline.errors import ModelUnavailableError
from pipeline.evaluate import EvaluationError
from pipeline.facts import find_figures
from pipeline.records import CleanArticle, EnglishField, FieldRef, Metadata, ModelInfo, Source, Summary
from pipeline.translate.protect import fixed_spans
from pipeline.translate.stage import ArticleToTranslate

# Sentences translated together: the stage's model calls batch across them, as across a window of articles.
WINDOW = 32
_SUMMARY = FieldRef(EnglishField.SUMMARY)


@dataclass
class SentenceCheck:
    english: str
    figures_exact: bool
    names: int
    names_kept: int
    placeholder_repairs: int
    numbers_unverified: int


@dataclass
class TranslationReport:
    translator: str
    sentences: int
    bleu: float
    bleu_signature: str
    chrf: float
    chrf_signature: str
    number_error_rate: float
    names: int
    names_kept: int
    placeholder_repairs: int
    numbers_unverified: int
    sentences_per_second: float

    def to_dict(self) -> dict:
        return asdict(self)


def _sentence_item(pipeline: Pipeline, index: int, line: str) -> ArticleToTranslate:
    """One source sentence as the translation stage reads an article: its figures and names found by
    the facts and names stages, and the sentence itself as the one field to translate."""
    sentence = to_simplified(line)
    clean = CleanArticle(f"sentence-{index + 1}", Source("", "", "utf-8"), Metadata(), [sentence])
    facts = replace(pipeline.facts(clean), key_figures=[], programmes=[])
    return ArticleToTranslate(clean, facts, Summary("", sentence, ModelInfo("source")), pipeline.names(clean))


def _check(item: ArticleToTranslate, english_text: str | None, counts_repairs: int, unverified: int) -> SentenceCheck:
    english = english_text or ""
    folded = english.casefold()
    sentence = item.summary.summary_zh
    figures = find_figures(sentence, item.facts.currency)
    names = item.names.fixed if item.names is not None else []
    carried = {en for _, _, en in fixed_spans(sentence, names)}
    return SentenceCheck(
        english=english,
        figures_exact=unverified == 0 and all(f.text_en.casefold() in folded for f in figures),
        names=len(carried),
        names_kept=sum(en.casefold() in folded for en in carried),
        placeholder_repairs=counts_repairs,
        numbers_unverified=unverified,
    )


def translate_sentences(pipeline: Pipeline, items: Sequence[ArticleToTranslate]) -> list[SentenceCheck]:
    """Each prepared sentence through the pipeline's translation stage, checked."""
    checks = []
    for start in range(0, len(items), WINDOW):
        window = items[start : start + WINDOW]
        for item, english in zip(window, pipeline.translate_many(window), strict=True):
            counts = english.counts
            repairs = counts.placeholders_dropped + counts.placeholders_duplicated + counts.placeholders_invented
            checks.append(_check(item, english.text(_SUMMARY), repairs, counts.numbers_unverified))
    return checks


def evaluate_translation(pipeline: Pipeline, sources: Sequence[str], references: Sequence[str]) -> TranslationReport:
    """BLEU, chrF and digest's checks of the pipeline's translator over ``sources`` against ``references``.
    Sentences per second counts the translation stage alone: loading the model and finding each
    sentence's figures and names come before the clock starts."""
    from sacrebleu.metrics import BLEU, CHRF

    if len(sources) != len(references):
        raise EvaluationError(f"the source has {len(sources)} sentences and the reference {len(references)}")
    if not sources:
        raise EvaluationError("the test set has no sentences")
    if pipeline.translator is None:
        raise ModelUnavailableError(pipeline.translator_missing or "no translation model available")
    items = [_sentence_item(pipeline, index, line) for index, line in enumerate(sources)]
    started = time.perf_counter()
    checks = translate_sentences(pipeline, items)
    elapsed = time.perf_counter() - started
    hypotheses = [check.english for check in checks]
    bleu, chrf = BLEU(), CHRF()
    bleu_score = bleu.corpus_score(hypotheses, [list(references)])
    chrf_score = chrf.corpus_score(hypotheses, [list(references)])
    return TranslationReport(
        translator=pipeline.translator_in_use() or "none",
        sentences=len(checks),
        bleu=round(bleu_score.score, 2),
        bleu_signature=str(bleu.get_signature()),
        chrf=round(chrf_score.score, 2),
        chrf_signature=str(chrf.get_signature()),
        number_error_rate=round(sum(not check.figures_exact for check in checks) / len(checks), 4),
        names=sum(check.names for check in checks),
        names_kept=sum(check.names_kept for check in checks),
        placeholder_repairs=sum(check.placeholder_repairs for check in checks),
        numbers_unverified=sum(check.numbers_unverified for check in checks),
        sentences_per_second=round(len(checks) / elapsed, 2) if elapsed > 0 else 0.0,
    )


def zh_en_testsets() -> list[str]:
    """The test sets sacrebleu knows with a zh-en pair."""
    from sacrebleu.dataset import DATASETS

    return sorted(name for name, dataset in DATASETS.items() if "zh-en" in dataset.langpairs)


def load_testset(name: str) -> tuple[list[str], list[str]]:
    """Source and first reference of sacrebleu's test set ``name`` (zh-en), downloaded by sacrebleu
    into its cache when it is not there yet."""
    known = zh_en_testsets()
    if name not in known:
        raise EvaluationError(f"unknown zh-en test set '{name}' (known: {', '.join(known)})")
    from sacrebleu.utils import get_reference_files, get_source_file

    try:
        source_file = get_source_file(name, "zh-en")
        reference_files = get_reference_files(name, "zh-en")
    except (Exception, SystemExit) as error:  # sacrebleu exits or raises URLError when it cannot download
        raise EvaluationError(
            f"cannot get test set '{name}' ({type(error).__name__}: {error}); sacrebleu downloads it on a machine "
            "with internet access, into ~/.sacrebleu (or $SACREBLEU)"
        ) from None
    return read_lines(source_file), read_lines(reference_files[0])


def read_lines(path: str) -> list[str]:
    """The lines of a UTF-8 text file, one sentence each."""
    try:
        with open(path, encoding="utf-8") as handle:
            return [line.rstrip("\n").strip() for line in handle]
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read {path}: {error}") from None
