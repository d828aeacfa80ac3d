"""The store: one SQLite database in the output folder holding every digest ever made there, the
identity of every source, and the history of runs. It is the source of truth: every view (article
files, briefing, JSON lines, pages, feeds) is made from it, never from one run's memory, so a run
that fails, is interrupted or runs beside another can only add.

Tables (query them with `sqlite3 out/digest.sqlite` or Datasette; docs/guide/store.md):
- sources(source_key, article_id): which article id each source (a resolved path, or stdin content) has;
- articles: one row per article id: the record JSON and what it was made from and when;
- runs: one row per `digest run`, with counts, status and stats;
- failures: each input that failed in a run, with the reason;
- stories: one row per story (docs/stories.md): first and last date seen, first outlet, counts, lead article;
- story_articles: which story each article belongs to, which article it is a copy of, and what it
  was matched by; story_merges: each story merged into another (old id -> new id);
- bodies: the hash of each article's cleaned body, by which a syndicated copy is served without model work."""

from __future__ import annotations

import contextlib
import datetime
import fcntl
import functools
import hashlib
import json
import os
import re
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, Any

from pipeline.errors import OutputError, quoted, shortened
from pipeline.outputs import exclusive_lock

STORE_NAME = "digest.sqlite"
# SQLite answers "database is locked" at once, without waiting, when two connections switch a new
# database to WAL together, so processes open the store one at a time under this file's lock.
STORE_LOCK_NAME = ".store.lock"
# Held by each run while it lives, so that a run whose process was killed can be told from a live one.
RUN_LOCK_NAME = ".run-{}.lock"
STORE_VERSION = 1
# Writers wait this long for another process's transaction instead of failing at once.
BUSY_TIMEOUT_MS = 60_000
# An article id is a file name: letters and digits of any script, '.', '_' and '-'. A new one has at
# most this many bytes (a longer name keeps a readable start and gains a short hash of the whole), so
# that the id with any view's suffix stays well within the 255 bytes a file name may have.
MAX_ID_BYTES = 96
_HASH_CHARS = 8
# Ids read from the store are accepted up to this length (earlier versions capped ids at 80
# characters, 240 bytes of Chinese), leaving room for the longest view suffix.
MAX_STORED_ID_BYTES = 240
_UNSAFE_ID_CHARS = re.compile(r"[^\w.-]+")
_ID_SHAPE = re.compile(r"[\w-](?:[\w.-]*[\w-])?")

_SCHEMA = """
CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sources (
    source_key TEXT PRIMARY KEY,
    article_id TEXT NOT NULL UNIQUE
);
CREATE TABLE IF NOT EXISTS articles (
    id TEXT PRIMARY KEY,
    source_path TEXT NOT NULL,
    source_sha256 TEXT NOT NULL,
    source_url TEXT,
    published TEXT,
    publisher_zh TEXT,
    title_zh TEXT,
    headline_en TEXT,
    has_warnings INTEGER NOT NULL,
    signature TEXT NOT NULL,
    record TEXT NOT NULL,
    first_digested TEXT NOT NULL,
    last_digested TEXT NOT NULL,
    run_id INTEGER REFERENCES runs(id)
);
CREATE INDEX IF NOT EXISTS articles_published ON articles(published);
CREATE TABLE IF NOT EXISTS runs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    started TEXT NOT NULL,
    ended TEXT,
    status TEXT NOT NULL,
    inputs INTEGER NOT NULL DEFAULT 0,
    digested INTEGER NOT NULL DEFAULT 0,
    from_store INTEGER NOT NULL DEFAULT 0,
    failed INTEGER NOT NULL DEFAULT 0,
    signature TEXT,
    version TEXT,
    stats TEXT
);
CREATE TABLE IF NOT EXISTS failures (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    input TEXT NOT NULL,
    reason TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS rendered (
    path TEXT PRIMARY KEY,
    material TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS run_articles (
    run_id INTEGER NOT NULL REFERENCES runs(id),
    article_id TEXT NOT NULL,
    PRIMARY KEY (run_id, article_id)
);
CREATE TABLE IF NOT EXISTS bodies (
    article_id TEXT PRIMARY KEY,
    body_sha256 TEXT NOT NULL,
    signature TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS bodies_hash ON bodies(body_sha256, signature);
CREATE TABLE IF NOT EXISTS stories (
    id TEXT PRIMARY KEY,
    first_seen TEXT,
    last_seen TEXT,
    first_outlet TEXT,
    outlet_count INTEGER NOT NULL,
    article_count INTEGER NOT NULL,
    lead_article TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS story_articles (
    article_id TEXT PRIMARY KEY,
    story_id TEXT NOT NULL REFERENCES stories(id),
    copy_of TEXT,
    seen TEXT NOT NULL,
    outlet TEXT,
    body_chars INTEGER NOT NULL,
    features TEXT NOT NULL,
    assigned TEXT NOT NULL,
    run_id INTEGER
);
CREATE INDEX IF NOT EXISTS story_articles_story ON story_articles(story_id);
CREATE INDEX IF NOT EXISTS story_articles_seen ON story_articles(seen);
CREATE TABLE IF NOT EXISTS story_merges (
    old_id TEXT PRIMARY KEY,
    new_id TEXT NOT NULL,
    merged TEXT NOT NULL,
    run_id INTEGER
);
"""


def now() -> str:
    return datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds")


def _hashed_id(readable: str, key: str) -> str:
    """As much of ``readable`` as fits, then a short hash of ``key``: within MAX_ID_BYTES."""
    room = MAX_ID_BYTES - _HASH_CHARS - 1
    prefix = readable.encode()[:room].decode(errors="ignore").rstrip("._-")
    return f"{prefix}-{hashlib.sha256(key.encode()).hexdigest()[:_HASH_CHARS]}"


def safe_id(stem: str) -> str:
    """``stem`` as a file name that cannot break out of its folder or of a Markdown span, and short
    enough for any view's file name."""
    cleaned = _UNSAFE_ID_CHARS.sub("_", stem).strip("._") or "article"
    return cleaned if len(cleaned.encode()) <= MAX_ID_BYTES else _hashed_id(cleaned, stem)


def is_valid_id(article_id: str) -> bool:
    """Whether ``article_id`` (read from the store) can name a view file inside its folder."""
    return bool(_ID_SHAPE.fullmatch(article_id)) and len(article_id.encode()) <= MAX_STORED_ID_BYTES


@dataclass(frozen=True)
class RunSummary:
    id: int
    started: str
    ended: str | None
    status: str
    inputs: int
    digested: int
    from_store: int
    failed: int
    failures: list[tuple[str, str]]


@dataclass(frozen=True)
class Window:
    """Which records a view covers: publication dates from ``since`` to ``until`` (ISO, inclusive),
    or only the articles of one run. The default covers the whole store."""

    since: str | None = None
    until: str | None = None
    run_id: int | None = None


class Store:
    """The store of ``folder``, created when new. ``read_only`` opens an existing one for reading
    alone (a store the user may not write: `digest runs`, or `digest brief` into another folder).

    On a writable open, runs left ``running`` by a process that is gone (killed) are closed as
    ``killed``, with the counts of what they saved."""

    def __init__(self, folder: Path, read_only: bool = False):
        self.folder = folder
        self.path = folder / STORE_NAME
        self.read_only = read_only
        # The lock of each run this process is making: held while the run lives (see start_run).
        self._run_locks: dict[int, IO[str]] = {}
        try:
            self.connection = _connect_read_only(self.path) if read_only else self._connect()
        except sqlite3.Error as error:
            raise OutputError(f"{self.path}: cannot open the store ({error})") from None
        except OSError as error:
            raise OutputError(f"{self.path}: cannot open the store ({error.strerror or error})") from None
        try:
            row = self.connection.execute("SELECT value FROM meta WHERE key = 'store_version'").fetchone()
            if row is None or str(row[0]) != str(STORE_VERSION):
                # A store another version of digest laid out: writing to it could spoil what it holds.
                raise OutputError(f"{self.path}: the store has layout version {row and row[0]}; this digest reads version {STORE_VERSION}")
            if not read_only:
                self._close_dead_runs()
            self._identity = _file_identity(self.path)
        except (sqlite3.Error, OSError, OutputError) as error:
            self.connection.close()
            if isinstance(error, OutputError):
                raise
            raise OutputError(f"{self.path}: cannot open the store ({error})") from None

    def _connect(self) -> sqlite3.Connection:
        """A connection to the store, laid out when new, made under the store's lock (STORE_LOCK_NAME)."""
        with exclusive_lock(self.folder / STORE_LOCK_NAME):
            connection = sqlite3.connect(self.path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
            try:
                connection.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
                # Before anything is written, not even the journal mode, to a database that is not a store.
                _refuse_foreign(connection, self.path)
                connection.execute("PRAGMA journal_mode = WAL")
                connection.execute("PRAGMA synchronous = NORMAL")
                # executescript runs its own statements; the script holds its transaction itself.
                connection.executescript(f"BEGIN IMMEDIATE;{_SCHEMA}INSERT OR IGNORE INTO meta VALUES ('store_version', '{STORE_VERSION}');COMMIT;")
            except BaseException:
                connection.close()
                raise
        return connection

    def check_in_place(self) -> None:
        """OutputError when the store's file was deleted or replaced since it was opened: what was
        written through this connection went with it."""
        if _file_identity(self.path) != self._identity:
            raise OutputError(f"{self.path}: the store was deleted or replaced while digest was using it; the views were left as they were")

    def close(self) -> None:
        # A run still held here ends with its process: its lock is released for the next open to find.
        for handle in self._run_locks.values():
            handle.close()
        self._run_locks.clear()
        self.connection.close()

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """One write transaction, taken at once (IMMEDIATE) so concurrent writers queue instead of deadlocking."""
        self.connection.execute("BEGIN IMMEDIATE")
        try:
            yield self.connection
        except BaseException:
            self.connection.execute("ROLLBACK")
            raise
        self.connection.execute("COMMIT")

    # Identity

    def claim_id(self, source_key: str, stem: str) -> tuple[str, bool]:
        """The article id of ``source_key``: the one it had before, else its file stem, else (when
        another source has that stem) the stem with a short hash of the source key. The flag is true
        when the stem was taken and this source has just been given the longer id."""
        with self.transaction() as db:
            row = db.execute("SELECT article_id FROM sources WHERE source_key = ?", (source_key,)).fetchone()
            if row and is_valid_id(str(row[0])):
                return str(row[0]), False
            candidate = safe_id(stem)
            taken = db.execute("SELECT 1 FROM sources WHERE article_id = ?", (candidate,)).fetchone() is not None
            if taken:
                candidate = _hashed_id(candidate, source_key)
            # A source whose stored id cannot name a file (the store was edited) is given a new one.
            db.execute("INSERT OR REPLACE INTO sources VALUES (?, ?)", (source_key, candidate))
            return candidate, taken

    # Records

    def cached_record(self, article_id: str, sha256: str, signature: str) -> dict[str, Any] | None:
        """The stored record of ``article_id`` if it was made from the same bytes under the same
        signature and is whole (a damaged one is made again, which repairs it)."""
        row = self.connection.execute(
            "SELECT record FROM articles WHERE id = ? AND source_sha256 = ? AND signature = ?",
            (article_id, sha256, signature),
        ).fetchone()
        if row is None:
            return None
        record, problem = parsed_record(article_id, str(row[0]))
        return record if problem is None else None

    def put_record(self, record: dict[str, Any], signature: str, run_id: int) -> None:
        stamp = now()
        metadata = record["metadata"]
        with self.transaction() as db:
            db.execute(
                """INSERT INTO articles (id, source_path, source_sha256, source_url, published, publisher_zh, title_zh,
                       headline_en, has_warnings, signature, record, first_digested, last_digested, run_id)
                   VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                   ON CONFLICT(id) DO UPDATE SET source_path = excluded.source_path,
                       source_sha256 = excluded.source_sha256, source_url = excluded.source_url,
                       published = excluded.published, publisher_zh = excluded.publisher_zh,
                       title_zh = excluded.title_zh, headline_en = excluded.headline_en,
                       has_warnings = excluded.has_warnings, signature = excluded.signature,
                       record = excluded.record, last_digested = excluded.last_digested, run_id = excluded.run_id""",
                (
                    record["id"],
                    record["source"]["path"],
                    record["source"]["sha256"],
                    metadata.get("url"),
                    metadata.get("date"),
                    metadata.get("publisher_zh"),
                    metadata.get("title_zh"),
                    record.get("headline_en"),
                    int(bool(record.get("warnings"))),
                    signature,
                    json.dumps(record, ensure_ascii=False),
                    stamp,
                    stamp,
                    run_id,
                ),
            )
            db.execute("INSERT OR IGNORE INTO run_articles VALUES (?, ?)", (run_id, record["id"]))
            db.execute(
                "INSERT OR REPLACE INTO bodies VALUES (?, ?, ?)", (record["id"], body_sha256(record["text_zh"]), signature)
            )

    def copied_record(self, body_hash: str, signature: str) -> dict[str, Any] | None:
        """The earliest stored record whose cleaned body has ``body_hash`` and was made under ``signature``."""
        row = self.connection.execute(
            """SELECT articles.id, articles.record FROM bodies JOIN articles ON articles.id = bodies.article_id
               WHERE bodies.body_sha256 = ? AND bodies.signature = ? AND articles.signature = ?
               ORDER BY articles.first_digested, articles.id LIMIT 1""",
            (body_hash, signature, signature),
        ).fetchone()
        return parsed_record(str(row[0]), str(row[1]))[0] if row else None

    def note_served(self, run_id: int, article_id: str) -> None:
        """``article_id`` belongs to run ``run_id`` although its record was reused."""
        with self.transaction() as db:
            db.execute("INSERT OR IGNORE INTO run_articles VALUES (?, ?)", (run_id, article_id))

    def _rows(self, window: Window) -> list[tuple[str, str, dict[str, Any] | None]]:
        """(id, record JSON, its story as the store knows it now) of the articles in ``window``."""
        query = "SELECT id, record FROM articles"
        conditions, parameters = [], []
        if window.since:
            conditions.append("published >= ?")
            parameters.append(window.since)
        if window.until:
            conditions.append("published <= ?")
            parameters.append(window.until)
        if window.run_id is not None:
            conditions.append("id IN (SELECT article_id FROM run_articles WHERE run_id = ?)")
            parameters.append(str(window.run_id))
        if conditions:
            query += " WHERE " + " AND ".join(conditions)
        rows = self.connection.execute(query, parameters).fetchall()
        stories = self.stories_of([str(article_id) for article_id, _ in rows])
        return [(str(article_id), str(text), stories.get(str(article_id))) for article_id, text in rows]

    def records(self, window: Window = Window()) -> StoredRecords:
        """The whole records in ``window``, each with its story and the JSON text it is then; a
        record that cannot be read, or whose ids cannot name a file, is left out and named."""
        stored = StoredRecords()
        for article_id, text, story in self._rows(window):
            record, problem = parsed_record(article_id, text)
            if record is not None:
                text = _with_story(record, text, story)
                problem = _story_problem(record)
            if record is None or problem is not None:
                stored.left_out.append(self.left_out(article_id, problem or ""))
            else:
                stored.records.append((record, text))
        return stored

    def record_texts(self, window: Window = Window()) -> list[str]:
        """The usable records in ``window`` as JSON text, each with its story as the store knows it now."""
        return [text for _, text in self.records(window).records]

    def left_out(self, article_id: str, problem: str) -> str:
        """The line naming a record the views leave out, and why."""
        return f"{self.path}: record {quoted(article_id)} left out of the views: {problem}"

    # Stories (assigned by pipeline.stories; docs/stories.md)

    def stories_of(self, article_ids: list[str]) -> dict[str, dict[str, Any]]:
        """article id -> its record's ``story`` object, for those of ``article_ids`` that have a story."""
        membership: dict[str, tuple[str, str | None]] = {}
        for start in range(0, len(article_ids), 500):
            chunk = article_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for article_id, story_id, copy_of in self.connection.execute(
                f"SELECT article_id, story_id, copy_of FROM story_articles WHERE article_id IN ({marks})", chunk
            ):
                membership[str(article_id)] = (str(story_id), copy_of)
        story_ids = sorted({story_id for story_id, _ in membership.values()})
        members: dict[str, list[tuple[str, str | None]]] = {}
        firsts: dict[str, tuple[str | None, str | None]] = {}
        for start in range(0, len(story_ids), 500):
            chunk = story_ids[start : start + 500]
            marks = ",".join("?" * len(chunk))
            for story_id, article_id, outlet in self.connection.execute(
                f"SELECT story_id, article_id, outlet FROM story_articles WHERE story_id IN ({marks}) ORDER BY seen, article_id", chunk
            ):
                members.setdefault(str(story_id), []).append((str(article_id), outlet))
            for story_id, first_seen, first_outlet in self.connection.execute(
                f"SELECT id, first_seen, first_outlet FROM stories WHERE id IN ({marks})", chunk
            ):
                firsts[str(story_id)] = (first_seen, first_outlet)
        objects: dict[str, dict[str, Any]] = {}
        for article_id, (story_id, copy_of) in membership.items():
            first_seen, first_outlet = firsts.get(story_id, (None, None))
            objects[article_id] = {
                "id": story_id,
                "articles": [member for member, _ in members.get(story_id, [])],
                "outlets": list(dict.fromkeys(outlet for _, outlet in members.get(story_id, []) if outlet)),
                "first_seen": first_seen,
                "first_outlet": first_outlet,
                "copy_of": copy_of,
            }
        return objects

    def stories_touched(self, run_id: int) -> int:
        """How many stories hold the articles of run ``run_id``."""
        row = self.connection.execute(
            """SELECT count(DISTINCT story_id) FROM story_articles
               WHERE article_id IN (SELECT article_id FROM run_articles WHERE run_id = ?)""",
            (run_id,),
        ).fetchone()
        return int(row[0])

    def resolve_story(self, story_id: str) -> str:
        """The id ``story_id`` goes by now: a merged story's id resolves to the story it was merged into."""
        seen = {story_id}
        while True:
            row = self.connection.execute("SELECT new_id FROM story_merges WHERE old_id = ?", (story_id,)).fetchone()
            if row is None or row[0] in seen:
                return story_id
            story_id = str(row[0])
            seen.add(story_id)

    # What the views were last made from

    def rendered(self, paths: list[str]) -> dict[str, str]:
        """path -> the digest of what its file was last rendered from, for those ``paths`` that have one."""
        found: dict[str, str] = {}
        for start in range(0, len(paths), 500):
            chunk = paths[start : start + 500]
            marks = ",".join("?" * len(chunk))
            found.update(self.connection.execute(f"SELECT path, material FROM rendered WHERE path IN ({marks})", chunk))
        return found

    def note_rendered(self, materials: dict[str, str]) -> None:
        if self.read_only:  # the views are written again next time, if unchanged not rewritten
            return
        with self.transaction() as db:
            db.executemany("INSERT OR REPLACE INTO rendered VALUES (?, ?)", materials.items())

    # Runs

    def _run_lock_path(self, run_id: int) -> Path:
        return self.folder / RUN_LOCK_NAME.format(run_id)

    def start_run(self, signature: str, version: str, inputs: int) -> int:
        """A new run, ``running`` until finish_run. Its lock file is held from before its row is
        visible until it finishes, or its process ends: a run whose lock is free is gone."""
        try:
            with self.transaction() as db:
                cursor = db.execute(
                    "INSERT INTO runs (started, status, inputs, signature, version) VALUES (?, 'running', ?, ?, ?)",
                    (now(), inputs, signature, version),
                )
                run_id = int(cursor.lastrowid or 0)
                handle = self._run_lock_path(run_id).open("a")
                fcntl.flock(handle, fcntl.LOCK_EX)
                self._run_locks[run_id] = handle
        except OSError as error:  # the output folder went away, or became read-only, since it was opened
            raise OutputError(f"{self.folder}: cannot start the run ({error.strerror or error})") from None
        return run_id

    def record_failure(self, run_id: int, input_name: str, reason: str) -> None:
        with self.transaction() as db:
            db.execute("INSERT INTO failures VALUES (?, ?, ?)", (run_id, input_name, reason))

    def finish_run(self, run_id: int, status: str, inputs: int, digested: int, from_store: int, failed: int, stats: dict[str, Any]) -> None:
        with self.transaction() as db:
            db.execute(
                """UPDATE runs SET ended = ?, status = ?, inputs = ?, digested = ?, from_store = ?, failed = ?, stats = ?
                   WHERE id = ?""",
                (now(), status, inputs, digested, from_store, failed, json.dumps(stats), run_id),
            )
        handle = self._run_locks.pop(run_id, None)
        if handle is not None:
            with contextlib.suppress(OSError):
                self._run_lock_path(run_id).unlink()
            handle.close()

    def _is_alive(self, run_id: int) -> bool:
        """Whether the process making ``running`` run ``run_id`` still holds its lock."""
        try:
            descriptor = os.open(self._run_lock_path(run_id), os.O_RDONLY)
        except FileNotFoundError:  # finished meanwhile, or made by a digest that kept no lock
            return False
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return True
        finally:
            os.close(descriptor)
        return False

    def _saved_counts(self, run_id: int) -> tuple[int, int, int]:
        """(digested, from_store, failed) of a run, from what it saved in the store."""
        digested, in_run, failed = self.connection.execute(
            """SELECT (SELECT count(*) FROM articles WHERE run_id = :run), (SELECT count(*) FROM run_articles WHERE run_id = :run),
                      (SELECT count(*) FROM failures WHERE run_id = :run)""",
            {"run": run_id},
        ).fetchone()
        return int(digested), max(0, int(in_run) - int(digested)), int(failed)

    def _close_dead_runs(self) -> None:
        running = [int(run_id) for (run_id,) in self.connection.execute("SELECT id FROM runs WHERE status = 'running'")]
        for run_id in running:
            if self._is_alive(run_id):
                continue
            with self.transaction() as db:
                # Only if still running: the run may have finished between the query and now.
                db.execute(
                    "UPDATE runs SET status = 'killed', digested = ?, from_store = ?, failed = ? WHERE id = ? AND status = 'running'",
                    (*self._saved_counts(run_id), run_id),
                )
            with contextlib.suppress(OSError):
                self._run_lock_path(run_id).unlink()

    def last_run_id(self) -> int | None:
        row = self.connection.execute("SELECT max(id) FROM runs").fetchone()
        return int(row[0]) if row and row[0] is not None else None

    def runs(self, limit: int = 20) -> list[RunSummary]:
        rows = self.connection.execute(
            "SELECT id, started, ended, status, inputs, digested, from_store, failed FROM runs ORDER BY id DESC LIMIT ?",
            (limit,),
        ).fetchall()
        summaries = []
        for row in rows:
            failures = self.connection.execute("SELECT input, reason FROM failures WHERE run_id = ?", (row[0],)).fetchall()
            run_id, started, ended, status, inputs, digested, from_store, failed = row
            if status == "running" and not self._is_alive(run_id):  # a read-only store is not closed on open
                status = "killed"
                digested, from_store, failed = self._saved_counts(run_id)
            summaries.append(
                RunSummary(
                    run_id,
                    started,
                    ended,
                    status,
                    inputs,
                    digested,
                    from_store,
                    failed,
                    failures=[(str(name), str(reason)) for name, reason in failures],
                )
            )
        return summaries


def body_sha256(text_zh: str) -> str:
    """The hash by which identical cleaned bodies are found."""
    return hashlib.sha256(text_zh.encode()).hexdigest()


def _with_story(record: dict[str, Any], text: str, story: dict[str, Any] | None) -> str:
    """``record`` (read from ``text``) given ``story``, as JSON text."""
    if record.get("schema", 1) < 3 and story is None:
        return text
    record["story"] = story
    return json.dumps(record, ensure_ascii=False)


def _file_identity(path: Path) -> tuple[int, int] | None:
    try:
        status = path.stat()
    except OSError:
        return None
    return status.st_dev, status.st_ino


def parsed_record(article_id: str, text: str) -> tuple[dict[str, Any] | None, str | None]:
    """(the record, None) when ``text`` is a whole record of ``article_id``, else (None, what is wrong)."""
    try:
        record = json.loads(text)
    except ValueError as error:
        return None, f"its JSON is damaged ({error})"
    if not isinstance(record, dict) or record.get("id") != article_id:
        return None, "it is not the JSON record of this id"
    if not is_valid_id(article_id):
        return None, "its id cannot name a file in the output folder"
    return record, None


def _story_problem(record: dict[str, Any]) -> str | None:
    story = record.get("story")
    if isinstance(story, dict) and not (isinstance(story.get("id"), str) and is_valid_id(story["id"])):
        return "its story's id cannot name a file in the output folder"
    return None


def schema_problem(record: dict[str, Any]) -> str | None:
    """What makes ``record`` break the record schema, if anything. Asked only when the views cannot
    be rendered: reading every record against the schema at every run would cost seconds."""
    import jsonschema  # imported here: the check is rare, and the import is not free

    error = jsonschema.exceptions.best_match(_record_validator().iter_errors(record))
    return None if error is None else f"it does not follow the record schema ({shortened(error.message)})"


@functools.cache
def _record_validator() -> Any:
    import jsonschema

    from pipeline import PACKAGE_DIR

    return jsonschema.Draft202012Validator(json.loads((PACKAGE_DIR / "schema" / "digest.schema.json").read_text(encoding="utf-8")))


@dataclass
class StoredRecords:
    records: list[tuple[dict[str, Any], str]] = field(default_factory=list)  # (record, its JSON text)
    left_out: list[str] = field(default_factory=list)  # one line per record that cannot be used


def _refuse_foreign(connection: sqlite3.Connection, path: Path) -> None:
    """OutputError for a database that holds tables but is no store (another program's file)."""
    tables = {str(name) for (name,) in connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if tables and "meta" not in tables:
        raise OutputError(
            f"{path}: not a digest store (a SQLite database of {len(tables)} other tables); "
            "it is left untouched: give digest another output folder"
        )


def _connect_read_only(path: Path) -> sqlite3.Connection:
    """A connection that never writes. SQLite reads a store in WAL mode through its -shm file, which
    a folder the user may not write cannot hold; a store with no write-ahead log pending is then
    read as an immutable file."""
    if not path.is_file():
        raise OutputError(f"{path}: no store here")
    uri = path.absolute().as_uri()
    connection = sqlite3.connect(f"{uri}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None)
    try:
        connection.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.OperationalError:
        connection.close()
        log = path.with_name(f"{path.name}-wal")
        if log.exists() and log.stat().st_size:
            raise
        connection = sqlite3.connect(f"{uri}?immutable=1", uri=True, isolation_level=None)
    try:
        _refuse_foreign(connection, path)
    except OutputError:
        connection.close()
        raise
    return connection


def holds_store(folder: Path) -> bool:
    return os.path.isfile(folder / STORE_NAME)


def _can_write(folder: Path) -> bool:
    """Whether this process may write the store in ``folder`` (its file, and the folder its journal goes in)."""
    return os.access(folder / STORE_NAME, os.R_OK | os.W_OK) and os.access(folder, os.W_OK | os.X_OK)


def open_existing(folder: Path) -> Store:
    """The store in ``folder``, read-only when this process may not write it; OutputError when there
    is none (nothing was ever digested there)."""
    if not holds_store(folder):
        raise OutputError(f"{folder}: no store here ({STORE_NAME}); run `digest run ... --out {folder}` first")
    return Store(folder, read_only=not _can_write(folder))
