"""Reference metrics equal sacrebleu's own results exactly."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
import sacrebleu

from tqa.checks.reference import LowChrf
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import Segment
from tqa.core.pipeline import Pipeline, build_checks
from tqa.core.selection import Selection

METRIC_ARGS = ["-m", "bleu", "chrf", "ter", "-w", "4"]
HYPS = [
    "The army withdrew from the city.",
    "At least 311 people died, according to the NGO.",
    "Rebels took control of most of Aleppo on Saturday.",
    "",
    "Los rebeldes avanzan.",
]
REFS = [
    "The army pulled out of the city.",
    "At least 311 people have died, the NGO said.",
    "On Saturday the rebels seized most of Aleppo.",
    "Turkey wants to restore relations with Damascus.",
    "The rebels are advancing.",
]


def run(select: list[str], options: dict[str, dict[str, object]] | None = None):
    plan = build_checks(Config(checks=options or {}), RunContext(), select=select)
    segments = [
        Segment(str(i), f"src {i}", h, "es", "en", reference=r, document="doc.jsonl")
        for i, (h, r) in enumerate(zip(HYPS, REFS, strict=True))
    ]
    segments.append(Segment("no-ref", "x", "y", "es", "en", document="doc.jsonl"))
    results = list(Pipeline(plan.checks, chunk_size=2).run(segments))
    return plan, results


def test_sentence_scores_equal_sacrebleu() -> None:
    _, results = run(["TQA700"])
    for result, hyp, ref in zip(results, HYPS, REFS, strict=False):
        assert result.scores["bleu"] == round(sacrebleu.sentence_bleu(hyp, [ref]).score, 6)
        assert result.scores["chrf"] == round(sacrebleu.sentence_chrf(hyp, [ref]).score, 6)
        assert result.scores["ter"] == round(sacrebleu.sentence_ter(hyp, [ref]).score, 6)
        assert result.findings == []
    assert results[-1].scores == {}


def test_corpus_scores_equal_the_sacrebleu_cli(tmp_path: Path) -> None:
    plan, _ = run(["TQA700"])
    figures = plan.checks[0].report()
    hyp, ref = tmp_path / "hyp.txt", tmp_path / "ref.txt"
    hyp.write_text("\n".join(HYPS) + "\n", encoding="utf-8")
    ref.write_text("\n".join(REFS) + "\n", encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-m", "sacrebleu", str(ref), "-i", str(hyp), *METRIC_ARGS],
        capture_output=True,
        text=True,
        check=True,
    )
    cli = {entry["name"]: entry for entry in json.loads(proc.stdout)}
    assert round(figures["bleu"], 4) == cli["BLEU"]["score"]
    assert round(figures["chrf"], 4) == cli["chrF2"]["score"]
    assert round(figures["ter"], 4) == cli["TER"]["score"]
    assert figures["bleu_signature"] == cli["BLEU"]["signature"]
    assert figures["chrf_signature"] == cli["chrF2"]["signature"]
    assert figures["ter_signature"] == cli["TER"]["signature"]
    assert figures["segments"] == len(HYPS)
    assert figures["documents"]["doc.jsonl"]["bleu"] == figures["bleu"]


@pytest.mark.parametrize(("threshold", "flagged"), [(30.0, ["3", "4"]), (10.0, ["3"])])
def test_low_chrf_is_off_by_default_and_uses_its_threshold(
    threshold: float, flagged: list[str]
) -> None:
    plan, _ = run(["TQA7"])
    assert plan.codes == ["TQA700", "TQA701"]
    assert Selection().wants(LowChrf) is False
    _, results = run(["TQA701"], {"TQA701": {"threshold": threshold}})
    assert [r.segment.id for r in results if r.findings] == flagged
    chrf = sacrebleu.sentence_chrf(HYPS[4], [REFS[4]]).score
    assert chrf < 30.0
    for result in results:
        for finding in result.findings:
            assert finding.target_span == (0, len(result.segment.target))
