"""Readers: every input format becomes the same stream of ``Segment`` objects.

``read_segments(path, options)`` picks the reader from ``options.format`` or the file
extension. Every reader raises ``InputError`` naming the file and line (or unit id) for bad
input and never drops a segment silently.

What each format does with encodings, empty files and memory (details in each module):

=========  ==============================  ===================  ========================
format     encodings                       empty file           reading
=========  ==============================  ===================  ========================
jsonl      UTF-8 (BOM ok), UTF-16 w/ BOM   zero segments        streamed, line by line
tsv, csv   UTF-8 (BOM ok), UTF-16 w/ BOM   zero segments        streamed, row by row
txt        UTF-8 (BOM ok), UTF-16 w/ BOM   zero segments        lines counted, streamed
xliff      UTF-8 (BOM ok), UTF-16 w/ BOM   error (not XML)      checked, then streamed
tmx        UTF-8 (BOM ok), UTF-16 w/ BOM   error (not XML)      checked, then streamed
po         UTF-8 (BOM ok) only             zero segments        streamed, entry by entry
=========  ==============================  ===================  ========================

Line ends may be LF, CRLF or a lone CR everywhere; invalid UTF-8 and NUL bytes are errors
with line, column and byte offset; XML is checked with defusedxml first (``xmlsafe``).
Line-based readers and PO report errors when they reach the bad line (a PO header problem,
when ``read_segments`` is called). XML readers fail when ``read_segments`` is called for
anything the safety and well-formedness pass finds; TMX and XLIFF report a unit's own
problem (no source ``<tuv>``, a duplicate id) when they reach it.
The parallel-text length check fails when ``read_segments`` is called. A report is written
only when the whole input was read.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tqa.core.model import Segment
from tqa.errors import InputError, UsageError


@dataclass(frozen=True)
class ReadOptions:
    """What a reader needs beyond the path. Languages in the file win over these."""

    src_lang: str | None = None
    tgt_lang: str | None = None
    target: Path | None = None
    """Parallel plain text: the target file (the main path is the source)."""
    reference: Path | None = None
    """Parallel plain text: an optional reference file, line by line."""
    format: str | None = None


_BAD_CHARS = re.compile("[\x00\ud800-\udfff]")

Reader = Callable[[Path, ReadOptions], Iterator[Segment]]

EXTENSIONS: dict[str, str] = {
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".tsv": "tsv",
    ".tab": "tsv",
    ".csv": "csv",
    ".txt": "txt",
    ".xlf": "xliff",
    ".xliff": "xliff",
    ".sdlxliff": "xliff",
    ".tmx": "tmx",
    ".po": "po",
    ".pot": "po",
}


def _readers() -> dict[str, Reader]:
    from tqa.formats import delimited, jsonl, parallel, po, tmx, xliff

    readers: dict[str, Reader] = {
        "jsonl": jsonl.read,
        "tsv": delimited.read_tsv,
        "csv": delimited.read_csv,
        "txt": parallel.read,
        "xliff": xliff.read,
        "tmx": tmx.read,
        "po": po.read,
    }
    return readers


def detect_format(path: Path, explicit: str | None = None) -> str:
    readers = _readers()
    if explicit:
        if explicit not in readers:
            raise UsageError(
                f"unknown input format {explicit!r} (known: {', '.join(sorted(readers))})"
            )
        return explicit
    fmt = EXTENSIONS.get(path.suffix.lower())
    if fmt is None or fmt not in readers:
        raise UsageError(
            f"{path}: cannot tell the input format from the extension {path.suffix!r}; "
            f"use --input-format ({', '.join(sorted(readers))})"
        )
    return fmt


def read_segments(path: Path, options: ReadOptions | None = None) -> Iterator[Segment]:
    """Stream the segments of ``path``."""
    options = options or ReadOptions()
    if not path.exists():
        raise InputError(str(path), "file not found")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    fmt = detect_format(path, options.format)
    if fmt != "txt" and (options.target is not None or options.reference is not None):
        raise UsageError(
            f"{path}: a separate target or reference file only goes with plain-text input; "
            f"this {fmt} file carries its own targets (and references, where the format has them)"
        )
    return _readers()[fmt](path, options)


def require_langs(
    path: Path | str,
    src: str | None,
    tgt: str | None,
    *,
    line: int | None = None,
    unit: str | None = None,
) -> tuple[str, str]:
    """Both languages, or an error saying where they were missing."""
    missing = [name for name, value in (("source", src), ("target", tgt)) if not value]
    if missing:
        raise InputError(
            str(path),
            f"no {' or '.join(missing)} language: the file does not say it; "
            "pass --src-lang/--tgt-lang",
            line=line,
            unit=unit,
        )
    assert src is not None and tgt is not None
    return src, tgt


def check_text(
    path: Path | str,
    text: str,
    *,
    what: str,
    line: int | None = None,
    unit: str | None = None,
) -> str:
    """``text`` unchanged, or an error if it holds a NUL or a lone surrogate.

    Escapes (JSON ``\\u0000``, ``\\ud800``) can smuggle in characters that the byte-level
    checks of ``textio`` never see and that no output format can write back.
    """
    bad = _BAD_CHARS.search(text)
    if bad is None:
        return text
    if bad.group() == "\x00":
        raise InputError(str(path), f"{what} contains a NUL character", line=line, unit=unit)
    raise InputError(
        str(path),
        f"{what} contains a lone surrogate U+{ord(bad.group()):04X} at character {bad.start()}",
        line=line,
        unit=unit,
    )
