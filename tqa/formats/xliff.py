"""XLIFF 1.2 and 2.0, read with translate-toolkit after the ``xmlsafe`` checks.

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

import io
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from lxml import etree

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, require_langs
from tqa.formats.xmlsafe import XmlInfo, load_xml, toolkit_error

_NS_PREFIX = "urn:oasis:names:tc:xliff:document:"


@dataclass(frozen=True)
class _File:
    key: str
    src_lang: str
    tgt_lang: str


def read(path: Path, options: ReadOptions) -> Iterator[Segment]:
    """Parse and check the whole document up front, then yield its segments."""
    info, data = load_xml(path)
    if info.root != "xliff":
        raise InputError(
            str(path),
            f"root element is <{info.root}>, not <xliff>: not an XLIFF file",
            line=info.line,
        )
    if "file" not in info.children:
        raise InputError(str(path), "XLIFF document without any <file> element", line=info.line)
    major = _major_version(path, info)
    try:
        if major == "2":
            from translate.storage.xliff2 import Xliff2File

            store: Any = Xliff2File(io.BytesIO(data))
        else:
            from translate.storage.xliff import xlifffile

            store = xlifffile(io.BytesIO(data))
    except (etree.LxmlError, ValueError, AssertionError, StopIteration) as exc:
        raise toolkit_error(path, f"XLIFF {major}", exc) from None
    files = _files(path, store, major, options)
    segments = list(_segments(path, store, major, files))
    return iter(segments)


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


def _files(path: Path, store: Any, major: str, options: ReadOptions) -> dict[Any, _File]:
    """Per ``<file>`` element: its document key and its languages (checked here)."""
    root = store.document.getroot()
    nodes = list(root.iterchildren(store.namespaced("file")))
    files: dict[Any, _File] = {}
    for index, node in enumerate(nodes, start=1):
        key = node.get("original") or node.get("id") or f"file{index}"
        if any(f.key == key for f in files.values()):
            key = f"{key}[{index}]"  # two <file>s with the same name stay two documents
        if major == "2":
            src = root.get("srcLang") or options.src_lang
            tgt = root.get("trgLang") or options.tgt_lang
            if not tgt:
                raise InputError(
                    str(path),
                    "XLIFF 2 file has no target language: <xliff> has no trgLang attribute "
                    "and no --tgt-lang was given",
                    line=root.sourceline,
                )
            langs = require_langs(path, src, tgt, line=root.sourceline)
        else:
            src = node.get("source-language") or options.src_lang
            tgt = node.get("target-language") or options.tgt_lang
            if not tgt:
                raise InputError(
                    str(path),
                    f"<file original={key!r}> has no target-language attribute and no "
                    "--tgt-lang was given",
                    line=node.sourceline,
                )
            langs = require_langs(path, src, tgt, line=node.sourceline)
        files[node] = _File(key=key, src_lang=langs[0], tgt_lang=langs[1])
    return files


def _segments(path: Path, store: Any, major: str, files: dict[Any, _File]) -> Iterator[Segment]:
    several = len(files) > 1
    seen: set[str] = set()
    file_tag = store.namespaced("file")
    for unit in store.units:
        element = unit.xmlelement
        file_node = next(element.iterancestors(file_tag), None)
        if file_node is None or file_node not in files:
            raise InputError(
                str(path), "translation unit outside a <file> element", line=element.sourceline
            )
        meta = files[file_node]
        if major == "2":
            has_id = unit.getunitelement().get("id") is not None
            unit_id = unit.getid() if has_id else None
        else:
            unit_id = element.get("id")
        local_id = unit_id if unit_id else str(element.sourceline)
        seg_id = f"{meta.key}#{local_id}" if several else local_id
        if seg_id in seen:
            raise InputError(
                str(path), f"duplicate unit id {local_id!r}", line=element.sourceline, unit=unit_id
            )
        seen.add(seg_id)
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
            reference=_reference(element, store) if major != "2" else None,
            origin=Origin(str(path), line=element.sourceline, unit=unit_id),
            document=f"{path}#{meta.key}" if several else str(path),
            flags=frozenset(flags),
        )


def _reference(element: Any, store: Any) -> str | None:
    """XLIFF 1.2: the target of an ``<alt-trans alttranstype="reference">``, the spec's way of
    carrying a reference translation with a unit (XLIFF 2.0 has no such element)."""
    for alt in element.iterchildren(store.namespaced("alt-trans")):
        if alt.get("alttranstype") == "reference":
            target = alt.find(store.namespaced("target"))
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
