"""The CLI boundary: library errors become a one-line message and an exit code here."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import time
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import typer

from tqa.errors import InputError, TqaError

EXIT_OK = 0
EXIT_FINDINGS = 1
EXIT_ERROR = 2
EXIT_INTERNAL = 3
EXIT_INTERRUPTED = 130
EXIT_TERMINATED = 143


def glossary_files(paths: Iterable[Path]) -> tuple[Path, ...]:
    """The ``--glossary`` files of a command, each checked to exist before any work starts."""
    found = tuple(paths)
    for path in found:
        if not path.is_file():
            raise InputError(str(path), "glossary file not found")
    return found


def error(message: str) -> None:
    typer.echo(f"tqa: error: {message}", err=True)


def notice(message: str) -> None:
    typer.echo(f"tqa: {message}", err=True)


class Terminated(BaseException):
    """SIGTERM, raised like Ctrl-C so that atomic writers clean up on the way out."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise Terminated()


@contextlib.contextmanager
def cli_errors() -> Iterator[None]:
    """Turn ``TqaError`` into exit 2, Ctrl-C into 130 and SIGTERM into 143, without a
    traceback. Outputs being written are abandoned and the previous file stays."""
    with contextlib.suppress(ValueError):  # not in the main thread: leave signals alone
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        yield
    except TqaError as exc:
        error(str(exc))
        raise typer.Exit(exc.exit_code) from None
    except KeyboardInterrupt:
        typer.echo("tqa: interrupted", err=True)
        raise typer.Exit(EXIT_INTERRUPTED) from None
    except Terminated:
        typer.echo("tqa: terminated", err=True)
        raise typer.Exit(EXIT_TERMINATED) from None
    except BrokenPipeError:
        # the reader of our output went away (| head): not an error of ours
        with contextlib.suppress(OSError):
            sys.stderr.close()
        raise typer.Exit(EXIT_OK) from None
    except (OSError, MemoryError) as exc:
        if os.environ.get("TQA_DEBUG"):
            raise
        error(f"{type(exc).__name__}: {exc}")
        raise typer.Exit(EXIT_ERROR) from None
    except Exception as exc:
        # an interruption can surface as another error raised while cleaning up after it
        # (a worker pool shutting down mid-start); it is still an interruption
        cause = _interruption(exc)
        if cause is None:
            raise
        typer.echo(
            "tqa: interrupted" if isinstance(cause, KeyboardInterrupt) else "tqa: terminated",
            err=True,
        )
        code = EXIT_INTERRUPTED if isinstance(cause, KeyboardInterrupt) else EXIT_TERMINATED
        raise typer.Exit(code) from None


def _interruption(exc: BaseException) -> BaseException | None:
    """The Ctrl-C or SIGTERM in an exception's context chain, if any."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, (KeyboardInterrupt, Terminated)):
            return current
        seen.add(id(current))
        current = current.__context__
    return None


class Progress:
    """A progress line on stderr for runs longer than a couple of seconds (rich).

    Off when stderr is not a terminal or with ``--quiet``; starts only after ``delay``
    seconds, so that short runs print nothing.
    """

    def __init__(self, enabled: bool, delay: float = 2.0) -> None:
        self.enabled = enabled
        self.delay = delay
        self.count = 0
        self.started = time.monotonic()
        self._bar: Any = None
        self._task: Any = None

    def advance(self) -> None:
        self.count += 1
        if not self.enabled or self.count % 64:
            return
        if self._bar is None:
            if time.monotonic() - self.started < self.delay:
                return
            from rich.console import Console
            from rich.progress import (
                MofNCompleteColumn,
                SpinnerColumn,
                TextColumn,
                TimeElapsedColumn,
            )
            from rich.progress import Progress as RichProgress

            self._bar = RichProgress(
                SpinnerColumn(),
                TextColumn("checking"),
                MofNCompleteColumn(),
                TextColumn("segments"),
                TimeElapsedColumn(),
                console=Console(stderr=True),
                transient=True,
            )
            self._bar.start()
            self._task = self._bar.add_task("check", total=None)
        self._bar.update(self._task, completed=self.count)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.stop()
            self._bar = None
