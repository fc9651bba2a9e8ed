"""Property: damaged input gives segments or an ``InputError``, never another exception."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqa.core.model import Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"
NAMES = [
    "demo.es-en.jsonl",
    "demo.es-en.tsv",
    "demo.es-en.csv",
    "demo.xlf",
    "demo.xliff2.xlf",
    "demo.tmx",
    "demo.en.po",
]
SNIPPETS = [b"<", b">", b'"', b"&", b"\n", b"\r", b"\t", b",", b"\xff", b"\x00", b"</file>"]
SNIPPETS += [b"<target>", b"</source>", b'msgid "', b'<!ENTITY e "x">', b"<tu>", b"\xef\xbb\xbf"]

edits = st.lists(
    st.tuples(
        st.sampled_from(["delete", "insert", "swap"]),
        st.floats(0, 1, exclude_max=True),
        st.floats(0, 1, exclude_max=True),
        st.sampled_from(SNIPPETS),
    ),
    min_size=1,
    max_size=4,
)


def damage(data: bytes, changes: list[tuple[str, float, float, bytes]]) -> bytes:
    buf = bytearray(data)
    for op, where, other, snippet in changes:
        if not buf:
            break
        i, j = int(where * len(buf)), int(other * len(buf))
        if op == "delete":
            del buf[i : i + 1 + j % 30]
        elif op == "insert":
            buf[i:i] = snippet
        else:
            buf[i], buf[j] = buf[j], buf[i]
    return bytes(buf)


@pytest.mark.parametrize("name", NAMES)
@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(changes=edits)
def test_damaged_files_fail_cleanly(
    tmp_path: Path, name: str, changes: list[tuple[str, float, float, bytes]]
) -> None:
    path = tmp_path / name
    path.write_bytes(damage((DEMO / name).read_bytes(), changes))
    try:
        segments = list(read_segments(path, ReadOptions(src_lang="es", tgt_lang="en")))
    except InputError as error:
        assert error.path == str(path)
    else:
        assert all(isinstance(s, Segment) for s in segments)
