"""Data-driven check cases: ``tests/cases/<family>/*.yaml`` turned into pytest cases.

A case file::

    check: TQA101                  # the check under test (code or name)
    src_lang: en                   # defaults for every case of the file
    tgt_lang: es
    glossary: ../../../corpora/glossaries/x.tbx   # optional, relative to the file
    options: {}                    # optional check options
    cases:
      - id: empty-target
        source: "Hello."
        target: ""
        expect:                    # the exact findings of that check, in order
          - code: TQA101
            severity: major
            source_span: null
            target_span: [0, 0]
            target_text: ""        # optional: the text the target span must cover
            source_text: ...       # optional: the same for the source span
            suggestion: ...        # optional
            message_contains: ...  # optional
      - id: nothing-to-flag
        source: "Hello."
        target: "Hola."
        expect: []
      - id: document-level
        segments:                  # several segments of one document, in order
          - {source: "...", target: "...", expect: []}
          - {source: "...", target: "...", expect: [{code: TQA303, ...}]}

Every key of an expectation that is present is compared exactly; spans are always compared
(an absent span key means ``null``).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import Segment, SegmentResult
from tqa.core.pipeline import Pipeline, build_checks

CASES_DIR = Path(__file__).parent / "cases"


@dataclass
class Case:
    file: Path
    id: str
    check: str
    segments: list[dict[str, Any]]
    defaults: dict[str, Any]

    @property
    def test_id(self) -> str:
        return f"{self.file.parent.name}/{self.file.stem}::{self.id}"


def load_cases(root: Path = CASES_DIR) -> list[Case]:
    cases: list[Case] = []
    for path in sorted(root.rglob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        defaults = {k: v for k, v in data.items() if k != "cases"}
        for raw in data["cases"]:
            segments = raw.get("segments") or [
                {k: raw[k] for k in ("source", "target", "expect") if k in raw}
            ]
            merged = {**defaults, **{k: v for k, v in raw.items() if k not in ("segments",)}}
            cases.append(Case(path, str(raw["id"]), str(merged["check"]), segments, merged))
    return cases


def run_case(case: Case) -> list[SegmentResult]:
    opts = case.defaults
    glossaries: tuple[Path, ...] = ()
    if opts.get("glossary"):
        names = opts["glossary"] if isinstance(opts["glossary"], list) else [opts["glossary"]]
        glossaries = tuple((case.file.parent / g).resolve() for g in names)
    context = RunContext(glossary_paths=glossaries)
    config = Config(checks={case.check: dict(opts.get("options") or {})})
    plan = build_checks(config, context, select=[case.check])
    segments = [
        Segment(
            id=str(i + 1),
            source=seg["source"],
            target=seg["target"],
            src_lang=seg.get("src_lang", opts.get("src_lang", "en")),
            tgt_lang=seg.get("tgt_lang", opts.get("tgt_lang", "es")),
            reference=seg.get("reference"),
            document=case.test_id,
        )
        for i, seg in enumerate(case.segments)
    ]
    assert plan.checks, f"{case.test_id}: check {case.check} did not load: {plan.notices}"
    return list(Pipeline(plan.checks).run(segments))


def assert_case(case: Case) -> None:
    results = run_case(case)
    for index, (seg, result) in enumerate(zip(case.segments, results, strict=True)):
        expected = seg.get("expect") or []
        got = result.findings
        where = f"{case.test_id} segment {index + 1}"
        assert [f.code for f in got] == [e["code"] for e in expected], (
            f"{where}: codes {[f.to_dict() for f in got]}"
        )
        for finding, exp in zip(got, expected, strict=True):
            actual = finding.to_dict()
            for key in ("source_span", "target_span"):
                assert actual[key] == exp.get(key), f"{where}: {key} of {actual}"
            for key in ("severity", "suggestion", "category", "name"):
                if key in exp:
                    assert actual[key] == exp[key], f"{where}: {key} of {actual}"
            if "message_contains" in exp:
                assert exp["message_contains"] in finding.message, f"{where}: {finding.message}"
            for side in ("source", "target"):
                if f"{side}_text" in exp:
                    span = getattr(finding, f"{side}_span")
                    text = getattr(result.segment, side)
                    assert span is not None
                    assert text[span[0] : span[1]] == exp[f"{side}_text"], f"{where}: {side}"
