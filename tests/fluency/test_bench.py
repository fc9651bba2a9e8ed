"""The accuracy benchmark's pair reader and tally (no model)."""

from __future__ import annotations

import importlib.util
import json
import math
import sys
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT

RUNNER = ROOT / "benchmarks" / "fluency" / "bench_accuracy.py"


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fluency_bench_accuracy", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_tally_per_language_and_perturbation(tmp_path: Path) -> None:
    bench = _load()
    rows = [
        {"id": "1", "lang": "en", "fluent": "a", "disfluent": "b", "perturbation": "word_order"},
        {"id": "2", "lang": "en", "fluent": "c", "disfluent": "d", "perturbation": "agreement"},
        {"id": "3", "lang": "sw", "fluent": "e", "disfluent": "f", "perturbation": "word_order"},
    ]
    (tmp_path / "en.jsonl").write_text(
        "\n".join(json.dumps(r) for r in rows[:2]) + "\n", encoding="utf-8"
    )
    (tmp_path / "sw.jsonl").write_text(json.dumps(rows[2]) + "\n", encoding="utf-8")
    pairs = bench.read_pairs(tmp_path)
    assert [p.id for p in pairs] == ["1", "2", "3"]
    outcomes = [
        bench.Outcome(pairs[0], -3.0, -4.0, 50.0, 10.0),
        bench.Outcome(pairs[1], -3.0, -2.5, 50.0, 60.0),
        bench.Outcome(pairs[2], -3.0, -3.0, None, None),  # a tie is a failure
    ]
    table = bench.tally(outcomes)
    assert table["lang"]["en"]["logprob_accuracy"] == 0.5
    assert table["lang"]["en"]["fluency_accuracy"] == 0.5
    assert table["lang"]["sw"]["logprob_accuracy"] == 0.0
    assert math.isnan(table["lang"]["sw"]["fluency_accuracy"])
    assert table["perturbation"]["word_order"]["pairs"] == 2
    assert table["perturbation"]["word_order"]["logprob_accuracy"] == 0.5
    assert table["all"]["all"]["logprob_accuracy"] == 1 / 3
    assert "word_order" in bench.render(table)
