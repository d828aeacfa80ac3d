"""Key-figure ranking: which figures a reader of the digest needs first.

Points add up per figure (see docs/faithfulness/facts.md, "Key figures"): a figure repeated in the title, the lead paragraph,
totals and cumulative results, money, shares and large magnitudes score up; tiny counts (1人, 2个)
and durations score down. Repeats of the same figure in the same sentence wording score nothing.
Figures are chosen one at a time, each further figure from an already-used sentence losing points,
so the key figures cover the article."""

from __future__ import annotations

import re
from decimal import Decimal

from pipeline.facts.units import UNITS
from pipeline.lang.zh import CLAUSE_BREAK, HAN
from pipeline.lang.zh_units import measure_words
from pipeline.records import Figure
from pipeline.text import is_damaged

TITLE_POINTS = 3.0
# The words just before the figure share a two-character word with the title: it counts the
# article's subject (高技能人才达293万人 under the title 959万技能人才成制造强省有力支撑).
TITLE_TOPIC_POINTS = 1.0
LEAD_POINTS = 2.0
TOTAL_POINTS = 2.0
MONEY_POINTS = 1.5
SHARE_POINTS = 1.0
TEN_THOUSANDS_POINTS = 1.0
MILLIONS_POINTS = 1.0
HUNDRED_MILLIONS_POINTS = 0.5
TINY_COUNT_POINTS = -2.0
_TINY_COUNT = 2  # a count of 1 or 2
SMALL_COUNT_POINTS = -1.0
DURATION_POINTS = -0.5
# Per figure already chosen from the same sentence: a digest should cover the article, not list
# every amount of one long enumeration.
SAME_SENTENCE_POINTS = -1.5

# Words that make a figure a total or a cumulative result when they come shortly before it.
_TOTAL_WORDS = re.compile(r"总量|总数|总额|总计|合计|累计|共|全市|全省|全区|全国|全年")
_TOTAL_LOOKBACK = 20
# 来自全国各地: "from all over the country" qualifies where from, not how many in total.
_NOT_TOTALS = re.compile(r"全[国省市区]各[地级]")
_SHARE_UNITS = frozenset(word.unit for word in measure_words() if word.kind == "share")
_DURATION_UNITS = frozenset(word.unit for word in measure_words() if word.kind == "time")
# The lead is the first paragraph long enough to be prose rather than a title, byline or caption.
LEAD_MIN_CHARS = 40


def lead_span(paragraphs: list[str]) -> tuple[int, int]:
    """Offsets, in "\\n".join(paragraphs), of the lead paragraph; (0, 0) when there is none."""
    start = 0
    for paragraph in paragraphs:
        if len(paragraph) >= LEAD_MIN_CHARS:
            return start, start + len(paragraph)
        start += len(paragraph) + 1
    return 0, 0


def _unit_points(figure: Figure) -> float:
    unit = UNITS.get(figure.unit_zh)
    if unit is not None and unit.money:
        return MONEY_POINTS
    if figure.unit_zh in _SHARE_UNITS:
        return SHARE_POINTS
    if figure.unit_zh in _DURATION_UNITS:
        return DURATION_POINTS
    if _is_count(figure):
        if figure.value <= _TINY_COUNT:
            return TINY_COUNT_POINTS
        if figure.value < 10:
            return SMALL_COUNT_POINTS
    return 0.0


def _is_count(figure: Figure) -> bool:
    """A single count of people or things (not a range)."""
    unit = UNITS.get(figure.unit_zh)
    return unit is not None and unit.counting and figure.value_high is None


def _quantity(figure: Figure) -> tuple[Decimal, Decimal | None, str]:
    return figure.value, figure.value_high, figure.unit_zh


def _is_bare_tiny_count(figure: Figure) -> bool:
    return _is_count(figure) and figure.value <= _TINY_COUNT and not UNITS[figure.unit_zh].plural


def _magnitude_points(value: Decimal) -> float:
    thresholds = ((10**4, TEN_THOUSANDS_POINTS), (10**6, MILLIONS_POINTS), (10**8, HUNDRED_MILLIONS_POINTS))
    return sum(points for threshold, points in thresholds if value >= threshold)


def han_bigrams(text: str) -> set[str]:
    return {text[i : i + 2] for i in range(len(text) - 1) if HAN.fullmatch(text[i]) and HAN.fullmatch(text[i + 1])}


def score_figure(
    figure: Figure, text: str, title_values: set[Decimal], title_bigrams: set[str], lead: tuple[int, int]
) -> float:
    """The ranking score of one figure of ``text`` (the article body)."""
    score = _unit_points(figure) + _magnitude_points(figure.value)
    clause = _clause_before(text, figure.start)
    if figure.value in title_values:
        score += TITLE_POINTS
    elif han_bigrams(clause) & title_bigrams:
        score += TITLE_TOPIC_POINTS
    if lead[0] <= figure.start < lead[1]:
        score += LEAD_POINTS
    if _TOTAL_WORDS.search(_NOT_TOTALS.sub("", clause)):
        score += TOTAL_POINTS
    return score


def _clause_before(text: str, offset: int) -> str:
    """The words of the clause before ``offset`` (no further back than a comma)."""
    before = text[max(0, offset - _TOTAL_LOOKBACK) : offset]
    return CLAUSE_BREAK.split(before)[-1]


def select_key_figures(figures: list[Figure], limit: int | None) -> list[Figure]:
    """The ``limit`` best-scored figures (all when None), in text order; a figure repeated with the
    same wording in the same sentence (a repeated paragraph) counts once, and a figure of a damaged
    sentence (cut by the clean stage) is left out, as its sentence cannot be quoted as whole."""
    seen: set[tuple[str, str]] = set()
    distinct = []
    for figure in figures:
        key = (figure.text_zh, figure.context_zh)
        if key not in seen and not is_damaged(figure.context_zh):
            seen.add(key)
            distinct.append(figure)
    if limit is None:
        return distinct
    # A bare 2 (两次, 两个) tells an editor nothing without the noun English leaves to the translator.
    distinct = [figure for figure in distinct if not _is_bare_tiny_count(figure)]
    chosen: list[Figure] = []
    chosen_per_sentence: dict[str, int] = {}
    candidates = list(distinct)
    while candidates and len(chosen) < limit:
        best = max(
            candidates,
            key=lambda f: (f.score + SAME_SENTENCE_POINTS * chosen_per_sentence.get(f.context_zh, 0), -f.start),
        )
        candidates.remove(best)
        # The same quantity said again (the 18% rate in every paragraph of a story about it) is one fact.
        candidates = [f for f in candidates if _quantity(f) != _quantity(best)]
        chosen.append(best)
        chosen_per_sentence[best.context_zh] = chosen_per_sentence.get(best.context_zh, 0) + 1
    return sorted(chosen, key=lambda figure: figure.start)
