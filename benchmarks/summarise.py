"""Summarisation speed: articles per second through Summariser.summarise, and peak memory.

    python benchmarks/summarise.py --model models/bigscience--mt0-base --articles 5 --kind ctranslate2

Articles are the seeds/ files split into paragraphs (no cleaning, so boilerplate is included).
Without --model a tiny random-weight T5 (the tests' model) is built, which measures the
pipeline's overhead rather than real model speed; --kind extractive measures the model-free summariser.
All articles go through one summarise_many call, batched as the pipeline batches a window of articles.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

import torch

from pipeline import PROJECT_DIR
from pipeline.config import load_config
from pipeline.records import CleanArticle, Metadata, Source
from pipeline.registry import SUMMARISERS
from pipeline.settings import validate_settings
from pipeline.summarise import load_summariser

sys.path.insert(0, str(PROJECT_DIR / "tests"))
from tiny_models import build_tiny_t5


def seed_articles(count: int) -> list[CleanArticle]:
    paths = sorted((PROJECT_DIR / "seeds").glob("*.txt"))
    articles = []
    for index in range(count):
        path = paths[index % len(paths)]
        lines = path.read_text(encoding="utf-8", errors="replace").splitlines()
        paragraphs = [line.strip() for line in lines if line.strip()]
        articles.append(CleanArticle(path.stem, Source(str(path), "", "utf-8"), Metadata(), paragraphs))
    return articles


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="seq2seq model folder or id (default: build a tiny random model)")
    parser.add_argument("--threads", type=int, help="torch threads (default: torch's choice, one per core)")
    parser.add_argument("--articles", type=int, default=5)
    parser.add_argument("--kind", choices=SUMMARISERS.names(), default="seq2seq", help="summariser.kind")
    parser.add_argument("--quick", action="store_true", help="one article on one thread: checks that the benchmark runs (CI)")
    args = parser.parse_args()
    if args.quick:
        args.articles, args.threads = 1, 1
    if args.threads:
        torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as scratch:
        model = args.model or str(build_tiny_t5(Path(scratch) / "tiny-t5"))
        overrides = {
            "summariser": {"kind": args.kind, "model": model},
            "models": {"dir": str(Path(scratch) / "models"), "threads": args.threads or 0},
        }
        if args.quick:  # random weights never stop: short outputs keep the check quick
            overrides["summariser"]["generation"] = {"num_beams": 1, "max_new_tokens": 12, "headline_max_new_tokens": 8}
        settings = validate_settings(load_config(overrides=overrides))
        started = time.perf_counter()
        summariser = load_summariser(settings.summariser, settings.models)
        loaded = time.perf_counter()
        articles = seed_articles(args.articles)
        summariser.summarise_many(articles)
        finished = time.perf_counter()
    name = f"{args.kind}: " + model + ("" if args.model else " (tiny, random weights)")
    print(f"summariser: {name}")
    print(f"load: {loaded - started:.1f} s")
    print(f"{len(articles)} articles in {finished - loaded:.1f} s: {len(articles) / (finished - loaded):.2f} articles/s")
    print(f"peak memory (max RSS): {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.0f} MB")


if __name__ == "__main__":
    main()
