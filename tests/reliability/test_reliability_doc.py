"""docs/reliability.md names real tests: every ``file::test`` it cites exists."""

from __future__ import annotations

import ast
import re

from tests.conftest import ROOT

DOC = ROOT / "docs" / "reliability.md"
CITED = re.compile(r"`(tests/[\w/]+\.py)(?:::(\w+))?`")


def test_every_cited_test_exists() -> None:
    citations = CITED.findall(DOC.read_text(encoding="utf-8"))
    assert len(citations) >= 30
    for path, name in citations:
        source = ROOT / path
        assert source.is_file(), path
        if name:
            tree = ast.parse(source.read_text(encoding="utf-8"))
            names = {n.name for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)}
            assert name in names, f"{path}::{name}"
