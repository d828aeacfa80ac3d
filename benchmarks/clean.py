"""Throughput of ingest + clean on one core, in MB of input per second.

Reads every seed article (or, with --corpus, every real HTML page of ../shared/corpus) from temporary
files, over and over, until several MB have passed.

    python benchmarks/clean.py [--repeat N] [--corpus]
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
import time

from one_core import SEEDS, pin_to_one_core

from pipeline import PROJECT_DIR
from pipeline.clean import clean_article
from pipeline.ingest import expand_inputs, read_article

CORPUS = PROJECT_DIR.parent / "shared" / "corpus"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="passes over the inputs (default 100)")
    parser.add_argument("--corpus", action="store_true", help="the real HTML pages of ../shared/corpus, not the seeds")
    parser.add_argument("--quick", action="store_true", help="one pass: checks that the benchmark runs (CI)")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 1
    pin_to_one_core()
    inputs = sorted((CORPUS / "pages").glob("*.html")) if args.corpus else sorted(SEEDS.glob("*.txt"))
    if not inputs:
        parser.error(f"no inputs found (the corpus is read from {CORPUS})")
    with tempfile.TemporaryDirectory() as folder:
        for source in inputs:
            shutil.copy(source, folder)
        refs = expand_inputs([folder])
        clean_article(read_article(refs[0]))  # loads OpenCC dictionaries and builds lookup tables
        total_bytes = 0
        started, started_cpu = time.perf_counter(), time.process_time()
        for _ in range(args.repeat):
            for ref in refs:
                article = read_article(ref)
                clean_article(article)
                total_bytes += ref.path.stat().st_size
        elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    megabytes = total_bytes / 1e6
    # CPU time is the figure to quote: on a busy machine, wall time also counts other processes' turns.
    print(f"ingest+clean: {megabytes:.1f} MB in {cpu:.2f} s CPU = {megabytes / cpu:.2f} MB/s on one core")
    print(f"(wall time {elapsed:.2f} s = {megabytes / elapsed:.2f} MB/s)")


if __name__ == "__main__":
    main()
