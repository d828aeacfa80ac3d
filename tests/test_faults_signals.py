"""Faults a hostile tester found in the console script (issue 17): signals, warnings turned into
errors, output problems blamed on the input, messages glued to the progress bar. Each runs the real
`digest` command in a process of its own, as a user would."""

from __future__ import annotations

import contextlib
import os
import pty
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline import PROJECT_DIR

SEEDS = sorted((PROJECT_DIR / "seeds").glob("*.txt"))
DIGEST = [sys.executable, "-c", "from pipeline.command import main; main()"]
# No summariser model and a translator that is not on this machine: the runs need no model.
OFFLINE = ["--summariser", "extractive", "--translator", "nobody/missing-zh-en"]


def environment(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(PROJECT_DIR), "HF_HUB_OFFLINE": "1", **extra}


def articles(folder: Path, count: int) -> Path:
    """``count`` different articles: the seeds with a numbered closing paragraph."""
    folder.mkdir()
    for number in range(count):
        seed = SEEDS[number % len(SEEDS)]
        text = seed.read_text(encoding="utf-8").rstrip() + f"\n\n（本文为测试稿第{number}篇。）\n"
        (folder / f"{number:03d}_{seed.name}").write_text(text, encoding="utf-8")
    return folder


def start_run(tmp_path: Path, count: int, **options) -> tuple[subprocess.Popen, Path]:
    """`digest run` on ``count`` articles, returned once its store exists (the batch is about to start)."""
    out = tmp_path / "out"
    command = [*DIGEST, "run", str(articles(tmp_path / "in", count)), "--out", str(out), *OFFLINE, "--models-dir", str(tmp_path / "models")]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(), cwd=tmp_path, **options)
    while not (out / "digest.sqlite").exists() and process.poll() is None:
        time.sleep(0.01)
    return process, out


@pytest.mark.parametrize("delay", [0, 0.5], ids=["as the run starts", "during the batch"])
def test_a_signal_storm_stops_the_run_once_and_exits_130(tmp_path, delay):
    """SIGINT every 2 ms until the process is gone (a held Ctrl-C): the first stops the run, the
    others are ignored, so neither the views' rebuild nor the interpreter's exit is cut short, and
    the user hears what stopped it (typer would end a KeyboardInterrupt in a silent exit 130)."""
    process, out = start_run(tmp_path, 40)
    time.sleep(delay)
    while process.poll() is None:
        process.send_signal(signal.SIGINT)
        time.sleep(0.002)
    stdout, stderr = process.communicate()
    assert process.returncode == 130, (stdout, stderr)
    assert "Traceback" not in stderr and "Exception ignored" not in stderr
    assert stderr.endswith("\n") and stderr.splitlines()[-1].startswith("SIGINT: "), (stdout, stderr)
    if "SIGINT: stopped after " in stderr:
        assert (out / "briefing.md").is_file()


@pytest.mark.parametrize("signum", [signal.SIGHUP, signal.SIGINT], ids=["SIGHUP under nohup", "SIGINT in a background job"])
def test_a_signal_ignored_before_the_run_stays_ignored(tmp_path, signum):
    """`nohup digest run` ignores SIGHUP, a shell script's background job ignores SIGINT: the run
    must go on to the end when the signal comes."""
    process, out = start_run(tmp_path, 40, preexec_fn=lambda: signal.signal(signum, signal.SIG_IGN))
    time.sleep(1)  # the batch's own handlers are in place
    process.send_signal(signum)
    _, stderr = process.communicate(timeout=900)
    assert process.returncode == 0, stderr
    assert "40 of 40 inputs digested" in stderr
    assert len((out / "digests.jsonl").read_text(encoding="utf-8").splitlines()) == 40


def run_digest(*arguments: object, cwd: Path, **env: str) -> subprocess.CompletedProcess:
    return subprocess.run([*DIGEST, *map(str, arguments)], capture_output=True, text=True, env=environment(**env), cwd=cwd, timeout=900)


def test_warnings_turned_into_errors_change_nothing(tmp_path):
    """PYTHONWARNINGS=error (a CI's habit) must not print a library's warning as a traceback (jieba
    leaves its IDF table's file open) nor fail an input."""
    result = run_digest("run", PROJECT_DIR / "seeds", "--out", tmp_path / "out", *OFFLINE, cwd=tmp_path, PYTHONWARNINGS="error")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr, result.stderr
    assert "5 of 5 inputs digested" in result.stderr


def test_warnings_turned_into_errors_do_not_fail_the_models(tiny_marian_dir, tiny_t5_dir, tmp_path):
    """The default backends convert the models first, where transformers warns about an optional
    package: under PYTHONWARNINGS=error that warning failed every input."""
    lengths = ["--num-beams", "1", "--set", "summariser.generation.max_new_tokens=12", "--set", "translator.generation.max_length_ratio=0.3"]
    models = ["--summariser", tiny_t5_dir, "--translator", tiny_marian_dir, "--models-dir", tmp_path / "models", *lengths]
    result = run_digest("run", SEEDS[0], "--out", tmp_path / "out", *models, cwd=tmp_path, PYTHONWARNINGS="error")
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr and "Warning" not in result.stderr, result.stderr


def without_root_override() -> list[str]:
    """A prefix that runs a command without root's permission to write anywhere, so that a
    read-only folder is read-only; skips the test when that cannot be done."""
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        pytest.skip("running as root without setpriv: a read-only folder cannot be made read-only")
    return ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]


@pytest.mark.parametrize("command", ["facts", "clean"])
def test_an_output_folder_that_is_a_file_is_a_usage_error(tmp_path, command):
    out = tmp_path / "taken"
    out.write_text("not a folder", encoding="utf-8")
    result = run_digest(command, SEEDS[0], "--out", out, cwd=tmp_path)
    assert (result.returncode, result.stderr, result.stdout) == (2, f"error: {out}: the output folder is a file\n", "")


@pytest.mark.parametrize("command", ["facts", "clean"])
def test_a_read_only_output_folder_is_a_usage_error_before_any_input_is_read(tmp_path, command):
    read_only = tmp_path / "read-only"
    read_only.mkdir()
    read_only.chmod(0o555)
    for out in (read_only, read_only / "new"):
        result = subprocess.run(
            [*without_root_override(), *DIGEST, command, str(SEEDS[0]), "--out", str(out)],
            capture_output=True, text=True, env=environment(), cwd=tmp_path, timeout=900,
        )
        assert result.returncode == 2, result.stderr
        assert result.stderr.startswith(f"error: {read_only if out == read_only else out}: ") and result.stderr.count("\n") == 1
        assert "Permission denied" in result.stderr and SEEDS[0].name not in result.stderr
    assert list(read_only.iterdir()) == []


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="no /dev/full on this system")
@pytest.mark.parametrize("command", ["facts", "clean"])
def test_a_full_standard_output_is_reported_as_such_not_as_the_inputs_fault(tmp_path, command):
    with open("/dev/full", "w") as full:
        result = subprocess.run([*DIGEST, command, str(SEEDS[0]), str(SEEDS[1])], stdout=full, stderr=subprocess.PIPE, text=True, env=environment(), cwd=tmp_path)
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert errors == ["error: cannot write to standard output (No space left on device); stopped after 0 inputs"]


@pytest.mark.parametrize("command", ["facts", "clean"])
def test_a_standard_output_that_cannot_show_chinese_is_reported_as_such(tmp_path, command):
    """PYTHONIOENCODING=ascii (found by tests/fault_run.py): was the input's "internal error"."""
    result = subprocess.run(
        [*DIGEST, command, str(SEEDS[0])], capture_output=True, text=True, env={**environment(), "PYTHONIOENCODING": "ascii"}, cwd=tmp_path
    )
    assert result.returncode == 1
    errors = [line for line in result.stderr.splitlines() if not line.startswith("warning: ")]
    assert errors == [
        "error: cannot write to standard output: its encoding, ascii, cannot show Chinese (set PYTHONIOENCODING=utf-8, or use --out DIR);"
        " stopped after 0 inputs"
    ]


def test_a_closed_pipe_on_standard_output_is_reported_as_such(tmp_path):
    """`digest facts seeds/ | head -0`: the reader is gone before the first record is written."""
    process = subprocess.Popen([*DIGEST, "facts", str(PROJECT_DIR / "seeds")], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=environment(), cwd=tmp_path)
    assert process.stdout is not None and process.stderr is not None
    process.stdout.close()
    stderr = process.stderr.read()
    assert process.wait(timeout=900) == 1
    assert stderr == "error: cannot write to standard output (Broken pipe); stopped after 0 inputs\n"


def test_errors_while_the_progress_bar_shows_are_printed_above_it(tmp_path):
    """In a terminal the progress bar shows: a bad input's error line goes through the bar's console,
    on a line of its own, never written past the bar (`... 0/2 0:00:00error: in/empty.txt: ...`)."""
    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "empty.txt").write_text("", encoding="utf-8")
    (inputs / SEEDS[0].name).write_bytes(SEEDS[0].read_bytes())
    controller, terminal = pty.openpty()
    command = [*DIGEST, "run", "in", "--out", "out", *OFFLINE, "--models-dir", "models"]
    process = subprocess.Popen(command, stdin=terminal, stdout=terminal, stderr=terminal, env=environment(COLUMNS="200"), cwd=tmp_path)
    os.close(terminal)
    screen = b""
    with contextlib.suppress(OSError):  # the terminal is gone once the process has exited
        while chunk := os.read(controller, 65536):
            screen += chunk
    os.close(controller)
    assert process.wait(timeout=900) == 1
    lines = re.split(r"[\r\n]+", re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", screen.decode("utf-8", errors="replace")))
    assert "error: in/empty.txt: file is empty" in lines, lines
    assert [line for line in lines if "error: " in line and not line.startswith("error: ")] == []
