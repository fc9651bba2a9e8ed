"""Strict text decoding shared by every reader.

The contract is UTF-8, with or without a byte-order mark. A file that starts with a UTF-16
BOM (little or big endian) is decoded as UTF-16: Windows tools still write it, and refusing
a file whose encoding is announced unambiguously helps nobody. UTF-32 is refused.

Lines end at ``\\n``, ``\\r\\n`` or a lone ``\\r`` (old Mac files), and nowhere else: the
Unicode separators U+2028, U+0085 and friends stay inside the line, unlike
``str.splitlines``. Invalid UTF-8 or a NUL byte is an ``InputError`` naming the line, the
column and the byte offset in the file.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from tqa.errors import InputError

_EOL = re.compile(rb"\r\n|\r|\n")
_EOL_TEXT = re.compile("\r\n|\r|\n")
_UTF32_BOMS = (codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)
_UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)


def sniff_encoding(path: Path | str, head: bytes) -> str:
    """``"utf-8"`` or ``"utf-16"`` from the first bytes of a file (a BOM decides)."""
    if head.startswith(_UTF32_BOMS):
        raise InputError(
            str(path), "UTF-32 text is not supported; convert the file to UTF-8", line=1
        )
    if head.startswith(_UTF16_BOMS):
        return "utf-16"
    return "utf-8"


def _split_eol(raw: bytes) -> list[tuple[bytes, bytes]]:
    """Split one ``readline()`` chunk (ends at ``\\n`` or EOF) on every line end."""
    if b"\r" not in raw:
        if raw.endswith(b"\n"):
            return [(raw[:-1], b"\n")]
        return [(raw, b"")]
    pieces: list[tuple[bytes, bytes]] = []
    start = 0
    for match in _EOL.finditer(raw):
        pieces.append((raw[start : match.start()], match.group()))
        start = match.end()
    if start < len(raw):
        pieces.append((raw[start:], b""))
    return pieces


def _iter_utf8(path: Path | str, handle: BinaryIO, keepends: bool) -> Iterator[tuple[int, str]]:
    offset = 0
    number = 0
    first = True
    for raw in handle:
        if first:
            first = False
            if raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8) :]
                offset = len(codecs.BOM_UTF8)
        for content, eol in _split_eol(raw):
            number += 1
            try:
                text = content.decode("utf-8")
            except UnicodeDecodeError as exc:
                column = len(content[: exc.start].decode("utf-8")) + 1
                raise InputError(
                    str(path),
                    f"invalid UTF-8 at byte offset {offset + exc.start} ({exc.reason})",
                    line=number,
                    column=column,
                ) from None
            if "\x00" in text:
                nul_at = offset + content.index(b"\x00")
                raise InputError(
                    str(path),
                    f"NUL byte at byte offset {nul_at} (binary file?)",
                    line=number,
                    column=text.index("\x00") + 1,
                )
            offset += len(content) + len(eol)
            yield number, (text + eol.decode("ascii")) if keepends else text


def _iter_utf16(path: Path | str, handle: BinaryIO, keepends: bool) -> Iterator[tuple[int, str]]:
    # newline="" splits on \r, \n and \r\n but hands the line ends back untranslated.
    stream = io.TextIOWrapper(handle, encoding="utf-16", errors="strict", newline="")
    try:
        yield from _utf16_lines(path, handle, stream, keepends)
    finally:
        stream.detach()  # the handle is the caller's to close; the wrapper goes quietly


def _utf16_lines(
    path: Path | str, handle: BinaryIO, stream: io.TextIOWrapper, keepends: bool
) -> Iterator[tuple[int, str]]:
    number = 0
    while True:
        try:
            line = stream.readline()
        except UnicodeDecodeError:
            # The wrapper decodes ahead of the lines it returns: locate the error exactly.
            handle.seek(0)
            raise _utf16_error(path, handle.read()) from None
        if not line:
            return
        number += 1
        if "\x00" in line:
            raise InputError(
                str(path),
                "NUL character (binary file?)",
                line=number,
                column=line.index("\x00") + 1,
            )
        yield number, line if keepends else line.rstrip("\r\n")


def _utf16_error(path: Path | str, data: bytes) -> InputError:
    """The ``InputError`` for the first undecodable byte of a UTF-16 file."""
    try:
        data.decode("utf-16")
    except UnicodeDecodeError as exc:
        lines = _EOL_TEXT.split(data[: exc.start].decode("utf-16"))
        return InputError(
            str(path),
            f"invalid UTF-16 at byte offset {exc.start} ({exc.reason})",
            line=len(lines),
            column=len(lines[-1]) + 1,
        )
    return InputError(str(path), "invalid UTF-16")


def iter_stream(
    path: Path | str, handle: BinaryIO, *, keepends: bool = False
) -> Iterator[tuple[int, str]]:
    """Like ``iter_lines`` for an open binary stream positioned at its start."""
    head = handle.read(4)
    handle.seek(0)
    if sniff_encoding(path, head) == "utf-16":
        yield from _iter_utf16(path, handle, keepends)
    else:
        yield from _iter_utf8(path, handle, keepends)


def iter_lines(path: Path, *, keepends: bool = False) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` of a text file, streaming.

    Line ends are removed unless ``keepends`` (the csv module needs them to keep line breaks
    inside quoted fields). A BOM is never part of the text.
    """
    with path.open("rb") as handle:
        yield from iter_stream(path, handle, keepends=keepends)


def count_lines(path: Path) -> int:
    """The number of lines ``iter_lines`` yields, without decoding UTF-8 (cheap).

    Counted exactly as ``iter_lines`` splits them; decoding errors surface later, when the
    lines are read.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
        handle.seek(0)
        if sniff_encoding(path, head) == "utf-16":
            return sum(1 for _ in _iter_utf16(path, handle, False))
        return sum(len(_split_eol(raw)) for raw in handle)
