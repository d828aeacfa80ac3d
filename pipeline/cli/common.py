"""Pieces shared by the commands: options, loading settings, one record per input."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import typer

from pipeline.batch import EXIT_USAGE, BatchReport, run_each
from pipeline.config import load_config
from pipeline.core import Pipeline
from pipeline.errors import DigestError, OutputError
from pipeline.ingest import expand_inputs
from pipeline.outputs import check_writable_folder, dump_json, write_json_atomic
from pipeline.records import Article, InputRef
from pipeline.settings import Settings

INPUTS_HELP = "Files, folders (searched recursively), glob patterns, or - for stdin. Reads .txt, .md, .html, .htm."
CONFIG_HELP = "Settings file (default: ./digest.toml when present, else the built-in defaults)."

Result = TypeVar("Result")


def exit_usage(error: DigestError) -> NoReturn:
    print(f"error: {error}", file=sys.stderr)
    raise typer.Exit(EXIT_USAGE)


BY_HELP = "Organise the briefing, newsletter, index and feeds by 'story' (the default) or list every 'article' (output.group)."


def load_config_or_exit(config_file: Path | None, overrides: dict[str, Any] | None = None) -> Settings:
    try:
        return load_config(config_file, overrides)
    except DigestError as error:
        exit_usage(error)


def pipeline_or_exit(settings: Settings, warn: bool = True) -> Pipeline:
    """The pipeline of ``settings``; with ``warn``, its notices (a model replaced by its fallback) go to stderr."""
    try:
        return Pipeline(settings, notify=(lambda message: print(f"warning: {message}", file=sys.stderr)) if warn else (lambda message: None))
    except DigestError as error:
        exit_usage(error)


def check_out_or_exit(out_dir: Path | None) -> None:
    """--out, checked before any input is read: a problem there is a usage error, not an input's."""
    if out_dir is not None:
        try:
            check_writable_folder(out_dir)
        except OutputError as error:
            exit_usage(error)


def run_over_inputs(
    inputs: list[str], step: Callable[[Article], Result], on_result: Callable[[InputRef, Result], None], pipeline: Pipeline
) -> BatchReport:
    """Read each input with the pipeline and apply ``step``; bad inputs are reported and skipped."""
    return run_each(expand_inputs(inputs), lambda ref: step(pipeline.read(ref)), on_result)


def emit_record(record_id: str, record: dict, as_text: str, json_output: bool, out_dir: Path | None) -> None:
    """With ``out_dir``, write ``<id>.json`` there; else print JSON (``json_output``) or the text form.
    OutputError when it cannot be written (a full disk, a closed pipe)."""
    if out_dir is not None:
        try:
            write_json_atomic(out_dir / f"{record_id}.json", record)
        except OSError as error:
            raise OutputError(f"{out_dir}: cannot write {record_id}.json ({error.strerror or error})") from None
        return
    try:
        sys.stdout.write(dump_json(record) if json_output else as_text)
        sys.stdout.flush()
    except OSError as error:
        # What is still buffered would fail again when the interpreter flushes stdout at exit.
        with contextlib.suppress(OSError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise OutputError(f"cannot write to standard output ({error.strerror or error})") from None
    except UnicodeEncodeError as error:
        raise OutputError(
            f"cannot write to standard output: its encoding, {error.encoding}, cannot show Chinese (set PYTHONIOENCODING=utf-8, or use --out DIR)"
        ) from None
