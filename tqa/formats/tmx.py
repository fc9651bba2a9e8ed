"""TMX (1.1-1.4), read with translate-toolkit after the ``xmlsafe`` checks.

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

import io
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from lxml import etree

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions
from tqa.formats.xmlsafe import load_xml, toolkit_error

_XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """Parse and check the whole document up front, then yield its segments."""
    info = load_xml(path)
    if info.root != "tmx":
        raise InputError(
            str(path), f"root element is <{info.root}>, not <tmx>: not a TMX file", line=info.line
        )
    if "body" not in info.children:
        raise InputError(str(path), "TMX document without a <body> element", line=info.line)
    from translate.storage.tmx import tmxfile

    try:
        store: Any = tmxfile(io.BytesIO(info.data))
    except (etree.LxmlError, ValueError, AssertionError) as exc:
        raise toolkit_error(path, "TMX", exc) from None
    root = store.document.getroot()
    header = root.find(store.namespaced("header"))
    header_src = header.get("srclang") if header is not None else None
    if header_src and header_src.strip().lower() == "*all*":
        header_src = None
    file_src = header_src or options.src_lang
    target = options.tgt_lang or _file_target(path, store, file_src, header)
    return iter(list(_segments(path, store, file_src, target)))


def _lang_of(node: Any) -> str | None:
    return node.get(_XML_LANG) or node.get("lang")


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


def _file_target(path: Path, store: Any, src: str | None, header: Any) -> str:
    """The target language when no ``--tgt-lang`` was given: the file's only other language."""
    seen: dict[str, str] = {}
    for unit in store.units:
        unit_src = unit.xmlelement.get("srclang") or src
        for node in unit.getlanguageNodes():
            tag = _lang_of(node)
            if tag is None:
                continue
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


def _segments(path: Path, store: Any, file_src: str | None, target: str) -> Iterator[Segment]:
    seen: set[str] = set()
    for unit in store.units:
        element = unit.xmlelement
        line = element.sourceline
        tuid = element.get("tuid") or None
        seg_id = tuid if tuid else str(line)
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
        if seg_id in seen:
            raise InputError(str(path), f"duplicate tuid {seg_id!r}", line=line, unit=tuid)
        seen.add(seg_id)
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


def _xml_space(unit: Any) -> str:
    from translate.misc.xml_helpers import getXMLspace

    return str(getXMLspace(unit.xmlelement, unit._default_xml_space))
