"""Time of the names stage per seed article, on one core, after warm-up.

The articles are read and cleaned once; the first find_names call loads jieba's dictionary and the
GeoNames gazetteer (timed apart); then find_names is timed, as the median of many runs (CPU time).

    python benchmarks/names.py [--repeat N]
"""

from __future__ import annotations

import argparse
import statistics
import time

from one_core import SEEDS, pin_to_one_core

from pipeline.clean import clean_article
from pipeline.ingest import expand_inputs, read_article
from pipeline.names import find_names


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=20, help="runs per article (default 20)")
    args = parser.parse_args()
    pin_to_one_core()
    articles = [clean_article(read_article(ref)) for ref in expand_inputs([str(SEEDS)])]
    started = time.process_time()
    find_names(articles[0])
    print(f"warm-up (jieba dictionary, GeoNames): {(time.process_time() - started) * 1000:.0f} ms CPU")
    print(f"{'article':<24} {'chars':>6} {'names':>6} {'median ms':>10} {'max ms':>8}")
    for article in articles:
        timings = []
        for _ in range(args.repeat):
            started = time.process_time()
            names = find_names(article)
            timings.append((time.process_time() - started) * 1000)
        print(
            f"{article.id:<24} {len(article.text_zh):>6} {len(names):>6}"
            f" {statistics.median(timings):>10.2f} {max(timings):>8.2f}"
        )


if __name__ == "__main__":
    main()
