"""Term extraction: word units, acronym expansions, C-value, association and glossary status."""

from __future__ import annotations

import csv
import io

import pytest

from tests.glossary_cmds.corpus import CORPUS
from tqa.core.model import Segment
from tqa.glossary.extract import (
    Candidate,
    ExtractOptions,
    _Occurrences,
    c_values,
    candidates_glossary,
    extract_terms,
    find_expansions,
    similarity,
    units_of,
    write_candidates_csv,
)
from tqa.glossary.model import Concept, Glossary, Term, TermStatus, TermType
from tqa.glossary.stopwords import particles, stopwords


def _pairs(rows: list[tuple[str, str]]) -> list[Segment]:
    return [Segment(f"s{i}", src, tgt, "es", "en") for i, (src, tgt) in enumerate(rows, 1)]


# -- word units ------------------------------------------------------------------------------


def test_units_keep_hyphenated_names_whole() -> None:
    units = units_of("Hayat Tahrir al-Sham controla Idlib.")
    assert [u.text for u in units] == ["Hayat", "Tahrir", "al-Sham", "controla", "Idlib"]
    assert [u.boundary for u in units] == [True, False, False, False, False]
    assert units[2].capitalised is True
    assert units[2].key == "al-sham"


def test_units_punctuation_is_a_boundary_and_sentences_start_initial() -> None:
    units = units_of("Dijo que sí. Luego, Damasco calló.")
    assert [(u.text, u.boundary, u.initial) for u in units] == [
        ("Dijo", True, True),
        ("que", False, False),
        ("sí", False, False),
        ("Luego", True, True),
        ("Damasco", True, False),
        ("calló", False, False),
    ]


def test_english_possessive_joins_only_inside_a_name() -> None:
    name = units_of("the People's Protection Units")
    assert [u.text for u in name] == ["the", "People's", "Protection", "Units"]
    assert [u.boundary for u in name] == [True, False, False, False]
    plain = units_of("Assad's forces")
    assert [(u.text, u.boundary) for u in plain] == [("Assad", True), ("forces", True)]


def test_acronym_units() -> None:
    units = units_of("La ONU y la OTAN, no la Unión.")
    assert [u.text for u in units if u.acronym] == ["ONU", "OTAN"]


# -- acronyms and expansions -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        (
            "Syrian Observatory for Human Rights (SOHR) said",
            "en",
            ("SOHR", "Syrian Observatory for Human Rights", 0, 35),
        ),
        (
            "SOHR (Syrian Observatory for Human Rights) said",
            "en",
            ("SOHR", "Syrian Observatory for Human Rights", 6, 41),
        ),
        (
            "el Observatorio Sirio de Derechos Humanos (OSDH) dijo",
            "es",
            ("OSDH", "Observatorio Sirio de Derechos Humanos", 3, 41),
        ),
        (
            "la Organización para la Prohibición de las Armas Químicas (OPAQ) envió",
            "es",
            ("OPAQ", "Organización para la Prohibición de las Armas Químicas", 3, 57),
        ),
        ("Hayat Tahrir al-Sham (HTS) domina", "en", ("HTS", "Hayat Tahrir al-Sham", 0, 20)),
    ],
)
def test_find_expansions(text: str, lang: str, expected: tuple[str, str, int, int]) -> None:
    assert find_expansions(text, units_of(text), lang) == [expected]
    _, expansion, start, end = expected
    assert text[start:end] == expansion


@pytest.mark.parametrize(
    "text",
    ["the party (HTS) said", "el (EI) dijo", "Human Rights Watch (HTS) said", "la ONU (y otros)"],
)
def test_no_expansion_when_initials_do_not_fit(text: str) -> None:
    assert find_expansions(text, units_of(text), "en") == []


# -- termhood and similarity ---------------------------------------------------------------------


def _occ(count: int, length: int) -> _Occurrences:
    occ = _Occurrences("phrase")
    occ.count = count
    occ.length = length
    return occ


def test_c_value_discounts_phrases_nested_in_longer_ones() -> None:
    phrases = {
        "artefacto explosivo improvisado": _occ(3, 3),
        "explosivo improvisado": _occ(3, 2),
        "campo de refugiados": _occ(4, 3),
        "zona de paso": _occ(1, 3),
    }
    values = c_values(phrases, min_freq=2)
    assert values["artefacto explosivo improvisado"] == pytest.approx(3 * 1.5849625007)
    assert values["explosivo improvisado"] == 0.0  # never seen outside the longer term
    assert values["campo de refugiados"] == pytest.approx(4 * 1.5849625007)
    assert values["zona de paso"] == pytest.approx(1 * 1.5849625007)


def test_similarity_transliterates_and_ignores_word_order() -> None:
    assert similarity("Alepo", "Aleppo") == pytest.approx(10 / 11)
    assert similarity("Hayat Tahrir al Sham", "Hayat Tahrir al-Sham") == 1.0
    assert similarity("corredor humanitario", "humanitarian corridor") > 0.6
    assert similarity("alto el fuego", "ceasefire") < 0.5
    assert similarity("", "x") == 0.0


def test_stopword_lists() -> None:
    for lang in ("es", "en", "fr", "de"):
        assert len(stopwords(lang)) > 80
    assert "de" in stopwords("es") and "of" in stopwords("en")
    assert "der" in stopwords("de-AT")
    assert stopwords("sw") == frozenset()
    assert {"de", "del", "al", "el"} <= particles("es")
    assert {"for", "of", "al"} <= particles("en")


# -- extraction ------------------------------------------------------------------------------------


def _by_source(found: list[Candidate]) -> dict[str, Candidate]:
    return {c.source: c for c in found}


def test_extract_small_corpus_pairs() -> None:
    found = extract_terms(_pairs(CORPUS), "es", "en")
    pairs = {(c.source, c.target, c.kind) for c in found}
    assert pairs == {
        ("Observatorio Sirio de Derechos Humanos", "Syrian Observatory for Human Rights", "name"),
        ("OSDH", "SOHR", "acronym"),
        ("Alepo", "Aleppo", "name"),
        ("alto el fuego", "ceasefire", "phrase"),
    }
    by = _by_source(found)
    org = by["Observatorio Sirio de Derechos Humanos"]
    assert org.frequency == 2
    assert org.association == 1.0
    assert org.note == "acronym/expansion pair in both languages"
    assert [e.segment_id for e in org.examples] == ["s1", "s3"]
    assert by["Alepo"].frequency == 3
    assert by["Alepo"].examples[0].target.startswith("The Syrian Observatory")
    # most confident first
    assert [c.confidence for c in found] == sorted((c.confidence for c in found), reverse=True)
    assert all(c.status == "new" and c.concept_id is None for c in found)


def test_filler_and_sentence_initial_words_are_not_candidates() -> None:
    found = extract_terms(_pairs(CORPUS), "es", "en")
    sources = {c.source for c in found}
    for word in ("El", "Según", "La gente", "gente", "ataques", "muertos"):
        assert word not in sources


def test_min_freq_and_limit() -> None:
    everything = extract_terms(_pairs(CORPUS), "es", "en", options=ExtractOptions(min_freq=1))
    assert len(everything) > 4
    assert "nuevos ataques" not in {c.source for c in everything}  # unique: C-value with f=1
    top = extract_terms(_pairs(CORPUS), "es", "en", options=ExtractOptions(max_candidates=2))
    assert len(top) == 2
    assert extract_terms([], "es", "en") == []


def test_digits_must_agree() -> None:
    rows = [
        ("La resolución 2254 fue aprobada.", "Resolution 2254 was adopted."),
        ("La resolución 2254 sigue vigente.", "Resolution 2254 still stands."),
        ("Votaron la resolución 2254 en 2015.", "They voted resolution 2254 in 2015."),
    ]
    found = _by_source(extract_terms(_pairs(rows), "es", "en"))
    assert found["resolución 2254"].target.casefold() == "resolution 2254"


GLOSSARY = Glossary.of(
    [
        Concept(
            "airstrike",
            (
                Term("ataque aéreo", "es", TermStatus.PREFERRED),
                Term("air raid", "en", TermStatus.PREFERRED),
                Term("airstrike", "en", TermStatus.DEPRECATED),
            ),
        ),
        Concept(
            "ceasefire",
            (
                Term("alto el fuego", "es", TermStatus.PREFERRED),
                Term("ceasefire", "en", TermStatus.PREFERRED),
            ),
        ),
        Concept(
            "aleppo",
            (Term("Alepo", "es", TermStatus.PREFERRED), Term("Halab", "en", TermStatus.PREFERRED)),
        ),
    ]
)

GLOSSARY_CORPUS = [
    *CORPUS,
    ("Un ataque aéreo mató a tres civiles.", "An airstrike killed three civilians."),
    ("Otro ataque aéreo destruyó una escuela.", "Another airstrike destroyed a school."),
]


def test_glossary_status_new_known_and_conflicts() -> None:
    found = _by_source(extract_terms(_pairs(GLOSSARY_CORPUS), "es", "en", glossary=GLOSSARY))
    ceasefire = found["alto el fuego"]
    assert (ceasefire.status, ceasefire.concept_id, ceasefire.note) == (
        "in-glossary",
        "ceasefire",
        "",
    )
    strike = found["ataque aéreo"]
    assert (strike.status, strike.concept_id, strike.target) == (
        "conflict",
        "airstrike",
        "airstrike",
    )
    assert strike.note == "glossary marks 'airstrike' deprecated; it prefers 'air raid'"
    aleppo = found["Alepo"]
    assert (aleppo.status, aleppo.target) == ("conflict", "Aleppo")
    assert aleppo.note == "'Aleppo' is not in the glossary; it prefers 'Halab'"
    assert found["OSDH"].status == "new"


def test_csv_output_neutralises_formula_cells() -> None:
    cand = Candidate(
        source="=HYPERLINK(1)",
        targets=("-x", "+y"),
        kind="name",
        frequency=2,
        association=0.5,
        confidence=0.25,
    )
    out = io.StringIO()
    write_candidates_csv([cand], out)
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0][:4] == ["source", "target", "alternatives", "kind"]
    assert rows[1][:8] == [
        "'=HYPERLINK(1)",
        "'-x",
        "'+y",
        "name",
        "2",
        "0.5000",
        "0.2500",
        "new",
    ]


def test_candidates_as_glossary_are_admitted() -> None:
    found = extract_terms(_pairs(CORPUS), "es", "en")
    glossary = candidates_glossary(found, "es", "en")
    assert len(glossary) == len(found)
    assert {t.status for c in glossary for t in c.terms} == {TermStatus.ADMITTED}
    acronym = next(c for c in glossary if any(t.text == "OSDH" for t in c.terms))
    assert [(t.text, t.lang, t.term_type) for t in acronym.terms] == [
        ("OSDH", "es", TermType.ACRONYM),
        ("SOHR", "en", TermType.ACRONYM),
    ]
    assert acronym.note is not None and acronym.note.startswith("status: new; confidence")


def test_deprecated_rendering_is_reported_even_once() -> None:
    glossary = Glossary.of(
        [
            Concept(
                "truce",
                (
                    Term("tregua", "es", TermStatus.PREFERRED),
                    Term("truce", "en", TermStatus.PREFERRED),
                    Term("cease-fire", "en", TermStatus.DEPRECATED),
                ),
            )
        ]
    )
    rows = [
        *CORPUS,
        ("La tregua se rompió el lunes.", "The cease-fire collapsed on Monday."),
        ("Nadie respetó la tregua.", "Nobody respected the truce."),
    ]
    found = extract_terms(_pairs(rows), "es", "en", glossary=glossary)
    conflict = next(c for c in found if c.concept_id == "truce")
    assert (conflict.source, conflict.targets, conflict.kind) == (
        "tregua",
        ("cease-fire",),
        "phrase",
    )
    assert (conflict.frequency, conflict.association, conflict.confidence) == (1, 0.5, 0.25)
    assert conflict.status == "conflict"
    assert conflict.note == "glossary marks 'cease-fire' deprecated; it prefers 'truce'"
    assert [e.segment_id for e in conflict.examples] == ["s6"]
    assert sum(1 for c in found if c.concept_id == "truce") == 1
