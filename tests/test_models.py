import shutil

from conftest import settings_with
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.core import Pipeline
from pipeline.modelstore import (
    PullResult,
    configured_models,
    convert_pulled,
    is_present,
    load_registry,
    local_source,
    pull,
    pulled_dir,
)
from pipeline.settings import ModelsSettings

runner = CliRunner()


def test_registry_lists_the_defaults_and_flags_non_commercial_licences():
    models = {model.id: model for model in load_registry()}
    assert models["Helsinki-NLP/opus-mt-zh-en"].role == "translator" and models["Helsinki-NLP/opus-mt-zh-en"].default
    assert models["Helsinki-NLP/opus-mt-zh-en"].licence == "CC-BY-4.0"
    assert models["bigscience/mt0-base"].licence == "Apache-2.0" and models["bigscience/mt0-base"].default
    assert "bigscience/mt0-small" in models
    assert "NON-COMMERCIAL" in models["csebuetnlp/mT5_multilingual_XLSum"].licence


def test_default_config_names_registered_models(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # the built-in defaults, not a ./digest.toml
    registered = {(model.id, model.revision) for model in load_registry()}
    configured = configured_models(settings_with())
    assert len(configured) == 2 and set(configured) <= registered


def test_a_pulled_model_is_found_in_the_models_folder(tiny_model_overrides, tiny_marian_dir):
    model_id = "Helsinki-NLP/opus-mt-zh-en"
    settings = settings_with(tiny_model_overrides, {"translator": {"model": model_id}})
    target = pulled_dir(settings.models, model_id)
    assert target.name == "Helsinki-NLP--opus-mt-zh-en"
    shutil.copytree(tiny_marian_dir, target)
    assert local_source(settings.models, model_id) == target
    translator = Pipeline(settings).translator
    assert translator is not None and translator.model_info.id == model_id


def test_pull_without_network_fails_with_one_line_per_model(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # the discard port: connection refused at once
    results = pull(ModelsSettings(dir=str(tmp_path)), [("a/one", "main"), ("b/two", "main")])
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


def test_a_model_path_that_does_not_exist_is_not_present(tmp_path):
    assert not is_present(ModelsSettings(dir=str(tmp_path)), str(tmp_path / "no-translator"))


def test_a_pulled_model_a_ctranslate2_stage_uses_is_converted_at_once(tiny_model_overrides, tiny_marian_dir):
    model_id = "Helsinki-NLP/opus-mt-zh-en"
    settings = settings_with(tiny_model_overrides, {"translator": {"model": model_id, "kind": "ctranslate2"}})
    shutil.copytree(tiny_marian_dir, pulled_dir(settings.models, model_id))
    (result,) = convert_pulled(settings, [PullResult(model_id, True, "saved")])
    assert result.ok and "converted for CTranslate2 (int8)" in result.message
    (untouched,) = convert_pulled(settings, [PullResult("bigscience/mt0-base", False, "no network")])
    assert not untouched.ok and untouched.message == "no network"
