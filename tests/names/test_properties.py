"""Property tests: the name analysis never raises and its spans cover the text they name."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.lang.names import compare, extract

ALPHABET = (
    "AaBbEeIiOoSsHhRrDdLlMmPpTtZz ÁáÉéÑñÜü.,;:!?'’-‐@#()\"«»0123456789"
    "АаБбИиЛлНнОоПпСсТт" + "الأسدحلبمن" + "安达纳尔广岛サミット" + "\u200f\u00a0\n"
)
TEXT = st.text(alphabet=ALPHABET, max_size=80)
LANGS = st.sampled_from(["en", "es", "de", "fr", "ru", "ar", "zh", "ja", "xx"])


@settings(max_examples=300, deadline=None)
@given(TEXT, LANGS)
def test_mentions_cover_their_text(text: str, lang: str) -> None:
    for mention in extract(text, lang):
        assert 0 <= mention.start < mention.end <= len(text)
        assert text[mention.start : mention.end] == mention.text
        for token in (*mention.tokens, *mention.weak):
            assert text[token.start : token.end] == token.text


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, LANGS, LANGS)
def test_compare_never_raises_and_spans_are_valid(
    source: str, target: str, src_lang: str, tgt_lang: str
) -> None:
    report = compare(source, target, src_lang, tgt_lang)
    for missing in report.missing:
        assert source[missing.mention.start : missing.mention.end] == missing.mention.text
    for extra in report.extra:
        assert target[extra.mention.start : extra.mention.end] == extra.mention.text
        if extra.replaces is not None:
            assert source[extra.replaces.start : extra.replaces.end] == extra.replaces.text
    for change in report.changed:
        assert source[change.source.start : change.source.end] == change.source.text
        assert target[change.target.start : change.target.end] == change.target.text


@settings(max_examples=100, deadline=None)
@given(TEXT, LANGS)
def test_a_text_against_itself_has_no_findings(text: str, lang: str) -> None:
    report = compare(text, text, lang, lang)
    assert (report.missing, report.extra, report.changed) == ((), (), ())
