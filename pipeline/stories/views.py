"""Stories as the views show them: the records of one story grouped and ranked, the lead article
chosen, and the key figures of its articles merged across outlets, with the figures that differ
between outlets flagged.

A record's ``story`` object (set by story assignment) names its story; a record without one (made
before stories existed) is a story of its own. Only the records being rendered are grouped, so a
view of a date window shows the part of each story inside the window.

Two key figures of different articles count the same quantity when their units measure the same
thing (人, 名 and 位 are all people), they name no different years, and the nouns of the clauses that
hold them overlap enough (SAME_VALUE_OVERLAP and the stricter DIFFERENT_VALUE_* below). Within one article the facts stage already
made each quantity one figure, so a figure is matched to at most one figure of another article:
the best-matching one."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

from pipeline.facts.units import UNITS
from pipeline.lang.zh import HAN
from pipeline.render import figure_clause, outlet

Record = dict

# The lead article is the earliest-dated of the fullest ones: those whose cleaned body is at least
# this share of the longest body in the story (a copy that only lost a caption still counts as full).
LEAD_FULLNESS = 0.9
# Two figures count the same thing when the nouns of their clauses, weighted by IDF, overlap: the
# shared weight over the smaller clause's ("overlap") and over both clauses' ("Jaccard"). Figures
# that agree need an overlap of SAME_VALUE_OVERLAP; figures with different values, which are
# flagged to the editor, also need DIFFERENT_VALUE_OVERLAP and DIFFERENT_VALUE_JACCARD, because a
# short clause ("食品价格下降2.7%") is contained in many others ("非食品价格上涨0.9%"). Chosen on the
# hand-labelled real pairs of tests/data/figure_pairs.tsv and on a People's Daily and a 财经网 report
# of the same CPI release (docs/story-views.md); no different quantities were taken for one there.
SAME_VALUE_OVERLAP = 0.6
DIFFERENT_VALUE_OVERLAP = 0.7
DIFFERENT_VALUE_JACCARD = 0.4
# jieba part-of-speech tags of the words that name what a figure counts: nouns (n, nr, ns, nt, nz,
# ng) and abbreviations (j).
_NOUN_TAGS = ("n", "j")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


def story_of(record: Record) -> dict:
    """The record's story object; a record without one is a story of its own."""
    story = record.get("story")
    if story:
        return story
    return {
        "id": record["id"],
        "articles": [record["id"]],
        "outlets": [outlet(record)],
        "first_seen": record["metadata"]["date"],
        "first_outlet": outlet(record),
        "copy_of": None,
    }


@functools.cache
def _idf() -> tuple[dict[str, float], float]:
    import jieba.analyse

    return jieba.analyse.default_tfidf.idf_freq, jieba.analyse.default_tfidf.median_idf


# Bounded caches: a view rebuild asks about the same clauses and pairs once per format.
@functools.lru_cache(maxsize=1 << 16)
def _clause_nouns(clause: str, figure_zh: str) -> frozenset[str]:
    import jieba
    import jieba.posseg

    jieba.setLogLevel(60)  # no "Building prefix dict" chatter in a run's output
    nouns: set[str] = set()
    for part in clause.split(figure_zh):
        nouns.update(pair.word for pair in jieba.posseg.lcut(part) if pair.flag.startswith(_NOUN_TAGS) and HAN.search(pair.word))
    return frozenset(nouns)


@dataclass(frozen=True)
class Counted:
    """What the matching rule reads of a figure, worked out once per figure."""

    unit: str  # units that count the same thing share one: 人, 名 and 位 are all "people"
    value: tuple  # a range's low end is its value; its English says the high end too
    years: frozenset[str]
    residue: str  # the clause holding the figure, the figure itself blanked out
    nouns: frozenset[str]  # the nouns of that residue: what the figure counts


def counted(figure: dict) -> Counted:
    unit = UNITS.get(figure["unit_zh"])
    clause = figure_clause(figure)
    return Counted(
        unit=unit.plural if unit is not None and unit.plural else figure["unit_zh"],
        value=(figure["value"], figure["text_en"] if figure["qualifier"] == "range" else ""),
        years=frozenset(_YEAR.findall(figure["context_zh"])),
        residue=clause.replace(figure["text_zh"], "\x00"),
        nouns=_clause_nouns(clause, figure["text_zh"]),
    )


def counted_similarity(a: Counted, b: Counted) -> tuple[float, float]:
    """(overlap, Jaccard) of what two figures count: the IDF weight of the nouns their clauses share
    over the smaller clause's, and over both clauses'; 0 to 1 each."""
    idf, median = _idf()

    def weight(words: frozenset[str]) -> float:
        return sum(idf.get(word, median) for word in words)

    shared, smaller, union = weight(a.nouns & b.nouns), min(weight(a.nouns), weight(b.nouns)), weight(a.nouns | b.nouns)
    return (shared / smaller if smaller else 0.0, shared / union if union else 0.0)


@functools.lru_cache(maxsize=1 << 16)
def similarity(a: Counted, b: Counted) -> float:
    """How alike two figures are when they count the same quantity, else 0."""
    if a.unit != b.unit or (a.years and b.years and not a.years & b.years):
        return 0.0
    if a.value == b.value and a.residue == b.residue:
        # The same value in clauses worded alike counts the same thing even without a noun
        # (城市上涨0.3%); with different values such clauses are often different components
        # (影响CPI下降约0.22个百分点, 约0.08个百分点, each after its own item).
        return 1.0
    overlap, jaccard = counted_similarity(a, b)
    if a.value == b.value:
        return overlap if overlap >= SAME_VALUE_OVERLAP else 0.0
    return overlap if overlap >= DIFFERENT_VALUE_OVERLAP and jaccard >= DIFFERENT_VALUE_JACCARD else 0.0


def same_quantity(a: dict, b: dict) -> float:
    """The similarity of two key figures when they count the same quantity, else 0."""
    return similarity(counted(a), counted(b))


@dataclass
class FigureReport:
    """One article's figure on a merged line."""

    record: Record
    figure: dict
    counted: Counted

    @property
    def outlet(self) -> str:
        return outlet(self.record)


@dataclass
class ReportedValue:
    """One value of a merged figure and the outlets that give it, each with its source sentence."""

    text_en: str
    reports: list[FigureReport]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(report.outlet for report in self.reports))


@dataclass
class MergedFigure:
    """One quantity as the story's articles report it."""

    reports: list[FigureReport] = field(default_factory=list)
    # The distinct ways its figures are said: a figure is compared with each once (copies say it alike).
    wordings: set[Counted] = field(default_factory=set)

    def add(self, report: FigureReport) -> None:
        self.reports.append(report)
        self.wordings.add(report.counted)

    @property
    def first(self) -> FigureReport:
        return self.reports[0]

    @property
    def values(self) -> list[ReportedValue]:
        by_value: dict[tuple, ReportedValue] = {}
        for report in self.reports:
            key = report.counted.value
            if key not in by_value:
                by_value[key] = ReportedValue(report.figure["text_en"], [])
            by_value[key].reports.append(report)
        return list(by_value.values())

    @property
    def differs(self) -> bool:
        return len(self.values) > 1

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(report.outlet for report in self.reports))

    def warning(self) -> str:
        """The line an editor sees first: each value with its outlets."""
        values = "; ".join(f"{value.text_en} ({', '.join(value.outlets)})" for value in self.values)
        return f"A figure differs between outlets: {values} — {figure_clause(self.first.figure)}"


def _fit(figure: Counted, line: MergedFigure) -> tuple[bool, float]:
    """How well ``figure`` fits ``line``: (it agrees with a figure on it, similarity); (False, 0) for
    no fit."""
    fits = [(figure.value == other.value, similarity(figure, other)) for other in line.wordings]
    return max((fit for fit in fits if fit[1]), default=(False, 0.0))


def merge_figures(records: list[Record]) -> list[MergedFigure]:
    """The key figures of ``records`` (lead first) merged into one line per quantity, in the order
    they are first met. Each figure joins the line it fits best, at most one figure per article on a
    line; a line where it agrees with a figure comes before a better-worded one where it would differ,
    as outlets mostly agree: of two figures in one sentence pattern (食品价格下降1.0% month on month,
    2.7% year on year) each pairs with its equal."""
    lines: list[MergedFigure] = []
    lines_by_unit: dict[str, list[int]] = {}
    for record in records:
        reports = [FigureReport(record, figure, counted(figure)) for figure in record["key_figures"]]
        placed: dict[int, int] = {}
        taken: set[int] = set()
        # A figure said exactly as one on a line (a copy's) goes there without comparing.
        for figure_index, report in enumerate(reports):
            same = (index for index in lines_by_unit.get(report.counted.unit, []) if index not in taken and report.counted in lines[index].wordings)
            line_index = next(same, None)
            if line_index is not None:
                placed[figure_index] = line_index
                taken.add(line_index)
        candidates = sorted(
            (
                (*_fit(report.counted, lines[line_index]), -figure_index, -line_index)
                for figure_index, report in enumerate(reports)
                if figure_index not in placed
                for line_index in lines_by_unit.get(report.counted.unit, [])
                if line_index not in taken
            ),
            reverse=True,
        )
        for _, fit, negative_figure, negative_line in candidates:
            figure_index, line_index = -negative_figure, -negative_line
            if fit and figure_index not in placed and line_index not in taken:
                placed[figure_index] = line_index
                taken.add(line_index)
        for figure_index, report in enumerate(reports):
            if figure_index not in placed:
                lines_by_unit.setdefault(report.counted.unit, []).append(len(lines))
                lines.append(MergedFigure())
            lines[placed.get(figure_index, len(lines) - 1)].add(report)
    return lines


def _date_key(record: Record) -> str:
    # Undated articles sort after every date.
    return record["metadata"]["date"] or "9999-99-99"


def lead_article(records: list[Record]) -> Record:
    """The fullest, earliest-dated article: among those whose cleaned body is at least LEAD_FULLNESS
    of the longest, the earliest dated (undated last), then the first in story order."""
    longest = max(len(record["text_zh"]) for record in records)
    fullest = [record for record in records if len(record["text_zh"]) >= LEAD_FULLNESS * longest]
    return min(fullest, key=_date_key)


@dataclass
class StoryView:
    """One story as a view shows it."""

    id: str
    records: list[Record]  # story order: earliest first, undated last
    lead: Record
    figures: list[MergedFigure]

    @property
    def has_page(self) -> bool:
        """Whether the story has a page of its own: it has several articles, here or in the store
        (a view of a date window may hold one of them; its page says so)."""
        return len(self.records) > 1 or len(story_of(self.lead)["articles"]) > 1

    @property
    def others(self) -> list[Record]:
        """The articles besides the lead: "also reported by"."""
        return [record for record in self.records if record is not self.lead]

    @property
    def outlets(self) -> list[str]:
        return list(dict.fromkeys(outlet(record) for record in self.records))

    @property
    def dates(self) -> list[str]:
        return sorted({record["metadata"]["date"] for record in self.records if record["metadata"]["date"]})

    @property
    def timeline(self) -> list[tuple[str, list[Record]]]:
        """(date, the articles of that day) when the story spans more than one day, else []."""
        if len(self.dates) < 2:
            return []
        return [(date, [record for record in self.records if record["metadata"]["date"] == date]) for date in self.dates]

    @property
    def differences(self) -> list[MergedFigure]:
        return [line for line in self.figures if line.differs]

    @property
    def shown_figures(self) -> list[MergedFigure]:
        """The lines a story view lists: figures that differ first, then those several outlets
        report, then the rest of the lead's; a figure only another article gives is on its page."""
        shown = [line for line in self.figures if line.differs or len(line.outlets) > 1 or line.first.record is self.lead]
        return sorted(shown, key=lambda line: (not line.differs, -len(line.outlets)))

    @property
    def warnings(self) -> list[str]:
        return [line.warning() for line in self.differences]


def story_views(records: list[Record]) -> list[StoryView]:
    """The stories of ``records``, most outlets first, then the most recent (undated last); stories
    that tie keep the order of their first record."""
    grouped: dict[str, list[Record]] = {}
    for record in records:
        grouped.setdefault(story_of(record)["id"], []).append(record)
    stories = []
    for story_id, members in grouped.items():
        ordered = sorted(members, key=_date_key)
        lead = lead_article(ordered)
        stories.append(StoryView(story_id, ordered, lead, merge_figures([lead, *(r for r in ordered if r is not lead)])))
    # Python's sort is stable, also in reverse: sort by the secondary key first.
    by_recency = sorted(stories, key=lambda story: story.dates[-1] if story.dates else "", reverse=True)
    return sorted(by_recency, key=lambda story: -len(story.outlets))
