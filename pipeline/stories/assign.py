"""Every stored article into exactly one story, incrementally.

The articles of the store that have no story yet are taken in date order and compared with the
articles seen within ``window_days`` of their date (undated ones take the run's date): an article
like one of them (pipeline.stories.similarity) joins that one's story; like none, it starts a story
of its own, whose id comes from its article id, so the same inputs always make the same ids. An
article like articles of two stories joins them: the later story is merged into the earlier one,
the merge is recorded in story_merges and the old id resolves to the new one. An article never
changes story otherwise. All of it is one store transaction, so two runs finishing together
assign one after the other, each seeing what the other assigned."""

from __future__ import annotations

import datetime
import hashlib
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from pipeline.store import Store, now, parsed_record
from pipeline.stories.fingerprint import PERMUTATIONS, Fingerprint, body_minhash, fingerprint, terms
from pipeline.stories.similarity import is_copy, likeness

# Words and names an article is indexed by, to find the few articles worth comparing it with.
INDEX_TERMS = 12
# A candidate must share at least this many index keys; of those within the window, the ones
# sharing the most keys are compared, no more than CANDIDATES_COMPARED.
SHARED_KEYS = 2
CANDIDATES_COMPARED = 50
# Locality-sensitive hashing of the MinHash: a copy shares at least one band of this many values
# with its original (at Jaccard 0.5, 1 - (1 - 0.5**4)**16 = 64% of the time for any one band set;
# the word keys find the rest).
BAND_ROWS = 4
# The lead article: the earliest of those whose body is at least this share of the longest body (a
# copy that lost a caption still counts as full); pipeline.stories.views chooses the same way.
LEAD_FULLNESS = 0.9


@dataclass
class Member:
    article_id: str
    story_id: str
    seen: datetime.date
    outlet: str | None
    copy_of: str | None
    prints: Fingerprint


@dataclass
class Assignment:
    """What one assignment pass did."""

    assigned: int = 0
    touched: set[str] = field(default_factory=set)  # stories that gained an article (ids after merges)
    created: int = 0
    merged: list[tuple[str, str]] = field(default_factory=list)  # (old id, new id)


def story_id_for(article_id: str) -> str:
    """The id of the story an article starts: stable, short, and the same in every store."""
    return "s" + hashlib.sha256(article_id.encode()).hexdigest()[:12]


def outlet_of(record: dict[str, Any]) -> str | None:
    metadata = record.get("metadata", {})
    return metadata.get("publisher_en") or metadata.get("publisher_zh") or None


class _Index:
    """The members within reach, by their heaviest words and their names."""

    def __init__(self) -> None:
        self.members: list[Member] = []
        self.postings: dict[str, list[int]] = defaultdict(list)

    @staticmethod
    def bands(minhash: np.ndarray) -> set[str]:
        return {f"#{start}:{minhash[start : start + BAND_ROWS].tobytes().hex()}" for start in range(0, PERMUTATIONS, BAND_ROWS)}

    @classmethod
    def keys(cls, prints: Fingerprint) -> set[str]:
        heaviest = sorted(prints.terms.items(), key=lambda item: (-item[1], item[0]))[:INDEX_TERMS]
        return {word for word, _ in heaviest} | {f"@{name}" for name in prints.names} | cls.bands(prints.minhash)

    def original(self, minhash: np.ndarray, seen: datetime.date, window: datetime.timedelta) -> Member | None:
        """The earliest member within reach that ``minhash`` is a copy of, found by its bands."""
        positions = {position for key in self.bands(minhash) for position in self.postings.get(key, ())}
        twins = [
            self.members[position]
            for position in positions
            if abs(self.members[position].seen - seen) <= window and is_copy(self.members[position].prints.minhash, minhash)
        ]
        return min(twins, key=lambda member: (member.seen, member.article_id), default=None)

    def add(self, member: Member) -> None:
        position = len(self.members)
        self.members.append(member)
        for key in self.keys(member.prints):
            self.postings[key].append(position)

    def candidates(self, prints: Fingerprint, seen: datetime.date, window: datetime.timedelta) -> list[Member]:
        shared: dict[int, int] = defaultdict(int)
        for key in self.keys(prints):
            for position in self.postings.get(key, ()):
                shared[position] += 1
        near = [(count, position) for position, count in shared.items() if count >= SHARED_KEYS and abs(self.members[position].seen - seen) <= window]
        return [self.members[position] for _, position in sorted(near, reverse=True)[:CANDIDATES_COMPARED]]


def _date(value: str | None, fallback: datetime.date) -> datetime.date:
    try:
        return datetime.date.fromisoformat(value) if value else fallback
    except ValueError:
        return fallback


def assign_pending(store: Store, window_days: int, run_id: int | None = None, today: datetime.date | None = None) -> Assignment:
    """Give every stored article without a story its story; see the module's docstring."""
    today = today or datetime.datetime.now(datetime.UTC).date()
    window = datetime.timedelta(days=window_days)
    result = Assignment()
    waiting = store.connection.execute("SELECT 1 FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) LIMIT 1").fetchone()
    if waiting is None:
        return result
    terms("")  # jieba loads its dictionary now, not while holding the store's write lock
    with store.transaction() as db:
        # A record that cannot be read waits, left out of the views, until a run makes it again.
        pending = [
            (record, published)
            for article_id, text, published in db.execute(
                "SELECT id, record, published FROM articles WHERE id NOT IN (SELECT article_id FROM story_articles) ORDER BY id"
            )
            if (record := parsed_record(str(article_id), str(text))[0]) is not None
        ]
        if not pending:
            return result
        arrivals = sorted(((_date(published, today), record) for record, published in pending), key=lambda item: (item[0], item[1]["id"]))
        index = _Index()
        low, high = arrivals[0][0] - window, arrivals[-1][0] + window
        for article_id, story_id, seen, outlet, copy_of, features in db.execute(
            "SELECT article_id, story_id, seen, outlet, copy_of, features FROM story_articles WHERE seen BETWEEN ? AND ?",
            (low.isoformat(), high.isoformat()),
        ):
            index.add(Member(article_id, story_id, datetime.date.fromisoformat(seen), outlet, copy_of, Fingerprint.from_json(features)))
        renamed: dict[str, str] = {}

        def current(story_id: str) -> str:
            while story_id in renamed:
                story_id = renamed[story_id]
            return story_id

        stamp = now()
        for seen, record in arrivals:
            minhash = body_minhash(record.get("text_zh", ""))
            twin = index.original(minhash, seen, window)
            prints = fingerprint(record, minhash, twin.prints.terms if twin is not None else None)
            if twin is not None:
                # A copy is like what its original is like: it joins the original's story, compared with nothing else.
                stories, copy_of = [current(twin.story_id)], twin.copy_of or twin.article_id
            else:
                matches = [candidate for candidate in index.candidates(prints, seen, window) if likeness(prints, candidate.prints).same_story]
                stories = sorted({current(candidate.story_id) for candidate in matches})
                copy_of = None
            if not stories:
                story_id = story_id_for(record["id"])
                result.created += 1
            else:
                story_id = _merge(db, stories, stamp, run_id, renamed, result)
            member = Member(record["id"], story_id, seen, outlet_of(record), copy_of, prints)
            db.execute(
                "INSERT INTO story_articles VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                (member.article_id, story_id, copy_of, seen.isoformat(), member.outlet, len(record.get("text_zh", "")), prints.to_json(), stamp, run_id),
            )
            index.add(member)
            result.assigned += 1
            result.touched.add(story_id)
        result.touched = {current(story_id) for story_id in result.touched}
        for story_id in result.touched:
            _summarise(db, story_id)
    return result


def _merge(db: Any, stories: list[str], stamp: str, run_id: int | None, renamed: dict[str, str], result: Assignment) -> str:
    """The one story ``stories`` become: the earliest (by first article, then id) absorbs the others."""
    if len(stories) == 1:
        return stories[0]
    firsts = {
        story_id: db.execute("SELECT min(seen) FROM story_articles WHERE story_id = ?", (story_id,)).fetchone()[0] or "9999"
        for story_id in stories
    }
    survivor = min(stories, key=lambda story_id: (firsts[story_id], story_id))
    for story_id in stories:
        if story_id == survivor:
            continue
        db.execute("UPDATE story_articles SET story_id = ? WHERE story_id = ?", (survivor, story_id))
        db.execute("UPDATE story_merges SET new_id = ? WHERE new_id = ?", (survivor, story_id))
        db.execute("INSERT OR REPLACE INTO story_merges VALUES (?, ?, ?, ?)", (story_id, survivor, stamp, run_id))
        db.execute("DELETE FROM stories WHERE id = ?", (story_id,))
        renamed[story_id] = survivor
        result.merged.append((story_id, survivor))
    return survivor


def _summarise(db: Any, story_id: str) -> None:
    """The stories row of ``story_id`` from its articles."""
    members = db.execute(
        "SELECT article_id, seen, outlet, body_chars FROM story_articles WHERE story_id = ? ORDER BY seen, article_id", (story_id,)
    ).fetchall()
    longest = max(chars for *_, chars in members)
    lead = next(article_id for article_id, _, _, chars in members if chars >= LEAD_FULLNESS * longest)
    outlets = {outlet for _, _, outlet, _ in members if outlet}
    first_outlet = next((outlet for _, _, outlet, _ in members if outlet), None)
    db.execute(
        "INSERT OR REPLACE INTO stories VALUES (?, ?, ?, ?, ?, ?, ?)",
        (story_id, members[0][1], members[-1][1], first_outlet, len(outlets), len(members), lead),
    )
