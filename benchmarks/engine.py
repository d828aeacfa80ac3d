"""The Ray engine's cost on one machine: the same batch through `digest run --engine local` and
`--engine ray` (one node, 2 workers of 1 CPU), each in a process of its own, with the machine's load.

    python benchmarks/engine.py [--models tiny|offline] [--articles 40] [--quick]

Ray's start-up is the extra time of a one-article batch (starting Ray, checking the nodes, starting
the actors and loading their models); its per-article overhead is what is left of the extra time of
the whole batch, divided by the articles. `--quick` (CI) is 10 articles with the offline fallback.
Both engines must write the same records: the benchmark fails when they do not. The local run uses
one model thread, as each actor does (docs/cluster.md, "Same records")."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

from run import model_flags, timed_command, write_batch

RAY = ["--engine", "ray", "--workers", "2", "--cpus-per-worker", "1"]


def records(out: Path) -> dict[str, bytes]:
    return {path.name: path.read_bytes() for path in sorted((out / "articles").glob("*.json"))}


def digest_time(articles: Path, flags: list[str], out: Path) -> float:
    seconds, _ = timed_command("run", [str(articles), *flags, "--out", str(out), "--quiet"])
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--models", choices=["tiny", "offline"], default="tiny")
    parser.add_argument("--articles", type=int, default=40)
    parser.add_argument("--quick", action="store_true", help="10 articles, offline fallback (CI)")
    options = parser.parse_args()
    if options.quick:
        options.models, options.articles = "offline", 10
    try:
        import ray  # noqa: F401
    except ImportError:
        sys.exit("the Ray engine benchmark needs Ray: pip install 'digest[ray]'")

    load_before = os.getloadavg()
    with tempfile.TemporaryDirectory(prefix="digest-bench-") as temporary:
        work = Path(temporary)
        write_batch(work / "batch", options.articles)
        write_batch(work / "one", 1)
        models, described = model_flags(options.models, work)
        flags = ["--models-dir", str(work / "models"), *models, "--set", "models.threads=1"]
        local_one = digest_time(work / "one", flags, work / "local-one")
        ray_one = digest_time(work / "one", [*flags, *RAY], work / "ray-one")
        local = digest_time(work / "batch", flags, work / "local")
        on_ray = digest_time(work / "batch", [*flags, *RAY], work / "ray")
        if records(work / "ray") != records(work / "local") or len(records(work / "ray")) != options.articles:
            sys.exit("the Ray engine wrote other records than the local engine")
    load_after = os.getloadavg()

    start_up = ray_one - local_one
    per_article = (on_ray - local - start_up) / options.articles
    print(f"models: {described}; articles: {options.articles}; CPUs: {os.cpu_count()}")
    print(f"load average (1, 5, 15 min): before {', '.join(f'{x:.1f}' for x in load_before)}; after {', '.join(f'{x:.1f}' for x in load_after)}")
    print(f"local engine: {local:.1f} s ({options.articles / local * 60:.1f} articles/minute); one article: {local_one:.1f} s")
    print(f"ray engine (2 workers x 1 CPU): {on_ray:.1f} s ({options.articles / on_ray * 60:.1f} articles/minute); one article: {ray_one:.1f} s")
    print(f"ray start-up: {start_up:.1f} s; ray overhead per article after start-up: {per_article * 1000:.0f} ms")
    print("records: identical")


if __name__ == "__main__":
    started = time.perf_counter()
    main()
    print(f"benchmark took {time.perf_counter() - started:.0f} s")
