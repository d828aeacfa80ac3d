"""One contract, two engines: the same batch through `--engine local` and `--engine ray` gives the
same records, failures stay with their article, and a worker, a node or the driver stopping mid-batch
costs no article and saves none twice. Ray runs on this machine only (at most 2 CPUs)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import sys
from pathlib import Path

import pytest
from test_run import SEEDS, offline, run_cli, tiny_config  # noqa: F401  (fixtures)

from pipeline import PROJECT_DIR
from pipeline.store import STORE_NAME

CORPUS = PROJECT_DIR.parent.parent / "shared" / "corpus"
# A batch bounded in time on a busy 2-core machine: every Ray test ends within this.
RUN_TIMEOUT = 240


def needs_ray() -> None:
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'digest[ray]')")


def records(out: Path) -> dict[str, str]:
    """Each article's record file, as bytes decoded, by id."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted((out / "articles").glob("*.json"))}


def stored_ids(out: Path) -> list[str]:
    with sqlite3.connect(out / STORE_NAME) as connection:
        return sorted(row[0] for row in connection.execute("SELECT id FROM articles"))


def batch_of(count: int, folder: Path) -> Path:
    """``count`` articles made from the seeds (each seed under several names: distinct ids)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(count):
        seed = seeds[index % len(seeds)]
        shutil.copyfile(seed, folder / f"{index:03d}_{seed.name}")
    return folder


def ray_children() -> list[int]:
    """Process ids of this process's descendants that Ray started (raylet, GCS, workers)."""
    parents: dict[int, int] = {}
    names: dict[int, str] = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
            command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
        except OSError:
            continue
        parents[int(entry.name)] = int(stat.rsplit(")", 1)[1].split()[1])
        names[int(entry.name)] = command
    mine = {os.getpid()}
    changed = True
    while changed:
        found = {pid for pid, parent in parents.items() if parent in mine} - mine
        changed = bool(found)
        mine |= found
    return [pid for pid in mine if pid != os.getpid() and ("ray" in names.get(pid, "") or "gcs_server" in names.get(pid, ""))]


def test_without_ray_the_ray_engine_is_one_line_and_exit_2(offline, tmp_path, monkeypatch):  # noqa: F811 (a fixture of test_run)
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` fails as it does where Ray is not installed
    monkeypatch.delitem(sys.modules, "pipeline.engines.ray", raising=False)
    result = run_cli("run", SEEDS, "--out", tmp_path / "out", *offline, "--engine", "ray")
    assert result.exit_code == 2
    assert result.stderr.strip().splitlines() == ["error: the ray engine needs Ray, which is not installed: pip install 'digest[ray]'"]
    assert not (tmp_path / "out").exists()


def test_seeds_offline_give_the_same_records_and_a_bad_article_fails_alone(offline, tmp_path):  # noqa: F811 (a fixture of test_run)
    needs_ray()
    inputs = tmp_path / "inputs"
    shutil.copytree(SEEDS, inputs)
    # Read by the driver, it fails in the worker: an editor's line is all there is, and cleaning takes it out.
    (inputs / "editor-only.txt").write_text("责任编辑：张三\n", encoding="utf-8")
    local = run_cli("run", inputs, "--out", tmp_path / "local", *offline)
    ray_run = run_cli("run", inputs, "--out", tmp_path / "ray", *offline, "--engine", "ray", "--workers", "2")
    assert local.exit_code == ray_run.exit_code == 1, ray_run.output
    assert records(tmp_path / "ray") == records(tmp_path / "local")
    assert len(records(tmp_path / "ray")) == len(list(SEEDS.glob("*.txt")))
    failed = [line for line in ray_run.stderr.splitlines() if line.startswith("error: ")]
    assert failed == [line for line in local.stderr.splitlines() if line.startswith("error: ")]
    assert failed == [f"error: {inputs / 'editor-only.txt'}: no article text left after cleaning"]
    warnings = [line for line in ray_run.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "nobody/missing-zh-en" in warnings[0]
    assert ray_children() == []
