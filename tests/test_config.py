"""`digest config` and the --set flag: the effective settings, and one-line errors with exit 2."""

from __future__ import annotations

import tomllib

import pytest
from typer.testing import CliRunner

from pipeline.cli import app
from pipeline.config import parse_assignments
from pipeline.errors import ConfigError


@pytest.fixture
def run_cli(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)  # away from any ./digest.toml
    return lambda *args: CliRunner().invoke(app, list(args))


def test_parse_assignments_reads_toml_values():
    assert parse_assignments(
        ["translator.generation.num_beams=2", "output.formats=[\"md\"]", "translator.model=org/name", "facts.key_figures=all"]
    ) == {
        "translator": {"generation": {"num_beams": 2}, "model": "org/name"},
        "output": {"formats": ["md"]},
        "facts": {"key_figures": "all"},
    }


@pytest.mark.parametrize("assignment", ["translator", "translator=1", ".model=x", "translator.=x"])
def test_parse_assignments_rejects_malformed(assignment):
    with pytest.raises(ConfigError, match="expected section.key=value"):
        parse_assignments([assignment])


def test_config_prints_effective_settings_as_toml(run_cli):
    result = run_cli("config", "--set", "translator.batch_size=4", "--set", "summariser.generation.num_beams=1")
    assert result.exit_code == 0, result.output
    settings = tomllib.loads(result.stdout)
    assert settings["translator"]["batch_size"] == 4
    assert settings["summariser"]["generation"]["num_beams"] == 1
    assert settings["translator"]["model"] == "Helsinki-NLP/opus-mt-zh-en"
    assert settings["output"]["dir"] == "out"


def test_config_file_overrides_defaults_and_set_overrides_the_file(run_cli, tmp_path):
    config_file = tmp_path / "team.toml"
    config_file.write_text('[facts]\nkey_figures = 3\n[translator]\nbatch_size = 2\n', encoding="utf-8")
    result = run_cli("config", "--config", str(config_file), "--set", "translator.batch_size=16")
    settings = tomllib.loads(result.stdout)
    assert (settings["facts"]["key_figures"], settings["translator"]["batch_size"]) == (3, 16)


def test_digest_toml_in_working_directory_is_read(run_cli, tmp_path):
    (tmp_path / "digest.toml").write_text('[clean]\nscript = "keep"\n', encoding="utf-8")
    assert tomllib.loads(run_cli("config").stdout)["clean"]["script"] == "keep"


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--set", "translator.beams=4"], "error: flags.translator: unknown setting 'beams'\n"),
        (["--set", "nonsense"], "error: --set nonsense: expected section.key=value\n"),
        (["--config", "missing.toml"], "error: missing.toml: config file not found\n"),
    ],
)
def test_config_errors_are_one_line_with_exit_2(run_cli, args, message):
    result = run_cli("config", *args)
    assert result.exit_code == 2
    assert result.stderr == message
    assert result.stdout == ""
