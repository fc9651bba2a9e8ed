from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.core.dummy import ALL, seg
from tqa.cli.check import fails
from tqa.core.baseline import Baseline
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.pipeline import Pipeline, build_checks
from tqa.core.registry import Registry
from tqa.core.summary import Summary
from tqa.errors import InputError


def results(segments):
    plan = build_checks(Config(), RunContext(), Registry(ALL), select=["TST101"])
    return list(Pipeline(plan.checks).run(segments))


def test_known_findings_do_not_gate_new_ones_do(tmp_path: Path) -> None:
    first = results([seg(1, "a", ""), seg(2, "b", "x")])
    path = tmp_path / "baseline.jsonl"
    path.write_text("".join(json.dumps(r.to_dict()) + "\n" for r in first), encoding="utf-8")
    baseline = Baseline.load(path)
    assert baseline.keys == {("1", "TST101", "")}

    again = results([seg(1, "a", ""), seg(2, "b", "")])  # segment 2 is newly broken
    summary = Summary()
    for result in again:
        baseline.mark(result)
        summary.add(result)
    assert [sorted(r.known) for r in again] == [[0], []]
    assert (summary.findings, summary.known) == (2, 1)
    assert fails(summary, "major") is True

    unchanged = results([seg(1, "a", "")])
    summary = Summary()
    for result in unchanged:
        baseline.mark(result)
        summary.add(result)
    assert summary.worst is not None and summary.worst_new is None
    assert fails(summary, "major") is False
    assert summary.to_dict()["new_findings"] == 0


def test_bad_baseline_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "b.jsonl"
    path.write_text('{"id": "1", "findings": []}\n{"id": "2"}\n', encoding="utf-8")
    with pytest.raises(InputError, match=r"b\.jsonl:2: not a tqa JSONL result"):
        Baseline.load(path)
