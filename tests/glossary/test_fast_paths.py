"""The shortcuts of the matching path give the same answers as the general code.

Tokenising splits text with one regex, the matcher works on the split words with memos and
builds its tries lazily, text normalisation replaces only the characters that change, the
stemmer skips numbers and the consistency digest has an ASCII path. Each shortcut is checked
here against the general path it stands in for.
"""

from __future__ import annotations

import unicodedata

import snowballstemmer
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.checks import terminology
from tqa.core.check import RunContext
from tqa.core.model import Segment
from tqa.glossary.matcher import Matcher
from tqa.glossary.model import Concept, Glossary, Term, TermStatus, TermType
from tqa.glossary.normalize import (
    _LETTER_MAP,
    _TYPOGRAPHY,
    STEMMED_LANGUAGES,
    _tokenize_segmented,
    normalize_text,
    normalize_word,
    split_words,
    stemmer_for,
    tokenize,
)

from .test_checks import GLOSSARY

P, D = TermStatus.PREFERRED, TermStatus.DEPRECATED

# Words, connectors, punctuation and marks that exercise every branch of the tokeniser.
PIECES = [
    *"ab -'’`.,:()«»_\u064e\u0640\u200c ",
    "  ",
    "- ",
    "U.N.",
    "EE. UU.",
    "airstrikes",
    "Ba'ath",
    "cease-fire",
    "ceasefire",
    "Assad's",
    "al-Assad",
    "Free Syrian Army",
    "ＦＲＥＥ",
    "ﬁre",
    "حلب",
    "وحلب",
    "للحلب",
    "أعزاز",
    "ёлка",
    "空袭",
    "ไทย",
    "2024",
    "1.560,7",
]
texts = st.lists(st.sampled_from(PIECES), max_size=25).map("".join)

GLOSSARY_TERMS = Glossary.of(
    [
        Concept("air", (Term("airstrike", "en", P), Term("空袭", "zh", P))),
        Concept("aleppo", (Term("Aleppo", "en", P), Term("حلب", "ar", P))),
        Concept("azaz", (Term("اعزاز", "ar", P),)),
        Concept("ceasefire", (Term("ceasefire", "en", P), Term("cease-fire", "en", D))),
        Concept("baath", (Term("Ba'ath Party", "en", P), Term("Baath", "en", D))),
        Concept("assad", (Term("Bashar al-Assad", "en", P), Term("al-Assad", "en", P))),
        Concept("fsa", (Term("Free Syrian Army", "en", P),)),
        Concept("un", (Term("U.N.", "en", P), Term("UN", "en", P, TermType.ACRONYM))),
        Concept("usa", (Term("EE. UU.", "es", P),)),
        Concept("fir", (Term("ёлка", "ru", P),)),
    ]
)


@settings(max_examples=300, deadline=None)
@given(text=texts)
def test_split_tokeniser_equals_the_character_walk(text: str) -> None:
    assert tokenize(text) == _tokenize_segmented(text)


@given(text=texts)
def test_split_words_alternate_gaps_and_words(text: str) -> None:
    parts = split_words(text)
    if parts is None:
        assert "_" in text or any(c in text for c in "空袭ไทย")
        return
    assert "".join(parts) == text
    words = [word for word in parts[1::2] if normalize_word(word)]
    assert words == [text[t.start : t.end] for t in tokenize(text)]


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.sampled_from([*PIECES, *"ىٱЁ“—−ّ"])).map("".join))
def test_normalize_text_equals_the_two_tables(text: str) -> None:
    expected = unicodedata.normalize("NFKC", text).translate(_TYPOGRAPHY).translate(_LETTER_MAP)
    assert normalize_text(text) == expected


def test_numbers_are_not_stemmed_and_stemming_would_not_change_them() -> None:
    for lang, algorithm in sorted(STEMMED_LANGUAGES.items()):
        stemmer = snowballstemmer.stemmer(algorithm)
        for number in ("2024", "1560", "000123", "99999999"):
            assert stemmer_for(lang)(number) == number == stemmer.stemWord(number)
    assert stemmer_for("en")("airstrikes") == "airstrik"


@settings(max_examples=300, deadline=None)
@given(text=texts, lang=st.sampled_from(["en", "es", "ar", "ru", "zh"]))
def test_split_matching_equals_token_matching(text: str, lang: str) -> None:
    matcher = Matcher(GLOSSARY_TERMS)
    root = matcher._trie(lang)
    assert root is not None
    fast = matcher._candidates(text, lang, root)
    general = matcher._token_candidates(text, tokenize(text), lang, root)
    assert fast == general


def test_tries_are_built_per_language_on_first_use() -> None:
    matcher = Matcher(GLOSSARY_TERMS)
    assert matcher.languages == ["ar", "en", "es", "ru", "zh"]
    assert len(matcher) == 16
    assert not matcher._tries
    assert matcher.find("Free Syrian Army units", "en")[0].concept_id == "fsa"
    assert list(matcher._tries) == ["en"]
    assert matcher.languages == ["ar", "en", "es", "ru", "zh"]
    assert matcher.find("anything", "xx") == []


def test_a_joined_first_word_reaches_its_branch() -> None:
    """``Ba'ath Party`` starts with ``Ba`` and, read joined, with ``Baath``: both lead to it."""
    matcher = Matcher(GLOSSARY_TERMS)
    for text in ("the Baath Party", "the Ba'ath Party", "the Ba’ath party"):
        found = [(text[m.start : m.end], m.term.text) for m in matcher.find(text, "en")]
        assert found[0][1] == "Ba'ath Party", text
    assert [m.term.text for m in matcher.find("Baath", "en")] == ["Baath"]


def test_repeated_texts_are_answered_from_the_memo_with_fresh_lists() -> None:
    matcher = Matcher(GLOSSARY_TERMS)
    first = matcher.find("Aleppo after the airstrikes", "en")
    first.clear()
    again = matcher.find("Aleppo after the airstrikes", "en")
    assert [m.concept_id for m in again] == ["aleppo", "air"]
    overlapping = matcher.find("Bashar al-Assad", "en", overlapping=True)
    assert {m.term.text for m in overlapping} == {"Bashar al-Assad", "al-Assad"}
    assert matcher.find("Bashar al-Assad", "en", overlapping=True) == overlapping
    assert [m.term.text for m in matcher.find("Bashar al-Assad", "en")] == ["Bashar al-Assad"]


def test_digest_ascii_path_agrees_with_the_unicode_path() -> None:
    digest = terminology._digest
    assert digest("Alto el fuego.") == digest("  ALTO el   FUEGO. ")
    assert digest("the rebels` advance") == digest("the rebels’ advance")
    assert digest("Ceasefire now") == digest("Ｃｅａｓｅｆｉｒｅ now")
    assert digest("Ceasefire now") != digest("Ceasefire later")
    assert digest(" \t") is None


def test_checks_share_one_analysis_per_segment() -> None:
    context = RunContext(glossary_paths=(GLOSSARY,))
    classes: list[type[terminology._GlossaryCheck]] = [
        terminology.MissingTerm,
        terminology.DeprecatedTerm,
        terminology.InconsistentTerm,
        terminology.AcronymFirst,
    ]
    checks = [cls(context) for cls in classes]
    segment = Segment("s1", "Los bombardeos sobre Alepo.", "The airstrikes on Aleppo.", "es", "en")
    twin = Segment("s1", "Los bombardeos sobre Alepo.", "The airstrikes on Aleppo.", "es", "en")
    first = checks[0].terms(segment)
    assert all(check.terms(segment) is first for check in checks)
    assert checks[1].terms(twin) == first


def test_terms_sharing_a_first_word_are_found_as_the_trie_grows() -> None:
    committees = Glossary.of(
        [
            Concept("icrc", (Term("Comité Internacional de la Cruz Roja", "es", P),)),
            Concept("dira", (Term("Comité de Socorro de Dira", "es", P),)),
            Concept("saka", (Term("Comité de Socorro de Saka", "es", P),)),
            Concept("socorro", (Term("Socorro", "es", P),)),
        ]
    )
    matcher = Matcher(committees)
    text = "El Comité Internacional de la Cruz Roja y el Comité de Socorro de Saka."
    assert [m.concept_id for m in matcher.find(text, "es")] == ["icrc", "saka"]
    assert [m.concept_id for m in matcher.find(text, "es", overlapping=True)] == [
        "icrc",
        "saka",
        "socorro",
    ]
    found = matcher.find("el comité de socorro de dira", "es")
    assert [(m.concept_id, m.level) for m in found] == [("dira", 2)]
    assert matcher.find("el Comité de Socorro", "es")[0].concept_id == "socorro"
