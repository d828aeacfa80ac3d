"""The labelled story set (tests/data/stories, README there) made into records by the real stages
(clean, names, facts; no model), and pairwise precision and recall of story assignment on it.

`python tests/story_labels.py` prints the figures docs/stories.md reports."""

from __future__ import annotations

import itertools
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
sys.path.insert(0, str(Path(__file__).parent.parent))

from pipeline.assemble import build_digest
from pipeline.config import load_config
from pipeline.core import Pipeline
from pipeline.records import English, InputRef, ModelInfo, Summary

LABELS = Path(__file__).parent / "data" / "stories" / "articles.jsonl"


def labelled() -> list[dict]:
    return [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]


def records(articles: list[dict]) -> list[dict]:
    """The record of each labelled article as the stages make it without models, dated and
    attributed as labelled (the text alone often does not say)."""
    pipeline = Pipeline(load_config(overrides={"summariser": {"kind": "extractive"}}))
    made = []
    with tempfile.TemporaryDirectory() as folder:
        for article in articles:
            path = Path(folder) / f"{article['id']}.txt"
            path.write_text(article["text"], encoding="utf-8")
            read = pipeline.read(InputRef(str(path), path))
            cleaned = pipeline.clean(read)
            record = build_digest(
                cleaned, pipeline.facts(cleaned), Summary("", "", ModelInfo("none")), English({}, ModelInfo("none")), pipeline.names(cleaned, read.text)
            ).to_dict()
            record["metadata"].update(date=article["date"], publisher_zh=article["outlet"], publisher_en=None)
            made.append(record)
    return made


@dataclass
class Score:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    @property
    def precision(self) -> float:
        found = self.true_positive + self.false_positive
        return self.true_positive / found if found else 1.0

    @property
    def recall(self) -> float:
        wanted = self.true_positive + self.false_negative
        return self.true_positive / wanted if wanted else 1.0

    @property
    def f1(self) -> float:
        total = self.precision + self.recall
        return 2 * self.precision * self.recall / total if total else 0.0

    def __str__(self) -> str:
        return f"P {self.precision:.2f} R {self.recall:.2f} F1 {self.f1:.2f} (tp {self.true_positive}, fp {self.false_positive}, fn {self.false_negative})"


def score(articles: list[dict], story_of: dict[str, str]) -> dict[str, Score]:
    """Pairwise scores: copies (pairs of one copy group), same event (pairs of one story, not copies),
    all pairs; and the template look-alikes (one template, two stories) merged."""
    scores = {"copies": Score(), "same event": Score(), "all pairs": Score(), "look-alikes merged": Score()}
    for a, b in itertools.combinations(articles, 2):
        predicted = story_of[a["id"]] == story_of[b["id"]]
        same = a["story"] == b["story"]
        copy = a["copy_group"] is not None and a["copy_group"] == b["copy_group"]
        kinds = ["all pairs"]
        if copy:
            kinds.append("copies")
        elif same:
            kinds.append("same event")
        if not same and a["template"] is not None and a["template"] == b["template"]:
            scores["look-alikes merged"].false_negative += not predicted
            scores["look-alikes merged"].true_positive += predicted
        for kind in kinds:
            score = scores[kind]
            if predicted and same:
                score.true_positive += 1
            elif predicted:
                score.false_positive += 1
            elif same:
                score.false_negative += 1
        # A wrong merge of two stories counts against the kind of neither: it is in "all pairs".
    return scores


def assigned(tmp: Path, window_days: int = 7) -> tuple[list[dict], dict[str, str]]:
    """The labelled articles assigned in one store (one pass, in date order, as a run does)."""
    from pipeline.store import Store
    from pipeline.stories.assign import assign_pending

    articles = labelled()
    store = Store(tmp)
    try:
        for record in records(articles):
            store.put_record(record, "labels", 0)
        assign_pending(store, window_days)
        story_of = dict(store.connection.execute("SELECT article_id, story_id FROM story_articles"))
    finally:
        store.close()
    return articles, story_of


def report(window_days: int) -> str:
    with tempfile.TemporaryDirectory() as folder:
        articles, story_of = assigned(Path(folder), window_days)
    scores = score(articles, story_of)
    lookalikes = scores.pop("look-alikes merged")
    lines = [f"{kind:12} {result}" for kind, result in scores.items()]
    total = lookalikes.true_positive + lookalikes.false_negative
    return "\n".join([*lines, f"look-alikes merged: {lookalikes.true_positive} of {total} pairs"])


if __name__ == "__main__":
    print(f"window 7 days:\n{report(7)}")
    # Text, names and figures alone, the dates ignored: how the rule holds up when look-alikes share a week.
    print(f"no window (dates ignored):\n{report(20_000)}")
