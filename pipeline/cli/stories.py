"""`digest stories`: the stories of a store, listed from it without model work."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from pipeline.batch import EXIT_OK
from pipeline.cli.app import app
from pipeline.cli.brief import STORE_HELP, _iso_date
from pipeline.cli.common import CONFIG_HELP, exit_usage, load_config_or_exit
from pipeline.errors import DigestError
from pipeline.store import open_existing
from pipeline.stories.listing import list_stories


@app.command("stories")
def stories_command(
    since: str | None = typer.Option(None, "--since", help="Only stories with an article published on or after this date (YYYY-MM-DD)."),
    as_json: bool = typer.Option(False, "--json", help="One JSON object per story, one a line."),
    store_dir: Path | None = typer.Option(None, "--store", help=STORE_HELP, file_okay=False),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP, dir_okay=False),
) -> None:
    """The stories of the store (docs/stories.md), most outlets first, then the most recent: id,
    dates, outlets, article count, the lead article's headline, and the figures that differ between
    outlets."""
    settings = load_config_or_exit(config_file)
    try:
        window_start = _iso_date("--since", since)
        store = open_existing(store_dir or Path(settings.output.dir))
    except DigestError as error:
        exit_usage(error)
    try:
        rows = list_stories(store, window_start)
    finally:
        store.close()
    for row in rows:
        if as_json:
            typer.echo(json.dumps(row, ensure_ascii=False))
            continue
        dates = " to ".join(dict.fromkeys(date for date in (row["first_seen"], row["last_seen"]) if date)) or "undated"
        count = len(row["articles"])
        typer.echo(f"{row['id']}  {dates}  {count} article{'s' if count != 1 else ''}, {len(row['outlets'])} outlets: {', '.join(row['outlets'])}")
        typer.echo(f"    {row['headline']}")
        for warning in row["differs"]:
            typer.echo(f"    differs: {warning}")
    raise typer.Exit(EXIT_OK)
