"""Name, acronym and code extraction and matching (tqa.lang.names)."""

from __future__ import annotations

import pytest

from tqa.lang.names import (
    Counterparts,
    compare,
    exonym_match,
    extract,
    fold,
    is_demonym,
    skeleton,
    stems,
)


def mentions(text: str, lang: str) -> list[tuple[str, str]]:
    return [(m.text, m.kind) for m in extract(text, lang)]


# -- extraction: what is a name --------------------------------------------------------------


def test_names_with_particles_acronyms_and_codes() -> None:
    text = "Según el OSDH, el presidente Bashar al Asad envió aviones F-16 a Al Safira."
    assert mentions(text, "es") == [
        ("OSDH", "acronym"),
        ("Bashar al Asad", "name"),
        ("F-16", "code"),
        ("Al Safira", "name"),
    ]


def test_handles_and_dotted_acronyms() -> None:
    text = "Lo dijo @EFEnoticias sobre EE.UU. y la ONU."
    assert mentions(text, "es") == [
        ("@EFEnoticias", "handle"),
        ("EE.UU.", "acronym"),
        ("ONU", "acronym"),
    ]


def test_latin_words_in_a_cyrillic_text() -> None:
    text = "Медведев написал об этом в Telegram."
    assert mentions(text, "ru") == [("Telegram", "foreign")]


def test_sentence_initial_common_words_are_not_names() -> None:
    assert mentions("Según la ONG, los ataques continuaron.", "es") == [("ONG", "acronym")]
    assert mentions("Moreover, the army withdrew.", "en") == []


def test_sentence_initial_country_is_a_name() -> None:
    assert mentions("Alemania y Francia pidieron una tregua.", "es") == [
        ("Alemania", "name"),
        ("Francia", "name"),
    ]


def test_months_weekdays_titles_and_demonyms_are_not_names() -> None:
    text = "On Monday in November, President Biden met Syrian and Turkish officials."
    assert mentions(text, "en") == [("Biden", "name")]


def test_generic_institution_nouns_are_not_names() -> None:
    text = "Murieron 100 miembros del Ejército sirio y del Gobierno."
    assert mentions(text, "es") == []


def test_leading_demonym_and_title_are_not_part_of_the_name() -> None:
    (name,) = extract("He said Russian Foreign Minister Sergei Lavrov arrived.", "en")
    assert (name.text, name.descriptive) == ("Sergei Lavrov", False)


def test_descriptive_names_are_marked() -> None:
    (name,) = extract("según el Observatorio Sirio de Derechos Humanos.", "es")
    assert (name.text, name.descriptive) == ("Observatorio Sirio de Derechos Humanos", True)


def test_german_nouns_are_not_names() -> None:
    assert mentions("Nach Angaben der Polizei wurden zwölf Menschen festgenommen.", "de") == []
    assert mentions("Die Stadt hat 3,7 Millionen Einwohner.", "de") == []
    assert mentions("Gestern traf Bundeskanzler Olaf Scholz in Berlin ein.", "de") == [
        ("Olaf Scholz", "name"),
        ("Berlin", "name"),
    ]


def test_title_case_headline_says_nothing() -> None:
    assert mentions("Syrian Army Retakes Key Town Near Aleppo", "en") == []


def test_units_are_not_codes_and_compounds_keep_the_code() -> None:
    assert mentions("Es fielen -15C und Leopard-2-Panzer.", "de") == [("Leopard-2", "code")]


def test_possessive_and_elision_are_not_part_of_the_name() -> None:
    assert mentions("He praised Israel’s army.", "en") == [("Israel", "name")]
    assert mentions("Un rapport de l'OSDH.", "fr") == [("OSDH", "acronym")]


def test_chinese_run_is_split_from_a_glued_code() -> None:
    assert mentions("一架F-15战机坠毁。", "zh") == [("F-15", "code")]


# -- matching ----------------------------------------------------------------------------------


def test_fold_and_skeleton() -> None:
    assert fold("Líbano") == "libano"
    assert fold("Андрей") == "andrey"
    assert skeleton("aleppo") == skeleton("alepo") == "lp"
    assert skeleton("hezbollah") == skeleton("hizbula")


def test_inflection_stems() -> None:
    assert "putin" in stems("putina")
    assert "assad" in stems("assads")
    assert stems("zelenskogo") & stems("zelensky")


@pytest.mark.parametrize(
    ("word", "text", "lang"),
    [
        ("Andrei", "Андрей Белоусов был назначен.", "ru"),
        ("Putin", "Макрон позвонил Путину.", "ru"),
        ("Assad", "Nach Assads Rede.", "de"),
        ("al-Assad", "قال بشار الأسد إن الحرب لم تنته.", "ar"),
        ("Hezbollah", "أعلن حزب الله مقتل أحد عناصره.", "ar"),
        ("Andanar", "发言人安达纳尔表示。", "zh"),
        ("Aleppo", "en el oeste de Alepo", "es"),
        ("Kharkiv", "Der Angriff auf Charkiw", "de"),
        ("Zelensky", "Der Papst empfing Selenskyj.", "de"),
    ],
)
def test_counterparts_across_spelling_and_scripts(word: str, text: str, lang: str) -> None:
    assert Counterparts.of(text, lang).find(word) is not None


@pytest.mark.parametrize(
    ("word", "text", "lang"),
    [
        ("Peskov", "Pestov said so.", "en"),
        ("Zelensky", "Volodymyr Zelenksy asked.", "en"),
        ("Oman", "أعلنت قطر استضافة جولة جديدة من المحادثات.", "ar"),
        ("Shoigu", "Сергей Лавров прибыл в Анкару.", "ru"),
    ],
)
def test_no_counterpart_for_another_name(word: str, text: str, lang: str) -> None:
    assert Counterparts.of(text, lang).find(word) is None


def test_cldr_exonyms_territories_and_cities() -> None:
    target = Counterparts.of("Germany and the United Kingdom met in Moscow and Lebanon.", "en")
    assert exonym_match("Alemania", "es", target, "en")
    assert exonym_match("Reino Unido", "es", target, "en")
    assert exonym_match("Moscú", "es", target, "en")
    assert exonym_match("Líbano", "es", target, "en")
    assert not exonym_match("Francia", "es", target, "en")


def test_exonyms_of_cities_cldr_does_not_name() -> None:
    target = Counterparts.of("Talks in Geneva, then Beijing, Aleppo and Saint Petersburg.", "en")
    assert exonym_match("Ginebra", "es", target, "en")
    assert exonym_match("Pekín", "es", target, "en")
    assert exonym_match("Alep", "fr", target, "en")
    assert exonym_match("Санкт-Петербург", "ru", target, "en")
    assert not exonym_match("Viena", "es", target, "en")
    source = Counterparts.of("قصفت الطائرات حلب وإدلب", "ar")
    assert exonym_match("Aleppo", "en", source, "ar")
    assert exonym_match("Idlib", "en", source, "ar")
    assert not exonym_match("Homs", "en", source, "ar")


@pytest.mark.parametrize(
    ("source", "target", "src", "tgt", "extra"),
    [
        ("La reunión será en Ginebra.", "The meeting will be in Geneva.", "es", "en", []),
        ("La reunión será en Ginebra.", "The meeting will be in Vienna.", "es", "en", ["Vienna"]),
        ("اشتباكات في حلب", "Clashes in Aleppo.", "ar", "en", []),
        ("Xi recibió al enviado en Pekín.", "Xi received the envoy in Beijing.", "es", "en", []),
    ],
)
def test_city_exonyms_are_counterparts(
    source: str, target: str, src: str, tgt: str, extra: list[str]
) -> None:
    report = compare(source, target, src, tgt)
    assert report.missing == ()
    assert [e.mention.text for e in report.extra] == extra


def test_city_table_rows_are_complete() -> None:
    from tqa.lang.names import _city_names

    cities = _city_names()
    assert sorted(cities) == ["ar", "de", "en", "es", "fr", "it", "pt", "ru", "zh"]
    assert len(cities["en"]) == 48
    for lang, names in cities.items():
        assert names.keys() == cities["en"].keys(), lang
        assert all(name and name == name.strip() for row in names.values() for name in row), lang


def test_inflected_exonym() -> None:
    source = Counterparts.of("НАТО проводит учения в Польше и Литве.", "ru")
    assert exonym_match("Poland", "en", source, "ru")
    assert not exonym_match("Latvia", "en", source, "ru")


def test_demonyms() -> None:
    assert is_demonym("syrian", "en")
    assert is_demonym("lebanese", "en")
    assert is_demonym("turkish", "en")
    assert is_demonym("sirio", "es")
    assert not is_demonym("francois", "en")
    assert not is_demonym("syria", "en")


# -- comparison --------------------------------------------------------------------------------


def test_swap_is_one_extra_naming_the_replaced_source_name() -> None:
    report = compare(
        "Los combates se concentraron en Idlib.", "Fighting centred on Homs.", "es", "en"
    )
    assert report.missing == ()
    (extra,) = report.extra
    assert extra.mention.text == "Homs"
    assert extra.replaces is not None and extra.replaces.text == "Idlib"


def test_swapped_first_name_inside_a_kept_surname() -> None:
    report = compare(
        "El presidente Bashar al Asad visitó Damasco.",
        "President Hafez al-Assad visited Damascus.",
        "es",
        "en",
    )
    (extra,) = report.extra
    assert (extra.mention.text, extra.replaces and extra.replaces.text) == ("Hafez", "Bashar")


def test_shortened_name_is_not_an_error() -> None:
    report = compare("Al Asad insiste en ello.", "Bashar al-Assad insists on it.", "es", "en")
    assert (report.missing, report.extra) == ((), ())


def test_acronym_typo_is_one_change() -> None:
    report = compare("según el OSDH", "according to the SHOR", "es", "en")
    assert (report.missing, report.extra) == ((), ())
    (change,) = report.changed
    assert (change.source.text, change.target.text) == ("OSDH", "SHOR")


@pytest.mark.parametrize(
    ("source", "target"),
    [
        ("según la ONU", "according to the UN"),
        ("según la OTAN", "according to NATO"),
        ("según la ONG", "according to the NGO"),
        ("die EZB senkte", "the ECB cut"),
        ("según la FDS", "according to the SFD"),
    ],
)
def test_conventional_or_unknown_acronym_translations(source: str, target: str) -> None:
    report = compare(source, target, "de" if "EZB" in source else "es", "en")
    if "SFD" in target:  # a transposition of the conventional SDF: a typo
        assert [c.target.text for c in report.changed] == ["SFD"]
    else:
        assert (report.missing, report.extra, report.changed) == ((), (), ())


def test_ambiguous_acronyms_are_not_reported() -> None:
    report = compare("La AMN lo anunció ayer.", "The KPQ announced it yesterday.", "es", "en")
    assert (report.missing, report.extra, report.changed) == ((), (), ())


def test_translated_descriptive_name_is_not_reported() -> None:
    report = compare(
        "la Administración de Operaciones Militares rebelde anunció",
        "the rebel Military Operations Administration announced",
        "es",
        "en",
    )
    assert (report.missing, report.extra) == ((), ())


def test_japanese_names_are_not_compared() -> None:
    report = compare(
        "G7サミットが広島で開かれた。", "The G7 summit was held in Hiroshima.", "ja", "en"
    )
    assert (report.missing, report.extra) == ((), ())


def test_hyphenated_titles_and_roman_numerals() -> None:
    text = "UN Secretary-General Antonio Guterres met King Abdullah II and the ICC."
    assert mentions(text, "en") == [
        ("UN", "acronym"),
        ("Antonio Guterres", "name"),
        ("Abdullah", "name"),
        ("ICC", "acronym"),
    ]


def test_casa_blanca_is_not_casablanca() -> None:
    report = compare(
        "Un portavoz de la Casa Blanca dijo que sí.",
        "A White House spokesman said yes.",
        "es",
        "en",
    )
    assert (report.missing, report.extra) == ((), ())
