"""TMX (1.1-1.4), streamed, with translate-toolkit's reading of each ``<tu>``.

The ``xmlsafe`` checks run over the whole file first (streaming too), so a malformed or
unsafe file fails before any segment. Then lxml parses the file again incrementally: each
``<tu>`` is wrapped in translate-toolkit's ``tmxunit`` (its text extraction, inline codes and
``xml:space`` rules), turned into a segment and dropped, so memory does not grow with the
file. Without ``--tgt-lang``, the safety pass also gathers the languages of the ``<tuv>``s.

One segment per ``<tu>``. Languages:

- source: the ``<tu srclang>``, else ``<header srclang>`` (unless ``*all*``), else
  ``--src-lang``;
- target: ``--tgt-lang`` when given, else the one language of the file's ``<tuv>``s that
  is not the source language (an error when there are several: pass ``--tgt-lang``).

Text is what translate-toolkit extracts from ``<seg>`` (inline ``<bpt>``/``<ph>``... codes
contribute their text content); whitespace is kept as it is. A language matches a
``<tuv xml:lang>`` exactly (ignoring case and ``_``/``-``), else by its
primary subtag (``en`` finds ``en-GB``). The segment carries the ``xml:lang`` of the tuvs
actually used. A ``<tu>`` without a target tuv is a segment with an empty target; one
without a source tuv is an error. Ids are the ``tuid`` when present, else the line of the
``<tu>``; duplicate ids are an error.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from lxml import etree

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions
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

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


class _Header:
    """The ``<header>``: its attributes, and its line when an error needs it."""

    def __init__(self, path: Path, tag: str, attrib: dict[str, str]) -> None:
        self.path = path
        self.tag = tag
        self.attrib = attrib

    def get(self, key: str) -> str | None:
        return self.attrib.get(key)

    @property
    def sourceline(self) -> int | None:
        return child_line(self.path, self.tag)


class _Languages:
    """Each distinct ``(srclang of the <tu>, xml:lang of the <tuv>)``, in document order, as
    the safety pass goes by (a watcher of :func:`scan_xml`): what the target-language guess
    needs, without parsing the file once more."""

    def __init__(self) -> None:
        self.seen: dict[tuple[str, str, str | None, str], None] = {}

    def __call__(
        self, tag: str, attrib: dict[str, str], ancestors: Sequence[tuple[str, dict[str, str]]]
    ) -> None:
        parent, parent_attrib = ancestors[-1]
        if tag.endswith("tuv") and parent.endswith("tu"):
            lang = _lang_of(attrib)
            if lang is not None:
                self.seen.setdefault((tag, parent, parent_attrib.get("srclang"), lang))

    def pairs(self, namespace: str | None) -> list[tuple[str | None, str]]:
        """``(srclang of the <tu>, language)`` for the ``<tuv>`` of the document's namespace."""
        tuv, tu = namespaced(namespace, "tuv"), namespaced(namespace, "tu")
        return [(src, lang) for tag, parent, src, lang in self.seen if tag == tuv and parent == tu]


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """Check the whole file (streaming), then yield its segments one ``<tu>`` at a time."""
    languages = _Languages() if not options.tgt_lang else None
    info = scan_xml(path, languages, keep=("header",))
    if info.root != "tmx":
        raise InputError(
            str(path), f"root element is <{info.root}>, not <tmx>: not a TMX file", line=info.line
        )
    if "body" not in info.children:
        raise InputError(str(path), "TMX document without a <body> element", line=info.line)
    namespace = info.default_namespace
    if info.namespace != (namespace or ""):
        # translate-toolkit looks for <tmx> in the root's default namespace only
        raise toolkit_error(path, "TMX", AssertionError())
    header_tag = namespaced(namespace, "header")
    found = next((attrib for tag, attrib in info.kept if tag == header_tag), None)
    header = _Header(path, header_tag, found) if found is not None else None
    header_src = header.get("srclang") if header is not None else None
    if header_src and header_src.strip().lower() == "*all*":
        header_src = None
    file_src = header_src or options.src_lang
    if languages is None:
        assert options.tgt_lang is not None
        target = options.tgt_lang
    else:
        target = _file_target(path, languages.pairs(namespace), file_src, header)
    return _segments(path, info, file_src, target)


def _units(path: Path, info: XmlInfo) -> Iterator[Any]:
    """translate-toolkit's ``tmxunit`` for each ``<tu>`` of the file, in document order,
    parsed incrementally: a ``<tu>`` (and any nested in it) is dropped once handed out."""
    from translate.storage.tmx import tmxunit

    namespace = info.default_namespace
    tag = namespaced(namespace, "tu")
    try:
        for _event, element in iterparse(path, ("end",), tag):
            if next(element.iterancestors(tag), None) is not None:
                continue  # a <tu> inside a <tu>: handed out with the outer one, in order
            for node in element.iter(tag):
                unit = tmxunit.createfromxmlElement(node)
                unit.namespace = namespace
                yield unit
            release(element)
    except etree.LxmlError as exc:
        raise toolkit_error(path, "TMX", exc) from None


def _lang_of(node: Any) -> str | None:
    """The language of a ``<tuv>`` (an element, or its attributes)."""
    return node.get(_XML_LANG) or node.get("lang")


@functools.lru_cache(maxsize=1024)
def _norm(lang: str) -> str:
    return lang.strip().replace("_", "-").lower()


def _find(nodes: list[Any], lang: str) -> Any | None:
    """The tuv for ``lang``: exact match first, else a unique primary-subtag match."""
    wanted = _norm(lang)
    for node in nodes:
        tag = _lang_of(node)
        if tag is not None and _norm(tag) == wanted:
            return node
    primary = wanted.split("-", 1)[0]
    matches = [
        n for n in nodes if (t := _lang_of(n)) is not None and _norm(t).split("-", 1)[0] == primary
    ]
    return matches[0] if len(matches) == 1 else None


def _file_target(
    path: Path, pairs: list[tuple[str | None, str]], src: str | None, header: _Header | None
) -> str:
    """The target language when no ``--tgt-lang`` was given: the file's only other language.
    ``pairs``: ``(srclang of the <tu>, language)`` of the ``<tuv>``s (:class:`_Languages`)."""
    seen: dict[str, str] = {}
    for unit_srclang, tag in pairs:
        unit_src = unit_srclang or src
        if unit_src is not None and _same_language(tag, unit_src):
            continue
        seen.setdefault(_norm(tag), tag)
    where = header.sourceline if header is not None else None
    if src is None:
        raise InputError(
            str(path),
            "no source language: <header> has no srclang (or says *all*) and no --src-lang "
            "was given",
            line=where,
        )
    if len(seen) == 1:
        return next(iter(seen.values()))
    if not seen:
        raise InputError(
            str(path),
            f"no target language: no <tuv> in a language other than {src!r}; pass --tgt-lang",
            line=where,
        )
    raise InputError(
        str(path),
        f"several candidate target languages ({', '.join(sorted(seen.values()))}): "
        "pass --tgt-lang to choose one",
        line=where,
    )


def _same_language(tag: str, lang: str) -> bool:
    a, b = _norm(tag), _norm(lang)
    return a == b or a.split("-", 1)[0] == b.split("-", 1)[0]


def _segments(path: Path, info: XmlInfo, file_src: str | None, target: str) -> Iterator[Segment]:
    seen = SeenIds(lambda: enumerate(map(_unit_id, _units(path, info))))
    for index, unit in enumerate(_units(path, info)):
        element = unit.xmlelement
        line = element.sourceline
        tuid = element.get("tuid") or None
        seg_id = _unit_id(unit)
        src_lang = element.get("srclang") or file_src
        if src_lang is not None and _norm(src_lang) == "*all*":
            src_lang = file_src
        if src_lang is None:
            raise InputError(
                str(path),
                "no source language for this <tu>: no srclang and no --src-lang",
                line=line,
                unit=tuid,
            )
        nodes = unit.getlanguageNodes()
        source_node = _find(nodes, src_lang)
        if source_node is None:
            langs = ", ".join(_lang_of(n) or "?" for n in nodes) or "none"
            raise InputError(
                str(path),
                f"<tu> has no <tuv> in the source language {src_lang!r} (it has: {langs})",
                line=line,
                unit=tuid,
            )
        target_node = _find([n for n in nodes if n is not source_node], target)
        if not seen.add(seg_id, index):
            raise InputError(str(path), f"duplicate tuid {seg_id!r}", line=line, unit=tuid)
        space = _xml_space(unit)
        yield Segment(
            id=seg_id,
            source=unit.getNodeText(source_node, space) or "",
            target=(unit.getNodeText(target_node, space) or "") if target_node is not None else "",
            src_lang=_lang_of(source_node) or src_lang,
            tgt_lang=(_lang_of(target_node) or target) if target_node is not None else target,
            origin=Origin(str(path), line=line, unit=tuid),
            document=str(path),
        )


def _unit_id(unit: Any) -> str:
    """A ``<tu>``'s segment id: its ``tuid``, else its line."""
    element = unit.xmlelement
    return str(element.get("tuid") or element.sourceline)


def _xml_space(unit: Any) -> str:
    from translate.misc.xml_helpers import getXMLspace

    return str(getXMLspace(unit.xmlelement, unit._default_xml_space))
