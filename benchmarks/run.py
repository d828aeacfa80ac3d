"""Throughput of `digest run`: articles per minute and peak memory for a batch, the time of the
re-run of the same batch (every article served from the store), of `digest brief`, and the share
of the first run spent in the store.

    python benchmarks/run.py [--models offline|tiny|configured] [--articles 50]

The batch is the seed articles repeated with a numbered closing paragraph, so that every copy is a
different input (its own sha256, never a cache hit on the first run). `tiny` uses the random-weight
models of tests/tiny_models.py with output lengths capped (random weights never end a sequence on
their own); without that module it falls back to the extractive summary and no translator.
`configured` uses the settings of ./digest.toml or the defaults, as `digest run` would. `offline`
is the fallback of a machine without models: the extractive summary and no translator.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
SEEDS = sorted((PROJECT_DIR / "seeds").glob("*.txt"))
RUN_DIGEST = "from pipeline.command import main; main()"
TINY_LENGTH_CAPS = [
    "--num-beams",
    "1",
    "--set",
    "summariser.generation.max_new_tokens=12",
    "--set",
    "translator.generation.max_length_ratio=0.3",
    "--set",
    "translator.generation.max_length_extra=2",
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
    if models == "offline":
        return ["--summariser", "extractive", "--translator", str(work / "no-translator")], "extractive, no translator"
    sys.path.insert(0, str(PROJECT_DIR / "tests"))
    try:
        from tiny_models import build_tiny_marian, build_tiny_t5
    except ImportError:
        return ["--summariser", "extractive", "--translator", str(work / "no-translator")], "extractive, no translator"
    marian = build_tiny_marian(work / "tiny-marian")
    t5 = build_tiny_t5(work / "tiny-t5")
    return ["--summariser", str(t5), "--translator", str(marian), *TINY_LENGTH_CAPS], "tiny random-weight T5 + Marian"


def timed_command(command: str, arguments: list[str]) -> tuple[float, float]:
    """Seconds and peak RSS (MiB) of one `digest` command in a process of its own."""
    probe = f"import resource, sys\ntry:\n    {RUN_DIGEST}\nfinally:\n    print(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, file=sys.stderr)"
    started = time.perf_counter()
    completed = subprocess.run([sys.executable, "-c", probe, command, *arguments], check=False, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - started
    if completed.returncode != 0:
        sys.exit(f"digest {command} failed with exit code {completed.returncode}: {completed.stderr[-500:]}")
    return elapsed, int(completed.stderr.strip().splitlines()[-1]) / 1024


@contextlib.contextmanager
def store_time() -> Iterator[list[float]]:
    """Seconds spent in the store's methods while the block runs in this process."""
    from pipeline.store import Store

    spent = [0.0]
    originals = {
        name: getattr(Store, name)
        for name in ("claim_id", "cached_record", "put_record", "note_served", "start_run", "finish_run", "records", "rendered", "note_rendered")
    }

    def timed(method):
        @functools.wraps(method)
        def wrapper(*args, **kwargs):
            started = time.perf_counter()
            try:
                return method(*args, **kwargs)
            finally:
                spent[0] += time.perf_counter() - started

        return wrapper

    for name, method in originals.items():
        setattr(Store, name, timed(method))
    try:
        yield spent
    finally:
        for name, method in originals.items():
            setattr(Store, name, method)


def store_share(arguments: list[str]) -> tuple[float, float]:
    """(seconds in the store, seconds in all) of a first run made in this process."""
    from pipeline.cli import app

    started = time.perf_counter()
    with store_time() as spent, contextlib.suppress(SystemExit):
        app([*arguments, "--quiet"], standalone_mode=True)
    return spent[0], time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", choices=["offline", "tiny", "configured"], default="tiny")
    parser.add_argument("--articles", type=int, default=50)
    parser.add_argument("--quick", action="store_true", help="3 articles: checks that the benchmark runs (CI)")
    options = parser.parse_args()
    if options.quick:
        options.articles = 3

    with tempfile.TemporaryDirectory(prefix="digest-bench-") as temporary:
        work = Path(temporary)
        write_batch(work / "articles", options.articles)
        flags, described = model_flags(options.models, work)
        arguments = [str(work / "articles"), "--models-dir", str(work / "models"), *flags]
        first, first_peak = timed_command("run", [*arguments, "--out", str(work / "out"), "--quiet"])
        again, again_peak = timed_command("run", [*arguments, "--out", str(work / "out"), "--quiet"])
        brief, _ = timed_command("brief", ["--store", str(work / "out")])
        in_store, in_all = store_share(["run", *arguments, "--out", str(work / "in-process")])

    print(f"models: {described}")
    print(f"articles: {options.articles}")
    print(f"first run: {first:.1f} s, {options.articles / first * 60:.1f} articles/minute, peak memory {first_peak:.0f} MiB")
    print(f"re-run, every article from the store: {again:.2f} s, peak memory {again_peak:.0f} MiB")
    print(f"digest brief (all views from the store): {brief:.2f} s")
    print(f"store share of a first run (in process): {in_store:.2f} s of {in_all:.1f} s ({in_store / in_all:.1%})")


if __name__ == "__main__":
    main()
