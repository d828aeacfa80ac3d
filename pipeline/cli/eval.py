"""`digest eval translate|summarise`: measure the configured models on this machine; wiring only."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import typer
from rich.console import Console
from rich.table import Table

from pipeline.cli.app import app, setup_logging
from pipeline.cli.common import CONFIG_HELP, exit_usage, load_config_or_exit, pipeline_or_exit
from pipeline.cli.config import SET_HELP, overrides_or_exit
from pipeline.config import merge_overrides
from pipeline.errors import DigestError
from pipeline.evaluate import require_eval_extra

eval_app = typer.Typer(
    help="Measure the models on your own machine: translation (BLEU, chrF, figures and names kept) and summaries (character ROUGE).",
    no_args_is_help=True,
)
app.add_typer(eval_app, name="eval")

_SET_OPTION = typer.Option([], "--set", help=SET_HELP, metavar="SECTION.KEY=VALUE")
_CONFIG_OPTION = typer.Option(None, "--config", help=CONFIG_HELP, dir_okay=False)
_JSON_OPTION = typer.Option(False, "--json", help="Print the report as JSON instead of a table.")


def _require_extra() -> None:
    try:
        require_eval_extra()
    except DigestError as error:
        exit_usage(error)


def _print_table(title: str, reports: list[dict[str, Any]], columns: str) -> None:
    table = Table(title=title)
    table.add_column("measure")
    for report in reports:
        table.add_column(str(report[columns]), overflow="fold")
    for key in reports[0]:
        if key != columns:
            table.add_row(key, *(str(report[key]) for report in reports))
    Console().print(table)


@eval_app.command("translate")
def translate_command(
    testset: str | None = typer.Option(
        None, "--testset", help="A zh-en test set sacrebleu knows (wmt17 ... wmt23, iwslt17); sacrebleu downloads it, so it needs internet once."
    ),
    source: Path | None = typer.Option(None, "--source", help="Chinese sentences, one per line (UTF-8).", dir_okay=False),
    reference: Path | None = typer.Option(None, "--reference", help="Their English references, line by line.", dir_okay=False),
    translators: list[str] = typer.Option(
        [], "--translator", help="A translation model id or folder; repeat to compare several side by side (default: the configured one)."
    ),
    json_output: bool = _JSON_OPTION,
    config_file: Path | None = _CONFIG_OPTION,
    assignments: list[str] = _SET_OPTION,
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Log progress."),
) -> None:
    """Translate a test set through the pipeline's translation stage (placeholders, glossary,
    verifier) and report BLEU and chrF (sacrebleu, with their signatures), the number-error rate
    (sentences whose source figures do not all come through exactly, or with a number the source
    does not have), names kept, placeholder repairs and sentences per second.

    Exit codes: 0 measured; 2 usage error, unreadable test set, or a translator not on this machine."""
    setup_logging(verbose)
    from pipeline.evaluate.translation import evaluate_translation, load_testset, read_lines

    _require_extra()
    if (testset is None) == (source is None) or (source is None) != (reference is None):
        exit_usage(DigestError("give either --testset NAME or both --source FILE and --reference FILE"))
    overrides = overrides_or_exit(assignments)
    reports = []
    try:
        sources, references = load_testset(testset) if testset else (read_lines(str(source)), read_lines(str(reference)))
        models: list[str | None] = [*translators] or [None]  # None: the configured translator
        for model in models:
            chosen = merge_overrides({"translator": {"model": model}}, overrides) if model else overrides
            # A translator that is missing is the error itself, not a warning before it.
            pipeline = pipeline_or_exit(load_config_or_exit(config_file, chosen), warn=False)
            reports.append(evaluate_translation(pipeline, sources, references).to_dict())
    except DigestError as error:
        exit_usage(error)
    if json_output:
        typer.echo(json.dumps(reports, ensure_ascii=False, indent=2))
    else:
        _print_table(f"translation: {len(sources)} sentences", reports, "translator")


@eval_app.command("summarise")
def summarise_command(
    data: Path = typer.Option(..., "--data", help='JSON lines, each {"article": Chinese text, "reference": a reference summary}.', dir_okay=False),
    json_output: bool = _JSON_OPTION,
    config_file: Path | None = _CONFIG_OPTION,
    assignments: list[str] = _SET_OPTION,
    verbose: bool = typer.Option(False, "-v", "--verbose", help="Log progress."),
) -> None:
    """Summarise each article with the configured summariser (cleaned as `digest run` does) and
    report character-level ROUGE-1, ROUGE-2 and ROUGE-L F1 against the references, the share of
    summaries stating a number the article does not have, and articles per second.

    Exit codes: 0 measured; 2 usage error or unreadable data file."""
    setup_logging(verbose)
    from pipeline.evaluate.summaries import evaluate_summaries, read_pairs

    _require_extra()
    pipeline = pipeline_or_exit(load_config_or_exit(config_file, overrides_or_exit(assignments)))
    try:
        report = evaluate_summaries(pipeline, read_pairs(data)).to_dict()
    except DigestError as error:
        exit_usage(error)
    if json_output:
        typer.echo(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        _print_table(f"summaries: {report['articles']} articles", [report], "summariser")
