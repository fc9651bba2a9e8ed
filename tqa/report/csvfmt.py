"""CSV report: one row per finding, and one row with an empty code for a segment without
findings, so that every segment appears. Cells that a spreadsheet would run as a formula are
neutralised."""

from __future__ import annotations

import csv
import json

from tqa.core.model import SegmentResult, Span
from tqa.report.base import Formatter, RunInfo

COLUMNS = [
    "id",
    "code",
    "name",
    "category",
    "severity",
    "message",
    "source_span",
    "target_span",
    "suggestion",
    "source",
    "target",
    "scores",
]

_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def neutralise(cell: str) -> str:
    """Prefix a quote to a cell that a spreadsheet would evaluate (``=HYPERLINK(...)``)."""
    if cell.startswith(_FORMULA_START):
        return "'" + cell
    return cell


def _span(span: Span | None) -> str:
    return "" if span is None else f"{span[0]}-{span[1]}"


class CsvFormatter(Formatter):
    def start(self, info: RunInfo) -> None:
        # quote every cell: a lone CR inside a cell would otherwise end the row in a
        # spreadsheet and start a cell of its own (bypassing formula neutralisation)
        self.writer = csv.writer(self.stream, lineterminator="\n", quoting=csv.QUOTE_ALL)
        self.writer.writerow(COLUMNS)

    def handle(self, result: SegmentResult) -> None:
        seg = result.segment
        scores = json.dumps(result.scores, ensure_ascii=False, sort_keys=True)
        rows: list[list[str]] = []
        for f in result.findings:
            rows.append(
                [
                    seg.id,
                    f.code,
                    f.name,
                    f.category.value,
                    f.severity.label,
                    f.message,
                    _span(f.source_span),
                    _span(f.target_span),
                    f.suggestion or "",
                    seg.source,
                    seg.target,
                    scores,
                ]
            )
        if not rows:
            rows.append([seg.id, "", "", "", "", "", "", "", "", seg.source, seg.target, scores])
        for row in rows:
            self.writer.writerow([neutralise(cell) for cell in row])
