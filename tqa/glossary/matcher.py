"""Finding glossary terms in text: one pass per segment, whatever the glossary size.

Every term is tokenised like running text (see :mod:`tqa.glossary.normalize`) and inserted, as
a sequence of token keys (case-folded, stemmed for European languages), into a trie kept per
language. A segment is tokenised once; from each token the trie is walked forward while the
keys continue a term, so the cost depends on the text and on the longest term, not on the
number of terms. Hyphen- or apostrophe-linked words may also be read as one word, in the text
and in the term (``cease-fire`` ~ ``ceasefire``, ``Ba'ath`` ~ ``Baath``), and in Arabic the
first word may carry clitic prefixes.

Each candidate is then checked against how the term is written:

- level 3: the span is written exactly as the term (after Unicode/typography normalisation);
- level 2: the same up to case;
- level 1: an inflected form or a spelling variant (stems, hyphenation, clitics).

Exact-match terms need level 2 or more; case-sensitive terms must agree in case on the
letters the two forms share. A one-word capitalised name (``Siria``, ``Irán``) whose case is
not set explicitly does not match a word written with a lower-case initial: in Spanish,
French or Italian that is the adjective (``la guerra civil siria``, ``iraní``), not the name.

Overlaps are resolved deterministically: the longest span wins, then the higher level (so a
glossary's own distinction, ``cease-fire`` vs ``ceasefire``, is never erased by
normalisation), then fewer linked-word joins, then glossary order. Matches of several terms on
the very same span with the same quality are all kept (one per concept: the best status).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from tqa.glossary.model import Glossary, MatchMode, Term, primary_lang
from tqa.glossary.normalize import (
    Token,
    arabic_clitic_offsets,
    fold,
    stemmer_for,
    surface,
    tokenize,
)

_END = ""
"""The trie key under which a node lists the entries that end there (never a token key)."""

Node = dict[str, Any]

_KEY_CACHE_LIMIT = 200_000

_CLITIC_TAILS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})
"""English possessive and contraction endings: ``Assad's`` is not read as one word."""


def _joinable(token: Token) -> bool:
    return bool(token.link) and not (token.link == "'" and fold(token.norm) in _CLITIC_TAILS)


def _term_path(tokens: list[Token], key: Callable[[str], str], *, join: bool) -> list[str]:
    """The trie path of a term: word keys, with markers for punctuation between words.

    With ``join``, hyphen- and apostrophe-linked words are written together first.
    """
    path: list[str] = []
    word = ""
    for index, token in enumerate(tokens):
        if index and join and _joinable(token):
            word += token.norm
            continue
        if word:
            path.append(key(word))
        if index and token.gap:
            path.append(token.gap)  # "U.N.", "EE. UU.": the dots are part of the term
        word = token.norm
    path.append(key(word))
    return path


@dataclass(frozen=True)
class TermMatch:
    """A glossary term found in a text, with its exact character span."""

    concept_id: str
    term: Term
    start: int
    end: int
    level: int
    """3: written as in the glossary; 2: same up to case; 1: inflected or variant form."""

    @property
    def span(self) -> tuple[int, int]:
        return (self.start, self.end)


@dataclass(frozen=True)
class _Entry:
    index: int
    concept_id: str
    term: Term
    surface: str
    folded: str
    proper: bool
    """A one-word capitalised name without explicit case setting (``Siria``, ``Irán``)."""
    trailing: str
    """Punctuation that ends the term (the last dot of ``U.N.``)."""


@dataclass(frozen=True)
class _Candidate:
    start: int
    end: int
    entry: _Entry
    level: int
    joins: int

    def rank(self) -> tuple[int, int, int, int, int, int]:
        return (
            self.start - self.end,
            -self.level,
            self.joins,
            self.start,
            self.entry.term.status.rank,
            self.entry.index,
        )


def _case_agrees(text: str, term: str) -> bool:
    """Letters the two forms share (up to where an inflection diverges) have the same case."""
    left = [c for c in text if c.isalnum()]
    right = [c for c in term if c.isalnum()]
    for a, b in zip(left, right, strict=False):
        if a.lower() != b.lower():
            break
        if a != b:
            return False
    return True


class Matcher:
    """Finds the terms of a glossary in text of a given language."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._tries: dict[str, Node] = {}
        self._keys: dict[str, dict[str, str]] = {}
        self._term_keys: dict[Term, tuple[str, ...]] = {}
        self._entries: list[_Entry] = []
        self.depth = 0
        for concept in glossary:
            for term in concept.terms:
                self._add(concept.id, term)

    def _add(self, concept_id: str, term: Term) -> None:
        lang = primary_lang(term.lang)
        tokens = tokenize(term.text)
        if not tokens:
            return
        written = surface(term.text[tokens[0].start :])
        trailing = term.text[tokens[-1].end :]
        proper = (
            term.case_sensitive is None
            and len(tokens) == 1
            and written[:1].isupper()
            and not written.isupper()
        )
        entry = _Entry(
            len(self._entries), concept_id, term, written, written.casefold(), proper, trailing
        )
        self._entries.append(entry)
        key_of = self._key_function(lang)
        paths = [_term_path(tokens, key_of, join=False)]
        joined = _term_path(tokens, key_of, join=True)
        if joined != paths[0]:
            paths.append(joined)  # "Ba'ath" is also found as "Baath", "cease-fire" as "ceasefire"
        for path in paths:
            node = self._tries.setdefault(lang, {})
            for key in path:
                node = node.setdefault(key, {})
            node.setdefault(_END, []).append(entry)
        self.depth = max(self.depth, len(tokens))

    def _key_function(self, lang: str) -> Callable[[str], str]:
        """Token norm -> trie key (case-folded, stemmed), memoised per language."""
        stem = stemmer_for(lang)
        cache = self._keys.setdefault(lang, {})

        def key(norm: str) -> str:
            found = cache.get(norm)
            if found is None:
                if len(cache) > _KEY_CACHE_LIMIT:
                    cache.clear()
                found = cache[norm] = stem(fold(norm))
            return found

        return key

    def term_keys(self, term: Term) -> tuple[str, ...]:
        """The token keys of a term (case-folded, stemmed): equal keys, same word."""
        found = self._term_keys.get(term)
        if found is None:
            stem = stemmer_for(primary_lang(term.lang))
            found = tuple(stem(fold(token.norm)) for token in tokenize(term.text))
            self._term_keys[term] = found
        return found

    def is_shortening(self, short: Term, full: Term) -> bool:
        """``short`` is a run of the words of ``full`` (``al-Assad`` in ``Bashar al-Assad``)."""
        part, whole = self.term_keys(short), self.term_keys(full)
        if not part or len(part) >= len(whole):
            return False
        return any(whole[i : i + len(part)] == part for i in range(len(whole) - len(part) + 1))

    @property
    def languages(self) -> list[str]:
        return sorted(self._tries)

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str, lang: str, *, overlapping: bool = False) -> list[TermMatch]:
        """The terms of language ``lang`` in ``text``, in text order.

        By default overlaps are resolved (longest, most exact match wins); with
        ``overlapping=True`` every term occurrence is returned, also one inside a longer term
        (``Aleppo`` inside ``Aleppo province``).
        """
        code = primary_lang(lang)
        root = self._tries.get(code)
        if root is None or not text:
            return []
        tokens = tokenize(text)
        if not tokens:
            return []
        candidates = list(self._candidates(text, tokens, code, root))
        if overlapping:
            candidates.sort(key=lambda c: (c.start, c.end, c.entry.index))
            return [
                TermMatch(c.entry.concept_id, c.entry.term, c.start, c.end, c.level)
                for c in candidates
            ]
        return self._resolve(candidates)

    def _candidates(
        self, text: str, tokens: list[Token], lang: str, root: Node
    ) -> Iterator[_Candidate]:
        key_of = self._key_function(lang)
        count = len(tokens)
        keys = [key_of(t.norm) for t in tokens]
        steps: list[list[tuple[str, int, int]]] = []
        for position in range(count):
            options = [(keys[position], position + 1, 0)]
            joined = tokens[position].norm
            after = position + 1
            while after < count and _joinable(tokens[after]):
                joined += tokens[after].norm
                options.append((key_of(joined), after + 1, after - position))
                after += 1
            steps.append(options)
        for position, token in enumerate(tokens):
            starts = [(key, nxt, joins, token.start) for key, nxt, joins in steps[position]]
            if lang == "ar":
                for offset, rest in arabic_clitic_offsets(text[token.start : token.end]):
                    starts.append((fold(rest), position + 1, 0, token.start + offset))
            for key, nxt, joins, start in starts:
                node = root.get(key)
                if node is None:
                    continue
                stack: list[tuple[Node, int, int]] = [(node, nxt, joins)]
                while stack:
                    node, after, used = stack.pop()
                    ends = node.get(_END)
                    if ends:
                        end = tokens[after - 1].end
                        for entry in ends:
                            candidate = self._verify(text, start, end, entry, used)
                            if candidate is not None:
                                yield candidate
                    if after < count:
                        gap = tokens[after].gap
                        base = node.get(gap) if gap else node
                        if base is None:
                            continue
                        for step_key, step_next, step_joins in steps[after]:
                            child = base.get(step_key)
                            if child is not None:
                                stack.append((child, step_next, used + step_joins))

    @staticmethod
    def _verify(text: str, start: int, end: int, entry: _Entry, joins: int) -> _Candidate | None:
        if entry.trailing and text.startswith(entry.trailing, end):
            end += len(entry.trailing)
        written = surface(text[start:end])
        if written == entry.surface:
            level = 3
        elif written.casefold() == entry.folded:
            level = 2
        else:
            level = 1
        term = entry.term
        if term.match == MatchMode.EXACT and level < 2:
            return None
        if entry.proper and written[:1].islower():
            return None  # "siria" (Syrian, adj.) is not "Siria"; "iraní" is not "Irán"
        if term.effective_case_sensitive:
            if term.match == MatchMode.EXACT and level < 3:
                return None
            if not _case_agrees(written, entry.surface):
                return None
        return _Candidate(start, end, entry, level, joins)

    @staticmethod
    def _resolve(candidates: list[_Candidate]) -> list[TermMatch]:
        candidates.sort(key=_Candidate.rank)
        chosen: list[_Candidate] = []
        for candidate in candidates:
            keep = True
            for other in chosen:
                if candidate.start < other.end and other.start < candidate.end:
                    same = (
                        candidate.start == other.start
                        and candidate.end == other.end
                        and candidate.level == other.level
                        and candidate.joins == other.joins
                    )
                    if not same or candidate.entry.concept_id == other.entry.concept_id:
                        keep = False
                        break
            if keep:
                chosen.append(candidate)
        chosen.sort(key=lambda c: (c.start, c.end, c.entry.index))
        return [
            TermMatch(c.entry.concept_id, c.entry.term, c.start, c.end, c.level) for c in chosen
        ]
