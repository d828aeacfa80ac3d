"""Stories at scale: the time and peak memory of assigning stories, and what syndicated copies save.

    PYTHONPATH=. python benchmarks/stories.py [--quick] [--models tiny|offline|configured]

1. Assign stories to 10,000 articles in a new store (--quick: 1,000): the real articles of
   tests/data/stories and seeds/ repeated with changes (a numbered closing sentence, a figure
   changed, the first paragraph dropped in every third, another outlet, dates over 30 days). CPU
   seconds of the assignment alone (on one core: it is single-threaded), and the process's peak RSS.
2. Add 100 articles of one day's run (dated the store's last two days) to a store already holding
   100,000 assigned ones over a year (--quick: 20 to 10,000): the stored ones are given fingerprints
   and memberships directly, since only the new articles are compared and only the members within
   the window are read.
3. A batch where half the articles are syndicated copies (republished verbatim under another
   name) against the same number of articles that are all different, through `digest run` with
   the chosen models (--quick: 8 articles, tiny models): copies cost no model work.

Targets (issue 18): 1. at most 30 s and 1 GB; 2. at most 5 s; 3. at least 1.8 times faster.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import resource
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
sys.path.insert(0, str(PROJECT_DIR / "tests"))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from run import model_flags, timed_command  # noqa: E402  (benchmarks/run.py)

from pipeline.store import Store, now  # noqa: E402
from pipeline.stories.assign import assign_pending, story_id_for  # noqa: E402
from pipeline.stories.fingerprint import fingerprint  # noqa: E402

START = datetime.date(2024, 1, 1)


def base_records() -> list[dict]:
    """The labelled real articles and the seeds, as the stages make them without models."""
    from story_labels import labelled, records

    seeds = [
        {"id": path.stem, "text": path.read_text(encoding="utf-8"), "date": "2024-01-01", "outlet": "seed"}
        for path in sorted((PROJECT_DIR / "seeds").glob("*.txt"))
    ]
    return records(labelled() + seeds)


def variant(base: dict, number: int, days: int) -> dict:
    """``base`` changed the way another outlet's version of it would be."""
    paragraphs = base["text_zh"].split("\n")
    if number % 3 == 0 and len(paragraphs) > 1:
        paragraphs = paragraphs[1:]
    text = "\n".join(paragraphs).replace("2", "3", 1) + f"\n（本网第{number}篇转载稿。）"
    record = json.loads(json.dumps(base))
    record["id"] = f"{base['id']}-{number}"
    record["text_zh"] = text
    record["metadata"]["date"] = (START + datetime.timedelta(days=number % days)).isoformat()
    record["metadata"]["publisher_zh"] = f"转载网站{number % 50}"
    record["metadata"]["publisher_en"] = None
    return record


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def timed_assignment(store: Store):
    """Assign the store's pending articles to stories (a 7-day window): the report, CPU and wall seconds."""
    cpu, wall = time.process_time(), time.perf_counter()
    report = assign_pending(store, 7)
    return report, time.process_time() - cpu, time.perf_counter() - wall


def assign_new_store(bases: list[dict], count: int) -> None:
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        try:
            with store.transaction() as db:
                for number in range(count):
                    record = variant(bases[number % len(bases)], number, 30)
                    _insert_article(db, record)
            report, cpu, wall = timed_assignment(store)
        finally:
            store.close()
    print(
        f"1. assigned {report.assigned:,} articles into {len({*report.touched}):,} stories: "
        f"{cpu:.1f} s CPU ({wall:.1f} s wall), peak RSS {peak_mib():.0f} MiB (target 30 s, 1024 MiB)"
    )


def _insert_article(db, record: dict) -> None:
    db.execute(
        """INSERT INTO articles (id, source_path, source_sha256, published, publisher_zh, title_zh, has_warnings, signature,
               record, first_digested, last_digested) VALUES (?, ?, ?, ?, ?, ?, 0, 'bench', ?, ?, ?)""",
        (
            record["id"],
            record["id"],
            "0" * 64,
            record["metadata"]["date"],
            record["metadata"]["publisher_zh"],
            record["metadata"]["title_zh"],
            json.dumps(record, ensure_ascii=False),
            now(),
            now(),
        ),
    )


def add_to_large_store(bases: list[dict], stored: int, added: int) -> None:
    prints = [fingerprint(variant(bases[number % len(bases)], number, 365)).to_json() for number in range(min(stored, 2000))]
    with tempfile.TemporaryDirectory() as folder:
        store = Store(Path(folder))
        try:
            stamp = now()
            with store.transaction() as db:
                for number in range(stored):
                    article_id = f"stored-{number}"
                    seen = (START + datetime.timedelta(days=number % 365)).isoformat()
                    story_id = story_id_for(f"stored-{number % len(bases)}")  # the variants of one page chain into one story
                    db.execute(
                        "INSERT INTO articles (id, source_path, source_sha256, published, has_warnings, signature, record, first_digested, last_digested)"
                        " VALUES (?, ?, ?, ?, 0, 'bench', '{}', ?, ?)",
                        (article_id, article_id, "0" * 64, seen, stamp, stamp),
                    )
                    db.execute(
                        "INSERT INTO story_articles VALUES (?, ?, NULL, ?, ?, 1000, ?, ?, NULL)",
                        (article_id, story_id, seen, f"outlet{number % 50}", prints[number % len(prints)], stamp),
                    )
                for number in range(added):
                    record = variant(bases[number % len(bases)], stored + number, 365)
                    # A day's run: the new articles are of the store's last two days.
                    record["metadata"]["date"] = (START + datetime.timedelta(days=364 - number % 2)).isoformat()
                    _insert_article(db, record)
            report, cpu, wall = timed_assignment(store)
        finally:
            store.close()
    print(f"2. added {report.assigned} articles to a store of {stored:,}: {wall:.2f} s wall ({cpu:.2f} s CPU) (target 5 s)")


def real_size_flags() -> tuple[list[str], str]:
    """The flags of benchmarks/memory.py: real_size.py's random-weight models of the default
    architectures (built into /tmp/digest-real-size on first use) with its forced output lengths."""
    from memory import forced_lengths
    from real_size import SUMMARISER_FOLDER, TRANSLATOR_FOLDER, build_models

    work = Path("/tmp/digest-real-size")
    build_models(argparse.Namespace(work=work, han_pieces=40000), tiny=False)
    flags = ["--summariser", str(work / SUMMARISER_FOLDER), "--translator", str(work / TRANSLATOR_FOLDER), "--models-dir", str(work / "models")]
    return flags + forced_lengths(), "real-size random-weight mt0-base + opus-mt-zh-en (lengths forced)"


def copies_speedup(count: int, models: str) -> None:
    seeds = sorted((PROJECT_DIR / "seeds").glob("*.txt"))
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        flags, described = real_size_flags() if models == "real-size" else model_flags(models, work)
        distinct, with_copies = work / "distinct", work / "copies"
        distinct.mkdir()
        with_copies.mkdir()
        def page(number: int) -> str:
            text = seeds[number % len(seeds)].read_text(encoding="utf-8").rstrip()
            return f"{text}\n\n（本文为测试稿第{number}篇。）\n"

        for number in range(count):
            (distinct / f"{number:03d}.txt").write_text(page(number), encoding="utf-8")
            # Every second article is the one before republished verbatim under another name (a new
            # headline line would change what the clean stage takes for the title and the body).
            (with_copies / f"{number:03d}.txt").write_text(page(number - number % 2), encoding="utf-8")
        seconds = {}
        for name, folder_in in (("distinct", distinct), ("copies", with_copies)):
            seconds[name], _ = timed_command("run", [str(folder_in), "--out", str(work / f"out-{name}"), "-q", *flags])
        stats = json.loads((work / "out-copies" / "stats.json").read_text(encoding="utf-8"))
    print(
        f"3. {count} articles with {described}: all different {seconds['distinct']:.1f} s; half of them copies "
        f"({stats['copies']} served as copies) {seconds['copies']:.1f} s: {seconds['distinct'] / seconds['copies']:.2f} times faster (target 1.8)"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="Small sizes, for CI.")
    parser.add_argument("--models", choices=["tiny", "offline", "configured", "real-size"], default="tiny", help="Models of part 3.")
    parser.add_argument("--parts", default="123", help="Which parts to run, e.g. 12.")
    arguments = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    bases = base_records()
    if "1" in arguments.parts:
        assign_new_store(bases, 1_000 if arguments.quick else 10_000)
    if "2" in arguments.parts:
        add_to_large_store(bases, *((10_000, 20) if arguments.quick else (100_000, 100)))
    if "3" in arguments.parts:
        copies_speedup(8 if arguments.quick else 40, arguments.models)


if __name__ == "__main__":
    main()
