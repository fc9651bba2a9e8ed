"""The contract every registered check must keep, whatever its family.

Like a shared base test: awkward strings never make a check raise (no ``TQA001``), spans lie
inside the text, findings carry the check's own code, and every segment gets one result.
"""

from __future__ import annotations

import pytest

from tests.conftest import ROOT
from tqa.core.check import Check, RunContext
from tqa.core.config import Config
from tqa.core.model import Segment
from tqa.core.pipeline import Pipeline, build_checks
from tqa.core.registry import default_registry

GLOSSARY = ROOT / "corpora" / "glossaries" / "conflict-syria.csv"
CONTEXT = RunContext(glossary_paths=(GLOSSARY,) if GLOSSARY.exists() else ())

AWKWARD: list[tuple[str, str, str, str]] = [
    ("", "", "en", "es"),
    ("Hello world.", "Hello world.", "en", "es"),
    ("   ", "\t", "en", "fr"),
    ("Four days, 311 dead.", "", "en", "es"),
    ("", "Cuatro días, 311 muertos.", "en", "es"),
    ("قتل ٣١١ شخصا في حلب.", "311 people were killed in Aleppo.", "ar", "en"),
    ("東京で３１１人が死亡した。", "311 people died in Tokyo.", "ja", "en"),
    ("e\u0301te\u0301 \u200f\u202e reversed \u202c", "e\u0301te\u0301", "fr", "en"),
    ("((((", "))))", "en", "de"),
    ("😀 " * 50, "🙂 " * 50, "en", "ru"),
    ("1,000.5 1.000,5 1 000,5 10:30 27th 2016–2024", "٫٬ ۳۱۱ ３１１", "en", "es"),
    ("x" * 5000, "y " * 3000, "en", "es"),
]

CLASSES = list(default_registry())


@pytest.mark.parametrize("cls", CLASSES, ids=[c.code for c in CLASSES])
def test_check_keeps_the_contract(cls: type[Check]) -> None:
    plan = build_checks(Config(), CONTEXT, select=[cls.code])
    if not plan.checks:
        pytest.skip(f"{cls.code} unavailable here: {plan.notices}")
    segments = [
        Segment(str(i), s, t, sl, tl, reference=t or None, document="contract")
        for i, (s, t, sl, tl) in enumerate(AWKWARD)
    ]
    results = list(Pipeline(plan.checks).run(segments))
    assert [r.segment.id for r in results] == [s.id for s in segments]
    for result in results:
        for finding in result.findings:
            assert finding.code == cls.code, finding
            for span, text in (
                (finding.source_span, result.segment.source),
                (finding.target_span, result.segment.target),
            ):
                if span is not None:
                    assert 0 <= span[0] <= span[1] <= len(text)
            assert finding.message


@pytest.mark.parametrize("cls", CLASSES, ids=[c.code for c in CLASSES])
def test_check_is_documented(cls: type[Check]) -> None:
    doc = cls.description()
    assert cls.summary(), f"{cls.code} has no summary line"
    assert len(doc.splitlines()) >= 3, f"{cls.code}: the docstring should explain the check"
