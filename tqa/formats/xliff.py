"""XLIFF 1.2 and 2.0, read with translate-toolkit after the ``xmlsafe`` checks.

XLIFF 1.x streams: after the safety pass (``xmlsafe.scan_xml``, which also keeps the
``<file>`` attributes), translate-toolkit checks a copy of the root element as lxml reads it
and of its ``<file>`` elements (version, namespace), then lxml's ``iterparse`` hands out one
``<trans-unit>`` at a time, wrapped in translate-toolkit's own ``Xliff1Unit``, and drops it.
XLIFF 2.x is parsed whole by translate-toolkit (an id there depends on the other segments of
its ``<unit>``).

The version comes from ``<xliff version=...>`` (or, without it, from the namespace).

- XLIFF 1.x: one segment per ``<trans-unit>`` (groups included). Languages come from each
  ``<file>``'s ``source-language``/``target-language``, else from ``--src-lang``/``--tgt-lang``.
- XLIFF 2.x: one segment per ``<segment>``. Languages come from ``srcLang``/``trgLang`` on
  ``<xliff>``, else from the options. The id is translate-toolkit's: the unit id, or
  ``unit::segment`` when a unit holds several segments.

Text is what translate-toolkit extracts (inline codes contribute their text content;
whitespace is normalised unless ``xml:space="preserve"``). A unit without a target is a
segment with an empty target. Ids are the unit ids (the line number when a unit has none);
with several ``<file>`` elements, the document of a segment is ``path#original`` (XLIFF 2:
``original``, else the file ``id``) and its id is ``original#unit-id``. Duplicate ids are an
error.

Flags: ``fuzzy`` when a 1.x target has a ``needs-review-*`` state or the
``fuzzy-match`` state-qualifier, or when translate-toolkit calls a 2.x segment fuzzy
(``state="initial"`` with a target); ``translate-no`` for ``translate="no"`` units.
"""

from __future__ import annotations

import functools
import io
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, require_langs
from tqa.formats.ids import SeenIds
from tqa.formats.xmlsafe import Unnamed, XmlInfo, child_line, scan_xml, toolkit_error

_NS_PREFIX = "urn:oasis:names:tc:xliff:document:"


@dataclass(frozen=True)
class _File:
    key: str
    src_lang: str
    tgt_lang: str


FileNode = tuple[Mapping[str, str], Callable[[], int | None]]
"""A ``<file>`` element: its attributes, and its line (looked up when an error needs it)."""


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """Check the whole document (streaming); then XLIFF 1.x yields its segments one
    ``<trans-unit>`` at a time, XLIFF 2.x after parsing the whole document."""
    info = scan_xml(path, keep=("file",))
    if info.root != "xliff":
        raise InputError(
            str(path),
            f"root element is <{info.root}>, not <xliff>: not an XLIFF file",
            line=info.line,
        )
    if "file" not in info.children:
        raise InputError(str(path), "XLIFF document without any <file> element", line=info.line)
    if _major_version(path, info) == "2":
        return _read_whole_2(path, options)
    return _read_streamed_1(path, info, options)


def _read_whole_2(path: Path, options: ReadOptions) -> Iterator[Segment]:
    from translate.storage.xliff2 import Xliff2File

    try:
        store: Any = Xliff2File(io.BytesIO(path.read_bytes()))
    except (etree.LxmlError, ValueError, AssertionError, StopIteration) as exc:
        raise toolkit_error(path, "XLIFF 2", exc) from None
    root = store.document.getroot()
    elements = list(root.iterchildren(store.namespaced("file")))
    nodes: list[FileNode] = [(e.attrib, functools.partial(_line_of, e)) for e in elements]
    files = _files(path, nodes, "2", options, root.attrib, root.sourceline)
    by_element = dict(zip(elements, range(len(elements)), strict=True))
    file_tag = store.namespaced("file")

    def units() -> Iterator[tuple[Any, int | None]]:
        for unit in store.units:
            node = next(unit.xmlelement.iterancestors(file_tag), None)
            yield unit, by_element.get(node) if node is not None else None

    return iter(list(_segments(path, units, "2", files, store.namespace)))


def _read_streamed_1(path: Path, info: XmlInfo, options: ReadOptions) -> Iterator[Segment]:
    from translate.storage.xliff import xlifffile

    # translate-toolkit's checks of the root (version, namespace, a <file> to write to) run
    # on a copy of the root, as lxml reads it, and of its <file> elements without content
    try:
        store: Any = xlifffile(io.BytesIO(_skeleton(path, info)))
    except (etree.LxmlError, ValueError, AssertionError, StopIteration) as exc:
        raise toolkit_error(path, "XLIFF 1", exc) from None
    namespace = store.namespace
    file_tag = store.namespaced("file")
    attributes = [attrib for tag, attrib in info.kept if tag == file_tag]
    nodes: list[FileNode] = [
        (attrib, functools.partial(child_line, path, file_tag, index))
        for index, attrib in enumerate(attributes)
    ]
    files = _files(path, nodes, "1", options, info.attrib, info.line)
    return _segments(path, lambda: _units_1(path, store, file_tag), "1", files, namespace)


def _line_of(element: Any) -> int | None:
    line: int | None = element.sourceline
    return line


def _skeleton(path: Path, info: XmlInfo) -> bytes:
    """The root element as lxml reads it (tag, namespaces, attributes: an XML declaration or
    root tag that lxml refuses fails here, as it did when translate-toolkit parsed the whole
    file), holding empty copies of its ``<file>`` children."""
    events = etree.iterparse(
        Unnamed(path), events=("start",), strip_cdata=False, resolve_entities=False, no_network=True
    )
    _, read = next(events)
    try:
        root = etree.Element(read.tag, dict(read.attrib), nsmap=read.nsmap)
    except ValueError:
        # a namespace lxml only warns about here, and refuses at the end of the document
        for _ in events:
            pass
        raise
    del events, read
    for child, attrib in info.kept:
        etree.SubElement(root, child, attrib)
    return bytes(etree.tostring(root))


def _units_1(path: Path, store: Any, file_tag: str) -> Iterator[tuple[Any, int | None]]:
    """``(unit, index of its <file>)`` for each ``<trans-unit>``, in document order, parsed
    incrementally: a unit (and any nested in it) is dropped once handed out. The index is
    ``None`` for a unit whose nearest ``<file>`` is not a child of the root."""
    from translate.storage.xliff import Xliff1Unit

    unit_tag = store.namespaced(Xliff1Unit.rootNode)
    file_index: dict[Any, int] = {}
    events = etree.iterparse(
        Unnamed(path),
        events=("start", "end"),
        tag=(file_tag, unit_tag),
        strip_cdata=False,
        resolve_entities=False,
        no_network=True,
    )
    try:
        for event, element in events:
            if element.tag == file_tag:
                parent = element.getparent()
                if event == "start" and parent is not None and parent.getparent() is None:
                    file_index[element] = len(file_index)
                continue
            if event == "start" or next(element.iterancestors(unit_tag), None) is not None:
                continue  # a <trans-unit> inside one: handed out with the outer one, in order
            for node in element.iter(unit_tag):
                unit = Xliff1Unit.createfromxmlElement(node)
                unit.namespace = store.namespace
                unit._store = store
                owner = next(node.iterancestors(file_tag), None)
                yield unit, file_index.get(owner) if owner is not None else None
            element.clear()
            parent = element.getparent()
            if parent is not None and parent.getparent() is not None:
                while element.getprevious() is not None:
                    del parent[0]
    except etree.LxmlError as exc:
        raise toolkit_error(path, "XLIFF 1", exc) from None


def _major_version(path: Path, info: XmlInfo) -> str:
    version = info.attrib.get("version", "").strip()
    if not version and info.namespace.startswith(_NS_PREFIX):
        version = info.namespace[len(_NS_PREFIX) :]
    major = version.split(".", 1)[0]
    if major not in ("1", "2"):
        raise InputError(
            str(path),
            f"unsupported XLIFF version {version!r} (tqa reads XLIFF 1.x and 2.x)"
            if version
            else "no XLIFF version: neither a version attribute nor an XLIFF namespace",
            line=info.line,
        )
    return major


def _files(
    path: Path,
    nodes: list[FileNode],
    major: str,
    options: ReadOptions,
    root: Mapping[str, str],
    root_line: int | None,
) -> list[_File]:
    """Per ``<file>`` element, in order: its document key and its languages (checked here)."""
    files: list[_File] = []
    for index, (node, line) in enumerate(nodes, start=1):
        key = node.get("original") or node.get("id") or f"file{index}"
        if any(f.key == key for f in files):
            key = f"{key}[{index}]"  # two <file>s with the same name stay two documents
        if major == "2":
            src = root.get("srcLang") or options.src_lang
            tgt = root.get("trgLang") or options.tgt_lang
            if not tgt:
                raise InputError(
                    str(path),
                    "XLIFF 2 file has no target language: <xliff> has no trgLang attribute "
                    "and no --tgt-lang was given",
                    line=root_line,
                )
            langs = require_langs(path, src, tgt, line=root_line)
        else:
            src = node.get("source-language") or options.src_lang
            tgt = node.get("target-language") or options.tgt_lang
            if not tgt:
                raise InputError(
                    str(path),
                    f"<file original={key!r}> has no target-language attribute and no "
                    "--tgt-lang was given",
                    line=line(),
                )
            langs = require_langs(path, src, tgt, line=None if src else line())
        files.append(_File(key=key, src_lang=langs[0], tgt_lang=langs[1]))
    return files


Units = Callable[[], Iterator[tuple[Any, int | None]]]
"""Yields ``(translate-toolkit unit, index of its <file> or None)`` in document order; called
again to re-read the ids when a digest repeats."""


def _segments(
    path: Path, units: Units, major: str, files: list[_File], namespace: str | None
) -> Iterator[Segment]:
    several = len(files) > 1

    def ids() -> Iterator[tuple[int, str]]:
        for position, (unit, index) in enumerate(units()):
            if index is not None:
                yield position, _ids(unit, major, files[index], several)[1]

    seen = SeenIds(ids)
    for position, (unit, index) in enumerate(units()):
        element = unit.xmlelement
        if index is None:
            raise InputError(
                str(path), "translation unit outside a <file> element", line=element.sourceline
            )
        meta = files[index]
        unit_id, seg_id = _ids(unit, major, meta, several)
        if not seen.add(seg_id, position):
            local_id = unit_id if unit_id else str(element.sourceline)
            raise InputError(
                str(path), f"duplicate unit id {local_id!r}", line=element.sourceline, unit=unit_id
            )
        flags: set[str] = set()
        if _is_fuzzy(unit, major):
            flags.add("fuzzy")
        if not unit.istranslatable():
            flags.add("translate-no")
        yield Segment(
            id=seg_id,
            source=unit.source or "",
            target=unit.target or "",
            src_lang=meta.src_lang,
            tgt_lang=meta.tgt_lang,
            reference=_reference(element, namespace) if major != "2" else None,
            origin=Origin(str(path), line=element.sourceline, unit=unit_id),
            document=f"{path}#{meta.key}" if several else str(path),
            flags=frozenset(flags),
        )


def _ids(unit: Any, major: str, meta: _File, several: bool) -> tuple[str | None, str]:
    """``(the unit's own id or None, the segment id)``."""
    element = unit.xmlelement
    if major == "2":
        has_id = unit.getunitelement().get("id") is not None
        unit_id = unit.getid() if has_id else None
    else:
        unit_id = element.get("id")
    local_id = unit_id if unit_id else str(element.sourceline)
    return unit_id, f"{meta.key}#{local_id}" if several else local_id


def _reference(element: Any, namespace: str | None) -> str | None:
    """XLIFF 1.2: the target of an ``<alt-trans alttranstype="reference">``, the spec's way of
    carrying a reference translation with a unit (XLIFF 2.0 has no such element)."""
    for alt in element.iterchildren(_namespaced(namespace, "alt-trans")):
        if alt.get("alttranstype") == "reference":
            target = alt.find(_namespaced(namespace, "target"))
            if target is not None:
                return "".join(target.itertext())
    return None


def _namespaced(namespace: str | None, name: str) -> str:
    return f"{{{namespace}}}{name}" if namespace else name


def _is_fuzzy(unit: Any, major: str) -> bool:
    if major == "2":
        return bool(unit.isfuzzy())
    target = unit.get_target_dom()
    if target is None:
        return False
    state = (target.get("state") or "").strip()
    qualifier = (target.get("state-qualifier") or "").strip()
    return state.startswith("needs-review") or qualifier == "fuzzy-match"
