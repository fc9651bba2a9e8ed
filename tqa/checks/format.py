"""Check family: format (TQA1xx).

Deterministic checks of the form of a translation: emptiness, copies of the source,
whitespace, doubled words, brackets, quotation marks, end punctuation, URLs, handles and
hashtags, length and invisible characters. They know the conventions of the scripts and
locales they meet (Spanish ``¿…?``, French spaces before ``; : ! ?``, Arabic ``، ؟``, CJK
full-width marks, German ``„…“``) so that a correct translation is not flagged.

Where a check suggests a fix, ``suggestion`` is the text to put in place of the target span
(an empty string means "delete it").
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, ClassVar

from tqa.core.check import Check, Emitted, RunContext
from tqa.core.model import Category, Segment, Severity
from tqa.errors import ConfigError
from tqa.lang.langid import base_language
from tqa.lang.text import (
    END_MARKS,
    INVISIBLE,
    Token,
    blank_out,
    bmp_word_class,
    codepoint_label,
    content_span,
    end_punctuation,
    find_emails,
    find_handles,
    find_hashtags,
    find_urls,
    invisible_chars,
    is_blank,
    protected_spans,
    translatable_words,
    unmatched_brackets,
    unmatched_quotes,
    words,
)


def _both_present(segment: Segment) -> bool:
    source_blank, target_blank = _blanks(segment.source, segment.target)
    return not source_blank and not target_blank


@functools.lru_cache(maxsize=1024)
def _blanks(source: str, target: str) -> tuple[bool, bool]:
    """Whether each text is blank (cached: eleven checks of each segment ask)."""
    return is_blank(source), is_blank(target)


_base_language = functools.lru_cache(maxsize=256)(base_language)
"""Language tags repeat on every segment: parse each once."""


class EmptyTarget(Check):
    """Target is empty while the source is not.

    Finds targets that are empty or only whitespace (or invisible characters) where the
    source has text. An empty target is an omission that a reader never sees: the original
    simply disappears from the translated story.

    Bad: ``Four days, 311 dead.`` → (empty)
    Good: ``Four days, 311 dead.`` → ``Cuatro días, 311 muertos.``

    Options: none.
    """

    code = "TQA101"
    name = "format.empty-target"
    category = Category.ACCURACY
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        source_blank, target_blank = _blanks(segment.source, segment.target)
        if source_blank or not target_blank:
            return
        what = "empty" if not segment.target else "only whitespace"
        yield self.finding(
            segment,
            f"target is {what} but the source is not",
            target_span=(0, len(segment.target)),
        )


def _normalised(text: str) -> str:
    return unicodedata.normalize("NFC", " ".join(text.split()))


def _same_text(source: str, target: str) -> bool:
    """Whether the texts are equal but for whitespace and Unicode normalisation.

    Most pairs differ in their first character, and that usually settles it without
    normalising: see :func:`_fixed_start`.
    """
    if source == target:
        return True
    src_first, tgt_first = source.lstrip()[:1], target.lstrip()[:1]
    if src_first != tgt_first and _fixed_start(src_first) and _fixed_start(tgt_first):
        return False
    return _normalised(source) == _normalised(target)


def _fixed_start(char: str) -> bool:
    """Whether NFC keeps ``char`` at the start of a text, or builds on it.

    A first character with no canonical decomposition (Hangul syllables have one, though
    ``unicodedata.decomposition`` does not show it) and no combining class (so every ASCII
    character) stays first: NFC either keeps it or composes it with what follows into a
    character whose decomposition starts with it. Two texts that start with two different
    such characters therefore differ after NFC as well.
    """
    return char.isascii() or (
        not unicodedata.combining(char) and unicodedata.is_normalized("NFD", char)
    )


def untranslated(segment: Segment) -> bool:
    """Whether the target repeats a source that needed translating (what TQA102 reports).

    Other families stay quiet on such a segment rather than report its consequences (every
    glossary term "missing"): an untranslated segment is one error."""
    return (
        _both_present(segment)
        and _base_language(segment.src_lang) != _base_language(segment.tgt_lang)
        and _same_text(segment.source, segment.target)
        and bool(translatable_words(segment.target))
    )


class SameAsSource(Check):
    """Target is identical to the source.

    Finds targets that repeat the source text unchanged: usually a segment left
    untranslated. Segments made only of numbers, punctuation, URLs, handles, acronyms, codes
    and proper names are legitimately the same in both languages and are not flagged
    (``EFE``, ``COVID-19``, ``Bashar al-Assad``, ``12/2024``, ``https://efe.com``), nor are
    segments whose source and target share a base language (``en-US`` → ``en-GB``).
    Whitespace differences and Unicode normalisation (NFC) do not make texts differ.

    Bad (en→es): ``The army said.`` → ``The army said.``
    Good (en→es): ``Bashar al-Assad`` → ``Bashar al-Assad``

    Options: none.
    """

    code = "TQA102"
    name = "format.same-as-source"
    category = Category.ACCURACY
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not untranslated(segment):
            return
        yield self.finding(
            segment,
            "target is identical to the source (untranslated?)",
            source_span=content_span(segment.source),
            target_span=content_span(segment.target),
        )


_WHITESPACE_NAMES = {
    " ": "space",
    "\t": "tab",
    "\n": "newline",
    "\r": "carriage return",
    "\u00a0": "no-break space",
    "\u202f": "narrow no-break space",
    "\u3000": "ideographic space",
}


def _describe_whitespace(text: str) -> str:
    if not text:
        return "none"
    counts = Counter(text)
    parts = []
    for char, count in counts.items():
        label = _WHITESPACE_NAMES.get(char) or f"U+{ord(char):04X}"
        parts.append(f"{count} {label}{'s' if count > 1 else ''}")
    return ", ".join(parts)


class Whitespace(Check):
    """Leading or trailing whitespace differs between source and target.

    Finds a target that starts or ends with different whitespace than its source: spaces,
    tabs, newlines. In software strings and subtitles that whitespace is layout (a separator
    between concatenated strings, a line break) and losing or adding it breaks the display.
    Each side (leading, trailing) is one finding; the suggestion is the source's whitespace.

    Bad: ``" Reuters"`` → ``"Reuters"``
    Good: ``" Reuters"`` → ``" Reuters"``

    Options: none.
    """

    code = "TQA103"
    name = "format.whitespace"
    category = Category.DESIGN
    severity = Severity.MINOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment):
            return
        source, target = segment.source, segment.target
        src_lead = source[: len(source) - len(source.lstrip())]
        tgt_lead = target[: len(target) - len(target.lstrip())]
        if src_lead != tgt_lead:
            yield self.finding(
                segment,
                f"leading whitespace differs: source has {_describe_whitespace(src_lead)}, "
                f"target has {_describe_whitespace(tgt_lead)}",
                source_span=(0, len(src_lead)),
                target_span=(0, len(tgt_lead)),
                suggestion=src_lead,
            )
        src_trail = source[len(source.rstrip()) :]
        tgt_trail = target[len(target.rstrip()) :]
        if src_trail != tgt_trail:
            yield self.finding(
                segment,
                f"trailing whitespace differs: source has {_describe_whitespace(src_trail)}, "
                f"target has {_describe_whitespace(tgt_trail)}",
                source_span=(len(source) - len(src_trail), len(source)),
                target_span=(len(target) - len(tgt_trail), len(target)),
                suggestion=src_trail,
            )


_SPACES = " \u00a0\u202f"
_SENTENCE_END = frozenset(".!?:;…。！？؟")
_SPACE_RUN_RE = re.compile(f"[{_SPACES}]{{2,}}")


def _double_spaces(text: str) -> list[tuple[int, int, str]]:
    """Runs of two or more spaces inside the text: ``(start, end, kind)``.

    ``kind`` is ``sentence`` after a sentence-final mark (the typewriter habit of two spaces
    between sentences), else ``inner``. Runs at the start or end of a line are indentation
    or trailing space, not doubled spaces.
    """
    runs: list[tuple[int, int, str]] = []
    if not _SPACE_RUN_RE.search(text):
        return runs
    n = len(text)
    for match in _SPACE_RUN_RE.finditer(text):
        start, i = match.span()
        if start == 0 or i == n:
            continue
        if text[start - 1] in "\r\n\t" or text[i] in "\r\n\t":
            continue
        before = text[:start].rstrip("\"'”’»)]")
        kind = "sentence" if before and before[-1] in _SENTENCE_END else "inner"
        runs.append((start, i, kind))
    return runs


class DoubleSpace(Check):
    """Doubled spaces inside the target that the source does not have.

    Finds runs of two or more spaces (ordinary, no-break or narrow no-break) between words:
    typing slips that survive into print and break justified text. A run after a full stop
    is accepted when the source also puts two spaces between sentences; a run between words
    only when the source has one too. Leading and trailing whitespace is TQA103's business.

    Bad: ``Rebels took the city.`` → ``Los rebeldes  tomaron la ciudad.``
    Good: ``Rebels took the city.`` → ``Los rebeldes tomaron la ciudad.``

    Options: none.
    """

    code = "TQA104"
    name = "format.double-space"
    category = Category.LINGUISTIC
    severity = Severity.MINOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment):
            return
        runs = _double_spaces(segment.target)
        if not runs:
            return
        source_kinds = {kind for _, _, kind in _double_spaces(segment.source)}
        for start, end, kind in runs:
            if kind in source_kinds:
                continue
            run = segment.target[start:end]
            keep = next((c for c in run if c != " "), " ")
            yield self.finding(
                segment,
                f"{end - start} spaces in a row where one is enough",
                target_span=(start, end),
                suggestion=keep,
            )


LEGITIMATE_REPEATS: Mapping[str, frozenset[str]] = {
    "en": frozenset({"had", "that"}),
    "fr": frozenset({"nous", "vous"}),
    "de": frozenset({"die", "der", "das", "den", "dem", "sie"}),
    "nl": frozenset({"dat", "die"}),
}
"""Words that grammar doubles: ``had had``, ``that that`` (English); the reflexive ``nous
nous``, ``vous vous`` (French); ``die die`` (relative pronoun + article), ``sie sie``
(German); ``dat dat``
(Dutch). Spanish ``que que`` is not here: it is almost always a slip."""


def _repeats(text: str) -> list[tuple[int, int, str]]:
    """Words repeated right after themselves, separated by whitespace only.

    ``(start, end, word)`` for each run (``no no no`` is one run); comparison ignores case.
    URLs, handles and hashtags are left out; pure numbers (``10 10``) are not words here.
    """
    masked = blank_out(text, protected_spans(text))
    if not _repeat_hint().search(masked.casefold()):
        return []
    tokens = [t for t in words(masked) if any(c.isalpha() for c in t.text)]
    runs: list[tuple[int, int, str]] = []
    i = 0
    while i < len(tokens):
        j = i
        while (
            j + 1 < len(tokens)
            and tokens[j + 1].text.casefold() == tokens[i].text.casefold()
            and masked[tokens[j].end : tokens[j + 1].start].isspace()
            and _whole_word(masked, tokens[j + 1])
        ):
            j += 1
        if j > i and _whole_word(masked, tokens[i]):
            runs.append((tokens[i].start, tokens[j].end, tokens[i].text))
        i = j + 1
    return runs


@functools.cache
def _repeat_hint() -> re.Pattern[str]:
    """A regex that matches the case-folded text wherever :func:`_repeats` can find a run,
    so that a text it does not match needs no word scan.

    A run is a word, whitespace and the same word again, with no word character on either
    side. Case folding works character by character and keeps word characters, other
    characters and whitespace each in their class, so the folded text shows the same shape.
    The sides are tested against the word characters of the Basic Multilingual Plane only,
    which lets more texts through, never fewer. The quantifiers are possessive: a repeated
    word fills its whole run of non-space characters, so giving some back never helps.
    """
    chars = bmp_word_class()
    return re.compile(f"(?<![{chars}])(\\S++)\\s++\\1(?![{chars}])")


def _whole_word(text: str, token: Token) -> bool:
    """Not a fragment glued to other characters (``5x x``, ``e-mail mail``)."""
    before = text[token.start - 1] if token.start > 0 else " "
    after = text[token.end] if token.end < len(text) else " "
    return not (before.isalnum() or before in "-‐_") and not (after.isalnum() or after in "_")


class RepeatedWord(Check):
    """A word is repeated in the target (``the the``).

    Finds a word written twice in a row, case-insensitively and on word boundaries: a
    classic slip when editing. Not flagged: repeats that the source has too (``Bora Bora``,
    ``Walla Walla``), repeats that the target language's grammar makes (``had had`` and
    ``that that`` in English, reflexive ``nous nous`` and ``vous vous`` in French, ``die
    die`` in German, ``dat dat`` in Dutch), and words listed in the ``allow`` option.
    Scripts written without spaces (Chinese, Japanese, Thai) have no such repeats to find.

    Bad (en→es): ``The army said.`` → ``El el ejército dijo.``
    Good (en→fr): ``We met.`` → ``Nous nous sommes rencontrés.``

    Options: ``allow`` (list of words, any case, never flagged; default none).
    """

    code = "TQA105"
    name = "format.repeated-word"
    category = Category.LINGUISTIC
    severity = Severity.MINOR
    options: ClassVar[dict[str, Any]] = {"allow": ()}

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        allow = self.opts["allow"]
        if isinstance(allow, str) or not all(isinstance(w, str) for w in allow):
            raise ConfigError(f"{self.code} option 'allow' must be a list of words")
        self.allow = frozenset(w.casefold() for w in allow)

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment):
            return
        repeats = _repeats(segment.target)
        if not repeats:
            return
        legit = LEGITIMATE_REPEATS.get(_base_language(segment.tgt_lang), frozenset())
        in_source = {word.casefold() for _, _, word in _repeats(segment.source)}
        for start, end, word in repeats:
            key = word.casefold()
            if key in legit or key in self.allow or key in in_source:
                continue
            yield self.finding(
                segment,
                f"'{word}' is repeated",
                target_span=(start, end),
                suggestion=word,
            )


class Brackets(Check):
    """Unbalanced brackets in the target where the source's are balanced.

    Finds ``(``, ``[``, ``{`` without a partner (and their full-width and CJK forms
    ``（）`` ``【】`` ``《》``, which pair by kind so ``（…)`` balances). An unclosed bracket
    usually means a lost half of a parenthetical aside. Not flagged: targets of sources that
    are unbalanced themselves, list markers (``1)``, ``b)``), brackets inside URLs.
    Right-to-left text needs nothing special: brackets are stored in logical order there.
    One finding per unmatched bracket.

    Bad: ``Aleppo (Syria) fell.`` → ``Alepo (Siria cayó.``
    Good: ``Aleppo (Syria) fell.`` → ``سقطت حلب (سوريا).``

    Options: none.
    """

    code = "TQA106"
    name = "format.brackets"
    category = Category.LINGUISTIC
    severity = Severity.MINOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment) or unmatched_brackets(segment.source):
            return
        for index in unmatched_brackets(segment.target):
            char = segment.target[index]
            yield self.finding(
                segment,
                f"unmatched '{char}' in the target (the source's brackets are balanced)",
                target_span=(index, index + 1),
            )


class Quotes(Check):
    """Unbalanced quotation marks in the target where the source's are balanced.

    Finds quotation marks without a partner: ``"…"``, ``“…”``, ``„…“``, ``«…»``, ``»…«``,
    ``‘…’``, ``‹…›``, ``「…」``, ``『…』``. Any opener of a family pairs with any closer of it
    (so German ``„…“`` and Swedish ``”…”`` balance), and the surrounding spaces tell openers
    from closers. Apostrophes are not quotes: ``l'armée``, ``don't``, ``al-Assad’s``,
    ``the students’ books``; a straight ``"`` after a digit is an inch mark. A lost closing
    quote makes the reader misattribute words, which in news is an accuracy risk.

    Bad (en→de): ``He said "no".`` → ``Er sagte „nein.``
    Good (en→de): ``He said "no".`` → ``Er sagte „nein“.``

    Options: none.
    """

    code = "TQA107"
    name = "format.quotes"
    category = Category.LINGUISTIC
    severity = Severity.MINOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment) or unmatched_quotes(segment.source):
            return
        for index in unmatched_quotes(segment.target):
            char = segment.target[index]
            yield self.finding(
                segment,
                f"unmatched quotation mark '{char}' in the target "
                "(the source's quotes are balanced)",
                target_span=(index, index + 1),
            )


_LOCAL_MARKS: Mapping[str, Mapping[str, str]] = {
    "ar": {"?": "؟", ",": "،", ";": "؛"},
    "fa": {"?": "؟", ",": "،", ";": "؛"},
    "ur": {"?": "؟", ",": "،", ";": "؛", ".": "۔"},
    "zh": {".": "。", "?": "？", "!": "！", ",": "，", ";": "；", ":": "：", "…": "……"},
    "ja": {".": "。", "?": "？", "!": "！", ",": "、", ":": "：", "…": "…"},
    "hi": {".": "।"},
    "el": {"?": ";"},
}
"""How each mark class is usually written in a target language (default: ASCII)."""

_PLAIN_MARKS = {".": ".", "?": "?", "!": "!", ",": ",", ";": ";", ":": ":", "…": "…"}
NO_FULL_STOP = frozenset({"th", "lo"})
"""Languages whose sentences usually end without a full stop (Thai, Lao)."""
_CLASS_ORDER = "?!.…,;:"


def _same_single_mark(source: str, target: str) -> bool:
    """Both texts end with the same one mark right after a letter or digit (``…dijo.``).

    Their end punctuation is then the same in any language pair, without reading it: the
    marks whose meaning depends on the language (Greek ``;``, Armenian ``։``) are left out.
    """
    last = source[-1]
    return (
        last == target[-1]
        and last in END_MARKS
        and last not in ";։"
        and source[-2:-1].isalnum()
        and target[-2:-1].isalnum()
    )


def _describe_marks(classes: frozenset[str]) -> str:
    if not classes:
        return "no punctuation"
    return " ".join(f"'{c}'" for c in sorted(classes, key=_CLASS_ORDER.index))


class FinalPunctuation(Check):
    """The target ends with different punctuation than the source.

    Compares the final marks by what they mean, across scripts and locales: ``.`` = ``。``
    = ``।`` = ``۔`` = ``།``, ``?`` = ``؟`` = ``？`` (Greek ``;``, Armenian ``՞…։``), ``!`` =
    ``！``, ``,`` = ``،`` = ``，`` = ``、``, ``;`` = ``؛``, ``...`` = ``…``. Closing quotes
    and brackets around the final mark do not matter (``"yes."`` = ``«sí».``), nor do the
    spaces French puts before ``; : ! ?``, nor the opening ``¿`` ``¡`` of Spanish. Thai and
    Lao sentences end without a full stop, so a missing ``.`` is not flagged there. A
    question turned into a statement, or a lost full stop, changes how the sentence reads.

    Bad (en→es): ``Where is the convoy?`` → ``¿Dónde está el convoy.``
    Good (en→ar): ``Where is the convoy?`` → ``أين القافلة؟``

    Options: none.
    """

    code = "TQA108"
    name = "format.end-punctuation"
    category = Category.LINGUISTIC
    severity = Severity.MINOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment) or _same_single_mark(segment.source, segment.target):
            return
        src_lang = _base_language(segment.src_lang)
        tgt_lang = _base_language(segment.tgt_lang)
        source = end_punctuation(segment.source, question_semicolon=src_lang == "el")
        target = end_punctuation(segment.target, question_semicolon=tgt_lang == "el")
        src_classes, tgt_classes = source.classes, target.classes
        if src_lang in NO_FULL_STOP or tgt_lang in NO_FULL_STOP:
            src_classes = src_classes - {"."}
            tgt_classes = tgt_classes - {"."}
        if src_classes == tgt_classes:
            return
        local = _LOCAL_MARKS.get(tgt_lang, {})
        suggestion = "".join(
            local.get(c, _PLAIN_MARKS[c]) for c in sorted(src_classes, key=_CLASS_ORDER.index)
        )
        yield self.finding(
            segment,
            f"end punctuation differs: source ends with {_describe_marks(src_classes)}, "
            f"target with {_describe_marks(tgt_classes)}",
            source_span=source.span,
            target_span=target.span,
            suggestion=suggestion,
        )


def _missing(
    source_items: Iterable[Token], target_items: Iterable[Token], key: Callable[[str], str]
) -> list[Token]:
    """Source items the target lacks, counting repeats (two in the source need two)."""
    available = Counter(key(t.text) for t in target_items)
    lost: list[Token] = []
    for token in source_items:
        k = key(token.text)
        if available[k] > 0:
            available[k] -= 1
        else:
            lost.append(token)
    return lost


def _url_key(url: str) -> str:
    """What must survive of a URL: host (any case) and path; not the scheme, not a final
    ``/`` (``www.efe.com`` = ``https://WWW.efe.com/``)."""
    _, sep, rest = url.partition("://")
    if not sep:
        rest = url
    host, slash, path = rest.partition("/")
    return f"{host.lower()}{slash}{path}".rstrip("/")


class Urls(Check):
    """A URL or e-mail address of the source is missing from the target.

    Finds ``http(s)://``, ``ftp://`` and ``www.`` addresses and e-mail addresses of the
    source that the target does not contain, counting repeats. The host compares
    case-insensitively, and the scheme and a trailing ``/`` do not matter (``www.efe.com`` =
    ``https://www.efe.com/``); the path must be exact, since a changed path is a broken
    link. Bare domains (``efe.com``) are not taken for URLs.

    Bad: ``See https://efe.com/a.`` → ``Véase https://efe.com.``
    Good: ``See https://efe.com/a.`` → ``Véase https://EFE.com/a/.``

    Options: none.
    """

    code = "TQA109"
    name = "format.urls"
    category = Category.ACCURACY
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment):
            return
        source, target = segment.source, segment.target
        if not protected_spans(source):
            return
        for token in _missing(find_urls(source), find_urls(target), _url_key):
            yield self.finding(
                segment,
                f"URL {token.text} is missing from the target",
                source_span=token.span,
            )
        for token in _missing(find_emails(source), find_emails(target), str.casefold):
            yield self.finding(
                segment,
                f"e-mail address {token.text} is missing from the target",
                source_span=token.span,
            )


class Social(Check):
    """An @handle or #hashtag of the source is missing from the target.

    Finds ``@handles`` and ``#hashtags`` of the source that the target lacks (compared
    case-insensitively, counting repeats). Handles name accounts and must survive exactly;
    a translated hashtag no longer joins the conversation it was written for. ``#1`` is not
    a hashtag, nor is a URL fragment or the ``@`` of an e-mail address.

    Bad: ``Follow @EFEnoticias #Siria`` → ``Sigue a EFE #Syria``
    Good: ``Follow @EFEnoticias #Siria`` → ``Sigue a @efenoticias #Siria``

    Options: none.
    """

    code = "TQA110"
    name = "format.social"
    category = Category.ACCURACY
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment):
            return
        source, target = segment.source, segment.target
        if not protected_spans(source):
            return
        for token in _missing(find_handles(source), find_handles(target), str.casefold):
            yield self.finding(
                segment,
                f"handle {token.text} is missing from the target",
                source_span=token.span,
            )
        for token in _missing(find_hashtags(source), find_hashtags(target), str.casefold):
            yield self.finding(
                segment,
                f"hashtag {token.text} is missing from the target",
                source_span=token.span,
            )


LENGTH_FACTORS: Mapping[str, float] = {
    "en": 1.0,
    "es": 1.2,
    "fr": 1.2,
    "it": 1.15,
    "pt": 1.15,
    "ca": 1.15,
    "gl": 1.15,
    "ro": 1.15,
    "de": 1.2,
    "nl": 1.15,
    "sv": 1.05,
    "da": 1.05,
    "no": 1.05,
    "fi": 1.05,
    "et": 1.0,
    "ru": 1.1,
    "uk": 1.1,
    "bg": 1.1,
    "pl": 1.1,
    "cs": 1.0,
    "sk": 1.0,
    "sl": 1.0,
    "hr": 1.0,
    "sr": 1.0,
    "hu": 1.1,
    "el": 1.15,
    "tr": 1.05,
    "ar": 0.9,
    "fa": 0.95,
    "ur": 1.0,
    "he": 0.8,
    "hi": 1.05,
    "bn": 1.0,
    "th": 0.95,
    "vi": 1.15,
    "id": 1.15,
    "ms": 1.15,
    "tl": 1.25,
    "sw": 1.1,
    "zh": 0.3,
    "ja": 0.4,
    "ko": 0.45,
}
"""Rough length of a text in each language, in characters, relative to the same text in
English. Han, kana and Hangul pack a syllable or a word into one character, hence the low
figures for Chinese, Japanese and Korean. Unlisted languages count as 1.0."""


def _length(text: str) -> int:
    if text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return len(text)  # the only whitespace is single inner spaces: nothing to collapse
    return len(" ".join(text.split()))


class LengthRatio(Check):
    """Target length is out of proportion with the source length.

    Finds targets much shorter or longer than the source, in characters: a sign of an
    omitted clause, a truncated segment or text pasted twice. The expected ratio depends on
    the language pair (Chinese is about a third of the length of English, Spanish about a
    fifth longer: see ``LENGTH_FACTORS``); the accepted band is the expected ratio divided
    and multiplied by ``tolerance``. Short sources (under ``min_length`` characters) vary too
    much to judge and are skipped; whitespace runs count as one character.

    Bad (en→es): ``The rebels seized the city of Aleppo on Wednesday.`` → ``Alepo.``
    Good (en→zh): ``Rebels seized Aleppo on Wednesday.`` → ``叛军周三占领了阿勒颇。``

    Options: ``min_ratio``, ``max_ratio`` (fixed band; default ``null``: from the language
    pair), ``tolerance`` (2.5), ``min_length`` (20 source characters).
    """

    code = "TQA111"
    name = "format.length-ratio"
    category = Category.ACCURACY
    severity = Severity.MINOR
    options: ClassVar[dict[str, Any]] = {
        "min_ratio": None,
        "max_ratio": None,
        "tolerance": 2.5,
        "min_length": 20,
    }

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        for key in ("min_ratio", "max_ratio", "tolerance", "min_length"):
            value = self.opts[key]
            if value is None and key in ("min_ratio", "max_ratio"):
                continue
            if isinstance(value, bool) or not isinstance(value, int | float) or value <= 0:
                raise ConfigError(f"{self.code} option '{key}' must be a positive number")
        if float(self.opts["tolerance"]) < 1:
            raise ConfigError(f"{self.code} option 'tolerance' must be at least 1")
        self._bands: dict[tuple[str, str], tuple[float, float]] = {}

    def band(self, src_lang: str, tgt_lang: str) -> tuple[float, float]:
        """The accepted ``(min, max)`` target/source ratio for a language pair."""
        pair = (src_lang, tgt_lang)
        if pair not in self._bands:
            self._bands[pair] = self._band(src_lang, tgt_lang)
        return self._bands[pair]

    def _band(self, src_lang: str, tgt_lang: str) -> tuple[float, float]:
        expected = LENGTH_FACTORS.get(base_language(tgt_lang), 1.0) / LENGTH_FACTORS.get(
            base_language(src_lang), 1.0
        )
        tolerance = float(self.opts["tolerance"])
        low = self.opts["min_ratio"]
        high = self.opts["max_ratio"]
        return (
            float(low) if low is not None else expected / tolerance,
            float(high) if high is not None else expected * tolerance,
        )

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not _both_present(segment):
            return
        src_len = _length(segment.source)
        if src_len < int(self.opts["min_length"]):
            return
        ratio = _length(segment.target) / src_len
        low, high = self.band(segment.src_lang, segment.tgt_lang)
        if low <= ratio <= high:
            return
        what = "short" if ratio < low else "long"
        yield self.finding(
            segment,
            f"target is too {what}: {ratio:.2f} times the source length "
            f"(expected {low:.2f}–{high:.2f} for {segment.src_lang}→{segment.tgt_lang})",
            target_span=content_span(segment.target),
        )


def _parse_codepoint(value: str) -> str:
    text = value.strip()
    if len(text) == 1:
        return text
    if text.upper().startswith("U+"):
        try:
            return chr(int(text[2:], 16))
        except ValueError:
            pass
    raise ConfigError(f"TQA112 option 'allow': {value!r} is not a character or U+XXXX")


class Invisible(Check):
    """Invisible control characters in the target that the source does not have.

    Finds bidi controls (U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C), zero-width
    characters (U+200B–U+200D, U+2060, U+FEFF inside the text) and soft hyphens (U+00AD),
    each reported with its code point and name. They slip in from editors and web pages,
    reorder or hide text, break search and hyphenation, and cannot be seen in review. Not
    flagged: characters the source has too, a ZWNJ/ZWJ between letters of a script that
    spells with it (Persian ``می‌خواهم``, Indic scripts), a ZWJ inside an emoji sequence, a
    byte-order mark at the very start, and code points listed in ``allow``.

    Bad (en→ar): ``Aleppo`` → ``حلب`` followed by U+200F and U+200B
    Good (en→fa): ``I want`` → ``می‌خواهم``

    Options: ``allow`` (list of characters or ``U+XXXX`` to accept, e.g. ``["U+200F"]`` for
    right-to-left marks in RTL targets; default none).
    """

    code = "TQA112"
    name = "format.invisible"
    category = Category.LINGUISTIC
    severity = Severity.MAJOR
    options: ClassVar[dict[str, Any]] = {"allow": ()}

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        allow = self.opts["allow"]
        if isinstance(allow, str) or not all(isinstance(v, str) for v in allow):
            raise ConfigError(f"{self.code} option 'allow' must be a list of strings")
        self.allow = frozenset(_parse_codepoint(v) for v in allow)

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not segment.target:
            return
        found = invisible_chars(segment.target)
        if not found:
            return
        in_source = {c for c in segment.source if c in INVISIBLE}
        for index in found:
            char = segment.target[index]
            if char in in_source or char in self.allow:
                continue
            yield self.finding(
                segment,
                f"invisible character {codepoint_label(char)} in the target",
                target_span=(index, index + 1),
                suggestion="",
            )


CHECKS: list[type[Check]] = [
    EmptyTarget,
    SameAsSource,
    Whitespace,
    DoubleSpace,
    RepeatedWord,
    Brackets,
    Quotes,
    FinalPunctuation,
    Urls,
    Social,
    LengthRatio,
    Invisible,
]
