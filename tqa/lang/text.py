"""Script-aware text helpers shared by the format and language checks.

Everything here works on plain ``str`` offsets (code points), so that the spans the checks
report index the segment text directly. Nothing here depends on a language model: these are
character classes, tokenisers and balance scanners.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import NamedTuple

from tqa.core.model import Span


class Token(NamedTuple):
    """A piece of text with its ``[start, end)`` offsets (a named tuple: tokens are made by
    the hundred thousand and a tuple is the cheapest immutable record to create)."""

    start: int
    end: int
    text: str

    @property
    def span(self) -> Span:
        return (self.start, self.end)


# -- scripts ---------------------------------------------------------------------------------

_SCRIPT_ALIASES = {
    "CJK": "Han",
    "IDEOGRAPHIC": "Han",
    "HIRAGANA": "Kana",
    "KATAKANA": "Kana",
    "KATAKANA-HIRAGANA": "Kana",
}


@functools.lru_cache(maxsize=8192)
def script_of(char: str) -> str | None:
    """The script of a letter (``"Latin"``, ``"Arabic"``, ``"Han"``, ``"Kana"``...).

    Only letters have a script here (``None`` for digits, punctuation, marks, spaces);
    full-width and half-width forms count as their base script.
    """
    if not unicodedata.category(char).startswith("L"):
        return None
    words = unicodedata.name(char, "").split()
    if words and words[0] in ("FULLWIDTH", "HALFWIDTH"):
        words = words[1:]
    if not words:
        return "Other"
    first = words[0]
    return _SCRIPT_ALIASES.get(first, first.title())


def script_counts(text: str) -> Counter[str]:
    """How many letters of each script ``text`` contains.

    Combining marks count with the letter they sit on: Devanagari vowel signs, Thai vowels
    and Arabic harakat are part of the writing as much as the consonants they follow.
    """
    counts: Counter[str] = Counter()
    last: str | None = None
    for char in text:
        script = script_of(char)
        if script is not None:
            counts[script] += 1
            last = script
        elif last is not None and unicodedata.category(char).startswith("M"):
            counts[last] += 1
        else:
            last = None
    return counts


RTL_SCRIPTS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana", "Nko"})
"""Scripts written right to left (their text is stored in logical order all the same)."""


# -- words -----------------------------------------------------------------------------------

_WORD_JOINERS = frozenset("'’-‐·")
"""Characters that join two word pieces into one word (``l'armée``, ``al-Assad``, ``l·l``)."""

_INWORD_FORMAT = frozenset("\u200c\u200d")
"""ZWNJ and ZWJ are part of words in Persian and Indic scripts."""


@functools.lru_cache(maxsize=8192)
def is_word_char(char: str) -> bool:
    """Letters, combining marks and digits of any script."""
    return unicodedata.category(char)[0] in "LMN" or char in _INWORD_FORMAT


def _ranges(codes: Iterable[int]) -> str:
    """A regex character-class body for ascending BMP code points, as ``a-b`` ranges."""
    parts: list[str] = []
    first = last = -2
    for code in codes:
        if code != last + 1:
            if first >= 0:
                parts.append(f"\\u{first:04x}-\\u{last:04x}")
            first = code
        last = code
    if first >= 0:
        parts.append(f"\\u{first:04x}-\\u{last:04x}")
    return "".join(parts)


@functools.cache
def bmp_word_class() -> str:
    """The word characters (:func:`is_word_char`) of the Basic Multilingual Plane, as the
    body of a regex character class.

    Built from the Unicode categories on first use (a few milliseconds). The class lists
    every character explicitly, so ``re`` compiles it to a lookup table: a ``\\w``-based
    class would differ (``_``, combining marks), and astral ranges would be tested one by
    one for every character.
    """
    return _ranges(
        code
        for code in range(0x10000)
        if unicodedata.category(chr(code))[0] in "LMN" or chr(code) in _INWORD_FORMAT
    )


@functools.cache
def _bmp_word_re() -> re.Pattern[str]:
    """The :func:`words` tokens as one regex, for texts without characters beyond U+FFFF."""
    chars = bmp_word_class()
    joiners = re.escape("".join(sorted(_WORD_JOINERS)))
    return re.compile(f"[{chars}]+(?:[{joiners}][{chars}]+)*")


_ASTRAL_RE = re.compile("[\U00010000-\U0010ffff]")


def _scan_words(text: str) -> list[Token]:
    """:func:`words` character by character: for texts with characters beyond U+FFFF."""
    tokens: list[Token] = []
    n = len(text)
    i = 0
    while i < n:
        if not is_word_char(text[i]):
            i += 1
            continue
        start = i
        while i < n:
            if is_word_char(text[i]):
                i += 1
            elif text[i] in _WORD_JOINERS and i + 1 < n and is_word_char(text[i + 1]):
                i += 1
            else:
                break
        tokens.append(Token(start, i, text[start:i]))
    return tokens


@functools.lru_cache(maxsize=1024)
def _words(text: str) -> tuple[Token, ...]:
    if _ASTRAL_RE.search(text):
        return tuple(_scan_words(text))
    tokens: list[Token] = []
    end = 0
    for word in _bmp_word_re().findall(text):
        # Between two words there is no word character, so the next word is found exactly
        # where the regex matched it (quicker than asking each match for its offsets).
        start = text.find(word, end)
        end = start + len(word)
        tokens.append(Token(start, end, word))
    return tuple(tokens)


def words(text: str) -> list[Token]:
    """Words with their offsets: letters, marks and digits, joined by inner ``'`` ``’`` ``-``.

    ``"l'armée d’Al-Assad"`` gives ``l'armée`` and ``d’Al-Assad``; a joiner at either end
    of a word is not part of it. Scripts written without spaces (Chinese, Japanese, Thai) come
    out as long runs: callers that need words there must not rely on this function.
    Cached by text: several checks ask for the words of the same segment.
    """
    return list(_words(text))


def has_letter(text: str) -> bool:
    """Whether ``text`` has a letter (``str.isalpha`` is exactly the ``L*`` categories)."""
    return any(map(str.isalpha, text))


# -- URLs, e-mail addresses, handles, hashtags -------------------------------------------------

_URL_STOP = r"\s<>\"`“”‘’«»「」『』（）【】、。，！？；：،؛؟\u200e\u200f"
URL_RE = re.compile(
    rf"(?<![A-Za-z0-9.+-])(?:(?:https?|ftp)://|www\.)[^{_URL_STOP}]+", re.IGNORECASE
)
EMAIL_RE = re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)*\.[^\W\d_]{2,}\b")
HANDLE_RE = re.compile(r"(?<![\w@.+/-])@\w+(?:\.\w+)*")
HASHTAG_RE = re.compile(r"(?<![\w#&/])#\w*[^\W\d_]\w*")
_URL_TRAILING = ".,;:!?'\"»”’)]}>*"
_WWW_RE = re.compile(r"www\.", re.IGNORECASE)


def _may_have_addresses(text: str) -> bool:
    """Every URL has ``://`` or ``www.`` (any case, as in ``URL_RE``: only ``w`` and ``W``
    match ``w`` there), every address and handle an ``@``, every hashtag a ``#``."""
    if "@" in text or "#" in text or "://" in text:
        return True
    if "ww" in text or "WW" in text or "wW" in text or "Ww" in text:
        return _WWW_RE.search(text) is not None
    return False


def _trim_url(text: str, start: int, end: int) -> int:
    """Drop sentence punctuation after a URL, keeping a ``)`` that closes a ``(`` inside it."""
    while end > start and text[end - 1] in _URL_TRAILING:
        if text[end - 1] == ")" and text.count("(", start, end) >= text.count(")", start, end):
            break
        end -= 1
    return end


def find_urls(text: str) -> list[Token]:
    """``http(s)://``, ``ftp://`` and ``www.`` addresses, without trailing punctuation.

    Bare domain names (``reuters.com``) are not URLs here: they are too easily confused
    with abbreviations and file names.
    """
    return list(_addresses(text)[0])


def find_emails(text: str) -> list[Token]:
    """E-mail addresses outside URLs."""
    return list(_addresses(text)[1])


def find_handles(text: str) -> list[Token]:
    """``@handles`` outside URLs and e-mail addresses (``@EFEnoticias``, ``@un_news``)."""
    return list(_addresses(text)[2])


def find_hashtags(text: str) -> list[Token]:
    """``#hashtags`` with at least one letter (``#1`` is not one), outside URLs (fragments)."""
    return list(_addresses(text)[3])


def protected_spans(text: str) -> list[Span]:
    """Spans of URLs, e-mail addresses, handles and hashtags, in text order."""
    groups = _addresses(text)
    if groups is _NO_ADDRESSES:
        return []
    return sorted(t.span for group in groups for t in group)


_Addresses = tuple[tuple[Token, ...], tuple[Token, ...], tuple[Token, ...], tuple[Token, ...]]
_NO_ADDRESSES: _Addresses = ((), (), (), ())


def _outside(tokens: Iterable[Token], taken: Sequence[Span]) -> tuple[Token, ...]:
    return tuple(t for t in tokens if not any(s <= t.start < e for s, e in taken))


def _addresses(text: str) -> _Addresses:
    """URLs, e-mail addresses, handles and hashtags of ``text``."""
    if not _may_have_addresses(text):
        return _NO_ADDRESSES
    return _scan_addresses(text)


@functools.lru_cache(maxsize=4096)
def _scan_addresses(text: str) -> _Addresses:
    """Cached: every format check asks for the same text's."""
    urls: list[Token] = []
    for match in URL_RE.finditer(text):
        end = _trim_url(text, match.start(), match.end())
        if end - match.start() > len("www."):
            urls.append(Token(match.start(), end, text[match.start() : end]))
    url_spans = [t.span for t in urls]
    emails = _outside(
        (Token(m.start(), m.end(), m.group()) for m in EMAIL_RE.finditer(text)), url_spans
    )
    taken = url_spans + [t.span for t in emails]
    handles = _outside(
        (Token(m.start(), m.end(), m.group()) for m in HANDLE_RE.finditer(text)), taken
    )
    tags = _outside(
        (Token(m.start(), m.end(), m.group()) for m in HASHTAG_RE.finditer(text)), taken
    )
    return tuple(urls), emails, handles, tags


def blank_out(text: str, spans: Iterable[Span], fill: str = " ") -> str:
    """``text`` with each span replaced by ``fill`` characters: offsets stay valid."""
    if not spans:
        return text
    chars = list(text)
    for start, end in spans:
        chars[start:end] = fill * (end - start)
    return "".join(chars)


# -- names, numbers and codes ------------------------------------------------------------------

NAME_PARTICLES = frozenset(
    "al el ar as ash at ad an az ibn bin bint abu abd abdul de del della der des di da do dos "
    "du la le van von den ten ter y e zu".split()
)
"""Lower-case particles inside personal and place names (``Bashar al-Assad``, ``van Gogh``)."""


def _cased_letters(token: str) -> list[str]:
    return [c for c in token if c.isalpha() and (c.isupper() or c.islower())]


@functools.lru_cache(maxsize=16384)
def is_name_like(token: str) -> bool:
    """A word that is a name, an acronym or a code rather than a translatable word.

    Capitalised or upper-case words (``Aleppo``, ``EFE``), brands with an inner capital
    (``iPhone``, ``eBay``), words with digits (``COVID-19``, ``A320``) and hyphenated names
    whose pieces are capitalised or particles (``al-Assad``). A lower-case particle alone is
    not a name; words of scripts without case are never names here (there is no way to tell).
    Cached: the language check asks it of every word of every target.
    """
    if any(c.isdigit() for c in token):
        return True
    pieces = [p for p in re.split(r"[-‐'’]", token) if p]
    if not pieces:
        return False
    capitalised = False
    for piece in pieces:
        cased = _cased_letters(piece)
        if not cased:
            return False
        if any(c.isupper() for c in cased):
            capitalised = True
        elif piece.casefold() not in NAME_PARTICLES:
            return False
    return capitalised


def translatable_words(text: str) -> list[Token]:
    """Words that would need translating: not names, codes, numbers, URLs, handles or tags.

    Name particles between names (``Bashar al Assad``) are not counted either.
    """
    return content_words(text)


_SENTENCE_BREAK = frozenset(".!?。！？؟…")


DOMAIN_RE = re.compile(r"(?<![\w@.-])[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.[a-z]{2,6}(?![\w@-])")
"""Bare domain and file names (``efe.com``, ``report.pdf``): codes, not words."""


def content_words(
    text: str, *, keep_sentence_initial: bool = False, caps_are_names: bool = True
) -> list[Token]:
    """The words of ``text`` that carry its language, in order.

    Left out: URLs, e-mail addresses, handles, hashtags, bare domain and file names
    (``efe.com``, ``informe.pdf``), words without letters, names,
    acronyms and codes (:func:`is_name_like`) and name particles between names. With
    ``keep_sentence_initial``, a capitalised word that opens a sentence (``Los``, ``Els``) is
    kept, since it is usually an ordinary word. With ``caps_are_names`` false (text written in
    capitals), capitals say nothing about names and every word is kept.
    """
    masked = blank_out(text, protected_spans(text))
    masked = blank_out(masked, (m.span() for m in DOMAIN_RE.finditer(masked)))
    tokens = [t for t in words(masked) if has_letter(t.text)]
    out: list[Token] = []
    for index, token in enumerate(tokens):
        if not caps_are_names:
            out.append(token)
            continue
        if is_name_like(token.text):
            if keep_sentence_initial and _opens_sentence(masked, tokens, index):
                out.append(token)
            continue
        if token.text.casefold() in NAME_PARTICLES and _between_names(tokens, index):
            continue
        out.append(token)
    return out


def _opens_sentence(text: str, tokens: Sequence[Token], index: int) -> bool:
    word = tokens[index].text
    if any(c.isdigit() for c in word) or not word[1:].islower():
        return False
    gap = text[tokens[index - 1].end : tokens[index].start] if index > 0 else ""
    return index == 0 or any(c in _SENTENCE_BREAK for c in gap)


def _between_names(tokens: Sequence[Token], index: int) -> bool:
    before = index > 0 and is_name_like(tokens[index - 1].text)
    after = index + 1 < len(tokens) and is_name_like(tokens[index + 1].text)
    return before and after


# -- brackets ----------------------------------------------------------------------------------

_OPEN_BRACKETS = {
    "(": "round",
    "（": "round",
    "[": "square",
    "［": "square",
    "【": "square",
    "〔": "square",
    "〖": "square",
    "{": "curly",
    "｛": "curly",
    "《": "angle",
    "〈": "angle",
}
_CLOSE_BRACKETS = {
    ")": "round",
    "）": "round",
    "]": "square",
    "］": "square",
    "】": "square",
    "〕": "square",
    "〗": "square",
    "}": "curly",
    "｝": "curly",
    "》": "angle",
    "〉": "angle",
}
BRACKETS = frozenset(_OPEN_BRACKETS) | frozenset(_CLOSE_BRACKETS)
_BRACKET_RE = re.compile(f"[{re.escape(''.join(sorted(BRACKETS)))}]")
_LIST_MARKER = re.compile(r"(?:^|(?<=\s))[0-9A-Za-z]{1,3}\)(?=\s|$)")


def unmatched_brackets(text: str) -> list[int]:
    """Offsets of brackets without a partner, in text order.

    ``()`` ``[]`` ``{}`` and their full-width and CJK forms (``（）`` ``【】`` ``《》``) pair
    by kind, so ``（…)`` is balanced. URLs, handles and hashtags are skipped, and so are list
    markers such as ``1)`` or ``b)``. In right-to-left text brackets are stored in logical
    order like any other, so nothing changes there.
    """
    if not _BRACKET_RE.search(text):
        return []
    skip = {m.end() - 1 for m in _LIST_MARKER.finditer(text)}
    masked = blank_out(text, protected_spans(text))
    stack: list[tuple[str, int]] = []
    unmatched: list[int] = []
    for match in _BRACKET_RE.finditer(masked):
        index, char = match.start(), match.group()
        if char in _OPEN_BRACKETS:
            stack.append((_OPEN_BRACKETS[char], index))
        elif char in _CLOSE_BRACKETS and index not in skip:
            if stack and stack[-1][0] == _CLOSE_BRACKETS[char]:
                stack.pop()
            else:
                unmatched.append(index)
    unmatched.extend(index for _, index in stack)
    return sorted(unmatched)


# -- quotation marks ---------------------------------------------------------------------------

_QUOTE_FAMILY = {
    '"': "double",
    "“": "double",
    "”": "double",
    "„": "double",
    "‟": "double",
    "‘": "single",
    "’": "single",
    "‚": "single",
    "‛": "single",
    "«": "guillemet",
    "»": "guillemet",
    "‹": "single-guillemet",
    "›": "single-guillemet",
    "「": "corner",
    "」": "corner",
    "『": "white-corner",
    "』": "white-corner",
}
QUOTES = frozenset(_QUOTE_FAMILY)
_QUOTE_RE = re.compile(f"[{re.escape(''.join(sorted(QUOTES)))}]")
_DEFAULT_ROLE = {
    '"': "toggle",
    "“": "open",
    "”": "close",
    "„": "open",
    "‟": "open",
    "‘": "open",
    "’": "close",
    "‚": "open",
    "‛": "open",
    "«": "open",
    "»": "close",
    "‹": "open",
    "›": "close",
    "「": "open",
    "」": "close",
    "『": "open",
    "』": "close",
}
_FIXED_ROLE = frozenset("„‚「」『』")
_OPENING_CONTEXT = frozenset("([{（［｛【《〈<—–-/") | QUOTES
_CLOSING_CONTEXT = frozenset(".,;:!?…)]}）］｝】》〉>—–-/。、，！？；：،؛؟") | QUOTES


def _quote_role(text: str, index: int) -> str:
    """``open``, ``close`` or ``toggle``, from the characters around a quotation mark.

    A mark after a space (or an opening bracket) and before a word opens; a mark after a word
    and before a space or punctuation closes. That reads ``“…”`` (English), ``„…“`` (German),
    ``»…«`` (German, Danish), ``”…”`` (Swedish) and ``«…»`` (French) alike. Where the
    neighbours do not decide (French spaced ``« … »``, CJK text without spaces), the mark's
    usual role decides.
    """
    char = text[index]
    if char in _FIXED_ROLE:
        return _DEFAULT_ROLE[char]
    prev = text[index - 1] if index > 0 else None
    nxt = text[index + 1] if index + 1 < len(text) else None
    space_before = prev is None or prev.isspace() or prev in _OPENING_CONTEXT
    space_after = nxt is None or nxt.isspace() or nxt in _CLOSING_CONTEXT
    if space_before and not space_after:
        return "open"
    if space_after and not space_before:
        return "close"
    return _DEFAULT_ROLE[char]


def unmatched_quotes(text: str) -> list[int]:
    """Offsets of quotation marks without a partner, in text order.

    Families (each balanced on its own): double ``" “ ” „``, single ``‘ ’ ‚``, guillemets
    ``« »``, single guillemets ``‹ ›``, CJK corner brackets ``「」`` and ``『』``. Any opener of a
    family pairs with any closer of it, so ``„…“``, ``“…”`` and ``»…«`` all balance. The
    straight single quote ``'`` is never counted; ``’`` and ``‘`` between letters are
    apostrophes (``don’t``, ``Hawai‘i``), and a ``’`` that closes nothing is an apostrophe
    too (``the students’ books``, ``’90s``). A straight ``"`` after a digit with no open quote
    is an inch mark, and one between two letters is a Hebrew gershayim (``האו"ם``).
    """
    if not _QUOTE_RE.search(text):
        return []
    masked = blank_out(text, protected_spans(text))
    stacks: dict[str, list[int]] = {}
    unmatched: list[int] = []
    for match in _QUOTE_RE.finditer(masked):
        index, char = match.start(), match.group()
        family = _QUOTE_FAMILY[char]
        stack = stacks.setdefault(family, [])
        prev = masked[index - 1] if index > 0 else ""
        nxt = masked[index + 1] if index + 1 < len(masked) else ""
        if char in "’‘‛" and prev and nxt and is_word_char(prev) and is_word_char(nxt):
            continue
        role = _quote_role(masked, index)
        if char == '"' and not stack and prev.isdigit() and role != "open":
            continue
        if char == '"' and prev and nxt and script_of(prev) == script_of(nxt) == "Hebrew":
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
    for stack in stacks.values():
        unmatched.extend(stack)
    return sorted(unmatched)


# -- end punctuation ---------------------------------------------------------------------------

END_MARKS: dict[str, str] = {
    ".": ".",
    "。": ".",
    "．": ".",
    "｡": ".",
    "।": ".",
    "॥": ".",
    "۔": ".",
    "።": ".",
    "։": ".",
    "។": ".",
    "།": ".",
    "။": ".",
    "?": "?",
    "؟": "?",
    "？": "?",
    ";": ";",
    "\u037e": "?",
    "፧": "?",
    "!": "!",
    "！": "!",
    ",": ",",
    "،": ",",
    "，": ",",
    "、": ",",
    "؛": ";",
    "；": ";",
    ":": ":",
    "：": ":",
    "…": "…",
    "⋯": "…",
}
"""Sentence-final marks and the class each one belongs to across scripts and locales."""

_ELLIPSIS_RE = re.compile(r"\.{3,}|。{3,}")
_TRAILING_CLOSERS = frozenset(_CLOSE_BRACKETS) | QUOTES | frozenset("'")
_TRAILING_SPACES = frozenset(" \u00a0\u202f\u2009\u200a")


@dataclass(frozen=True)
class EndPunctuation:
    """The punctuation a text ends with.

    ``classes`` are the mark classes (``.`` ``?`` ``!`` ``,`` ``;`` ``:`` ``…``) found among
    the final marks, closing quotes and brackets, and the spaces French puts before ``?``.
    ``span`` covers the marks (first to last); without marks it is an empty span where they
    would go: after the last word, before any closing quote or bracket.
    """

    classes: frozenset[str]
    marks: str
    span: Span


def end_punctuation(text: str, question_semicolon: bool = False) -> EndPunctuation:
    """Read the final punctuation of ``text``.

    ``...`` counts as an ellipsis like ``…``. With ``question_semicolon`` (Greek), ``;`` is a
    question mark. Armenian marks a question (``՞``) or an exclamation (``՜``) on a word
    and ends the sentence with ``։``: that ``։`` counts as ``?`` or ``!``.
    """
    end = len(text.rstrip())
    i = end
    marks: list[int] = []
    while i > 0:
        char = text[i - 1]
        if char in END_MARKS:
            marks.append(i - 1)
        elif char not in _TRAILING_CLOSERS and char not in _TRAILING_SPACES:
            break
        i -= 1
    if not marks:
        content_end = i
        return EndPunctuation(frozenset(), "", (content_end, content_end))
    if len(marks) == 1 and text[marks[0]] != "։":
        # The usual case (one mark): what the general path below gives, without its work.
        char = text[marks[0]]
        cls = "?" if question_semicolon and char == ";" else END_MARKS[char]
        return EndPunctuation(frozenset((cls,)), char, (marks[0], marks[0] + 1))
    marks.reverse()
    first, last = marks[0], marks[-1] + 1
    mark_text = "".join(text[m] for m in marks)
    classes: set[str] = set()
    normalised = _ELLIPSIS_RE.sub("…", mark_text)
    for char in normalised:
        cls = END_MARKS[char]
        if question_semicolon and char == ";":
            cls = "?"
        classes.add(cls)
    if "։" in mark_text:
        start = max((j for j in range(first) if text[j] in END_MARKS), default=-1) + 1
        sentence = text[start:first]
        for sign, cls in (("՞", "?"), ("՜", "!")):
            if sign in sentence:
                classes.discard(".")
                classes.add(cls)
    return EndPunctuation(frozenset(classes), mark_text, (first, last))


# -- invisible characters ----------------------------------------------------------------------

BIDI_CONTROLS = frozenset(
    "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
)
ZERO_WIDTH = frozenset("\u200b\u200c\u200d\u2060\ufeff")
SOFT_HYPHEN = "\u00ad"
INVISIBLE = BIDI_CONTROLS | ZERO_WIDTH | {SOFT_HYPHEN}
_INVISIBLE_RE = re.compile(f"[{''.join(sorted(INVISIBLE))}]")
_NOT_BLANK_RE = re.compile(f"[^\\s{''.join(sorted(INVISIBLE))}]")
"""``\\s`` is exactly ``str.isspace``."""

JOINING_SCRIPTS = frozenset(
    {
        "Arabic",
        "Syriac",
        "Nko",
        "Mongolian",
        "Devanagari",
        "Bengali",
        "Gurmukhi",
        "Gujarati",
        "Oriya",
        "Tamil",
        "Telugu",
        "Kannada",
        "Malayalam",
        "Sinhala",
        "Myanmar",
        "Khmer",
        "Tibetan",
    }
)
"""Scripts whose spelling uses ZWNJ/ZWJ (Persian ``می‌خواهم``, Indic half forms)."""


def _letter_script_near(text: str, index: int, step: int) -> str | None:
    """The script of the nearest letter from ``index`` in direction ``step``, over marks."""
    i = index + step
    while 0 <= i < len(text):
        char = text[i]
        category = unicodedata.category(char)
        if category.startswith("L"):
            return script_of(char)
        if not category.startswith("M"):
            return None
        i += step
    return None


def _is_emoji_side(char: str) -> bool:
    return unicodedata.category(char) in ("So", "Sk") or char in "\ufe0f\u20e3"


def is_legitimate_joiner(text: str, index: int) -> bool:
    """A ZWNJ/ZWJ that belongs where it is: between letters of a script that uses it, or a
    ZWJ inside an emoji sequence (👨‍👩‍👧)."""
    char = text[index]
    if char not in "\u200c\u200d":
        return False
    before = _letter_script_near(text, index, -1)
    after = _letter_script_near(text, index, 1)
    if before in JOINING_SCRIPTS and (after in JOINING_SCRIPTS or after is None):
        return True
    if char == "\u200d" and 0 < index < len(text) - 1:
        return _is_emoji_side(text[index - 1]) and _is_emoji_side(text[index + 1])
    return False


def invisible_chars(text: str) -> list[int]:
    """Offsets of invisible characters that do not belong in translated text.

    Bidi controls, zero-width characters (not a ZWNJ/ZWJ used by the script or an emoji
    sequence; not a byte-order mark at the very start) and soft hyphens.
    """
    found: list[int] = []
    for match in _INVISIBLE_RE.finditer(text):
        index, char = match.start(), match.group()
        if char == "\ufeff" and index == 0:
            continue
        if is_legitimate_joiner(text, index):
            continue
        found.append(index)
    return found


def codepoint_label(char: str) -> str:
    """``U+200B ZERO WIDTH SPACE``."""
    name = unicodedata.name(char, "") or _UNNAMED.get(char, "unnamed character")
    return f"U+{ord(char):04X} {name}"


_UNNAMED = {"\ufeff": "ZERO WIDTH NO-BREAK SPACE"}


def is_blank(text: str) -> bool:
    """Empty, whitespace or only invisible characters."""
    return _NOT_BLANK_RE.search(text) is None


def content_span(text: str) -> Span:
    """The span of ``text`` without leading and trailing whitespace (empty when blank)."""
    stripped = text.strip()
    if not stripped:
        return (0, 0)
    start = len(text) - len(text.lstrip())
    return (start, start + len(stripped))
