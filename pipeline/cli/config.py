"""`digest config`: print the effective configuration. Also turns `--set section.key=value` flags
into config overrides, for every command that takes them."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer

from pipeline.batch import EXIT_USAGE
from pipeline.cli.app import app
from pipeline.cli.common import CONFIG_HELP, load_config_or_exit
from pipeline.config import merge_overrides, parse_assignments, to_toml
from pipeline.errors import ConfigError
from pipeline.registry import OUTPUT_FORMATS, SUMMARISERS, TRANSLATORS

SET_HELP = "Override any setting, e.g. --set translator.batch_size=4 (the value is read as TOML; repeatable)."


def overrides_or_exit(assignments: list[str], flags: dict[str, Any] | None = None) -> dict[str, Any]:
    """The overrides of ``--set`` assignments, on top of those of dedicated ``flags``; a malformed
    assignment ends the command with exit code 2."""
    try:
        return merge_overrides(flags or {}, parse_assignments(assignments))
    except ConfigError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(EXIT_USAGE) from None


CONFIG_COMMAND_HELP = (
    "Print the effective configuration as TOML: defaults, then ./digest.toml or --config, then --set. "
    f"Registered kinds: summariser.kind: {', '.join(SUMMARISERS)}; translator.kind: {', '.join(TRANSLATORS)}; "
    f"output.formats: {', '.join(OUTPUT_FORMATS)}."
)


@app.command("config", help=CONFIG_COMMAND_HELP)
def config_command(
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP, dir_okay=False),
    assignments: list[str] = typer.Option([], "--set", help=SET_HELP, metavar="SECTION.KEY=VALUE"),
) -> None:
    settings = load_config_or_exit(config_file, overrides_or_exit(assignments))
    typer.echo(to_toml(settings.as_dict()), nl=False)
