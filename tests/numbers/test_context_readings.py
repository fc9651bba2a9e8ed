"""Readings that need context: Arabic number words, parts of the day, below zero, eras,
mixed CJK scales, names with numbers, collective nouns, ranks, dates that lose their day.

Each test writes its own sentences and asserts exact values and spans, and what must not be
flagged.
"""

from __future__ import annotations

from tqa.lang.numbers import analyze, extract


def read(text: str, lang: str) -> list[tuple[str, object, str]]:
    """(kind, value, covered text) of every mention."""
    return [(m.kind, m.value, text[m.start : m.end]) for m in extract(text, lang)]


def verdict(source: str, target: str, src: str, tgt: str) -> dict[str, list[object]]:
    """What the checks would report: missing, extra and changed texts."""
    result = analyze(source, target, src, tgt)
    return {
        "missing": [m.text for m in result.missing],
        "extra": [m.text for m in result.extra],
        "changed": [(p.source.text, p.target.text) for p in result.changed],
    }


CLEAN: dict[str, list[object]] = {"missing": [], "extra": [], "changed": []}


# -- Arabic number words --------------------------------------------------------------------------


def test_arabic_teens_are_unit_then_ten() -> None:
    assert read("وصل خمسة عشر صحفياً إلى المدينة.", "ar") == [("number", 15.0, "خمسة عشر")]
    assert read("أصيب اثنا عشر شخصاً.", "ar") == [("number", 12.0, "اثنا عشر")]
    assert verdict("وصل خمسة عشر صحفياً.", "Fifteen journalists arrived.", "ar", "en") == CLEAN


def test_arabic_dual_nouns_count_two() -> None:
    assert read("انتظر الوفد ساعتين في المطار.", "ar") == [("number", 2.0, "ساعتين")]
    assert verdict("دام الحصار شهرين.", "The siege lasted two months.", "ar", "en") == CLEAN
    assert verdict("دام الحصار شهرين.", "The siege lasted three months.", "ar", "en") == {
        "missing": [],
        "extra": [],
        "changed": [("شهرين", "three")],
    }


def test_arabic_dual_thousand_composes() -> None:
    assert read("بلغت التكلفة ألفين وخمسمائة دولار.", "ar") == [
        ("number", 2500.0, "ألفين وخمسمائة")
    ]


def test_arabic_one_of_is_weak() -> None:
    (mention,) = extract("أحد المسؤولين قال ذلك.", "ar")
    assert (mention.value, mention.weak) == (1.0, True)
    assert verdict("أحد المسؤولين قال ذلك.", "An official said so.", "ar", "en") == CLEAN


# -- parts of the day -----------------------------------------------------------------------------


def test_arabic_evening_after_a_clock_time() -> None:
    assert read("يبدأ الاجتماع الساعة ٩:١٥ مساءً.", "ar") == [("time", (21, 15), "٩:١٥ مساءً")]
    assert verdict("يبدأ الساعة ٩:١٥ مساءً.", "It starts at 9:15 p.m.", "ar", "en") == CLEAN


def test_arabic_clock_time_in_words() -> None:
    assert read("غادر القطار في الساعة الثامنة صباحاً.", "ar") == [("time", (8, 0), "الثامنة صباحاً")]
    assert read("وصلوا الساعة العاشرة والنصف مساءً.", "ar") == [
        ("time", (22, 30), "العاشرة والنصف مساءً")
    ]
    assert verdict("غادر في الساعة الثامنة صباحاً.", "He left at 8 p.m.", "ar", "en") == {
        "missing": [],
        "extra": [],
        "changed": [("الثامنة صباحاً", "8 p.m.")],
    }


def test_cjk_day_part_before_a_clock_time() -> None:
    assert read("会议于晚上8:30开始。", "zh") == [("time", (20, 30), "8:30")]
    assert read("午後3時に到着した。", "ja") == [("time", (15, 0), "午後3時")]
    assert read("午前11時半に出発した。", "ja") == [("time", (11, 30), "午前11時半")]
    assert read("夜9時に閉店する。", "ja") == [("time", (21, 0), "夜9時")]
    assert verdict("午後3時に到着した。", "He arrived at 3 p.m.", "ja", "en") == CLEAN


def test_day_part_words_after_an_hour() -> None:
    assert read("La reunión empezó a las 9 de la noche.", "es") == [
        ("time", (21, 0), "9 de la noche")
    ]
    assert read("Il est arrivé à 7 heures du matin.", "fr") == [
        ("time", (7, 0), "7 heures du matin")
    ]
    assert read("Поезд прибыл в 6 утра.", "ru") == [("time", (6, 0), "6 утра")]
    # "2 дня" is two days, not 2 p.m.
    assert read("Прошло 2 дня.", "ru") == [("number", 2.0, "2")]
    assert verdict("Llegó a las 9 de la noche.", "He arrived at 9 a.m.", "es", "en") == {
        "missing": [],
        "extra": [],
        "changed": [("9 de la noche", "9 a.m.")],
    }


# -- below zero -----------------------------------------------------------------------------------


def test_below_zero_phrases_make_the_number_negative() -> None:
    assert read("انخفضت الحرارة إلى سبع درجات تحت الصفر.", "ar") == [("number", -7.0, "سبع")]
    assert read("سجلت ٤ درجات تحت الصفر.", "ar") == [("number", -4.0, "٤")]
    assert read("Температура опустилась до 15 градусов ниже нуля.", "ru") == [
        ("number", -15.0, "15")
    ]
    assert read("It fell to 8 degrees below zero overnight.", "en")[0] == ("number", -8.0, "8")
    assert read("气温降至零下12度。", "zh") == [("number", -12.0, "零下12")]
    assert read("最低気温は氷点下4度だった。", "ja") == [("number", -4.0, "氷点下4")]


def test_below_zero_agrees_with_a_minus_sign_and_not_with_a_plain_number() -> None:
    assert verdict("سجلت ٤ درجات تحت الصفر.", "It was -4 degrees.", "ar", "en") == CLEAN
    assert verdict("La temperatura bajó a 6 grados bajo cero.", "It fell to -6C.", "es", "en") == (
        CLEAN
    )
    assert verdict("سجلت ٤ درجات تحت الصفر.", "It was 4 degrees.", "ar", "en") == {
        "missing": [],
        "extra": [],
        "changed": [("٤", "4")],
    }


def test_temperature_with_a_unit_letter_is_a_number_not_a_code() -> None:
    assert read("It reached 30C at noon.", "en") == [("number", 30.0, "30")]
    assert read("The 5G network", "en") == [("code", "5G", "5G")]


# -- Japanese and Chinese numbers -----------------------------------------------------------------


def test_japanese_era_years() -> None:
    assert read("平成元年に生まれた。", "ja") == [("number", 1989.0, "平成元年")]
    assert read("令和5年4月1日に施行された。", "ja") == [
        ("number", 2023.0, "令和5年"),
        ("date", (4, 1), "4月1日"),
    ]
    assert verdict(
        "令和5年4月1日に施行された。", "It took effect on April 1, 2023.", "ja", "en"
    ) == (CLEAN)


def test_digits_with_cjk_units_in_between_are_one_number() -> None:
    assert read("約3万2000人が参加した。", "ja") == [("number", 32000.0, "3万2000")]
    assert read("観客は1万5千人だった。", "ja") == [("number", 15000.0, "1万5千")]
    assert read("人口は1億2600万人。", "ja") == [("number", 126000000.0, "1億2600万")]
    assert read("売上は5千万円。", "ja") == [("number", 50000000.0, "5千万")]
    assert verdict("約3万2000人が参加した。", "About 32,000 took part.", "ja", "en") == CLEAN


def test_full_width_decimal_point() -> None:
    assert read("速度は１２．７キロだった。", "ja") == [("number", 12.7, "１２．７")]


def test_a_number_inside_a_name_matches_the_name_with_digits() -> None:
    assert read("七国集团峰会在日本举行。", "zh") == [("number", 7.0, "七")]
    assert verdict("The G7 summit was held in Japan.", "七国集团峰会在日本举行。", "en", "zh") == (
        CLEAN
    )
    assert verdict("Das Boeing-737-Flugzeug landete.", "The Boeing 737 landed.", "de", "en") == (
        CLEAN
    )
    assert verdict("The G7 summit was held.", "八国集团峰会举行了。", "en", "zh") == {
        "missing": ["G7"],
        "extra": ["八"],
        "changed": [],
    }


# -- collective nouns, fractions and ranks --------------------------------------------------------


def test_collective_nouns_after_an_article() -> None:
    assert read("Un millier de manifestants ont défilé.", "fr") == [
        ("number", 1000.0, "Un millier")
    ]
    assert read("Une dizaine de blessés.", "fr") == [("number", 10.0, "Une dizaine")]
    assert read("Un millar de personas.", "es") == [("number", 1000.0, "Un millar")]
    assert read("She bought a dozen eggs.", "en") == [("number", 12.0, "a dozen")]
    # plurals without a number are vague: nothing to compare
    assert read("Des milliers de manifestants ont défilé.", "fr") == []
    assert read("Miles de personas.", "es") == []
    assert verdict(
        "About 1,000 people marched.", "Un millier de personnes ont défilé.", "en", "fr"
    ) == (CLEAN)


def test_a_third_before_a_noun_is_an_ordinal() -> None:
    assert read("It won a third term.", "en") == [("ordinal", 3.0, "third")]
    assert read("Prices fell by a third.", "en") == []
    assert read("A third of the voters stayed home.", "en") == []
    assert verdict("It won a third term.", "Ganó un tercer mandato.", "en", "es") == CLEAN


def test_rank_before_a_superlative_is_not_weak() -> None:
    (second,) = extract("It is the second-biggest city.", "en")
    assert (second.kind, second.value, second.weak) == ("ordinal", 2.0, False)
    (wait,) = extract("Wait a second.", "en")
    assert wait.weak is True
    assert read("Lyon ist die drittgrößte Stadt.", "de") == [("ordinal", 3.0, "dritt")]
    assert read("الإسكندرية ثاني أكبر مدينة في مصر.", "ar") == [("ordinal", 2.0, "ثاني")]
    assert verdict(
        "Lyon ist die drittgrößte Stadt.", "Lyon is the third-largest city.", "de", "en"
    ) == (CLEAN)
    assert verdict("It is the second-biggest city.", "Es una gran ciudad.", "en", "es") == {
        "missing": ["second"],
        "extra": [],
        "changed": [],
    }


def test_german_verbs_from_acht_are_not_ordinals() -> None:
    assert read("Er achtete auf die Zweitstimme.", "de") == []
    assert read("am achtundzwanzigsten Tag", "de") == [("ordinal", 28.0, "achtundzwanzigsten")]


# -- dates ----------------------------------------------------------------------------------------


def test_two_names_of_one_month_are_one_month() -> None:
    assert read("بدأ التصويت في ١٥ تشرين الأول/أكتوبر.", "ar") == [
        ("date", (10, 15), "١٥ تشرين الأول")
    ]
    assert read("في أيار (مايو) الماضي", "ar") == [("month", 5, "أيار")]
    assert verdict(
        "بدأ التصويت في ١٥ تشرين الأول/أكتوبر.", "Voting began on 15 October.", "ar", "en"
    ) == (CLEAN)


def test_a_date_whose_day_is_dropped_is_missing() -> None:
    assert verdict("The vote is on 9 May next year.", "La votación es en mayo.", "en", "es") == {
        "missing": ["9 May"],
        "extra": [],
        "changed": [],
    }
    assert verdict("Der Gipfel beginnt am 3. März.", "The summit begins in March.", "de", "en") == {
        "missing": ["3. März"],
        "extra": [],
        "changed": [],
    }
    assert verdict("La cumbre empieza en marzo.", "The summit starts on March 3.", "es", "en") == {
        "missing": [],
        "extra": ["March 3"],
        "changed": [],
    }
    assert verdict("The vote is in May.", "La votación es en mayo.", "en", "es") == CLEAN


# -- long segments --------------------------------------------------------------------------------


def test_long_segment_with_many_unmatched_numbers_is_aligned() -> None:
    # alignment uses lookups and a window of nearby candidates, so this stays linear
    source = "Murieron 4 personas el 5 de mayo. " * 2000
    target = "4 people died on May 6. " * 2000
    result = analyze(source, target, "es", "en")
    assert (len(result.source), len(result.target)) == (4000, 4000)
    assert len(result.matched) == 2000
    assert len(result.changed) == 2000
    assert {(p.source.describe(), p.target.describe()) for p in result.changed} == {
        ("5 May", "6 May")
    }
    assert all(abs(p.source.start / 34 - p.target.start / 24) < 1 for p in result.changed)
    assert (result.missing, result.extra) == ((), ())


# -- found while writing the held-out set ---------------------------------------------------------


def test_minus_before_a_number_word() -> None:
    assert read("The temperature dropped to minus three degrees.", "en") == [
        ("number", -3.0, "minus three")
    ]
    assert read("Il faisait moins douze degrés.", "fr") == [("number", -12.0, "moins douze")]
    assert read("más o menos tres", "es") == [("number", 3.0, "tres")]
    assert verdict("سجلت ثلاث درجات تحت الصفر.", "It was minus three degrees.", "ar", "en") == CLEAN


def test_german_uhr_is_a_clock_time() -> None:
    assert read("Die Sitzung beginnt um 9 Uhr.", "de") == [("time", (9, 0), "9 Uhr")]
    assert read("um 9 Uhr abends", "de") == [("time", (21, 0), "9 Uhr abends")]
    assert read("Der Flug dauert 9 Stunden.", "de") == [("number", 9.0, "9")]
    assert verdict(
        "Die Sitzung beginnt um 9 Uhr.", "The meeting begins at 10 a.m.", "de", "en"
    ) == {
        "missing": [],
        "extra": [],
        "changed": [("9 Uhr", "10 a.m.")],
    }


def test_plural_weekdays_are_weekdays() -> None:
    assert read("The museum opens on Sundays.", "en") == [("weekday", 6, "Sundays")]
    assert read("Abre los domingos y los sábados.", "es") == [
        ("weekday", 6, "domingos"),
        ("weekday", 5, "sábados"),
    ]
    assert read("Geöffnet sonntags.", "de") == [("weekday", 6, "sonntags")]
    assert verdict("Closed on Mondays.", "Fermé le lundi.", "en", "fr") == CLEAN
