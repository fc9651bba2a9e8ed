"""Parallel plain text: line-by-line, lengths checked before anything is yielded."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_blank_lines_are_segments_and_line_ends_may_differ(tmp_path: Path) -> None:
    src = write(tmp_path, "a.es.txt", b"Hola\n\nAdi\xc3\xb3s")
    tgt = write(tmp_path, "a.en.txt", b"Hello\r\n\r\nBye\r\n")
    ref = write(tmp_path, "a.ref.txt", b"Hi\rx\rGoodbye\r")
    options = ReadOptions(src_lang="es", tgt_lang="en", target=tgt, reference=ref)
    doc = str(src)
    assert list(read_segments(src, options)) == [
        Segment("1", "Hola", "Hello", "es", "en", "Hi", Origin(doc, 1), doc),
        Segment("2", "", "", "es", "en", "x", Origin(doc, 2), doc),
        Segment("3", "Adiós", "Bye", "es", "en", "Goodbye", Origin(doc, 3), doc),
    ]


def test_empty_files_give_no_segments(tmp_path: Path) -> None:
    src = write(tmp_path, "e.es.txt", b"")
    tgt = write(tmp_path, "e.en.txt", b"")
    options = ReadOptions(src_lang="es", tgt_lang="en", target=tgt)
    assert list(read_segments(src, options)) == []


def test_length_is_checked_before_the_first_segment(tmp_path: Path) -> None:
    src = write(tmp_path, "s.es.txt", b"a\nb\nc\n")
    tgt = write(tmp_path, "s.en.txt", b"a\nb\nc\nd")
    options = ReadOptions(src_lang="es", tgt_lang="en", target=tgt)
    with pytest.raises(InputError) as caught:
        read_segments(src, options)  # raises on the call, before iterating
    assert caught.value.detail == (
        f"parallel files differ in length: {src} has 3 lines but target {tgt} has 4 lines"
    )


def test_lone_cr_counts_as_a_line_end_in_the_length_check(tmp_path: Path) -> None:
    src = write(tmp_path, "m.es.txt", b"uno\rdos\r")
    tgt = write(tmp_path, "m.en.txt", b"one\ntwo\n")
    options = ReadOptions(src_lang="es", tgt_lang="en", target=tgt)
    assert [(s.source, s.target) for s in read_segments(src, options)] == [
        ("uno", "one"),
        ("dos", "two"),
    ]
