"""The seed article, as `make demo` checks it: clean as translated, and every planted error
of `seeds/aleppo.es-en.errors.jsonl` found with the right code."""

from __future__ import annotations

from tests.conftest import ROOT
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.pipeline import Pipeline, build_checks
from tqa.formats import read_segments

RULES = ["TQA1", "TQA2", "TQA4"]


def codes(name: str) -> dict[str, list[str]]:
    plan = build_checks(Config(), RunContext(), select=RULES)
    results = Pipeline(plan.checks).run(read_segments(ROOT / "seeds" / name))
    return {r.segment.id: [f.code for f in r.findings] for r in results}


def test_seed_translation_is_clean_for_format_numbers_and_language() -> None:
    assert codes("aleppo.es-en.jsonl") == {f"s{i:02d}": [] for i in range(1, 11)}


def test_planted_errors_are_found() -> None:
    assert codes("aleppo.es-en.errors.jsonl") == {
        "s01": [],
        "s02": ["TQA203"],  # four days -> three days
        "s03": ["TQA203"],  # 2016 -> 2015
        "s04": [],
        "s05": ["TQA102", "TQA402"],  # left in Spanish
        "s06": [],
        "s07": ["TQA203"],  # 311 -> 131
        "s08": ["TQA201"],  # 100 dropped
        "s09": ["TQA104"],  # doubled space
        "s10": ["TQA101"],  # empty
    }
