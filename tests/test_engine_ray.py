"""One contract, two engines: the same batch through `--engine local` and `--engine ray` gives the
same records, failures stay with their article, and a worker, a node or the driver stopping mid-batch
costs no article and saves none twice. Ray runs on this machine only (at most 2 CPUs)."""

from __future__ import annotations

import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from test_corpus_clean import CORPUS
from test_run import SEEDS, offline, run_cli, tiny_config  # noqa: F401  (fixtures)

from pipeline import PROJECT_DIR
from pipeline.store import STORE_NAME, Store

# A batch bounded in time on a busy 2-core machine: every Ray test ends within this.
RUN_TIMEOUT = 240


def needs_ray() -> None:
    pytest.importorskip("ray", reason="Ray is not installed (pip install 'digest[ray]')")


def records(out: Path) -> dict[str, str]:
    """Each article's record file, as bytes decoded, by id."""
    return {path.stem: path.read_text(encoding="utf-8") for path in sorted((out / "articles").glob("*.json"))}


def views(out: Path) -> dict[str, bytes]:
    """The views that list every article, by name: the same save order gives the same bytes."""
    return {name: (out / name).read_bytes() for name in ("digests.jsonl", "briefing.md")}


def stored_ids(out: Path) -> list[str]:
    with sqlite3.connect(out / STORE_NAME) as connection:
        return sorted(row[0] for row in connection.execute("SELECT id FROM articles"))


def batch_of(count: int, folder: Path) -> Path:
    """``count`` articles made from the seeds (each seed under several names and with its own closing line)."""
    folder.mkdir(parents=True, exist_ok=True)
    seeds = sorted(SEEDS.glob("*.txt"))
    for index in range(count):
        seed = seeds[index % len(seeds)]
        # A closing line of its own: an identical body would be served as a copy, without model work.
        text = seed.read_text(encoding="utf-8").rstrip() + f"\n\n（本文为测试稿第{index}篇。）\n"
        (folder / f"{index:03d}_{seed.name}").write_text(text, encoding="utf-8")
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


def test_seeds_and_corpus_offline_give_the_same_records_and_a_bad_article_fails_alone(offline, tmp_path):  # noqa: F811 (a fixture of test_run)
    needs_ray()
    inputs = tmp_path / "inputs"
    shutil.copytree(SEEDS, inputs)
    pages = sorted((CORPUS / "pages").glob("*")) if (CORPUS / "pages").is_dir() else []  # without the corpus, the seeds alone
    for page in pages:
        shutil.copyfile(page, inputs / page.name)
    # Read by the driver, it fails in the worker: an editor's line is all there is, and cleaning takes it out.
    (inputs / "editor-only.txt").write_text("责任编辑：张三\n", encoding="utf-8")
    local = run_cli("run", inputs, "--out", tmp_path / "local", *offline)
    ray_run = run_cli("run", inputs, "--out", tmp_path / "ray", *offline, "--engine", "ray", "--workers", "2")
    assert local.exit_code == ray_run.exit_code == 1, ray_run.output
    assert records(tmp_path / "ray") == records(tmp_path / "local")
    assert len(records(tmp_path / "ray")) == len(list(SEEDS.glob("*.txt"))) + len(pages)
    assert views(tmp_path / "ray") == views(tmp_path / "local")
    failed = [line for line in ray_run.stderr.splitlines() if line.startswith("error: ")]
    assert failed == [line for line in local.stderr.splitlines() if line.startswith("error: ")]
    assert failed == [f"error: {inputs / 'editor-only.txt'}: no article text left after cleaning"]
    warnings = [line for line in ray_run.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "nobody/missing-zh-en" in warnings[0]
    assert ray_children() == []


def test_tiny_models_give_the_same_records(tiny_config, tmp_path):  # noqa: F811 (a fixture of test_run)
    needs_ray()
    inputs = batch_of(12, tmp_path / "inputs")
    # One model thread locally as on each 1-CPU actor: CTranslate2 splits a window's sentences between
    # its threads, and a split changes the padding the model sees (docs/cluster.md, "Same records").
    same = ["--config", tiny_config, "--set", "models.threads=1", "--set", "summariser.batch_size=4"]
    local = run_cli("run", inputs, "--out", tmp_path / "local", *same)
    ray_run = run_cli("run", inputs, "--out", tmp_path / "ray", *same, "--engine", "ray", "--workers", "2", "--cpus-per-worker", "1")
    assert local.exit_code == ray_run.exit_code == 0, ray_run.output
    assert len(records(tmp_path / "ray")) == 12
    assert records(tmp_path / "ray") == records(tmp_path / "local")
    assert views(tmp_path / "ray") == views(tmp_path / "local")
    assert ray_children() == []


class SaveCounter:
    """Counts the records the runner saves, by id, and runs ``on_first`` (once) after the first."""

    def __init__(self, monkeypatch, on_first):
        self.saved: dict[str, int] = {}
        self.on_first = on_first
        original = Store.put_record

        def counting(store, record, signature, run_id):
            original(store, record, signature, run_id)
            self.saved[record["id"]] = self.saved.get(record["id"], 0) + 1
            if sum(self.saved.values()) == 1:
                self.on_first()

        monkeypatch.setattr(Store, "put_record", counting)


def map_workers() -> list[int]:
    """Process ids of the Ray Data actors this process started."""
    return [pid for pid in ray_children() if "MapWorker" in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace")]


def test_an_actor_killed_mid_batch_is_restarted_and_every_article_is_saved_once(tiny_config, tmp_path, monkeypatch):  # noqa: F811 (a fixture of test_run)
    needs_ray()
    inputs = batch_of(24, tmp_path / "inputs")
    killed: list[int] = []

    def kill_an_actor() -> None:
        workers = map_workers()
        if workers:
            os.kill(workers[0], signal.SIGKILL)
            killed.append(workers[0])

    counter = SaveCounter(monkeypatch, kill_an_actor)
    result = run_cli(
        "run", inputs, "--out", tmp_path / "out", "--config", tiny_config, "--set", "summariser.batch_size=2", "--engine", "ray", "--workers", "2"
    )
    assert result.exit_code == 0, result.output
    assert killed, "no actor was running after the first record"
    assert stored_ids(tmp_path / "out") == sorted(path.stem for path in inputs.glob("*.txt"))
    assert set(counter.saved.values()) == {1}
    assert ray_children() == []


def test_a_node_removed_mid_batch_costs_no_article(tiny_config, tmp_path, monkeypatch):  # noqa: F811 (a fixture of test_run)
    needs_ray()
    from ray.cluster_utils import Cluster

    inputs = batch_of(24, tmp_path / "inputs")
    cluster = Cluster(initialize_head=True, head_node_args={"num_cpus": 1, "include_dashboard": False})
    try:
        second = cluster.add_node(num_cpus=1)
        cluster.wait_for_nodes()
        removed: list[bool] = []

        def remove_the_second_node() -> None:
            cluster.remove_node(second)
            removed.append(True)

        counter = SaveCounter(monkeypatch, remove_the_second_node)
        result = run_cli(
            "run", inputs, "--out", tmp_path / "out", "--config", tiny_config, "--set", "summariser.batch_size=2",
            "--engine", "ray", "--ray-address", cluster.address, "--workers", "2",
        )
        assert result.exit_code == 0, result.output
        assert removed
        assert stored_ids(tmp_path / "out") == sorted(path.stem for path in inputs.glob("*.txt"))
        assert set(counter.saved.values()) == {1}
    finally:
        cluster.shutdown()
    assert ray_children() == []


def saved_yet(out: Path) -> bool:
    """Whether the driver has saved a record (its store may still be being created)."""
    try:
        return bool(stored_ids(out))
    except sqlite3.Error:
        return False


def ray_processes_under(folder: Path) -> list[int]:
    """Processes whose command line names ``folder`` (Ray's session folder of one run)."""
    found = []
    for entry in Path("/proc").iterdir():
        try:
            if entry.name.isdigit() and str(folder) in (entry / "cmdline").read_bytes().decode(errors="replace"):
                found.append(int(entry.name))
        except OSError:
            continue
    return found


def test_ctrl_c_on_the_driver_keeps_what_came_back_and_a_rerun_completes(tiny_config, tmp_path):  # noqa: F811 (a fixture of test_run)
    needs_ray()
    inputs = batch_of(24, tmp_path / "inputs")
    out = tmp_path / "out"
    ray_dir = Path(tempfile.mkdtemp(prefix="ray", dir="/tmp"))  # short: Ray's socket paths must fit
    command = [sys.executable, "-c", "from pipeline.command import main; main()", "run", str(inputs), "--out", str(out)]
    command += ["--config", str(tiny_config), "--set", "summariser.batch_size=2", "--engine", "ray", "--workers", "2", "--quiet"]
    environment = {**os.environ, "PYTHONPATH": str(PROJECT_DIR), "RAY_TMPDIR": str(ray_dir)}
    try:
        driver = subprocess.Popen(command, env=environment, stderr=subprocess.PIPE, text=True)
        deadline = time.monotonic() + 2 * RUN_TIMEOUT  # the first record, on a machine as busy as CI's can be
        while not saved_yet(out) and time.monotonic() < deadline and driver.poll() is None:
            time.sleep(0.2)
        driver.send_signal(signal.SIGINT)
        _, stderr = driver.communicate(timeout=RUN_TIMEOUT)
        assert driver.returncode == 130, stderr
        assert stderr.splitlines()[-1].startswith("SIGINT: stopped after "), stderr
        kept = stored_ids(out)
        assert 0 < len(kept) < 24
        assert json.loads((out / "stats.json").read_text(encoding="utf-8"))["status"] == "interrupted"
        time.sleep(2)
        assert ray_processes_under(ray_dir) == []

        again = subprocess.run(command, env=environment, capture_output=True, text=True, timeout=RUN_TIMEOUT)
        assert again.returncode == 0, again.stderr
        stats = json.loads((out / "stats.json").read_text(encoding="utf-8"))
        assert (stats["from_store"], stats["digested"]) == (len(kept), 24 - len(kept))
        assert stored_ids(out) == sorted(path.stem for path in inputs.glob("*.txt"))
    finally:
        shutil.rmtree(ray_dir, ignore_errors=True)


def test_a_node_without_the_runners_models_stops_the_run_in_one_line_before_any_article(offline, tmp_path, monkeypatch):  # noqa: F811 (a fixture of test_run)
    needs_ray()
    import pipeline.engines.ray as ray_engine

    # The runner finds the translator in its models folder; the node (its own process) does not.
    monkeypatch.setattr(ray_engine, "is_present", lambda models, model_id, revision="main": True)
    dispatched: list[object] = []
    monkeypatch.setattr(ray_engine.RayEngine, "_stream", lambda self, windows: dispatched.append(windows) or iter(()))
    result = run_cli("run", SEEDS, "--out", tmp_path / "out", *offline, "--engine", "ray", "--workers", "1")
    assert result.exit_code == 2
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("error: Ray node ") and "model 'nobody/missing-zh-en' is not in " in line and "`digest models pull`" in line
    assert dispatched == [] and stored_ids(tmp_path / "out") == []
    assert ray_children() == []
