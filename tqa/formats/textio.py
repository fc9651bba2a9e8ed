"""Strict text decoding shared by the line-based readers."""

from __future__ import annotations

import codecs
from collections.abc import Iterator
from pathlib import Path

from tqa.errors import InputError


def iter_lines(path: Path) -> Iterator[tuple[int, str]]:
    """Yield ``(line_number, text)`` of a UTF-8 file, without line ends.

    A UTF-8 BOM is skipped. Invalid UTF-8 or a NUL byte is an ``InputError`` naming the line
    and the byte offset in the file.
    """
    offset = 0
    with path.open("rb") as handle:
        for number, raw in enumerate(handle, start=1):
            chunk = raw
            if number == 1 and chunk.startswith(codecs.BOM_UTF8):
                chunk = chunk[len(codecs.BOM_UTF8) :]
                offset += len(codecs.BOM_UTF8)
            try:
                text = chunk.decode("utf-8")
            except UnicodeDecodeError as exc:
                raise InputError(
                    str(path),
                    f"invalid UTF-8 at byte offset {offset + exc.start} ({exc.reason})",
                    line=number,
                ) from None
            if "\x00" in text:
                nul_at = offset + chunk.index(b"\x00")
                raise InputError(
                    str(path), f"NUL byte at byte offset {nul_at} (binary file?)", line=number
                )
            offset += len(chunk)
            yield number, text.rstrip("\r\n")
