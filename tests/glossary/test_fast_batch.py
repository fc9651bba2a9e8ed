"""Shortcuts of the terminology checks give the same answers as the plain per-segment path.

TQA301/302 check a chunk at once and skip segments their analysis leaves quiet, the
document checks return early without a generator, the run's term index memoises concept
look-ups, and the matcher answers Arabic clitics and linked terms from memos and a lazily
made second reading. Each is checked here against the path it stands in for.
"""

from __future__ import annotations

import pytest

from tqa.checks import terminology
from tqa.core.check import RunContext
from tqa.core.model import Segment
from tqa.glossary.matcher import Matcher
from tqa.glossary.model import Concept, Glossary, Term, TermStatus

from .test_checks import GLOSSARY

P, D = TermStatus.PREFERRED, TermStatus.DEPRECATED

SEGMENTS = [
    Segment("1", "Un alto el fuego en Alepo.", "A cease-fire in Halab.", "es", "en"),
    Segment("2", "Los bombardeos aéreos sobre Alepo", "The air bombings on Aleppo", "es", "en"),
    Segment("3", "Alepo", "", "es", "en"),
    Segment("4", "Nada que ver.", "Nothing to see.", "es", "en"),
    Segment("5", "El EI en Alepo.", "ISIS in Aleppo.", "es", "en"),
]


@pytest.mark.parametrize("cls", [terminology.MissingTerm, terminology.DeprecatedTerm])
def test_check_batch_equals_checking_each_segment(cls: type[terminology._GlossaryCheck]) -> None:
    batched = cls(RunContext(glossary_paths=(GLOSSARY,))).check_batch(SEGMENTS)
    single = cls(RunContext(glossary_paths=(GLOSSARY,)))
    expected = [list(single.check(s)) for s in SEGMENTS]
    assert batched == expected
    assert any(expected), "the segments give the check something to report"


def test_document_checks_return_an_empty_result_for_quiet_segments() -> None:
    context = RunContext(glossary_paths=(GLOSSARY,))
    for cls in terminology.CHECKS[2:]:
        check = cls(context)
        check.start_document("d")
        assert list(check.check(SEGMENTS[3])) == []


def test_term_index_memos_agree_with_the_glossary() -> None:
    index = terminology.term_index(RunContext(glossary_paths=(GLOSSARY,)))
    for concept in index.glossary:
        for lang in ("en", "es", "en-GB", "xx"):
            assert index.preferred(concept.id, lang) == concept.preferred(lang)
            assert index.terms_in(concept.id, lang) == tuple(concept.terms_in(lang))
            assert index.full_form(concept.id, lang) == terminology._full_form(concept, lang)
            assert index.full_form(concept.id, lang) is index.full_form(concept.id, lang)


ARABIC = Glossary.of(
    [
        Concept("aleppo", (Term("حلب", "ar", P),)),
        Concept("azaz", (Term("اعزاز", "ar", P),)),
    ]
)


@pytest.mark.parametrize(
    "text",
    ["وصلوا إلى وحلب أمس", "قصف بحلب واعزاز", "لا شيء هنا", "والحلب", "حلب"],
)
def test_arabic_clitics_from_the_word_memo_equal_the_first_answer(text: str) -> None:
    matcher = Matcher(ARABIC)
    first = matcher._find(text, "ar", False)
    assert matcher._find(text, "ar", False) == first  # words now answered from the memo
    fresh = Matcher(ARABIC)
    fresh._find("كلمات أخرى بلا أسماء", "ar", False)  # fills the memo with other words first
    assert fresh._find(text, "ar", False) == first


def test_clitic_prefixes_find_the_term() -> None:
    matcher = Matcher(ARABIC)
    found = matcher.find("قصف بحلب واعزاز", "ar")
    assert [m.concept_id for m in found] == ["aleppo", "azaz"]
    assert matcher.find("لا شيء هنا", "ar") == []


LINKED = Glossary.of(
    [
        Concept("ceasefire", (Term("cease-fire agreement", "en", P),)),
        Concept("fsa", (Term("Free Syrian Army", "en", P), Term("Free-Syrian", "en", D))),
    ]
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the cease-fire agreement held", ["cease-fire agreement"]),
        ("the ceasefire agreement held", ["cease-fire agreement"]),
        ("Free Syrian Army units", ["Free Syrian Army"]),
        ("Freesyrian units", ["Free-Syrian"]),
        ("Free-Syrian units", ["Free-Syrian"]),
    ],
)
def test_joined_reading_is_made_only_for_linked_terms(text: str, expected: list[str]) -> None:
    assert [m.term.text for m in Matcher(LINKED).find(text, "en")] == expected
