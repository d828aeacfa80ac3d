"""Faults a hostile tester found in the inputs, the settings, the store and the output folder
(issue 17): each is one line and an exit code, never a traceback, an "internal error" without an
input, or a store or views lost."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from pipeline import PROJECT_DIR
from pipeline.cli import app
from pipeline.store import MAX_ID_BYTES

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
