"""Parallel plain text: the source file, plus ``ReadOptions.target`` (and optionally
``ReadOptions.reference``), one segment per line.

- Segment ids are line numbers; every line is a segment, blank lines included (a blank
  line keeps the alignment and may be a deliberately empty translation).
- Languages come from ``--src-lang``/``--tgt-lang`` only (text files cannot say them).
- Files of different lengths are an error naming both files and both line counts. The
  lines are counted first (bytes only, no decoding), then all files are streamed together.
- Three empty files give zero segments.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, require_langs
from tqa.formats.textio import count_lines, iter_lines


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """Check everything that can be checked up front, then stream."""
    if options.target is None:
        raise InputError(
            str(path),
            "a plain-text source needs its parallel target file, line by line: pass "
            "--target FILE (or use a bilingual format: TSV, CSV, JSONL, XLIFF, TMX, PO)",
        )
    src_lang, tgt_lang = require_langs(path, options.src_lang, options.tgt_lang)
    others = [("target", options.target)]
    if options.reference is not None:
        others.append(("reference", options.reference))
    for role, other in others:
        if not other.exists():
            raise InputError(str(other), f"{role} file not found")
        if other.is_dir():
            raise InputError(str(other), f"{role} file is a directory, not a file")
    counts = {str(p): count_lines(p) for p in (path, *(p for _, p in others))}
    for role, other in others:
        if counts[str(path)] != counts[str(other)]:
            raise InputError(
                str(path),
                f"parallel files differ in length: {path} has {_lines(counts[str(path)])} "
                f"but {role} {other} has {_lines(counts[str(other)])}",
            )
    return _stream(path, options.target, options.reference, src_lang, tgt_lang)


def _stream(
    path: Path, target: Path, reference: Path | None, src_lang: str, tgt_lang: str
) -> Iterator[Segment]:
    sources = iter_lines(path)
    targets = iter_lines(target)
    references = iter_lines(reference) if reference is not None else None
    last = 0
    for number, source in sources:
        last = number
        tgt_line = next(targets, None)
        ref_line = next(references, None) if references is not None else None
        if tgt_line is None or (references is not None and ref_line is None):
            # Only possible if a file changed while we were reading it.
            raise InputError(str(path), "a parallel file got shorter while reading", line=number)
        yield Segment(
            id=str(number),
            source=source,
            target=tgt_line[1],
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            reference=ref_line[1] if ref_line is not None else None,
            origin=Origin(str(path), line=number),
            document=str(path),
        )
    for other, rest in ((target, targets), (reference, references)):
        if rest is not None and next(rest, None) is not None:
            raise InputError(str(other), "a parallel file got longer while reading", line=last + 1)


def _lines(count: int) -> str:
    return f"{count} line{'s' if count != 1 else ''}"
