"""`digest run`: flags -> config overrides -> pipeline.runner; the outcome -> messages and exit code."""

from __future__ import annotations

import signal
import sys
from pathlib import Path
from typing import Any

import typer

from pipeline.batch import EXIT_SOME_FAILED
from pipeline.cli.app import app, setup_logging
from pipeline.cli.common import BY_HELP, CONFIG_HELP, INPUTS_HELP, exit_usage, load_config_or_exit
from pipeline.cli.config import SET_HELP, overrides_or_exit
from pipeline.config import merge_overrides
from pipeline.errors import ConfigError, OutputError
from pipeline.registry import ENGINES, OUTPUT_FORMATS, SUMMARISERS
from pipeline.runner import SIGNAL_EXIT_CODES, run_batch

RUN_HELP = """Digest articles into DIR. Every record is kept in DIR/digest.sqlite (the store), and
every view is rebuilt from the whole store after each run: articles/<id>.md and .json per article,
briefing.md (newest first) and digests.jsonl. A failed, interrupted or concurrent run can only add
to the store. Unchanged inputs with unchanged settings are served from the store without loading
any model; --force redoes them. `digest brief` rebuilds the views alone; `digest runs` lists the runs.

A model that is not on this machine is reported once and replaced: the extractive summary for the
summariser, no English for the translator (the records say what is untranslated and why).

Exit codes: 0 every input digested; 1 some inputs failed (listed at the end with the reason), or
the outputs could not be written mid-run; 2 usage or configuration error; 130 interrupted (Ctrl-C),
143 terminated (SIGTERM) or 129 hung up (SIGHUP), after rebuilding the views from the store.
"""


def _flag_overrides(
    out: Path | None,
    summariser: str | None,
    translator: str | None,
    figures: str | None,
    glossary: Path | None,
    script: str | None,
    formats: str | None,
    models_dir: Path | None,
    num_beams: int | None,
    by: str | None = None,
    engine: dict[str, Any] | None = None,
) -> dict[str, Any]:
    """The config overrides the dedicated flags stand for."""
    overrides: dict[str, Any] = {}

    def put(section: str, key: str, value: Any) -> None:
        overrides.setdefault(section, {})[key] = value

    if out is not None:
        put("output", "dir", str(out))
    if summariser in SUMMARISERS:
        put("summariser", "kind", summariser)
    elif summariser is not None:
        put("summariser", "model", summariser)
    if translator is not None:
        put("translator", "model", translator)
    if figures is not None:
        put("facts", "key_figures", figures if figures == "all" else _whole_number("--figures", figures))
    if glossary is not None:
        put("glossary", "path", str(glossary))
    if script is not None:
        put("clean", "script", script)
    if by is not None:
        put("output", "group", by)
    if formats is not None:
        put("output", "formats", [name.strip() for name in formats.split(",") if name.strip()])
    if models_dir is not None:
        put("models", "dir", str(models_dir))
    if num_beams is not None:
        for section in ("summariser", "translator"):
            merge_overrides(overrides, {section: {"generation": {"num_beams": num_beams}}})
    for key, value in (engine or {}).items():
        if value is not None:
            put("engine", key, value)
    return overrides


def _whole_number(flag: str, text: str) -> int:
    if not text.isdigit():
        raise typer.BadParameter(f"expected a whole number or 'all', not {text!r}", param_hint=flag)
    return int(text)


@app.command("run", help=RUN_HELP)
def run_command(
    inputs: list[str] = typer.Argument(..., help=INPUTS_HELP, show_default=False),
    out: Path | None = typer.Option(
        None, "--out", help="Output folder (default: config output.dir, out/ in the working directory).", file_okay=False
    ),
    config_file: Path | None = typer.Option(None, "--config", help=CONFIG_HELP, dir_okay=False),
    summariser: str | None = typer.Option(
        None,
        "--summariser",
        help=f"A summariser kind ({', '.join(SUMMARISERS)}; 'extractive' needs no model), or a model id or folder.",
    ),
    translator: str | None = typer.Option(None, "--translator", help="Translation model id or folder."),
    figures: str | None = typer.Option(None, "--figures", help="Key figures per digest: a number, or 'all'.", metavar="N|all"),
    glossary: Path | None = typer.Option(None, "--glossary", help="Extra glossary (TSV: Chinese, English, note); its entries win.", dir_okay=False),
    script: str | None = typer.Option(None, "--script", help="'simplified' (convert Traditional) or 'keep'.", metavar="simplified|keep"),
    formats: str | None = typer.Option(
        None, "--formats", help=f"Output formats, comma-separated, from: {', '.join(OUTPUT_FORMATS)}.", metavar="FORMAT,..."
    ),
    models_dir: Path | None = typer.Option(None, "--models-dir", help="Folder `digest models pull` fills and the stages search.", file_okay=False),
    num_beams: int | None = typer.Option(None, "--num-beams", help="Beam width of both summariser and translator.", min=1),
    by: str | None = typer.Option(None, "--by", help=BY_HELP, metavar="story|article"),
    engine: str | None = typer.Option(
        None, "--engine", help=f"Where articles are digested: {', '.join(ENGINES)} (docs/cluster.md).", metavar="|".join(ENGINES)
    ),
    ray_address: str | None = typer.Option(
        None, "--ray-address", help="The Ray cluster to use: 'auto', HOST:PORT or ray://HOST:PORT (default: start Ray on this machine)."
    ),
    workers: int | None = typer.Option(None, "--workers", help="Ray actors, each loading the models once (0: fill the cluster).", min=0),
    cpus_per_worker: int | None = typer.Option(None, "--cpus-per-worker", help="CPUs (and model threads) of each Ray actor.", min=1),
    assignments: list[str] = typer.Option([], "--set", help=SET_HELP, metavar="SECTION.KEY=VALUE"),
    force: bool = typer.Option(False, "--force", help="Ignore earlier results; redo every input."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress bar and no closing summary."),
    verbose: bool = typer.Option(False, "--verbose", "-v", help="Log each stage of each input with its timing (instead of the progress bar)."),
) -> None:
    setup_logging(verbose)
    engine_flags = {"kind": engine, "address": ray_address, "workers": workers, "cpus_per_worker": cpus_per_worker}
    flags = _flag_overrides(out, summariser, translator, figures, glossary, script, formats, models_dir, num_beams, by, engine_flags)
    settings = load_config_or_exit(config_file, overrides_or_exit(assignments, flags))

    # print to sys.stderr, not typer.echo: while the progress bar shows, rich stands in for sys.stderr
    # and prints each line above the bar, where click's echo would write past it, glued to the bar.
    def say(line: str) -> None:
        print(line, file=sys.stderr)

    notify = (lambda message: None) if quiet else (lambda message: say(f"warning: {message}"))
    try:
        result = run_batch(
            inputs,
            settings,
            force=force,
            progress=not (quiet or verbose),
            notify=notify,
            report_failure=lambda name, reason: say(f"error: {name}: {reason}"),
        )
    except (ConfigError, OutputError) as error:
        exit_usage(error)
    result.report.print_failures()
    out_dir = settings.output.dir
    if result.stopped_by:
        typer.echo(f"error: stopped: {result.stopped_by}; the store keeps what was finished, run again to complete", err=True)
    if result.interrupted_by is not None:
        name = signal.Signals(result.interrupted_by).name
        typer.echo(
            f"{name}: stopped after {result.finished} of {result.total} inputs; "
            + (f"views of {result.in_views} articles rebuilt from the store in {out_dir}" if result.in_views is not None else result.views_note),
            err=True,
        )
        raise typer.Exit(SIGNAL_EXIT_CODES[signal.Signals(result.interrupted_by)])
    if not quiet:
        typer.echo(
            f"{result.digested + result.from_store} of {result.total} inputs digested into {out_dir}"
            f" ({result.from_store} unchanged, from the store"
            + (f"; {result.copies} served as copies of an identical article, without model work" if result.copies else "")
            + f"); {result.stories_touched} stor{'y' if result.stories_touched == 1 else 'ies'} touched; {result.views_note}"
            + (f"; {result.skipped_views} files that digest wrote were not read as inputs" if result.skipped_views else ""),
            err=True,
        )
    raise typer.Exit(EXIT_SOME_FAILED if result.stopped_by else result.report.exit_code)
