"""Time of the names stage per seed article, on one core, after warm-up.

The articles are read and cleaned once. The first find_names call loads jieba's dictionary and the
GeoNames gazetteer and is reported apart; then each article's find_names is timed as the median
CPU time of --repeat runs.

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
from pipeline.records import CleanArticle


def cpu_ms(article: CleanArticle) -> tuple[float, int]:
    started = time.process_time()
    names = find_names(article)
    return (time.process_time() - started) * 1000, len(names)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    options.add_argument("--repeat", type=int, default=20, help="runs per article (default 20)")
    options.add_argument("--quick", action="store_true", help="one run per article: checks that the benchmark runs (CI)")
    parsed = options.parse_args()
    repeat = 1 if parsed.quick else parsed.repeat
    pin_to_one_core()
    articles = [clean_article(read_article(ref)) for ref in expand_inputs([str(SEEDS)])]
    print(f"warm-up (jieba dictionary, GeoNames): {cpu_ms(articles[0])[0]:.0f} ms CPU")
    print(f"{'article':<24} {'chars':>6} {'names':>6} {'median ms':>10} {'max ms':>8}")
    for article in articles:
        runs = [cpu_ms(article) for _ in range(repeat)]
        timings = [ms for ms, _ in runs]
        print(f"{article.id:<24} {len(article.text_zh):>6} {runs[0][1]:>6} {statistics.median(timings):>10.2f} {max(timings):>8.2f}")


if __name__ == "__main__":
    main()
