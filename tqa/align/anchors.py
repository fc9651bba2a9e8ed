"""Anchors: what a sentence and its translation share whatever the language.

Each sentence becomes a multiset of typed anchor keys; the aligner rewards anchors that a
source and a target group share and (for the *hard* kinds) charges those left unmatched:

========  ==========================================================================  ======
kind      key                                                                         weight
========  ==========================================================================  ======
``num``   the value of every non-weak number, date, time or code                       3.0
          (``tqa.lang.numbers.extract``; ``4.000`` es = ``4,000`` en; plain digit
          runs when the numbers module cannot be imported)
``term``  the concept id of every glossary term found (``tqa.glossary.Matcher``)        2.0
``name``  acronyms (``EFE``, ``ONU``) and capitalised words not at the sentence          1.5
          start, folded without transliteration (lower case, accents and doubled
          letters dropped, ``y`` read as ``i``, ``ph`` as ``f``, ``th`` as ``t``:
          ``Alepo`` = ``Aleppo``, ``Siria`` = ``Syria``); words inside a number
          (``November 27``) or a glossary term are not names again
``punct`` a question mark, an exclamation mark, a pair of quotes, a pair of brackets    1.0
``stem``  the first four folded letters of every word of five letters or more           0.4
          (shared stems of cognates: ``ofensiva``/``offensive``, ``control``);
          rewarded when shared, never charged
========  ==========================================================================  ======
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

AnchorKey = tuple[str, object]

WEIGHTS: dict[str, float] = {"num": 3.0, "term": 2.0, "name": 1.5, "punct": 1.0, "stem": 0.4}
HARD_KINDS = frozenset({"num", "term", "name", "punct"})

_WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
_DIGITS = re.compile(r"\d+(?:[.,\u00a0\u202f ]\d+)*")
_OPEN_QUOTES = '“«„‘‹"「『'
_QUESTION = "?¿？؟"
_EXCLAIM = "!¡！"


def fold(word: str) -> str:
    """A word folded for matching across languages without transliteration."""
    text = unicodedata.normalize("NFKD", word.casefold())
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("ph", "f").replace("th", "t").replace("y", "i").replace("k", "c")
    text = re.sub(r"[-'’]", "", text)
    return re.sub(r"(.)\1+", r"\1", text)


@dataclass(frozen=True)
class Anchors:
    """The anchor multiset of one sentence, and its hard/total weights."""

    keys: Counter[AnchorKey]

    @property
    def weight(self) -> float:
        return sum(WEIGHTS[kind] * n for (kind, _), n in self.keys.items())

    @property
    def hard_weight(self) -> float:
        return sum(WEIGHTS[kind] * n for (kind, _), n in self.keys.items() if kind in HARD_KINDS)


def merge(items: Iterable[Anchors]) -> Counter[AnchorKey]:
    total: Counter[AnchorKey] = Counter()
    for item in items:
        total.update(item.keys)
    return total


def matched_weights(
    src: Mapping[AnchorKey, int], tgt: Mapping[AnchorKey, int]
) -> tuple[float, float]:
    """``(all, hard)``: the weight of the anchors two multisets share, in total and hard."""
    total = hard = 0.0
    for key in src.keys() & tgt.keys():
        weight = WEIGHTS[key[0]] * min(src[key], tgt[key])
        total += weight
        if key[0] in HARD_KINDS:
            hard += weight
    return total, hard


def hard_weight(keys: Mapping[AnchorKey, int]) -> float:
    return sum(WEIGHTS[kind] * n for (kind, _), n in keys.items() if kind in HARD_KINDS)


def compare(src: Mapping[AnchorKey, int], tgt: Mapping[AnchorKey, int]) -> tuple[float, float]:
    """``(matched, unmatched)`` weights: shared anchors, and hard anchors left alone."""
    matched, hard = matched_weights(src, tgt)
    return matched, hard_weight(src) + hard_weight(tgt) - 2 * hard


TermFinder = Callable[[str, str], list[tuple[str, int, int]]]
"""``(text, lang)`` -> ``(concept id, start, end)`` of every glossary term in the text."""


def _number_keys(text: str, lang: str) -> list[tuple[object, int, int]]:
    """Number values of ``text`` with their spans; digit runs when ``tqa.lang.numbers`` is
    not usable."""
    try:
        from tqa.lang.numbers import extract

        keys: list[tuple[object, int, int]] = []
        for mention in extract(text, lang):
            if getattr(mention, "weak", False):
                continue
            key = mention.key
            keys.append((key() if callable(key) else key, mention.start, mention.end))
        return keys
    except (ImportError, AttributeError, TypeError):  # the numbers API is still moving
        return [(re.sub(r"\D", "", m.group()), m.start(), m.end()) for m in _DIGITS.finditer(text)]


def sentence_anchors(
    text: str,
    lang: str,
    *,
    terms: TermFinder | None = None,
) -> Anchors:
    """The anchors of one sentence in language ``lang``."""
    keys: Counter[AnchorKey] = Counter()
    covered: list[tuple[int, int]] = []
    for value, start, end in _number_keys(text, lang):
        keys[("num", value)] += 1
        covered.append((start, end))
    if terms is not None:
        for concept, start, end in terms(text, lang):
            keys[("term", concept)] += 1
            covered.append((start, end))
    words = list(_WORD.finditer(text))
    for index, match in enumerate(words):
        word = match.group()
        letters = [c for c in word if c.isalpha()]
        if any(a <= match.start() < b for a, b in covered):
            pass  # a month name or a glossary term: already an anchor of its own
        elif len(letters) >= 2 and all(c.isupper() for c in letters):
            keys[("name", word.upper())] += 1
        elif index > 0 and word[0].isupper():
            keys[("name", fold(word))] += 1
        folded = fold(word)
        if len(folded) >= 5:
            keys[("stem", folded[:4])] += 1
    if any(c in _QUESTION for c in text):
        keys[("punct", "?")] += 1
    if any(c in _EXCLAIM for c in text):
        keys[("punct", "!")] += 1
    quotes = sum(text.count(c) for c in _OPEN_QUOTES if c != '"') + text.count('"') // 2
    for _ in range(quotes):
        keys[("punct", "quote")] += 1
    for _ in range(min(text.count("("), text.count(")"))):
        keys[("punct", "()")] += 1
    return Anchors(keys)


def glossary_terms(glossary_paths: Iterable[object]) -> TermFinder | None:
    """A term finder over the given glossaries, or ``None`` when there are none."""
    paths = list(glossary_paths)
    if not paths:
        return None
    from pathlib import Path

    from tqa.glossary import Matcher, load_glossaries

    matcher = Matcher(load_glossaries(Path(str(p)) for p in paths))

    def find(text: str, lang: str) -> list[tuple[str, int, int]]:
        return [(m.concept_id, m.start, m.end) for m in matcher.find(text, lang)]

    return find
