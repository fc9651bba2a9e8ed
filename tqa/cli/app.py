"""The ``tqa`` command: one Typer app, one module per command group."""

from __future__ import annotations

import os
import sys

import typer

from tqa import __version__
from tqa.cli import align, check, checks_cmd, glossary, models, score
from tqa.cli.common import EXIT_INTERNAL

app = typer.Typer(
    name="tqa",
    help="Translation QA: numbers, terminology, fluency, language and format checks, offline.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(value: bool) -> None:
    if value:
        typer.echo(f"tqa {__version__}")
        raise typer.Exit()


@app.callback()
def _root(
    version: bool = typer.Option(
        False, "--version", callback=_version, is_eager=True, help="Print the version and exit."
    ),
) -> None:
    """Translation QA: numbers, terminology, fluency, language and format checks, offline."""


app.command(name="check")(check.check)
app.command(name="score")(score.score)
app.command(name="align")(align.align)
app.add_typer(checks_cmd.app, name="checks")
app.add_typer(models.app, name="models")
app.add_typer(glossary.app, name="glossary")


def main() -> None:
    """Console entry point. A bug still ends in one line unless ``TQA_DEBUG`` is set."""
    try:
        app()
    except Exception as exc:  # the CLI boundary: anything unexpected is our bug
        if os.environ.get("TQA_DEBUG"):
            raise
        typer.echo(
            f"tqa: internal error: {type(exc).__name__}: {exc} "
            "(set TQA_DEBUG=1 for the traceback, and please report it)",
            err=True,
        )
        sys.exit(EXIT_INTERNAL)


if __name__ == "__main__":  # pragma: no cover
    main()
