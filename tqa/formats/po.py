"""Gettext PO (and POT), read with translate-toolkit's pure-Python parser, streaming.

- Encoding: UTF-8 only, BOM optional. Invalid UTF-8 or a NUL byte is an error with line,
  column and byte offset as ``textio`` reports them. A header declaring another charset is
  an error; gettext has no UTF-16 PO, so a UTF-16 file is refused too. An empty file gives
  zero segments.
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

Memory stays flat in the number of entries: the file is split into lines as it is read and
``translate.storage.poparser`` parses one entry at a time from them (what ``pypo.pofile``
does over a list of every line), so only the current entry and an 8-byte digest of each id
seen are held (``formats.ids``). ``read`` parses and checks the header before it returns (a
missing language or a foreign charset fails before any output); errors further down surface
when the reader reaches them, after the segments before them.
"""

from __future__ import annotations

import codecs
import contextlib
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, BinaryIO, cast

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, require_langs
from tqa.formats.ids import SeenIds
from tqa.formats.textio import iter_stream, sniff_encoding

_CHARSET = re.compile(r"charset\s*=\s*([^\s;]+)", re.IGNORECASE)
_UTF8_CHARSETS = {"utf-8", "utf8", "charset", "ascii", "us-ascii"}
_ON_LINE = re.compile(r" on line \d+")
_LINE_END = re.compile(rb"[\r\n]")
_CHUNK = 1 << 16
_BOM = codecs.BOM_UTF8
_NO_FLAGS: frozenset[str] = frozenset()
_FUZZY = frozenset({"fuzzy"})


@dataclass(frozen=True)
class _Header:
    """What ``read`` learns before the first segment and the stream needs."""

    newline: bytes
    src_lang: str
    tgt_lang: str


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """Check the encoding and the header now, then stream the segments.

    The file is closed in between (and opened again by the stream), so that many inputs
    opened before a run do not hold a file handle each.
    """
    with path.open("rb") as handle:
        head = handle.read(4)
        if sniff_encoding(path, head) != "utf-8":
            raise InputError(
                str(path), "PO files must be UTF-8 (gettext has no UTF-16 PO): convert it", line=1
            )
        newline = _po_newline(handle)
    try:
        header = _read_header(path, options, newline)
    except Exception as error:
        raise _prevailing(path, newline, error) from None
    return _segments(path, header)


def _read_header(path: Path, options: ReadOptions, newline: bytes) -> _Header:
    with path.open("rb") as handle:
        parser = _Parser(path, handle, newline)
        first = parser.header()
    is_header = first is not None and first.isheader()
    header_line = first.line_number if is_header else None
    fields = parser.store.parseheader() if is_header else {}
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
    return _Header(newline, src_lang, tgt_lang)


def _segments(path: Path, header: _Header) -> Iterator[Segment]:
    try:
        yield from _entries(path, header)
    except Exception as error:
        raise _prevailing(path, header.newline, error) from None


def _units(path: Path, header: _Header) -> Iterator[tuple[Any, list[str], str]]:
    """``(unit, source strings, id)`` of each entry that is not the header or obsolete."""
    with path.open("rb") as handle:
        parser = _Parser(path, handle, header.newline)
        for unit in parser.units():
            if unit.isheader() or unit.isobsolete():
                continue
            context = unit.getcontext()
            sources = _strings(unit.source)
            yield unit, sources, f"{context}::{sources[0]}" if context else sources[0]


def _entries(path: Path, header: _Header) -> Iterator[Segment]:
    document = str(path)
    seen = SeenIds(lambda: ((unit.line_number, id_) for unit, _, id_ in _units(path, header)))
    for unit, sources, base_id in _units(path, header):
        line = unit.line_number
        if not seen.add(base_id, line):
            raise InputError(document, f"duplicate entry {base_id!r}", line=line)
        flags = _FUZZY if unit.isfuzzy() else _NO_FLAGS
        origin = Origin(document, line=line)
        targets = _strings(unit.target)
        if not unit.hasplural():
            yield Segment(
                id=base_id,
                source=sources[0],
                target=targets[0],
                src_lang=header.src_lang,
                tgt_lang=header.tgt_lang,
                origin=origin,
                document=document,
                flags=flags,
            )
            continue
        for index, target in enumerate(targets):
            yield Segment(
                id=f"{base_id}[{index}]",
                source=sources[0] if index == 0 else sources[-1],
                target=target,
                src_lang=header.src_lang,
                tgt_lang=header.tgt_lang,
                origin=origin,
                document=document,
                flags=flags,
            )


class _Parser:
    """translate-toolkit's PO parser fed from an open file, one entry at a time.

    ``pypo.pofile.parse`` runs ``poparser.parse_units`` over the list of all lines and keeps
    every unit in the store; this runs the same steps (``parse_header``, then
    ``parse_unit`` until the end) over a ``_LineWindow`` and lets each unit go once read.
    Parser errors become ``InputError`` with the messages the whole-file reader gave.
    """

    def __init__(self, path: Path, handle: BinaryIO, newline: bytes) -> None:
        from translate.storage import pypo

        self.path = path
        self.lines = _LineWindow(_decoded_lines(path, handle, newline))
        self.store: Any = pypo.pofile()
        self.store.newline = newline.decode("ascii")
        self.state: Any = None

    def header(self) -> Any:
        """The first unit (the header, if the file has one), or None for no unit at all."""
        from translate.storage import poparser

        with _parse_errors(self.path):
            # The state reads its first line at once; the header may be re-read from line 1
            # when it declares another charset, so the window keeps lines until it is done.
            lines = cast("list[str]", self.lines)  # it reads lines by index, nothing else
            self.state = poparser.PoParseState(lines, self.store.create_unit)
            unit = poparser.parse_header(self.state, self.store)
        self.lines.forget_behind()
        if unit is not None:
            self._adopt(unit)
        return unit

    def units(self) -> Iterator[Any]:
        """Every unit of the file in order, the header and obsolete entries included."""
        from translate.storage import poparser

        unit = self.header()
        with _parse_errors(self.path):
            while unit is not None:
                yield unit
                unit = poparser.parse_unit(self.state)
                if unit is not None:
                    self._adopt(unit)
            if not self.state.eof:
                raise poparser.PoParseError(self.state)

    def _adopt(self, unit: Any) -> None:
        """What ``parse_units`` does to each unit that matters here, without keeping it in
        the store.

        ``parse_units`` also calls ``infer_state``, which works out each unit's translation
        state; tqa reads the fuzzy mark itself (``isfuzzy``, which the state leaves as it
        is), so that step is left out (4.5 % of the instructions of a 10k-entry run).
        """
        if not unit.obsolete and unit.hasplural() and not isinstance(unit.msgstr, dict):
            # the parser takes it only after "#, fuzzy" (where infer_state would fail on
            # it); gettext rejects such an entry
            raise InputError(
                str(self.path),
                "entry with msgid_plural has a plain msgstr (expected msgstr[0], msgstr[1]...)",
                line=unit.line_number,
            )
        # The unit takes the file's newline from its store (KDE ``_:`` contexts need it).
        self.store.addunit(unit)
        if len(self.store.units) > 1:
            del self.store.units[:-1]


@contextlib.contextmanager
def _parse_errors(path: Path) -> Iterator[None]:
    """Turn the parser's exceptions into the ``InputError`` a user sees."""
    from translate.storage.poparser import PoParseError

    try:
        yield
    except PoParseError as exc:
        line = exc.parse_state.lineno or None
        raise InputError(
            str(path), f"PO syntax error: {_ON_LINE.sub('', str(exc))}", line=line
        ) from None
    except ValueError as exc:
        raise InputError(str(path), f"cannot read the file as PO: {exc}") from None


class _LineWindow:
    """The lines of the file as the parser's ``input_lines``, read forward on demand.

    ``PoParseState`` reads ``input_lines[i]`` with ``i`` increasing, and ends the file on
    ``IndexError``. Until ``forget_behind`` every line read is kept (the header may be
    parsed twice); after it, lines behind the last one asked for are dropped.
    """

    def __init__(self, lines: Iterator[str]) -> None:
        self._lines = lines
        self._held: list[str] = []
        self._first = 0
        self._keep = True

    def __getitem__(self, index: int) -> str:
        offset = index - self._first
        held = self._held
        while offset >= len(held):
            line = next(self._lines, None)
            if line is None:
                raise IndexError(index)
            held.append(line)
        if offset < 0:
            raise RuntimeError(f"PO line {index + 1} was asked for after it was let go")
        text = held[offset]
        if offset >= 64 and not self._keep:
            del held[:offset]
            self._first = index
        return text

    def forget_behind(self) -> None:
        self._keep = False


def _decoded_lines(path: Path, handle: BinaryIO, newline: bytes) -> Iterator[str]:
    """The file's lines as ``pypo.splitlines`` gives them, decoded and checked.

    Each ends with ``newline``, the last one included (even when the file does not end with
    it, or is empty). Bad bytes are reported by ``textio``, which counts lines at every
    LF, CRLF or CR, as the other readers do.
    """
    end = newline.decode("ascii")
    for raw in _raw_lines(handle, newline):
        try:
            if b"\x00" in raw:
                raise UnicodeError
            text = raw.decode("utf-8")
        except UnicodeError:
            raise _encoding_error(path) or InputError(str(path), "not UTF-8") from None
        yield text + end


def _raw_lines(handle: BinaryIO, newline: bytes) -> Iterator[bytes]:
    """``text.split(newline)`` of the file after its BOM, read in pieces."""
    handle.seek(0)
    if handle.read(len(_BOM)) != _BOM:
        handle.seek(0)
    pending: list[bytes] = []
    if newline.endswith(b"\n"):
        # Every newline ends at an LF: a binary readline() chunk ends a line when it ends
        # with the whole newline, and is part of a longer line otherwise.
        size = len(newline)
        for raw in handle:
            if not raw.endswith(newline):
                pending.append(raw)
            elif pending:
                pending.append(raw[:-size])
                yield b"".join(pending)
                pending = []
            else:
                yield raw[:-size]
    else:
        while chunk := handle.read(_CHUNK):
            pieces = chunk.split(newline)
            if len(pieces) == 1:
                pending.append(chunk)
                continue
            pending.append(pieces[0])
            yield b"".join(pending)
            yield from pieces[1:-1]
            pending = [pieces[-1]]
    yield b"".join(pending)


def _po_newline(handle: BinaryIO) -> bytes:
    """The newline ``pypo.splitlines`` picks: the first line end after the first msgid.

    "First msgid" is its rule: the later of the first ``\\rmsgid `` and the first
    ``\\nmsgid ``, which takes a scan of the file (without holding it). Other line ends
    stay inside lines: a CR in a comment of an LF file is not a line break.
    """
    handle.seek(0)
    found = {b"\rmsgid ": -1, b"\nmsgid ": -1}
    tail = b""
    offset = 0
    while -1 in found.values() and (chunk := handle.read(_CHUNK)):
        window = tail + chunk
        for pattern, at in found.items():
            if at < 0 and (hit := window.find(pattern)) >= 0:
                found[pattern] = offset - len(tail) + hit
        tail = window[-6:]
        offset += len(chunk)
    handle.seek(max(0, *(at + 1 for at in found.values())))
    while chunk := handle.read(_CHUNK):
        end = _LINE_END.search(chunk)
        if end is None:
            continue
        if chunk[end.start()] == ord("\n"):
            return b"\n"
        # A run of CRs then an LF is one newline (\r\n, \r\r\n...); a CR alone is one too.
        rest = chunk[end.start() :]
        crs = 0
        while True:
            stripped = rest.lstrip(b"\r")
            crs += len(rest) - len(stripped)
            if stripped:
                return b"\r" * crs + b"\n" if stripped.startswith(b"\n") else b"\r"
            rest = handle.read(_CHUNK)
            if not rest:
                return b"\r"
    return b"\n"


def _prevailing(path: Path, newline: bytes, error: Exception) -> Exception:
    """The error to report for ``error``: the one the whole-file reader gave first.

    That reader decoded the whole file, then parsed it all, then checked the header and the
    ids: a bad byte anywhere won over a syntax error, which won over a header or duplicate
    error. A stream meets errors in file order, so once it has one it reads the rest of the
    file (holding nothing) to report the same error as before. Any other exception comes
    from translate-toolkit failing on an entry (an AttributeError on a fuzzy
    ``msgid_plural`` entry without ``msgstr[n]``): only a bad byte came before it.
    """
    encoding = _encoding_error(path)
    if encoding is not None or not isinstance(error, InputError):
        return encoding or error
    with path.open("rb") as handle:
        try:
            for _ in _Parser(path, handle, newline).units():
                pass
        except InputError as syntax:
            return syntax
    return error


def _encoding_error(path: Path) -> InputError | None:
    """The error ``textio`` gives for the first bad byte of the file (its line count)."""
    with path.open("rb") as handle:
        try:
            for _ in iter_stream(path, handle):
                pass
        except InputError as error:
            return error
    return None


def _strings(value: Any) -> list[str]:
    """The forms of a translate-toolkit multistring (at least one, maybe empty)."""
    if value is None:
        return [""]
    strings = getattr(value, "strings", None)
    if strings:
        return [str(s) for s in strings]
    return [str(value)]
