"""JSONL: one object per line with ``id``, ``source``, ``target`` and optional
``reference``, ``src_lang``, ``tgt_lang``. This contract is relied on by outside tools."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, require_langs
from tqa.formats.textio import iter_lines

_TEXT_KEYS = ("source", "target", "reference", "src_lang", "tgt_lang")


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    seen: set[str] = set()
    for number, line in iter_lines(path):
        if not line.strip():
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise InputError(
                str(path), f"invalid JSON: {exc.msg}", line=number, column=exc.colno
            ) from None
        if not isinstance(obj, dict):
            raise InputError(
                str(path), f"expected a JSON object, got {type(obj).__name__}", line=number
            )
        for key in ("source", "target"):
            if key not in obj:
                raise InputError(str(path), f"missing required key '{key}'", line=number)
        for key in _TEXT_KEYS:
            value = obj.get(key)
            if value is not None and not isinstance(value, str):
                raise InputError(
                    str(path),
                    f"'{key}' must be a string, got {type(value).__name__}",
                    line=number,
                )
        raw_id = obj.get("id", str(number))
        if not isinstance(raw_id, (str, int)) or isinstance(raw_id, bool):
            raise InputError(str(path), "'id' must be a string or an integer", line=number)
        seg_id = str(raw_id)
        if seg_id in seen:
            raise InputError(str(path), f"duplicate segment id {seg_id!r}", line=number)
        seen.add(seg_id)
        src, tgt = require_langs(
            path,
            obj.get("src_lang") or options.src_lang,
            obj.get("tgt_lang") or options.tgt_lang,
            line=number,
        )
        yield Segment(
            id=seg_id,
            source=obj["source"],
            target=obj["target"],
            src_lang=src,
            tgt_lang=tgt,
            reference=obj.get("reference"),
            origin=Origin(str(path), line=number),
            document=str(path),
        )
