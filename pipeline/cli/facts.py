"""`digest facts`: the figures and programmes of articles, as text or one JSON record per article."""

from __future__ import annotations

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
from pipeline.records import Article, Facts, InputRef


class FigureChoice(StrEnum):
    key = "key"
    all = "all"


@app.command("facts")
def facts_command(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    json_output: bool = typer.Option(False, "--json", help="Print one JSON object per input instead of text."),
    figures: FigureChoice = typer.Option(
        FigureChoice.key, "--figures", help="key: the ranked key figures (facts.key_figures of them); all: every figure."
    ),
    out: Path | None = typer.Option(None, "--out", help="Write DIR/<id>.json per input instead of printing."),
    config: Path | None = typer.Option(None, "--config", help=CONFIG_HELP),
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Log progress."),
) -> None:
    """List the figures (exact value, unit, qualifier, English wording, source sentence) and the
    named programmes of each article.

    A bad input is reported as `error: <input>: <reason>` and the others go on.
    Exit codes: 0 all inputs succeeded; 1 some failed; 2 usage or configuration error."""
    setup_logging(verbose)
    check_out_or_exit(out)
    from pipeline.facts.listing import facts_as_text  # the facts stage loads only for this command

    pipeline = pipeline_or_exit(load_config_or_exit(config))
    all_figures = figures is FigureChoice.all

    def step(article: Article) -> Facts:
        return pipeline.facts(pipeline.clean(article))

    def on_result(ref: InputRef, facts: Facts) -> None:
        emit_record(facts.id, facts.to_dict(all_figures), facts_as_text(facts, all_figures), json_output, out)

    report = run_over_inputs(inputs, step, on_result, pipeline)
    report.print_failures()
    raise typer.Exit(report.exit_code)
