"""The start-up shortcut of the names tokeniser: :func:`tqa.lang.names._unusual` picks texts
for the exact tokeniser by Unicode block; it must find every character the exact way
splits at or reads differently (finding more only costs time)."""

from __future__ import annotations

import unicodedata

import pytest

from tqa.lang import names
from tqa.lang.text import script_of


def test_unusual_finds_every_spaceless_letter_mark_and_joiner() -> None:
    pattern = names._unusual()
    for point in range(0x10000):
        char = chr(point)
        category = unicodedata.category(char)[0]
        spaceless = category == "L" and script_of.__wrapped__(char) in names._SPACELESS
        if spaceless or category == "M" or char in "\u200c\u200d":
            assert pattern.search(char), hex(point)


def test_unusual_leaves_the_usual_scripts_and_punctuation_alone() -> None:
    text = "Путин, الأسد and Müller — “quoted” «citado» €5 № 3 Ελλάδα"
    assert names._unusual().search(text) is None


def test_unusual_finds_text_beyond_the_basic_plane() -> None:
    assert names._unusual().search("emoji \U0001f600")
    assert names._unusual().search("ＡＢＣ")  # full-width Latin: the exact way decides


def test_fold_of_ascii_takes_the_short_way_to_the_same_key() -> None:
    from anyascii import anyascii

    def reference(text: str) -> str:
        ascii_form = anyascii(unicodedata.normalize("NFC", text)).lower()
        return "".join(c for c in ascii_form if c.isalnum())

    samples = [chr(point) for point in range(0x3000)]
    samples += ["Al-Assad's", "U.S.", "F-16", "  Reino_Unido ", "Líbano", "Андрей", "الأسد"]
    for text in samples:
        assert names.fold.__wrapped__(text) == reference(text), repr(text)


def test_fast_mention_builder_makes_the_same_mention() -> None:
    token = names.Token(0, 4, "Asad")
    built = names._mention(0, 4, "Asad", "name", (token,), True, (), True, "after")
    plain = names.Mention(0, 4, "Asad", "name", (token,), True, (), True, "after")
    assert built == plain
    assert hash(built) == hash(plain)
    assert repr(built) == repr(plain)


@pytest.mark.parametrize(
    "text",
    [
        "Asad met Assad in Damascus, and Asad's aides met al-Assad.",
        "Путин встретился с Macron в Париже.",
        "G7サミットで安达纳尔氏が発言 Andanar",
        "قال بشار الأسد في دمشق إن حزب الله",
    ],
)
def test_variant_scan_entries_are_the_first_of_each_key(text: str) -> None:
    expected: dict[tuple[str, str | None], tuple[str, str | None, int, int]] = {}
    for key, script, start, end in names._entries_of(text):
        expected.setdefault((key, script), (key, script, start, end))
    index = names.Counterparts.of(text, "en")
    assert index._distinct() == list(expected.values())
