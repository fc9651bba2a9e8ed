"""The TQA35x checks end to end: the seed pair, the glossary, the contract. The data-driven
cases live in tests/cases/names/ and run with every other family's in tests/test_cases.py."""

from __future__ import annotations

import json

import pytest

from tests.casefile import CASES_DIR, load_cases
from tests.conftest import ROOT
from tqa.checks.names import CHECKS, AcronymChanged, NameExtra, NameMissing
from tqa.core.check import Check, RunContext
from tqa.core.config import Config
from tqa.core.model import Finding, Segment, Severity
from tqa.core.pipeline import Pipeline, build_checks
from tqa.core.registry import Registry

CASES = load_cases(CASES_DIR / "names")
CODES = ["TQA351", "TQA352", "TQA353"]
GLOSSARY = ROOT / "corpora" / "glossaries" / "conflict-syria.csv"


def run(
    pairs: list[tuple[str, str, str, str]], context: RunContext | None = None
) -> list[list[Finding]]:
    plan = build_checks(Config(), context or RunContext(), Registry(list(CHECKS)), select=CODES)
    segments = [Segment(str(i), s, t, sl, tl) for i, (s, t, sl, tl) in enumerate(pairs)]
    return [r.findings for r in Pipeline(plan.checks).run(segments)]


def test_every_rule_has_cases() -> None:
    assert {c.check for c in CASES} == set(CODES)


def test_seed_pair_has_no_name_findings() -> None:
    rows = [json.loads(line) for line in (ROOT / "seeds" / "aleppo.es-en.jsonl").open()]
    pairs = [(r["source"], r["target"], r["src_lang"], r["tgt_lang"]) for r in rows]
    assert len(pairs) == 10
    assert run(pairs) == [[] for _ in pairs]


def test_seed_with_a_swapped_town_is_flagged() -> None:
    row = json.loads((ROOT / "seeds" / "aleppo.es-en.jsonl").open().readlines()[6])
    target = row["target"].replace("Al Safira", "Al Bab")
    (findings,) = run([(row["source"], target, "es", "en")])
    assert [(f.code, row["source"][slice(*f.source_span)]) for f in findings if f.source_span] == [
        ("TQA352", "Al Safira")
    ]
    assert [target[slice(*f.target_span)] for f in findings if f.target_span] == ["Al Bab"]


@pytest.mark.skipif(not GLOSSARY.exists(), reason="no conflict glossary in this checkout")
def test_glossary_concepts_count_as_counterparts() -> None:
    pair = (
        "El ataque fue obra de Hayat Tahrir al Sham, según la agencia.",
        "The attack was carried out by HTS, according to the agency.",
        "es",
        "en",
    )
    (without,) = run([pair])
    assert [(f.code, f.source_span, f.target_span) for f in without] == [
        ("TQA351", (22, 42), None),
        ("TQA352", None, (30, 33)),
    ]
    (with_glossary,) = run([pair], RunContext(glossary_paths=(GLOSSARY,)))
    assert with_glossary == []


def test_severity_is_configurable() -> None:
    check = AcronymChanged(RunContext(), severity=None)
    assert check.effective_severity.label == "major"
    plan = build_checks(
        Config(severity={"TQA353": Severity.CRITICAL}),
        RunContext(),
        Registry(list(CHECKS)),
        select=["TQA353"],
    )
    segment = Segment("1", "The SOHR said so.", "The SOHT said so.", "en", "en")
    (result,) = Pipeline(plan.checks).run([segment])
    assert [f.severity.label for f in result.findings] == ["critical"]


def test_ignore_option() -> None:
    check = NameMissing(RunContext(), options={"ignore": ["idlib"]})
    segment = Segment("1", "Combates en Idlib.", "Fighting in the province.", "es", "en")
    assert list(check.check(segment)) == []
    assert [f for f in NameExtra(RunContext()).check(segment) if isinstance(f, Finding)] == []


AWKWARD = [
    ("", "", "en", "es"),
    ("Hello world.", "Hello world.", "en", "es"),
    ("قتل ٣١١ شخصا في حلب.", "311 people were killed in Aleppo.", "ar", "en"),
    ("東京で３１１人が死亡した。", "311 people died in Tokyo.", "ja", "en"),
    ("e\u0301te\u0301 \u200f\u202e reversed \u202c", "e\u0301te\u0301", "fr", "en"),
    ("😀 " * 50, "🙂 " * 50, "en", "ru"),
    ("X" * 5000, "Y " * 3000, "en", "es"),
    ("@ # F- -16 al- de la", "Al-  ’s l' EE.UU.. U.S", "es", "en"),
]


def test_contract_on_awkward_input() -> None:
    context = RunContext(glossary_paths=(GLOSSARY,) if GLOSSARY.exists() else ())
    results = run(AWKWARD, context)
    assert len(results) == len(AWKWARD)
    for findings, (source, target, _, _) in zip(results, AWKWARD, strict=True):
        for finding in findings:
            assert finding.code in CODES, finding
            for span, text in ((finding.source_span, source), (finding.target_span, target)):
                assert span is None or 0 <= span[0] <= span[1] <= len(text)


@pytest.mark.parametrize("cls", CHECKS, ids=[c.code for c in CHECKS])
def test_documented(cls: type[Check]) -> None:
    assert cls.summary()
    doc = cls.description()
    assert "Bad:" in doc and "Good:" in doc and "Options:" in doc


def test_seed_pair_reversed_has_no_name_findings() -> None:
    rows = [json.loads(line) for line in (ROOT / "seeds" / "aleppo.es-en.jsonl").open()]
    pairs = [(r["target"], r["source"], r["tgt_lang"], r["src_lang"]) for r in rows]
    assert run(pairs) == [[] for _ in pairs]
