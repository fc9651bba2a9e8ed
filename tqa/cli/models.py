"""``tqa models``: the local language models tqa can use."""

from __future__ import annotations

import typer

app = typer.Typer(help="Local language models (fluency).", no_args_is_help=True)
