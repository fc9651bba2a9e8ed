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

Cost. Stemming the words of the terms is most of the cost of building a matcher, so a
language's trie is built on first use, and the children of a node only when a text first
reaches it. A text is cut by one regex and its words are looked up in per-language memos
(word -> key), so a text with no word that starts a term is settled in a few C-level passes;
the spans verified against a term and the answers for whole texts (a quarter of the texts of
a run recur) are memoised too. Every memo is bounded.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from itertools import accumulate, compress
from typing import Any, cast

from tqa.glossary.model import Glossary, MatchMode, Term, primary_lang
from tqa.glossary.normalize import (
    APOSTROPHES,
    CONNECTORS,
    Token,
    arabic_adjective,
    arabic_clitic_offsets,
    arabic_forms,
    base_forms_for,
    fold,
    gap_marker,
    is_soft_gap,
    normalize_word,
    split_words,
    stemmer_for,
    surface,
    tokenize,
)

_END = ""
"""The trie key under which a node lists the entries that end there (never a token key)."""
_PENDING = "\x01"
"""The trie key under which a node not built yet lists its terms (see ``Matcher._grow``)."""

Node = dict[str, Any]

_KEY_CACHE_LIMIT = 200_000
_MEMO_LIMIT = 50_000
"""Bound of each per-matcher memo of words, gaps and matches (cleared when full)."""
_FOUND_LIMIT = 20_000
"""Bound of the memo of whole texts, per language (a quarter of the texts of a run recur:
repeated segments, one source text in several language pairs)."""
_LEVELS_LIMIT = 256
"""Bound of the memo of verified spans, per glossary term."""

_CLITIC_TAILS = frozenset({"s", "t", "d", "m", "ll", "re", "ve"})
"""English possessive and contraction endings: ``Assad's`` is not read as one word."""

_LINKS = {c: "'" if c in APOSTROPHES else "-" for c in CONNECTORS}
"""A one-character gap that links two words (``cease-fire``, ``Ba'ath``) -> its link mark."""


def _merge_options(options: _Options, more: _Options) -> None:
    for position, readings in more.items():
        options.setdefault(position, []).extend(readings)


def _joinable(token: Token) -> bool:
    return bool(token.link) and not (token.link == "'" and fold(token.norm) in _CLITIC_TAILS)


Unit = tuple[str, bool]
"""A step of a term's trie path before stemming: ``(word, True)`` or ``(gap marker, False)``."""


def _term_units(tokens: list[Token], *, join: bool) -> list[Unit]:
    """The trie path of a term: words, with markers for punctuation between words.

    With ``join``, hyphen- and apostrophe-linked words are written together first.
    """
    units: list[Unit] = []
    word = ""
    for index, token in enumerate(tokens):
        if index and join and _joinable(token):
            word += token.norm
            continue
        if word:
            units.append((word, True))
        if index and token.gap:
            units.append((token.gap, False))  # "U.N.", "EE. UU.": the dots are part of the term
        word = token.norm
    units.append((word, True))
    return units


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
    status_rank: int
    levels: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    """Memo: text span -> its level as this term (0: no match)."""


_Candidate = tuple[int, int, _Entry, int, int]
"""A verified occurrence: ``(start, end, entry, level, joins)``."""

_Options = dict[int, list[tuple[str, int, int]]]
"""Per token position: ``(key, next position, joins)`` of the words it starts when the
hyphen- or apostrophe-linked words after it are read as one (``cease-fire`` ~ ``ceasefire``)."""


def _rank(candidate: _Candidate) -> tuple[int, int, int, int, int, int]:
    start, end, entry, level, joins = candidate
    return (start - end, -level, joins, start, entry.status_rank, entry.index)


def _clitic_rest_forms(rest: str) -> tuple[str, ...]:
    """An Arabic word after its clitics, and its base forms; one with the article comes again
    without it at a later offset, so only as written."""
    if rest.startswith("ال"):
        return (rest,)
    return (rest, *arabic_forms(rest))


def _text_order(candidate: _Candidate) -> tuple[int, int, int]:
    return (candidate[0], candidate[1], candidate[2].index)


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


def _level(span: str, entry: _Entry) -> int:
    """How well the text ``span`` writes the term of ``entry`` (3, 2, 1); 0: not a match."""
    written = surface(span)
    if written == entry.surface:
        level = 3
    elif written.casefold() == entry.folded:
        level = 2
    else:
        level = 1
    term = entry.term
    if term.match == MatchMode.EXACT and level < 2:
        return 0
    if entry.proper and written[:1].islower():
        return 0  # "siria" (Syrian, adj.) is not "Siria"; "iraní" is not "Irán"
    if term.effective_case_sensitive:
        if term.match == MatchMode.EXACT and level < 3:
            return 0
        if not _case_agrees(written, entry.surface):
            return 0
    return level


def _remember_level(span: str, entry: _Entry) -> int:
    """``_level``, kept in the entry's bounded memo of spans."""
    levels = entry.levels
    if len(levels) > _LEVELS_LIMIT:
        levels.clear()
    level = levels[span] = _level(span, entry)
    return level


def _gap_key(gap: str) -> str:
    """The trie key of what separates two words (see ``Token.gap``)."""
    if (len(gap) == 1 and gap in CONNECTORS) or is_soft_gap(gap):
        return ""
    return gap_marker(gap)


def _bounded(memo: dict[Any, Any]) -> dict[Any, Any]:
    if len(memo) > _MEMO_LIMIT:
        memo.clear()
    return memo


class Matcher:
    """Finds the terms of a glossary in text of a given language."""

    def __init__(self, glossary: Glossary) -> None:
        self.glossary = glossary
        self._tries: dict[str, Node] = {}
        self._pending: dict[str, list[tuple[_Entry, list[Token]]]] = {}
        """Terms of languages whose trie is not built yet (see ``_trie``)."""
        self._keys: dict[str, dict[str, str]] = {}
        self._term_keys: dict[Term, tuple[str, ...]] = {}
        self._entries: list[_Entry] = []
        self.depth = 0
        # Memos of the matching path: a text is split by one regex, and every word, gap and
        # verified span is worked out once, then looked up (most words recur across segments).
        self._codes: dict[str, str] = {}
        self._word_keys: dict[str, dict[str, str]] = {}
        self._gap_keys: dict[str, str] = {}
        self._clitics: dict[str, tuple[tuple[int, str], ...]] = {}
        self._base_form_keys: dict[str, dict[str, tuple[str, ...]]] = {}
        self._matches: dict[tuple[int, int, int, int], TermMatch] = {}
        self._found: tuple[dict[str, dict[str, tuple[TermMatch, ...]]], ...] = ({}, {})
        """Per ``overlapping`` and language: text -> its matches."""
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
            len(self._entries),
            concept_id,
            term,
            written,
            written.casefold(),
            proper,
            trailing,
            term.status.rank,
        )
        self._entries.append(entry)
        self._pending.setdefault(lang, []).append((entry, tokens))
        self.depth = max(self.depth, len(tokens))

    def _trie(self, lang: str) -> Node | None:
        """The trie of a language, built on first use, one level at a time.

        Stemming the words of the terms is the bulk of the cost of a matcher. A run usually
        reads two languages of a glossary that has more, and few terms occur in a run's text:
        the root maps the first word of every term to its node, and a node's children are
        made (the next words stemmed) when a text first reaches it (``_grow``).
        """
        root = self._tries.get(lang)
        if root is not None:
            return root
        pending = self._pending.pop(lang, None)
        if pending is None:
            return None
        root = self._tries[lang] = {}
        key_of = self._key_function(lang)
        for entry, tokens in pending:
            readings = [_term_units(tokens, join=False)]
            if any(token.link for token in tokens[1:]):
                joined = _term_units(tokens, join=True)
                if joined != readings[0]:  # "Ba'ath" is also read "Baath", "cease-fire" ...
                    readings.append(joined)
            for units in readings:
                node = root.setdefault(key_of(units[0][0]), {})
                node.setdefault(_PENDING, []).append((entry, units, 1))
        return root

    def _grow(self, node: Node, lang: str) -> None:
        """Make the children of a trie node: the next step of each term that goes through it.

        Terms are handed down in glossary order, so the entries that end at a node keep it.
        """
        key_of = self._key_function(lang)
        for entry, units, step in node.pop(_PENDING):
            if step == len(units):
                node.setdefault(_END, []).append(entry)
                continue
            unit, is_word = units[step]
            child = node.setdefault(key_of(unit) if is_word else unit, {})
            child.setdefault(_PENDING, []).append((entry, units, step + 1))

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
        return sorted({*self._tries, *self._pending})

    def __len__(self) -> int:
        return len(self._entries)

    def find(self, text: str, lang: str, *, overlapping: bool = False) -> list[TermMatch]:
        """The terms of language ``lang`` in ``text``, in text order.

        By default overlaps are resolved (longest, most exact match wins); with
        ``overlapping=True`` every term occurrence is returned, also one inside a longer term
        (``Aleppo`` inside ``Aleppo province``).
        """
        memo = self._found[overlapping].get(lang)
        if memo is None:
            memo = self._found[overlapping][lang] = {}
        found = memo.get(text)
        if found is None:
            if len(memo) > _FOUND_LIMIT:
                memo.clear()
            found = memo[text] = tuple(self._find(text, lang, overlapping))
        return list(found)

    def _find(self, text: str, lang: str, overlapping: bool) -> list[TermMatch]:
        if not text:
            return []
        code = self._codes.get(lang)
        if code is None:
            code = _bounded(self._codes)[lang] = primary_lang(lang)
        root = self._tries.get(code)
        if root is None:
            root = self._trie(code)
            if root is None:
                return []
        candidates = self._candidates(text, code, root)
        if not candidates:
            return []
        if overlapping:
            candidates.sort(key=_text_order)
        else:
            candidates = self._resolve(candidates)
        return list(map(self._match, candidates))

    def _match(self, candidate: _Candidate) -> TermMatch:
        start, end, entry, level, _ = candidate
        memo_key = (entry.index, start, end, level)
        found = self._matches.get(memo_key)
        if found is None:
            found = _bounded(self._matches)[memo_key] = TermMatch(
                entry.concept_id, entry.term, start, end, level
            )
        return found

    def _candidates(self, text: str, lang: str, root: Node) -> list[_Candidate]:
        """Every verified term occurrence in ``text``; most texts are settled by a few
        C-level passes (one regex split, memo look-ups) when none of their words starts a
        term."""
        parts = split_words(text)
        if parts is None:
            return self._token_candidates(text, tokenize(text), lang, root)
        words = parts[1::2]
        cache = self._word_keys.get(lang)
        if cache is None:
            cache = self._word_keys[lang] = {}
        looked_up = list(map(cache.get, words))
        if None in looked_up:
            filled = self._fill_keys(words, looked_up, lang, cache)
            if filled is None:  # a word normalises to nothing: the token list skips it
                return self._token_candidates(text, tokenize(text), lang, root)
            keys = filled
        else:
            keys = cast(list[str], looked_up)
        gap_texts = parts[0::2]  # gap_texts[i] comes before words[i]
        linked = not _LINKS.keys().isdisjoint(gap_texts)
        clitics: dict[int, tuple[tuple[int, str], ...]] = {}
        if lang == "ar":
            clitics = self._clitic_starts(words, root)
        base_forms = self._base_form_options(words, keys, lang, root)
        if (
            not linked
            and not clitics
            and root.keys().isdisjoint(keys)
            and not any(key in root for found in base_forms.values() for key, _, _ in found)
        ):
            return []
        options: _Options = {}
        if linked:
            norms = list(map(normalize_word, words))
            links = [_LINKS.get(gap, "") for gap in gap_texts[:-1]]
            options = self._join_options(norms, links, lang)
        _merge_options(options, base_forms)
        bounds = list(accumulate(map(len, parts)))
        gaps: list[str | None] = [None] * len(keys)
        return self._walk(
            text, root, keys, bounds[0::2], bounds[1::2], gaps, gap_texts, options, clitics, lang
        )

    def _gap(self, gap: str) -> str:
        found = self._gap_keys.get(gap)
        if found is None:
            found = _bounded(self._gap_keys)[gap] = _gap_key(gap)
        return found

    def _fill_keys(
        self, words: list[str], keys: list[str | None], lang: str, cache: dict[str, str]
    ) -> list[str] | None:
        key_of = self._key_function(lang)
        memo = _bounded(cache)
        filled: list[str] = []
        for word, key in zip(words, keys, strict=True):
            if key is None:
                norm = normalize_word(word)
                if not norm:
                    return None
                key = memo[word] = key_of(norm)
            filled.append(key)
        return filled

    def _clitic_starts(
        self, words: list[str], root: Node
    ) -> dict[int, tuple[tuple[int, str], ...]]:
        """Arabic words whose stem after clitic prefixes (or one of its base forms, see
        :func:`~tqa.glossary.normalize.arabic_forms`) starts a term: position ->
        ``(offset in the word, key)``."""
        memo = self._clitics
        known = list(map(memo.get, words))
        if None not in known and not any(known):
            return {}  # the usual text: no word is a term after its prefixes
        memo = _bounded(memo)
        found: dict[int, tuple[tuple[int, str], ...]] = {}
        for position, (word, starts) in enumerate(zip(words, known, strict=True)):
            if starts is None:
                offsets = arabic_clitic_offsets(word)
                rests = {rest for _, rest in offsets}
                starts = memo[word] = tuple(
                    dict.fromkeys(
                        (offset, key)
                        for offset, rest in offsets
                        # والسورية: "and the Syrian", not Syria (see arabic_adjective)
                        if not ("ال" + rest in rests and arabic_adjective("ال" + rest))
                        for form in _clitic_rest_forms(rest)
                        if (key := fold(form)) in root
                    )
                )
            if starts:
                found[position] = starts
        return found

    def _base_form_options(
        self, words: list[str], keys: list[str], lang: str, root: Node
    ) -> _Options:
        """Other readings of words that may be inflected forms Snowball stems apart from
        their base form (a plural, a Russian case; any Arabic form): the keys of the base
        forms they may come from, where those differ from the word's own key (see
        :func:`~tqa.glossary.normalize.base_forms_for`). Position -> ``(key, next, 0)``."""
        forms = base_forms_for(lang)
        if forms is None:
            return {}
        memo = self._base_form_keys.get(lang)
        if memo is None:
            memo = self._base_form_keys[lang] = {}
        stem = stemmer_for(lang)
        last_letters, min_length, guesses, not_first = forms
        options: _Options = {}
        for position, word in enumerate(words):
            if len(word) < min_length or (
                last_letters is not None and word[-1:] not in last_letters
            ):
                continue
            found = memo.get(word)
            if found is None:
                own = keys[position]
                folded = fold(normalize_word(word))
                later = not_first(folded) if not_first is not None else None
                barred = stem(later) if later is not None else None
                found = _bounded(memo)[word] = tuple(
                    dict.fromkeys(
                        key
                        for guess in guesses(folded)
                        if (key := stem(guess)) != own and not (key == barred and key in root)
                    )
                )
            if found:
                options[position] = [(key, position + 1, 0) for key in found]
        return options

    def _join_options(self, norms: list[str], links: list[str], lang: str) -> _Options:
        key_of = self._key_function(lang)
        count = len(norms)
        joinable = [
            bool(link) and not (link == "'" and fold(norm) in _CLITIC_TAILS)
            for norm, link in zip(norms, links, strict=True)
        ]
        options: _Options = {}
        for linked in compress(range(1, count), joinable[1:]):
            position, after = linked - 1, linked
            joined = norms[position]
            found: list[tuple[str, int, int]] = []
            while after < count and joinable[after]:
                joined += norms[after]
                found.append((key_of(joined), after + 1, after - position))
                after += 1
            options[position] = found
        return options

    def _token_candidates(
        self, text: str, tokens: list[Token], lang: str, root: Node
    ) -> list[_Candidate]:
        """``_candidates`` from a token list (text with CJK or Thai characters, and rare
        cases the fast split does not cover)."""
        if not tokens:
            return []
        key_of = self._key_function(lang)
        norms = [token.norm for token in tokens]
        links = [token.link for token in tokens]
        keys = [key_of(norm) for norm in norms]
        options = self._join_options(norms, links, lang) if any(links) else {}
        _merge_options(options, self._base_form_options(norms, keys, lang, root))
        clitics: dict[int, tuple[tuple[int, str], ...]] = {}
        if lang == "ar":
            clitics = self._clitic_starts([text[t.start : t.end] for t in tokens], root)
        gaps: list[str | None] = [token.gap for token in tokens]
        return self._walk(
            text,
            root,
            keys,
            [token.start for token in tokens],
            [token.end for token in tokens],
            gaps,
            [],
            options,
            clitics,
            lang,
        )

    def _walk(
        self,
        text: str,
        root: Node,
        keys: list[str],
        starts: list[int],
        ends: list[int],
        gaps: list[str | None],
        gap_texts: list[str],
        options: _Options,
        clitics: dict[int, tuple[tuple[int, str], ...]],
        lang: str,
    ) -> list[_Candidate]:
        """Walk the trie from every token that starts a term, one path per reading.

        ``gaps`` holds the gap keys before the tokens, or ``None`` where it is still to be
        worked out from ``gap_texts`` (only where a walk goes on past a word).
        """
        found: list[_Candidate] = []
        gap_keys = self._gap_keys
        count = len(keys)
        positions = list(compress(range(count), map(root.__contains__, keys)))
        several = bool(options or clitics)
        if several:
            positions = sorted({*positions, *options, *clitics})
        for position in positions:
            start = starts[position]
            readings = [(keys[position], position + 1, 0, start)]
            if several:
                for key, after, joins in options.get(position, ()):
                    readings.append((key, after, joins, start))
                for offset, key in clitics.get(position, ()):
                    readings.append((key, position + 1, 0, start + offset))
            for key, after, joins, begin in readings:
                node = root.get(key)
                if node is None:
                    continue
                stack: list[tuple[Node, int, int]] = [(node, after, joins)]
                while stack:
                    node, after, used = stack.pop()
                    if _PENDING in node:
                        self._grow(node, lang)
                    entries = node.get(_END)
                    if entries:
                        end = ends[after - 1]
                        for entry in entries:
                            stop = end
                            trailing = entry.trailing
                            if trailing and text.startswith(trailing, stop):
                                stop += len(trailing)
                            span = text[begin:stop]
                            level = entry.levels.get(span)
                            if level is None:
                                level = _remember_level(span, entry)
                            if level:
                                found.append((begin, stop, entry, level, used))
                        if len(node) == 1:
                            continue  # no longer term goes on from here
                    if after < count:
                        gap = gaps[after]
                        if gap is None:
                            gap_text = gap_texts[after]
                            gap = gap_keys.get(gap_text)
                            if gap is None:
                                gap = self._gap(gap_text)
                            gaps[after] = gap
                        base = node.get(gap) if gap else node
                        if base is None:
                            continue
                        if _PENDING in base:
                            self._grow(base, lang)  # the node of a punctuation mark
                        child = base.get(keys[after])
                        if child is not None:
                            stack.append((child, after + 1, used))
                        for step_key, step_next, step_joins in options.get(after, ()):
                            child = base.get(step_key)
                            if child is not None:
                                stack.append((child, step_next, used + step_joins))
        return found

    @staticmethod
    def _resolve(candidates: list[_Candidate]) -> list[_Candidate]:
        """The longest, most exact candidates that do not overlap, in text order."""
        if len(candidates) < 2:
            return candidates
        candidates.sort(key=_rank)
        chosen: list[_Candidate] = []
        for candidate in candidates:
            start, end, entry, level, joins = candidate
            keep = True
            for other in chosen:
                if start < other[1] and other[0] < end:
                    same = (
                        start == other[0]
                        and end == other[1]
                        and level == other[3]
                        and joins == other[4]
                    )
                    if not same or entry.concept_id == other[2].concept_id:
                        keep = False
                        break
            if keep:
                chosen.append(candidate)
        chosen.sort(key=_text_order)
        return chosen
