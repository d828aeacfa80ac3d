"""A hostile fault run of the `digest` commands: over a hundred cases of bad inputs, damaged stores,
signals, bad settings and odd environments, each run as a user would run it (a process of its own,
offline models). Every case must end without a traceback, with no "internal error" that does not
name its input, with an exit code it may have, and without losing a record the store already held.

    python tests/fault_run.py [--only WORD] [--keep]

Not a pytest module (it takes several minutes); the faults it found are each a test of their own
(tests/test_faults_*.py). It prints one line per case and a summary, and exits 1 if any case failed."""

from __future__ import annotations

import argparse
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DIGEST = [sys.executable, "-c", "from pipeline.command import main; main()"]
OFFLINE = ["--summariser", "extractive", "--translator", "nobody/missing-zh-en"]
# Drop root's override of file permissions, so that permission cases behave as for a normal user.
NON_ROOT = ["setpriv", "--bounding-set=-dac_override,-dac_read_search", "--"]
SIGNAL_EXITS = {130, 143, 129}


@dataclass
class Case:
    name: str
    kind: str
    # Prepares the case in its folder and returns the command's arguments after `digest`.
    setup: Callable[[Path], list[str]]
    exits: set[int]
    # Checked after the command: an error message, or "" when all is well.
    check: Callable[[Path, subprocess.CompletedProcess], str] = lambda folder, result: ""
    env: dict[str, str] = field(default_factory=dict)
    non_root: bool = False
    stdin: bytes | None = None
    # Sends signals to the running process: (delay in seconds, signal, how many times, 2 ms apart);
    # a negative delay counts from the moment the run has opened its store.
    signals: tuple[float, int, int] | None = None
    # The store in `out/` was made before the case (five seed records); none may be lost.
    stored: bool = False


def seed_copy(folder: Path, name: str = "in") -> Path:
    target = folder / name
    shutil.copytree(SEEDS, target)
    return target


def write(path: Path, data: bytes | str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
    return path


ARTICLE = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[0]).read_text(encoding="utf-8")


def one_article(folder: Path, name: str = "a.txt", text: str = ARTICLE) -> Path:
    return write(folder / name, text)


def run_args(*inputs: object, out: str = "out", extra: tuple[str, ...] = ()) -> list[str]:
    return ["run", *map(str, inputs), "--out", out, "--quiet", *OFFLINE, *extra]


def stored_ids(out: Path) -> set[str]:
    try:
        with sqlite3.connect(f"file:{out / 'digest.sqlite'}?mode=ro", uri=True) as db:
            return {row[0] for row in db.execute("SELECT id FROM articles")}
    except sqlite3.Error:
        return set()


def expect_in_stderr(*words: str) -> Callable[[Path, subprocess.CompletedProcess], str]:
    def check(_folder: Path, result: subprocess.CompletedProcess) -> str:
        missing = [word for word in words if word not in result.stderr]
        return f"stderr lacks {missing}" if missing else ""

    return check


def store_kept(count: int) -> Callable[[Path, subprocess.CompletedProcess], str]:
    def check(folder: Path, _result: subprocess.CompletedProcess) -> str:
        found = len(stored_ids(folder / "out"))
        return "" if found >= count else f"store holds {found} records, expected at least {count}"

    return check


def nothing_outside(folder: Path, _result: subprocess.CompletedProcess) -> str:
    strays = [p for p in folder.parent.iterdir() if p.name.startswith("pwned")]
    return f"wrote outside the output folder: {strays}" if strays else ""


def symlink_loop(folder: Path) -> Path:
    """l1 -> l2 -> l1, and eloop.txt -> l1: an article name a folder walk or a glob picks up."""
    os.symlink("l2", folder / "l1")
    os.symlink("l1", folder / "l2")
    os.symlink("l1", folder / "eloop.txt")
    return folder / "eloop.txt"


def damage_record(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "out" / "digest.sqlite") as db:
        db.execute("UPDATE articles SET record = '{broken' WHERE rowid = (SELECT min(rowid) FROM articles)")
    return run_args(one_article(folder))


def hostile_id(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "out" / "digest.sqlite") as db:
        db.execute("UPDATE articles SET id = '../../pwned' WHERE rowid = (SELECT min(rowid) FROM articles)")
    return ["brief", "--store", "out"]


def foreign_database(folder: Path) -> list[str]:
    (folder / "out").mkdir()
    with sqlite3.connect(folder / "out" / "digest.sqlite") as db:
        db.execute("CREATE TABLE customers (name TEXT)")
        db.execute("INSERT INTO customers VALUES ('x')")
    return run_args(one_article(folder))


def foreign_untouched(folder: Path, _result: subprocess.CompletedProcess) -> str:
    with sqlite3.connect(folder / "out" / "digest.sqlite") as db:
        tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    return "" if tables == {"customers"} else f"the foreign database was changed: {sorted(tables)}"


def stale_running_run(folder: Path) -> list[str]:
    with sqlite3.connect(folder / "out" / "digest.sqlite") as db:
        db.execute("INSERT INTO runs (started, status) VALUES ('2020-01-01T00:00:00', 'running')")
    write(folder / "out" / "articles" / ".x.md.abcd1234.tmp", "half")
    return ["runs", "--store", "out"]


def no_stale_running(folder: Path, _result: subprocess.CompletedProcess) -> str:
    with sqlite3.connect(folder / "out" / "digest.sqlite") as db:
        stale = db.execute("SELECT count(*) FROM runs WHERE started = '2020-01-01T00:00:00' AND status = 'running'").fetchone()[0]
    return "a dead run is still 'running'" if stale else ""


def read_only_store(folder: Path) -> list[str]:
    for path in (folder / "out").iterdir():
        path.chmod(0o444 if path.is_file() else 0o555)
    (folder / "out").chmod(0o555)
    return ["runs", "--store", "out"]


def read_only_folder(folder: Path) -> list[str]:
    (folder / "out").chmod(0o555)
    return run_args(one_article(folder, "new.txt", ARTICLE + "\n新的一段。\n"))


def long_value(flag: str) -> Callable[[Path], list[str]]:
    return lambda folder: run_args(one_article(folder), extra=(flag, "x" * 400))


def config_file(text: bytes | str) -> Callable[[Path], list[str]]:
    return lambda folder: run_args(one_article(folder), extra=("--config", str(write(folder / "c.toml", text))))


def with_cwd_config(text: str) -> Callable[[Path], list[str]]:
    def setup(folder: Path) -> list[str]:
        write(folder / "digest.toml", text)
        return run_args(one_article(folder))

    return setup


def many_articles(folder: Path, count: int = 40) -> Path:
    batch = folder / "batch"
    for number in range(count):
        one_article(batch, f"copy-{number:03d}.txt", ARTICLE + f"\n（副本{number}。）\n")
    return batch


def cases() -> list[Case]:
    ok, failed, usage = {0}, {1}, {2}
    input_cases = [
        Case("missing file", "input", lambda f: run_args(f / "nope.txt"), failed, expect_in_stderr("nope.txt")),
        Case("empty file", "input", lambda f: run_args(write(f / "empty.txt", b"")), failed, expect_in_stderr("empty.txt")),
        Case("binary file", "input", lambda f: run_args(write(f / "bin.txt", os.urandom(4096))), failed, expect_in_stderr("bin.txt")),
        Case("no Chinese", "input", lambda f: run_args(write(f / "en.txt", "Only English text here.\n" * 20)), failed, expect_in_stderr("en.txt")),
        Case("over 5 MB", "input", lambda f: run_args(write(f / "big.txt", ARTICLE * 2000)), failed, expect_in_stderr("big.txt")),
        Case("undecodable bytes", "input", lambda f: run_args(write(f / "bad.txt", b"\xff\xfe\xfa" * 50 + b"\x81" * 99)), failed),
        Case("a FIFO", "input", lambda f: (os.mkfifo(f / "fifo.txt"), run_args(f / "fifo.txt"))[1], failed, expect_in_stderr("fifo.txt")),
        Case("a device", "input", lambda f: run_args("/dev/null"), failed, expect_in_stderr("/dev/null")),
        Case("symlink loop named", "input", lambda f: run_args(symlink_loop(f)), failed, expect_in_stderr("l1")),
        Case("symlink loop in a folder", "input", lambda f: (symlink_loop(seed_copy(f)), run_args(f / "in"))[1], failed),
        Case("symlink loop in a glob", "input", lambda f: (symlink_loop(seed_copy(f)), run_args(f"{f}/in/*"))[1], failed),
        Case("dangling symlink", "input", lambda f: (os.symlink(f / "gone.txt", f / "dangling.txt"), run_args(f / "dangling.txt"))[1], failed),
        Case("79-character Chinese name", "input", lambda f: run_args(one_article(f, "闻" * 79 + ".txt")), ok),
        Case("name over 255 bytes", "input", lambda f: run_args(f / ("闻" * 90 + ".txt"), one_article(f)), failed, store_kept(1)),
        Case("folder without x, file named", "input", lambda f: (one_article(f / "locked"), (f / "locked").chmod(0o600), run_args(f / "locked" / "a.txt"))[2], failed, non_root=True),
        Case("unreadable file", "input", lambda f: (one_article(f), (f / "a.txt").chmod(0), run_args(f / "a.txt", one_article(f, "b.txt")))[2], failed, store_kept(1), non_root=True),
        Case("unreadable folder", "input", lambda f: (seed_copy(f), (f / "in").chmod(0), run_args(f / "in"))[2], failed | usage, non_root=True),
        Case("GBK file", "input", lambda f: run_args(write(f / "gbk.txt", ARTICLE.encode("gbk", "replace"))), ok),
        Case("Big5 file", "input", lambda f: run_args(write(f / "big5.txt", "行政長官李家超今日表示，香港經濟增長3.2%。\n".encode("big5") * 3)), ok),
        Case("UTF-16 file", "input", lambda f: run_args(write(f / "u16.txt", ARTICLE.encode("utf-16"))), ok),
        Case("HTML without a body", "input", lambda f: run_args(write(f / "nobody.html", "<html><head><title>x</title></head></html>")), failed),
        Case("HTML of navigation only", "input", lambda f: run_args(write(f / "nav.html", "<html><body><ul>" + "<li><a href='/x'>首页</a></li>" * 40 + "</ul></body></html>")), failed | ok),
        Case("mojibake text", "input", lambda f: run_args(write(f / "moji.txt", ARTICLE.encode("utf-8").decode("latin-1").encode("utf-8"))), ok | failed),
        Case("glob matching nothing", "input", lambda f: run_args(f"{f}/nothing/*.txt"), failed | usage),
        Case("empty stdin", "input", lambda f: run_args("-"), failed, stdin=b""),
        Case("article on stdin", "input", lambda f: run_args("-"), ok, stdin=ARTICLE.encode()),
        Case("same file twice", "input", lambda f: run_args(one_article(f), f / "a.txt"), ok),
        Case("a view named as input", "input", lambda f: run_args("out/briefing.md", one_article(f)), failed, store_kept(6), stored=True),
        Case("newline in the file name", "input", lambda f: run_args(one_article(f, "a\nb.txt")), ok),
        Case("quotes and spaces in the name", "input", lambda f: run_args(one_article(f, "it's \"a\" name.txt")), ok),
        Case("unsupported extension named", "input", lambda f: run_args(write(f / "doc.docx", b"PK\x03\x04" + os.urandom(200))), failed),
        Case("truncated GBK", "input", lambda f: run_args(write(f / "cut.txt", ARTICLE.encode("gbk", "replace")[:-1])), ok | failed),
        Case("NUL bytes in text", "input", lambda f: run_args(write(f / "nul.txt", ARTICLE.replace("。", "。\x00"))), ok | failed),
        Case("one 1 MB line", "input", lambda f: run_args(write(f / "line.txt", "经济" * 300_000)), ok | failed),
        Case("10,000 short paragraphs", "input", lambda f: run_args(write(f / "paras.txt", "今年经济增长百分之五。\n" * 10_000)), ok | failed),
        Case("a folder of 40 articles", "input", lambda f: run_args(many_articles(f)), ok, store_kept(40)),
        Case("an input that is a folder of nothing", "input", lambda f: ((f / "empty").mkdir(), run_args(f / "empty"))[1], failed | usage),
    ]
    store_cases = [
        Case("emptied store", "store", lambda f: ((f / "out" / "digest.sqlite").write_bytes(b""), run_args(one_article(f)))[1], usage, stored=True),
        Case("store deleted, views kept", "store", lambda f: ((f / "out" / "digest.sqlite").unlink(), run_args(one_article(f)))[1], usage, stored=True),
        Case("store of random bytes", "store", lambda f: ((f / "out" / "digest.sqlite").write_bytes(os.urandom(8192)), run_args(one_article(f)))[1], usage, stored=True),
        Case("foreign SQLite database", "store", foreign_database, usage, foreign_untouched),
        Case("store of another layout", "store", lambda f: (sqlite3.connect(f / "out" / "digest.sqlite").execute("UPDATE meta SET value = '99' WHERE key = 'store_version'").connection.commit(), run_args(one_article(f)))[1], usage, stored=True),
        Case("a malformed record", "store", damage_record, ok | failed, store_kept(5), stored=True),
        Case("a record id ../../pwned", "store", hostile_id, ok | failed, nothing_outside, stored=True),
        Case("read-only store: runs", "store", read_only_store, ok, stored=True, non_root=True),
        Case("read-only store: brief --out elsewhere", "store", lambda f: (read_only_store(f), ["brief", "--store", "out", "--out", str(f / "elsewhere")])[1], ok, stored=True, non_root=True),
        Case("read-only output folder", "store", read_only_folder, usage, store_kept(5), stored=True, non_root=True),
        Case("--out is a file", "store", lambda f: run_args(one_article(f), out=str(write(f / "file", "x"))), usage),
        Case("--out under a file", "store", lambda f: run_args(one_article(f), out=str(write(f / "file", "x") / "sub")), usage),
        Case("a dead run left 'running'", "store", stale_running_run, ok, no_stale_running, stored=True),
        Case("brief with no store", "store", lambda f: ["brief", "--store", str(f / "nothing")], usage),
        Case("runs with no store", "store", lambda f: ["runs", "--store", str(f / "nothing")], usage),
        Case("views deleted, brief rebuilds", "store", lambda f: ((f / "out" / "briefing.md").unlink(), shutil.rmtree(f / "out" / "articles"), ["brief", "--store", "out"])[2], ok, stored=True),
        Case("articles/ replaced by a file", "store", lambda f: (shutil.rmtree(f / "out" / "articles"), write(f / "out" / "articles", "x"), ["brief", "--store", "out"])[2], failed | usage, store_kept(5), stored=True),
        Case("WAL file removed", "store", lambda f: ([p.unlink() for p in (f / "out").glob("digest.sqlite-*")], run_args(one_article(f, "n.txt", ARTICLE + "\n新段落。\n")))[1], ok, store_kept(6), stored=True),
        Case("brief --since not a date", "store", lambda f: ["brief", "--store", "out", "--since", "yesterday"], usage, stored=True),
        Case("re-run serves from the store", "store", lambda f: run_args(SEEDS), ok, store_kept(5), stored=True),
        Case("output folder deleted during a run", "store", lambda f: run_args(many_articles(f, 30)), {1, 2}, signals=(-2.0, 0, 1)),
    ]
    signal_cases = [
        Case("SIGINT mid-run", "signal", lambda f: run_args(many_articles(f)), {130}, signals=(-2.0, signal.SIGINT, 1)),
        Case("SIGTERM mid-run", "signal", lambda f: run_args(many_articles(f)), {143}, signals=(-2.0, signal.SIGTERM, 1)),
        Case("SIGHUP mid-run", "signal", lambda f: run_args(many_articles(f)), {129}, signals=(-2.0, signal.SIGHUP, 1)),
        Case("SIGINT storm", "signal", lambda f: run_args(many_articles(f)), {130}, signals=(-2.0, signal.SIGINT, 400)),
        # Python's own start-up (before digest's code runs) is not digest's to guard: 0.8 s is past it.
        Case("SIGINT at start-up", "signal", lambda f: run_args(SEEDS), {130, 0}, signals=(0.8, signal.SIGINT, 1)),
        Case("SIGTERM at start-up", "signal", lambda f: run_args(SEEDS), {143, 0, -15}, signals=(0.8, signal.SIGTERM, 1)),
        Case("SIGKILL then the store opens", "signal", lambda f: run_args(many_articles(f)), {-9}, signals=(-3.0, signal.SIGKILL, 1)),
        Case("SIGINT twice in a row", "signal", lambda f: run_args(many_articles(f)), {130}, signals=(-2.0, signal.SIGINT, 2)),
        Case("SIGINT to `digest brief`", "signal", lambda f: ["brief", "--store", "out"], {0, 130}, store_kept(5), stored=True, signals=(1.0, signal.SIGINT, 1)),
        Case("SIGPIPE: facts into a closed pipe", "signal", lambda f: ["facts", str(SEEDS)], {0, 1, 141, -13}),
        Case("stdout is /dev/full", "signal", lambda f: ["facts", str(SEEDS)], {1, 2, 120}, expect_in_stderr("error")),
    ]
    setting_cases = [
        Case("unknown setting", "setting", lambda f: run_args(one_article(f), extra=("--set", "foo.bar=1")), usage, expect_in_stderr("foo")),
        Case("wrong type", "setting", lambda f: run_args(one_article(f), extra=("--set", 'translator.batch_size="x"')), usage),
        Case("long --translator", "setting", long_value("--translator"), usage),
        Case("long --models-dir", "setting", long_value("--models-dir"), usage | ok),
        Case("long --out", "setting", lambda f: run_args(one_article(f), out="o" * 400), usage),
        Case("long --set translator.model", "setting", lambda f: run_args(one_article(f), extra=("--set", "translator.model=" + "m" * 400)), usage),
        Case("malformed config file", "setting", config_file("[translator\nkind ="), usage),
        Case("missing config file", "setting", lambda f: run_args(one_article(f), extra=("--config", str(f / "none.toml"))), usage),
        Case("config file is a folder", "setting", lambda f: run_args(one_article(f), extra=("--config", str(f))), usage),
        Case("binary config file", "setting", config_file(os.urandom(500)), usage),
        Case("--figures -1", "setting", lambda f: run_args(one_article(f), extra=("--figures", "-1")), usage),
        Case("unknown format", "setting", lambda f: run_args(one_article(f), extra=("--formats", "pdf")), usage),
        Case("--num-beams 0", "setting", lambda f: run_args(one_article(f), extra=("--num-beams", "0")), usage),
        Case("malformed ./digest.toml", "setting", with_cwd_config("output = 3 = 4"), usage),
        Case("missing glossary", "setting", lambda f: run_args(one_article(f), extra=("--glossary", str(f / "none.tsv"))), usage),
        Case("binary glossary", "setting", lambda f: run_args(one_article(f), extra=("--glossary", str(write(f / "g.tsv", os.urandom(300))))), usage),
        Case("missing prompt file", "setting", lambda f: run_args(one_article(f), extra=("--set", f'summariser.prompt_summary="{f}/none.txt"')), usage),
        Case("--set without =", "setting", lambda f: run_args(one_article(f), extra=("--set", "translator.model")), usage),
        Case("unknown summariser kind", "setting", lambda f: run_args(one_article(f), extra=("--set", 'summariser.kind="gpt"')), usage),
        Case("unknown command", "setting", lambda f: ["frobnicate"], usage),
        Case("facts --out a file", "setting", lambda f: ["facts", str(SEEDS), "--out", str(write(f / "file", "x"))], usage),
        Case("clean --out unwritable", "setting", lambda f: ((f / "ro").mkdir(mode=0o555), ["clean", str(SEEDS), "--out", str(f / "ro")])[1], usage, non_root=True),
        Case("eval with no files", "setting", lambda f: ["eval", "translate"], usage),
        Case("runs on a folder without a store", "setting", lambda f: ["runs", "--store", str(f)], usage),
    ]
    environment_cases = [
        Case("PYTHONWARNINGS=error", "environment", lambda f: run_args(seed_copy(f)), ok, env={"PYTHONWARNINGS": "error"}),
        Case("LC_ALL=C with Chinese names", "environment", lambda f: run_args(one_article(f, "新闻.txt")), ok, env={"LC_ALL": "C", "LANG": "C"}),
        Case("no HOME", "environment", lambda f: run_args(one_article(f)), ok, env={"HOME": ""}),
        Case("TMPDIR missing", "environment", lambda f: run_args(one_article(f)), ok, env={"TMPDIR": "/nonexistent/tmp"}),
        Case("PYTHONIOENCODING=ascii", "environment", lambda f: ["facts", str(SEEDS)], ok | failed, env={"PYTHONIOENCODING": "ascii"}),
        Case("models dir is a file", "environment", lambda f: run_args(one_article(f), extra=("--models-dir", str(write(f / "m", "x")))), usage | ok),
        Case("HF_HUB_OFFLINE=1 default models", "environment", lambda f: ["run", str(one_article(f)), "--out", "out", "--quiet"], ok, env={"HF_HUB_OFFLINE": "1"}),
        Case("TERM=dumb", "environment", lambda f: run_args(one_article(f)), ok, env={"TERM": "dumb"}),
        Case("COLUMNS=5", "environment", lambda f: ["run", str(one_article(f)), "--out", "out", *OFFLINE], ok, env={"COLUMNS": "5"}),
        Case("--help everywhere", "environment", lambda f: ["run", "--help"], ok),
    ]
    return input_cases + store_cases + signal_cases + setting_cases + environment_cases


def _signal_process(process: subprocess.Popen, case: Case, folder: Path) -> None:
    assert case.signals is not None
    delay, signum, count = case.signals
    if delay < 0:  # mid-run: once the run has opened its store, then -delay seconds more
        deadline = time.monotonic() + 120
        while not (folder / "out" / "digest.sqlite").exists() and process.poll() is None and time.monotonic() < deadline:
            time.sleep(0.05)
    time.sleep(abs(delay))
    if signum == 0:  # the output folder goes away under the run
        shutil.rmtree(folder / "out", ignore_errors=True)
        return
    for _ in range(count):
        if process.poll() is not None:
            return
        process.send_signal(signum)
        time.sleep(0.002)


def run_case(case: Case, base_store: Path, keep: bool) -> tuple[bool, str]:
    folder = Path(tempfile.mkdtemp(prefix="fault-"))
    try:
        if case.stored:
            shutil.copytree(base_store, folder / "out")
        args = case.setup(folder)
        if case.non_root and os.geteuid() == 0:
            for path in folder.rglob("*"):
                if path.is_dir() and not path.is_symlink():
                    os.chmod(path, path.stat().st_mode | 0o011)
            folder.chmod(0o777)
        before = stored_ids(folder / "out") if case.stored else set()
        command = (NON_ROOT if case.non_root and os.geteuid() == 0 else []) + DIGEST + args
        env = {**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT), **case.env}
        if case.name == "stdout is /dev/full":
            with open("/dev/full", "w") as full:
                result = subprocess.run(command, cwd=folder, env=env, stdout=full, stderr=subprocess.PIPE, text=True, timeout=600)
            result.stdout = ""
        elif case.name.startswith("SIGPIPE"):
            shell = " ".join(f"'{part}'" for part in command) + " | head -c 10 >/dev/null; exit ${PIPESTATUS[0]}"
            result = subprocess.run(["bash", "-c", shell], cwd=folder, env=env, capture_output=True, text=True, timeout=600)
        elif case.signals is not None:
            process = subprocess.Popen(command, cwd=folder, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
            _signal_process(process, case, folder)
            stdout, stderr = process.communicate(timeout=600)
            result = subprocess.CompletedProcess(command, process.returncode, stdout, stderr)
        else:
            result = subprocess.run(command, cwd=folder, env=env, input=case.stdin, capture_output=True, timeout=600)
            result = subprocess.CompletedProcess(command, result.returncode, result.stdout.decode("utf-8", "replace"), result.stderr.decode("utf-8", "replace"))
        problems = []
        output = result.stdout + result.stderr
        if "Traceback" in output or "Exception ignored" in output:
            problems.append("traceback: " + output[output.find("Traceback") if "Traceback" in output else output.find("Exception ignored") :][:200].replace("\n", " | "))
        if "internal error" in result.stderr:
            problems.append("internal error: " + result.stderr.strip().splitlines()[-1][:200])
        if result.returncode not in case.exits:
            problems.append(f"exit {result.returncode}, expected {sorted(case.exits)}: {result.stderr.strip()[-200:]!r}")
        if len(result.stderr) > 20_000:
            problems.append(f"{len(result.stderr)} characters on stderr")
        lost = before - stored_ids(folder / "out")
        if lost and case.name != "output folder deleted during a run":
            problems.append(f"lost records: {sorted(lost)[:3]}")
        if case.name == "SIGKILL then the store opens":
            rerun = subprocess.run(DIGEST + run_args(folder / "batch"), cwd=folder, env=env, capture_output=True, text=True, timeout=600)
            if rerun.returncode != 0 or len(stored_ids(folder / "out")) != 40:
                problems.append(f"re-run after SIGKILL: exit {rerun.returncode}, {len(stored_ids(folder / 'out'))} of 40 stored")
        if message := case.check(folder, result):
            problems.append(message)
        summary = f"exit {result.returncode}; " + (result.stderr.strip().splitlines() or [""])[-1][:120]
        return not problems, "; ".join(problems) or summary
    except Exception as error:  # the harness's own failure is a failed case, not a crash
        return False, f"harness: {type(error).__name__}: {error}"
    finally:
        if not keep:
            subprocess.run(["chmod", "-R", "u+rwx", str(folder)], check=False)
            shutil.rmtree(folder, ignore_errors=True)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help="run only the cases whose name or kind contains this")
    parser.add_argument("--keep", action="store_true", help="keep each case's folder")
    options = parser.parse_args()
    chosen = [case for case in cases() if not options.only or options.only in case.name or options.only == case.kind]
    with tempfile.TemporaryDirectory() as base:
        base_store = Path(base) / "out"
        made = subprocess.run(DIGEST + run_args(SEEDS, out=str(base_store)), env={**os.environ, "HF_HUB_OFFLINE": "1", "PYTHONPATH": str(ROOT)}, capture_output=True, text=True)
        if made.returncode != 0:
            print(f"cannot make the base store: {made.stderr}", file=sys.stderr)
            return 2
        results = []
        for number, case in enumerate(chosen, 1):
            passed, detail = run_case(case, base_store, options.keep)
            results.append((case, passed))
            print(f"{number:3d} {'ok  ' if passed else 'FAIL'} [{case.kind}] {case.name}: {detail}", flush=True)
    failed = [case.name for case, passed in results if not passed]
    print(f"\n{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
