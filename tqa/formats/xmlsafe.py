"""Safe loading of XML input (XLIFF, TMX) before translate-toolkit sees the bytes.

Every XML file goes through three gates:

1. Text: the bytes must be UTF-8 (BOM optional) or UTF-16 with a BOM, and the XML
   declaration may not name another encoding (``textio`` reports bad bytes with line, column
   and byte offset).
2. Safety: defusedxml parses the whole document with entity declarations and external
   references forbidden (XXE, billion laughs, DTD fetching). A plain
   ``<!DOCTYPE tmx SYSTEM "tmx14.dtd">`` is accepted: the DTD is never loaded.
3. Well-formedness: any syntax error is reported with its line and column (1-based).

The three gates stream the file (a line, then a block of bytes at a time): :func:`scan_xml`
keeps only what it learns about the root element and what a watcher records, so the readers,
which stream too (TMX, XLIFF), never hold the document. lxml then reads the file again
through :class:`Unnamed`; :func:`child_line` finds lxml's line of a root child for an error.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import ParseError

import defusedxml
from defusedxml.ElementTree import DefusedXMLParser
from lxml import etree

from tqa.errors import InputError
from tqa.formats.textio import iter_lines, sniff_encoding

_DECLARED = re.compile(r"""\A<\?xml\s[^>]*?\bencoding\s*=\s*(["'])([^"']*)\1""")
_UTF8_NAMES = {"utf-8", "utf8"}
_UTF16_NAMES = {"utf-16", "utf16", "utf-16le", "utf-16be"}
_POSITION_SUFFIX = re.compile(r":\s*line \d+, column \d+$")


@dataclass(frozen=True)
class XmlInfo:
    """What the safety pass learnt about the document, beyond "it is safe"."""

    root: str
    """Local name of the root element."""
    namespace: str
    """Namespace of the root element (``""`` when none)."""
    attrib: dict[str, str] = field(default_factory=dict)
    """Attributes of the root element (Clark notation for namespaced names)."""
    line: int = 1
    """Line of the root element's start tag."""
    children: tuple[str, ...] = ()
    """Local names of the root's child elements, in order."""
    namespaces: tuple[tuple[str, str], ...] = ()
    """``(prefix, uri)`` of every namespace the root element declares, in order (``""``: the
    default namespace)."""
    kept: tuple[tuple[str, dict[str, str]], ...] = ()
    """``(tag, attributes)`` of the root's children whose local name the caller asked for
    (tags in Clark notation), in order."""

    @property
    def default_namespace(self) -> str | None:
        """The default namespace the root element declares (``xmlns="..."``), if any."""
        return next((uri for prefix, uri in self.namespaces if not prefix), None)


Watch = Callable[[str, dict[str, str], Sequence[tuple[str, dict[str, str]]]], None]
"""Called with ``(tag, attributes, open elements)`` for each element below the root: the open
elements are its ancestors, ``(tag, attributes)`` from the root down to its parent (a view,
valid during the call only). Tags in Clark notation (``{namespace}local``)."""


class _Recorder:
    """Parser target that keeps only the root element and the names of its children (and
    shows every other element to a watcher, if any)."""

    def __init__(self, watch: Watch | None = None, keep: Collection[str] = ()) -> None:
        self.watch = watch
        self.keep = keep
        self.open: list[tuple[str, dict[str, str]]] = []
        self.depth = 0
        self.root: str | None = None
        self.attrib: dict[str, str] = {}
        self.line = 1
        self.children: list[str] = []
        self.kept: list[tuple[str, dict[str, str]]] = []
        self.namespaces: list[tuple[str, str]] = []
        self.parser: Any = None

    def start_ns(self, prefix: str, uri: str) -> None:
        if self.depth == 0:
            self.namespaces.append((prefix or "", uri))

    def start(self, tag: str, attrib: dict[str, str]) -> None:
        if self.depth == 0:
            self.root = tag
            self.attrib = dict(attrib)
            self.line = self.parser.CurrentLineNumber
        elif self.depth == 1:
            local = _split(tag)[1]
            self.children.append(local)
            if local in self.keep:
                self.kept.append((tag, dict(attrib)))
        if self.watch is not None:
            if self.depth:
                self.watch(tag, attrib, self.open)
            self.open.append((tag, attrib))
        self.depth += 1

    def end(self, tag: str) -> None:
        self.depth -= 1
        if self.watch is not None:
            self.open.pop()

    def data(self, data: str) -> None:
        pass

    def close(self) -> None:
        return None


_BLOCK = 1 << 20
"""Bytes fed to the XML parser at a time."""


def scan_xml(path: Path, watch: Watch | None = None, keep: Collection[str] = ()) -> XmlInfo:
    """Decode-check, safety-check and well-formedness-check an XML file, streaming;
    ``InputError`` on any problem. ``watch`` sees every element below the root on the way;
    the attributes of the root's children named in ``keep`` are kept (``XmlInfo.kept``)."""
    with path.open("rb") as handle:
        head = handle.read(512)
    encoding = sniff_encoding(path, head[:4])
    # The declaration first (it is ASCII): a Latin-1 file is told so, not "invalid UTF-8".
    if encoding == "utf-16":
        text_head = head.decode("utf-16", errors="replace")
    else:
        text_head = head[:256].removeprefix(codecs.BOM_UTF8).decode("latin-1")
    _check_declaration(path, text_head.lstrip("\ufeff"), encoding)
    # every line decodes (the first bad byte is located), and one is not blank
    blank = True
    for _number, text in iter_lines(path):
        if blank and text.strip():
            blank = False
    if blank:
        raise InputError(str(path), "empty file: no XML document", line=1)
    recorder = _Recorder(watch, keep)
    parser = DefusedXMLParser(
        target=recorder, forbid_dtd=False, forbid_entities=True, forbid_external=True
    )
    expat = parser.parser
    recorder.parser = expat
    try:
        with path.open("rb") as handle:
            while block := handle.read(_BLOCK):
                parser.feed(block)
        parser.close()
    except ParseError as exc:
        line, column = exc.position
        message = _POSITION_SUFFIX.sub("", str(exc))
        raise InputError(
            str(path), f"malformed XML: {message}", line=line, column=column + 1
        ) from None
    except defusedxml.EntitiesForbidden as exc:
        raise InputError(
            str(path),
            f"XML entity declarations are forbidden (<!ENTITY {exc.name} ...>): they allow "
            "external-entity (XXE) and entity-expansion (billion laughs) attacks",
            line=expat.CurrentLineNumber,
            column=expat.CurrentColumnNumber + 1,
        ) from None
    except defusedxml.DefusedXmlException as exc:
        raise InputError(
            str(path),
            f"unsafe XML refused ({type(exc).__name__}: {exc})",
            line=expat.CurrentLineNumber,
            column=expat.CurrentColumnNumber + 1,
        ) from None
    assert recorder.root is not None  # a well-formed document has a root element
    namespace, local = _split(recorder.root)
    return XmlInfo(
        root=local,
        namespace=namespace,
        attrib=recorder.attrib,
        line=recorder.line,
        children=tuple(recorder.children),
        namespaces=tuple(recorder.namespaces),
        kept=tuple(recorder.kept),
    )


class Unnamed:
    """A file's bytes for lxml without its name: lxml's messages then say ``<string>``, as
    when translate-toolkit parsed the file's bytes."""

    def __init__(self, path: Path) -> None:
        self.handle = path.open("rb")

    def read(self, size: int = -1) -> bytes:
        data = self.handle.read(size)
        if not data:
            self.handle.close()
        return data

    def __del__(self) -> None:
        # a parse given up early (an error, the first element only) still closes the file
        handle = getattr(self, "handle", None)  # absent if the file could not be opened
        if handle is not None:
            handle.close()


def namespaced(namespace: str | None, name: str) -> str:
    """``name`` in Clark notation in ``namespace`` (as translate-toolkit's stores write it)."""
    return f"{{{namespace}}}{name}" if namespace else name


def iterparse(path: Path, events: tuple[str, ...], tag: str | tuple[str, ...] | None = None) -> Any:
    """lxml's incremental parse of ``path`` with the options translate-toolkit uses for
    untrusted files (no entity resolution, no network, CDATA kept), through :class:`Unnamed`."""
    return etree.iterparse(
        Unnamed(path),
        events=events,
        tag=tag,
        strip_cdata=False,
        resolve_entities=False,
        no_network=True,
    )


def release(element: Any) -> None:
    """Free an element handed out by :func:`iterparse` and the siblings parsed before it
    (the root's own children stay: readers look them up, e.g. a ``<file>``)."""
    element.clear()
    parent = element.getparent()
    if parent is not None and parent.getparent() is not None:
        while element.getprevious() is not None:
            del parent[0]


def child_line(path: Path, tag: str, index: int = 0) -> int | None:
    """The line lxml gives the ``index``-th child of the root element with ``tag`` (Clark
    notation): where its start tag ends, as in translate-toolkit's trees (the safety pass
    sees where it begins). For error messages only: it parses up to that child, dropping
    whatever lies deeper than the root's children."""
    seen = 0
    for event, element in iterparse(path, ("start", "end")):
        parent = element.getparent()
        if parent is None or parent.getparent() is not None:
            if event == "end" and parent is not None:
                element.clear()
            continue
        if event == "start" and element.tag == tag:
            if seen == index:
                return int(element.sourceline)
            seen += 1
    return None


def _split(tag: str) -> tuple[str, str]:
    """``{ns}local`` -> ``(ns, local)``."""
    if tag.startswith("{"):
        namespace, _, local = tag[1:].partition("}")
        return namespace, local
    return "", tag


def _check_declaration(path: Path, text: str, encoding: str) -> None:
    match = _DECLARED.match(text)
    if match is None:
        return
    declared = match.group(2)
    allowed = _UTF16_NAMES if encoding == "utf-16" else _UTF8_NAMES
    if declared.strip().lower() in allowed:
        return
    if encoding == "utf-16":
        message = (
            f"the file starts with a UTF-16 byte-order mark but its XML declaration says "
            f"encoding={declared!r}"
        )
    else:
        message = (
            f"the XML declaration says encoding={declared!r}; tqa reads XML in UTF-8 (or "
            f"UTF-16 with a byte-order mark): convert it, e.g. iconv -f {declared} -t UTF-8"
        )
    raise InputError(str(path), message, line=1)


def toolkit_error(path: Path, kind: str, exc: Exception) -> InputError:
    """An error translate-toolkit raised on a document that passed the safety checks."""
    line = getattr(exc, "lineno", None)
    return InputError(str(path), f"cannot read the file as {kind}: {exc}", line=line)
