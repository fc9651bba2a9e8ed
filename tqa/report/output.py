"""Atomic output: write to a temporary file beside the target, then rename over it."""

from __future__ import annotations

import contextlib
import os
import signal
import stat
import sys
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TextIO

from tqa.errors import TqaError


@contextlib.contextmanager
def atomic_text_writer(path: Path) -> Iterator[TextIO]:
    """Yield a text stream; on success the file at ``path`` is replaced in one step.

    On any error (including Ctrl-C) the temporary file is removed and ``path`` is untouched.
    The file gets the permissions of the one it replaces, or those a new file gets under the
    umask (``mkstemp`` alone would leave it readable by its owner only).
    """
    directory = path.parent if str(path.parent) else Path(".")
    if not directory.is_dir():
        raise TqaError(f"{path}: the output directory {directory} does not exist")
    # Block SIGINT/SIGTERM while the temporary file is created and recorded, so that an
    # interruption always finds it known and removes it.
    signals = {signal.SIGINT, signal.SIGTERM}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, signals)
    tmp: Path | None = None
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
        tmp = Path(tmp_name)
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        os.fchmod(fd, _mode_for(path))
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
        if tmp is not None:
            with contextlib.suppress(FileNotFoundError):
                tmp.unlink()
        raise


def _mode_for(path: Path) -> int:
    """Permission bits for a file written to ``path``: those of the file there, else
    read-write for everyone the umask allows."""
    try:
        return stat.S_IMODE(path.stat().st_mode)
    except OSError:
        mask = os.umask(0)
        os.umask(mask)
        return 0o666 & ~mask


def write_output(path: Path | None, write: Callable[[TextIO], None]) -> None:
    """Run ``write`` on the file at ``path`` (atomically), or on stdout without a path."""
    if path is not None:
        with atomic_text_writer(path) as stream:
            write(stream)
    else:
        write(sys.stdout)
        sys.stdout.flush()
