"""`digest brief` and `digest runs`: views and history from the store, with no model work."""

from __future__ import annotations

import datetime
from pathlib import Path

import typer

from pipeline.batch import EXIT_OK
from pipeline.cli.app import app
from pipeline.cli.common import BY_HELP, CONFIG_HELP, exit_usage, load_config_or_exit
from pipeline.errors import ConfigError, DigestError
from pipeline.formats import load_formats
from pipeline.store import Window, open_existing
from pipeline.views import rebuild_views

STORE_HELP = "Output folder holding the store (default: config output.dir)."


def _iso_date(flag: str, text: str | None) -> str | None:
    if text is None:
        return None
    try:
        return datetime.date.fromisoformat(text).isoformat()
    except ValueError:
        raise ConfigError(f"{flag} {text!r}: expected a date as YYYY-MM-DD") from None


@app.command("brief")
def brief_command(
    since: str | None = typer.Option(None, "--since", help="Only articles published on or after this date (YYYY-MM-DD)."),
    until: str | None = typer.Option(None, "--until", help="Only articles published on or before this date (YYYY-MM-DD)."),
    last_run: bool = typer.Option(False, "--last-run", help="Only the articles of the last run."),
    store_dir: Path | None = typer.Option(None, "--store", help=STORE_HELP, file_okay=False),
    out: Path | None = typer.Option(None, "--out", help="Where to write the views (default: the store's folder).", file_okay=False),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP, dir_okay=False),
    by: str | None = typer.Option(None, "--by", help=BY_HELP, metavar="story|article"),
) -> None:
    """Rebuild the views (article files, briefing, JSON lines and the other formats configured in
    output.formats) from the store, without reading any input or loading any model. With no window,
    the views cover the whole store. Articles without a date are left out of a date window."""
    settings = load_config_or_exit(config_file, {"output": {"group": by}} if by else None)
    folder = store_dir or Path(settings.output.dir)
    try:
        window = Window(_iso_date("--since", since), _iso_date("--until", until))
        # A store the user may not write is read as it is; the views still go where they may be written.
        store = open_existing(folder)
    except DigestError as error:
        exit_usage(error)
    try:
        if last_run:
            window = Window(window.since, window.until, store.last_run_id())
        formats = load_formats(settings.output.formats, settings.output.base_url, settings.output.group)
        covered = rebuild_views(store, out or folder, formats, window, lambda line: typer.echo(f"warning: {line}", err=True))
    except DigestError as error:
        exit_usage(error)
    finally:
        store.close()
    typer.echo(f"views of {covered} articles written to {out or folder}", err=True)
    raise typer.Exit(EXIT_OK)


@app.command("runs")
def runs_command(
    store_dir: Path | None = typer.Option(None, "--store", help=STORE_HELP, file_okay=False),
    limit: int = typer.Option(20, "--limit", help="How many runs, newest first.", min=1),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP, dir_okay=False),
) -> None:
    """The run history of the store: when each run started and ended, its status (completed,
    interrupted, failed, running, or killed: ended with its process, counting what it saved), its counts, and each input that failed with the reason."""
    settings = load_config_or_exit(config_file)
    try:
        store = open_existing(store_dir or Path(settings.output.dir))
    except DigestError as error:
        exit_usage(error)
    try:
        for run in store.runs(limit):
            typer.echo(
                f"run {run.id}  {run.started}  {run.status:<11}  {run.inputs} inputs: {run.digested} digested, "
                f"{run.from_store} unchanged, {run.failed} failed"
            )
            for name, reason in run.failures:
                typer.echo(f"    failed: {name}: {reason}")
    finally:
        store.close()
