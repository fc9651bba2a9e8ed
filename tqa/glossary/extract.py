"""Extracting bilingual term candidates from aligned segments.

The method, in four steps (all statistics are over the segment pairs given):

1. **Source candidates.** Each segment is split into word units (tokens of
   :func:`tqa.glossary.normalize.tokenize`, with hyphen-linked parts kept together:
   ``al-Sham``, ``coche-bomba``); punctuation between two words is a boundary no candidate
   crosses. Three kinds are collected:

   - *acronyms*: one unit of two to eight capitals (``OSDH``, ``ONU``);
   - *names*: runs of capitalised units, with the language's inner particles (``de``, ``del``,
     ``for``, ``al-``) allowed inside: ``Observatorio Sirio de Derechos Humanos``. A
     sentence-initial word starts a name only if the corpus writes it capitalised elsewhere too;
     one-word names need the same;
   - *phrases*: lower-case n-grams of two to five units that neither begin nor end with a
     stopword (:mod:`tqa.glossary.stopwords`), ranked by C-value (Frantzi et al. 2000):
     ``log2(n) * (f(a) - mean f(longer candidates containing a))``.

2. **Acronym–expansion pairs** on either side: ``Expansion (ACR)`` and ``ACR (Expansion)``,
   where the capitals of the acronym follow the initials of the expansion's words in order
   (particles may give a letter or not). A source pair and a target pair found in the same
   segment pair support each other.

3. **Target equivalents.** For a source candidate seen in segment set S, every target n-gram
   t (one to six units, no stopword at the edges) seen in segment set T is scored by the Dice
   coefficient ``2|S ∩ T| / (|S| + |T|)``, plus string similarity after transliteration
   (``anyascii``; names, acronyms and cognates), agreement of digits, agreement of shape (a
   name is rendered by a capitalised n-gram, an acronym by an acronym where there is one) and
   a small penalty per content word of length difference.

4. **Confidence** is the association of the best target times a reliability factor for the
   frequency (``f / (f + 1)``) and a prior per kind (acronym with expansion, name, acronym,
   phrase weighted by its C-value). With an existing glossary each candidate is also *new*,
   *in-glossary* or a *conflict*: the glossary has the source term, and the corpus renders it
   with a target term the glossary deprecates, forbids or does not list. Every glossary
   concept found in a source segment whose target uses a deprecated or forbidden term of that
   concept is reported as a conflict too, even when seen once.

Words are compared case-folded and typography-normalised, not stemmed: grouping inflected
forms by Snowball stems lowered precision on the benchmark (``ataque``/``ataques`` stay two
candidates). Limits: capitalisation is the name signal, so German source text (every noun
capitalised) yields names and few phrases; single lower-case words (``tregua``) are not
extracted, except as glossary conflicts; scripts without case give no names.
"""

from __future__ import annotations

import csv
import difflib
import functools
import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal, TextIO

from tqa.core.model import Segment
from tqa.glossary.matcher import Matcher, TermMatch
from tqa.glossary.model import Concept, Glossary, Term, TermStatus, TermType, primary_lang
from tqa.glossary.normalize import normalize_text, tokenize
from tqa.glossary.stopwords import particles, stopwords

Kind = Literal["acronym", "name", "phrase"]
Status = Literal["new", "in-glossary", "conflict"]

_SENTENCE_END = re.compile(r"[.!?:;«»\"“”]")
_ACRONYM = re.compile(r"^[A-ZÀ-ÞΑ-ΩА-Я][A-ZÀ-ÞΑ-ΩА-Я0-9]{1,7}$")
_DIGITS = re.compile(r"\d+")
_CLITIC_TAILS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})

MAX_SOURCE_LEN = 7
MAX_PHRASE_LEN = 5
MAX_TARGET_LEN = 7
_FULLY_SCORED = 40


@dataclass(frozen=True)
class ExtractOptions:
    """Settings of an extraction run."""

    min_freq: int = 2
    """Candidates seen fewer times than this (in distinct segments) are dropped."""
    max_candidates: int | None = None
    """Keep only this many candidates (the most confident); ``None``: all."""
    min_association: float = 0.1
    """A candidate whose best target scores lower than this is dropped."""
    examples: int = 3


@dataclass(frozen=True)
class Example:
    """A segment pair where a candidate occurs."""

    segment_id: str
    source: str
    target: str


@dataclass(frozen=True)
class Candidate:
    """One extracted bilingual term pair."""

    source: str
    targets: tuple[str, ...]
    """The best target first, then alternatives."""
    kind: Kind
    frequency: int
    """Distinct segments whose source contains the term."""
    association: float
    """Dice coefficient of source and best target over segment co-occurrence."""
    confidence: float
    examples: tuple[Example, ...] = ()
    status: Status = "new"
    concept_id: str | None = None
    """The glossary concept the source term belongs to, where one does."""
    note: str = ""

    @property
    def target(self) -> str:
        return self.targets[0] if self.targets else ""


# -- word units ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Unit:
    """A word of a segment; hyphen-linked parts (``al-Sham``) form one unit."""

    start: int
    end: int
    text: str
    key: str
    boundary: bool
    """Punctuation (or the segment start) separates it from the previous unit."""
    initial: bool
    """First word of a sentence."""

    capitalised: bool = False
    """A part starts with a capital (``al-Sham`` too)."""
    wordlike: bool = False
    """Holds a letter."""
    acronym: bool = False
    """Two to eight capitals (digits allowed after the first): ``OSDH``, ``M4``."""


def make_unit(start: int, end: int, text: str, boundary: bool, initial: bool) -> Unit:
    """A unit with its shape worked out once."""
    return Unit(
        start,
        end,
        text,
        normalize_text(text).casefold(),
        boundary,
        initial,
        capitalised=any(part[:1].isupper() for part in text.split("-")),
        wordlike=any(c.isalpha() for c in text),
        acronym=bool(_ACRONYM.match(text)) and sum(c.isalpha() for c in text) >= 2,
    )


def units_of(text: str) -> list[Unit]:
    """The word units of a text, with boundaries at punctuation and sentence starts.

    An English possessive (``People's``) stays part of its word when a capitalised word
    follows (``People's Protection Units``); otherwise it ends the word and a boundary follows.
    """
    spans: list[list[int]] = []  # [start, end, boundary, initial, possessive end]
    previous_end = 0
    for index, token in enumerate(tokenize(text)):
        gap = text[previous_end : token.start]
        previous_end = token.end
        if token.link == "'" and token.norm.casefold() in _CLITIC_TAILS and spans:
            spans[-1][4] = token.end
            continue
        joins = token.link == "-" or (
            token.link == "'" and bool(spans) and spans[-1][1] - spans[-1][0] > 2
        )
        if joins and spans and not spans[-1][4]:
            spans[-1][1] = token.end
            continue
        boundary = index == 0 or bool(token.gap)
        initial = index == 0 or bool(_SENTENCE_END.search(gap))
        if spans and spans[-1][4]:
            if not boundary and token.norm[:1].isupper():
                spans[-1][1] = spans[-1][4]
            else:
                boundary = True
        spans.append([token.start, token.end, int(boundary), int(initial), 0])
    units: list[Unit] = []
    for start, end, cut, first, _ in spans:
        raw = text[start:end]
        units.append(make_unit(start, end, raw, bool(cut), bool(first)))
    return units


# -- acronym and expansion -----------------------------------------------------------------


def _initials(unit: Unit) -> set[str]:
    letters = {unit.text[:1].upper()}
    for part in unit.text.split("-")[1:]:
        if part[:1].isupper():
            letters.add(part[:1])
    return letters


def expands(acronym: str, words: Sequence[Unit], inner: frozenset[str]) -> bool:
    """Whether the capitals of ``acronym`` follow the initials of ``words`` in order.

    Every content word gives its initial; a particle (``de``, ``for``) may give one or not.
    """
    letters = [c.upper() for c in acronym if c.isalpha()]
    if not words or not letters:
        return False

    def walk(i: int, j: int) -> bool:
        if j == len(words):
            return i == len(letters)
        word = words[j]
        optional = word.key in inner
        if i < len(letters) and letters[i] in _initials(word) and walk(i + 1, j + 1):
            return True
        return optional and walk(i, j + 1)

    return walk(0, 0)


def find_expansions(text: str, units: Sequence[Unit], lang: str) -> list[tuple[str, str, int, int]]:
    """``(acronym, expansion, start, end)`` for ``Expansion (ACR)`` and ``ACR (Expansion)``."""
    inner = particles(lang) | stopwords(lang)
    found: list[tuple[str, str, int, int]] = []
    for index, unit in enumerate(units):
        if not unit.acronym:
            continue
        before = text[: unit.start].rstrip()
        after = text[unit.end :].lstrip()
        if before.endswith("(") and after.startswith(")"):
            # Expansion (ACR): the expansion ends right before the parenthesis
            end = index  # units[index - 1] is the last word of the expansion
            for start in range(end - 1, max(-1, end - 12), -1):
                words = units[start:end]
                if units[start].key in inner or not units[start].capitalised:
                    if units[start].boundary and start != end - 1:
                        break
                    continue
                if expands(unit.text, words, inner):
                    span_start, span_end = words[0].start, words[-1].end
                    found.append((unit.text, text[span_start:span_end], span_start, span_end))
                    break
                if units[start].boundary:
                    break
        elif after.startswith("("):
            # ACR (Expansion)
            close = text.find(")", unit.end)
            if close < 0:
                continue
            inside = [u for u in units[index + 1 :] if u.end <= close]
            while inside and inside[-1].key in inner:
                inside.pop()
            if inside and expands(unit.text, inside, inner):
                span_start, span_end = inside[0].start, inside[-1].end
                found.append((unit.text, text[span_start:span_end], span_start, span_end))
    return found


# -- corpus statistics ---------------------------------------------------------------------


@dataclass
class _Side:
    """Units and n-grams of one side of the corpus."""

    lang: str
    texts: list[str] = field(default_factory=list)
    units: list[list[Unit]] = field(default_factory=list)
    capital: Counter[str] = field(default_factory=Counter)
    """Key -> times written capitalised, not sentence-initially."""
    lower: Counter[str] = field(default_factory=Counter)
    """Key -> times written in lower case."""

    def add(self, text: str) -> list[Unit]:
        units = units_of(text)
        self.texts.append(text)
        self.units.append(units)
        for unit in units:
            if not unit.capitalised:
                self.lower[unit.key] += 1
            elif not unit.initial:
                self.capital[unit.key] += 1
        return units

    def name_like(self, unit: Unit, *, following: Unit | None = None) -> bool:
        """Capitalised as a name, not only because it starts a sentence.

        A sentence-initial word counts when the corpus writes it capitalised more often than
        not elsewhere, or when it is never written in lower case and ``following`` (the next
        word) is a name word inside the sentence: ``Human Rights Watch``, ``Hayat Tahrir al Sham``.
        """
        if not unit.capitalised:
            return False
        if unit.acronym or not unit.initial:
            return True  # inside a sentence even "Sin", "Al" are name words
        if unit.key in stopwords(self.lang):
            return False
        if self.capital[unit.key] > self.lower[unit.key]:
            return True
        return (
            self.lower[unit.key] == 0
            and following is not None
            and not following.boundary
            and following.capitalised
            and not following.initial
        )


def _content(unit: Unit, stop: frozenset[str]) -> bool:
    """A word that may begin or end a term: no stopword; letters, or a number (``2254``)."""
    if unit.key in stop:
        return False
    if unit.key.isdigit():
        return True
    return unit.wordlike and len(unit.key) > 1


def _phrase_key(units: Sequence[Unit]) -> str:
    return " ".join(u.key for u in units)


@dataclass
class _Occurrences:
    kind: Kind
    segments: set[int] = field(default_factory=set)
    count: int = 0
    surfaces: Counter[str] = field(default_factory=Counter)
    length: int = 0
    content: int = 0


def _source_candidates(side: _Side) -> dict[str, _Occurrences]:
    stop = stopwords(side.lang)
    inner = particles(side.lang)
    edge = stop | inner
    found: dict[str, _Occurrences] = {}

    def add(units: Sequence[Unit], index: int, text: str, kind: Kind) -> None:
        key = _phrase_key(units)
        entry = found.get(key)
        if entry is None:
            entry = found[key] = _Occurrences(kind)
            entry.length = len(units)
            entry.content = sum(1 for u in units if _content(u, edge))
        entry.segments.add(index)
        entry.count += 1
        entry.surfaces[text] += 1

    for index, units in enumerate(side.units):
        text_of = side.texts[index]
        position = 0
        while position < len(units):
            unit = units[position]
            after = units[position + 1] if position + 1 < len(units) else None
            if not side.name_like(unit, following=after):
                position += 1
                continue
            run = [unit]
            nxt = position + 1
            while nxt < len(units) and not units[nxt].boundary:
                candidate = units[nxt]
                if (candidate.capitalised and not candidate.initial) or candidate.key in inner:
                    run.append(candidate)
                    nxt += 1
                else:
                    break
            while run and (run[-1].key in inner or run[-1].key in stop):
                run.pop()
            if len(run) > MAX_SOURCE_LEN:
                run = []
            if len(run) > 1:
                for part in run:
                    if part.acronym:
                        add([part], index, part.text, "acronym")
            if run:
                text = text_of[run[0].start : run[-1].end]
                if len(run) == 1:
                    kind: Kind = "acronym" if run[0].acronym else "name"
                    add(run, index, text, kind)
                else:
                    add(run, index, text, "name")
            position = max(nxt, position + 1)
        # lower-case phrases
        for start in range(len(units)):
            first = units[start]
            if (
                not _content(first, edge)
                or first.key.isdigit()
                or (first.capitalised and not (first.initial and not side.name_like(first)))
            ):
                continue
            for end in range(start + 2, min(len(units), start + MAX_PHRASE_LEN) + 1):
                last = units[end - 1]
                if last.boundary and end - 1 > start:
                    break
                if last.capitalised:
                    break
                if last.key in stop and last.key not in inner:
                    break
                if not _content(last, edge):
                    continue
                run_units = units[start:end]
                if any(u.key in stop and u.key not in inner for u in run_units):
                    break
                add(run_units, index, text_of[first.start : last.end], "phrase")
    return found


def c_values(phrases: dict[str, _Occurrences], min_freq: int = 2) -> dict[str, float]:
    """C-value of each phrase: ``log2(n) * (f - mean frequency of longer phrases holding it)``.

    Only phrases seen at least ``min_freq`` times count as the longer candidates.
    """
    nested: dict[str, list[int]] = defaultdict(list)
    keys = sorted(phrases, key=lambda k: -phrases[k].length)
    for key in keys:
        if phrases[key].count < min_freq:
            continue
        words = key.split(" ")
        for size in range(2, len(words)):
            for i in range(len(words) - size + 1):
                part = " ".join(words[i : i + size])
                if part in phrases:
                    nested[part].append(phrases[key].count)
    values: dict[str, float] = {}
    for key, occ in phrases.items():
        outer = nested.get(key)
        freq = float(occ.count)
        if outer:
            freq -= sum(outer) / len(outer)
        values[key] = math.log2(max(occ.length, 2)) * freq
    return values


@dataclass
class _Target:
    segments: set[int] = field(default_factory=set)
    surfaces: Counter[str] = field(default_factory=Counter)
    capitalised: int = 0
    acronym: bool = False
    content: int = 0
    inner_capital: int = 0
    """Occurrences with a capitalised word after the first (a name): not a phrase's rendering."""


def _target_ngrams(side: _Side) -> tuple[dict[str, _Target], list[list[str]]]:
    stop = stopwords(side.lang)
    inner = particles(side.lang)
    edge = stop | inner
    table: dict[str, _Target] = {}
    per_segment: list[list[str]] = []
    for index, units in enumerate(side.units):
        text = side.texts[index]
        keys: list[str] = []
        for start in range(len(units)):
            first = units[start]
            if not _content(first, edge) and not first.acronym:
                continue
            for end in range(start + 1, min(len(units), start + MAX_TARGET_LEN) + 1):
                last = units[end - 1]
                if end - 1 > start and last.boundary:
                    break
                if not _content(last, edge) and not last.acronym:
                    continue
                run = units[start:end]
                key = _phrase_key(run)
                entry = table.get(key)
                if entry is None:
                    entry = table[key] = _Target()
                    entry.acronym = len(run) == 1 and run[0].acronym
                    entry.content = sum(1 for u in run if _content(u, edge))
                if index not in entry.segments:
                    entry.segments.add(index)
                    keys.append(key)
                entry.surfaces[text[first.start : last.end]] += 1
                if any(u.capitalised for u in run[1:]):
                    entry.inner_capital += 1
                second = run[1] if len(run) > 1 else None
                if side.name_like(first, following=second) and side.name_like(last):
                    entry.capitalised += 1
        per_segment.append(keys)
    return table, per_segment


@functools.lru_cache(maxsize=100_000)
def _translit(text: str) -> str:
    from anyascii import anyascii

    return " ".join(re.findall(r"[a-z0-9]+", anyascii(text).lower()))


def similarity(source: str, target: str) -> float:
    """String similarity after transliteration, also with the words sorted (cognates)."""
    a, b = _translit(source), _translit(target)
    if not a or not b:
        return 0.0
    direct = difflib.SequenceMatcher(None, a, b).ratio()
    words = difflib.SequenceMatcher(
        None, " ".join(sorted(a.split())), " ".join(sorted(b.split()))
    ).ratio()
    return max(direct, words)


# -- extraction ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Scored:
    key: str
    score: float
    dice: float
    together: int


class Extractor:
    """Extract term candidates from aligned segments of one language pair."""

    def __init__(
        self,
        src_lang: str,
        tgt_lang: str,
        *,
        glossary: Glossary | None = None,
        options: ExtractOptions | None = None,
    ) -> None:
        self.src_lang = primary_lang(src_lang)
        self.tgt_lang = primary_lang(tgt_lang)
        self.glossary = glossary
        self.options = options or ExtractOptions()

    def extract(self, segments: Iterable[Segment]) -> list[Candidate]:
        pairs = list(segments)
        return self._extract(pairs, _Side(self.src_lang), _Side(self.tgt_lang))

    def _extract(self, pairs: list[Segment], src: _Side, tgt: _Side) -> list[Candidate]:
        for pair in pairs:
            src.add(pair.source)
            tgt.add(pair.target)
        sources = _source_candidates(src)
        targets, per_segment = _target_ngrams(tgt)
        source_index, _ = _target_ngrams(src)
        links = self._expansion_links(pairs, src, tgt)
        phrases = {k: v for k, v in sources.items() if v.kind == "phrase"}
        cvalues = c_values(phrases, self.options.min_freq)
        top_c = max((v for v in cvalues.values() if v > 0), default=1.0)
        min_freq = self.options.min_freq
        results: list[Candidate] = []
        for key, occ in sources.items():
            freq = len(occ.segments)
            if freq < min_freq:
                continue
            if occ.kind == "phrase" and cvalues.get(key, 0.0) <= 0:
                continue
            surface = occ.surfaces.most_common(1)[0][0]
            # association counts every segment holding the words, in any case (as the target
            # side does): "armas químicas" also inside "... de las Armas Químicas"
            indexed = source_index.get(key)
            seen_in = occ.segments | indexed.segments if indexed is not None else occ.segments
            ranked = self._targets(surface, occ, seen_in, targets, per_segment, links.get(key, {}))
            if not ranked or ranked[0].score < self.options.min_association:
                continue
            best = ranked[0]
            if occ.kind == "phrase":
                prior = 0.7 + 0.25 * min(1.0, cvalues[key] / top_c)
            elif key in links:
                prior = 1.0
            elif occ.kind == "name":
                prior = 0.95 if occ.length > 1 else 0.9
            else:
                prior = 0.9
            reliability = freq / (freq + 1)
            confidence = min(1.0, best.score) * reliability * prior
            # alternatives: close runners-up only (another spelling, a plural)
            close = [r for r in ranked[1:3] if r.score >= 0.8 * best.score and r.together >= 2]
            names = [_surface(targets[r.key]) for r in (best, *close)]
            note = ""
            if key in links:
                note = "acronym/expansion pair in both languages"
            results.append(
                Candidate(
                    source=surface,
                    targets=tuple(dict.fromkeys(names)),
                    kind=occ.kind,
                    frequency=freq,
                    association=round(best.dice, 4),
                    confidence=round(confidence, 4),
                    examples=self._examples(pairs, occ.segments & targets[best.key].segments),
                    note=note,
                )
            )
        results = _drop_nested(results)
        if self.glossary is not None and len(self.glossary):
            results = self._against_glossary(results, pairs)
        results.sort(key=lambda c: (-c.confidence, -c.frequency, c.source.casefold()))
        if self.options.max_candidates is not None:
            results = results[: self.options.max_candidates]
        return results

    # -- target choice ---------------------------------------------------------------------

    def _targets(
        self,
        surface: str,
        occ: _Occurrences,
        seen_in: set[int],
        targets: dict[str, _Target],
        per_segment: list[list[str]],
        linked: dict[str, int],
    ) -> list[_Scored]:
        together: Counter[str] = Counter()
        for index in seen_in:
            for tkey in per_segment[index]:
                together[tkey] += 1
        if not together:
            return []
        size = len(seen_in)
        digits = sorted(_DIGITS.findall(surface))
        has_acronym = occ.kind == "acronym" and any(
            targets[k].acronym and n >= max(2, size // 2) for k, n in together.items()
        )
        eligible: list[tuple[float, int, str, int]] = []
        for tkey, count in together.items():
            if count < 2 and size >= 2:
                continue
            entry = targets[tkey]
            dice = 2 * count / (size + len(entry.segments))
            name_shape = entry.capitalised * 2 >= len(entry.segments)
            if occ.kind == "acronym":
                if has_acronym and not entry.acronym:
                    continue
                if not entry.acronym and not name_shape:
                    continue
            elif occ.kind == "name":
                if not name_shape or entry.acronym:
                    continue
            elif name_shape or entry.acronym or entry.inner_capital * 2 > len(entry.segments):
                continue
            eligible.append((dice, abs(occ.content - entry.content), tkey, count))
        # string similarity is the costly part: score fully only the best associated n-grams
        eligible.sort(key=lambda e: (-e[0], e[1], e[2]))
        scored: list[_Scored] = []
        for dice, _, tkey, count in eligible[:_FULLY_SCORED]:
            entry = targets[tkey]
            tsurface = _surface(entry)
            score = dice
            sim = similarity(surface, tsurface)
            if occ.kind == "phrase":
                score += 0.1 * sim if sim >= 0.5 else 0.0
            elif sim >= 0.5:
                score += 0.25 * sim
            tdigits = sorted(_DIGITS.findall(tsurface))
            if digits or tdigits:
                score += 0.1 if digits == tdigits else -0.5
            score -= 0.06 * abs(occ.content - entry.content)
            if tkey in linked:
                score += 0.2
            scored.append(_Scored(tkey, score, dice, count))
        scored.sort(key=lambda s: (-s.score, -s.together, s.key))
        return _prefer_maximal(scored, targets)

    def _expansion_links(
        self, pairs: list[Segment], src: _Side, tgt: _Side
    ) -> dict[str, dict[str, int]]:
        """Source key -> target key -> segments where both sides pair acronym and expansion."""
        links: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
        for index, pair in enumerate(pairs):
            found_src = find_expansions(pair.source, src.units[index], self.src_lang)
            found_tgt = find_expansions(pair.target, tgt.units[index], self.tgt_lang)
            if not found_src or not found_tgt:
                continue
            for (s_acr, s_exp, _, _), (t_acr, t_exp, _, _) in zip(
                found_src, found_tgt, strict=False
            ):
                s_exp_key = _phrase_key(units_of(s_exp))
                t_exp_key = _phrase_key(units_of(t_exp))
                links[s_acr.casefold()][t_acr.casefold()] += 1
                links[s_exp_key][t_exp_key] += 1
        return {k: dict(v) for k, v in links.items()}

    @staticmethod
    def _examples(pairs: list[Segment], indices: Iterable[int]) -> tuple[Example, ...]:
        chosen = sorted(indices)[:3]
        return tuple(Example(pairs[i].id, pairs[i].source, pairs[i].target) for i in chosen)

    # -- glossary --------------------------------------------------------------------------

    def _against_glossary(self, results: list[Candidate], pairs: list[Segment]) -> list[Candidate]:
        assert self.glossary is not None
        matcher = Matcher(self.glossary)
        # one pass over the corpus: the concepts of each source, the term matches of each target
        sources: dict[str, list[int]] = defaultdict(list)
        surfaces: dict[str, Counter[str]] = defaultdict(Counter)
        renderings: list[list[TermMatch]] = []
        for index, pair in enumerate(pairs):
            for match in matcher.find(pair.source, self.src_lang):
                if not sources[match.concept_id] or sources[match.concept_id][-1] != index:
                    sources[match.concept_id].append(index)
                surfaces[match.concept_id][pair.source[match.start : match.end]] += 1
            renderings.append(matcher.find(pair.target, self.tgt_lang))
        out: list[Candidate] = []
        for cand in results:
            concept = _whole(matcher.find(cand.source, self.src_lang), cand.source)
            if concept is None:
                out.append(cand)
                continue
            seen = sources.get(concept, [])
            out.append(self._judge(cand, self.glossary[concept], matcher, seen, renderings))
        out.extend(self._deprecated_uses(out, pairs, sources, surfaces, renderings))
        return out

    def _judge(
        self,
        cand: Candidate,
        concept: Concept,
        matcher: Matcher,
        seen: list[int],
        renderings: list[list[TermMatch]],
    ) -> Candidate:
        approved = [t for t in concept.terms_in(self.tgt_lang) if t.status.approved]
        term = _term_for(concept, matcher, cand.target, self.tgt_lang)
        if term is not None and term.status.approved:
            return _replace(cand, status="in-glossary", concept_id=concept.id)
        # Does the corpus mostly use an approved term where the source term occurs?
        approved_seen = sum(
            1
            for index in seen
            if any(m.concept_id == concept.id and m.term.status.approved for m in renderings[index])
        )
        want = approved[0].text if approved else None
        if seen and approved_seen * 2 > len(seen) and want is not None:
            note = f"corpus mostly uses the glossary term {want!r}"
            if approved_seen < len(seen):
                note += f" ({len(seen) - approved_seen} of {len(seen)} segments do not)"
            return _replace(
                cand,
                targets=(want, *[t for t in cand.targets if t != want]),
                status="in-glossary",
                concept_id=concept.id,
                note=note,
            )
        if term is not None:
            note = f"glossary marks {cand.target!r} {term.status.value}"
        else:
            note = f"{cand.target!r} is not in the glossary"
        if want is not None:
            note += f"; it prefers {want!r}"
        return _replace(cand, status="conflict", concept_id=concept.id, note=note)

    def _deprecated_uses(
        self,
        judged: list[Candidate],
        pairs: list[Segment],
        sources: dict[str, list[int]],
        surfaces: dict[str, Counter[str]],
        renderings: list[list[TermMatch]],
    ) -> list[Candidate]:
        """Conflicts the extraction did not surface: a glossary concept in the source rendered
        by a term the glossary deprecates or forbids (even once)."""
        assert self.glossary is not None
        reported = {(c.concept_id, c.target.casefold()) for c in judged if c.concept_id}
        uses: dict[tuple[str, Term], list[int]] = defaultdict(list)
        for concept_id, indices in sources.items():
            for index in indices:
                for match in renderings[index]:
                    if match.concept_id == concept_id and not match.term.status.approved:
                        if index not in uses[(concept_id, match.term)]:
                            uses[(concept_id, match.term)].append(index)
        extra: list[Candidate] = []
        for (concept_id, term), indices in uses.items():
            if (concept_id, term.text.casefold()) in reported:
                continue
            concept = self.glossary[concept_id]
            preferred = concept.preferred(self.tgt_lang)
            share = len(indices) / len(sources[concept_id])
            note = f"glossary marks {term.text!r} {term.status.value}"
            if preferred is not None:
                note += f"; it prefers {preferred.text!r}"
            extra.append(
                Candidate(
                    source=surfaces[concept_id].most_common(1)[0][0],
                    targets=(term.text,),
                    kind=_kind_of(term),
                    frequency=len(indices),
                    association=round(share, 4),
                    confidence=round(share * len(indices) / (len(indices) + 1), 4),
                    examples=self._examples(pairs, indices),
                    status="conflict",
                    concept_id=concept_id,
                    note=note,
                )
            )
        return extra


def _kind_of(term: Term) -> Kind:
    if term.term_type == TermType.ACRONYM or make_unit(0, 0, term.text, False, False).acronym:
        return "acronym"
    return "name" if term.text[:1].isupper() else "phrase"


def _replace(cand: Candidate, **changes: object) -> Candidate:
    from dataclasses import replace

    return replace(cand, **changes)  # type: ignore[arg-type]


def _whole(matches: list[TermMatch], text: str, concept_id: str | None = None) -> str | None:
    """The concept of a match that covers all of ``text``."""
    stripped = len(text.rstrip())
    for match in matches:
        if match.start == 0 and match.end >= stripped:
            if concept_id is None or match.concept_id == concept_id:
                return match.concept_id
    return None


def _term_for(concept: Concept, matcher: Matcher, text: str, lang: str) -> Term | None:
    for match in matcher.find(text, lang):
        if match.concept_id == concept.id and match.start == 0 and match.end >= len(text):
            return match.term
    return None


def _prefer_maximal(scored: list[_Scored], targets: dict[str, _Target]) -> list[_Scored]:
    """Drop a target n-gram that never occurs outside a longer scored one.

    ``Bank`` seen only inside ``West Bank``, with the same segments and the same
    co-occurrence, is not a target of its own; the longer n-gram takes its place.
    """
    groups: dict[tuple[int, int], list[_Scored]] = defaultdict(list)
    for item in scored:
        groups[(item.together, len(targets[item.key].segments))].append(item)
    shadowed: set[str] = set()
    for item in scored[:20]:
        padded = f" {item.key} "
        for other in groups[(item.together, len(targets[item.key].segments))]:
            if other.key != item.key and padded in f" {other.key} ":
                shadowed.add(item.key)
                break
    if not shadowed:
        return scored
    best: dict[str, _Scored] = {}
    for item in scored[:20]:
        if item.key not in shadowed:
            continue
        padded = f" {item.key} "
        longest = max(
            (
                o
                for o in groups[(item.together, len(targets[item.key].segments))]
                if padded in f" {o.key} " and o.key not in shadowed
            ),
            key=lambda o: (len(o.key), -o.score),
            default=None,
        )
        if longest is not None:
            best[item.key] = _Scored(longest.key, item.score, longest.dice, longest.together)
    out: list[_Scored] = []
    seen: set[str] = set()
    for item in scored:
        chosen = best.get(item.key, item) if item.key in shadowed else item
        if item.key in shadowed and item.key not in best:
            continue
        if chosen.key not in seen:
            seen.add(chosen.key)
            out.append(chosen)
    return out


def _surface(entry: _Target) -> str:
    """The most frequent written form of a target n-gram."""
    return entry.surfaces.most_common(1)[0][0]


def _drop_nested(results: list[Candidate]) -> list[Candidate]:
    """Drop a candidate that only occurs inside a longer one with the same target."""
    keep: list[Candidate] = []
    for cand in results:
        folded = cand.source.casefold()
        shadowed = False
        for other in results:
            if other is cand or other.frequency < cand.frequency:
                continue
            if len(other.source) > len(cand.source) and folded in other.source.casefold():
                if other.target.casefold() == cand.target.casefold():
                    shadowed = True
                    break
        if not shadowed:
            keep.append(cand)
    return keep


def extract_terms(
    segments: Iterable[Segment],
    src_lang: str,
    tgt_lang: str,
    *,
    glossary: Glossary | None = None,
    options: ExtractOptions | None = None,
) -> list[Candidate]:
    """Candidates from aligned segments, most confident first."""
    return Extractor(src_lang, tgt_lang, glossary=glossary, options=options).extract(segments)


def candidates_glossary(candidates: Sequence[Candidate], src_lang: str, tgt_lang: str) -> Glossary:
    """Candidates as a glossary for TBX review: every term ``admitted``, notes carry the rest."""
    concepts: list[Concept] = []
    for number, cand in enumerate(candidates, 1):
        short = TermType.ACRONYM if cand.kind == "acronym" else None
        terms = [Term(cand.source, src_lang, TermStatus.ADMITTED, short)]
        terms.extend(Term(t, tgt_lang, TermStatus.ADMITTED, short) for t in cand.targets)
        note = (
            f"status: {cand.status}; confidence {cand.confidence:.2f}; "
            f"association {cand.association:.2f}; frequency {cand.frequency}; kind {cand.kind}"
        )
        if cand.note:
            note += f"; {cand.note}"
        if cand.examples:
            note += "; examples: " + ", ".join(e.segment_id for e in cand.examples)
        concept_id = cand.concept_id if cand.concept_id else f"c{number:04d}"
        concepts.append(
            Concept(
                id=concept_id,
                terms=tuple(_unique_terms(terms)),
                note=note,
            )
        )
    return Glossary.of(_unique_ids(concepts))


def _unique_terms(terms: list[Term]) -> list[Term]:
    seen: set[tuple[str, str]] = set()
    out: list[Term] = []
    for term in terms:
        key = (term.lang, term.text)
        if key not in seen:
            seen.add(key)
            out.append(term)
    return out


def _unique_ids(concepts: list[Concept]) -> list[Concept]:
    from dataclasses import replace

    seen: Counter[str] = Counter()
    out: list[Concept] = []
    for concept in concepts:
        seen[concept.id] += 1
        if seen[concept.id] > 1:
            concept = replace(concept, id=f"{concept.id}-{seen[concept.id]}")
        out.append(concept)
    return out


CSV_COLUMNS = (
    "source",
    "target",
    "alternatives",
    "kind",
    "frequency",
    "association",
    "confidence",
    "status",
    "concept_id",
    "note",
    "example_ids",
    "examples",
)


def write_candidates_csv(candidates: Sequence[Candidate], stream: TextIO) -> None:
    """Candidates as CSV for review in a spreadsheet (formula-like cells neutralised)."""
    from tqa.report.csvfmt import neutralise

    writer = csv.writer(stream, lineterminator="\n")
    writer.writerow(CSV_COLUMNS)
    for cand in candidates:
        row = [
            cand.source,
            cand.target,
            " | ".join(cand.targets[1:]),
            cand.kind,
            str(cand.frequency),
            f"{cand.association:.4f}",
            f"{cand.confidence:.4f}",
            cand.status,
            cand.concept_id or "",
            cand.note,
            " ".join(e.segment_id for e in cand.examples),
            " || ".join(f"[{e.segment_id}] {e.source} => {e.target}" for e in cand.examples),
        ]
        writer.writerow([neutralise(cell) for cell in row])
