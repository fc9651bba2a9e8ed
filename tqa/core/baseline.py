"""``--baseline``: a previous JSONL result. Findings already in it are *known*: they stay in the
report but do not count for ``--fail-on``; the rest are new.

A finding matches the baseline by segment id, check code and target text, so that editing a
segment's target makes its findings new again.
"""

from __future__ import annotations

from pathlib import Path

from tqa.core.model import SegmentResult
from tqa.errors import InputError
from tqa.formats.jsonl import json_lines


class Baseline:
    def __init__(self, keys: set[tuple[str, str, str]]) -> None:
        self.keys = keys

    @classmethod
    def load(cls, path: Path) -> Baseline:
        if not path.is_file():
            raise InputError(str(path), "baseline file not found")
        keys: set[tuple[str, str, str]] = set()
        for number, obj in json_lines(path):
            if not isinstance(obj, dict) or not isinstance(obj.get("findings"), list):
                raise InputError(
                    str(path), "not a tqa JSONL result (no 'findings' list)", line=number
                )
            seg_id, target = str(obj.get("id")), str(obj.get("target", ""))
            for finding in obj["findings"]:
                if not isinstance(finding, dict) or "code" not in finding:
                    raise InputError(str(path), "a finding without 'code'", line=number)
                keys.add((seg_id, str(finding["code"]), target))
        return cls(keys)

    def mark(self, result: SegmentResult) -> None:
        """Record in ``result.known`` which of its findings the baseline already had."""
        seg = result.segment
        result.known = frozenset(
            i for i, f in enumerate(result.findings) if (seg.id, f.code, seg.target) in self.keys
        )
