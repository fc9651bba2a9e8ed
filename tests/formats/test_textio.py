"""Line splitting and decoding shared by all readers."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tqa.errors import InputError
from tqa.formats.textio import count_lines, iter_lines


def lines_of(tmp_path: Path, data: bytes, *, keepends: bool = False) -> list[tuple[int, str]]:
    path = tmp_path / "f.txt"
    path.write_bytes(data)
    return list(iter_lines(path, keepends=keepends))


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (b"", []),
        (b"a", [(1, "a")]),
        (b"a\n", [(1, "a")]),
        (b"a\n\n", [(1, "a"), (2, "")]),
        (b"a\r\nb\r\n", [(1, "a"), (2, "b")]),
        (b"a\rb\rc", [(1, "a"), (2, "b"), (3, "c")]),
        (b"a\r\rb\n", [(1, "a"), (2, ""), (3, "b")]),
        (b"a\rb\r\nc\n", [(1, "a"), (2, "b"), (3, "c")]),
        (b"\xef\xbb\xbfa\nb", [(1, "a"), (2, "b")]),
    ],
)
def test_line_ends_and_bom(tmp_path: Path, data: bytes, expected: list[tuple[int, str]]) -> None:
    assert lines_of(tmp_path, data) == expected
    path = tmp_path / "f.txt"
    assert count_lines(path) == len(expected)


def test_unicode_separators_stay_inside_the_line(tmp_path: Path) -> None:
    text = "uno\u2028dos\x85tres\u2029cuatro\x0bcinco\x0cseis\n"
    assert lines_of(tmp_path, text.encode()) == [(1, text[:-1])]


def test_keepends_returns_the_original_line_ends(tmp_path: Path) -> None:
    assert lines_of(tmp_path, b"a\r\nb\rc\nd", keepends=True) == [
        (1, "a\r\n"),
        (2, "b\r"),
        (3, "c\n"),
        (4, "d"),
    ]


@pytest.mark.parametrize("bom_encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_bom_is_decoded(tmp_path: Path, bom_encoding: str) -> None:
    bom = codecs.BOM_UTF16_BE if bom_encoding == "utf-16-be" else codecs.BOM_UTF16_LE
    encoding = "utf-16-be" if bom_encoding == "utf-16-be" else "utf-16-le"
    data = bom + "Alepo\r\nIdlib\rHama\n".encode(encoding)
    assert lines_of(tmp_path, data) == [(1, "Alepo"), (2, "Idlib"), (3, "Hama")]
    assert count_lines(tmp_path / "f.txt") == 3


def test_invalid_utf16_names_the_line(tmp_path: Path) -> None:
    data = codecs.BOM_UTF16_LE + "ok\n".encode("utf-16-le") + b"\x00\xd8\x41\x00"
    with pytest.raises(InputError) as caught:
        lines_of(tmp_path, data)
    # BOM (2) + "ok\n" (3 x 2): the high surrogate D800 without its pair starts at byte 8.
    assert str(caught.value) == (
        f"{tmp_path / 'f.txt'}:2:1: invalid UTF-16 at byte offset 8 (illegal UTF-16 surrogate)"
    )


def test_invalid_utf8_reports_line_column_and_byte_offset(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        lines_of(tmp_path, b"\xef\xbb\xbfuno\r\ndos \xe2\x82 tres\n")
    error = caught.value
    # BOM (3) + "uno\r\n" (5) + "dos " (4) = byte 12; column 5 of line 2.
    assert (error.line, error.column) == (2, 5)
    assert error.detail == "invalid UTF-8 at byte offset 12 (invalid continuation byte)"


def test_nul_byte_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        lines_of(tmp_path, b"uno\ndos\x00\n")
    assert (caught.value.line, caught.value.column) == (2, 4)
    assert caught.value.detail == "NUL byte at byte offset 7 (binary file?)"


def test_utf32_is_refused(tmp_path: Path) -> None:
    with pytest.raises(InputError) as caught:
        lines_of(tmp_path, "uno\n".encode("utf-32"))
    assert caught.value.detail == "UTF-32 text is not supported; convert the file to UTF-8"
