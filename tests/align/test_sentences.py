"""Sentence splitting: pysbd per language, repairs, and the fallback."""

from __future__ import annotations

import pytest

from tqa.align.sentences import sentences, split_sentences


@pytest.mark.parametrize(
    ("lang", "text", "expected"),
    [
        (
            "es",
            "El Sr. Pérez dijo que 4.000 personas huyeron. Bashar al-Assad no habló.",
            ["El Sr. Pérez dijo que 4.000 personas huyeron.", "Bashar al-Assad no habló."],
        ),
        (
            "es",
            "EE.UU. respondió el 27 de nov. de 2024. Otra frase.",
            ["EE.UU. respondió el 27 de nov. de 2024.", "Otra frase."],
        ),
        (
            "es",
            "«¿Qué pasa?», preguntó. Dijo: “Vamos a ganar.” Luego se fue.",
            ["«¿Qué pasa?», preguntó.", "Dijo: “Vamos a ganar.”", "Luego se fue."],
        ),
        (
            "en",
            'Mr. Smith said 4,000 people fled. "Why?" he asked. It was 3 p.m. on Nov. 27.',
            ["Mr. Smith said 4,000 people fled.", '"Why?" he asked.', "It was 3 p.m. on Nov. 27."],
        ),
        (
            "en",
            "George W. Bush came. U.S. officials declined to comment.",
            ["George W. Bush came.", "U.S. officials declined to comment."],
        ),
        ("en", "The death toll rose to 2.5 million.", ["The death toll rose to 2.5 million."]),
        (
            "ja",
            "東京で３１１人が死亡した。次の文です。",
            ["東京で３１１人が死亡した。", "次の文です。"],
        ),
    ],
)
def test_split(lang: str, text: str, expected: list[str]) -> None:
    assert sentences(text, lang) == expected


def test_fallback_for_a_language_pysbd_lacks() -> None:
    text = "O Sr. Silva disse que 4.000 pessoas fugiram. Outra frase! E mais uma? Sim."
    assert sentences(text, "pt-BR") == [
        "O Sr. Silva disse que 4.000 pessoas fugiram.",
        "Outra frase!",
        "E mais uma?",
        "Sim.",
    ]


def test_fallback_keeps_decimals_and_lowercase_continuations() -> None:
    assert sentences("Subió 4.5 puntos. y siguió. Fin.", "tr") == [
        "Subió 4.5 puntos. y siguió.",
        "Fin.",
    ]


def test_spans_are_slices_of_the_paragraph() -> None:
    text = "  Primera frase.   Segunda frase.  "
    spans = split_sentences(text, "es")
    assert spans == [(2, 16), (19, 33)]
    assert [text[a:b] for a, b in spans] == ["Primera frase.", "Segunda frase."]


def test_empty_and_unpunctuated() -> None:
    assert split_sentences("", "es") == []
    assert split_sentences("   ", "en") == []
    assert sentences("Bombardeos en Alepo", "es") == ["Bombardeos en Alepo"]


def test_repeated_sentence_keeps_its_own_span() -> None:
    text = "Hubo muertos. Hubo muertos. Fin."
    assert split_sentences(text, "es") == [(0, 13), (14, 27), (28, 32)]
