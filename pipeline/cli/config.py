"""`digest config`: print the effective configuration. Also turns `--set section.key=value` flags
into config overrides, for every command that takes them."""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import typer

from pipeline.batch import EXIT_USAGE
from pipeline.cli.app import app
from pipeline.cli.common import CONFIG_HELP, load_config_or_exit
from pipeline.config import to_toml
from pipeline.errors import ConfigError

SET_HELP = "Override any setting, e.g. --set translator.batch_size=4 (the value is read as TOML; repeatable)."


def _toml_value(text: str) -> Any:
    """``text`` read as a TOML value; a bare word that is not TOML (a model id, a path) is a string."""
    try:
        return tomllib.loads(f"value = {text}")["value"]
    except tomllib.TOMLDecodeError:
        return text


def merge_overrides(base: dict[str, Any], extra: dict[str, Any]) -> dict[str, Any]:
    """``extra`` merged into ``base`` (nested tables merged key by key); ``base`` is updated and returned."""
    for key, value in extra.items():
        if isinstance(value, dict) and isinstance(base.get(key), dict):
            merge_overrides(base[key], value)
        else:
            base[key] = value
    return base


def parse_assignments(assignments: list[str]) -> dict[str, Any]:
    """["translator.generation.num_beams=2", ...] -> {"translator": {"generation": {"num_beams": 2}}}."""
    overrides: dict[str, Any] = {}
    for assignment in assignments:
        name, equals, text = assignment.partition("=")
        keys = name.strip().split(".")
        if not equals or len(keys) < 2 or not all(keys):
            raise ConfigError(f"--set {assignment}: expected section.key=value")
        nested: dict[str, Any] = {keys[-1]: _toml_value(text.strip())}
        for key in reversed(keys[:-1]):
            nested = {key: nested}
        merge_overrides(overrides, nested)
    return overrides


def overrides_or_exit(assignments: list[str], flags: dict[str, Any] | None = None) -> dict[str, Any]:
    """The overrides of ``--set`` assignments, on top of those of dedicated ``flags``; a malformed
    assignment ends the command with exit code 2."""
    try:
        return merge_overrides(flags or {}, parse_assignments(assignments))
    except ConfigError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None


@app.command("config")
def config_command(
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP, dir_okay=False),
    assignments: list[str] = typer.Option([], "--set", help=SET_HELP, metavar="SECTION.KEY=VALUE"),
) -> None:
    """Print the effective configuration as TOML: defaults, then ./digest.toml or --config, then --set."""
    settings = load_config_or_exit(config_file, overrides_or_exit(assignments))
    typer.echo(to_toml(settings), nl=False)
