"""The `digest` console script. It imports the commands only once it can catch Ctrl-C: pressed
while they are still being imported (the first fraction of a second), it would otherwise end in
a traceback."""

from __future__ import annotations

import contextlib
import signal
import sys
from types import FrameType

from pipeline.errors import Interrupted

# 128 + SIGINT, as shells report it.
INTERRUPTED_EXIT = 130


def _interrupt_once(signum: int, _frame: FrameType | None) -> None:
    """Ctrl-C stops the command, once: the repeats of a held key would otherwise interrupt the exit
    itself (a library's clean-up at exit, in a traceback)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    raise Interrupted(signum)


def main() -> None:
    # An ignored SIGINT (a job started in the background by a shell script) stays ignored.
    if signal.getsignal(signal.SIGINT) is not signal.SIG_IGN:
        signal.signal(signal.SIGINT, _interrupt_once)
    try:
        from pipeline.cli import main as run_command

        run_command()
    except (KeyboardInterrupt, Interrupted):
        signal.signal(signal.SIGINT, signal.SIG_IGN)
        with contextlib.suppress(OSError):
            print("SIGINT: interrupted", file=sys.stderr)
        sys.exit(INTERRUPTED_EXIT)
