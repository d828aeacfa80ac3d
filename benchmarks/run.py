"""Throughput of `digest run`: articles per minute and peak memory for a batch, then the time of
the cached re-run of the same batch.

    python benchmarks/run.py [--models tiny|configured] [--articles 50]

The batch is the seed articles repeated with a numbered closing paragraph, so that every copy is a
different input (its own sha256, never a cache hit on the first run). `tiny` uses the random-weight
models of tests/tiny_models.py with output lengths capped (random weights never end a sequence on
their own); without that module it falls back to the extractive summary and no translator.
`configured` uses the settings of ./digest.toml or the defaults, as `digest run` would.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEEDS = sorted((PROJECT_DIR / "seeds").glob("*.txt"))
RUN_DIGEST = "from pipeline.cli import main; main()"
TINY_LENGTH_CAPS = [
    "--num-beams", "1",
    "--set", "summariser.generation.max_new_tokens=12",
    "--set", "translator.generation.max_length_ratio=0.3",
    "--set", "translator.generation.max_length_extra=2",
]


def write_batch(folder: Path, count: int) -> None:
    folder.mkdir(parents=True)
    for number in range(1, count + 1):
        seed = SEEDS[(number - 1) % len(SEEDS)]
        text = seed.read_text(encoding="utf-8").rstrip() + f"\n\n（本文为测试稿第{number}篇。）\n"
        (folder / f"{number:03d}_{seed.name}").write_text(text, encoding="utf-8")


def model_flags(models: str, work: Path) -> tuple[list[str], str]:
    """The `digest run` flags for the chosen models, and a description of them."""
    if models == "configured":
        return [], "as configured (./digest.toml or the defaults)"
    sys.path.insert(0, str(PROJECT_DIR / "tests"))
    try:
        from tiny_models import build_tiny_marian, build_tiny_t5
    except ImportError:
        return ["--summariser", "extractive", "--translator", str(work / "no-translator")], "extractive, no translator"
    marian = build_tiny_marian(work / "tiny-marian")
    t5 = build_tiny_t5(work / "tiny-t5")
    return ["--summariser", str(t5), "--translator", str(marian), *TINY_LENGTH_CAPS], "tiny random-weight T5 + Marian"


def timed_run(arguments: list[str]) -> float:
    started = time.perf_counter()
    completed = subprocess.run([sys.executable, "-c", RUN_DIGEST, "run", *arguments, "--quiet"], check=False)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"digest run failed with exit code {completed.returncode}")
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", choices=["tiny", "configured"], default="tiny")
    parser.add_argument("--articles", type=int, default=50)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="digest-bench-") as temporary:
        work = Path(temporary)
        write_batch(work / "articles", options.articles)
        flags, described = model_flags(options.models, work)
        arguments = [str(work / "articles"), "--out", str(work / "out"), "--models-dir", str(work / "models"), *flags]
        first = timed_run(arguments)
        peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        cached = timed_run(arguments)

    print(f"models: {described}")
    print(f"articles: {options.articles}")
    print(f"first run: {first:.1f} s, {options.articles / first * 60:.1f} articles/minute, peak memory {peak_mib:.0f} MiB")
    print(f"cached re-run: {cached:.1f} s")


if __name__ == "__main__":
    main()
