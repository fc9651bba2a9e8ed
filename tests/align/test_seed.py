"""The seed article read as two documents aligns to exactly the pairs of the aligned JSONL,
from plain text and from DOCX, and gives the same findings."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import ROOT
from tqa.align import read_document_pair
from tqa.checks import adequacy
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import Segment
from tqa.core.pipeline import Pipeline, build_checks
from tqa.core.registry import Registry, default_registry
from tqa.formats import ReadOptions, read_segments

SEEDS = ROOT / "seeds"
GLOSSARY = ROOT / "corpora" / "glossaries" / "conflict-syria.csv"


def gold() -> list[tuple[str, str]]:
    lines = (SEEDS / "aleppo.es-en.jsonl").read_text(encoding="utf-8").splitlines()
    return [(r["source"], r["target"]) for r in map(json.loads, lines) if r]


def to_docx(text_file: Path, out: Path) -> Path:
    import docx

    document = docx.Document()
    for line in text_file.read_text(encoding="utf-8").splitlines():
        document.add_paragraph(line)
        document.add_paragraph("")  # empty paragraphs between, as editors type them
    document.save(str(out))
    return out


def test_seed_text_documents_align_to_the_gold_pairs() -> None:
    segments = list(
        read_document_pair(SEEDS / "aleppo.es.txt", SEEDS / "aleppo.en.txt", "es", "en")
    )
    assert [(s.source, s.target) for s in segments] == gold()
    assert [s.id for s in segments] == [f"p{n}.s1-p{n}.s1" for n in range(1, 11)]
    assert all(not s.flags for s in segments)
    assert all(s.document == str(SEEDS / "aleppo.es.txt") for s in segments)


def test_seed_docx_documents_align_to_the_gold_pairs(tmp_path: Path) -> None:
    src = to_docx(SEEDS / "aleppo.es.txt", tmp_path / "aleppo.es.docx")
    tgt = to_docx(SEEDS / "aleppo.en.txt", tmp_path / "aleppo.en.docx")
    segments = list(read_document_pair(src, tgt, "es", "en", glossary_paths=[GLOSSARY]))
    assert [(s.source, s.target) for s in segments] == gold()


def _findings(segments: list[Segment]) -> list[list[tuple[Any, ...]]]:
    """Findings per segment; segment ids inside messages become their position (#3)."""
    ids = sorted(((s.id, f"#{n}") for n, s in enumerate(segments)), key=lambda x: -len(x[0]))

    def message(text: str) -> str:
        for sid, marker in ids:
            text = text.replace(f"segment {sid},", f"segment {marker},")
        return text

    registry = Registry([*default_registry(), *adequacy.CHECKS])
    context = RunContext(glossary_paths=(GLOSSARY,))
    plan = build_checks(Config(), context, registry, select=["TQA1", "TQA2", "TQA3", "TQA6"])
    out = []
    for result in Pipeline(plan.checks).run(segments):
        out.append(
            [
                (f.code, f.severity.label, message(f.message), f.source_span, f.target_span)
                for f in result.findings
            ]
        )
    return out


@pytest.mark.parametrize("kind", ["txt", "docx"])
def test_seed_documents_give_the_same_findings_as_the_aligned_jsonl(
    kind: str, tmp_path: Path
) -> None:
    src, tgt = SEEDS / "aleppo.es.txt", SEEDS / "aleppo.en.txt"
    if kind == "docx":
        src = to_docx(src, tmp_path / "aleppo.es.docx")
        tgt = to_docx(tgt, tmp_path / "aleppo.en.docx")
    from_docs = _findings(list(read_document_pair(src, tgt, "es", "en")))
    jsonl = read_segments(SEEDS / "aleppo.es-en.jsonl", ReadOptions())
    assert from_docs == _findings(list(jsonl))
    assert len(from_docs) == 10
    assert any(from_docs), "the seed has findings to compare (TQA303 at least)"
