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
