"""Gettext PO (and POT), read with translate-toolkit's pure-Python parser.

- Encoding: UTF-8 only, BOM optional (checked by ``textio`` first, with line and byte
  offset). A header declaring another charset is an error; gettext has no UTF-16 PO, so a
  UTF-16 file is refused too. An empty file gives zero segments.
- Languages: the target from the header's ``Language:``, else ``--tgt-lang``; the source
  from the (non-standard but common) ``X-Source-Language:`` header, else ``--src-lang``.
- The header entry and obsolete (``#~``) entries are not segments: they are not part of
  the translation.
- Id: the msgid, or ``msgctxt::msgid`` when the entry has a context (PO has no better
  identity; it is what gettext itself keys entries by). Duplicate ids are an error.
- Plural entries give one segment per ``msgstr[n]``, ids suffixed ``[0]``, ``[1]``...; the
  source of form 0 is ``msgid`` and of the others ``msgid_plural``.
- ``#, fuzzy`` entries carry the flag ``fuzzy``. Untranslated entries have an empty target.
- Origin: the line where the entry starts (its first comment line, if any).
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, require_langs
from tqa.formats.textio import decode_bytes, sniff_encoding

_CHARSET = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)
_UTF8_CHARSETS = {"utf-8", "utf8", "charset", "ascii", "us-ascii"}
_ON_LINE = re.compile(r" on line \d+")


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """Parse and check the whole file up front, then yield its segments."""
    data = path.read_bytes()
    if sniff_encoding(path, data[:4]) != "utf-8":
        raise InputError(
            str(path), "PO files must be UTF-8 (gettext has no UTF-16 PO): convert it", line=1
        )
    decode_bytes(path, data)
    if data.startswith(codecs.BOM_UTF8):
        data = data[len(codecs.BOM_UTF8) :]
    from translate.storage import pypo
    from translate.storage.poparser import PoParseError

    try:
        store: Any = pypo.pofile(io.BytesIO(data))
    except PoParseError as exc:
        line = exc.parse_state.lineno or None
        raise InputError(
            str(path), f"PO syntax error: {_ON_LINE.sub('', str(exc))}", line=line
        ) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise InputError(str(path), f"cannot read the file as PO: {exc}") from None
    header = store.header()
    header_line = header.line_number if header is not None else None
    fields = store.parseheader() if header is not None else {}
    charset = _CHARSET.search(fields.get("Content-Type", "") or "")
    if charset and charset.group(1).strip().lower() not in _UTF8_CHARSETS:
        raise InputError(
            str(path),
            f"the header declares charset={charset.group(1)}; tqa reads PO files in UTF-8: "
            "convert it, e.g. msgconv --to-code=UTF-8",
            line=header_line,
        )
    src_lang, tgt_lang = require_langs(
        path,
        (fields.get("X-Source-Language") or "").strip() or options.src_lang,
        (fields.get("Language") or "").strip() or options.tgt_lang,
        line=header_line,
    )
    return iter(list(_segments(path, store, src_lang, tgt_lang)))


def _segments(path: Path, store: Any, src_lang: str, tgt_lang: str) -> Iterator[Segment]:
    seen: set[str] = set()
    for unit in store.units:
        if unit.isheader() or unit.isobsolete():
            continue
        line = unit.line_number
        context = unit.getcontext()
        msgid = _strings(unit.source)[0]
        base_id = f"{context}::{msgid}" if context else msgid
        if base_id in seen:
            raise InputError(str(path), f"duplicate entry {base_id!r}", line=line)
        seen.add(base_id)
        flags = frozenset({"fuzzy"}) if unit.isfuzzy() else frozenset()
        if unit.hasplural():
            sources = _strings(unit.source)
            targets = _strings(unit.target)
            for index, target in enumerate(targets):
                yield Segment(
                    id=f"{base_id}[{index}]",
                    source=sources[0] if index == 0 else sources[-1],
                    target=target,
                    src_lang=src_lang,
                    tgt_lang=tgt_lang,
                    origin=Origin(str(path), line=line),
                    document=str(path),
                    flags=flags,
                )
            continue
        yield Segment(
            id=base_id,
            source=msgid,
            target=_strings(unit.target)[0],
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            origin=Origin(str(path), line=line),
            document=str(path),
            flags=flags,
        )


def _strings(value: Any) -> list[str]:
    """The forms of a translate-toolkit multistring (at least one, maybe empty)."""
    if value is None:
        return [""]
    strings = getattr(value, "strings", None)
    if strings:
        return [str(s) for s in strings]
    return [str(value)]
