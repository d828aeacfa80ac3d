import shutil

from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.modelstore import (
    configured_models,
    load_registry,
    local_source,
    pull,
    pulled_dir,
)
from pipeline.translate import load_translator

runner = CliRunner()


def test_registry_lists_the_defaults_and_flags_non_commercial_licences():
    models = {model.id: model for model in load_registry()}
    assert models["Helsinki-NLP/opus-mt-zh-en"].role == "translator" and models["Helsinki-NLP/opus-mt-zh-en"].default
    assert models["Helsinki-NLP/opus-mt-zh-en"].licence == "CC-BY-4.0"
    assert models["bigscience/mt0-base"].licence == "Apache-2.0" and models["bigscience/mt0-base"].default
    assert "bigscience/mt0-small" in models
    assert "NON-COMMERCIAL" in models["csebuetnlp/mT5_multilingual_XLSum"].licence


def test_default_config_names_registered_models():
    registered = {model.id for model in load_registry()}
    settings = {
        "summariser": {"kind": "seq2seq", "model": "bigscience/mt0-base", "revision": "main"},
        "translator": {"model": "Helsinki-NLP/opus-mt-zh-en", "revision": "main"},
    }
    assert {model_id for model_id, _ in configured_models(settings)} <= registered


def test_a_pulled_model_is_found_in_the_models_folder(tiny_model_settings, tiny_marian_dir):
    model_id = "Helsinki-NLP/opus-mt-zh-en"
    target = pulled_dir(tiny_model_settings, model_id)
    assert target.name == "Helsinki-NLP--opus-mt-zh-en"
    shutil.copytree(tiny_marian_dir, target)
    tiny_model_settings["translator"]["model"] = model_id
    assert local_source(tiny_model_settings, model_id) == target
    assert load_translator(tiny_model_settings).model_info.id == model_id


def test_pull_without_network_fails_with_one_line_per_model(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # the discard port: connection refused at once
    results = pull({"models": {"dir": str(tmp_path)}}, [("a/one", "main"), ("b/two", "main")])
    assert [(r.model_id, r.ok) for r in results] == [("a/one", False), ("b/two", False)]
    assert results[0].message == "cannot reach the Hugging Face Hub (no network?)"
    assert not any(tmp_path.iterdir())


def test_models_pull_command_exits_1_naming_each_failure(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")
    result = runner.invoke(app, ["models", "pull", "a/one", "--models-dir", str(tmp_path)])
    assert result.exit_code == 1
    assert "error: a/one: cannot reach the Hugging Face Hub" in result.output


def test_models_list_shows_each_model_and_whether_it_is_present(tmp_path, tiny_marian_dir):
    shutil.copytree(tiny_marian_dir, tmp_path / "Helsinki-NLP--opus-mt-zh-en")
    result = runner.invoke(app, ["models", "list", "--models-dir", str(tmp_path)])
    assert result.exit_code == 0
    rows = {line.split("│")[1].strip(): line for line in result.output.splitlines() if line.count("│") > 2}
    assert "present" in rows["Helsinki-NLP/opus-mt-zh-en"]
    assert "CC-BY-4.0" in rows["Helsinki-NLP/opus-mt-zh-en"]
    assert "missing" in rows["bigscience/mt0-base"]
