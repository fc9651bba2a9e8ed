"""Line-based readers stream: a segment is available long before a bad line is reached."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments

ES_EN = ReadOptions(src_lang="es", tgt_lang="en")


@pytest.mark.parametrize(
    ("name", "good", "bad"),
    [
        (
            "big.jsonl",
            lambda n: json.dumps({"id": n, "source": f"Fuente {n}", "target": f"Target {n}"}),
            '{"id": 1000, "source": ',
        ),
        ("big.tsv", lambda n: f"Fuente {n}\tTarget {n}", "solo un campo"),
        ("big.csv", lambda n: f"Fuente {n},Target {n}", "solo un campo"),
    ],
)
def test_first_segment_before_malformed_line_1000(
    tmp_path: Path, name: str, good: Callable[[int], str], bad: str
) -> None:
    path = tmp_path / name
    path.write_text("".join(f"{good(n)}\n" for n in range(1, 1000)) + bad + "\n", "utf-8")
    segments = read_segments(path, ES_EN)
    first = next(segments)
    assert (first.id, first.source, first.target) == ("1", "Fuente 1", "Target 1")
    with pytest.raises(InputError) as caught:
        for _ in segments:
            pass
    assert caught.value.line == 1000
    assert str(caught.value).startswith(f"{path}:1000")
