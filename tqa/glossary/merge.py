"""Merging two glossaries by concept id and by shared terms, reporting every conflict.

:func:`tqa.glossary.io.merge_glossaries` unites files that are meant to be one glossary (and
refuses a term with two statuses). :func:`merge_with_report` is for two glossaries kept
apart, say an agency's and a client's: a concept of the second joins the concept of the
first with the same id, else the concept sharing a term with it (same language, same text up
to case and typography); otherwise it is added. Where the two disagree the first glossary
wins and a :class:`MergeConflict` says what was kept:

- ``status``: the same term with different statuses;
- ``field``: different definitions, notes or subject fields;
- ``ambiguous``: a concept shares terms with several concepts of the first glossary;
- ``id-mismatch``: the same id, but not a single term in common.

Merges that join concepts of different ids are reported as ``joined`` notes.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from tqa.glossary.model import Concept, Glossary, Term
from tqa.glossary.validate import term_key


@dataclass(frozen=True)
class MergeConflict:
    kind: str
    concept_id: str
    message: str

    def __str__(self) -> str:
        return f"concept {self.concept_id}: {self.kind}: {self.message}"


@dataclass(frozen=True)
class MergeResult:
    glossary: Glossary
    conflicts: tuple[MergeConflict, ...]
    joined: tuple[MergeConflict, ...]
    """Concepts of the second glossary joined to one of the first under another id."""


def merge_with_report(first: Glossary, second: Glossary) -> MergeResult:
    """``first`` with the concepts of ``second`` joined in (``first`` wins conflicts)."""
    concepts: dict[str, Concept] = dict(first.concepts)
    index: dict[tuple[str, str], str] = {}
    for concept in first:
        for term in concept.terms:
            index.setdefault(term_key(term.lang, term.text), concept.id)
    conflicts: list[MergeConflict] = []
    joined: list[MergeConflict] = []
    for concept in second:
        shared = list(
            dict.fromkeys(
                index[term_key(t.lang, t.text)]
                for t in concept.terms
                if term_key(t.lang, t.text) in index
            )
        )
        if concept.id in concepts:
            target = concept.id
            if not shared and concept.terms and concepts[target].terms:
                conflicts.append(
                    MergeConflict(
                        "id-mismatch",
                        concept.id,
                        "same id in both glossaries but no term in common; merged by id",
                    )
                )
        elif shared:
            target = shared[0]
            joined.append(
                MergeConflict(
                    "joined",
                    target,
                    f"concept {concept.id!r} of the second glossary joined by shared term(s)",
                )
            )
        else:
            concepts[concept.id] = concept
            for term in concept.terms:
                index.setdefault(term_key(term.lang, term.text), concept.id)
            continue
        others = [cid for cid in shared if cid != target]
        if others:
            conflicts.append(
                MergeConflict(
                    "ambiguous",
                    target,
                    f"concept {concept.id!r} of the second glossary also shares terms with "
                    f"{', '.join(others)}; merged into {target} only",
                )
            )
        concepts[target] = _unite(concepts[target], concept, conflicts)
        for term in concepts[target].terms:
            index.setdefault(term_key(term.lang, term.text), target)
    sources = first.sources + second.sources
    return MergeResult(Glossary(concepts, sources), tuple(conflicts), tuple(joined))


def _unite(kept: Concept, extra: Concept, conflicts: list[MergeConflict]) -> Concept:
    terms: list[Term] = list(kept.terms)
    have = {term_key(t.lang, t.text): t for t in kept.terms}
    for term in extra.terms:
        key = term_key(term.lang, term.text)
        existing = have.get(key)
        if existing is None:
            terms.append(term)
            have[key] = term
        elif existing.status != term.status:
            conflicts.append(
                MergeConflict(
                    "status",
                    kept.id,
                    f"term {existing.text!r} ({existing.lang}) is {existing.status.value} in the "
                    f"first glossary and {term.status.value} in the second; kept "
                    f"{existing.status.value}",
                )
            )
    fields: dict[str, str | None] = {}
    for name in ("definition", "note", "domain"):
        mine, theirs = getattr(kept, name), getattr(extra, name)
        if mine and theirs and mine.strip() != theirs.strip():
            conflicts.append(
                MergeConflict(
                    "field", kept.id, f"different {name}s: kept {mine!r}, dropped {theirs!r}"
                )
            )
        fields[name] = mine or theirs
    return replace(
        kept,
        terms=tuple(terms),
        definition=fields["definition"],
        note=fields["note"],
        domain=fields["domain"],
    )
