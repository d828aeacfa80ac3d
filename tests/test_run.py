"""`digest run` end to end on the seed articles: outputs, schema, order, the store, fallbacks,
interruption, bad inputs, and the records compared with those made before the pipeline object."""

from __future__ import annotations

import json
import multiprocessing
import os
import re
import shutil
import signal
import sqlite3
import threading
from pathlib import Path

import pytest
from conftest import settings_with
from test_schema import VALIDATOR
from typer.testing import CliRunner

from pipeline import PROJECT_DIR
from pipeline.cli import app
from pipeline.config import to_toml
from pipeline.errors import OutputError
from pipeline.registry import SUMMARISERS, TRANSLATORS
from pipeline.render import untranslated_fields
from pipeline.store import STORE_NAME, Store

SEEDS = PROJECT_DIR / "seeds"
SEED_IDS = sorted(path.stem for path in SEEDS.glob("*.txt"))
# The offline records of the seeds as the code before the pipeline object wrote them, schema version 1
# (regenerate with `digest run seeds/ --summariser extractive --models-dir EMPTY --out DIR` when a stage
# changes on purpose). Version 2 records are compared in what version 1 held.
RECORDS_BEFORE = Path(__file__).parent / "data" / "seed_records_offline.jsonl"


def as_version_1(record: dict) -> dict:
    """A version-2 or 3 record as version 1 said it: no names, dateline place or story, and every untranslated
    field named with its reason."""
    old = {name: value for name, value in record.items() if name not in ("entities", "untranslated_reason", "story")}
    old["metadata"] = {name: value for name, value in record["metadata"].items() if name not in ("dateline_place", "url")}
    return {**old, "schema": 1, "untranslated": untranslated_fields(record)}


def run_cli(*args: object):
    return CliRunner().invoke(app, [str(arg) for arg in args])


@pytest.fixture
def tiny_config(tiny_model_overrides, tmp_path) -> Path:
    """The tiny-model settings as a config file, for the command line. Random weights never stop on
    their own, so output lengths are capped to keep the runs short."""
    settings = settings_with(
        tiny_model_overrides,
        {
            "summariser": {"generation": {"num_beams": 1, "max_new_tokens": 12}},
            "translator": {"generation": {"num_beams": 1, "max_length_ratio": 0.3, "max_length_extra": 2}},
        },
    )
    config_file = tmp_path / "tiny.toml"
    config_file.write_text(to_toml(settings.as_dict()), encoding="utf-8")
    return config_file


@pytest.fixture
def offline(tmp_path, monkeypatch) -> list[str]:
    """Flags for a run with no summariser model and a translator that is not on this machine."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)
    return ["--summariser", "extractive", "--translator", "nobody/missing-zh-en", "--models-dir", str(tmp_path / "no-models")]


@pytest.fixture
def model_loads(monkeypatch) -> list[str]:
    """Records each model load through the registries, then loads as usual."""
    loads: list[str] = []
    for registry in (SUMMARISERS, TRANSLATORS):
        original = registry.load

        def counting(name, original=original, family=registry.family):
            loads.append(family)
            return original(name)

        monkeypatch.setattr(registry, "load", counting)
    return loads


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def leftover_temporary_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".tmp")]


def test_offline_records_are_those_made_before_the_pipeline_object(offline, monkeypatch):
    monkeypatch.chdir(PROJECT_DIR)  # source paths in the records are relative, as given
    out = Path(offline[-1]).parent / "out"
    # The records before were made with the transformers backend, whose missing-model message they quote.
    result = run_cli("run", "seeds/", "--out", out, *offline, "--translator", "Helsinki-NLP/opus-mt-zh-en", "--set", 'translator.kind="marian"')
    assert result.exit_code == 0, result.output
    assert [as_version_1(record) for record in jsonl(out / "digests.jsonl")] == jsonl(RECORDS_BEFORE)


def test_full_run_with_tiny_models_then_stored_rerun(tiny_config, tmp_path, model_loads):
    out = tmp_path / "out"
    first = run_cli("run", SEEDS, "--out", out, "--config", tiny_config)
    assert first.exit_code == 0, first.output
    assert sorted(model_loads) == ["summariser", "translator"]

    for seed_id in SEED_IDS:
        assert (out / "articles" / f"{seed_id}.md").read_text(encoding="utf-8").startswith("# ")
        VALIDATOR.validate(read_json(out / "articles" / f"{seed_id}.json"))
    records = jsonl(out / "digests.jsonl")
    for record in records:
        VALIDATOR.validate(record)
        for figure in record["key_figures"]:
            # The figure's exact English survives translation of its sentence, whatever the model does.
            assert figure["context_en"] is None or figure["text_en"] in figure["context_en"]
    assert sorted(record["id"] for record in records) == SEED_IDS
    assert records[0]["models"]["translator"]["id"] != "none"

    dates = [record["metadata"]["date"] for record in records]
    dated = [date for date in dates if date]
    assert dated == sorted(dated, reverse=True)
    assert dates == dated + [None] * (len(dates) - len(dated))
    briefing = (out / "briefing.md").read_text(encoding="utf-8")
    sources = re.findall(r"^Source: `(.+)`$", briefing, flags=re.MULTILINE)
    assert [Path(source).stem for source in sources] == [record["id"] for record in records]
    stats = read_json(out / "stats.json")
    assert stats["digested"] == 5 and stats["translator"] == records[0]["models"]["translator"]["id"]
    assert set(stats["quality"]) >= {"placeholders_dropped", "numbers_unverified", "fields_untranslated"}

    model_loads.clear()
    outputs_before = {path: path.read_bytes() for path in out.rglob("*") if path.is_file() and path.suffix in (".md", ".json", ".jsonl")}
    second = run_cli("run", SEEDS, "--out", out, "--config", tiny_config)
    assert second.exit_code == 0, second.output
    assert model_loads == []
    assert "5 of 5 inputs digested" in second.stderr and "(5 unchanged, from the store)" in second.stderr
    after = {path: path.read_bytes() for path in outputs_before}
    assert {p: v for p, v in after.items() if p.name != "stats.json"} == {
        p: v for p, v in outputs_before.items() if p.name != "stats.json"
    }

    forced = run_cli("run", SEEDS / f"{SEED_IDS[1]}.txt", "--out", out, "--config", tiny_config, "--force")
    assert forced.exit_code == 0, forced.output
    assert sorted(model_loads) == ["summariser", "translator"]


def test_offline_fallback_completes_and_says_what_is_untranslated(offline, tmp_path):
    result = run_cli("run", SEEDS, *offline)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "nobody/missing-zh-en" in warnings[0]

    out = tmp_path / "out"  # config output.dir, relative to the working directory
    record = read_json(out / "articles" / "002_68a2d98467e1a6c6.json")
    VALIDATOR.validate(record)
    assert record["headline_en"] is None and record["summary_en"] is None
    assert record["untranslated_reason"] and record["untranslated"] == {}
    assert record["models"] == {"summariser": {"id": "extractive", "revision": None}, "translator": {"id": "none", "revision": None}}
    assert ("500万元", "5 million yuan") in [(figure["text_zh"], figure["text_en"]) for figure in record["key_figures"]]
    markdown = (out / "articles" / "002_68a2d98467e1a6c6.md").read_text(encoding="utf-8")
    # Said once, by the notice; the Chinese shown instead of English carries no mark each.
    assert "(untranslated)" not in markdown and markdown.count("> English here is made by rule") == 1


def test_scripted_translator_from_the_registry_runs_end_to_end(offline, tmp_path):
    result = run_cli("run", SEEDS / f"{SEED_IDS[2]}.txt", *offline, "--set", 'translator.kind="scripted"', "--translator", "garble")
    assert result.exit_code == 0, result.output
    record = read_json(tmp_path / "out" / "articles" / f"{SEED_IDS[2]}.json")
    assert record["models"]["translator"]["id"] == "scripted/garble"
    for figure in record["key_figures"]:
        assert figure["text_en"] in figure["context_en"]


def test_a_run_where_nothing_succeeds_keeps_the_briefing(offline, tmp_path):
    out = tmp_path / "o"
    assert run_cli("run", SEEDS, "--out", out, *offline).exit_code == 0
    briefing = (out / "briefing.md").read_text(encoding="utf-8")
    failed = run_cli("run", SEEDS / "typo.txt", "--out", out, *offline)
    assert failed.exit_code == 1
    assert (out / "briefing.md").read_text(encoding="utf-8") == briefing
    assert len(jsonl(out / "digests.jsonl")) == 5
    runs = run_cli("runs", "--store", out)
    assert "failed: " in runs.stdout and "typo.txt: no such file or directory" in runs.stdout


def test_interrupted_batch_leaves_whole_files_and_the_whole_briefing(offline, tmp_path, monkeypatch):
    from pipeline.core import Pipeline

    out = tmp_path / "out"
    assert run_cli("run", *[SEEDS / f"{i}.txt" for i in SEED_IDS[:2]], "--out", out, *offline).exit_code == 0
    original = Pipeline.clean
    calls = []

    def interrupt_on_second(self, article):
        calls.append(article.id)
        if len(set(calls)) == 2:  # the second article, whichever stage cleans it first
            raise KeyboardInterrupt
        return original(self, article)

    monkeypatch.setattr(Pipeline, "clean", interrupt_on_second)
    one_at_a_time = ["--set", "summariser.batch_size=1"]  # a window of one article: each is saved before the next
    interrupted = run_cli("run", *[SEEDS / f"{i}.txt" for i in SEED_IDS[2:]], "--out", out, *offline, *one_at_a_time)
    assert interrupted.exit_code == 130
    assert interrupted.stderr.splitlines()[-1].startswith("SIGINT: stopped after 1 of 3 inputs; views of 3 articles rebuilt")
    assert leftover_temporary_files(out) == []
    assert sorted(record["id"] for record in jsonl(out / "digests.jsonl")) == SEED_IDS[:3]

    monkeypatch.setattr(Pipeline, "clean", original)
    resumed = run_cli("run", SEEDS, "--out", out, *offline, *one_at_a_time)  # the same settings, so the same signature
    assert resumed.exit_code == 0, resumed.output
    assert "(1 unchanged, from the store)" in resumed.stderr
    assert sorted(path.stem for path in (out / "articles").glob("*.json")) == SEED_IDS


@pytest.mark.parametrize(("signum", "exit_code"), [(signal.SIGTERM, 143), (signal.SIGHUP, 129)])
def test_a_termination_signal_stops_the_batch_and_rebuilds_the_views(offline, tmp_path, monkeypatch, signum, exit_code):
    from pipeline.core import Pipeline

    out = tmp_path / "out"
    original = Pipeline.clean
    calls = []

    def terminate_on_third(self, article):
        calls.append(article.id)
        if len(set(calls)) == 3 and calls.count(article.id) == 1:  # the third article, cleaned for the first time
            os.kill(os.getpid(), signum)
        return original(self, article)

    monkeypatch.setattr(Pipeline, "clean", terminate_on_third)
    result = run_cli("run", SEEDS, "--out", out, *offline, "--set", "summariser.batch_size=1")
    assert result.exit_code == exit_code
    assert result.stderr.splitlines()[-1].startswith(f"{signum.name}: stopped after 2 of 5 inputs; views of 2 articles")
    assert len(jsonl(out / "digests.jsonl")) == 2
    assert "interrupted" in run_cli("runs", "--store", out).stdout


def test_a_second_interrupt_while_the_views_are_rebuilt_leaves_them_whole(offline, tmp_path, monkeypatch):
    from pipeline import views

    out = tmp_path / "out"
    assert run_cli("run", SEEDS, "--out", out, *offline).exit_code == 0
    original = views.write_if_changed

    def interrupting(path, text):
        os.kill(os.getpid(), signal.SIGINT)
        return original(path, text)

    monkeypatch.setattr(views, "write_if_changed", interrupting)
    (out / "briefing.md").unlink()  # a view to write again, under interrupts
    result = run_cli("run", SEEDS, "--out", out, *offline)
    assert result.exit_code == 130
    assert len(jsonl(out / "digests.jsonl")) == 5
    assert (out / "briefing.md").read_text(encoding="utf-8").startswith("# News briefing\n\n5 articles")


def test_outputs_that_fail_mid_run_stop_the_batch_and_a_rerun_completes(offline, tmp_path, monkeypatch):
    out = tmp_path / "out"
    original = Store.put_record
    calls = []

    def disk_full_on_third(self, record, signature, run_id):
        calls.append(record["id"])
        if len(calls) == 3:
            raise sqlite3.OperationalError("database or disk is full")
        return original(self, record, signature, run_id)

    monkeypatch.setattr(Store, "put_record", disk_full_on_third)
    stopped = run_cli("run", SEEDS, "--out", out, *offline)
    assert stopped.exit_code == 1
    assert "error: stopped: " in stopped.stderr and "database or disk is full" in stopped.stderr
    assert "Traceback" not in stopped.output
    assert len(jsonl(out / "digests.jsonl")) == 2

    monkeypatch.setattr(Store, "put_record", original)
    resumed = run_cli("run", SEEDS, "--out", out, *offline)
    assert resumed.exit_code == 0, resumed.output
    assert len(jsonl(out / "digests.jsonl")) == 5


def test_same_stem_in_two_folders_gets_two_ids_and_names_collide_with_nothing(offline, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[2]}.txt", tmp_path / "a" / "briefing.txt")
    shutil.copy(SEEDS / f"{SEED_IDS[3]}.txt", tmp_path / "b" / "briefing.txt")
    out = tmp_path / "out"
    result = run_cli("run", tmp_path / "a", tmp_path / "b", "--out", out, *offline)
    assert result.exit_code == 0, result.output
    records = jsonl(out / "digests.jsonl")
    assert sorted(r["source"]["path"] for r in records) == [str(tmp_path / "a" / "briefing.txt"), str(tmp_path / "b" / "briefing.txt")]
    ids = sorted(r["id"] for r in records)
    assert ids[0] == "briefing" and re.fullmatch(r"briefing-[0-9a-f]{8}", ids[1])
    notices = [line for line in result.stderr.splitlines() if "another source already has 'briefing'" in line]
    assert len(notices) == 1 and notices[0].startswith("warning: ")
    assert (out / "briefing.md").read_text(encoding="utf-8").startswith("# News briefing")
    assert (out / "articles" / "briefing.md").read_text(encoding="utf-8").startswith("# ")
    again = run_cli("run", tmp_path / "b", "--out", out, *offline)
    assert "(1 unchanged, from the store)" in again.stderr  # the same source keeps its id


def test_a_file_name_with_newlines_and_markup_cannot_break_the_markdown(offline, tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    hostile = inputs / "a`b\n<script>x.txt"
    shutil.copy(SEEDS / f"{SEED_IDS[2]}.txt", hostile)
    out = tmp_path / "out"
    assert run_cli("run", inputs, "--out", out, *offline).exit_code == 0
    (article,) = (out / "articles").glob("*.md")
    assert "\n" not in article.stem and "<" not in article.stem and "`" not in article.stem
    source_lines = [line for line in article.read_text(encoding="utf-8").splitlines() if line.startswith("Source:")]
    assert len(source_lines) == 1 and "<script>" in source_lines[0] and source_lines[0].endswith("`")


def test_bad_files_are_named_and_the_rest_is_digested(offline, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    for seed_id in SEED_IDS[2:4]:
        shutil.copy(SEEDS / f"{seed_id}.txt", inputs)
    (inputs / "empty.txt").write_bytes(b"")
    (inputs / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    out = tmp_path / "digests"
    result = run_cli("run", inputs, "--out", out, *offline)
    assert result.exit_code == 1
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert errors == [f"error: {inputs / 'empty.txt'}: file is empty", f"error: {inputs / 'photo.txt'}: binary file, not text"]
    assert sorted(path.stem for path in (out / "articles").glob("*.json")) == SEED_IDS[2:4]
    assert "2 of 4 inputs failed:" in result.stderr


def test_flags_choose_formats_and_figure_count(offline, tmp_path):
    out = tmp_path / "only-json"
    result = run_cli("run", SEEDS / f"{SEED_IDS[2]}.txt", "--out", out, "--formats", "json", "--figures", "all", *offline)
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.rglob("*") if path.is_file() and not path.name.startswith(".")) == sorted(
        ["digests.jsonl", f"{SEED_IDS[2]}.json", STORE_NAME, "stats.json"]
    )
    assert len(read_json(out / "articles" / f"{SEED_IDS[2]}.json")["key_figures"]) > 8


def test_help_documents_exit_codes():
    result = run_cli("run", "--help")
    assert result.exit_code == 0
    assert "130 interrupted" in " ".join(result.output.split())
    assert "2 usage or configuration error" in " ".join(result.output.split())


def test_ctrl_c_while_the_commands_are_imported_is_one_line(monkeypatch, capsys):
    """The console script imports the commands inside its own handler: a KeyboardInterrupt raised
    before any command runs is one line and exit 130, not a traceback."""
    import pipeline.cli
    from pipeline.command import main

    def interrupted_import() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(pipeline.cli, "main", interrupted_import)
    with pytest.raises(SystemExit) as stop:
        main()
    assert stop.value.code == 130
    assert capsys.readouterr().err == "SIGINT: interrupted\n"


def test_earlier_outputs_inside_the_input_folder_are_not_inputs(offline, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[3]}.txt", inputs)
    for _ in range(2):
        result = run_cli("run", inputs, "--out", inputs / "digests", *offline)
        assert result.exit_code == 0, result.output
    assert len(jsonl(inputs / "digests" / "digests.jsonl")) == 1
    assert "views cover 1 articles; 5 files that digest wrote were not read as inputs" in result.stderr


def test_a_view_named_on_the_command_line_fails_with_the_reason(offline, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", SEEDS / f"{SEED_IDS[3]}.txt", "--out", out, *offline).exit_code == 0
    article_file = out / "articles" / f"{SEED_IDS[3]}.md"
    result = run_cli("run", article_file, SEEDS / f"{SEED_IDS[4]}.txt", "--out", out, *offline)
    assert result.exit_code == 1
    assert f"{article_file}: a view digest wrote into an output folder, not an article" in result.stderr
    assert "1 of 2 inputs digested" in result.stderr
    assert len(jsonl(out / "digests.jsonl")) == 2


def test_inputs_in_the_output_folder_itself_are_digested(offline, tmp_path):
    same = tmp_path / "same"
    same.mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[3]}.txt", same)
    for _ in range(2):
        result = run_cli("run", same, "--out", same, *offline)
        assert result.exit_code == 0, result.output
        assert "1 of 1 inputs digested" in result.stderr
    assert len(jsonl(same / "digests.jsonl")) == 1


def test_brief_rebuilds_views_for_a_window_without_models(offline, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", SEEDS, "--out", out, *offline).exit_code == 0
    window = tmp_path / "november"
    result = run_cli("brief", "--store", out, "--since", "2024-11-01", "--until", "2024-11-30", "--out", window)
    assert result.exit_code == 0, result.output
    dates = [record["metadata"]["date"] for record in jsonl(window / "digests.jsonl")]
    assert dates and all(date.startswith("2024-11") for date in dates)
    (out / "briefing.md").unlink()
    assert run_cli("brief", "--store", out).exit_code == 0
    assert len(jsonl(out / "digests.jsonl")) == 5 and (out / "briefing.md").is_file()
    assert run_cli("brief", "--store", tmp_path / "nothing-here").exit_code == 2
    assert run_cli("brief", "--store", out, "--since", "last week").exit_code == 2


def test_two_runs_on_one_output_folder_at_once_both_land_every_article(tmp_path):
    """Two `digest run` processes share an output folder: every article of both ends up in the
    store, the briefing and the JSON lines, whichever finishes last."""
    import subprocess
    import sys

    batches = []
    for name, seeds in (("first", SEED_IDS[:3]), ("second", SEED_IDS[3:])):
        folder = tmp_path / name
        folder.mkdir()
        for copy_number in range(4):
            for seed_id in seeds:
                text = (SEEDS / f"{seed_id}.txt").read_text(encoding="utf-8") + f"\n\n（副本{copy_number}。）\n"
                (folder / f"{name}-{copy_number}-{seed_id}.txt").write_text(text, encoding="utf-8")
        batches.append(folder)
    out = tmp_path / "out"
    command = [sys.executable, "-c", "from pipeline.command import main; main()", "run", "--quiet", "--out", str(out)]
    flags = ["--summariser", "extractive", "--translator", "nobody/missing-zh-en", "--models-dir", str(tmp_path / "none")]
    environment = {**os.environ, "HF_HUB_OFFLINE": "1"}
    runs = [subprocess.Popen([*command, str(folder), *flags], cwd=tmp_path, env=environment) for folder in batches]
    assert [run.wait(timeout=600) for run in runs] == [0, 0]
    expected = sorted(path.stem for folder in batches for path in folder.iterdir())
    assert sorted(record["id"] for record in jsonl(out / "digests.jsonl")) == expected
    briefing = (out / "briefing.md").read_text(encoding="utf-8")
    assert briefing.startswith(f"# News briefing\n\n{len(expected)} articles")
    with sqlite3.connect(out / STORE_NAME) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == len(expected)
        assert db.execute("SELECT count(*) FROM runs WHERE status = 'completed'").fetchone()[0] == 2


def test_a_store_of_another_layout_version_is_refused_untouched(offline, tmp_path):
    out = tmp_path / "out"
    assert run_cli("run", SEEDS / f"{SEED_IDS[3]}.txt", "--out", out, *offline).exit_code == 0
    with sqlite3.connect(out / STORE_NAME) as db:
        db.execute("UPDATE meta SET value = '99' WHERE key = 'store_version'")
    before = (out / STORE_NAME).read_bytes()
    result = run_cli("run", SEEDS / f"{SEED_IDS[4]}.txt", "--out", out, *offline)
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("the store has layout version 99; this digest reads version 1")
    assert (out / STORE_NAME).read_bytes() == before


def _open_and_close_store(folder: str, start: threading.Barrier) -> str:
    start.wait()
    try:
        Store(Path(folder)).close()
    except OutputError as error:
        return str(error)
    return ""


def test_processes_opening_a_new_store_together_all_open_it(tmp_path):
    """Switching a new database to WAL fails at once ("database is locked") when another connection
    does it at the same moment; without the store's open lock about a third of these rounds failed."""
    with multiprocessing.Manager() as manager, multiprocessing.Pool(4) as pool:
        for round_number in range(12):
            start = manager.Barrier(4)
            folder = tmp_path / str(round_number)
            folder.mkdir()
            assert pool.starmap(_open_and_close_store, [(str(folder), start)] * 4) == [""] * 4


def test_a_window_of_articles_goes_to_the_translator_in_two_calls(offline, tmp_path, monkeypatch):
    from pipeline.translate.base import Translator

    calls: list[int] = []
    original = Translator.translate

    def counting(self, sentences):
        calls.append(len(sentences))
        return original(self, sentences)

    monkeypatch.setattr(Translator, "translate", counting)
    scripted = ["--set", 'translator.kind="scripted"', "--translator", "keep-placeholders"]
    result = run_cli("run", SEEDS, *offline, *scripted)
    assert result.exit_code == 0, result.output
    # Programme names the glossary lacks, then every other field: all five articles in each call.
    assert len(calls) == 2 and sum(calls) > 100
    one_at_a_time = run_cli("run", SEEDS, *offline, *scripted, "--force", "--set", "summariser.batch_size=1")
    assert one_at_a_time.exit_code == 0
    assert len(calls) == 2 + 2 * 5
    assert len(jsonl(tmp_path / "out" / "digests.jsonl")) == 5
