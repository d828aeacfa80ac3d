"""Writing outputs so that an interrupted run never leaves a half-written file."""

from __future__ import annotations

import contextlib
import fcntl
import json
import os
import re
import tempfile
from collections.abc import Iterator
from pathlib import Path

from pipeline.errors import OutputError

TEMPORARY_SUFFIX = ".tmp"
# A temporary file is named by its writer's process id, not by the file it becomes: a name near the
# file system's 255-byte limit would not fit twice, and a writer's death can be told from its name.
_TEMPORARY_NAME = re.compile(r"\.(\d+)-\w+\.tmp")
# Earlier versions named a temporary file after its target (.briefing.md.k2j4h5g6.tmp), not its writer;
# they wrote views only under the views lock, so one found under that lock was left by a killed writer.
_OLD_TEMPORARY_NAME = re.compile(r"\..+\.\w{8}\.tmp")


@contextlib.contextmanager
def exclusive_lock(path: Path) -> Iterator[None]:
    """Held by one process at a time (an advisory lock on ``path``, created when missing)."""
    with path.open("a") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def check_writable_folder(folder: Path) -> None:
    """Create ``folder`` when missing and make sure a file can be written in it, before any input is
    read: OutputError, in one line, when it is a file, cannot be created or is read-only."""
    if folder.exists() and not folder.is_dir():
        raise OutputError(f"{folder}: the output folder is a file")
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tempfile.TemporaryFile(dir=folder):
            pass
    except OSError as error:
        raise OutputError(f"{folder}: cannot write to the output folder ({error.strerror or error})") from None


def _current_umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


def _temporary_file(folder: Path) -> tuple[int, str]:
    return tempfile.mkstemp(prefix=f".{os.getpid()}-", suffix=TEMPORARY_SUFFIX, dir=folder)


def probe_writable(folder: Path) -> None:
    """OSError unless a file can be created (and removed) in ``folder``; permission bits alone do
    not say (root, read-only mounts, access lists)."""
    fd, name = _temporary_file(folder)
    os.close(fd)
    os.unlink(name)


def write_text_atomic(path: Path, text: str) -> None:
    """Write to a temporary file in the same folder, then rename over ``path``.
    The rename is atomic on POSIX, so readers see the old file or the new one, never a part."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp_name = _temporary_file(path.parent)
    try:
        # mkstemp creates the file private (0600); outputs are ordinary files, readable as the umask allows.
        os.chmod(tmp_name, 0o666 & ~_current_umask())
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp_name, path)
    except BaseException:
        Path(tmp_name).unlink(missing_ok=True)
        raise


def _is_running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's process
        return True
    return True


def stale_temporary_files(folder: Path) -> list[Path]:
    """Temporary files in ``folder`` whose writer is gone (killed before its rename); asked under the
    views lock, which every writer of views holds."""
    stale = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return []
    for entry in entries:
        current = _TEMPORARY_NAME.fullmatch(entry.name)
        if current is not None:
            if not _is_running(int(current.group(1))):
                stale.append(Path(entry.path))
            continue
        if _OLD_TEMPORARY_NAME.fullmatch(entry.name):
            stale.append(Path(entry.path))
    return stale


def dump_json(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False, indent=2) + "\n"


def write_json_atomic(path: Path, record: dict) -> None:
    write_text_atomic(path, dump_json(record))
