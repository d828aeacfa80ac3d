"""`digest models list|pull`: the model registry, what is on this machine, and downloading."""

from __future__ import annotations

import sys
from pathlib import Path

import typer
from rich.console import Console
from rich.table import Table

from pipeline.batch import EXIT_OK, EXIT_SOME_FAILED, EXIT_USAGE
from pipeline.cli.app import app
from pipeline.cli.common import CONFIG_HELP, load_config_or_exit
from pipeline.errors import ConfigError
from pipeline.modelstore import configured_models, convert_pulled, is_present, load_registry, pull
from pipeline.settings import Settings

models_app = typer.Typer(help="Models digest can use: list them, or pull them (needs network).", no_args_is_help=True)
app.add_typer(models_app, name="models")

CONFIG_OPTION = typer.Option(None, "--config", help=CONFIG_HELP)
MODELS_DIR_OPTION = typer.Option(None, "--models-dir", help="Where models are stored (default: settings models.dir).")


def _settings(config: Path | None, models_dir: Path | None) -> Settings:
    return load_config_or_exit(config, {"models": {"dir": str(models_dir)}} if models_dir else None)


def _registry_or_exit():
    try:
        return load_registry()
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None


@models_app.command("list")
def list_command(config: Path | None = CONFIG_OPTION, models_dir: Path | None = MODELS_DIR_OPTION) -> None:
    """Each registry model: id, revision, licence, size, purpose, and whether it is on this machine."""
    settings = _settings(config, models_dir)
    table = Table("model", "revision", "role", "licence", "parameters", "size", "purpose", "local")
    for model in _registry_or_exit():
        role = f"{model.role} (default)" if model.default else model.role
        local = "present" if is_present(settings.models, model.id, model.revision) else "missing"
        table.add_row(model.id, model.revision, role, model.licence, model.parameters, model.size, model.purpose, local)
    Console(width=200).print(table)


@models_app.command("pull")
def pull_command(
    model_ids: list[str] = typer.Argument(None, help="Model ids (default: the configured summariser and translator)."),
    config: Path | None = CONFIG_OPTION,
    models_dir: Path | None = MODELS_DIR_OPTION,
) -> None:
    """Download models into the models folder: one line per model; exit 1 if any failed."""
    settings = _settings(config, models_dir)
    revisions = {model.id: model.revision for model in _registry_or_exit()}
    wanted = [(i, revisions.get(i, "main")) for i in model_ids] if model_ids else configured_models(settings)
    results = convert_pulled(settings, pull(settings.models, wanted))
    for result in results:
        print(f"{'ok' if result.ok else 'error'}: {result.model_id}: {result.message}", file=sys.stdout if result.ok else sys.stderr)
    raise typer.Exit(EXIT_OK if all(r.ok for r in results) else EXIT_SOME_FAILED)
