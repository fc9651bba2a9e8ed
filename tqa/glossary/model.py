"""The concept-oriented glossary model.

A :class:`Glossary` holds :class:`Concept` entries. A concept has a stable id, an optional
definition, note and subject field (``domain``), and per language a list of :class:`Term`
objects. Each term carries a :class:`TermStatus` (preferred, admitted, deprecated,
forbidden), an optional :class:`TermType` (fullForm, acronym, abbreviation), an optional case
sensitivity and a :class:`MatchMode` (inflection-aware by default, or exact).

Values are frozen dataclasses so that two glossaries read from different formats compare
equal when they say the same thing (the round-trip tests rely on this).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field


class TermStatus(str, enum.Enum):
    """How a term may be used. Ordered from most to least recommended."""

    PREFERRED = "preferred"
    ADMITTED = "admitted"
    DEPRECATED = "deprecated"
    FORBIDDEN = "forbidden"

    @property
    def approved(self) -> bool:
        return self in (TermStatus.PREFERRED, TermStatus.ADMITTED)

    @property
    def rank(self) -> int:
        return _STATUS_RANK[self]

    def __str__(self) -> str:
        return self.value


_STATUS_RANK = {
    TermStatus.PREFERRED: 0,
    TermStatus.ADMITTED: 1,
    TermStatus.DEPRECATED: 2,
    TermStatus.FORBIDDEN: 3,
}


class TermType(str, enum.Enum):
    """TBX ``termType`` values tqa distinguishes."""

    FULL_FORM = "fullForm"
    ACRONYM = "acronym"
    ABBREVIATION = "abbreviation"

    def __str__(self) -> str:
        return self.value


class MatchMode(str, enum.Enum):
    """How a term is found in text: by stem (inflection-aware) or as written."""

    INFLECT = "inflect"
    EXACT = "exact"

    def __str__(self) -> str:
        return self.value


def primary_lang(code: str) -> str:
    """The primary subtag of a BCP-47 code, lower-cased: ``pt-BR`` -> ``pt``."""
    return code.strip().replace("_", "-").split("-", 1)[0].lower()


@dataclass(frozen=True)
class Term:
    """One name of a concept in one language."""

    text: str
    lang: str
    status: TermStatus = TermStatus.ADMITTED
    term_type: TermType | None = None
    case_sensitive: bool | None = None
    """``None``: the default, which is case-sensitive for acronyms only."""
    match: MatchMode = MatchMode.INFLECT

    @property
    def is_short_form(self) -> bool:
        """Acronyms and abbreviations (the forms "full name on first mention" is about)."""
        return self.term_type in (TermType.ACRONYM, TermType.ABBREVIATION)

    @property
    def effective_case_sensitive(self) -> bool:
        if self.case_sensitive is not None:
            return self.case_sensitive
        return self.term_type == TermType.ACRONYM


@dataclass(frozen=True)
class Concept:
    """One concept and all its names."""

    id: str
    terms: tuple[Term, ...] = ()
    definition: str | None = None
    note: str | None = None
    domain: str | None = None

    def __post_init__(self) -> None:
        # Canonical order: languages in order of first appearance, glossary order within a
        # language. Every format groups terms by language, so this keeps round trips exact.
        first: dict[str, int] = {}
        for term in self.terms:
            first.setdefault(term.lang, len(first))
        ranked = sorted(self.terms, key=lambda t: first[t.lang])
        object.__setattr__(self, "terms", tuple(ranked))

    def terms_in(self, lang: str) -> list[Term]:
        """The terms of a language (matched on the primary subtag), in glossary order."""
        want = primary_lang(lang)
        return [t for t in self.terms if primary_lang(t.lang) == want]

    def preferred(self, lang: str) -> Term | None:
        """The term to suggest: the first preferred term, else the first admitted one."""
        terms = self.terms_in(lang)
        for status in (TermStatus.PREFERRED, TermStatus.ADMITTED):
            for term in terms:
                if term.status == status:
                    return term
        return None

    def languages(self) -> list[str]:
        seen: dict[str, None] = {}
        for term in self.terms:
            seen.setdefault(term.lang, None)
        return list(seen)


@dataclass(frozen=True)
class Glossary:
    """Concepts by id, in the order they were first read."""

    concepts: Mapping[str, Concept] = field(default_factory=dict)
    sources: tuple[str, ...] = ()
    """The files the glossary was read from (for messages)."""

    def __iter__(self) -> Iterator[Concept]:
        return iter(self.concepts.values())

    def __len__(self) -> int:
        return len(self.concepts)

    def __contains__(self, concept_id: object) -> bool:
        return concept_id in self.concepts

    def __getitem__(self, concept_id: str) -> Concept:
        return self.concepts[concept_id]

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Glossary):
            return NotImplemented
        return list(self.concepts.items()) == list(other.concepts.items())

    def __hash__(self) -> int:
        return hash(tuple(self.concepts.items()))

    @classmethod
    def of(cls, concepts: Iterable[Concept], sources: tuple[str, ...] = ()) -> Glossary:
        """Build a glossary; duplicate ids are a ``ValueError`` naming the id."""
        by_id: dict[str, Concept] = {}
        for concept in concepts:
            if concept.id in by_id:
                raise ValueError(f"duplicate concept id {concept.id!r}")
            by_id[concept.id] = concept
        return cls(by_id, sources)

    def term_count(self) -> int:
        return sum(len(c.terms) for c in self)
