"""JSON and JSONL reports.

JSONL is a contract relied on by outside tools: one object per input segment, in input order,
``{"id", "source", "target", "findings": [...], "scores": {...}}`` and nothing else.
JSON wraps the same objects with the run's signature and summary, written incrementally.
"""

from __future__ import annotations

import json

from tqa.core.model import SegmentResult
from tqa.core.summary import Summary
from tqa.report.base import Formatter, RunInfo


def dumps(obj: object) -> str:
    return json.dumps(obj, ensure_ascii=False, separators=(", ", ": "))


_JSONL_LINE = json.JSONEncoder(ensure_ascii=False).encode


class JsonlFormatter(Formatter):
    def handle(self, result: SegmentResult) -> None:
        self.stream.write(_JSONL_LINE(result.to_dict()) + "\n")


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
