"""Generated documentation must match the code."""

from __future__ import annotations

from tests.conftest import ROOT
from tqa.cli.checks_cmd import markdown_table


def test_checks_md_is_up_to_date() -> None:
    current = (ROOT / "docs" / "checks.md").read_text(encoding="utf-8")
    assert current == markdown_table(), "docs/checks.md is stale: run 'make docs'"
