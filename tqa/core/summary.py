"""Run summaries: counts by severity, category and code, an MQM-style quality score per
document and overall, run-level figures from checks, and the run's signature."""

from __future__ import annotations

import platform
import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from tqa import __version__
from tqa.core.model import SegmentResult, Severity

DEFAULT_PENALTIES: dict[str, float] = {"neutral": 0.0, "minor": 1.0, "major": 5.0, "critical": 25.0}

# Han, Hiragana, Katakana, Hangul syllables, and CJK compatibility forms: one word per character.
_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")
_WORDLESS = re.compile(r"(?<!\S)(?:[^\w\s]|_)+(?!\S)")
"""A whitespace-separated token with no letter or digit (``—``, ``...``, ``__``)."""


def word_count(text: str) -> int:
    """Words for the quality score: whitespace-separated tokens with a letter or digit; each
    CJK character counts as one word."""
    cjk = 0 if text.isascii() else len(_CJK.findall(text))
    if cjk:
        text = _CJK.sub(" ", text)
    return cjk + len(text.split()) - len(_WORDLESS.findall(text))


def mqm_score(penalty: float, words: int) -> float:
    """``100 × (1 − penalty / words)``; 100 for an empty text. Not clamped: a text with more
    penalty points than words scores below zero."""
    return 100.0 if words == 0 else 100.0 * (1.0 - penalty / words)


@dataclass
class DocumentTotals:
    segments: int = 0
    words: int = 0
    penalty: float = 0.0
    findings: int = 0

    @property
    def score(self) -> float:
        return mqm_score(self.penalty, self.words)


@dataclass
class Summary:
    """Running totals over the results of one run (memory grows only with documents)."""

    penalties: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_PENALTIES))
    segments: int = 0
    segments_with_findings: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    documents: dict[str, DocumentTotals] = field(default_factory=dict)
    total: DocumentTotals = field(default_factory=DocumentTotals)
    worst: Severity | None = None
    worst_new: Severity | None = None
    known: int = 0
    metrics: dict[str, dict[str, Any]] = field(default_factory=dict)

    def add(self, result: SegmentResult) -> None:
        self.segments += 1
        doc = self.documents.get(result.segment.document)
        if doc is None:
            doc = self.documents[result.segment.document] = DocumentTotals()
        words = word_count(result.segment.target)
        if not result.findings:
            for totals in (doc, self.total):
                totals.segments += 1
                totals.words += words
            return
        penalty = sum(self.penalties[f.severity.label] for f in result.findings)
        for totals in (doc, self.total):
            totals.segments += 1
            totals.words += words
            totals.penalty += penalty
            totals.findings += len(result.findings)
        self.segments_with_findings += 1
        self.known += len(result.known)
        for finding in result.new_findings():
            if self.worst_new is None or finding.severity > self.worst_new:
                self.worst_new = finding.severity
        for finding in result.findings:
            self.by_severity[finding.severity.label] += 1
            self.by_category[finding.category.value] += 1
            self.by_code[finding.code] += 1
            if self.worst is None or finding.severity > self.worst:
                self.worst = finding.severity

    @property
    def findings(self) -> int:
        return sum(self.by_code.values())

    @property
    def quality_score(self) -> float:
        return self.total.score

    def severity_line(self) -> str:
        """``"1 critical, 2 major, 0 minor, 0 neutral"``."""
        return ", ".join(
            f"{self.by_severity.get(s.label, 0)} {s.label}" for s in reversed(Severity)
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "segments": self.segments,
            "segments_with_findings": self.segments_with_findings,
            "findings": self.findings,
            "new_findings": self.findings - self.known,
            "by_severity": {s.label: self.by_severity.get(s.label, 0) for s in reversed(Severity)},
            "by_category": dict(sorted(self.by_category.items())),
            "by_code": dict(sorted(self.by_code.items())),
            "quality": {
                "score": round(self.total.score, 2),
                "words": self.total.words,
                "penalty": self.total.penalty,
                "penalties": dict(self.penalties),
            },
            "documents": {
                name: {
                    "segments": d.segments,
                    "findings": d.findings,
                    "words": d.words,
                    "penalty": d.penalty,
                    "quality_score": round(d.score, 2),
                }
                for name, d in self.documents.items()
            },
            "metrics": self.metrics,
        }


def signature(checks: list[str], extra: dict[str, str] | None = None) -> str:
    """A string of every setting that shapes the results (after sacrebleu's signatures)."""
    parts = [f"tqa:{__version__}", f"python:{platform.python_version()}"]
    for key, value in sorted((extra or {}).items()):
        parts.append(f"{key}:{value}")
    parts.append("checks:" + ",".join(checks))
    return "|".join(parts)
