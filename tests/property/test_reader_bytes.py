"""Readers given raw arbitrary bytes, one test per format: segments or ``InputError``.

``tests/formats/test_robustness.py`` damages the demo files; here the bytes come from
nowhere: pure random bytes, and random bytes behind a plausible start (a BOM, a header,
an XML prolog) so that the readers get past their first gate. Whatever parses must be
usable: text without NUL or lone surrogates, unique ids, languages set.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqa.core.model import Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments

STARTS: dict[str, list[bytes]] = {
    "jsonl": [b"", b'{"id": "1", "source": "', b'{"source": "a", "target": ', b"\xef\xbb\xbf{"],
    "tsv": [b"", b"id\tsource\ttarget\n", b"source\ttarget\n", b"\xff\xfes\x00"],
    "csv": [b"", b"id,source,target\n", b'source,target\n"', b"\xef\xbb\xbfsource,target\r"],
    "txt": [b"", b"Hola.\n", b"\xfe\xff\x00H", b"\r\r"],
    "xlf": [
        b"",
        b'<?xml version="1.0"?>\n<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:'
        b'document:1.2"><file original="x" source-language="es" target-language="en" '
        b'datatype="plaintext"><body><trans-unit id="1"><source>',
        b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es" '
        b'trgLang="en"><file id="f"><unit id="u"><segment><source>',
    ],
    "tmx": [
        b"",
        b'<?xml version="1.0"?>\n<tmx version="1.4"><header srclang="es"/><body><tu>'
        b'<tuv xml:lang="es"><seg>',
    ],
    "po": [
        b"",
        b'msgid ""\nmsgstr ""\n"Language: en\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"'
        b'\n\nmsgid "',
        b'#, fuzzy\nmsgid "a"\nmsgstr "',
    ],
}
OPTIONS = ReadOptions(src_lang="es", tgt_lang="en")


def read_or_refuse(path: Path, options: ReadOptions) -> list[Segment]:
    try:
        segments = list(read_segments(path, options))
    except InputError as error:
        assert error.path in (str(path), str(options.target)), error
        assert str(error).startswith(error.path)
        return []
    ids = [s.id for s in segments]
    assert len(ids) == len(set(ids)), ids
    for segment in segments:
        assert segment.src_lang and segment.tgt_lang
        for text in (segment.source, segment.target, segment.reference or ""):
            assert isinstance(text, str)
            assert "\x00" not in text
            text.encode("utf-8")  # no lone surrogate: every output format can write it
    return segments


@pytest.mark.parametrize("ext", sorted(STARTS))
@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(data=st.data())
def test_arbitrary_bytes_parse_or_raise_input_error(
    tmp_path: Path, ext: str, data: st.DataObject
) -> None:
    start = data.draw(st.sampled_from(STARTS[ext]), label="start")
    body = data.draw(st.binary(max_size=300), label="body")
    path = tmp_path / f"fuzz.{ext}"
    path.write_bytes(start + body)
    options = OPTIONS
    if ext == "txt":
        target = tmp_path / "fuzz.target.txt"
        target.write_bytes(data.draw(st.binary(max_size=200), label="target"))
        options = ReadOptions(src_lang="es", tgt_lang="en", target=target)
    read_or_refuse(path, options)
