"""Time of the facts stage (figures, key-figure ranking, programmes) per seed article, on one core.

The articles are read and cleaned once; only extract_facts is timed, as the median of many runs.
The first call of a process also loads jieba's dictionary (word frequencies for programme names);
it is timed and printed on its own line, and left out of the per-article figures.

    python benchmarks/facts.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from one_core import SEEDS, pin_to_one_core

from pipeline.clean import clean_article
from pipeline.facts import extract_facts
from pipeline.ingest import expand_inputs, read_article


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=50, help="runs per article (default 50)")
    parser.add_argument("--quick", action="store_true", help="one run per article: checks that the benchmark runs (CI)")
    args = parser.parse_args()
    if args.quick:
        args.repeat = 1
    pin_to_one_core()
    articles = [clean_article(read_article(ref)) for ref in expand_inputs([str(SEEDS)])]
    started = time.perf_counter()
    extract_facts(articles[0])
    print(f"first call (loads the dictionary): {(time.perf_counter() - started) * 1000:.0f} ms")
    print(f"{'article':<24} {'chars':>6} {'figures':>8} {'programmes':>11} {'median ms':>10} {'max ms':>8}")
    for article in articles:
        timings = []
        for _ in range(args.repeat):
            started = time.perf_counter()
            facts = extract_facts(article)
            timings.append((time.perf_counter() - started) * 1000)
        print(
            f"{article.id:<24} {len(article.text_zh):>6} {len(facts.figures):>8} {len(facts.programmes):>11}"
            f" {statistics.median(timings):>10.2f} {max(timings):>8.2f}"
        )


if __name__ == "__main__":
    main()
