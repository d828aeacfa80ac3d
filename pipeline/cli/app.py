"""The typer application every command module registers on."""

from __future__ import annotations

import logging
import warnings

import typer

HELP = """Turn scraped Chinese news articles (.txt, .md, .html; UTF-8, GBK/GB18030, Big5, UTF-16;
Simplified or Traditional) into English digests and a newsletter briefing.

Exit codes: 0 all inputs succeeded; 1 some inputs failed (each is named, with the reason);
2 usage or configuration error.
"""

app = typer.Typer(help=HELP, no_args_is_help=True, add_completion=False, pretty_exceptions_enable=False)


# Libraries whose warnings are about their own internals ("discarding data: None" from trafilatura
# on a page without a body), not about the input: the input's failure is reported once, by digest.
_QUIET_LIBRARIES = ("trafilatura", "htmldate", "courlan", "charset_normalizer")


def setup_logging(verbose: bool) -> None:
    logging.basicConfig(
        level=logging.INFO if verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s" if verbose else "%(levelname)s: %(message)s",
    )
    # Python's warnings come from the libraries too (an unclosed file in jieba, an optional package
    # transformers recommends): logged like their other chatter, never raised, even when the
    # environment turns warnings into errors (PYTHONWARNINGS=error), which would fail every input.
    warnings.simplefilter("default")
    logging.captureWarnings(True)
    if not verbose:
        for name in (*_QUIET_LIBRARIES, "py.warnings"):
            logging.getLogger(name).setLevel(logging.ERROR)
