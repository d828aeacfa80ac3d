"""How alike two articles are, and the rule that says they are one story.

Three signals: the MinHash estimate of the Jaccard similarity of their bodies' shingles (a syndicated
copy shares nearly all of them), the cosine of their TF-IDF words, and what they name and count:
the overlap of their people, places, organisations and programmes, and their shared key figures.
Text alone is not enough: automatic stock filings, weather bulletins and monthly statistics
releases share a long template and differ only in the company, place, date or numbers, so a pair
must also agree on what it names or counts. The thresholds were chosen on tests/data/stories
(docs/stories.md gives the measured precision and recall)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.stories.fingerprint import Fingerprint

# A syndicated copy: at least this share of shingles in common (estimated).
COPY_JACCARD = 0.5
# Other write-ups of one event: at least this cosine of their words...
SAME_WORDS = 0.6
# ...unless they disagree on what they name: both name at least NAMES_TO_DISAGREE people, places,
# organisations or programmes and share less than this share of the smaller set (two companies'
# filings of one template);
NAMES_TO_DISAGREE = 2
NAMES_SHARED = 0.34
# ...or on what they count: both give at least FIGURES_TO_DISAGREE numbers and share less than this
# share of the smaller set (another month's statistics, another day's weather).
FIGURES_TO_DISAGREE = 3
FIGURES_SHARED = 0.2


@dataclass(frozen=True)
class Likeness:
    jaccard: float
    cosine: float
    names: tuple[int, int]  # (shared, the smaller set's size)
    figures: tuple[int, int]

    @property
    def is_copy(self) -> bool:
        return self.jaccard >= COPY_JACCARD

    @property
    def names_disagree(self) -> bool:
        shared, smaller = self.names
        return smaller >= NAMES_TO_DISAGREE and shared < NAMES_SHARED * smaller

    @property
    def figures_disagree(self) -> bool:
        shared, smaller = self.figures
        return smaller >= FIGURES_TO_DISAGREE and shared < FIGURES_SHARED * smaller

    @property
    def same_story(self) -> bool:
        if self.is_copy:
            return True
        return self.cosine >= SAME_WORDS and not self.names_disagree and not self.figures_disagree


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    """The MinHash estimate of the Jaccard similarity of two bodies' shingles."""
    return np.count_nonzero(a == b) / len(a) if len(a) == len(b) and len(a) else 0.0


def is_copy(a: np.ndarray, b: np.ndarray) -> bool:
    return jaccard(a, b) >= COPY_JACCARD


def likeness(a: Fingerprint, b: Fingerprint) -> Likeness:
    small, large = (a.terms, b.terms) if len(a.terms) <= len(b.terms) else (b.terms, a.terms)
    cosine = sum(weight * large[word] for word, weight in small.items() if word in large)
    names = (len(a.names & b.names), min(len(a.names), len(b.names)))
    figures = (len(a.figures & b.figures), min(len(a.figures), len(b.figures)))
    return Likeness(jaccard(a.minhash, b.minhash), cosine, names, figures)
