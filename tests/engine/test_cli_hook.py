"""``engine_results``: the local stream passes through; bad engine options are usage errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import Segment, SegmentResult
from tqa.core.pipeline import WorkerSpec
from tqa.engine.cli_hook import engine_results
from tqa.errors import UsageError
from tqa.formats import ReadOptions

SPEC = WorkerSpec(Config(), RunContext(), ("TQA101",))


def test_local_engine_passes_results_through() -> None:
    results = [SegmentResult(Segment("1", "a", "b", "es", "en"))]
    got = engine_results("local", None, [Path("x.jsonl")], ReadOptions(), SPEC, results)
    assert list(got) == results


def test_unknown_engine() -> None:
    with pytest.raises(UsageError, match=r"unknown --engine 'spark' \(known: local, dask\)"):
        engine_results("spark", None, [], ReadOptions(), SPEC, [])


def test_scheduler_needs_dask_engine() -> None:
    with pytest.raises(UsageError, match="--scheduler goes with --engine dask"):
        engine_results("local", "tcp://h:8786", [], ReadOptions(), SPEC, [])
