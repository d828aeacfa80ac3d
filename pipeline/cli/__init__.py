"""The `digest` command. Each command lives in its own module and only wires stages together."""

from pipeline.cli import clean, config, facts, models, run  # noqa: F401 - registers the commands
from pipeline.cli.app import app


def main() -> None:
    app()
