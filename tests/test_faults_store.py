"""Faults a hostile tester found in the inputs, the settings, the store and the output folder
(issue 17): each is one line and an exit code, never a traceback, an "internal error" without an
input, or a store or views lost."""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import PROJECT_DIR
from pipeline.cli import app
from pipeline.errors import OutputError
from pipeline.store import MAX_ID_BYTES, STORE_LOCK_NAME, STORE_NAME, Store

SEEDS = PROJECT_DIR / "seeds"
SEED_FILES = sorted(SEEDS.glob("*.txt"))
SEED_IDS = [path.stem for path in SEED_FILES]
RUN_DIGEST = "from pipeline.command import main; main()"
# Root reads and writes through any permission; these take that power away from a child process.
WITHOUT_DAC_OVERRIDE = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.fixture
def offline(tmp_path, monkeypatch) -> list[str]:
    """Flags for a run with no model at all: the extractive summary, and no translator on this machine."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)
    return ["--summariser", "extractive", "--translator", "nobody/missing-zh-en", "--models-dir", str(tmp_path / "no-models")]


def digest(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args])


def ids_in_views(out: Path) -> list[str]:
    return [json.loads(line)["id"] for line in (out / "digests.jsonl").read_text(encoding="utf-8").splitlines()]


def without_permission_override() -> list[str]:
    """The command prefix that makes file permissions apply to a child process; skips the test when
    they cannot be made to apply."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root, and setpriv is not installed to drop the permission override")
    probe = subprocess.run([*WITHOUT_DAC_OVERRIDE, "true"], check=False, capture_output=True)
    if probe.returncode != 0:
        pytest.skip(f"running as root, and setpriv cannot drop the permission override: {probe.stderr.decode()[:200]}")
    return WITHOUT_DAC_OVERRIDE


def digest_without_permission_override(*args: object, cwd: Path) -> subprocess.CompletedProcess[str]:
    environment = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(PROJECT_DIR)}
    command = [*without_permission_override(), sys.executable, "-c", RUN_DIGEST, *[str(arg) for arg in args]]
    return subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True, timeout=600, check=False)


def assert_no_internal_error(output: str) -> None:
    assert "internal error" not in output and "Traceback" not in output, output


# 1. Long input names


def test_a_long_chinese_file_name_gets_a_short_id_and_the_views_keep_working(offline, tmp_path):
    """79 Chinese characters are 237 bytes: with '.md' and a temporary file's decorations the view's
    name passed 255 bytes, and every later run and brief of that folder failed."""
    folder = tmp_path / "long"
    folder.mkdir()
    shutil.copy(SEED_FILES[2], folder / f"{'闻' * 79}.txt")
    out = tmp_path / "out"
    first = digest("run", folder, "--out", out, *offline)
    assert first.exit_code == 0, first.output
    assert digest("run", SEEDS, "--out", out, *offline).exit_code == 0
    brief = digest("brief", "--store", out)
    assert brief.exit_code == 0, brief.output
    ids = ids_in_views(out)
    assert sorted(ids) == sorted([*SEED_IDS, *[i for i in ids if i.startswith("闻")]]) and len(ids) == 6
    long_id = next(i for i in ids if i.startswith("闻"))
    assert re.fullmatch("闻+-[0-9a-f]{8}", long_id) and len(long_id.encode()) <= MAX_ID_BYTES
    assert (out / "articles" / f"{long_id}.html").is_file()
    assert not [path for path in out.rglob("*.tmp")]


# 2. Inputs that cannot even be looked at


@pytest.fixture
def symlink_loop(tmp_path) -> Path:
    """A folder holding a readable article and eloop.txt, a link into a loop of two links."""
    folder = tmp_path / "in"
    folder.mkdir()
    shutil.copy(SEED_FILES[0], folder / "good.txt")
    (folder / "l2").symlink_to("l1")
    (folder / "l1").symlink_to("l2")
    (folder / "eloop.txt").symlink_to("l1")
    return folder


@pytest.mark.parametrize("naming", ["folder", "direct", "glob"])
def test_a_symlink_loop_is_one_failed_input_and_the_batch_goes_on(offline, tmp_path, symlink_loop, naming):
    specs = {
        "folder": [symlink_loop],
        "direct": [symlink_loop / "eloop.txt", symlink_loop / "good.txt"],
        "glob": [f"{symlink_loop}/*.txt"],
    }[naming]
    out = tmp_path / "out"
    result = digest("run", *specs, "--out", out, *offline)
    assert result.exit_code == 1, result.output
    assert_no_internal_error(result.output)
    assert f"error: {symlink_loop / 'eloop.txt'}: symbolic link loop" in result.stderr
    assert ids_in_views(out) == ["good"]


def test_an_input_name_over_255_bytes_is_one_failed_input(offline, tmp_path):
    too_long = tmp_path / f"{'新' * 90}.txt"
    out = tmp_path / "out"
    result = digest("run", too_long, SEED_FILES[0], "--out", out, *offline)
    assert result.exit_code == 1, result.output
    assert_no_internal_error(result.output)
    assert f"error: {too_long}: cannot read file (File name too long)" in result.stderr
    assert ids_in_views(out) == [SEED_IDS[0]]


def test_a_file_in_a_folder_that_cannot_be_searched_is_one_failed_input(tmp_path):
    locked = tmp_path / "locked"
    locked.mkdir()
    shutil.copy(SEED_FILES[1], locked / "inside.txt")
    locked.chmod(0o666)  # listable, not searchable: the file in it cannot be opened
    tmp_path.chmod(0o777)
    try:
        result = digest_without_permission_override(
            "run", "locked/inside.txt", SEED_FILES[0], "--out", tmp_path / "out", "-q",
            "--summariser", "extractive", "--translator", "nobody/missing-zh-en", "--models-dir", tmp_path / "none",
            cwd=tmp_path,
        )
    finally:
        locked.chmod(0o755)
    assert result.returncode == 1, result.stderr
    assert_no_internal_error(result.stderr)
    assert "error: locked/inside.txt: cannot read file (Permission denied)" in result.stderr
    assert ids_in_views(tmp_path / "out") == [SEED_IDS[0]]


# 4. Long setting values


@pytest.mark.parametrize(
    "flags",
    [
        ["--translator", "m" * 300],
        ["--models-dir", "d" * 300],
        ["--out", "o" * 300],
        ["--set", f"translator.model={'m' * 300}"],
        ["--set", f'translator.model="{"m" * 300}"'],
    ],
    ids=["translator", "models-dir", "out", "set-bare", "set-quoted"],
)
def test_a_setting_too_long_for_a_file_name_is_a_setting_error_quoted_short(offline, tmp_path, flags):
    result = digest("run", SEED_FILES[0], *offline, *flags)
    assert result.exit_code == 2, result.output
    assert_no_internal_error(result.output)
    [line] = result.stderr.splitlines()
    assert line.startswith("error: setting ") and "more than the 255 a file name may have" in line
    assert "… (300 characters)" in line and len(line) < 250


# 3. A store that is missing, emptied, or deleted during a run


@pytest.fixture
def five_digested(offline, tmp_path) -> Path:
    """An output folder holding the five seeds' store and views."""
    out = tmp_path / "out"
    first = digest("run", SEEDS, "--out", out, *offline)
    assert first.exit_code == 0, first.output
    return out


@pytest.mark.parametrize("damage", ["emptied", "deleted"])
def test_views_without_their_store_are_refused_untouched(offline, five_digested, damage):
    store = five_digested / STORE_NAME
    if damage == "emptied":
        store.write_bytes(b"")
    else:
        store.unlink()
    views_before = (five_digested / "digests.jsonl").read_bytes()
    result = digest("run", SEED_FILES[0], "--out", five_digested, *offline)
    assert result.exit_code == 2, result.output
    [line] = result.stderr.splitlines()
    state = "an empty store" if damage == "emptied" else "no store"
    assert line.startswith(f"error: {five_digested}: holds views (") and f"but {state} (digest.sqlite)" in line
    assert (five_digested / "digests.jsonl").read_bytes() == views_before
    assert store.exists() == (damage == "emptied") and (not store.exists() or store.stat().st_size == 0)


def test_an_output_folder_deleted_during_the_run_is_an_error_not_a_success(offline, tmp_path, monkeypatch):
    from pipeline.core import Pipeline

    out = tmp_path / "out"
    original = Pipeline.clean

    def delete_the_output_folder(self, article):
        shutil.rmtree(out, ignore_errors=True)
        return original(self, article)

    monkeypatch.setattr(Pipeline, "clean", delete_the_output_folder)
    result = digest("run", SEEDS, "--out", out, *offline)
    assert result.exit_code == 1, result.output
    assert_no_internal_error(result.output)
    assert "the store was deleted or replaced while digest was using it" in result.stderr
    assert "5 of 5 inputs digested" in result.stderr and "the views were not rebuilt" in result.stderr
    assert not (out / "digests.jsonl").exists()


def test_an_output_folder_deleted_before_the_run_starts_is_an_output_error(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    store = Store(out)
    shutil.rmtree(out)
    with pytest.raises(OutputError, match="cannot start the run"):
        store.start_run("signature", "0", inputs=1)
    store.close()


# 5 and 10. Records in the store that cannot be used


def test_a_damaged_record_is_named_and_left_out_and_a_run_repairs_it(offline, five_digested):
    damaged_id = SEED_IDS[1]
    with sqlite3.connect(five_digested / STORE_NAME) as db:
        db.execute("UPDATE articles SET record = substr(record, 1, 100) WHERE id = ?", (damaged_id,))
    brief = digest("brief", "--store", five_digested)
    assert brief.exit_code == 0, brief.output
    assert_no_internal_error(brief.output)
    [warning] = [line for line in brief.stderr.splitlines() if line.startswith("warning:")]
    assert f"record '{damaged_id}' left out of the views: its JSON is damaged" in warning
    assert sorted(ids_in_views(five_digested)) == [i for i in SEED_IDS if i != damaged_id]

    rerun = digest("run", SEEDS, "--out", five_digested, *offline)
    assert rerun.exit_code == 0, rerun.output
    assert "4 unchanged, from the store" in rerun.stderr and "views cover 5 articles" in rerun.stderr
    assert sorted(ids_in_views(five_digested)) == SEED_IDS


def test_a_record_that_breaks_the_schema_is_named_and_left_out(five_digested):
    broken_id = SEED_IDS[3]
    with sqlite3.connect(five_digested / STORE_NAME) as db:
        db.execute("UPDATE articles SET record = json_remove(record, '$.metadata') WHERE id = ?", (broken_id,))
    brief = digest("brief", "--store", five_digested)
    assert brief.exit_code == 0, brief.output
    assert_no_internal_error(brief.output)
    assert f"record '{broken_id}' left out of the views: it does not follow the record schema" in brief.stderr
    assert sorted(ids_in_views(five_digested)) == [i for i in SEED_IDS if i != broken_id]


def test_an_id_in_the_store_that_climbs_out_of_the_folder_names_no_file(five_digested, tmp_path):
    target = SEED_IDS[2]
    with sqlite3.connect(five_digested / STORE_NAME) as db:
        db.execute(
            "UPDATE articles SET id = '../../pwned', record = json_set(record, '$.id', '../../pwned') WHERE id = ?", (target,)
        )
    brief = digest("brief", "--store", five_digested)
    assert brief.exit_code == 0, brief.output
    assert "record '../../pwned' left out of the views: its id cannot name a file" in brief.stderr
    assert not [path for path in tmp_path.rglob("pwned*")]
    assert "../../pwned" not in ids_in_views(five_digested)


# 9. An output folder that cannot be written


@pytest.mark.parametrize("read_only", ["folder", "articles"])
def test_a_read_only_output_folder_is_refused_before_any_input_is_read(five_digested, tmp_path, read_only):
    views = five_digested if read_only == "folder" else five_digested / "articles"
    views_before = (five_digested / "digests.jsonl").read_bytes()
    # A reader holding the store open keeps its write-ahead log, through which a run could still write the store.
    with sqlite3.connect(five_digested / STORE_NAME) as reader:
        reader.execute("SELECT count(*) FROM runs").fetchone()
        views.chmod(0o555)
        try:
            result = digest_without_permission_override(
                "run", SEEDS, "--out", five_digested, "--summariser", "extractive", "--translator", "nobody/missing-zh-en",
                "--models-dir", tmp_path / "none", "-q",
                cwd=tmp_path,
            )
        finally:
            views.chmod(0o755)
        runs = reader.execute("SELECT count(*) FROM runs").fetchone()[0]
    assert result.returncode == 2, result.stderr
    assert result.stderr == f"error: {views}: cannot write the views there (Permission denied)\n"
    assert runs == 1 and (five_digested / "digests.jsonl").read_bytes() == views_before


def test_views_that_fail_at_the_end_are_reported_as_not_rebuilt_and_the_run_as_failed(offline, five_digested, monkeypatch):
    import pipeline.views

    def disk_full(path, text):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(pipeline.views, "write_text_atomic", disk_full)
    (five_digested / "briefing.md").unlink()  # a view to write again
    result = digest("run", SEEDS, "--out", five_digested, *offline)
    assert result.exit_code == 1, result.output
    assert "cannot write the views (No space left on device)" in result.stderr
    assert "views cover 0 articles" not in result.stderr
    assert result.stderr.splitlines()[-1].endswith("the views were not rebuilt (they show the store as an earlier run left it)")
    with sqlite3.connect(five_digested / STORE_NAME) as db:
        assert db.execute("SELECT status FROM runs ORDER BY id DESC LIMIT 1").fetchone()[0] == "failed"


# 11. Another program's database


def test_a_foreign_sqlite_database_is_refused_untouched(offline, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    with sqlite3.connect(out / STORE_NAME) as db:
        db.execute("CREATE TABLE customers (name TEXT)")
        db.execute("INSERT INTO customers VALUES ('someone')")
    before = (out / STORE_NAME).read_bytes()
    result = digest("run", SEED_FILES[0], "--out", out, *offline)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"error: {out / STORE_NAME}: not a digest store (a SQLite database of 1 other tables); it is left untouched: give digest another output folder\n"
    assert (out / STORE_NAME).read_bytes() == before
    assert {path.name for path in out.iterdir()} <= {STORE_NAME, STORE_LOCK_NAME}


# 12. Runs killed, and their temporary files


def test_a_run_whose_process_is_gone_is_closed_as_killed_and_a_live_one_is_not(tmp_path):
    live = Store(tmp_path)
    live_run = live.start_run("signature", "0", inputs=3)
    dying = Store(tmp_path)
    dead_run = dying.start_run("signature", "0", inputs=4)
    dying.note_served(dead_run, "one")
    dying.record_failure(dead_run, "two.txt", "file is empty")
    dying.close()  # as its process ending does: the run is never finished
    reopened = Store(tmp_path)
    status = {run.id: run for run in reopened.runs()}
    assert status[live_run].status == "running"
    killed = status[dead_run]
    assert (killed.status, killed.inputs, killed.digested, killed.from_store, killed.failed) == ("killed", 4, 0, 1, 1)
    live.finish_run(live_run, "completed", 3, 3, 0, 0, {})
    assert {run.id: run.status for run in Store(tmp_path).runs()} == {live_run: "completed", dead_run: "killed"}
    for store in (live, reopened):
        store.close()


def _run_and_die(out: str, spec: str, flags: list[str], die_in: str) -> None:
    """A `digest run` that its process's SIGKILL ends: after two records are saved, or while the views
    are being written (``die_in``)."""
    import signal

    import pipeline.outputs

    def die() -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    if die_in == "records":
        saved = []
        original = Store.put_record

        def put_then_die(self, record, signature, run_id):
            original(self, record, signature, run_id)
            saved.append(record["id"])
            if len(saved) == 2:
                die()

        Store.put_record = put_then_die  # type: ignore[method-assign]
    else:
        pipeline.outputs.os.fsync = lambda descriptor: die()  # type: ignore[assignment]
    os.environ["HF_HUB_OFFLINE"] = "1"
    CliRunner().invoke(app, ["run", spec, "--out", out, "-q", *flags])


@pytest.mark.parametrize("die_in", ["records", "views"])
def test_after_sigkill_the_next_run_closes_the_killed_run_and_sweeps_its_temporary_files(offline, tmp_path, die_in):
    import multiprocessing

    out = tmp_path / "out"
    child = multiprocessing.get_context("fork").Process(target=_run_and_die, args=(str(out), str(SEEDS), offline, die_in))
    child.start()
    child.join(timeout=600)
    assert child.exitcode == -9
    assert die_in == "records" or [path for path in out.rglob("*.tmp")], "the kill left no temporary file to sweep"
    rerun = digest("run", SEEDS, "--out", out, *offline)
    assert rerun.exit_code == 0, rerun.output
    assert not [path for path in out.rglob("*.tmp")]
    with sqlite3.connect(out / STORE_NAME) as db:
        killed = db.execute("SELECT status, inputs, digested, from_store, failed FROM runs WHERE id = 1").fetchone()
    assert killed == ("killed", 5, 2 if die_in == "records" else 5, 0, 0)
    assert "run 1  " in digest("runs", "--store", out).stdout and " killed " in digest("runs", "--store", out).stdout


# 14. A store the user may read but not write


@pytest.mark.parametrize("read_only", ["store file", "store folder"])
def test_runs_and_brief_read_a_read_only_store(five_digested, tmp_path, read_only):
    locked = five_digested / STORE_NAME if read_only == "store file" else five_digested
    locked.chmod(0o444 if read_only == "store file" else 0o555)
    try:
        runs = digest_without_permission_override("runs", "--store", five_digested, cwd=tmp_path)
        brief = digest_without_permission_override("brief", "--store", five_digested, "--out", tmp_path / "elsewhere", cwd=tmp_path)
    finally:
        locked.chmod(0o644 if read_only == "store file" else 0o755)
    assert runs.returncode == 0, runs.stderr
    assert runs.stdout.startswith("run 1  ") and " completed " in runs.stdout
    assert brief.returncode == 0, brief.stderr
    assert sorted(ids_in_views(tmp_path / "elsewhere")) == SEED_IDS
