"""The JSONL line of a segment with nothing to report, written by hand, against ``json``."""

from __future__ import annotations

import json

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.core.model import Segment, SegmentResult
from tqa.report.jsonfmt import _JSONL_LINE, _quiet_line

_TEXT = st.text(
    st.sampled_from(list('ab "\\/\t\n\r\x00\x1f\x7f{}') + ["é", "東", "\u2028", "\U0001f600"]),
    max_size=20,
)


@settings(max_examples=300, deadline=None)
@given(_TEXT, _TEXT, _TEXT)
def test_quiet_line_is_the_json_encoders_line(seg_id: str, source: str, target: str) -> None:
    result = SegmentResult(Segment(seg_id, source, target, "es", "en"))
    line = _quiet_line(result)
    assert line == _JSONL_LINE(result.to_dict()) + "\n"
    assert json.loads(line) == {
        "id": seg_id,
        "source": source,
        "target": target,
        "findings": [],
        "scores": {},
    }
