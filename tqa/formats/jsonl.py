"""JSONL: one object per line with ``id``, ``source``, ``target`` and optional
``reference``, ``src_lang``, ``tgt_lang``. This contract is relied on by outside tools.

- ``source`` and ``target`` are required strings (``null`` is an error, ``""`` is fine).
- ``reference``, ``src_lang`` and ``tgt_lang`` are optional strings or ``null``; a
  per-segment language overrides ``--src-lang``/``--tgt-lang``.
- ``id`` is a string or an integer, defaulting to the line number; ids must be unique and
  not empty.
- ``flags`` is an optional list of strings, kept on the segment (``tqa align`` writes
  ``omission``/``addition`` there, so an edited alignment still reports them).
- Other keys are ignored (producers may carry their own metadata).
- Blank lines are skipped; an empty file gives zero segments.
- Strings may not hold lone surrogates (``"\\ud800"``): they cannot be written back out.

The reader streams: memory holds one line plus an 8-byte digest of each id seen so far (a
repeated digest is confirmed by re-reading the ids before it, so duplicates are found
exactly).
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, check_text, require_langs
from tqa.formats.ids import SeenIds
from tqa.formats.textio import iter_lines

_REQUIRED = ("source", "target")
_OPTIONAL = ("reference", "src_lang", "tgt_lang")


def json_lines(path: Path) -> Iterator[tuple[int, object]]:
    """``(line number, decoded value)`` of each non-blank line; bad JSON is an
    ``InputError`` naming the line (and column)."""
    for number, _line, value in _decoded(path):
        yield number, value


def _decoded(path: Path) -> Iterator[tuple[int, str, object]]:
    decode = _DECODER.decode
    for number, line in iter_lines(path):
        if not line or line.isspace():
            continue
        try:
            yield number, line, decode(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                str(path), f"invalid JSON: {exc.msg}", line=number, column=exc.colno
            ) from None
        except RecursionError:
            raise InputError(str(path), "invalid JSON: nested too deeply", line=number) from None


_DECODER = json.JSONDecoder()
_NO_FLAGS: frozenset[str] = frozenset()


def _ids(path: Path) -> Iterator[tuple[int, str]]:
    """``(line, id)`` of each object line, for :class:`SeenIds` to confirm a repeat."""
    for number, _line, obj in _decoded(path):
        if isinstance(obj, dict):
            yield number, str(obj.get("id", number))


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    seen = SeenIds(lambda: _ids(path))
    where = str(path)
    for number, line, obj in _decoded(path):
        if (
            type(obj) is dict
            and type(obj.get("source")) is str
            and type(obj.get("target")) is str
            and type(raw_id := obj.get("id", number)) in (str, int)
            and "\\u" not in line
            and "flags" not in obj
        ):
            # the common line: the two texts are strings and nothing was escaped, so no NUL
            # or lone surrogate can hide in them (the raw bytes were checked when read)
            reference = obj.get("reference")
            src_lang = obj.get("src_lang")
            tgt_lang = obj.get("tgt_lang")
            if (
                (reference is None or type(reference) is str)
                and (src_lang is None or type(src_lang) is str)
                and (tgt_lang is None or type(tgt_lang) is str)
            ):
                seg_id = raw_id if type(raw_id) is str else str(raw_id)
                if seg_id.strip() and seen.add(seg_id, number):
                    src = src_lang or options.src_lang
                    tgt = tgt_lang or options.tgt_lang
                    if not (src and tgt):
                        require_langs(path, src, tgt, line=number)
                    assert src is not None and tgt is not None
                    yield Segment(
                        seg_id,
                        obj["source"],
                        obj["target"],
                        src,
                        tgt,
                        reference,
                        Origin(where, number),
                        where,
                        _NO_FLAGS,
                    )
                    continue
        yield _checked(path, number, obj, seen, options)


def _checked(path: Path, number: int, obj: object, seen: SeenIds, options: ReadOptions) -> Segment:
    """One line, validated field by field: an ``InputError`` naming the line for anything
    outside the contract."""
    if not isinstance(obj, dict):
        raise InputError(
            str(path), f"expected a JSON object, got {type(obj).__name__}", line=number
        )
    for key in _REQUIRED:
        if key not in obj:
            raise InputError(str(path), f"missing required key '{key}'", line=number)
        if not isinstance(obj[key], str):
            raise InputError(
                str(path),
                f"'{key}' must be a string, got {_json_type(obj[key])}",
                line=number,
            )
    for key in _OPTIONAL:
        value = obj.get(key)
        if value is not None and not isinstance(value, str):
            raise InputError(
                str(path),
                f"'{key}' must be a string or null, got {_json_type(value)}",
                line=number,
            )
    for key in (*_REQUIRED, *_OPTIONAL):
        value = obj.get(key)
        if value is not None:
            check_text(path, value, what=f"'{key}'", line=number)
    raw_id = obj.get("id", number)
    if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
        raise InputError(
            str(path),
            f"'id' must be a string or an integer, got {_json_type(raw_id)}",
            line=number,
        )
    seg_id = str(raw_id)
    if not seg_id.strip():
        raise InputError(str(path), "'id' is empty", line=number)
    check_text(path, seg_id, what="'id'", line=number)
    if not seen.add(seg_id, number):
        raise InputError(str(path), f"duplicate segment id {seg_id!r}", line=number)
    src, tgt = require_langs(
        path,
        obj.get("src_lang") or options.src_lang,
        obj.get("tgt_lang") or options.tgt_lang,
        line=number,
    )
    flags = obj.get("flags") or []
    if not isinstance(flags, list) or not all(isinstance(f, str) for f in flags):
        raise InputError(str(path), "'flags' must be a list of strings", line=number)
    return Segment(
        id=seg_id,
        source=obj["source"],
        target=obj["target"],
        src_lang=src,
        tgt_lang=tgt,
        reference=obj.get("reference"),
        origin=Origin(str(path), line=number),
        document=str(path),
        flags=frozenset(flags) if flags else _NO_FLAGS,
    )


def _json_type(value: object) -> str:
    """The JSON name of a decoded value's type (``null``, ``number``...)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, list):
        return "array"
    if isinstance(value, dict):
        return "object"
    return "string"
