"""The `digest` command. Each command lives in its own module and only wires stages together."""

import contextlib
import inspect
import sys

from pipeline.batch import EXIT_SOME_FAILED
from pipeline.cli import brief, clean, config, eval, facts, models, run, stories  # noqa: F401 - registers the commands
from pipeline.cli.app import app


def _reflow(text: str | None) -> str | None:
    """Join the hard-wrapped lines of each paragraph: help texts are wrapped in the source for
    reading there, and rich's help formatter would keep those line breaks on screen."""
    if not text:
        return text
    return "\n\n".join(" ".join(paragraph.split()) for paragraph in inspect.cleandoc(text).split("\n\n"))


def _reflow_all_help() -> None:
    app.info.help = _reflow(app.info.help)
    for command in app.registered_commands:
        command.help = _reflow(command.help or inspect.getdoc(command.callback))
    for group in app.registered_groups:
        if group.typer_instance is None:
            continue
        group.typer_instance.info.help = _reflow(group.typer_instance.info.help)
        for command in group.typer_instance.registered_commands:
            command.help = _reflow(command.help or inspect.getdoc(command.callback))


_reflow_all_help()


def main() -> None:
    """The `digest` command. Whatever goes wrong, the user sees one line, never a traceback."""
    try:
        app()
    except Exception as error:
        # stderr itself may be gone (a closed pipe, a hung-up terminal): then the exit code is all that is left.
        with contextlib.suppress(OSError):
            print(f"error: internal error ({type(error).__name__}: {error})".splitlines()[0], file=sys.stderr)
        sys.exit(EXIT_SOME_FAILED)
