"""Summary quality of the configured summariser over (article, reference summary) pairs: ROUGE-1, -2
and -L on characters (Chinese has no spaces, and word segmentation would make the score depend on
the segmenter), and the share of summaries that state a number the article does not have."""

from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from pipeline.core import Pipeline
from pipeline.evaluate import EvaluationError
from pipeline.records import Article, Source
from pipeline.summarise.seq2seq import source_text, unsupported_numbers

ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")


@dataclass
class SummaryPair:
    article: str
    reference: str


@dataclass
class SummaryReport:
    summariser: str
    articles: int
    rouge1: float
    rouge2: float
    rougeL: float
    unsupported_number_rate: float
    articles_per_second: float

    def to_dict(self) -> dict:
        return asdict(self)


class CharacterTokens:
    """rouge-score's tokenizer interface: every letter, digit and Han character (``isalnum``) is a
    token; whitespace and punctuation are not."""

    def tokenize(self, text: str) -> list[str]:
        return [character for character in text if character.isalnum()]


def read_pairs(path: Path) -> list[SummaryPair]:
    """The pairs of a JSON-lines file, each line an object with "article" and "reference" strings."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationError(f"cannot read {path}: {error}") from None
    pairs = []
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationError(f"{path}:{number}: not JSON ({error.msg})") from None
        if not isinstance(item, dict) or not all(isinstance(item.get(key), str) for key in ("article", "reference")):
            raise EvaluationError(f'{path}:{number}: each line needs "article" and "reference" strings')
        pairs.append(SummaryPair(item["article"], item["reference"]))
    if not pairs:
        raise EvaluationError(f"{path}: no pairs")
    return pairs


def evaluate_summaries(pipeline: Pipeline, pairs: list[SummaryPair]) -> SummaryReport:
    """Clean each article as `digest run` does, summarise them all, and score against the references.
    Articles per second counts the summariser alone (loaded, and the articles cleaned, beforehand)."""
    from rouge_score.rouge_scorer import RougeScorer

    articles = [Article(f"pair-{i + 1}", Source("", "", "utf-8"), pair.article) for i, pair in enumerate(pairs)]
    cleaned = [pipeline.clean(article) for article in articles]
    summariser = pipeline.summariser
    started = time.perf_counter()
    summaries = summariser.summarise_many(cleaned)
    elapsed = time.perf_counter() - started
    scorer = RougeScorer(list(ROUGE_TYPES), tokenizer=CharacterTokens())
    scores = [scorer.score(pair.reference, summary.summary_zh) for pair, summary in zip(pairs, summaries, strict=True)]
    mean = {kind: round(100 * sum(score[kind].fmeasure for score in scores) / len(scores), 2) for kind in ROUGE_TYPES}
    unsupported = sum(bool(unsupported_numbers(s.summary_zh, source_text(c))) for s, c in zip(summaries, cleaned, strict=True))
    return SummaryReport(
        summariser=pipeline.summariser_in_use() or "none",
        articles=len(pairs),
        rouge1=mean["rouge1"],
        rouge2=mean["rouge2"],
        rougeL=mean["rougeL"],
        unsupported_number_rate=round(unsupported / len(pairs), 4),
        articles_per_second=round(len(pairs) / elapsed, 2) if elapsed > 0 else 0.0,
    )
