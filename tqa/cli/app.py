"""The ``tqa`` command: one Typer app, one module per command group."""

from __future__ import annotations

import typer

from tqa import __version__
from tqa.cli import check, checks_cmd, models

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
app.add_typer(checks_cmd.app, name="checks")
app.add_typer(models.app, name="models")


def main() -> None:
    app()


if __name__ == "__main__":  # pragma: no cover
    main()
