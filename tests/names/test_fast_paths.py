"""The shortcuts that make the names analysis cheap give the answers of the plain rules.

The regex tokeniser stands in for :func:`tqa.lang.text.words`, the script count has a fast
path for Latin text, extraction is cached by the text's shape (digits read as ``0``) and
:class:`Counterparts` looks words up by stem before it tries spelling variants.
"""

from __future__ import annotations

import pytest

from tqa.lang import names
from tqa.lang.names import Counterparts, compare, extract, main_script, split_words
from tqa.lang.text import script_of, words

TRICKY = [
    "l'armée d’Al-Assad, pro-Assad y al·lèrgia",
    "x- -y 'quoted' ‐dash‐ ·dot· don't",
    "snake_case and __init__ 4_000",
    "Ab\u0301c e\u0301te\u0301",  # combining acute accents
    "مُحَمَّد بن سلمان",  # Arabic harakat
    "हिन्दी में समाचार",  # Devanagari vowel signs
    "می\u200cخواهم",  # ZWNJ
    "١٢٣ كوفيد-١٩ ٣٤٥",  # Arabic-Indic digits
    "𝐀𝐁𝐂 and 𐐀𐐨 text 😀 ok",  # outside the Basic Multilingual Plane
    "Ⅻ ² ½ ª º µ",  # numbers and letters of no script
    "",
    "   ",
]


def _reference_split(text: str) -> list[tuple[int, int, str]]:
    """split_words by its definition: text.words, Chinese and Japanese runs split apart."""
    out: list[tuple[int, int, str]] = []
    for token in words(text):
        start = 0
        for i in range(1, len(token.text) + 1):
            if i == len(token.text) or names._spaceless(token.text[i]) != names._spaceless(
                token.text[i - 1]
            ):
                out.append((token.start + start, token.start + i, token.text[start:i]))
                start = i
    return out


@pytest.mark.parametrize("text", [*TRICKY, "G7サミットで安达纳尔氏が発言", "ประเทศไทย Thai"])
def test_tokeniser_gives_the_words_of_text_words(text: str) -> None:
    expected = _reference_split(text)
    assert [(t.start, t.end, t.text) for t in split_words(text)] == expected
    assert list(names._words(text)) == expected


def _reference_main_script(text: str) -> str | None:
    counts: dict[str, int] = {}
    for char in text:
        script = script_of(char)
        if script is not None:
            counts[script] = counts.get(script, 0) + 1
    return max(counts, key=lambda s: counts[s]) if counts else None


@pytest.mark.parametrize(
    "text",
    [
        *TRICKY,
        "Hola, señor Müller — “citado” €5",
        "Путин встретился с Macron в Париже",
        "ab вг",  # a tie: the script met first
        "вг ab",
        "ª",
        "12 345",
    ],
)
def test_main_script_counts_letters_by_script(text: str) -> None:
    assert main_script.__wrapped__(text) == _reference_main_script(text)


def test_digits_share_an_extraction_but_keep_their_text() -> None:
    first = extract("Llegaron 12 F-16 y @user123 a Idlib, dijo Ahmed Jaber.", "es")
    second = extract("Llegaron 98 F-35 y @user987 a Idlib, dijo Ahmed Jaber.", "es")
    assert [(m.text, m.kind) for m in first] == [
        ("F-16", "code"),
        ("@user123", "handle"),
        ("Idlib", "name"),
        ("Ahmed Jaber", "name"),
    ]
    assert [m.text for m in second] == ["F-35", "@user987", "Idlib", "Ahmed Jaber"]
    assert [m.span for m in first] == [m.span for m in second]
    assert [t.text for m in second for t in m.tokens] == [
        "F-35",
        "@user987",
        "Idlib",
        "Ahmed",
        "Jaber",
    ]


def test_a_name_moved_along_the_sentence_keeps_its_offsets() -> None:
    text = "Ayer, en la ciudad de Alepo, Ahmed Jaber habló."
    mention = next(m for m in extract(text, "es") if m.text == "Ahmed Jaber")
    moved = next(m for m in extract("En Alepo, " + text, "es") if m.text == "Ahmed Jaber")
    assert moved.start == mention.start + len("En Alepo, ")
    assert [t.span for t in moved.tokens] == [
        (t.start + len("En Alepo, "), t.end + len("En Alepo, ")) for t in mention.tokens
    ]


def test_shouting_text_has_no_names() -> None:
    assert extract("UN AND NATO MEET IN GENEVA ON SYRIA", "en") == []


def test_exact_form_wins_over_an_earlier_variant() -> None:
    index = Counterparts.of("Asad met Assad in Damascus.", "en")
    assert index.find_key("assad", "Latin") == (9, 14)
    assert index.find_key("asad", "Latin") == (0, 4)
    assert index.has_form("damascus")
    assert index.find("Asads") == (0, 4)  # inflected: a shared stem
    assert index.find_key("zelensky", "Latin") is None


def test_compare_is_the_same_for_lists_and_tuples_of_spans() -> None:
    args = ("Según el OSDH, Idlib sigue.", "According to SHOR, Homs remains.", "es", "en")
    by_list = compare(*args, source_covered=[(9, 13)], target_covered=[])
    by_tuple = compare(*args, source_covered=((9, 13),), target_covered=())
    assert by_list == by_tuple
    assert [(e.mention.text, e.replaces and e.replaces.text) for e in by_list.extra] == [
        ("SHOR", None),
        ("Homs", "Idlib"),
    ]
    plain = compare(*args)  # OSDH not covered: the acronym is changed, not extra
    assert [(c.source.text, c.target.text) for c in plain.changed] == [("OSDH", "SHOR")]
    assert [e.mention.text for e in plain.extra] == ["Homs"]
