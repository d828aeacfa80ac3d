"""`digest run` end to end on the seed articles: outputs, schema, order, cache, fallbacks,
interruption and bad inputs."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from test_schema import VALIDATOR
from typer.testing import CliRunner

from pipeline import PROJECT_DIR, summarise, translate
from pipeline.cli import app
from pipeline.config import to_toml

SEEDS = PROJECT_DIR / "seeds"
SEED_IDS = sorted(path.stem for path in SEEDS.glob("*.txt"))


def run_cli(*args: str):
    return CliRunner().invoke(app, [str(arg) for arg in args])


@pytest.fixture
def tiny_config(tiny_model_settings, tmp_path) -> Path:
    """The tiny-model settings as a config file, for the command line. Random weights never stop on
    their own, so output lengths are capped to keep the runs short."""
    tiny_model_settings["summariser"]["generation"].update(num_beams=1, max_new_tokens=12)
    tiny_model_settings["translator"]["generation"].update(num_beams=1, max_length_ratio=0.3, max_length_extra=2)
    config_file = tmp_path / "tiny.toml"
    config_file.write_text(to_toml(tiny_model_settings), encoding="utf-8")
    return config_file


@pytest.fixture
def offline(tmp_path, monkeypatch) -> list[str]:
    """Flags for a run with no summariser model and a translator that is not on this machine."""
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.chdir(tmp_path)
    return ["--summariser", "extractive", "--translator", "nobody/missing-zh-en", "--models-dir", str(tmp_path / "no-models")]


@pytest.fixture
def model_loads(monkeypatch) -> list[str]:
    """Records each model load, then loads as usual."""
    loads: list[str] = []
    for module, name in ((summarise, "load_summariser"), (translate, "load_translator")):
        original = getattr(module, name)

        def counting(settings, original=original, name=name):
            loads.append(name)
            return original(settings)

        monkeypatch.setattr(module, name, counting)
    return loads


def read_json(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def leftover_temporary_files(folder: Path) -> list[Path]:
    return [path for path in folder.rglob("*") if path.name.endswith(".tmp")]


def test_full_run_with_tiny_models_then_cached_rerun(tiny_config, tmp_path, model_loads):
    out = tmp_path / "out"
    first = run_cli("run", SEEDS, "--out", out, "--config", tiny_config)
    assert first.exit_code == 0, first.output
    assert sorted(model_loads) == ["load_summariser", "load_translator"]

    for seed_id in SEED_IDS:
        assert (out / f"{seed_id}.md").read_text(encoding="utf-8").startswith("# ")
        VALIDATOR.validate(read_json(out / f"{seed_id}.json"))
    lines = (out / "digests.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
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

    model_loads.clear()
    outputs_before = {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()}
    second = run_cli("run", SEEDS, "--out", out, "--config", tiny_config)
    assert second.exit_code == 0, second.output
    assert model_loads == []
    assert "5 of 5 digested" in second.stderr and "(5 from earlier runs)" in second.stderr
    assert {path.name: path.read_bytes() for path in out.iterdir() if path.is_file()} == outputs_before

    forced = run_cli("run", SEEDS / f"{SEED_IDS[1]}.txt", "--out", out, "--config", tiny_config, "--force")
    assert forced.exit_code == 0, forced.output
    assert sorted(model_loads) == ["load_summariser", "load_translator"]


def test_offline_fallback_completes_and_says_what_is_untranslated(offline, tmp_path):
    result = run_cli("run", SEEDS, *offline)
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "nobody/missing-zh-en" in warnings[0]

    out = tmp_path / "out"  # config output.dir, relative to the working directory
    record = read_json(out / "002_68a2d98467e1a6c6.json")
    VALIDATOR.validate(record)
    assert record["headline_en"] is None and record["summary_en"] is None
    assert record["untranslated"]["headline_en"]
    assert record["models"] == {"summariser": {"id": "extractive", "revision": None}, "translator": {"id": "none", "revision": None}}
    assert FIGURE_002 in [(figure["text_zh"], figure["text_en"]) for figure in record["key_figures"]]
    markdown = (out / "002_68a2d98467e1a6c6.md").read_text(encoding="utf-8")
    assert "(untranslated)" in markdown and "> **Untranslated:**" in markdown


FIGURE_002 = ("500万元", "5 million yuan")


def test_interrupted_batch_leaves_whole_files_and_resumes(tiny_config, tmp_path, monkeypatch):
    from pipeline import clean

    out = tmp_path / "out"
    original = clean.clean_article
    calls = []

    def interrupt_on_third(article, script="simplified"):
        calls.append(article.id)
        if len(calls) == 3:
            raise KeyboardInterrupt
        return original(article, script)

    monkeypatch.setattr(clean, "clean_article", interrupt_on_third)
    interrupted = run_cli("run", SEEDS, "--out", out, "--config", tiny_config)
    assert interrupted.exit_code == 130
    assert interrupted.stderr.splitlines()[-1] == "interrupted after 2 of 5 inputs"
    assert leftover_temporary_files(out) == []
    finished = sorted(path.stem for path in out.glob("*.json"))
    assert finished == SEED_IDS[:2]
    for seed_id in finished:
        VALIDATOR.validate(read_json(out / f"{seed_id}.json"))
    assert len((out / "digests.jsonl").read_text(encoding="utf-8").splitlines()) == 2

    monkeypatch.setattr(clean, "clean_article", original)
    resumed = run_cli("run", SEEDS, "--out", out, "--config", tiny_config)
    assert resumed.exit_code == 0, resumed.output
    assert "(2 from earlier runs)" in resumed.stderr
    assert sorted(path.stem for path in out.glob("*.json")) == SEED_IDS


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
    assert sorted(path.stem for path in out.glob("*.json")) == SEED_IDS[2:4]
    assert sorted(path.stem for path in out.glob("*.md")) == sorted([*SEED_IDS[2:4], "briefing"])
    assert "2 of 4 inputs failed:" in result.stderr


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--figures", "many"], "expected a whole number or 'all'"),
        (["--formats", "md,pdf"], "error: output.formats must be a list drawn from md, json, not ['md', 'pdf']"),
        (["--script", "traditional"], "error: clean.script must be one of simplified, keep, not 'traditional'"),
        (["--set", "output.colour=true"], "error: flags.output: unknown setting 'colour'"),
    ],
)
def test_bad_flags_exit_2_before_any_work(offline, tmp_path, flags, message):
    result = run_cli("run", SEEDS, *offline, *flags)
    assert result.exit_code == 2
    assert message in result.stderr
    assert not (tmp_path / "out").exists()


def test_flags_choose_formats_and_figure_count(offline, tmp_path):
    out = tmp_path / "only-json"
    result = run_cli("run", SEEDS / f"{SEED_IDS[2]}.txt", "--out", out, "--formats", "json", "--figures", "all", *offline)
    assert result.exit_code == 0, result.output
    assert sorted(path.name for path in out.iterdir() if path.is_file()) == sorted(
        ["briefing.md", "digests.jsonl", f"{SEED_IDS[2]}.json"]
    )
    assert len(read_json(out / f"{SEED_IDS[2]}.json")["key_figures"]) > 8


def test_help_documents_exit_codes():
    result = run_cli("run", "--help")
    assert result.exit_code == 0
    assert "130 interrupted" in " ".join(result.output.split())
    assert "2 usage or configuration error" in " ".join(result.output.split())


def test_earlier_digests_inside_the_input_folder_are_not_inputs(offline, tmp_path):
    inputs = tmp_path / "inputs"
    inputs.mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[3]}.txt", inputs)
    for _ in range(2):
        result = run_cli("run", inputs, "--out", inputs / "digests", *offline)
        assert result.exit_code == 0, result.output
    assert len((inputs / "digests" / "digests.jsonl").read_text(encoding="utf-8").splitlines()) == 1


def test_output_folder_that_cannot_be_made_is_a_usage_error(offline, tmp_path):
    blocker = tmp_path / "taken"
    blocker.write_text("a file, not a folder", encoding="utf-8")
    result = run_cli("run", SEEDS, "--out", blocker / "out", *offline)
    assert result.exit_code == 2
    assert result.stderr.startswith(f"error: {blocker / 'out'}: cannot create the output folder (")
    assert len(result.stderr.splitlines()) == 1


def test_second_input_with_the_same_id_is_refused_not_overwritten(offline, tmp_path):
    for folder in ("a", "b"):
        (tmp_path / folder).mkdir()
    shutil.copy(SEEDS / f"{SEED_IDS[2]}.txt", tmp_path / "a" / "news.txt")
    shutil.copy(SEEDS / f"{SEED_IDS[3]}.txt", tmp_path / "b" / "news.txt")
    result = run_cli("run", tmp_path / "a", tmp_path / "b", "--out", tmp_path / "out", *offline)
    assert result.exit_code == 1
    assert f"error: {tmp_path / 'b' / 'news.txt'}: same id 'news' as {tmp_path / 'a' / 'news.txt'}" in result.stderr
    assert read_json(tmp_path / "out" / "news.json")["source"]["path"] == str(tmp_path / "a" / "news.txt")
