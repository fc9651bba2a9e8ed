"""JSON and JSONL reports.

JSONL is a contract relied on by outside tools: one object per input segment, in input order,
``{"id", "source", "target", "findings": [...], "scores": {...}}`` and nothing else.
JSON wraps the same objects with the run's signature and summary, written incrementally.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring

from tqa.core.model import SegmentResult
from tqa.core.summary import Summary
from tqa.report.base import Formatter, RunInfo


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


_JSONL_LINE = json.JSONEncoder(ensure_ascii=False).encode


def _quiet_line(result: SegmentResult) -> str:
    """The JSONL line of a segment with no findings and no scores (most of them), written
    as ``_JSONL_LINE`` writes it, at a third of the cost."""
    segment = result.segment
    return (
        f'{{"id": {encode_basestring(segment.id)}, '
        f'"source": {encode_basestring(segment.source)}, '
        f'"target": {encode_basestring(segment.target)}, "findings": [], "scores": {{}}}}\n'
    )


class JsonlFormatter(Formatter):
    def handle(self, result: SegmentResult) -> None:
        if result.findings or result.scores:
            self.stream.write(_JSONL_LINE(result.to_dict()) + "\n")
        else:
            self.stream.write(_quiet_line(result))


class JsonFormatter(Formatter):
    def start(self, info: RunInfo) -> None:
        self._count = 0
        self.stream.write("{\n")
        self.stream.write(f'  "signature": {dumps(info.signature)},\n')
        self.stream.write(f'  "inputs": {dumps(list(info.inputs))},\n')
        self.stream.write(f'  "checks": {dumps(list(info.checks))},\n')
        self.stream.write(f'  "notices": {dumps(list(info.notices))},\n')
        self.stream.write('  "segments": [')

    def handle(self, result: SegmentResult) -> None:
        self.stream.write(("," if self._count else "") + "\n    " + dumps(result.to_dict()))
        self._count += 1

    def stop(self, summary: Summary) -> None:
        self.stream.write("\n  ],\n" if self._count else "],\n")
        self.stream.write(f'  "summary": {dumps(summary.to_dict())}\n}}\n')
