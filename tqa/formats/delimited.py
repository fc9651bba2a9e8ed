"""TSV and CSV: one segment per row.

The first non-blank row is a header when it names both ``source`` and ``target``; the
header may also name ``reference``, ``id``, ``src_lang`` and ``tgt_lang``, in any order
(case and surrounding spaces do not matter; an unknown or repeated column name is an error,
so that a typo such as ``referense`` is not silently ignored). Otherwise every row is
positional: ``source, target[, reference]``, with the field count of the first row.

- Every row must have exactly the header's (or the first row's) number of fields.
- ``id`` defaults to the line number where the row starts; ids must be unique.
- An empty ``src_lang``/``tgt_lang`` cell falls back to ``--src-lang``/``--tgt-lang``.
- A ``reference`` cell is taken as it is (an empty cell is an empty reference); files
  without a reference column give ``reference=None``.
- Blank lines are skipped; an empty file, or a header alone, gives zero segments.

CSV follows RFC 4180 as Python's ``csv`` module reads it in strict mode: fields may be
quoted with ``"``, a quoted field may hold commas, doubled quotes and line breaks, and an
unterminated quote is an error at the line where the field starts.

TSV is tab-separated with **no quoting**: a double quote is an ordinary character (source
texts quote people all the time), so a TSV field cannot hold a tab or a line break. Use CSV
or JSONL for such text.

Both readers stream, one row at a time.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import Literal

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, require_langs
from tqa.formats.textio import iter_lines

COLUMNS = ("source", "target", "reference", "id", "src_lang", "tgt_lang")
POSITIONAL = ("source", "target", "reference")


def read_tsv(path: Path, options: ReadOptions) -> Iterator[Segment]:
    return _read(path, options, delimiter="\t", quoting=csv.QUOTE_NONE, kind="TSV")


def read_csv(path: Path, options: ReadOptions) -> Iterator[Segment]:
    return _read(path, options, delimiter=",", quoting=csv.QUOTE_MINIMAL, kind="CSV")


def _read(
    path: Path, options: ReadOptions, *, delimiter: str, quoting: Literal[0, 1, 2, 3], kind: str
) -> Iterator[Segment]:
    lines = (text for _, text in iter_lines(path, keepends=True))
    # a segment may be long (a whole article on one line): lift csv's 128 KiB field limit
    csv.field_size_limit(max(csv.field_size_limit(), 1 << 30))
    reader = csv.reader(lines, delimiter=delimiter, quoting=quoting, strict=True)
    columns: tuple[str, ...] | None = None
    seen: set[str] = set()
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            raise InputError(str(path), _csv_message(str(exc)), line=start) from None
        if not row:
            continue
        if columns is None:
            header = _header(path, row, start)
            if header is not None:
                columns = header
                continue
            if len(row) not in (2, 3):
                raise InputError(
                    str(path),
                    f"{kind} row has {len(row)} field{'s' if len(row) != 1 else ''}; expected "
                    "source and target (and optionally reference), or a header row naming "
                    f"the columns ({', '.join(COLUMNS)})",
                    line=start,
                )
            columns = POSITIONAL[: len(row)]
        if len(row) != len(columns):
            problem = "missing" if len(row) < len(columns) else "extra"
            raise InputError(
                str(path),
                f"{problem} field: {kind} row has {len(row)} fields, expected {len(columns)} "
                f"({', '.join(columns)})",
                line=start,
            )
        cells = dict(zip(columns, row, strict=True))
        seg_id = cells.get("id", str(start))
        if not seg_id.strip():
            raise InputError(str(path), "empty id", line=start)
        if seg_id in seen:
            raise InputError(str(path), f"duplicate segment id {seg_id!r}", line=start)
        seen.add(seg_id)
        src, tgt = require_langs(
            path,
            cells.get("src_lang") or options.src_lang,
            cells.get("tgt_lang") or options.tgt_lang,
            line=start,
        )
        yield Segment(
            id=seg_id,
            source=cells["source"],
            target=cells["target"],
            src_lang=src,
            tgt_lang=tgt,
            reference=cells.get("reference"),
            origin=Origin(str(path), line=start),
            document=str(path),
        )


def _header(path: Path, row: list[str], line: int) -> tuple[str, ...] | None:
    """The column names if ``row`` is a header, else ``None``."""
    names = [cell.strip().lower() for cell in row]
    if "source" not in names or "target" not in names:
        return None
    for index, name in enumerate(names):
        if name not in COLUMNS:
            raise InputError(
                str(path),
                f"unknown column {row[index]!r} in the header (known: {', '.join(COLUMNS)})",
                line=line,
            )
        if names.index(name) != index:
            raise InputError(str(path), f"column {name!r} appears twice in the header", line=line)
    return tuple(names)


def _csv_message(message: str) -> str:
    if message == "unexpected end of data":
        return "unterminated quoted field: the quote opened in this row is never closed"
    return f"malformed row: {message}"
