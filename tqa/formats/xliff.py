"""XLIFF 1.2 and 2.0, read with translate-toolkit after the ``xmlsafe`` checks.

Both versions stream: after the safety pass (``xmlsafe.scan_xml``, which also keeps the
``<file>`` attributes), translate-toolkit checks a copy of the root element as lxml reads it
and of its ``<file>`` elements (version, namespace); then lxml's ``iterparse`` hands out one
``<trans-unit>`` (1.x) or the ``<segment>``s of one ``<unit>`` (2.x) at a time, wrapped in
translate-toolkit's own ``Xliff1Unit``/``Xliff2Unit``, and drops them. An XLIFF 2 document
whose segments are not all children of units, in an order that streaming keeps, is parsed
whole by translate-toolkit (:class:`_SegmentShape` tells during the safety pass).

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
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, require_langs
from tqa.formats.ids import SeenIds
from tqa.formats.xmlsafe import (
    XmlInfo,
    child_line,
    iterparse,
    namespaced,
    release,
    scan_xml,
    toolkit_error,
)

_NS_PREFIX = "urn:oasis:names:tc:xliff:document:"


@dataclass(frozen=True)
class _File:
    key: str
    src_lang: str
    tgt_lang: str


FileNode = tuple[Mapping[str, str], Callable[[], int | None]]
"""A ``<file>`` element: its attributes, and its line (looked up when an error needs it)."""


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """Check the whole document (streaming), then yield its segments one unit at a time."""
    shape = _SegmentShape()
    info = scan_xml(path, shape, keep=("file",))
    if info.root != "xliff":
        raise InputError(
            str(path),
            f"root element is <{info.root}>, not <xliff>: not an XLIFF file",
            line=info.line,
        )
    if "file" not in info.children:
        raise InputError(str(path), "XLIFF document without any <file> element", line=info.line)
    major = _major_version(path, info)
    from translate.storage.xliff import xlifffile
    from translate.storage.xliff2 import Xliff2File

    store_class: Any = Xliff2File if major == "2" else xlifffile
    # translate-toolkit's checks of the root (version, namespace, a <file> to write to) run
    # on a copy of the root, as lxml reads it, and of its <file> elements without content
    try:
        skeleton, root_line = _skeleton(path, info)
        store: Any = store_class(io.BytesIO(skeleton))
    except (etree.LxmlError, ValueError, AssertionError, StopIteration) as exc:
        raise toolkit_error(path, f"XLIFF {major}", exc) from None
    if major == "2" and store.namespaced("segment") in shape.irregular:
        return _read_whole_2(path, options)
    file_tag = store.namespaced("file")
    attributes = [attrib for tag, attrib in info.kept if tag == file_tag]
    nodes: list[FileNode] = [
        (attrib, functools.partial(child_line, path, file_tag, index))
        for index, attrib in enumerate(attributes)
    ]
    files = _files(path, nodes, major, options, info.attrib, root_line)
    units = functools.partial(_units, path, store, major)
    return _segments(path, units, major, files, store.namespace)


class _SegmentShape:
    """Whether an XLIFF 2 document can be streamed ``<unit>`` by ``<unit>`` with
    translate-toolkit's results: it takes every ``<segment>`` (wherever it is) in document
    order, with the element around it as its unit. Handing out each ``<unit>``'s segments
    when it ends gives that order as long as every ``<segment>`` sits in a ``<unit>`` of its
    namespace and no element further out has had a ``<segment>`` of its own before it. A
    watcher of :func:`scan_xml`; ``irregular`` holds the segment tags (Clark) that break this.
    """

    def __init__(self) -> None:
        self.marked: list[int] = []
        """Depths (the root is 0), increasing, of the open elements that have had a segment
        as a child."""
        self.irregular: set[str] = set()

    def __call__(
        self, tag: str, attrib: dict[str, str], ancestors: Sequence[tuple[str, dict[str, str]]]
    ) -> None:
        depth = len(ancestors)
        marked = self.marked
        while marked and marked[-1] >= depth:
            marked.pop()  # that element has ended
        if tag == "segment" or tag.endswith("}segment"):
            unit = tag[: -len("segment")] + "unit"
            if ancestors[-1][0] != unit or (marked and marked[0] < depth - 1):
                self.irregular.add(tag)
            if not marked or marked[-1] != depth - 1:
                marked.append(depth - 1)


def _read_whole_2(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """XLIFF 2 parsed whole by translate-toolkit (segments outside the usual shape)."""
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


def _line_of(element: Any) -> int | None:
    line: int | None = element.sourceline
    return line


def _skeleton(path: Path, info: XmlInfo) -> tuple[bytes, int | None]:
    """The root element as lxml reads it (tag, namespaces, attributes: an XML declaration or
    root tag that lxml refuses fails here, as it did when translate-toolkit parsed the whole
    file), holding empty copies of its ``<file>`` children; and lxml's line of the root."""
    events = iterparse(path, ("start",))
    _, read = next(events)
    try:
        root = etree.Element(read.tag, dict(read.attrib), nsmap=read.nsmap)
    except ValueError:
        # a namespace lxml only warns about here, and refuses at the end of the document
        for _ in events:
            pass
        raise
    line: int | None = read.sourceline
    del events, read
    for child, attrib in info.kept:
        etree.SubElement(root, child, attrib)
    return bytes(etree.tostring(root)), line


def _units(path: Path, store: Any, major: str) -> Iterator[tuple[Any, int | None]]:
    """``(translate-toolkit unit, index of its <file>)`` in document order, parsed
    incrementally: XLIFF 1 a ``<trans-unit>`` (and any nested in it), XLIFF 2 the
    ``<segment>``s of a ``<unit>``, dropped once handed out. The index is ``None`` for a unit
    whose nearest ``<file>`` is not a child of the root."""
    from translate.storage.xliff import Xliff1Unit
    from translate.storage.xliff2 import Xliff2Unit

    unit_class: Any = Xliff2Unit if major == "2" else Xliff1Unit
    item_tag = store.namespaced(unit_class.rootNode)  # <segment> or <trans-unit>
    outer_tag = store.namespaced("unit") if major == "2" else item_tag
    file_tag = store.namespaced("file")
    file_index: dict[Any, int] = {}
    try:
        for event, element in iterparse(path, ("start", "end"), (file_tag, outer_tag)):
            if element.tag == file_tag:
                parent = element.getparent()
                if event == "start" and parent is not None and parent.getparent() is None:
                    file_index[element] = len(file_index)
                continue
            if event == "start":
                continue
            if major == "2":
                nodes = element.iterchildren(item_tag)
            elif next(element.iterancestors(item_tag), None) is not None:
                continue  # a <trans-unit> inside one: handed out with the outer one, in order
            else:
                nodes = element.iter(item_tag)
            for node in nodes:
                unit = unit_class.createfromxmlElement(node)
                unit.namespace = store.namespace
                unit._store = store
                owner = next(node.iterancestors(file_tag), None)
                yield unit, file_index.get(owner) if owner is not None else None
            release(element)
    except etree.LxmlError as exc:
        raise toolkit_error(path, f"XLIFF {major}", exc) from None


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
    for alt in element.iterchildren(namespaced(namespace, "alt-trans")):
        if alt.get("alttranstype") == "reference":
            target = alt.find(namespaced(namespace, "target"))
            if target is not None:
                return "".join(target.itertext())
    return None


def _is_fuzzy(unit: Any, major: str) -> bool:
    if major == "2":
        return bool(unit.isfuzzy())
    target = unit.get_target_dom()
    if target is None:
        return False
    state = (target.get("state") or "").strip()
    qualifier = (target.get("state-qualifier") or "").strip()
    return state.startswith("needs-review") or qualifier == "fuzzy-match"
