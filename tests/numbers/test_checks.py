"""The TQA2xx checks on whole segments: what they report, with exact spans, and what they don't."""

from __future__ import annotations

import pytest

from tqa.checks.numbers import CHECKS
from tqa.core.check import RunContext
from tqa.core.model import Finding, Segment
from tqa.lang.numbers import analyze

Row = tuple[str, str, tuple[int, int] | None, tuple[int, int] | None]


def findings(source: str, target: str, src: str = "es", tgt: str = "en") -> list[Finding]:
    context = RunContext()
    segment = Segment("1", source, target, src, tgt)
    out: list[Finding] = []
    for cls in CHECKS:
        out.extend(f for f in cls(context).check(segment) if isinstance(f, Finding))
    return sorted(out, key=lambda f: (f.code, f.target_span or (-1, -1)))


def rows(source: str, target: str, src: str = "es", tgt: str = "en") -> list[Row]:
    return [
        (f.code, f.severity.label, f.source_span, f.target_span)
        for f in findings(source, target, src, tgt)
    ]


# The seed story: Spanish EFE wire (our own sentences) and a faithful English translation.
SEED_ES = (
    "El ataque dejó 311 muertos, 183 heridos y 100 desaparecidos, entre ellos 28 niños. "
    "La ciudad, la segunda ciudad más grande del país, no sufría algo así desde 2016, "
    "hace 13 años. Los combates empezaron el 27 de noviembre y duraron cuatro días, "
    "hasta el sábado."
)
SEED_EN = (
    "The attack left 311 dead, 183 injured and 100 missing, including 28 children. "
    "The city, the country's second-largest, had not seen anything like it since 2016, "
    "13 years ago. The fighting began on November 27 and lasted four days, "
    "until Saturday."
)


def span_of(text: str, part: str) -> tuple[int, int]:
    start = text.index(part)
    return (start, start + len(part))


def test_seed_faithful_translation_has_no_findings() -> None:
    assert rows(SEED_ES, SEED_EN) == []


@pytest.mark.parametrize(
    ("old", "new", "src_part", "tgt_part"),
    [
        ("311 dead", "301 dead", "311", "301"),
        ("183 injured", "138 injured", "183", "138"),
        ("100 missing", "10 missing", "100", "10 missing"),
        ("28 children", "27 children", "28", "27"),
        ("since 2016", "since 2015", "2016", "2015"),
        ("13 years ago", "31 years ago", "13", "31 years"),
        ("November 27", "November 28", "27 de noviembre", "November 28"),
        ("four days", "five days", "cuatro", "five"),
        ("second-largest", "third-largest", "segunda", "third"),
        ("Saturday", "Sunday", "sábado", "Sunday"),
    ],
)
def test_seed_changed_number_is_one_changed_finding(
    old: str, new: str, src_part: str, tgt_part: str
) -> None:
    target = SEED_EN.replace(old, new)
    got = findings(SEED_ES, target)
    assert [(f.code, f.severity.label) for f in got] == [("TQA203", "critical")]
    assert got[0].source_span == span_of(SEED_ES, src_part)
    covered = tgt_part if tgt_part.startswith("November") else tgt_part.split()[0]
    start = target.index(tgt_part)
    assert got[0].target_span == (start, start + len(covered))


def test_seed_dropped_digits_is_critical_missing() -> None:
    target = SEED_EN.replace(", including 28 children", "")
    assert rows(SEED_ES, target) == [
        ("TQA201", "critical", span_of(SEED_ES, "28"), None),
    ]


def test_seed_dropped_words_is_major_missing() -> None:
    target = SEED_EN.replace(" and lasted four days", "")
    assert rows(SEED_ES, target) == [
        ("TQA201", "major", span_of(SEED_ES, "cuatro"), None),
    ]


def test_seed_invented_number_is_extra() -> None:
    target = SEED_EN.replace("100 missing", "100 missing and 12 arrested")
    assert rows(SEED_ES, target) == [
        ("TQA202", "major", None, span_of(target, "12")),
    ]


def test_changed_is_not_also_missing_and_extra() -> None:
    codes = [f.code for f in findings("Murieron 183 personas.", "138 people died.")]
    assert codes == ["TQA203"]


def test_a_clock_time_against_its_bare_hour_is_one_changed_time() -> None:
    (finding,) = findings("La reunión será a las 10:30.", "The meeting will be at 10.")
    assert (finding.code, finding.source_span, finding.target_span) == (
        "TQA203",
        (22, 27),
        (23, 25),
    )
    assert finding.message == "time changed: source '10:30' (10:30), target '10' (10)"
    assert finding.suggestion == "10:30"
    # another number is not an hour of the time: missing time and extra number, as before
    codes = [f.code for f in findings("La reunión será a las 10:30.", "The meeting will be at 11.")]
    assert codes == ["TQA201", "TQA202"]


@pytest.mark.parametrize(
    ("source", "tgt", "suggestion"),
    [
        ("Costó 311.311.311.311 euros.", "de-CH", "311'311'311'311"),
        ("Costó 1.234.567,5 euros.", "de-CH", "1'234'567.5"),
        ("Costó 1.234.567,5 euros.", "fr-CH", "1'234'567,5"),
        ("Costó 1.234.567 euros.", "en-IN", "12,34,567"),
        ("Costó 1.234.567 euros.", "de", "1.234.567"),
    ],
)
def test_suggestions_group_every_thousand(source: str, tgt: str, suggestion: str) -> None:
    (finding,) = findings(source, "Es kostete 7 Euro.", "es", tgt)
    assert (finding.code, finding.suggestion) == ("TQA203", suggestion)


def test_changed_message_and_suggestion_in_target_format() -> None:
    (finding,) = findings("Murieron 1.500 personas.", "1,400 people died.")
    assert finding.code == "TQA203"
    assert finding.message == "number changed: source '1.500' (1500), target '1,400' (1400)"
    assert finding.suggestion == "1,500"
    (finding,) = findings("Murieron 1,5 millones.", "1.4 million died.")
    assert finding.suggestion == "1,500,000"


def test_changed_date_suggests_target_language_date() -> None:
    (finding,) = findings("el 27 de noviembre", "on November 28")
    assert finding.code == "TQA203"
    assert finding.suggestion == "November 27"
    (finding,) = findings("on November 27", "el 28 de noviembre", "en", "es")
    assert finding.suggestion == "27 de noviembre"


def test_words_match_digits_by_value() -> None:
    assert rows("four days", "4 días", "en", "es") == []
    assert rows("thirteen years", "trece años", "en", "es") == []
    assert rows("1st place", "primer puesto", "en", "es") == []


def test_scale_words_match_by_value() -> None:
    for target, tgt in (
        ("2,5 millones", "es"),
        ("2.500.000", "es"),
        ("2,5 millions", "fr"),
        ("2,5 Millionen", "de"),
        ("2,5 млн", "ru"),
        ("250万", "zh"),
    ):
        assert rows("2.5 million", target, "en", tgt) == [], target


def test_percentages_match() -> None:
    assert rows("50%", "50 por ciento", "en", "es") == []
    assert rows("50%", "cincuenta por ciento", "en", "es") == []
    assert rows("50 %", "50 Prozent", "fr", "de") == []


def test_dates_match_across_languages() -> None:
    for target, tgt in (
        ("27 de noviembre", "es"),
        ("27. November", "de"),
        ("27 novembre", "fr"),
        ("27 ноября", "ru"),
        ("27 نوفمبر", "ar"),
        ("11月27日", "zh"),
    ):
        assert rows("November 27", target, "en", tgt) == [], target


def test_reordered_numbers_match() -> None:
    assert rows("311 muertos y 183 heridos", "183 injured and 311 dead") == []


def test_pronoun_one_is_never_reported_alone() -> None:
    assert rows("One of the groups attacked", "Uno de los grupos atacó", "en", "es") == []
    assert rows("One of the groups attacked", "Los grupos atacaron", "en", "es") == []


def test_article_a_is_not_one() -> None:
    assert rows("A man died", "Murió un hombre", "en", "es") == []


def test_codes_compared_as_strings() -> None:
    assert rows("COVID-19 en el G7", "COVID-19 in the G7") == []
    assert rows("el F-16", "the F-35") == [
        ("TQA203", "critical", (3, 7), (4, 8)),
    ]


def test_codes_keep_their_digits_out_of_the_numbers() -> None:
    assert rows("COVID-19 mató a 19 personas", "COVID-19 killed 19 people") == []
    assert analyze("COVID-19", "COVID-19", "en", "es").matched[0].how == "exact"


def test_thousands_dot_copied_into_english_is_a_changed_number() -> None:
    assert rows("Murieron 1.000 personas.", "1.000 people died.") == [
        ("TQA203", "critical", (9, 14), (0, 5)),
    ]
    (finding,) = findings("Murieron 1.000 personas.", "1.000 people died.")
    assert finding.message == (
        "number changed: source '1.000' (1000), target '1.000' (1 as en reads it; "
        "source read as es)"
    )
    assert finding.suggestion == "1,000"


def test_misread_decimal_is_a_changed_number() -> None:
    assert rows("1,500 people", "1,500 personas", "en", "es") == [
        ("TQA203", "critical", (0, 5), (0, 5)),
    ]
    assert rows("1,500 people", "1,5 personas", "en", "es") == [
        ("TQA203", "critical", (0, 5), (0, 3)),
    ]


def test_format_english_number_in_spanish_target() -> None:
    assert rows("1,000.5 tons", "1,000.5 toneladas", "en", "es") == [
        ("TQA204", "minor", None, (0, 7)),
    ]
    (finding,) = findings("1,000.5 tons", "1,000.5 toneladas", "en", "es")
    assert finding.suggestion == "1.000,5"


def test_ambiguous_source_is_neutral_not_a_mismatch() -> None:
    assert rows("1.500 people", "1.500 personas", "en", "es") == [
        ("TQA205", "neutral", (0, 5), (0, 5)),
    ]


def test_unsettled_separator_is_neutral() -> None:
    assert rows("1.500 personnes", "1 500 people", "fr", "en") == []
    assert rows("1.500 personnes", "20 people", "fr", "en") == [
        ("TQA202", "major", None, (0, 2)),
        ("TQA205", "neutral", (0, 5), None),
    ]


def test_numeric_date_order() -> None:
    assert rows("on 11/27/2024", "el 27/11/2024", "en", "es") == []
    assert rows("on 11/27/2024", "el 11/27/2024", "en", "es") == [
        ("TQA204", "minor", None, (3, 8)),
    ]
    assert rows("on 03/04/2024", "el 03/04/2024", "en", "es") == [
        ("TQA203", "critical", (3, 8), (3, 8)),
    ]
    assert rows("on 03/04/2024", "el 04/03/2024", "en", "es") == []


def test_times_match_across_formats() -> None:
    assert rows("at 10:30", "a las 10.30", "en", "es") == []
    assert rows("at 10:30", "à 10h30", "en", "fr") == []
    assert rows("at 3 p.m.", "a las 15:00", "en", "es") == []


def test_list_commas_and_sentence_end() -> None:
    assert rows("Murieron 311, 183 y 100.", "311, 183 and 100 died.") == []


def test_words_severity_option() -> None:
    context = RunContext()
    check = CHECKS[0](context, options={"words_severity": "minor"})
    segment = Segment("1", "cuatro días", "days", "es", "en")
    got = [f for f in check.check(segment) if isinstance(f, Finding)]
    assert [(f.code, f.severity.label) for f in got] == [("TQA201", "minor")]


def test_analysis_is_shared_between_checks() -> None:
    context = RunContext()
    segment = Segment("1", "311", "311", "es", "en")
    calls: list[str] = []
    for cls in CHECKS:
        check = cls(context)
        list(check.check(segment))
    context.analysis(segment, "numbers.analysis", lambda seg: calls.append("again"))
    assert calls == []


def test_checks_registered_with_codes_and_names() -> None:
    assert [(c.code, c.name, c.severity.label, c.category.value) for c in CHECKS] == [
        ("TQA201", "numbers.missing", "critical", "accuracy"),
        ("TQA202", "numbers.extra", "major", "accuracy"),
        ("TQA203", "numbers.changed", "critical", "accuracy"),
        ("TQA204", "numbers.format", "minor", "accuracy"),
        ("TQA205", "numbers.ambiguous", "neutral", "accuracy"),
    ]
    for cls in CHECKS:
        assert cls.summary(), cls
        assert "Bad:" in cls.description() and "Good:" in cls.description()


def test_transliterated_code_matches_by_digits() -> None:
    assert rows("طائرة إف-16", "an F-16 jet", "ar", "en") == []
    assert rows("طائرة إف-16", "an F-35 jet", "ar", "en") == [
        ("TQA203", "critical", (6, 11), (3, 7)),
    ]


def test_evening_hour_matches_pm_time() -> None:
    assert rows("a las 10 de la noche", "at 10 p.m.") == []
    assert rows("a las 22 horas", "at 10 p.m.") == []


def test_english_fraction_is_not_an_ordinal() -> None:
    assert rows("un tercio de la población", "a third of the population") == []
    assert rows("el tercer día", "the third day") == []
    assert rows("el cuarto día", "the third day") == [
        ("TQA203", "critical", (3, 9), (4, 9)),
    ]


def test_the_two_is_both() -> None:
    assert rows("Los dos países firmaron.", "Both countries signed.") == []
    assert rows("Dos países firmaron.", "Countries signed.") == [
        ("TQA201", "major", (0, 3), None),
    ]
    assert rows("Los dos países firmaron.", "The three countries signed.") == [
        ("TQA203", "critical", (4, 7), (4, 9)),
    ]
