"""`digest clean`: ingest and clean articles, print them or write one JSON record per article."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path

import typer

from pipeline.cli.app import app, setup_logging
from pipeline.cli.common import (
    CONFIG_HELP,
    INPUTS_HELP,
    check_out_or_exit,
    emit_record,
    load_config_or_exit,
    pipeline_or_exit,
    run_over_inputs,
)
from pipeline.records import CleanArticle, InputRef


class Script(StrEnum):
    simplified = "simplified"
    keep = "keep"


def as_text(article: CleanArticle) -> str:
    """The cleaned article for reading: title, metadata lines, a blank line, the paragraphs."""
    meta = article.metadata
    lines = [f"# {meta.title_zh}"]
    fields = (("date", meta.date), ("publisher", meta.publisher_zh), ("authors", "、".join(meta.authors)),
              ("editor", meta.editor), ("script", article.source.script), ("encoding", article.source.encoding))
    lines += [f"{name}: {value}" for name, value in fields if value]
    return "\n".join(lines) + "\n\n" + "\n\n".join(article.paragraphs_zh) + "\n\n"


@app.command("clean")
def clean_command(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON object per input instead of text."),
    out: Path | None = typer.Option(None, "--out", help="Write DIR/<id>.json per input instead of printing."),
    script: Script | None = typer.Option(
        None, "--script", help="simplified: convert Traditional to Simplified (default); keep: leave the script."
    ),
    config: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Log progress."),
) -> None:
    """Read articles, strip page furniture, pinyin, garbled text and repeats, normalise script and
    punctuation, and pull out title, date, publisher, authors and editor.

    Warnings (garbled text dropped, repeats dropped) go to stderr as `warning: <id>: ...` and into
    the record's `warnings`. A bad input is reported as `error: <input>: <reason>` and the others go on;
    the exit code is 1 if any input failed."""
    setup_logging(verbose)
    check_out_or_exit(out)
    pipeline = pipeline_or_exit(load_config_or_exit(config, {"clean": {"script": script.value}} if script else None))

    def on_result(ref: InputRef, article: CleanArticle) -> None:
        for warning in article.warnings:
            print(f"warning: {article.id}: {warning}", file=sys.stderr)
        emit_record(article.id, article.to_dict(), as_text(article), json_output, out)

    report = run_over_inputs(inputs, pipeline.clean, on_result, pipeline)
    report.print_failures()
    raise typer.Exit(report.exit_code)
