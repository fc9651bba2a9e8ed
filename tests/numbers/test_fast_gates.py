"""The one-scan gates of number extraction let through every text their passes could use.

``_DIGIT_HINT_RE`` stands for three hint patterns (codes, numeric dates, clock times) and
``_context_hint_re`` for two (parts of the day, below zero); a text that fails the gate must
fail each pattern it replaces, and a text that passes must pass one of them. The checks'
``check_batch`` must give what ``check`` gives segment by segment.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.checks.numbers import CHECKS
from tqa.core.check import RunContext
from tqa.core.model import Segment
from tqa.lang import numbers

PIECES = [
    "311", "10:30", "10.30", "3 pm", "3p.m.", "10 h", "10h30", "27/11/24", "1.2.2024",
    "2024-03-04", "COVID-19", "H5N1", "M-16", "ص-22", "25 (2024)", "5F", "20C", "B", "a",
    "de la ", "du ", "de l", "morning", "night", "Uhr", "утра", "час", "مساء", "صباح",
    "zero", "cero", "bajo cero", "freezing", "null", "нуля", "صفر", "ZERO", "(", ")", "/",
    ".", "-", "–", " ", "\u00a0", "x", "Я", "ё", "٣", "12", "5.25", "45.123",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=10).map("".join)
LANGS = ("en", "es", "fr", "de", "ru", "ar", "fa", "it", "pt", "zh", "xx")


@settings(max_examples=500, deadline=None)
@given(text=TEXT)
def test_digit_hint_is_any_of_the_three_hints(text: str) -> None:
    one = numbers._DIGIT_HINT_RE.search(text) is not None
    three = any(
        pattern.search(text) is not None
        for pattern in (
            numbers._CODE_HINT_RE,
            numbers._NUMERIC_DATE_HINT_RE,
            numbers._TIME_HINT_RE,
        )
    )
    assert one == three


@pytest.mark.parametrize(
    ("text", "hinted"),
    [
        ("311 people died.", False),
        ("It rose 27.5% on 4 May.", False),
        ("COVID-19 cases", True),
        ("on 27/11/24", True),
        ("at 10:30", True),
        ("at 3 pm", True),
        ("the 25 (2024) report", True),
    ],
)
def test_digit_hint_examples(text: str, hinted: bool) -> None:
    assert (numbers._DIGIT_HINT_RE.search(text) is not None) is hinted


@settings(max_examples=300, deadline=None)
@given(text=TEXT, lang=st.sampled_from(LANGS))
def test_context_hint_is_either_hint(text: str, lang: str) -> None:
    lower = text.lower()
    patterns: list[re.Pattern[str]] = [numbers._BELOW_ZERO_HINT_RE]
    if lang in numbers._DAYPART_AFTER:
        patterns.append(numbers._DAYPART_HINTS[lang])
    either = any(pattern.search(lower) is not None for pattern in patterns)
    assert (numbers._context_hint_re(lang).search(lower) is not None) == either


@settings(max_examples=300, deadline=None)
@given(text=TEXT)
def test_number_runs_are_those_of_the_plain_pattern(text: str) -> None:
    plain = re.compile(numbers._NUMBER_SPACE_RE.pattern.replace(r"\d\d*", r"\d+", 1))
    assert [m.span() for m in numbers._NUMBER_SPACE_RE.finditer(text)] == [
        m.span() for m in plain.finditer(text)
    ]


def test_tokens_without_letters_have_no_words() -> None:
    vocabulary = numbers._Vocabulary("en")
    for token in ("5,299", "27.5%", "(2025).", "«3»", "—"):
        assert vocabulary.learn(token) == ()
        assert numbers._WORD_RE.findall(token) == []
    assert vocabulary.learn("twenty-five") == ("twenty", "five")


def test_usual_analysis_equals_the_dataclass() -> None:
    analysis = numbers.analyze(
        "311 died on 27 November.", "311 murieron el 27 de noviembre.", "en", "es"
    )
    pairs = tuple(
        numbers.Pair(s, t, "exact") for s, t in zip(analysis.source, analysis.target, strict=True)
    )
    built = numbers.NumberAnalysis(analysis.source, analysis.target, pairs, (), (), (), (), "es")
    assert analysis == built
    assert hash(analysis) == hash(built)
    empty = numbers.analyze("Fighting continues.", "Los combates continúan.", "en", "es")
    assert empty == numbers.NumberAnalysis((), (), (), (), (), (), (), "es")


SEGMENTS = [
    ("Murieron 311 personas y 183 resultaron heridas.", "311 people died.", "es", "en"),
    ("Murieron 311 personas.", "311 people died and 20 were injured.", "es", "en"),
    ("Murieron 183 personas el 27 de noviembre.", "138 people died on November 27.", "es", "en"),
    ("Subió un 3,2 %.", "It rose 3,2%.", "es", "en"),
    ("1.500 people", "1.500 personas", "en", "es"),
    ("Fighting continues.", "Los combates continúan.", "en", "es"),
    ("311 people died.", "311 personas murieron.", "en", "es"),
]


def test_check_batch_gives_what_check_gives() -> None:
    segments = [Segment(str(i), *fields) for i, fields in enumerate(SEGMENTS)]
    context = RunContext()
    emitted = 0
    for cls in CHECKS:
        check = cls(context)
        batch = check.check_batch(segments)
        assert batch == [list(check.check(segment)) for segment in segments]
        emitted += sum(map(len, batch))
    assert emitted >= 5  # each check reports on one of the segments above


WORDY = st.text(alphabet="aZé ١2_-\u0301\u064b\u0670\u0900\u093fकب.", max_size=16)


@settings(max_examples=500, deadline=None)
@given(text=WORDY | TEXT)
def test_word_runs_are_letters_and_marks(text: str) -> None:
    reference = re.compile(rf"(?:[^\W\d_]|[{numbers._MARKS}])+")
    assert [m.span() for m in numbers._WORD_RE.finditer(text)] == [
        m.span() for m in reference.finditer(text)
    ]


MINUS = st.lists(
    st.sampled_from(
        ["minus", "MENOS", "moins", "минус", "meno", "más o", "plus ou", "al", " ", "x"]
    ),
    max_size=6,
).map(" ".join)


@settings(max_examples=300, deadline=None)
@given(text=MINUS)
def test_minus_word_window_of_six_is_enough(text: str) -> None:
    text += " "
    for end in range(len(text) + 1):
        near = numbers._MINUS_WORD_RE.search(text, max(0, end - 6), end)
        far = numbers._MINUS_WORD_RE.search(text, max(0, end - 24), end)
        assert (near and near.span()) == (far and far.span())


DAYS = st.lists(
    st.sampled_from(["1", "27", "123", ".", ",", " ", "de", "OF", "th", "º", ".º", "x", "٣"]),
    max_size=10,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(text=DAYS)
def test_day_head_is_the_lookbehind_first_pattern(text: str) -> None:
    reference = re.compile(
        r"(?<![\d.,])(\d{1,2})(?:st|nd|rd|th|er|ᵉʳ|º|ª|\.º|\.ª|\.)?(?:\s+(?:de|of|del|du)\s+|\s+)\Z",
        re.IGNORECASE,
    )
    for end in range(len(text) + 1):
        ours = numbers._DM_HEAD_RE.search(text, max(0, end - 24), end)
        theirs = reference.search(text, max(0, end - 24), end)
        assert (ours and (ours.span(), ours.group(1))) == (
            theirs and (theirs.span(), theirs.group(1))
        )
