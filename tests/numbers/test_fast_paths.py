"""The shortcuts of number extraction and alignment give what the full work gives.

Each shortcut in ``tqa.lang.numbers`` (word sets judged token by token, lone articles, digit
runs read by shape, the usual segment aligned without the passes, memoised results) is
compared here with the full computation on arbitrary text (hypothesis).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.lang import numbers
from tqa.lang.numbers import _NUMBER_SPACE_RE, _WORD_RE, analyze, extract

LANGS = ("en", "es", "fr", "de", "de-CH", "it", "pt", "ru", "ar", "hi", "zh", "ja", "xx")
PIECES = [
    "311", "1.000", "1,500", "2,5", "0,001", "1.560,7", "79\u202f816", "1’000.5", "٣١١",
    "٨٬٤٣٧", "27,5 %", "a", "A", "one", "a hundred", "a million", "a third", "uno", "una",
    "un", "une", "ein", "einer", "achtundzwanzig", "vingt-deux", "двадцать", "ثلاثة",
    "وعشرون", "November", "noviembre", "ноября", "May", "Monday", "sábado", "siglo XXI",
    "zweitgrößte", "İstanbul", "ǅ", "\u0307", "½", "Ⅻ", " ", "  ", ", ", ". ", "-", "'",
    "\u00a0", "\n", "of", "and", "27", "de", "el", "the", "hundred", "million", "年", "月",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=12).map(" ".join)
GLUED = st.lists(st.sampled_from(PIECES) | st.text(max_size=3), max_size=12).map("".join)


def _fresh(text: str, lang: str) -> list[numbers.Mention]:
    """Extraction without the text memo (its shortcuts still apply)."""
    return numbers._extract(text, lang)


@settings(max_examples=300, deadline=None)
@given(text=TEXT | GLUED, lang=st.sampled_from(LANGS))
def test_relevant_words_are_the_relevant_part_of_all_words(text: str, lang: str) -> None:
    lower = text.lower()
    base = numbers.locale_info(lang).lang
    vocabulary = numbers._vocabulary(base)
    every = {word for word in _WORD_RE.findall(lower) if vocabulary.relevant(word)}
    assert numbers._relevant_words(lower, base) == every
    assert numbers._relevant_words(lower, base) == every  # again, from the token memo


@settings(max_examples=300, deadline=None)
@given(text=TEXT | GLUED, lang=st.sampled_from(("en", "es", "fr", "pt", "ru", "de", "it")))
def test_lone_article_shortcut_finds_what_the_full_reading_finds(text: str, lang: str) -> None:
    fast = _fresh(text, lang)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(numbers, "_lone_articles", lambda lang: frozenset())
        assert _fresh(text, lang) == fast


def test_lone_articles_are_english_a_only_among_the_tables() -> None:
    assert numbers._lone_articles("en") == frozenset({"a"})
    assert numbers._lone_articles("es") == frozenset()  # "un" is also the number 1
    assert numbers._lone_articles("de") == frozenset()  # glued compounds


@pytest.mark.parametrize(
    ("text", "lang", "value"),
    [
        ("a hundred people", "en", 100.0),
        ("a million people", "en", 1e6),
        ("a one-off", "en", 1.0),
    ],
)
def test_a_number_after_an_article_is_still_read(text: str, lang: str, value: float) -> None:
    assert [m.value for m in extract(text, lang)] == [value]


@settings(max_examples=300, deadline=None)
@given(
    groups=st.lists(st.integers(min_value=0, max_value=9999), min_size=1, max_size=4),
    seps=st.lists(st.sampled_from([".", ",", " ", "\u202f", "'", "’", "٫", "٬"]), max_size=3),
    lang=st.sampled_from(LANGS),
)
def test_runs_of_one_shape_read_alike(groups: list[int], seps: list[str], lang: str) -> None:
    """Readings are decided per shape: two runs of one shape differ only in their values."""
    body = str(groups[0]) + "".join(s + str(g) for s, g in zip(seps, groups[1:], strict=False))
    if _NUMBER_SPACE_RE.fullmatch(body) is None:
        return
    twin = "".join("9" if c.isdigit() and i else c for i, c in enumerate(body))
    twin = ("0" if body[0] == "0" else "9") + twin[1:]
    reading = numbers._read_digits(body, lang)
    other = numbers._read_digits(twin, lang)
    assert (reading is None) == (other is None)
    if reading is not None and other is not None:
        assert (reading.settled, reading.note) == (other.settled, other.note)
        assert (reading.alt is None) == (other.alt is None)


@pytest.mark.parametrize(
    ("body", "lang", "expected"),
    [
        ("215,917", "en", (215917.0, 215.917, True, None)),
        ("215.917", "es", (215917.0, 215.917, True, None)),
        ("1.560,7", "es", (1560.7, None, True, None)),
        ("0,5", "fr", (0.5, None, True, None)),
        ("79\u202f816", "fr", (79816.0, None, True, None)),
        ("٨٬٤٣٧", "ar", (8437.0, None, True, None)),
        ("12٫5", "ar", (12.5, None, True, None)),
        ("1.500", "xx", (1500.0, 1.5, False, None)),
        ("1,5,5", "en", None),
    ],
)
def test_digit_runs_read_by_shape(body: str, lang: str, expected: tuple[object, ...]) -> None:
    reading = numbers._read_digits(body, lang)
    assert (None if reading is None else tuple(reading)) == expected


@settings(max_examples=300, deadline=None)
@given(
    source=TEXT,
    target=TEXT,
    src_lang=st.sampled_from(LANGS),
    tgt_lang=st.sampled_from(LANGS),
)
def test_usual_segment_shortcut_aligns_like_every_pass(
    source: str, target: str, src_lang: str, tgt_lang: str
) -> None:
    src = tuple(extract(source, src_lang))
    tgt = tuple(extract(target, tgt_lang))
    full = numbers._align(src, tgt, len(source), len(target), src_lang, tgt_lang)
    assert analyze(source, target, src_lang, tgt_lang) == full


def test_same_numbers_in_the_same_order_align_by_the_shortcut() -> None:
    source, target = "Murieron 311 personas y 1.000 heridos.", "311 died and 1,000 injured."
    result = analyze(source, target, "es", "en")
    src, tgt = tuple(extract(source, "es")), tuple(extract(target, "en"))
    assert result == numbers._align(src, tgt, len(source), len(target), "es", "en")
    assert [p.how for p in result.matched] == ["exact", "exact"]


def test_memoised_results_are_shared_but_lists_are_fresh() -> None:
    first = extract("Murieron 311 personas.", "es")
    first.clear()  # a caller may change its list
    assert [m.value for m in extract("Murieron 311 personas.", "es")] == [311.0]
    one = analyze("311 people", "311 personas", "en", "es")
    assert analyze("311 people", "311 personas", "en", "es") is one


def test_mention_built_without_init_equals_the_dataclass() -> None:
    built = numbers._mention("number", 1.0, 0, 1, "1", alt=2.0, note="n")
    plain = numbers.Mention("number", 1.0, 0, 1, "1", alt=2.0, note="n")
    assert built == plain
    assert hash(built) == hash(plain)
    assert repr(built) == repr(plain)
