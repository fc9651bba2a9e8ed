"""The data that flows through tqa: segments in, findings and scores out."""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field

Span = tuple[int, int]
"""Character offsets ``[start, end)`` into the source or target string (code points)."""

ScoreValue = float | str

OMISSION = "omission"
"""Segment flag: a source sentence that the document alignment found no translation for."""
ADDITION = "addition"
"""Segment flag: a target sentence with no source sentence."""
UNALIGNED_FLAGS = frozenset({OMISSION, ADDITION})
"""A score is a number, or for labels such as the detected language, a short string."""


class Severity(enum.IntEnum):
    """How bad a finding is; ordered so that comparisons work (``critical > major``)."""

    NEUTRAL = 0
    MINOR = 1
    MAJOR = 2
    CRITICAL = 3

    @property
    def label(self) -> str:
        return self.name.lower()

    @classmethod
    def parse(cls, value: str | Severity) -> Severity:
        if isinstance(value, Severity):
            return value
        try:
            return cls[value.strip().upper()]
        except KeyError:
            names = ", ".join(s.label for s in cls)
            raise ValueError(f"unknown severity {value!r} (expected one of: {names})") from None

    def __str__(self) -> str:
        return self.label


class Category(str, enum.Enum):
    """Top-level MQM error categories."""

    ACCURACY = "accuracy"
    TERMINOLOGY = "terminology"
    LINGUISTIC = "linguistic"
    LOCALE = "locale"
    STYLE = "style"
    DESIGN = "design"
    OTHER = "other"

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Origin:
    """Where a segment came from: a file plus a line number or a unit id."""

    path: str
    line: int | None = None
    unit: str | None = None

    def __str__(self) -> str:
        text = self.path
        if self.line is not None:
            text += f":{self.line}"
        if self.unit is not None:
            text += f"#{self.unit}"
        return text


@dataclass(frozen=True)
class Segment:
    """One source/target pair to check.

    ``document`` groups segments for document-level checks (consistency, first mention):
    one input file, or one ``<file>`` of an XLIFF document.
    """

    id: str
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    reference: str | None = None
    origin: Origin | None = None
    document: str = ""
    flags: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Finding:
    """One problem found in one segment."""

    segment_id: str
    code: str
    name: str
    category: Category
    severity: Severity
    message: str
    source_span: Span | None = None
    target_span: Span | None = None
    suggestion: str | None = None

    def to_dict(self) -> dict[str, object]:
        """The JSON shape of a finding (part of the JSONL output contract)."""
        return {
            "code": self.code,
            "name": self.name,
            "category": self.category.value,
            "severity": self.severity.label,
            "message": self.message,
            "source_span": list(self.source_span) if self.source_span is not None else None,
            "target_span": list(self.target_span) if self.target_span is not None else None,
            "suggestion": self.suggestion,
        }


@dataclass(frozen=True)
class Score:
    """A named value a check measured on a segment (fluency, chrF, language id...)."""

    name: str
    value: ScoreValue


@dataclass
class SegmentResult:
    """A segment with everything the checks said about it."""

    segment: Segment
    findings: list[Finding] = field(default_factory=list)
    scores: dict[str, ScoreValue] = field(default_factory=dict)
    known: frozenset[int] = frozenset()
    """Indices of findings already present in a ``--baseline`` (they do not gate the run)."""

    def new_findings(self) -> list[Finding]:
        return [f for i, f in enumerate(self.findings) if i not in self.known]

    def sort(self) -> None:
        """Deterministic order: by code, then by target then source position."""
        self.findings.sort(
            key=lambda f: (
                f.code,
                f.target_span or (-1, -1),
                f.source_span or (-1, -1),
                f.message,
            )
        )

    def worst(self) -> Severity | None:
        return max((f.severity for f in self.findings), default=None)

    def to_dict(self) -> dict[str, object]:
        """The JSONL output contract: id, source, target, findings, scores."""
        return {
            "id": self.segment.id,
            "source": self.segment.source,
            "target": self.segment.target,
            "findings": [f.to_dict() for f in self.findings],
            "scores": dict(sorted(self.scores.items())),
        }


def scores_from(mapping: Mapping[str, ScoreValue]) -> dict[str, ScoreValue]:
    """Copy scores, rounding floats so that reports are stable across platforms."""
    return {k: (round(v, 6) if isinstance(v, float) else v) for k, v in mapping.items()}
