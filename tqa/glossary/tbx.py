"""TBX reading and writing: TBX-Basic (``martif``) and TBX v3 (``tbx``, DCA or DCT style).

Reading is safe and tolerant: XML is parsed with defusedxml (no entity declarations, no
external references, so no entity-expansion bombs and no file disclosure), namespaces are
ignored, and the usual places of the data categories are all accepted:

- entries: ``termEntry`` (TBX-Basic) or ``conceptEntry`` (v3), each with an ``id``;
- languages: ``langSet`` / ``langSec`` with ``xml:lang``;
- terms: ``tig``, ``ntig``/``termGrp`` or ``termSec``, each with a ``term``;
- ``termNote type="administrativeStatus"`` (or ``normativeAuthorization``): preferred,
  admitted, deprecated and superseded (superseded becomes deprecated); the DCT-style element
  ``<administrativeStatus>`` is read too;
- ``termNote type="termType"``: fullForm, acronym, abbreviation (others are ignored);
- ``descrip type="definition"``, ``descrip type="subjectField"`` and ``note``, at entry or
  language level (the first non-empty value wins).

TBX has no "forbidden" status and no matching options, so the writer adds private termNotes
that other tools ignore: ``x-tqa-status`` (``forbidden``, written beside
``deprecatedTerm-admn-sts``), ``x-tqa-caseSensitive`` (``true``/``false``) and ``x-tqa-match``
(``exact``). Malformed XML and unknown status values raise ``InputError`` with file and line.
"""

from __future__ import annotations

import xml.etree.ElementTree as StdET
from pathlib import Path
from typing import Any, Literal, TextIO

import defusedxml.ElementTree as SafeET
from defusedxml.common import DefusedXmlException

from tqa.errors import InputError
from tqa.glossary.model import Concept, Glossary, MatchMode, Term, TermStatus, TermType

TbxDialect = Literal["tbx-basic", "tbx-v3"]

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
TBX_V3_NS = "urn:iso:std:iso:30042:ed-2"

_STATUS_WRITE = {
    TermStatus.PREFERRED: "preferredTerm-admn-sts",
    TermStatus.ADMITTED: "admittedTerm-admn-sts",
    TermStatus.DEPRECATED: "deprecatedTerm-admn-sts",
    TermStatus.FORBIDDEN: "deprecatedTerm-admn-sts",
}

_STATUS_READ = {
    "preferred": TermStatus.PREFERRED,
    "standardized": TermStatus.PREFERRED,
    "legal": TermStatus.PREFERRED,
    "regulated": TermStatus.PREFERRED,
    "admitted": TermStatus.ADMITTED,
    "deprecated": TermStatus.DEPRECATED,
    "superseded": TermStatus.DEPRECATED,
    "notrecommended": TermStatus.DEPRECATED,
    "obsolete": TermStatus.DEPRECATED,
    "forbidden": TermStatus.FORBIDDEN,
}

_TYPE_READ = {
    "fullform": TermType.FULL_FORM,
    "acronym": TermType.ACRONYM,
    "initialism": TermType.ACRONYM,
    "abbreviation": TermType.ABBREVIATION,
    "shortform": TermType.ABBREVIATION,
}


def parse_status(value: str) -> TermStatus | None:
    """A TBX administrative status (``preferredTerm-admn-sts``, ``preferred``...) or None."""
    key = value.strip().lower().replace("-admn-sts", "").replace(" ", "").replace("_", "")
    if key.endswith("term"):
        key = key[: -len("term")]
    return _STATUS_READ.get(key)


def parse_term_type(value: str) -> TermType | None:
    return _TYPE_READ.get(value.strip().lower().replace("-", "").replace(" ", ""))


class _LineParser(SafeET.DefusedXMLParser):
    """A defused parser that remembers the line where each element starts."""

    def __init__(self) -> None:
        super().__init__(target=StdET.TreeBuilder())
        self.lines: dict[int, int] = {}

    def _start(self, tag: str, attr_list: Any) -> Any:
        # ``_start`` is the pure-Python parser's element hook (defusedxml builds on it).
        element = super()._start(tag, attr_list)  # type: ignore[misc]
        self.lines[id(element)] = self.parser.CurrentLineNumber
        return element


def _local(tag: object) -> str:
    text = str(tag)
    return text.rsplit("}", 1)[-1].rsplit(":", 1)[-1]


def _text(element: StdET.Element) -> str:
    return " ".join("".join(element.itertext()).split())


class _Reader:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.parser = _LineParser()

    def line(self, element: StdET.Element) -> int | None:
        return self.parser.lines.get(id(element))

    def error(self, message: str, element: StdET.Element | None = None) -> InputError:
        return InputError(
            str(self.path), message, line=self.line(element) if element is not None else None
        )

    def parse(self, data: bytes) -> StdET.Element:
        try:
            self.parser.feed(data)
            root: StdET.Element = self.parser.close()
        except StdET.ParseError as exc:
            line, column = exc.position
            raise InputError(
                str(self.path), f"malformed XML: {exc.msg}", line=line, column=column
            ) from None
        except DefusedXmlException as exc:
            line = self.parser.parser.CurrentLineNumber
            raise InputError(
                str(self.path),
                f"refused unsafe XML ({type(exc).__name__}: entity declarations and external "
                "references are not allowed in glossaries)",
                line=line,
            ) from None
        return root

    def read(self) -> Glossary:
        try:
            data = self.path.read_bytes()
        except OSError as exc:
            raise InputError(str(self.path), f"cannot read: {exc.strerror or exc}") from None
        root = self.parse(data)
        if _local(root.tag) not in ("martif", "tbx"):
            raise self.error(
                f"not a TBX file: root element is <{_local(root.tag)}>, "
                "expected <martif> (TBX-Basic) or <tbx> (TBX v3)",
                root,
            )
        concepts: dict[str, Concept] = {}
        first_line: dict[str, int | None] = {}
        for index, entry in enumerate(
            e for e in root.iter() if _local(e.tag) in ("termEntry", "conceptEntry")
        ):
            concept = self.read_entry(entry, index)
            if concept.id in concepts:
                where = first_line.get(concept.id)
                raise self.error(
                    f"duplicate concept id {concept.id!r}"
                    + (f" (first defined on line {where})" if where else ""),
                    entry,
                )
            concepts[concept.id] = concept
            first_line[concept.id] = self.line(entry)
        return Glossary(concepts, (str(self.path),))

    def read_entry(self, entry: StdET.Element, index: int) -> Concept:
        concept_id = (entry.get("id") or "").strip() or f"entry-{index + 1}"
        fields: dict[str, str] = {}
        terms: list[Term] = []
        seen: dict[tuple[str, str], TermStatus] = {}
        self.collect_fields(entry, fields)
        for lang_set in (e for e in entry if _local(e.tag) in ("langSet", "langSec")):
            lang = (lang_set.get(XML_LANG) or lang_set.get("lang") or "").strip()
            if not lang:
                raise self.error(
                    f"concept {concept_id!r}: language section without xml:lang", lang_set
                )
            self.collect_fields(lang_set, fields)
            for holder in lang_set.iter():
                if _local(holder.tag) not in ("tig", "ntig", "termSec"):
                    continue
                term = self.read_term(holder, lang, concept_id)
                if term is None:
                    continue
                key = (term.lang.lower(), term.text)
                if key in seen:
                    if seen[key] != term.status:
                        raise self.error(
                            f"concept {concept_id!r}: term {term.text!r} ({term.lang}) is both "
                            f"{seen[key].value} and {term.status.value}",
                            holder,
                        )
                    continue
                seen[key] = term.status
                terms.append(term)
        return Concept(
            id=concept_id,
            terms=tuple(terms),
            definition=fields.get("definition"),
            note=fields.get("note"),
            domain=fields.get("subjectField"),
        )

    @staticmethod
    def collect_fields(parent: StdET.Element, fields: dict[str, str]) -> None:
        """Definition, subject field and note directly under ``parent`` (or a descripGrp)."""
        for child in parent:
            name = _local(child.tag)
            if name == "descripGrp":
                _Reader.collect_fields(child, fields)
                continue
            if name == "descrip":
                key = child.get("type") or ""
            elif name in ("note", "definition", "subjectField"):
                key = name
            else:
                continue
            value = _text(child)
            if key in ("definition", "subjectField", "note") and value:
                fields.setdefault(key, value)

    def read_term(self, holder: StdET.Element, lang: str, concept_id: str) -> Term | None:
        term_el = next((e for e in holder.iter() if _local(e.tag) == "term"), None)
        if term_el is None:
            return None
        text = _text(term_el)
        if not text:
            return None
        status: TermStatus | None = None
        private_status: TermStatus | None = None
        term_type: TermType | None = None
        case_sensitive: bool | None = None
        match = MatchMode.INFLECT
        for note in holder.iter():
            name = _local(note.tag)
            kind = note.get("type", "") if name == "termNote" else name
            value = _text(note)
            if not value:
                continue
            if kind in ("administrativeStatus", "normativeAuthorization"):
                status = parse_status(value)
                if status is None:
                    raise self.error(
                        f"concept {concept_id!r}: unknown administrative status {value!r} for "
                        f"term {text!r}",
                        note,
                    )
            elif kind == "termType":
                term_type = parse_term_type(value)
            elif kind == "x-tqa-status":
                private_status = parse_status(value)
            elif kind == "x-tqa-caseSensitive":
                case_sensitive = value.strip().lower() in ("true", "yes", "1")
            elif kind == "x-tqa-match":
                match = MatchMode.EXACT if value.strip().lower() == "exact" else MatchMode.INFLECT
        final = private_status or status or TermStatus.ADMITTED
        return Term(text, lang, final, term_type, case_sensitive, match)


def read_tbx(path: Path) -> Glossary:
    """Read a TBX-Basic or TBX v3 file (the root element tells which)."""
    return _Reader(Path(path)).read()


def _sub(
    parent: StdET.Element,
    tag: str,
    text: str | None = None,
    attrib: dict[str, str] | None = None,
    **extra: str,
) -> StdET.Element:
    element = StdET.SubElement(parent, tag, {**(attrib or {}), **extra})
    if text is not None:
        element.text = text
    return element


def _write_term(holder: StdET.Element, term: Term) -> None:
    _sub(holder, "term", term.text)
    if term.term_type is not None:
        _sub(holder, "termNote", term.term_type.value, type="termType")
    _sub(holder, "termNote", _STATUS_WRITE[term.status], type="administrativeStatus")
    if term.status == TermStatus.FORBIDDEN:
        _sub(holder, "termNote", "forbidden", type="x-tqa-status")
    if term.case_sensitive is not None:
        _sub(
            holder,
            "termNote",
            "true" if term.case_sensitive else "false",
            type="x-tqa-caseSensitive",
        )
    if term.match == MatchMode.EXACT:
        _sub(holder, "termNote", "exact", type="x-tqa-match")


def tbx_tree(glossary: Glossary, dialect: TbxDialect = "tbx-basic") -> StdET.ElementTree:
    """The XML tree of a glossary in TBX-Basic (``martif``) or TBX v3 (``tbx``, DCA style)."""
    v3 = dialect == "tbx-v3"
    languages = [t.lang for c in glossary for t in c.terms]
    main_lang = languages[0] if languages else "en"
    if v3:
        root = StdET.Element(
            "tbx",
            {"type": "TBX-Basic", "style": "dca", XML_LANG: main_lang, "xmlns": TBX_V3_NS},
        )
        header = _sub(root, "tbxHeader")
    else:
        root = StdET.Element("martif", {"type": "TBX-Basic", XML_LANG: main_lang})
        header = _sub(root, "martifHeader")
    source_desc = _sub(_sub(header, "fileDesc"), "sourceDesc")
    _sub(source_desc, "p", "Written by tqa")
    if not v3:
        _sub(_sub(header, "encodingDesc"), "p", "TBXBasicXCSV02.xcs", type="XCSURI")
    body = _sub(_sub(root, "text"), "body")
    for concept in glossary:
        entry = _sub(body, "conceptEntry" if v3 else "termEntry", id=concept.id)
        if concept.domain:
            _sub(entry, "descrip", concept.domain, type="subjectField")
        if concept.definition:
            _sub(entry, "descrip", concept.definition, type="definition")
        if concept.note:
            _sub(entry, "note", concept.note)
        for lang in concept.languages():
            lang_set = _sub(entry, "langSec" if v3 else "langSet", None, {XML_LANG: lang})
            for term in concept.terms:
                if term.lang == lang:
                    _write_term(_sub(lang_set, "termSec" if v3 else "tig"), term)
    StdET.indent(root, space="  ")
    return StdET.ElementTree(root)


def write_tbx(glossary: Glossary, stream: TextIO, dialect: TbxDialect = "tbx-basic") -> None:
    """Write a glossary as TBX to a text stream that encodes UTF-8 (with an XML declaration)."""
    tree = tbx_tree(glossary, dialect)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    tree.write(stream, encoding="unicode", xml_declaration=False)
    stream.write("\n")
