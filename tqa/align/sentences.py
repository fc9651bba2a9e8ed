"""Sentence splitting per language.

pysbd (rule-based, maintained, 20+ languages) does the splitting where it knows the language;
other languages get a small rule-based fallback (a sentence ends at ``. ! ? …`` plus closing
quotes or brackets, followed by white space and an upper-case letter, a digit or an opening
quote; CJK full stops end a sentence without a space).

Both are followed by the same repairs, because news text trips every splitter:

- a piece that starts with a lower-case letter continues the previous sentence
  (``EE.UU. respondió``, ``3 p.m. on Nov. 27``);
- a piece after a title abbreviation (``Sr.``, ``Dr.``, ``Gen.``, ``Mme.``) continues it;
- a piece without a letter or digit (a stray closing quote) continues it.

Sentences are returned as ``(start, end)`` spans into the paragraph, trimmed of white space,
so that the text of a sentence is always a slice of the original paragraph.
"""

from __future__ import annotations

import functools
import re
import unicodedata
from typing import Any

Span = tuple[int, int]

PYSBD_LANGUAGES = frozenset(
    "en hi mr zh es am ar hy bg ur ru pl fa nl da fr my el it ja de kk sk".split()
)

_TITLES: dict[str, frozenset[str]] = {
    "en": frozenset(
        "mr mrs ms dr prof gen col lt sgt capt cmdr adm maj rep sen gov pres st rev hon jr sr "
        "messrs mt ft no vol fig".split()
    ),
    "es": frozenset(
        "sr sra srta sres dr dra lic ing gral gen cnel col tte cap sto sta pdte excmo excma "
        "mons arq prof profa dña dn ud uds vd vds núm art".split()
    ),
    "fr": frozenset("m mm mme mmes mlle mlles dr pr me mgr gén col st ste".split()),
    "de": frozenset("hr hrn fr dr prof gen nr st bzw vgl".split()),
    "it": frozenset("sig sigg sig.ra dott dr prof gen on avv ing".split()),
    "pt": frozenset("sr sra srs dr dra prof gen cel eng".split()),
    "ru": frozenset("г гг ул им тов проф".split()),
}
_COMMON_TITLES = frozenset("dr prof gen st".split())

_FALLBACK_BREAK = re.compile(
    r"(?<=[.!?…])[\"'”’»)\]]*\s+(?=[\"'“‘«(¿¡]?[^\W\d_]|[\"'“‘«(¿¡]?\d)"
    r"|(?<=[。！？])[」』”）)]*\s*"
)
_LAST_WORD = re.compile(r"(\w[\w.]*)\.\s*$")


def _base(lang: str) -> str:
    return lang.replace("_", "-").split("-")[0].lower()


@functools.lru_cache(maxsize=32)
def _segmenter(lang: str) -> Any:
    import pysbd

    return pysbd.Segmenter(language=lang, clean=False)


def _pieces_pysbd(text: str, lang: str) -> list[Span]:
    pieces: list[str] = _segmenter(lang).segment(text)
    spans: list[Span] = []
    cursor = 0
    for piece in pieces:
        core = piece.strip()
        if not core:
            continue
        start = text.find(core, cursor)
        if start < 0:  # pysbd changed the text: give up on exact spans for this paragraph
            return _pieces_fallback(text)
        spans.append((start, start + len(core)))
        cursor = start + len(core)
    return spans


def _pieces_fallback(text: str) -> list[Span]:
    spans: list[Span] = []
    start = 0
    for match in _FALLBACK_BREAK.finditer(text):
        end = match.start()
        if end > start:
            spans.append((start, end))
        start = match.end()
    if start < len(text):
        spans.append((start, len(text)))
    return [_trim(text, s) for s in spans if text[s[0] : s[1]].strip()]


def _trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)


def _first_letter(piece: str) -> str | None:
    for char in piece:
        if char.isalpha():
            return char
        if char.isdigit():
            return None
    return None


def _continues(previous: str, piece: str, lang: str) -> bool:
    """Whether ``piece`` is not a sentence of its own but the rest of ``previous``."""
    if not any(c.isalnum() for c in piece):
        return True
    letter = _first_letter(piece.lstrip("\"'“‘«(¿¡-—–"))
    if letter is not None and letter.islower() and letter.upper() != letter:
        return True
    match = _LAST_WORD.search(previous)
    if match:
        word = unicodedata.normalize("NFC", match.group(1)).lower()
        titles = _TITLES.get(lang, _COMMON_TITLES)
        if word in titles or word.split(".")[-1] in titles:
            return True
        if len(word) == 1 and match.group(1).isupper():  # an initial: "George W. Bush"
            return True
    return False


def split_sentences(text: str, lang: str) -> list[Span]:
    """The sentences of one paragraph as trimmed ``(start, end)`` spans, in order."""
    if not text.strip():
        return []
    base = _base(lang)
    raw = _pieces_pysbd(text, base) if base in PYSBD_LANGUAGES else _pieces_fallback(text)
    merged: list[Span] = []
    for span in raw:
        if merged and _continues(
            text[merged[-1][0] : merged[-1][1]], text[span[0] : span[1]], base
        ):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    if not merged:
        return [_trim(text, (0, len(text)))]
    return merged


def sentences(text: str, lang: str) -> list[str]:
    """The sentence texts of one paragraph."""
    return [text[a:b] for a, b in split_sentences(text, lang)]
