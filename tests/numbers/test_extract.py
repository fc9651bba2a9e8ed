"""Number extraction, per language and feature, with exact values and spans."""

from __future__ import annotations

from tqa.lang.numbers import Mention, extract, locale_info


def read(text: str, lang: str) -> list[tuple[str, object, str]]:
    """(kind, value, covered text) of every mention."""
    return [(m.kind, m.value, text[m.start : m.end]) for m in extract(text, lang)]


def only(text: str, lang: str) -> Mention:
    mentions = extract(text, lang)
    assert len(mentions) == 1, mentions
    return mentions[0]


# -- separators by locale (CLDR) ---------------------------------------------------------------


def test_locale_separators_come_from_cldr() -> None:
    assert (locale_info("en").decimal, locale_info("en").group) == (".", ",")
    assert (locale_info("es").decimal, locale_info("es").group) == (",", ".")
    assert (locale_info("fr").decimal, locale_info("fr").group) == (",", " ")
    assert (locale_info("de-CH").decimal, locale_info("de-CH").group) == (".", "'")
    assert locale_info("en").date_order == "mdy"
    assert locale_info("es").date_order == "dmy"
    assert locale_info("zh").date_order == "ymd"
    assert locale_info("qq-zz").known is False


def test_english_thousands_and_decimals() -> None:
    assert read("It cost 1,000.5 dollars and 2,345,678 more.", "en") == [
        ("number", 1000.5, "1,000.5"),
        ("number", 2345678.0, "2,345,678"),
    ]


def test_spanish_thousands_dot() -> None:
    assert read("Hay 1.234.567 habitantes y 1.000,5 euros.", "es") == [
        ("number", 1234567.0, "1.234.567"),
        ("number", 1000.5, "1.000,5"),
    ]


def test_german_and_italian_and_portuguese_decimal_comma() -> None:
    for lang in ("de", "it", "pt"):
        assert read("1.000,5 und 2,75", lang) == [
            ("number", 1000.5, "1.000,5"),
            ("number", 2.75, "2,75"),
        ]


def test_french_space_groups() -> None:
    assert read("Il y a 1 000 habitants et 2 500,75 euros.", "fr") == [
        ("number", 1000.0, "1 000"),
        ("number", 2500.75, "2 500,75"),
    ]


def test_french_narrow_nbsp() -> None:
    mention = only("Il y a 12\u202f345,5 habitants.", "fr")
    assert (mention.value, mention.span, mention.note) == (12345.5, (7, 15), None)


def test_russian_nbsp_group() -> None:
    assert read("Погибли 1\u00a0000 человек.", "ru") == [("number", 1000.0, "1\u00a0000")]


def test_de_ch_apostrophe() -> None:
    assert read("Es kostet 1’000.5 Franken, nicht 1'234.", "de-CH") == [
        ("number", 1000.5, "1’000.5"),
        ("number", 1234.0, "1'234"),
    ]


def test_ambiguous_1000_resolved_by_locale() -> None:
    english = only("1.000", "en")
    spanish = only("1.000", "es")
    assert (english.value, english.alt, english.settled) == (1.0, 1000.0, True)
    assert (spanish.value, spanish.alt, spanish.settled) == (1000.0, 1.0, True)
    assert (only("1,500", "en").value, only("1,500", "es").value) == (1500.0, 1.5)


def test_ambiguous_separator_unsettled_when_locale_cannot_decide() -> None:
    french = only("1.500", "fr")  # a period is neither the French decimal nor group symbol
    assert (french.value, french.alt, french.settled) == (1500.0, 1.5, False)
    unknown = only("1,500", "qq")
    assert (unknown.value, unknown.alt, unknown.settled) == (1500.0, 1.5, False)


def test_foreign_format_is_noted() -> None:
    assert only("1.000,5", "en").note == "a comma as decimal separator; en uses a period"
    assert only("1,000.5", "es").note == "a period as decimal separator; es uses a comma"
    assert only("2.5", "es").note == "a period as decimal separator; es uses a comma"
    assert only("1,000.5", "en").note is None


def test_list_commas_do_not_glue_numbers() -> None:
    assert read("Murieron 311, 183 y 100.", "es") == [
        ("number", 311.0, "311"),
        ("number", 183.0, "183"),
        ("number", 100.0, "100"),
    ]
    assert read("The toll rose to 311.", "en") == [("number", 311.0, "311")]


# -- digits in other scripts -------------------------------------------------------------------


def test_arabic_indic_digits() -> None:
    assert read("سقط ٣١١ قتيلا و٢٫٥ مليون و١٬٠٠٠", "ar") == [
        ("number", 311.0, "٣١١"),
        ("number", 2500000.0, "٢٫٥ مليون"),
        ("number", 1000.0, "١٬٠٠٠"),
    ]


def test_persian_digits() -> None:
    assert read("۳۱۱ نفر", "fa") == [("number", 311.0, "۳۱۱")]


def test_devanagari_digits() -> None:
    assert read("पिछले ३११ दिनों में", "hi") == [("number", 311.0, "३११")]


def test_fullwidth_digits() -> None:
    assert read("３１１人が死亡", "ja") == [("number", 311.0, "３１１")]


# -- words -------------------------------------------------------------------------------------


def test_number_words_es_en() -> None:
    assert read("four days and thirteen years", "en") == [
        ("number", 4.0, "four"),
        ("number", 13.0, "thirteen"),
    ]
    assert read("cuatro días y trece años", "es") == [
        ("number", 4.0, "cuatro"),
        ("number", 13.0, "trece"),
    ]


def test_compound_number_words() -> None:
    assert read("twenty-eight", "en") == [("number", 28.0, "twenty-eight")]
    assert read("veintiocho", "es") == [("number", 28.0, "veintiocho")]
    assert read("vingt-huit", "fr") == [("number", 28.0, "vingt-huit")]
    assert read("achtundzwanzig", "de") == [("number", 28.0, "achtundzwanzig")]
    assert read("двадцать восемь", "ru") == [("number", 28.0, "двадцать восемь")]
    assert read("ventotto", "it") == [("number", 28.0, "ventotto")]
    assert read("vinte e oito", "pt") == [("number", 28.0, "vinte e oito")]
    assert read("ثمانية وعشرون", "ar") == [("number", 28.0, "ثمانية وعشرون")]


def test_hundreds_and_thousands_words() -> None:
    assert read("a hundred people, one hundred and five", "en") == [
        ("number", 100.0, "a hundred"),
        ("number", 105.0, "one hundred and five"),
    ]
    assert read("cien personas, ciento veinte, mil personas, tres mil", "es") == [
        ("number", 100.0, "cien"),
        ("number", 120.0, "ciento veinte"),
        ("number", 1000.0, "mil"),
        ("number", 3000.0, "tres mil"),
    ]
    assert read("tausend Menschen, zweitausendsechzehn", "de") == [
        ("number", 1000.0, "tausend"),
        ("number", 2016.0, "zweitausendsechzehn"),
    ]
    assert read("mille personnes, deux mille seize", "fr") == [
        ("number", 1000.0, "mille"),
        ("number", 2016.0, "deux mille seize"),
    ]


def test_french_vigesimal() -> None:
    assert read("quatre-vingt-dix-sept, soixante et onze, quatre-vingts", "fr") == [
        ("number", 97.0, "quatre-vingt-dix-sept"),
        ("number", 71.0, "soixante et onze"),
        ("number", 80.0, "quatre-vingts"),
    ]


def test_adjacent_number_words_stay_separate() -> None:
    assert read("four five", "en") == [("number", 4.0, "four"), ("number", 5.0, "five")]


def test_pronoun_and_article_one_are_weak() -> None:
    mentions = extract("One of the groups, a group", "en")
    assert [(m.text, m.value, m.weak) for m in mentions] == [("One", 1.0, True)]
    mentions = extract("Uno de los grupos, un millón", "es")
    assert [(m.text, m.value, m.weak) for m in mentions] == [
        ("Uno", 1.0, True),
        ("un millón", 1000000.0, False),
    ]


def test_plural_scale_words_alone_are_not_numbers() -> None:
    assert read("millones de personas, thousands of people, тысячи людей", "es") == []
    assert read("thousands of people", "en") == []
    assert read("тысячи людей", "ru") == []


# -- scale words -------------------------------------------------------------------------------


def test_scale_words_after_digits() -> None:
    assert read("2.5 million", "en") == [("number", 2500000.0, "2.5 million")]
    assert read("2,5 millones", "es") == [("number", 2500000.0, "2,5 millones")]
    assert read("2,5 millions", "fr") == [("number", 2500000.0, "2,5 millions")]
    assert read("2,5 Millionen", "de") == [("number", 2500000.0, "2,5 Millionen")]
    assert read("2,5 млн", "ru") == [("number", 2500000.0, "2,5 млн")]
    assert read("2,5 mil millones", "es") == [("number", 2500000000.0, "2,5 mil millones")]
    assert read("3 mil", "es") == [("number", 3000.0, "3 mil")]


def test_chinese_wan() -> None:
    assert read("1万人和3.5亿元", "zh") == [
        ("number", 10000.0, "1万"),
        ("number", 350000000.0, "3.5亿"),
    ]


def test_chinese_numerals() -> None:
    assert read("二十八人死亡，两天，三千五百万", "zh") == [
        ("number", 28.0, "二十八"),
        ("number", 2.0, "两"),
        ("number", 35000000.0, "三千五百万"),
    ]


def test_chinese_numeral_inside_words_is_not_a_number() -> None:
    assert read("一些人一起统一行动", "zh") == []


# -- percentages, ordinals, signs, ranges, times -----------------------------------------------


def test_percentages() -> None:
    assert read("50%, 50 %, 50 per cent", "en") == [
        ("percent", 50.0, "50%"),
        ("percent", 50.0, "50 %"),
        ("percent", 50.0, "50 per cent"),
    ]
    assert read("50 por ciento, cincuenta por ciento", "es") == [
        ("percent", 50.0, "50 por ciento"),
        ("percent", 50.0, "cincuenta por ciento"),
    ]
    assert read("50 pour cent", "fr") == [("percent", 50.0, "50 pour cent")]
    assert read("50 Prozent", "de") == [("percent", 50.0, "50 Prozent")]
    assert read("百分之五十", "zh") == [("percent", 50.0, "百分之五十")]


def test_ordinals() -> None:
    assert read("the 27th, the 2nd", "en") == [
        ("ordinal", 27.0, "27th"),
        ("ordinal", 2.0, "2nd"),
    ]
    assert read("el 27.º, el 27º, la 1.ª", "es") == [
        ("ordinal", 27.0, "27.º"),
        ("ordinal", 27.0, "27º"),
        ("ordinal", 1.0, "1.ª"),
    ]
    assert read("le 27e", "fr") == [("ordinal", 27.0, "27e")]
    assert read("27-го", "ru") == [("ordinal", 27.0, "27-го")]
    assert read("second-largest", "en") == [("ordinal", 2.0, "second")]
    assert read("segunda ciudad más grande", "es") == [("ordinal", 2.0, "segunda")]


def test_signed_numbers() -> None:
    assert read("-5 and −5 degrees", "en") == [
        ("number", -5.0, "-5"),
        ("number", -5.0, "−5"),
    ]
    assert read("311-", "en") == [("number", 311.0, "311")]


def test_ranges_are_two_numbers() -> None:
    for text, lang in (
        ("2016-2024", "en"),
        ("2016–2024", "en"),
        ("entre 2016 y 2024", "es"),
        ("from 2016 to 2024", "en"),
    ):
        assert [(m.kind, m.value) for m in extract(text, lang)] == [
            ("number", 2016.0),
            ("number", 2024.0),
        ], text


def test_times() -> None:
    assert read("a las 10:30, 10h30, 10 h 30", "es") == [
        ("time", (10, 30), "10:30"),
        ("time", (10, 30), "10h30"),
        ("time", (10, 30), "10 h 30"),
    ]
    assert read("um 10.30 Uhr", "de") == [("time", (10, 30), "10.30")]
    assert read("at 3 p.m.", "en") == [("time", (15, 0), "3 p.m.")]


# -- dates, weekdays, months -------------------------------------------------------------------


def test_date_es_en() -> None:
    assert read("on November 27", "en") == [("date", (11, 27), "November 27")]
    assert read("el 27 de noviembre", "es") == [("date", (11, 27), "27 de noviembre")]


def test_dates_in_other_languages() -> None:
    assert read("am 27. November", "de") == [("date", (11, 27), "27. November")]
    assert read("le 27 novembre", "fr") == [("date", (11, 27), "27 novembre")]
    assert read("في ٢٧ نوفمبر", "ar") == [("date", (11, 27), "٢٧ نوفمبر")]
    assert read("11月27日", "zh") == [("date", (11, 27), "11月27日")]
    assert read("十一月二十七日", "zh") == [("date", (11, 27), "十一月二十七日")]
    assert read("27 de novembro", "pt") == [("date", (11, 27), "27 de novembro")]


def test_russian_genitive_month() -> None:
    assert read("27 ноября 2024 года", "ru") == [
        ("date", (11, 27), "27 ноября"),
        ("number", 2024.0, "2024"),
    ]
    assert read("в ноябре, в субботу", "ru") == [
        ("month", 11, "ноябре"),
        ("weekday", 5, "субботу"),
    ]


def test_weekdays_from_cldr() -> None:
    assert read("on Saturday", "en") == [("weekday", 5, "Saturday")]
    assert read("el sábado", "es") == [("weekday", 5, "sábado")]
    assert read("星期六", "zh") == [("weekday", 5, "星期六")]


def test_english_may_is_a_month_only_in_context() -> None:
    assert read("They May come back", "en") == []
    assert read("They may come in May", "en") == [("month", 5, "May")]
    assert read("May 2024", "en") == [("month", 5, "May"), ("number", 2024.0, "2024")]
    assert read("on May 5", "en") == [("date", (5, 5), "May 5")]


def test_capitalised_spanish_weekday_is_a_name() -> None:
    assert read("Santo Domingo, el domingo", "es") == [("weekday", 6, "domingo")]


def test_numeric_dates_by_locale_order() -> None:
    assert read("11/27/2024", "en") == [("date", (11, 27), "11/27"), ("number", 2024.0, "2024")]
    assert read("27/11/2024", "es") == [("date", (11, 27), "27/11"), ("number", 2024.0, "2024")]
    english = extract("03/04/2024", "en")[0]
    spanish = extract("03/04/2024", "es")[0]
    assert (english.value, english.alt) == ((3, 4), (4, 3))
    assert (spanish.value, spanish.alt) == ((4, 3), (3, 4))
    assert read("2024-11-27", "fr") == [("number", 2024.0, "2024"), ("date", (11, 27), "11-27")]


# -- codes -------------------------------------------------------------------------------------


def test_covid19_is_a_code() -> None:
    assert read("COVID-19", "en") == [("code", "COVID19", "COVID-19")]


def test_codes_are_strings() -> None:
    text = "G7, A4, F-16, MH17, Su-24, S-400 and resolution 1701(2006)"
    assert [(m.kind, m.value) for m in extract(text, "en")] == [
        ("code", "G7"),
        ("code", "A4"),
        ("code", "F16"),
        ("code", "MH17"),
        ("code", "SU24"),
        ("code", "S400"),
        ("code", "1701(2006)"),
    ]


def test_no_numbers_no_mentions() -> None:
    assert extract("The meeting ended without agreement.", "en") == []
    assert extract("", "es") == []


def test_money_scale_letters_after_currency() -> None:
    assert read("$5.2bn, €1.5m and £50k; a 5m wall", "en") == [
        ("number", 5200000000.0, "5.2bn"),
        ("number", 1500000.0, "1.5m"),
        ("number", 50000.0, "50k"),
        ("number", 5.0, "5"),
    ]


def test_dot_times_need_a_time_context() -> None:
    assert read("a las 15.00 GMT", "es") == [("time", (15, 0), "15.00")]
    assert read("subió 15.25 puntos", "es") == [("number", 15.25, "15.25")]


def test_roman_numeral_centuries() -> None:
    assert read("el siglo XXI", "es") == [("ordinal", 21.0, "XXI")]
    assert read("le XXIe siècle", "fr") == [("ordinal", 21.0, "XXI")]
    assert read("Louis XIV", "fr") == []


def test_minus_words_are_signs_but_at_least_is_not() -> None:
    assert read("minus 5 degrees", "en") == [("number", -5.0, "minus 5")]
    assert read("bajaron a menos 5 grados", "es") == [("number", -5.0, "menos 5")]
    assert read("al menos 5 muertos", "es") == [("number", 5.0, "5")]
    assert read("au moins 5 morts", "fr") == [("number", 5.0, "5")]


def test_month_suggestion_survives_babel_stand_alone_alias() -> None:
    from babel.dates import get_month_names

    from tqa.lang.numbers import format_for

    get_month_names("wide", "stand-alone", "zh")  # loading Chinese first triggers the alias
    mention = only("en noviembre", "es")
    assert (format_for(mention, "es"), format_for(mention, "ru")) == ("noviembre", "ноябрь")


def test_persian_words_and_scale() -> None:
    assert read("جمعیت ۲٫۵ میلیون نفر؛ پنج نفر؛ بیست و پنج درصد", "fa") == [
        ("number", 2500000.0, "۲٫۵ میلیون"),
        ("number", 5.0, "پنج"),
        ("percent", 25.0, "بیست و پنج درصد"),
    ]


def test_hindi_lakh_crore_and_nukta_spellings() -> None:
    assert read("२.५ करोड़ लोग", "hi") == [("number", 25000000.0, "२.५ करोड़")]
    decomposed = "२.५ करो\u0921\u093c लोग"
    assert [(m.value, m.end) for m in extract(decomposed, "hi")] == [(25000000.0, 9)]
    assert read("२.५ लाख, पाँच सौ लोग", "hi") == [
        ("number", 250000.0, "२.५ लाख"),
        ("number", 500.0, "पाँच सौ"),
    ]


def test_times_in_other_scripts() -> None:
    assert read("في الساعة ١٠:٣٠", "ar") == [("time", (10, 30), "١٠:٣٠")]
    assert read("午前10時30分に", "ja") == [("time", (10, 30), "午前10時30分")]
    assert read("晚上8点", "zh") == [("time", (20, 0), "晚上8点")]
    assert read("三点五", "zh") == []  # 3.5 read aloud, not three o'clock


def test_cjk_minus_and_glued_sign() -> None:
    assert read("気温は-5度", "ja") == [("number", -5.0, "-5")]
    assert read("零下5度", "zh") == [("number", -5.0, "零下5")]
    assert read("マイナス5度", "ja") == [("number", -5.0, "マイナス5")]


def test_arabic_script_codes() -> None:
    assert [(m.kind, m.text) for m in extract("طائرة إف-16 و كوفيد-19", "ar")] == [
        ("code", "إف-16"),
        ("code", "كوفيد-19"),
    ]
