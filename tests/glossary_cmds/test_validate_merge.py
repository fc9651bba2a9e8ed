"""Library level: validation problems, statistics, language codes and merge conflicts."""

from __future__ import annotations

import pytest

from tqa.errors import UsageError
from tqa.glossary.merge import merge_with_report
from tqa.glossary.model import Concept, Glossary, Term, TermStatus, TermType
from tqa.glossary.validate import (
    check_language,
    glossary_stats,
    known_language,
    validate_glossary,
)

P, A, D = TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.DEPRECATED


@pytest.mark.parametrize("code", ["es", "en", "pt-BR", "zh-Hant", "ar", "es_ES", "fil"])
def test_known_languages(code: str) -> None:
    assert known_language(code)
    assert check_language(code) == code


@pytest.mark.parametrize("code", ["xx", "qq", "", "e", "en/us", "123"])
def test_unknown_languages(code: str) -> None:
    assert not known_language(code)
    with pytest.raises(UsageError, match=f"unknown language code {code!r}"):
        check_language(code)


def test_empty_concept_and_typographic_duplicates() -> None:
    glossary = Glossary.of(
        [
            Concept("empty"),
            Concept("a", (Term("People’s Protection Units", "en", P),)),
            Concept("b", (Term("people's protection units", "en-GB", P),)),
        ]
    )
    assert [(p.code, p.concept_id, p.message) for p in validate_glossary(glossary)] == [
        ("empty-concept", "empty", "the concept has no terms"),
        (
            "duplicate-term",
            "a",
            "term 'People’s Protection Units' (en) is in several concepts: a, b",
        ),
    ]


def test_clean_glossary_has_no_problems() -> None:
    glossary = Glossary.of(
        [Concept("sdf", (Term("FDS", "es", P), Term("SDF", "en", P), Term("S.D.F.", "en", D)))]
    )
    assert validate_glossary(glossary) == []


def test_stats_counts() -> None:
    glossary = Glossary.of(
        [
            Concept(
                "sdf",
                (
                    Term("Syrian Democratic Forces", "en", P),
                    Term("SDF", "en", A, TermType.ACRONYM),
                    Term("FDS", "es-ES", P, TermType.ACRONYM),
                ),
                domain="armed groups",
            ),
            Concept("empty"),
        ]
    )
    figures = glossary_stats(glossary)
    assert (figures.concepts, figures.terms, figures.without_terms) == (2, 3, 1)
    assert {k: dict(v) for k, v in figures.by_language.items()} == {
        "en": {"preferred": 1, "admitted": 1},
        "es": {"preferred": 1},
    }
    assert dict(figures.by_type) == {"(none)": 1, "acronym": 2}
    assert dict(figures.domains) == {"armed groups": 1, "(none)": 1}


def test_merge_ambiguous_shared_terms() -> None:
    first = Glossary.of(
        [
            Concept("truce", (Term("truce", "en", P),)),
            Concept("ceasefire", (Term("ceasefire", "en", P),)),
        ]
    )
    second = Glossary.of(
        [
            Concept(
                "x", (Term("truce", "en", P), Term("ceasefire", "en", P), Term("tregua", "es", P))
            )
        ]
    )
    result = merge_with_report(first, second)
    assert [str(c) for c in result.conflicts] == [
        "concept truce: ambiguous: concept 'x' of the second glossary also shares terms with "
        "ceasefire; merged into truce only"
    ]
    assert [t.text for t in result.glossary["truce"].terms] == ["truce", "ceasefire", "tregua"]
    assert list(result.glossary.concepts) == ["truce", "ceasefire"]
    assert [str(j) for j in result.joined] == [
        "concept truce: joined: concept 'x' of the second glossary joined by shared term(s)"
    ]


def test_merge_adds_new_concepts_and_keeps_first_status() -> None:
    first = Glossary.of([Concept("a", (Term("airstrike", "en", P),))], ("one.csv",))
    second = Glossary.of(
        [
            Concept("a", (Term("Airstrike", "en", D), Term("air raid", "en", A))),
            Concept("b", (Term("curfew", "en", P),)),
        ],
        ("two.csv",),
    )
    result = merge_with_report(first, second)
    assert [(t.text, t.status) for t in result.glossary["a"].terms] == [
        ("airstrike", P),
        ("air raid", A),
    ]
    assert [c.kind for c in result.conflicts] == ["status"]
    assert list(result.glossary.concepts) == ["a", "b"]
    assert result.glossary.sources == ("one.csv", "two.csv")
