"""The `digest` console script. It imports the commands only once it can catch Ctrl-C: pressed
while they are still being imported (the first fraction of a second), it would otherwise end in
a traceback."""

from __future__ import annotations

import contextlib
import sys

# 128 + SIGINT, as shells report it.
INTERRUPTED_EXIT = 130


def main() -> None:
    try:
        from pipeline.cli import main as run_command

        run_command()
    except KeyboardInterrupt:
        with contextlib.suppress(OSError):
            print("SIGINT: interrupted", file=sys.stderr)
        sys.exit(INTERRUPTED_EXIT)
