"""Reading, writing and merging glossary files: TBX, CSV and YAML.

``load_glossaries(paths)`` reads every file (format from the extension: ``.tbx``/``.xml``,
``.csv``, ``.yaml``/``.yml``) and merges them: concepts with the same id are united; the
same term (language and text) with two different statuses is an ``InputError`` naming both
files. ``write_glossary`` writes any of the formats; ``convert_glossary`` reads one file and
writes another (used to publish the curated CSV as TBX).

CSV format (UTF-8, comma-separated, header row, one row per term)::

    concept_id,lang,term,status,term_type,case_sensitive,match,domain,definition,note

``status`` is preferred | admitted | deprecated | forbidden (empty: admitted); ``term_type``
fullForm | acronym | abbreviation | empty; ``case_sensitive`` true | false | empty (empty:
acronyms are case-sensitive, others not); ``match`` inflect | exact | empty (inflect).
``domain``, ``definition`` and ``note`` belong to the concept: the first non-empty value of its
rows wins. A concept without terms has no row, so CSV does not keep it.

YAML format: a mapping with one key ``concepts``, a list of concepts::

    concepts:
      - id: hts                       # required, unique in the file
        domain: armed groups          # optional: domain, definition, note
        definition: Syrian armed opposition group.
        terms:                        # language code -> list of terms
          en:
            - term: Hayat Tahrir al-Sham
              status: preferred       # optional, default admitted
              type: fullForm          # optional: fullForm | acronym | abbreviation
            - {term: HTS, status: admitted, type: acronym}
            - {term: Levant Liberation Organization, status: deprecated}
          ar:
            - هيئة تحرير الشام       # a bare string is an admitted term
          es:
            - term: Organismo de Liberación del Levante
              case_sensitive: false   # optional: true | false
              match: exact            # optional: inflect (default) | exact

Errors name the file and, where known, the line.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, Literal

import yaml

from tqa.errors import InputError
from tqa.glossary.model import Concept, Glossary, MatchMode, Term, TermStatus, TermType
from tqa.glossary.tbx import read_tbx, write_tbx
from tqa.report.output import atomic_text_writer

GlossaryFormat = Literal["tbx-basic", "tbx-v3", "csv", "yaml"]

CSV_COLUMNS = (
    "concept_id",
    "lang",
    "term",
    "status",
    "term_type",
    "case_sensitive",
    "match",
    "domain",
    "definition",
    "note",
)
_CSV_REQUIRED = ("concept_id", "lang", "term")

_EXTENSIONS: dict[str, GlossaryFormat] = {
    ".tbx": "tbx-basic",
    ".xml": "tbx-basic",
    ".csv": "csv",
    ".yaml": "yaml",
    ".yml": "yaml",
}


def glossary_format(path: Path) -> GlossaryFormat:
    fmt = _EXTENSIONS.get(Path(path).suffix.lower())
    if fmt is None:
        known = ", ".join(sorted(_EXTENSIONS))
        raise InputError(str(path), f"unknown glossary format (expected one of: {known})")
    return fmt


# -- field parsing shared by CSV and YAML ---------------------------------------------------


def _status(value: str, where: InputError) -> TermStatus:
    text = value.strip().lower()
    if not text:
        return TermStatus.ADMITTED
    try:
        return TermStatus(text)
    except ValueError:
        raise _with(
            where, f"unknown status {value!r} (preferred, admitted, deprecated, forbidden)"
        ) from None


def _term_type(value: str, where: InputError) -> TermType | None:
    text = value.strip()
    if not text:
        return None
    for member in TermType:
        if member.value.lower() == text.lower():
            return member
    raise _with(where, f"unknown term type {value!r} (fullForm, acronym, abbreviation)")


def _bool(value: object, where: InputError) -> bool | None:
    if value is None or isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if not text:
        return None
    if text in ("true", "yes", "1"):
        return True
    if text in ("false", "no", "0"):
        return False
    raise _with(where, f"case_sensitive must be true or false, not {value!r}")


def _match(value: str, where: InputError) -> MatchMode:
    text = value.strip().lower()
    if not text:
        return MatchMode.INFLECT
    try:
        return MatchMode(text)
    except ValueError:
        raise _with(where, f"unknown match mode {value!r} (inflect, exact)") from None


def _with(where: InputError, message: str) -> InputError:
    return InputError(where.path, message, line=where.line)


class _ConceptBuilder:
    """Accumulates the rows of one concept (CSV rows need not be contiguous)."""

    def __init__(self, concept_id: str) -> None:
        self.id = concept_id
        self.terms: list[Term] = []
        self.fields: dict[str, str] = {}
        self.statuses: dict[tuple[str, str], TermStatus] = {}

    def add(self, term: Term, where: InputError) -> None:
        key = (term.lang.lower(), term.text)
        if key in self.statuses:
            if self.statuses[key] != term.status:
                raise _with(
                    where,
                    f"concept {self.id!r}: term {term.text!r} ({term.lang}) is both "
                    f"{self.statuses[key].value} and {term.status.value}",
                )
            return
        self.statuses[key] = term.status
        self.terms.append(term)

    def field(self, key: str, value: object) -> None:
        text = "" if value is None else str(value).strip()
        if text:
            self.fields.setdefault(key, text)

    def build(self) -> Concept:
        return Concept(
            id=self.id,
            terms=tuple(self.terms),
            definition=self.fields.get("definition"),
            note=self.fields.get("note"),
            domain=self.fields.get("domain"),
        )


# -- CSV -----------------------------------------------------------------------------------


def read_csv(path: Path) -> Glossary:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        header = [h.strip() for h in next(reader)]
    except StopIteration:
        raise InputError(str(path), "empty glossary file (no header row)", line=1) from None
    except csv.Error as exc:
        raise InputError(str(path), f"malformed CSV: {exc}", line=1) from None
    missing = [c for c in _CSV_REQUIRED if c not in header]
    if missing:
        raise InputError(
            str(path),
            f"header lacks column(s) {', '.join(missing)}; expected {','.join(CSV_COLUMNS)}",
            line=1,
        )
    unknown = [h for h in header if h not in CSV_COLUMNS]
    if unknown:
        raise InputError(str(path), f"unknown column(s) {', '.join(unknown)}", line=1)
    builders: dict[str, _ConceptBuilder] = {}
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(str(path), f"malformed CSV: {exc}", line=reader.line_num) from None
        line = reader.line_num
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            raise InputError(
                str(path), f"row has {len(row)} fields, header has {len(header)}", line=line
            )
        cells = dict(zip(header, row, strict=True))
        where = InputError(str(path), "", line=line)
        concept_id = cells["concept_id"].strip()
        lang = cells["lang"].strip()
        term_text = " ".join(cells["term"].split())
        for name, value in (("concept_id", concept_id), ("lang", lang), ("term", term_text)):
            if not value:
                raise InputError(str(path), f"empty {name}", line=line)
        term = Term(
            text=term_text,
            lang=lang,
            status=_status(cells.get("status", ""), where),
            term_type=_term_type(cells.get("term_type", ""), where),
            case_sensitive=_bool(cells.get("case_sensitive", ""), where),
            match=_match(cells.get("match", ""), where),
        )
        builder = builders.setdefault(concept_id, _ConceptBuilder(concept_id))
        builder.add(term, where)
        for key in ("domain", "definition", "note"):
            builder.field(key, cells.get(key))
    return Glossary({cid: b.build() for cid, b in builders.items()}, (str(path),))


def csv_text(glossary: Glossary) -> str:
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for concept in glossary:
        for index, term in enumerate(concept.terms):
            first = index == 0
            writer.writerow(
                [
                    concept.id,
                    term.lang,
                    term.text,
                    term.status.value,
                    term.term_type.value if term.term_type else "",
                    "" if term.case_sensitive is None else str(term.case_sensitive).lower(),
                    "exact" if term.match == MatchMode.EXACT else "",
                    (concept.domain or "") if first else "",
                    (concept.definition or "") if first else "",
                    (concept.note or "") if first else "",
                ]
            )
    return out.getvalue()


# -- YAML ----------------------------------------------------------------------------------


def read_yaml(path: Path) -> Glossary:
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(str(path), f"not valid UTF-8 ({exc.reason})") from None
    except OSError as exc:
        raise InputError(str(path), f"cannot read: {exc.strerror or exc}") from None
    try:
        root = yaml.compose(text)
        data = yaml.safe_load(text)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise InputError(str(path), f"malformed YAML: {exc.problem or exc}", line=line) from None
    except yaml.YAMLError as exc:
        raise InputError(str(path), f"malformed YAML: {exc}") from None
    if not isinstance(data, dict) or not isinstance(data.get("concepts"), list):
        raise InputError(str(path), "expected a mapping with a 'concepts' list", line=1)
    lines = _concept_lines(root)
    builders: dict[str, _ConceptBuilder] = {}
    for index, raw in enumerate(data["concepts"]):
        line = lines[index] if index < len(lines) else None
        where = InputError(str(path), "", line=line)
        if not isinstance(raw, dict) or not str(raw.get("id") or "").strip():
            raise _with(where, "a concept must be a mapping with an 'id'")
        unknown = set(raw) - {"id", "domain", "definition", "note", "terms"}
        if unknown:
            raise _with(where, f"unknown concept key(s) {', '.join(sorted(map(str, unknown)))}")
        concept_id = str(raw["id"]).strip()
        if concept_id in builders:
            raise _with(where, f"duplicate concept id {concept_id!r}")
        builder = _ConceptBuilder(concept_id)
        builders[concept_id] = builder
        for key in ("domain", "definition", "note"):
            builder.field(key, raw.get(key))
        terms = raw.get("terms") or {}
        if not isinstance(terms, dict):
            raise _with(where, f"concept {concept_id!r}: 'terms' must map languages to lists")
        for lang, items in terms.items():
            if not isinstance(items, list):
                items = [items]
            for item in items:
                builder.add(_yaml_term(str(lang), item, where, concept_id), where)
    return Glossary({cid: b.build() for cid, b in builders.items()}, (str(path),))


def _concept_lines(root: yaml.Node | None) -> list[int]:
    if not isinstance(root, yaml.MappingNode):
        return []
    for key, value in root.value:
        if getattr(key, "value", None) == "concepts" and isinstance(value, yaml.SequenceNode):
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _yaml_term(lang: str, item: Any, where: InputError, concept_id: str) -> Term:
    if isinstance(item, str):
        item = {"term": item}
    if not isinstance(item, dict) or not str(item.get("term") or "").strip():
        raise _with(where, f"concept {concept_id!r}: a term needs a 'term' text")
    unknown = set(item) - {"term", "status", "type", "case_sensitive", "match"}
    if unknown:
        raise _with(
            where,
            f"concept {concept_id!r}: unknown term key(s) {', '.join(sorted(map(str, unknown)))}",
        )
    return Term(
        text=" ".join(str(item["term"]).split()),
        lang=lang,
        status=_status(str(item.get("status") or ""), where),
        term_type=_term_type(str(item.get("type") or ""), where),
        case_sensitive=_bool(item.get("case_sensitive"), where),
        match=_match(str(item.get("match") or ""), where),
    )


def yaml_text(glossary: Glossary) -> str:
    concepts: list[dict[str, Any]] = []
    for concept in glossary:
        entry: dict[str, Any] = {"id": concept.id}
        for key in ("domain", "definition", "note"):
            value = getattr(concept, key)
            if value:
                entry[key] = value
        terms: dict[str, list[dict[str, Any]]] = {}
        for term in concept.terms:
            item: dict[str, Any] = {"term": term.text, "status": term.status.value}
            if term.term_type is not None:
                item["type"] = term.term_type.value
            if term.case_sensitive is not None:
                item["case_sensitive"] = term.case_sensitive
            if term.match == MatchMode.EXACT:
                item["match"] = "exact"
            terms.setdefault(term.lang, []).append(item)
        entry["terms"] = terms
        concepts.append(entry)
    dumped: str = yaml.safe_dump(
        {"concepts": concepts}, allow_unicode=True, sort_keys=False, width=100
    )
    return dumped


# -- dispatch ------------------------------------------------------------------------------


def read_glossary(path: Path) -> Glossary:
    """Read one glossary file; the extension picks the format."""
    path = Path(path)
    fmt = glossary_format(path)
    if fmt == "csv":
        return read_csv(path)
    if fmt == "yaml":
        return read_yaml(path)
    return read_tbx(path)


def write_glossary(glossary: Glossary, path: Path, fmt: GlossaryFormat | None = None) -> None:
    """Write a glossary; ``fmt`` defaults to the one the extension names (TBX: TBX-Basic).

    The file is replaced in one step (``atomic_text_writer``): an error or an interruption
    leaves whatever was at ``path`` before."""
    path = Path(path)
    fmt = fmt or glossary_format(path)
    with atomic_text_writer(path) as stream:
        if fmt in ("tbx-basic", "tbx-v3"):
            write_tbx(glossary, stream, fmt)
        elif fmt == "csv":
            stream.write(csv_text(glossary))
        else:
            stream.write(yaml_text(glossary))


def merge_glossaries(glossaries: Sequence[Glossary]) -> Glossary:
    """Unite glossaries; the same term with two statuses is an ``InputError`` naming both files."""
    builders: dict[str, _ConceptBuilder] = {}
    origin: dict[tuple[str, str, str], tuple[TermStatus, str]] = {}
    sources: list[str] = []
    for glossary in glossaries:
        where = glossary.sources[0] if glossary.sources else "<glossary>"
        sources.extend(glossary.sources)
        for concept in glossary:
            builder = builders.setdefault(concept.id, _ConceptBuilder(concept.id))
            for key in ("domain", "definition", "note"):
                builder.field(key, getattr(concept, key))
            for term in concept.terms:
                key3 = (concept.id, term.lang.lower(), term.text)
                if key3 in origin and origin[key3][0] != term.status:
                    status, first = origin[key3]
                    raise InputError(
                        where,
                        f"concept {concept.id!r}: term {term.text!r} ({term.lang}) is "
                        f"{term.status.value} here but {status.value} in {first}",
                    )
                origin.setdefault(key3, (term.status, where))
                builder.add(term, InputError(where, ""))
    return Glossary({cid: b.build() for cid, b in builders.items()}, tuple(sources))


def load_glossaries(paths: Iterable[Path]) -> Glossary:
    """Read and merge glossary files (one file is returned as read)."""
    glossaries = [read_glossary(Path(p)) for p in paths]
    if len(glossaries) == 1:
        return glossaries[0]
    return merge_glossaries(glossaries)


def convert_glossary(
    source: Path, destination: Path, fmt: GlossaryFormat | None = None
) -> Glossary:
    """Read ``source`` and write it to ``destination`` (format from ``fmt`` or the extension)."""
    glossary = read_glossary(source)
    write_glossary(glossary, destination, fmt)
    return glossary
