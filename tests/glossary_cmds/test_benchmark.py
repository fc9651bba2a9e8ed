"""The glossary benchmark: its data set and its runner."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tqa.formats import ReadOptions, read_segments

BENCH = Path(__file__).resolve().parents[2] / "benchmarks" / "glossary"


def _runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("glossary_bench_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_corpus_is_large_enough_and_aligned() -> None:
    segments = list(read_segments(BENCH / "corpus.tsv", ReadOptions("es", "en")))
    assert len(segments) == 192
    assert len({s.id for s in segments}) == 192
    assert all(s.source.strip() and s.target.strip() for s in segments)


def test_every_gold_pair_occurs_twice_in_the_corpus() -> None:
    runner = _runner()
    gold = runner.load_gold(BENCH / "gold.tsv")
    assert len(gold) == 118
    sources = [s.source for s in read_segments(BENCH / "corpus.tsv", ReadOptions("es", "en"))]
    for term in gold:
        pattern = re.compile(rf"(?<!\w){re.escape(term)}(?!\w)", re.IGNORECASE)
        assert sum(1 for text in sources if pattern.search(text)) >= 2, term


def test_runner_reports_the_figures(capsys: pytest.CaptureFixture[str]) -> None:
    assert _runner().main([]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith("segments: 192; gold pairs: 118; candidates: ")
    figures = dict(line.split(": ", 1) for line in out[1:4])
    assert set(figures) == {"precision@20", "precision@50", "recall"}
    # the target; a drop below it is a regression of the method
    assert float(figures["precision@50"]) >= 0.8
