"""Errors a user can act on. Anything raised as one of these is reported as one line, never a traceback."""


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
