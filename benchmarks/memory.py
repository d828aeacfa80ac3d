"""Peak resident memory of a whole `digest run` at the default models' real size, for several batch sizes.

    PYTHONPATH=. python benchmarks/memory.py                  # 5, 20 and 100 articles
    PYTHONPATH=. python benchmarks/memory.py --articles 20
    PYTHONPATH=. python benchmarks/memory.py --quick          # tiny models, 2 articles (CI)

The models are real_size.py's random-weight models of the default architectures (built once into
--work, shared with that benchmark), run with the default settings (CTranslate2, int8, beams 2, the
summariser's window of 8 articles) and the output lengths FORCED as real_size.py forces them (random
weights never stop): summary 100 new tokens, headline 20, English 1.2 x the Chinese input tokens.
Each run is a fresh `digest run` process into a fresh output folder; its peak RSS is the kernel's
(wait4's ru_maxrss of that process). The articles are the seeds, each copy with its own closing
paragraph, so that none is a cache hit. The target is at most 2 GB for 20 articles.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from real_size import (
    ENGLISH_PER_CHINESE_TOKEN,
    HEADLINE_TOKENS,
    SUMMARISER_FOLDER,
    SUMMARY_TOKENS,
    TRANSLATOR_FOLDER,
    build_models,
)
from run import RUN_DIGEST, write_batch

TARGET_MB = 2048


def forced_lengths() -> list[str]:
    """The `--set` flags that force real_size.py's output lengths."""
    values = {
        "summariser.generation.min_new_tokens": SUMMARY_TOKENS,
        "summariser.generation.max_new_tokens": SUMMARY_TOKENS,
        "summariser.generation.headline_min_new_tokens": HEADLINE_TOKENS,
        "summariser.generation.headline_max_new_tokens": HEADLINE_TOKENS,
        "translator.generation.min_length_ratio": ENGLISH_PER_CHINESE_TOKEN,
        "translator.generation.max_length_ratio": ENGLISH_PER_CHINESE_TOKEN,
        "translator.generation.max_length_extra": 3,
    }
    return [flag for key, value in values.items() for flag in ("--set", f"{key}={value}")]


def measured_run(arguments: list[str]) -> tuple[float, float]:
    """(seconds, peak RSS in MB) of one `digest run` in a process of its own."""
    started = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen([sys.executable, "-c", RUN_DIGEST, "run", *arguments], stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        stderr = errors.read()
    if process.returncode != 0:
        sys.exit(f"digest run failed with exit code {process.returncode}: {stderr[-800:]}")
    return time.perf_counter() - started, usage.ru_maxrss / 1024  # Linux reports KiB


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", type=Path, default=Path("/tmp/digest-real-size"), help="real_size.py's models folder")
    parser.add_argument("--articles", default="5,20,100", help="batch sizes, comma-separated (default 5,20,100)")
    parser.add_argument("--han-pieces", type=int, default=40000, help="as real_size.py (only used when building)")
    parser.add_argument("--quick", action="store_true", help="tiny models in a temporary folder, 2 articles: checks that the benchmark runs (CI)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="digest-memory-") as temporary:
        scratch = Path(temporary)
        if args.quick:
            args.work, args.articles = scratch / "models", "2"
        build_models(args, tiny=args.quick)
        models = ["--summariser", str(args.work / SUMMARISER_FOLDER), "--translator", str(args.work / TRANSLATOR_FOLDER)]
        models += ["--models-dir", str(args.work / "models")]
        for count in [int(c) for c in args.articles.split(",")]:
            articles = scratch / f"articles-{count}"
            write_batch(articles, count)
            load_before = os.getloadavg()[0]
            seconds, peak = measured_run([str(articles), "--out", str(scratch / f"out-{count}"), *models, *forced_lengths(), "--quiet"])
            load = (load_before + os.getloadavg()[0]) / 2
            verdict = "" if count != 20 else (" (within the 2 GB target)" if peak <= TARGET_MB else " (OVER the 2 GB target)")
            print(
                f"{count:>4} articles: peak RSS {peak:6.0f} MB{verdict} | {seconds:6.1f} s, {60 * count / seconds:5.1f} articles/min"
                f" (model loading included) | load average {load:.1f}",
                flush=True,
            )
    print(f"forced: summary {SUMMARY_TOKENS} tokens, headline {HEADLINE_TOKENS}, English {ENGLISH_PER_CHINESE_TOKEN} x Chinese tokens; default settings otherwise")


if __name__ == "__main__":
    main()
