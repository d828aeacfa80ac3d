"""Running one step over many inputs: a bad input is reported in one line and the batch goes on."""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from pipeline.errors import DigestError, OutputError
from pipeline.records import InputRef

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_SOME_FAILED = 1
EXIT_USAGE = 2

Result = TypeVar("Result")


@dataclass
class BatchReport:
    succeeded: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (input, reason)
    stopped_by: str | None = None  # an output that cannot be written: later inputs would fail the same way

    @property
    def exit_code(self) -> int:
        return EXIT_SOME_FAILED if self.failed or self.stopped_by else EXIT_OK

    def print_failures(self) -> None:
        if self.failed:
            print(f"{len(self.failed)} of {len(self.failed) + len(self.succeeded)} inputs failed:", file=sys.stderr)
            for name, reason in self.failed:
                print(f"  {name}: {reason}", file=sys.stderr)
        if self.stopped_by:
            done = len(self.succeeded) + len(self.failed)
            print(f"error: {self.stopped_by}; stopped after {done} input{'' if done == 1 else 's'}", file=sys.stderr)


def failure_reason(error: Exception) -> str:
    """One line saying why an input failed; unexpected errors keep their type for bug reports."""
    if isinstance(error, DigestError):
        return str(error)
    return f"internal error ({type(error).__name__}: {error})"


def run_each(
    refs: Iterable[InputRef],
    step: Callable[[InputRef], Result],
    on_result: Callable[[InputRef, Result], None],
    report: BatchReport | None = None,
) -> BatchReport:
    """Apply ``step`` to every input and hand each result to ``on_result``. A failure of one input
    prints ``error: <input>: <reason>`` at once and the batch goes on; an OutputError (the result
    cannot be written) is no input's fault and stops the batch. KeyboardInterrupt is not caught."""
    report = report if report is not None else BatchReport()
    for ref in refs:
        try:
            on_result(ref, step(ref))
        except OutputError as error:
            report.stopped_by = str(error)
            break
        except Exception as error:
            reason = failure_reason(error)
            log.debug("failure on %s", ref.display, exc_info=True)
            print(f"error: {ref.display}: {reason}", file=sys.stderr)
            report.failed.append((ref.display, reason))
        else:
            report.succeeded.append(ref.display)
    return report
