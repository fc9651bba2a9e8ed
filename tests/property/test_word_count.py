"""``word_count`` (quality score) against its definition, written the slow way."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.core.summary import word_count

_CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def by_definition(text: str) -> int:
    """Each CJK character is a word; of the rest, each whitespace-separated token with a
    letter or a digit."""
    cjk = sum(1 for char in text if _CJK.fullmatch(char))
    tokens = "".join(" " if _CJK.fullmatch(char) else char for char in text).split()
    return cjk + sum(1 for token in tokens if any(c.isalnum() or c.isdigit() for c in token))


_ALPHABET = st.sampled_from(
    list("ab_Z9 \t\n-.,'")
    + ["\u00a0", "\u2003", "\u3000", "東", "の", "한", "é", "٣", "\u200b", "\x1c", "\u2028", "—"]
)


@settings(max_examples=400, deadline=None)
@given(st.text(_ALPHABET, max_size=40))
def test_word_count_matches_its_definition(text: str) -> None:
    assert word_count(text) == by_definition(text)


def test_word_count_examples() -> None:
    assert word_count("") == 0
    assert word_count("  -- ,  ") == 0
    assert word_count("Aleppo, 3 Dec. — 42 dead") == 5
    assert word_count("東京は 大きい") == 6
    assert word_count("a\u00a0b_c __ x") == 3
