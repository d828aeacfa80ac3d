"""Pieces shared by the commands that take inputs: options, input expansion, one record per input."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from pipeline.batch import EXIT_USAGE
from pipeline.config import load_config
from pipeline.errors import ConfigError
from pipeline.outputs import dump_json, write_json_atomic

INPUTS_HELP = "Files, folders (searched recursively), glob patterns, or - for stdin. Reads .txt, .md, .html, .htm."
CONFIG_HELP = "Settings file (default: ./digest.toml when present, else the built-in defaults)."


def load_config_or_exit(config_file: Path | None, overrides: dict | None = None) -> dict:
    try:
        return load_config(config_file, overrides)
    except ConfigError as error:
        print(f"error: {error}", file=sys.stderr)
        raise typer.Exit(EXIT_USAGE) from None


def emit_record(record_id: str, record: dict, as_text: str, json_output: bool, out_dir: Path | None) -> None:
    """With ``out_dir``, write ``<id>.json`` there; else print JSON (``json_output``) or the text form."""
    if out_dir is not None:
        write_json_atomic(out_dir / f"{record_id}.json", record)
    elif json_output:
        sys.stdout.write(dump_json(record))
    else:
        sys.stdout.write(as_text)
    sys.stdout.flush()
