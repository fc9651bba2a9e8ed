"""The fast text helpers and format scanners give exactly what plain implementations give.

``tqa/lang/text.py`` and ``tqa/checks/format.py`` use compiled regexes, pre-tests and
caches where they used to walk the text character by character. The reference
implementations below are those character walks, kept here unchanged: hypothesis compares
the two on texts full of the material that matters (joiners, marks, astral characters,
addresses, brackets, quotes, invisible characters, case-folding oddities, repeated words).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.checks import format as fmt
from tqa.core.model import Span
from tqa.lang import text as tx

# -- reference implementations ------------------------------------------------------------


def ref_is_word_char(char: str) -> bool:
    return unicodedata.category(char)[0] in "LMN" or char in "\u200c\u200d"


def ref_words(text: str) -> list[tuple[int, int, str]]:
    tokens = []
    n, i = len(text), 0
    while i < n:
        if not ref_is_word_char(text[i]):
            i += 1
            continue
        start = i
        while i < n:
            if ref_is_word_char(text[i]):
                i += 1
            elif text[i] in "'’-‐·" and i + 1 < n and ref_is_word_char(text[i + 1]):
                i += 1
            else:
                break
        tokens.append((start, i, text[start:i]))
    return tokens


def ref_is_blank(text: str) -> bool:
    return all(c.isspace() or c in tx.INVISIBLE for c in text)


def ref_has_letter(text: str) -> bool:
    return any(unicodedata.category(c).startswith("L") for c in text)


def ref_addresses(text: str) -> list[list[tuple[int, int, str]]]:
    """URLs, e-mail addresses, handles, hashtags: every regex on every text."""
    urls = []
    for m in tx.URL_RE.finditer(text):
        end = tx._trim_url(text, m.start(), m.end())
        if end - m.start() > 4:
            urls.append((m.start(), end, text[m.start() : end]))

    def outside(pattern: re.Pattern[str], taken: list[tuple[int, int, str]]) -> list:
        found = [(m.start(), m.end(), m.group()) for m in pattern.finditer(text)]
        return [t for t in found if not any(s <= t[0] < e for s, e, _ in taken)]

    emails = outside(tx.EMAIL_RE, urls)
    return [
        urls,
        emails,
        outside(tx.HANDLE_RE, urls + emails),
        outside(tx.HASHTAG_RE, urls + emails),
    ]


def ref_protected(text: str) -> list[Span]:
    return sorted((s, e) for group in ref_addresses(text) for s, e, _ in group)


def ref_blank_out(text: str, spans: Iterable[Span]) -> str:
    chars = list(text)
    for start, end in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def ref_unmatched_brackets(text: str) -> list[int]:
    skip = {m.end() - 1 for m in tx._LIST_MARKER.finditer(text)}
    masked = ref_blank_out(text, ref_protected(text))
    stack: list[tuple[str, int]] = []
    unmatched: list[int] = []
    for index, char in enumerate(masked):
        if char in tx._OPEN_BRACKETS:
            stack.append((tx._OPEN_BRACKETS[char], index))
        elif char in tx._CLOSE_BRACKETS and index not in skip:
            if stack and stack[-1][0] == tx._CLOSE_BRACKETS[char]:
                stack.pop()
            else:
                unmatched.append(index)
    return sorted(unmatched + [index for _, index in stack])


def ref_unmatched_quotes(text: str) -> list[int]:
    masked = ref_blank_out(text, ref_protected(text))
    stacks: dict[str, list[int]] = {}
    unmatched: list[int] = []
    for index, char in enumerate(masked):
        family = tx._QUOTE_FAMILY.get(char)
        if family is None:
            continue
        stack = stacks.setdefault(family, [])
        prev = masked[index - 1] if index > 0 else ""
        nxt = masked[index + 1] if index + 1 < len(masked) else ""
        if char in "’‘‛" and prev and nxt and ref_is_word_char(prev) and ref_is_word_char(nxt):
            continue
        role = tx._quote_role(masked, index)
        if char == '"' and not stack and prev.isdigit() and role != "open":
            continue
        if char == '"' and prev and nxt and tx.script_of(prev) == tx.script_of(nxt) == "Hebrew":
            continue
        if role == "toggle":
            role = "close" if stack and masked[stack[-1]] == '"' else "open"
        if char == "’" and (role == "open" or not stack):
            continue
        if role == "open":
            stack.append(index)
        elif stack:
            stack.pop()
        else:
            unmatched.append(index)
    return sorted(unmatched + [i for stack in stacks.values() for i in stack])


def ref_end_punctuation(text: str, question_semicolon: bool) -> tuple[object, ...]:
    i = len(text.rstrip())
    marks: list[int] = []
    while i > 0:
        char = text[i - 1]
        if char in tx.END_MARKS:
            marks.append(i - 1)
        elif char not in tx._TRAILING_CLOSERS and char not in tx._TRAILING_SPACES:
            break
        i -= 1
    if not marks:
        return (frozenset(), "", (i, i))
    marks.reverse()
    first, last = marks[0], marks[-1] + 1
    mark_text = "".join(text[m] for m in marks)
    classes = set()
    for char in re.sub(r"\.{3,}|。{3,}", "…", mark_text):
        classes.add("?" if question_semicolon and char == ";" else tx.END_MARKS[char])
    if "։" in mark_text:
        start = max((j for j in range(first) if text[j] in tx.END_MARKS), default=-1) + 1
        for sign, cls in (("՞", "?"), ("՜", "!")):
            if sign in text[start:first]:
                classes.discard(".")
                classes.add(cls)
    return (frozenset(classes), mark_text, (first, last))


def ref_invisible_chars(text: str) -> list[int]:
    return [
        i
        for i, c in enumerate(text)
        if c in tx.INVISIBLE
        and not (c == "\ufeff" and i == 0)
        and not tx.is_legitimate_joiner(text, i)
    ]


def ref_double_spaces(text: str) -> list[tuple[int, int, str]]:
    runs = []
    i, n = 0, len(text)
    while i < n:
        if text[i] not in " \u00a0\u202f":
            i += 1
            continue
        start = i
        while i < n and text[i] in " \u00a0\u202f":
            i += 1
        if i - start < 2 or start == 0 or i == n:
            continue
        if text[start - 1] in "\r\n\t" or text[i] in "\r\n\t":
            continue
        before = text[:start].rstrip("\"'”’»)]")
        kind = "sentence" if before and before[-1] in ".!?:;…。！？؟" else "inner"
        runs.append((start, i, kind))
    return runs


def ref_repeats(text: str) -> list[tuple[int, int, str]]:
    masked = ref_blank_out(text, ref_protected(text))
    tokens = [t for t in ref_words(masked) if any(c.isalpha() for c in t[2])]

    def whole(start: int, end: int) -> bool:
        before = masked[start - 1] if start > 0 else " "
        after = masked[end] if end < len(masked) else " "
        return not (before.isalnum() or before in "-‐_") and not (after.isalnum() or after in "_")

    runs = []
    i = 0
    while i < len(tokens):
        j = i
        while (
            j + 1 < len(tokens)
            and tokens[j + 1][2].casefold() == tokens[i][2].casefold()
            and masked[tokens[j][1] : tokens[j + 1][0]].isspace()
            and whole(tokens[j + 1][0], tokens[j + 1][1])
        ):
            j += 1
        if j > i and whole(tokens[i][0], tokens[i][1]):
            runs.append((tokens[i][0], tokens[j][1], tokens[i][2]))
        i = j + 1
    return runs


# -- texts --------------------------------------------------------------------------------

CHARS = (
    "aZé5_ '’‘‛-‐·.,;:!?¿…。、，？！؟،؛։՞՜;\u037e ..."
    '()[]{}（）【】《》〈〉<>"“”„‟‚«»‹›「」『』'
    "\u00a0\u202f\u3000\t\n\r\u2000"
    "\u0301\u093f\u0915\u094d\u200c\u200d\u200b\u200e\u200f\u202e\u2066\u00ad\ufeff\u061c"
    "אבעحلب中文ひカ한ßẞİıſﬁΣσςǅ²½٣"
    "\U0001f600\U0001d400\U0001d167\U00010400\U000e0100🇸🇾"
    "@#/:"
)
PIECES = [
    "the", "The", "THE", "ss", "SS", "ß", "al-Assad", "l'armée", "d’Al", "no", "No", "x",
    "5x", "e-mail", "mail", "10", "COVID-19", "שלום", "حلب", "می\u200cخواهم", "e\u0301",
    "\U0001d400b", "𐐀", "𐐨", "ﬁ", "fi", "İ", "i\u0307", "_a", "a_",
    "https://efe.com/a_(b)", "www.EFE.com", "WWW.x.org.", "wWw.a.es", "Ww",
    "user@example.org", "@efe", "#Alepo", "#1",
]  # fmt: skip
SEPARATORS = [" ", "  ", " \u00a0", "\n", "\t", ", ", "-", "(", ")", '"', "«", "", "\u200b"]

TEXT = (
    st.text(alphabet=CHARS, max_size=40)
    | st.lists(st.tuples(st.sampled_from(PIECES), st.sampled_from(SEPARATORS)), max_size=10).map(
        lambda parts: "".join(p + s for p, s in parts)
    )
    | st.text(max_size=20)
)


def as_tuples(tokens: Iterable[tx.Token]) -> list[tuple[int, int, str]]:
    return [(t.start, t.end, t.text) for t in tokens]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_words_and_classes_match_the_character_walk(text: str) -> None:
    assert as_tuples(tx.words(text)) == ref_words(text)
    assert as_tuples(tx.words(text)) == ref_words(text)  # a cached answer too
    assert all(isinstance(t, tx.Token) for t in tx.words(text))
    assert tx.is_blank(text) == ref_is_blank(text)
    assert tx.has_letter(text) == ref_has_letter(text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_addresses_match_running_every_regex(text: str) -> None:
    expected = ref_addresses(text)
    found = [tx.find_urls(text), tx.find_emails(text), tx.find_handles(text)]
    found.append(tx.find_hashtags(text))
    assert [as_tuples(group) for group in found] == expected
    assert tx.protected_spans(text) == ref_protected(text)
    assert tx.blank_out(text, tx.protected_spans(text)) == ref_blank_out(text, ref_protected(text))


@settings(max_examples=300, deadline=None)
@given(TEXT, st.booleans())
def test_scanners_match_the_character_walk(text: str, question_semicolon: bool) -> None:
    assert tx.unmatched_brackets(text) == ref_unmatched_brackets(text)
    assert tx.unmatched_quotes(text) == ref_unmatched_quotes(text)
    assert tx.invisible_chars(text) == ref_invisible_chars(text)
    found = tx.end_punctuation(text, question_semicolon)
    assert (found.classes, found.marks, found.span) == ref_end_punctuation(text, question_semicolon)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_format_scanners_match_the_character_walk(text: str) -> None:
    assert fmt._double_spaces(text) == ref_double_spaces(text)
    assert fmt._repeats(text) == ref_repeats(text)


def test_the_repeat_pretest_lets_every_kind_of_repeat_through() -> None:
    """Repeats the word regex of the pre-test must not hide (case folding, joiners, marks)."""
    cases = {
        "the the": "the",
        "Straße STRASSE": "Straße",
        "al-Assad Al-Assad.": "al-Assad",
        "(no No) no": "no",
        "हिंदी हिंदी": "हिंदी",
        "ﬁx FIX": "ﬁx",
        "see https://efe.com see": "see",
    }
    for text, word in cases.items():
        assert [w for _, _, w in fmt._repeats(text)] == [word], text
        assert fmt._repeats(text) == ref_repeats(text)


def test_astral_texts_take_the_character_walk() -> None:
    text = "\U0001d400bc d\U0001d167e 😀 x-\U00010400"
    assert as_tuples(tx.words(text)) == ref_words(text)
    assert [t.text for t in tx.words(text)] == ["\U0001d400bc", "d\U0001d167e", "x-\U00010400"]


STARTS = [
    "",
    " ",
    "e",
    "e\u0301",
    "é",
    "K",
    "\u212a",
    "\u1100\u1161",
    "가",
    "\u0301e",
    ";",
    "\u037e",
]


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, st.sampled_from(STARTS), st.sampled_from(STARTS))
def test_same_text_is_equality_after_normalising(
    source: str, target: str, src_start: str, tgt_start: str
) -> None:
    def normalised(text: str) -> str:
        return unicodedata.normalize("NFC", " ".join(text.split()))

    pairs = [
        (source, target),
        (source, " " + source.upper()),
        (source, source + "\u0301"),
        (src_start + source, tgt_start + source),
        (src_start + source, tgt_start + target),
    ]
    for a, b in pairs:
        assert fmt._same_text(a, b) == (normalised(a) == normalised(b))


def test_no_end_mark_is_a_letter_or_digit() -> None:
    """``format._same_single_mark`` relies on it: a mark after an alphanumeric stands alone."""
    assert not any(mark.isalnum() for mark in tx.END_MARKS)


@settings(max_examples=300, deadline=None)
@given(TEXT, TEXT, st.booleans(), st.booleans())
def test_same_single_mark_means_same_end_punctuation(
    source: str, target: str, src_greek: bool, tgt_greek: bool
) -> None:
    for a, b in ((source + "a.", target + "b."), (source + "x?", target + "1?"), (source, target)):
        if a and b and fmt._same_single_mark(a, b):
            assert tx.end_punctuation(a, src_greek).classes == {tx.END_MARKS[a[-1]]}
            assert tx.end_punctuation(b, tgt_greek).classes == {tx.END_MARKS[a[-1]]}


def test_the_only_printable_whitespace_is_the_space() -> None:
    """``format._length`` relies on it to skip collapsing whitespace."""
    chars = (chr(code) for code in range(0x110000))
    assert [c for c in chars if c.isspace() and c.isprintable()] == [" "]


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_length_counts_whitespace_runs_as_one(text: str) -> None:
    for variant in (text, text.strip(), " ".join(text.split())):
        assert fmt._length(variant) == len(" ".join(variant.split()))


def test_only_w_and_capital_w_match_w_ignoring_case() -> None:
    """``text._may_have_addresses`` looks for ``www.`` through ``w``/``W`` pairs."""
    chars = (chr(code) for code in range(0x110000))
    assert [c for c in chars if re.fullmatch("w", c, re.IGNORECASE)] == ["W", "w"]


def test_unicode_facts_the_fast_paths_rely_on() -> None:
    """``\\s`` is ``str.isspace`` (``text.is_blank``); case folding keeps whitespace, word
    characters and other characters each in their class (``format._repeat_hint``)."""
    space = re.compile(r"\s")
    for code in range(0x110000):
        char = chr(code)
        assert bool(space.match(char)) == char.isspace()
        folded = char.casefold()
        if folded != char:
            assert all(c.isspace() == char.isspace() for c in folded)
            assert all(ref_is_word_char(c) == ref_is_word_char(char) for c in folded)
