"""The term matcher: normalisation, inflection, scripts, spans and overlap resolution."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.glossary.matcher import Matcher
from tqa.glossary.model import Concept, Glossary, MatchMode, Term, TermStatus, TermType
from tqa.glossary.normalize import arabic_clitic_offsets, arabic_forms, base_forms_for, tokenize

P, A, D, F = TermStatus.PREFERRED, TermStatus.ADMITTED, TermStatus.DEPRECATED, TermStatus.FORBIDDEN


def matcher(*concepts: Concept) -> Matcher:
    return Matcher(Glossary.of(concepts))


def found(m: Matcher, text: str, lang: str) -> list[tuple[str, str, str]]:
    """(covered text, concept id, glossary term) for every match."""
    return [(text[x.start : x.end], x.concept_id, x.term.text) for x in m.find(text, lang)]


AIR = Concept(
    "airstrike",
    (
        Term("airstrike", "en", P),
        Term("bombardeo aéreo", "es", P),
        Term("frappe aérienne", "fr", P),
        Term("Luftangriff", "de", P),
        Term("空袭", "zh", P),
        Term("空爆", "ja", P),
        Term("공습", "ko", P),
        Term("авиаудар", "ru", P),
    ),
)
ALEPPO = Concept("aleppo", (Term("Aleppo", "en", P), Term("حلب", "ar", P), Term("阿勒颇", "zh")))
CEASEFIRE = Concept("ceasefire", (Term("ceasefire", "en", P), Term("cease-fire", "en", D)))


@pytest.mark.parametrize(
    ("lang", "text", "covered"),
    [
        ("en", "Two airstrikes hit.", "airstrikes"),
        ("en", "AIRSTRIKE!", "AIRSTRIKE"),
        ("es", "Los bombardeos aéreos continúan.", "bombardeos aéreos"),
        ("es", "un bombardeo aéreo", "bombardeo aéreo"),
        ("fr", "Les frappes aériennes.", "frappes aériennes"),
        ("de", "Die Luftangriffe der Armee.", "Luftangriffe"),
        ("de", "Nach den Luftangriffen.", "Luftangriffen"),
        ("ru", "Авиаудары по городу.", "Авиаудары"),
        ("zh", "对阿勒颇的空袭。", "空袭"),
        ("ja", "アレッポへの空爆が続いた。", "空爆"),
        ("ko", "알레포 공습이 계속됐다.", "공습"),
    ],
)
def test_inflected_and_unspaced_forms(lang: str, text: str, covered: str) -> None:
    assert found(matcher(AIR), text, lang) == [(covered, "airstrike", AIR.terms_in(lang)[0].text)]


PLURALS = matcher(
    Concept("ceasefire", (Term("alto el fuego", "es", P), Term("alto al fuego", "es", D))),
    Concept("air_force", (Term("fuerza aérea", "es", P), Term("força aérea", "pt", P))),
    Concept("militia", (Term("milicia popular", "es", P),)),
    Concept("town", (Term("ciudad", "es", P), Term("cidade", "pt", P))),
    Concept("nation", (Term("nación", "es", P), Term("nação", "pt", P))),
    Concept("missile", (Term("míssil", "pt", P),)),
    Concept("hostage", (Term("refém", "pt", P),)),
    Concept("country", (Term("país", "es", P),)),
    Concept("light", (Term("luz", "es", P),)),
)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # Snowball stems these plurals apart from their singulars (altos/alto, aéreas/aer...)
        ("es", "Los altos el fuego fracasaron.", [("altos el fuego", "ceasefire")]),
        ("es", "Dos altos al fuego rotos.", [("altos al fuego", "ceasefire")]),
        ("es", "las fuerzas aéreas rusas", [("fuerzas aéreas", "air_force")]),
        ("es", "Las milicias populares.", [("milicias populares", "militia")]),
        ("es", "tres ciudades y dos naciones", [("ciudades", "town"), ("naciones", "nation")]),
        ("es", "El país y los países vecinos.", [("país", "country"), ("países", "country")]),
        ("es", "Las luces de la ciudad.", [("luces", "light"), ("ciudad", "town")]),
        ("pt", "As nações e as cidades.", [("nações", "nation"), ("cidades", "town")]),
        ("pt", "Dois mísseis e três reféns.", [("mísseis", "missile"), ("reféns", "hostage")]),
        ("pt", "As forças aéreas.", [("forças aéreas", "air_force")]),
        # a word whose singular guess is no term word matches nothing
        ("es", "Los altos mandos y las fuerzas terrestres.", []),
    ],
)
def test_plurals_the_stemmer_separates_still_match(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(covered, concept) for covered, concept, _ in found(PLURALS, text, lang)] == expected


FORMS = matcher(
    Concept("gunman", (Term("gunman", "en", P),)),
    Concept("crisis", (Term("humanitarian crisis", "en", P),)),
    Concept("life", (Term("life", "en", P),)),
    Concept("child", (Term("child", "en", P), Term("ребёнок", "ru", P))),
    Concept("idp", (Term("internally displaced person", "en", P),)),
    Concept("homs", (Term("Homs", "en", P),)),
    Concept("works", (Term("travail", "fr", P),)),
    Concept("fire", (Term("feu", "fr", P),)),
    Concept("soldier", (Term("militare", "it", P),)),
    Concept("weapon", (Term("arma", "it", P),)),
    Concept("lake", (Term("lago", "it", P),)),
    Concept("refugee", (Term("беженец", "ru", P),)),
    Concept("rebel", (Term("повстанцы", "ru", P),)),
    Concept("citizen", (Term("гражданин", "ru", P),)),
    Concept("envoy", (Term("посол", "ru", P),)),
    Concept("fighter", (Term("боец", "ru", P),)),
    Concept("hospital", (Term("hospital", "pt", P),)),
    Concept("paper", (Term("papel", "pt", P),)),
    Concept("month", (Term("mês", "pt", P),)),
)


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        # English plurals that do not end in a plain -s
        ("en", "Gunmen opened fire.", [("Gunmen", "gunman")]),
        ("en", "Two humanitarian crises.", [("humanitarian crises", "crisis")]),
        ("en", "Many lives were lost.", [("lives", "life")]),
        ("en", "Children and a child.", [("Children", "child"), ("child", "child")]),
        ("en", "internally displaced people", [("internally displaced people", "idp")]),
        # only -ses and -xes read as -is or without -es: homes is not Homs
        ("en", "Shelling destroyed homes in Homs.", [("Homs", "homs")]),
        ("fr", "Les travaux et les feux.", [("travaux", "works"), ("feux", "fire")]),
        (
            "it",
            "I militari e le armi sul lago.",
            [("militari", "soldier"), ("armi", "weapon"), ("lago", "lake")],
        ),
        ("it", "Due laghi.", [("laghi", "lake")]),
        # Russian: a vowel of the base form drops in every other case
        (
            "ru",
            "Тысячи беженцев и один беженец.",
            [("беженцев", "refugee"), ("беженец", "refugee")],
        ),
        ("ru", "Повстанец и повстанцами.", [("Повстанец", "rebel"), ("повстанцами", "rebel")]),
        (
            "ru",
            "граждане, граждан, гражданами",
            [("граждане", "citizen"), ("граждан", "citizen"), ("гражданами", "citizen")],
        ),
        ("ru", "послы и бойцов", [("послы", "envoy"), ("бойцов", "fighter")]),
        ("ru", "Погибли дети, трое детей.", [("дети", "child"), ("детей", "child")]),
        ("pt", "Os hospitais e os papéis.", [("hospitais", "hospital"), ("papéis", "paper")]),
        ("pt", "Três meses.", [("meses", "month")]),
    ],
)
def test_inflected_forms_the_stemmer_separates_still_match(
    lang: str, text: str, expected: list[tuple[str, str]]
) -> None:
    assert [(covered, concept) for covered, concept, _ in found(FORMS, text, lang)] == expected


@pytest.mark.parametrize(
    ("lang", "word", "guesses"),
    [
        ("en", "gunmen", ("gunman",)),
        ("en", "knives", ("knif", "knife")),
        ("en", "matrices", ("matrix", "matrex")),
        ("en", "crises", ("crisis", "cris")),
        ("en", "criteria", ("criterium", "criterion")),
        ("en", "nuclei", ("nucleus",)),
        ("en", "people", ("person",)),
        ("en", "homes", ()),
        ("fr", "travaux", ("travail", "traval")),
        ("fr", "yeux", ("œil", "oeil")),
        ("fr", "chars", ()),
        ("it", "militari", ("militare", "militaro", "militara")),
        ("it", "laghi", ("lago", "laghe", "lagho", "lagha")),
        ("it", "uomini", ("uomo",)),
        ("pt", "hospitais", ("hospitai", "hospital")),
        ("pt", "meses", ("mese", "mes", "mês")),
        ("ru", "повстанцами", ("повстанец",)),
        ("ru", "бойцы", ("боец",)),
        ("ru", "повстанец", ("повстанц",)),
        ("ru", "граждан", ("гражданин", "граждане")),
        ("ru", "гражданин", ("граждане",)),
        ("ru", "детьми", ("ребенок",)),
        ("ru", "город", ()),
    ],
)
def test_base_form_guesses(lang: str, word: str, guesses: tuple[str, ...]) -> None:
    forms = base_forms_for(lang)
    assert forms is not None
    assert forms.guesses(word) == guesses


def test_languages_whose_stemmer_joins_the_forms_get_no_guesses() -> None:
    assert base_forms_for("de") is None
    assert base_forms_for("zh") is None


ARABIC = matcher(
    Concept("airstrike", (Term("غارة جوية", "ar", P),)),
    Concept("civilian", (Term("مدني", "ar", P),)),
    Concept("refugee", (Term("لاجئ", "ar", P),)),
    Concept("militia", (Term("ميليشيا", "ar", P),)),
    Concept("hospital", (Term("مستشفى", "ar", P),)),
    Concept("displaced", (Term("النازحون", "ar", P),)),
    Concept("child", (Term("طفل", "ar", P),)),
    Concept("qaeda", (Term("القاعدة", "ar", P),)),
    Concept("syria", (Term("سوريا", "ar", P), Term("سورية", "ar", A))),
    Concept("province", (Term("محافظة", "ar", P),)),
    Concept("governor", (Term("محافظ", "ar", P),)),
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the article, on every word of a definite phrase
        ("الغارة الجوية", [("الغارة الجوية", "airstrike")]),
        # sound plurals, both cases, with the article and after a clitic (which, with the
        # article after it, stays out of the span, as for the base forms)
        (
            "غارات جوية وبالغارات الجوية",
            [("غارات جوية", "airstrike"), ("غارات الجوية", "airstrike")],
        ),
        ("المدنيون والمدنيين", [("المدنيون", "civilian"), ("مدنيين", "civilian")]),
        ("للاجئين", [("لاجئين", "refugee")]),
        ("الميليشيات والمستشفيات", [("الميليشيات", "militia"), ("مستشفيات", "hospital")]),
        ("النازحين", [("النازحين", "displaced")]),
        # broken plurals come from the list
        ("الأطفال", [("الأطفال", "child")]),
        # the article is never added: a base is not al-Qaeda
        ("قاعدة عسكرية", []),
        # the definite feminine adjective "Syrian" is not Syria
        ("الحكومة السورية", []),
        ("التركية والسورية", []),
        ("في سورية", [("سورية", "syria")]),
        # a feminine plural reads as the feminine singular only
        ("المحافظات", [("المحافظات", "province")]),
    ],
)
def test_arabic_inflected_forms(text: str, expected: list[tuple[str, str]]) -> None:
    assert [(covered, concept) for covered, concept, _ in found(ARABIC, text, "ar")] == expected


@pytest.mark.parametrize(
    ("word", "forms"),
    [
        ("الغارات", ("غارات", "غارة")),
        ("المدنيين", ("مدنيين", "المدنيون", "مدني")),
        ("لاجئون", ("لاجئين", "لاجئ")),
        ("مستشفيات", ("مستشفية", "مستشفي", "مستشفيا")),
        ("غارتين", ("غارتون", "غارة")),
        ("مقاتلو", ("مقاتل",)),
        ("الكيميائية", ("كيميائية", "كيميائي")),
        ("الاطفال", ("اطفال", "طفل")),
        ("حلب", ()),
    ],
)
def test_arabic_forms(word: str, forms: tuple[str, ...]) -> None:
    assert arabic_forms(word) == forms


def test_words_are_not_matched_inside_other_words() -> None:
    m = matcher(ALEPPO, AIR)
    assert found(m, "Aleppoan airstrips", "en") == []


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("وحلب", (1, 4)),
        ("بحلب", (1, 4)),
        ("والحلب", (3, 6)),
        ("وَحَلَب", (2, 7)),
        ("حلب", (0, 3)),
        ("في حلب", (3, 6)),
    ],
)
def test_arabic_clitics(text: str, span: tuple[int, int]) -> None:
    matches = matcher(ALEPPO).find(text, "ar")
    assert [(m.concept_id, m.span) for m in matches] == [("aleppo", span)]


def test_arabic_alef_variants_and_tatweel() -> None:
    m = matcher(Concept("idlib", (Term("إدلب", "ar", P),)))
    assert [x.span for x in m.find("ادلب وادلـب وأدلب", "ar")] == [(0, 4), (6, 11), (13, 17)]


def test_arabic_clitic_offsets() -> None:
    assert arabic_clitic_offsets("وبالرقة") == [(1, "بالرقة"), (2, "الرقة"), (4, "رقة")]
    assert arabic_clitic_offsets("للرقة") == [(1, "الرقة"), (1, "لرقة"), (2, "رقة")]
    assert arabic_clitic_offsets("للاجئين") == [(1, "الاجئين"), (1, "لاجئين"), (2, "اجئين")]
    assert arabic_clitic_offsets("حلب") == []


def test_arabic_prefix_is_not_stripped_from_a_word_that_is_a_term() -> None:
    wahda = Concept("unit", (Term("وحدة", "ar", P),))
    hidda = Concept("sharpness", (Term("حدة", "ar", P),))
    assert [x.concept_id for x in matcher(wahda, hidda).find("وحدة", "ar")] == ["unit"]


def test_cjk_matches_without_word_boundaries() -> None:
    m = matcher(ALEPPO, AIR)
    text = "在阿勒颇的空袭"
    assert [(x.concept_id, x.span) for x in m.find(text, "zh")] == [
        ("aleppo", (1, 4)),
        ("airstrike", (5, 7)),
    ]


def test_full_width_and_typography() -> None:
    hts = Concept("hts", (Term("HTS", "en", A, TermType.ACRONYM), Term("Sham's", "en")))
    m = matcher(hts)
    assert found(m, "ＨＴＳ and Sham’s", "en") == [
        ("ＨＴＳ", "hts", "HTS"),
        ("Sham’s", "hts", "Sham's"),
    ]


def test_normalisation_never_erases_a_glossary_distinction() -> None:
    m = matcher(CEASEFIRE)
    text = "cease-fire, ceasefire, cease‑fire, Cease-fires, ceasefires, cease fire"
    assert [(t, term) for t, _, term in found(m, text, "en")] == [
        ("cease-fire", "cease-fire"),
        ("ceasefire", "ceasefire"),
        ("cease‑fire", "cease-fire"),
        ("Cease-fires", "cease-fire"),
        ("ceasefires", "ceasefire"),
        ("cease fire", "cease-fire"),
    ]


def test_hyphen_variant_matches_closed_form_when_glossary_has_only_one() -> None:
    m = matcher(Concept("cf", (Term("ceasefire", "en", P),)))
    assert found(m, "A cease-fire.", "en") == [("cease-fire", "cf", "ceasefire")]


def test_possessive_is_not_part_of_the_span() -> None:
    m = matcher(Concept("hts", (Term("Hayat Tahrir al-Sham", "en", P),)))
    text = "Hayat Tahrir al-Sham's leader"
    assert [x.span for x in m.find(text, "en")] == [(0, 20)]


def test_french_elision() -> None:
    army = Concept("army", (Term("armée syrienne", "fr", P),))
    assert found(matcher(army), "l’armée syrienne", "fr") == [
        ("armée syrienne", "army", "armée syrienne")
    ]


def test_longest_match_wins() -> None:
    army = Concept("army", (Term("Syrian army", "en", P),))
    syria = Concept("syria", (Term("Syria", "en", P), Term("Syrian", "en", A)))
    free = Concept("fsa", (Term("Free Syrian Army", "en", P),))
    m = matcher(army, syria, free)
    assert found(m, "the Free Syrian Army and the Syrian army in Syria", "en") == [
        ("Free Syrian Army", "fsa", "Free Syrian Army"),
        ("Syrian army", "army", "Syrian army"),
        ("Syria", "syria", "Syria"),
    ]


def test_overlaps_resolved_deterministically() -> None:
    left = Concept("a", (Term("human rights", "en"),))
    right = Concept("b", (Term("rights group", "en"),))
    m = matcher(left, right)
    # Same length: the earlier span wins, whatever the glossary order.
    assert found(m, "a human rights group", "en") == [("human rights", "a", "human rights")]
    assert found(matcher(right, left), "a human rights group", "en") == [
        ("human rights", "a", "human rights")
    ]


def test_same_term_in_two_concepts_is_reported_for_both() -> None:
    one = Concept("party-a", (Term("Baath", "en"),))
    two = Concept("party-b", (Term("Baath", "en"),))
    assert found(matcher(one, two), "The Baath.", "en") == [
        ("Baath", "party-a", "Baath"),
        ("Baath", "party-b", "Baath"),
    ]


def test_same_concept_same_span_keeps_the_best_status() -> None:
    c = Concept("c", (Term("Raqqa", "en", D), Term("raqqa", "en", P)))
    assert [x.term.status for x in matcher(c).find("in raqqa", "en")] == [P]


def test_terms_do_not_match_across_punctuation() -> None:
    m = matcher(Concept("fsa", (Term("Free Syrian Army", "en"),)))
    assert m.find("Free Syrian. Army", "en") == []
    assert found(m, "Free  Syrian\nArmy", "en") == [
        ("Free  Syrian\nArmy", "fsa", "Free Syrian Army")
    ]


def test_case_sensitive_acronym() -> None:
    isis = Concept("is", (Term("IS", "en", A, TermType.ACRONYM), Term("Islamic State", "en", P)))
    m = matcher(isis)
    assert found(m, "This is it; IS fighters and the islamic state", "en") == [
        ("IS", "is", "IS"),
        ("islamic state", "is", "Islamic State"),
    ]


def test_explicit_case_sensitivity() -> None:
    turkey = Concept("turkey", (Term("Turkey", "en", P, case_sensitive=True),))
    m = matcher(turkey)
    assert found(m, "a turkey in Turkey", "en") == [("Turkey", "turkey", "Turkey")]


def test_exact_mode_refuses_inflection() -> None:
    exact = Concept("sohr", (Term("SOHR", "en", A, TermType.ACRONYM, None, MatchMode.EXACT),))
    rebel = Concept("rebel", (Term("rebel", "en", P, match=MatchMode.EXACT),))
    m = matcher(exact, rebel)
    assert found(m, "SOHR, SOHRs, Sohr, rebels, Rebel", "en") == [
        ("SOHR", "sohr", "SOHR"),
        ("Rebel", "rebel", "rebel"),
    ]


def test_language_is_the_primary_subtag() -> None:
    m = matcher(AIR)
    assert found(m, "airstrikes", "en-GB") == [("airstrikes", "airstrike", "airstrike")]
    assert m.find("airstrikes", "es") == []
    assert m.find("airstrikes", "xx") == []


def test_match_levels() -> None:
    m = matcher(CEASEFIRE)
    text = "ceasefire Ceasefire ceasefires cease-fire's"
    assert [(x.level, x.term.text) for x in m.find(text, "en")] == [
        (3, "ceasefire"),
        (2, "ceasefire"),
        (1, "ceasefire"),
        (3, "cease-fire"),
    ]


def test_tokenizer_spans_and_links() -> None:
    text = "al-Sham’s 空袭, x"
    assert [(text[t.start : t.end], t.link, t.soft) for t in tokenize(text)] == [
        ("al", "", False),
        ("Sham", "-", True),
        ("s", "'", True),
        ("空", "", True),
        ("袭", "", True),
        ("x", "", False),
    ]


def test_shortening() -> None:
    assad = Concept(
        "assad",
        (Term("Bashar al-Assad", "en", P), Term("al-Assad", "en", A), Term("Bashar Assad", "en")),
    )
    m = matcher(assad)
    full, short, other = assad.terms
    assert m.is_shortening(short, full) is True
    assert m.is_shortening(other, full) is False
    assert m.is_shortening(full, full) is False


def test_capitalised_name_does_not_match_lowercase_adjective() -> None:
    syria = Concept("syria", (Term("Siria", "es", P, match=MatchMode.EXACT),))
    iran = Concept("iran", (Term("Irán", "es", P),))
    m = matcher(syria, iran)
    text = "la guerra civil siria en Siria, milicias iraníes de Irán y SIRIA"
    assert found(m, text, "es") == [
        ("Siria", "syria", "Siria"),
        ("Irán", "iran", "Irán"),
        ("SIRIA", "syria", "Siria"),
    ]
    explicit = matcher(Concept("s", (Term("Siria", "es", P, case_sensitive=False),)))
    assert found(explicit, "guerra siria", "es") == [("siria", "s", "Siria")]


def test_overlapping_matches_on_request() -> None:
    province = Concept("aleppo-province", (Term("Aleppo province", "en", P),))
    m = matcher(ALEPPO, province)
    text = "in Aleppo province"
    assert found(m, text, "en") == [("Aleppo province", "aleppo-province", "Aleppo province")]
    assert [(x.concept_id, x.span) for x in m.find(text, "en", overlapping=True)] == [
        ("aleppo", (3, 9)),
        ("aleppo-province", (3, 18)),
    ]


def test_linked_term_also_matches_closed_spelling() -> None:
    baath = Concept("baath", (Term("Ba'ath", "en", P),))
    cf = Concept("cf", (Term("cease-fire", "en", P),))
    m = matcher(baath, cf)
    assert found(m, "Baath, Ba’ath, Ba'ath's, ceasefires", "en") == [
        ("Baath", "baath", "Ba'ath"),
        ("Ba’ath", "baath", "Ba'ath"),
        ("Ba'ath", "baath", "Ba'ath"),
        ("ceasefires", "cf", "cease-fire"),
    ]


def test_modifier_letter_apostrophe_inside_a_word() -> None:
    baath = Concept("baath", (Term("Ba'ath", "en", P),))
    assert found(matcher(baath), "the Baʼath party", "en") == [("Baʼath", "baath", "Ba'ath")]


def test_abbreviations_with_dots() -> None:
    un = Concept("un", (Term("U.N.", "en", A, TermType.ABBREVIATION), Term("UN", "en", A)))
    us = Concept("us", (Term("EE. UU.", "es", A, TermType.ABBREVIATION),))
    m = matcher(un, us)
    assert found(m, "The U.N. said, the UN said. The U.N.", "en") == [
        ("U.N.", "un", "U.N."),
        ("UN", "un", "UN"),
        ("U.N.", "un", "U.N."),
    ]
    assert [x.level for x in m.find("the U.N said", "en")] == [1]
    assert found(m, "Los EE. UU. y los EE.UU.", "es") == [
        ("EE. UU.", "us", "EE. UU."),
        ("EE.UU.", "us", "EE. UU."),
    ]


def test_punctuation_inside_a_term_must_be_in_the_text() -> None:
    hts = Concept("hts", (Term("Hayat Tahrir al-Sham (HTS)", "en", P),))
    m = matcher(hts)
    assert found(m, "Hayat Tahrir al-Sham (HTS) and Hayat Tahrir al-Sham HTS", "en") == [
        ("Hayat Tahrir al-Sham (HTS)", "hts", "Hayat Tahrir al-Sham (HTS)")
    ]


_FUZZ_GLOSSARY = Glossary.of(
    [AIR, ALEPPO, CEASEFIRE, Concept("un", (Term("U.N.", "en"), Term("UN", "en", A)))]
)
_FUZZ_MATCHER = Matcher(_FUZZ_GLOSSARY)


@settings(max_examples=200, deadline=None)
@given(
    text=st.lists(
        st.sampled_from([*"ab -'’.,Ué\u064e ", "airstrike", "حلب", "و", "空袭", "cease"]),
        max_size=30,
    ).map("".join),
    lang=st.sampled_from(["en", "ar", "zh"]),
)
def test_spans_are_valid_and_disjoint(text: str, lang: str) -> None:
    matches = _FUZZ_MATCHER.find(text, lang)
    previous_end = 0
    last_span = (-1, -1)
    for match in matches:
        assert 0 <= match.start < match.end <= len(text)
        assert match.start >= previous_end or match.span == last_span
        previous_end, last_span = match.end, match.span
    assert matches == _FUZZ_MATCHER.find(text, lang)
