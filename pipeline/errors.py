"""Errors a user can act on. Anything raised as one of these is reported as one line, never a traceback."""

# How much of a value an error message quotes: enough to recognise it, never a screenful.
QUOTED_CHARS = 60


def shortened(text: str, shown: str | None = None) -> str:
    """``text`` as an error message shows it (``shown``, e.g. its repr, else itself): whole when
    short, else its start and the length of ``text``."""
    shown = text if shown is None else shown
    return shown if len(shown) <= QUOTED_CHARS else f"{shown[:QUOTED_CHARS]}… ({len(text)} characters)"


def quoted(value: object) -> str:
    """``value`` as an error message quotes it (its repr), shortened when long."""
    return shortened(value, repr(value)) if isinstance(value, str) else shortened(repr(value))


class DigestError(Exception):
    """Base class for errors reported to the user as a single line."""


class InputError(DigestError):
    """One input file cannot be processed (empty, binary, no Chinese, too large, missing...).
    A batch reports it and goes on with the other inputs."""


class ConfigError(DigestError):
    """The configuration or the command line is wrong; the command stops with exit code 2."""


class ModelUnavailableError(DigestError):
    """A configured model is not on this machine and cannot be downloaded."""


class OutputError(DigestError):
    """The output folder, the store or a view cannot be written (read-only folder, full disk...).
    Found before any input is read it is a usage error; found mid-run it stops the batch."""


class Interrupted(BaseException):
    """SIGINT, SIGTERM or SIGHUP arrived. Not a KeyboardInterrupt: typer would turn that into a
    silent exit, and the user must hear what stopped."""

    def __init__(self, signum: int):
        super().__init__(signum)
        self.signum = signum
