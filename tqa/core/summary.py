"""Document summaries: counts by severity, category and code, plus the run's signature."""

from __future__ import annotations

import platform
from collections import Counter
from dataclasses import dataclass, field

from tqa import __version__
from tqa.core.model import SegmentResult, Severity


@dataclass
class Summary:
    """Running totals over the results of one run (constant memory)."""

    segments: int = 0
    segments_with_findings: int = 0
    by_severity: Counter[str] = field(default_factory=Counter)
    by_category: Counter[str] = field(default_factory=Counter)
    by_code: Counter[str] = field(default_factory=Counter)
    documents: Counter[str] = field(default_factory=Counter)
    worst: Severity | None = None

    def add(self, result: SegmentResult) -> None:
        self.segments += 1
        self.documents[result.segment.document] += 1
        if result.findings:
            self.segments_with_findings += 1
        for finding in result.findings:
            self.by_severity[finding.severity.label] += 1
            self.by_category[finding.category.value] += 1
            self.by_code[finding.code] += 1
            if self.worst is None or finding.severity > self.worst:
                self.worst = finding.severity

    @property
    def findings(self) -> int:
        return sum(self.by_code.values())

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
            "by_severity": {s.label: self.by_severity.get(s.label, 0) for s in reversed(Severity)},
            "by_category": dict(sorted(self.by_category.items())),
            "by_code": dict(sorted(self.by_code.items())),
        }


def signature(checks: list[str], extra: dict[str, str] | None = None) -> str:
    """A string of every setting that shapes the results (after sacrebleu's signatures)."""
    parts = [f"tqa:{__version__}", f"python:{platform.python_version()}"]
    for key, value in sorted((extra or {}).items()):
        parts.append(f"{key}:{value}")
    parts.append("checks:" + ",".join(checks))
    return "|".join(parts)
