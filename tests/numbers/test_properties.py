"""Properties of extraction and alignment on arbitrary text (hypothesis)."""

from __future__ import annotations

import itertools

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.lang.numbers import analyze, extract

LANGS = ("en", "es", "fr", "de", "de-CH", "it", "pt", "ru", "ar", "zh", "ja", "xx")
PIECES = st.sampled_from(
    [
        "311",
        "1.000",
        "1,500",
        "2,5",
        " ",
        ", ",
        ". ",
        "-",
        "−",
        "%",
        "millones",
        "million",
        "cuatro",
        "four",
        "twenty",
        "-eight",
        "vingt",
        "et",
        "un",
        "achtundzwanzig",
        "二十八",
        "万",
        "月",
        "日",
        "27",
        "de",
        "noviembre",
        "November",
        "ноября",
        "٣١١",
        "٫",
        "COVID-19",
        "10:30",
        "h",
        "p.m.",
        "1st",
        "º",
        "/",
        "2024",
        "sábado",
        "Saturday",
        "\u202f",
        "\u00a0",
        "one",
        "a",
        "hundred",
        "mil",
        "siglo",
        "XXI",
        "$",
        "bn",
        "minus",
    ]
)
TEXT = st.lists(PIECES | st.text(max_size=4), max_size=12).map("".join)


@settings(max_examples=120, deadline=None)
@given(TEXT, st.sampled_from(LANGS))
def test_mentions_cover_their_text_and_do_not_overlap(text: str, lang: str) -> None:
    mentions = extract(text, lang)
    for mention in mentions:
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
    spans = sorted(m.span for m in mentions)
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end <= start


@settings(max_examples=80, deadline=None)
@given(TEXT, TEXT, st.sampled_from(LANGS), st.sampled_from(LANGS))
def test_every_mention_is_accounted_for_once(src: str, tgt: str, sl: str, tl: str) -> None:
    result = analyze(src, tgt, sl, tl)
    used_src = [p.source for p in (*result.matched, *result.changed)]
    used_tgt = [p.target for p in (*result.matched, *result.changed)]
    # an ambiguity with a counterpart is also a matched pair; one without stands alone
    alone = [a for a in result.ambiguous if a.counterpart is None]
    used_src += list(result.missing) + [a.mention for a in alone if a.side == "source"]
    used_tgt += list(result.extra) + [a.mention for a in alone if a.side == "target"]
    for side, used, everything in (
        ("source", used_src, result.source),
        ("target", used_tgt, result.target),
    ):
        ids = [id(m) for m in used]
        assert len(ids) == len(set(ids)), side
        assert set(ids) <= {id(m) for m in everything}, side


@settings(max_examples=80, deadline=None)
@given(TEXT, st.sampled_from(LANGS))
def test_a_text_against_itself_has_no_mismatch(text: str, lang: str) -> None:
    result = analyze(text, text, lang, lang)
    assert result.changed == ()
    assert result.missing == ()
    assert result.extra == ()
