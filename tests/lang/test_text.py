"""Named tests of the text helpers behind the format checks (tqa/lang/text.py)."""

from __future__ import annotations

import pytest

from tqa.lang.text import (
    Token,
    codepoint_label,
    content_span,
    content_words,
    end_punctuation,
    find_emails,
    find_handles,
    find_hashtags,
    find_urls,
    invisible_chars,
    is_blank,
    is_name_like,
    script_counts,
    script_of,
    translatable_words,
    unmatched_brackets,
    unmatched_quotes,
    words,
)


def texts(tokens: list[Token]) -> list[str]:
    return [t.text for t in tokens]


@pytest.mark.parametrize(
    ("char", "script"),
    [
        ("a", "Latin"),
        ("Ａ", "Latin"),
        ("Ж", "Cyrillic"),
        ("α", "Greek"),
        ("ع", "Arabic"),
        ("ש", "Hebrew"),
        ("中", "Han"),
        ("々", "Han"),
        ("あ", "Kana"),
        ("ア", "Kana"),
        ("ｱ", "Kana"),
        ("ー", "Kana"),
        ("한", "Hangul"),
        ("ไ", "Thai"),
        ("न", "Devanagari"),
        ("1", None),
        ("٣", None),
        (".", None),
        ("\u0301", None),
    ],
)
def test_script_of(char: str, script: str | None) -> None:
    assert script_of(char) == script


def test_script_counts_mixed_text() -> None:
    assert script_counts("Hi Привет مرحبا 中文 かな 한국 311") == {
        "Latin": 2,
        "Cyrillic": 6,
        "Arabic": 5,
        "Han": 2,
        "Kana": 2,
        "Hangul": 2,
    }


def test_script_counts_count_combining_marks_with_their_letter() -> None:
    assert script_counts("नमस्ते") == {"Devanagari": 6}
    assert script_counts("e\u0301 1\u0301") == {"Latin": 2}


def test_words_keep_elisions_and_hyphenated_names() -> None:
    assert texts(words("l'armée d’Al-Assad 'visto' 2024")) == [
        "l'armée",
        "d’Al-Assad",
        "visto",
        "2024",
    ]


def test_words_keep_combining_marks_in_devanagari_and_decomposed_latin() -> None:
    assert texts(words("नमस्ते दुनिया e\u0301te\u0301")) == ["नमस्ते", "दुनिया", "e\u0301te\u0301"]


def test_words_keep_persian_zwnj() -> None:
    assert texts(words("می\u200cخواهم بروم")) == ["می\u200cخواهم", "بروم"]


def test_find_urls_trims_sentence_punctuation_but_keeps_inner_parentheses() -> None:
    text = "See https://en.wikipedia.org/wiki/Aleppo_(city). Or (www.efe.com), http://x.org/a?b=1!"
    assert texts(find_urls(text)) == [
        "https://en.wikipedia.org/wiki/Aleppo_(city)",
        "www.efe.com",
        "http://x.org/a?b=1",
    ]


def test_find_urls_in_cjk_and_arabic_text() -> None:
    assert texts(find_urls("见https://efe.com/a。")) == ["https://efe.com/a"]
    assert texts(find_urls("انظر https://efe.com/a؟")) == ["https://efe.com/a"]


def test_bare_domain_is_not_a_url() -> None:
    assert find_urls("on efe.com today") == []


def test_find_emails_handles_and_hashtags_do_not_overlap() -> None:
    text = "Mail news@efe.es or @EFEnoticias #Siria #1 C# https://x.com/p#top #السعودية"
    assert texts(find_emails(text)) == ["news@efe.es"]
    assert texts(find_handles(text)) == ["@EFEnoticias"]
    assert texts(find_hashtags(text)) == ["#Siria", "#السعودية"]


def test_handle_drops_final_full_stop() -> None:
    assert [t.span for t in find_handles("Follow @un_news.")] == [(7, 15)]


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        ("Aleppo", True),
        ("EFE", True),
        ("COVID-19", True),
        ("al-Assad", True),
        ("A320", True),
        ("iPhone", True),
        ("army", False),
        ("al", False),
        ("well-known", False),
        ("حلب", False),
        ("军方", False),
    ],
)
def test_is_name_like(token: str, expected: bool) -> None:
    assert is_name_like(token) is expected


def test_translatable_words_skip_names_particles_codes_and_urls() -> None:
    assert translatable_words("Bashar al-Assad, Ludwig van Beethoven, EFE 12/2024") == []
    assert texts(translatable_words("The army said https://efe.com @EFE")) == ["army", "said"]


def test_content_words_drop_domains_file_names_and_brands() -> None:
    text = "Read it on efe.com or informe.pdf on your iPhone"
    assert texts(content_words(text)) == ["it", "on", "or", "on", "your"]


def test_content_words_keep_sentence_initial_words_when_asked() -> None:
    text = "Los rebeldes tomaron Alepo. Els rebels"
    assert texts(content_words(text)) == ["rebeldes", "tomaron", "rebels"]
    kept = content_words(text, keep_sentence_initial=True)
    assert texts(kept) == ["Los", "rebeldes", "tomaron", "Els", "rebels"]
    assert len(content_words("REBELS SEIZE ALEPPO", caps_are_names=False)) == 3


def test_unmatched_brackets_pair_full_width_forms_by_kind() -> None:
    assert unmatched_brackets("阿勒颇（叙利亚)陷落") == []
    assert unmatched_brackets("(a]") == [0, 2]
    assert unmatched_brackets("a) uno b) dos") == []
    assert unmatched_brackets("【快讯") == [0]


@pytest.mark.parametrize(
    "text",
    [
        "“English”",
        "„Deutsch“",
        "»Deutsch«",
        "«\u00a0français\u00a0»",
        "”svenska”",
        "«español “anidado”»",
        "他说：“你好。”",
        "「日本語『本』」",
        "don’t, the students’ books, ’90s, rock ’n’ roll, Hawai‘i, l'armée",
        'a 17" screen',
        'האו"ם מסר',
        '他说"你好"。',
        "\"straight\" and 'single' quotes",
    ],
)
def test_balanced_quotes(text: str) -> None:
    assert unmatched_quotes(text) == []


@pytest.mark.parametrize(
    ("text", "unmatched"),
    [
        ('He said "no.', [8]),
        ("Er sagte „nein.", [9]),
        ("Dijo no”.", [7]),
        ("彼は「いいえ", [2]),
        ("«\u00a0non", [0]),
        ("“one” and “two", [10]),
        ('他说"你好。', [2]),
    ],
)
def test_unmatched_quotes(text: str, unmatched: list[int]) -> None:
    assert unmatched_quotes(text) == unmatched


@pytest.mark.parametrize(
    ("text", "classes", "span"),
    [
        ("Aleppo fell.", {"."}, (11, 12)),
        ("Vraiment\u00a0?", {"?"}, (9, 10)),
        ("Dijo «sí».", {"."}, (9, 10)),
        ('He said "yes."', {"."}, (12, 13)),
        ("「はい。」", {"."}, (3, 4)),
        ("أين القافلة؟", {"?"}, (11, 12)),
        ("في حلب،", {","}, (6, 7)),
        ("真的吗？", {"?"}, (3, 4)),
        ("गिर गया।", {"."}, (7, 8)),
        ("And then...", {"…"}, (8, 11)),
        ("What?!", {"?", "!"}, (4, 6)),
        ("no marks »", set(), (8, 8)),
        ("", set(), (0, 0)),
    ],
)
def test_end_punctuation(text: str, classes: set[str], span: tuple[int, int]) -> None:
    result = end_punctuation(text)
    assert result.classes == classes
    assert result.span == span


def test_armenian_question_and_exclamation_signs_sit_on_a_word() -> None:
    assert end_punctuation("Ո՞ւր է։").classes == {"?"}
    assert end_punctuation("Ի՜նչ գեղեցիկ է։").classes == {"!"}
    assert end_punctuation("Ո՞ւր է։ Այստեղ է։").classes == {"."}


def test_greek_semicolon_is_a_question_mark_only_for_greek() -> None:
    assert end_punctuation("Πού;", question_semicolon=True).classes == {"?"}
    assert end_punctuation("Where;").classes == {";"}


def test_invisible_chars_spare_script_joiners_emoji_and_leading_bom() -> None:
    assert invisible_chars("می\u200cخواهم") == []
    assert invisible_chars("क्\u200dष") == []
    assert invisible_chars("👨\u200d👩\u200d👧") == []
    assert invisible_chars("\ufeffAlepo") == []
    assert invisible_chars("Ale\u200dpo\u200b \u00ad\u202e\u2066\u200f\u061c\ufeff") == [
        3,
        6,
        8,
        9,
        10,
        11,
        12,
        13,
    ]


def test_codepoint_label() -> None:
    assert codepoint_label("\u200b") == "U+200B ZERO WIDTH SPACE"
    assert codepoint_label("\u00ad") == "U+00AD SOFT HYPHEN"


def test_is_blank_and_content_span() -> None:
    assert is_blank(" \t\u200b\n")
    assert not is_blank(" a ")
    assert content_span("  hola ") == (2, 6)
    assert content_span("   ") == (0, 0)
