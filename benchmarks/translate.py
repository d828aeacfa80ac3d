"""Translation speed: Chinese sentences per second through Translator.translate, and peak memory.

    python benchmarks/translate.py --model models/Helsinki-NLP--opus-mt-zh-en --sentences 64 --kind ctranslate2

Without --model a tiny random-weight Marian (the tests' model) is built, which measures the
pipeline's overhead rather than real model speed.
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
from pipeline.registry import TRANSLATORS
from pipeline.settings import validate_settings
from pipeline.text import split_sentences

sys.path.insert(0, str(PROJECT_DIR / "tests"))
from tiny_models import build_tiny_marian


def seed_sentences(count: int) -> list[str]:
    """``count`` real Chinese news sentences from seeds/, repeated if there are fewer."""
    sentences = [
        span.text
        for path in sorted((PROJECT_DIR / "seeds").glob("*.txt"))
        for span in split_sentences(path.read_text(encoding="utf-8", errors="replace"))
        if len(span.text) >= 12
    ]
    return (sentences * (count // len(sentences) + 1))[:count]


def peak_memory_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", help="Marian model folder or id (default: build a tiny random model)")
    parser.add_argument("--sentences", type=int, default=32)
    parser.add_argument("--threads", type=int, help="torch threads (default: torch's choice, one per core)")
    parser.add_argument("--batch-size", type=int, help="override translator.batch_size")
    parser.add_argument("--kind", choices=TRANSLATORS.names(), help="override translator.kind")
    parser.add_argument("--quick", action="store_true", help="4 sentences on one thread: checks that the benchmark runs (CI)")
    args = parser.parse_args()
    if args.quick:
        args.sentences, args.threads = 4, 1
    if args.threads:
        torch.set_num_threads(args.threads)
    with tempfile.TemporaryDirectory() as scratch:
        model = args.model or str(build_tiny_marian(Path(scratch) / "tiny-marian"))
        translator_settings = {"model": model} | ({"batch_size": args.batch_size} if args.batch_size else {})
        translator_settings |= {"kind": args.kind} if args.kind else {}
        models_settings = {"dir": str(Path(scratch) / "models"), "threads": args.threads or 0}
        settings = validate_settings(load_config(overrides={"translator": translator_settings, "models": models_settings}))
        started = time.perf_counter()
        translator = TRANSLATORS.load(settings.translator.kind)(settings.translator, settings.models)
        loaded = time.perf_counter()
        sentences = seed_sentences(args.sentences)
        translator.translate(sentences)
        finished = time.perf_counter()
    print(f"model: {model}{' (tiny, random weights)' if not args.model else ''}")
    print(f"load: {loaded - started:.1f} s")
    print(f"{len(sentences)} sentences in {finished - loaded:.1f} s: {len(sentences) / (finished - loaded):.2f} sentences/s")
    print(f"peak memory (max RSS): {peak_memory_mb():.0f} MB")


if __name__ == "__main__":
    main()
