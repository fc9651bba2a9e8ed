"""Language identification: the writing system first, langdetect where the script leaves a
choice.

The script of a text often settles its language outright (Hangul is Korean, kana is
Japanese, Greek is Greek) or rules a language out (Cyrillic text is not English). Only when
several languages share the script does :class:`LanguageIdentifier` ask langdetect, seeded
for deterministic results, and cache its answers by text.
"""

from __future__ import annotations

import functools
import math
import os
import random
import unicodedata
from collections import Counter, OrderedDict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Literal

from tqa.errors import CheckUnavailable
from tqa.lang.text import blank_out, content_words, protected_spans, script_counts, script_of

# -- language codes ----------------------------------------------------------------------------

_ALIASES = {
    "iw": "he",
    "in": "id",
    "ji": "yi",
    "nb": "no",
    "nn": "no",
    "fil": "tl",
    "jw": "jv",
    "cmn": "zh",
}


def base_language(code: str) -> str:
    """The base language of a tag: ``pt-BR`` -> ``pt``, ``zh-cn`` -> ``zh``, ``nb`` -> ``no``."""
    base = code.strip().replace("_", "-").split("-")[0].lower()
    return _ALIASES.get(base, base)


# -- which languages each writing system can be -------------------------------------------------

LATIN_LANGUAGES = frozenset(
    "af az bs ca cs cy da de en eo es et eu fi fo fr ga gd gl ha hr ht hu id ig is it jv ku "
    "la lb lt lv mg mi ms mt nl no oc pl pt qu ro rw sk sl sm sn so sq sr st sv sw tk tl tn "
    "tr uz vi wo xh yo zu".split()
)

SCRIPT_LANGUAGES: dict[str, frozenset[str]] = {
    "Latin": LATIN_LANGUAGES,
    "Cyrillic": frozenset("ru uk bg mk sr be kk ky mn tg tt ba cv".split()),
    "Arabic": frozenset("ar fa ur ps ku sd ug".split()),
    "Devanagari": frozenset("hi mr ne sa".split()),
    "Hebrew": frozenset({"he", "yi"}),
    "Greek": frozenset({"el"}),
    "Thai": frozenset({"th"}),
    "Lao": frozenset({"lo"}),
    "Georgian": frozenset({"ka"}),
    "Armenian": frozenset({"hy"}),
    "Ethiopic": frozenset({"am", "ti"}),
    "Khmer": frozenset({"km"}),
    "Myanmar": frozenset({"my"}),
    "Sinhala": frozenset({"si"}),
    "Tamil": frozenset({"ta"}),
    "Telugu": frozenset({"te"}),
    "Kannada": frozenset({"kn"}),
    "Malayalam": frozenset({"ml"}),
    "Gujarati": frozenset({"gu"}),
    "Gurmukhi": frozenset({"pa"}),
    "Bengali": frozenset({"bn", "as"}),
    "Oriya": frozenset({"or"}),
    "Thaana": frozenset({"dv"}),
    "Tibetan": frozenset({"bo", "dz"}),
    "Hangul": frozenset({"ko"}),
    "Kana": frozenset({"ja"}),
    "Han": frozenset({"zh", "ja"}),
}
"""The languages written in each script (as far as these checks need to know)."""

KNOWN_LANGUAGES = frozenset().union(*SCRIPT_LANGUAGES.values())

CLOSE_GROUPS: tuple[frozenset[str], ...] = (
    frozenset("ar fa ur ps".split()),
    frozenset("ru uk bg mk be sr".split()),
    frozenset("hi mr ne".split()),
    frozenset("es ca gl pt it fr ro".split()),
    frozenset("hr sr bs sl".split()),
    frozenset("cs sk".split()),
    frozenset("da no sv".split()),
    frozenset("id ms tl".split()),
    frozenset("nl af".split()),
    frozenset("et fi".split()),
    frozenset("lv lt".split()),
    frozenset("zh ja ko".split()),
)
"""Languages langdetect confuses on short text; calls between them need more confidence."""


def are_close(a: str, b: str) -> bool:
    return any(a in group and b in group for group in CLOSE_GROUPS)


# -- what a text looks like ---------------------------------------------------------------------

DENSE_SCRIPTS = frozenset({"Han", "Kana", "Hangul"})
DENSE_WEIGHT = 2
"""A Han, kana or Hangul character counts as two letters towards the length minimum: each
stands for a syllable or a word, not a sound."""


@dataclass(frozen=True)
class TextProfile:
    """The evidence a text offers for language identification."""

    scripts: dict[str, int]
    """Letters per script, outside URLs, e-mail addresses, handles and hashtags."""
    letters: int
    content: str
    """The words that carry the language (no names, codes, numbers, URLs), space-separated;
    lower-cased when the text is written in capitals (langdetect reads capitals badly)."""
    content_letters: int
    """Letters of ``content``; Han, kana and Hangul count double (:data:`DENSE_WEIGHT`)."""
    name_share: float
    """Share of the letters in names, acronyms and codes rather than in content words."""

    def share(self, script: str) -> float:
        return self.scripts.get(script, 0) / self.letters if self.letters else 0.0


_ASCII_UPPER = bytes(range(ord("A"), ord("Z") + 1))
_ASCII_LOWER = bytes(range(ord("a"), ord("z") + 1))


def _ascii_count(text: str, chars: bytes) -> int:
    """How many of the characters of ASCII ``text`` are among ``chars``."""
    data = text.encode("ascii")
    return len(data) - len(data.translate(None, chars))


def _letters(text: str) -> Counter[str]:
    """:func:`tqa.lang.text.script_counts`, cheaper: ASCII letters are all Latin, and
    elsewhere each distinct character is looked up once (unless the text has combining marks,
    which count with the letter before them)."""
    if text.isascii():
        latin = _ascii_count(text, _ASCII_UPPER + _ASCII_LOWER)
        return Counter({"Latin": latin}) if latin else Counter()
    counts: Counter[str] = Counter()
    for char, n in Counter(text).items():
        script = script_of(char)
        if script is not None:
            counts[script] += n
        elif unicodedata.category(char).startswith("M"):
            return script_counts(text)
    return counts


def _weighted(counts: Counter[str]) -> int:
    return sum(n * (DENSE_WEIGHT if s in DENSE_SCRIPTS else 1) for s, n in counts.items())


NOUN_CAPITALISING = frozenset({"de", "lb"})
"""Languages that capitalise every noun: capitals are no sign of a name there."""


def profile(text: str, *, nouns_capitalised: bool = False) -> TextProfile:
    """What langdetect should see of ``text``, and how much of it there is.

    With ``nouns_capitalised`` (German may be involved), capitalised words are kept.
    """
    return _profile(text, _letters(blank_out(text, protected_spans(text))), nouns_capitalised)


def _profile(text: str, counts: Counter[str], nouns_capitalised: bool) -> TextProfile:
    """:func:`profile`, given the letters per script outside URLs, addresses and tags."""
    letters = sum(counts.values())
    if text.isascii():
        upper = _ascii_count(text, _ASCII_UPPER)
        cased = upper + _ascii_count(text, _ASCII_LOWER)
    else:
        upper = sum(map(str.isupper, text))
        cased = upper + sum(map(str.islower, text))
    all_caps = bool(cased) and upper >= 0.8 * cased
    caps_are_names = not (all_caps or nouns_capitalised)
    tokens = content_words(text, keep_sentence_initial=True, caps_are_names=caps_are_names)
    content = " ".join(t.text for t in tokens)
    if all_caps:
        content = content.lower()
    content_counts = _letters(content)
    plain = sum(content_counts.values())
    share = max(0.0, 1 - plain / letters) if letters else 0.0
    return TextProfile(dict(counts), letters, content, _weighted(content_counts), share)


def _surely_short(counts: Counter[str], text: str, min_letters: int) -> bool:
    """Whether the content words of a text with these letters (outside URLs, addresses and
    tags) must have fewer than ``min_letters``: they are a part of those letters (lower-casing
    adds a combining dot to ``İ``, counted here too)."""
    return _weighted(counts) + text.count("İ") < min_letters


SCRIPT_MAJORITY = 0.7
"""A script decides only when it holds this share of the letters."""


def writing_system(prof: TextProfile, min_letters: int) -> tuple[str, frozenset[str]] | None:
    """The writing system of a text and the languages it can be, or ``None`` when mixed.

    Chinese, Japanese and Korean share Han characters: kana make it Japanese, Hangul makes it
    Korean; Han alone is Chinese once there are ``min_letters`` of them (Japanese prose that
    long always has kana), else Chinese or Japanese.
    """
    if not prof.letters:
        return None
    dense = sum(prof.scripts.get(s, 0) for s in DENSE_SCRIPTS)
    if dense >= SCRIPT_MAJORITY * prof.letters:
        hangul = prof.scripts.get("Hangul", 0)
        kana = prof.scripts.get("Kana", 0)
        han = prof.scripts.get("Han", 0)
        if hangul >= 0.5 * dense:
            return "Hangul", SCRIPT_LANGUAGES["Hangul"]
        if kana >= 2 and kana >= 0.05 * dense:
            return "Han and kana", SCRIPT_LANGUAGES["Kana"]
        if han >= min_letters:
            return "Han", frozenset({"zh"})
        return "Han", SCRIPT_LANGUAGES["Han"]
    script, count = Counter(prof.scripts).most_common(1)[0]
    if count < SCRIPT_MAJORITY * prof.letters:
        return None
    languages = SCRIPT_LANGUAGES.get(script)
    return (script, languages) if languages is not None else None


# -- langdetect ---------------------------------------------------------------------------------


@dataclass(frozen=True)
class Detection:
    """A language call: base code, confidence, and how it was made."""

    lang: str
    confidence: float
    method: Literal["script", "langdetect"]
    probabilities: tuple[tuple[str, float], ...] = ()
    """langdetect's base codes and probabilities, best first (empty for script calls)."""


RawProbabilities = tuple[tuple[str, float], ...]
"""langdetect's own codes (``zh-cn``) and probabilities above 0.1, best first."""

_TRIALS = 7
"""Random walks per text (``Detector.n_trial``)."""
_BLOCKS = 201
"""Normalisations a walk makes at most: after draws 1, 6, 11, ..., 1,001 (iteration 1,000)."""
_DRAWS = 1 + 5 * (_BLOCKS - 1)
_PLAN = 32
"""Steps of a walk whose draws are looked up at a time (most walks take fewer)."""
_PLAIN_SUM = sum([0.1] * 10) == 0.9999999999999999
"""Whether ``sum`` of floats adds left to right (before Python 3.12, which compensates):
then numpy's running sum gives the same total; otherwise ``sum`` itself is used."""
_SELF_TEST = (
    "the rebels seized most of the city on wednesday after four days of fighting",
    "los rebeldes tomaron la mayor parte de la ciudad el miércoles tras cuatro días",
    "повстанцы захватили большую часть города в среду после четырех дней боев",
    "叛军周三占领了阿勒颇市的大部分地区",
    "NATO",
)


class _Walker:
    """One text on its way through langdetect's seven random walks."""

    __slots__ = (
        "draws",
        "first",
        "gauss_next",
        "high",
        "index",
        "low",
        "planned",
        "rows",
        "start",
        "trial",
        "word",
    )

    def __init__(self, index: int, rows: Any, low: int, high: int) -> None:
        self.index = index
        self.rows = rows
        """The row of each of the text's n-grams (langdetect's order) in the profile matrix
        of the call, where the text owns rows ``low`` to ``high``."""
        self.low = low
        self.high = high
        self.draws: tuple[Any, Any] = ((), ())
        """Where in the random stream ``random.choice`` over the n-grams accepts a word, and
        which n-gram it picks there (:meth:`_Langdetect._draws`)."""
        self.trial = 0
        self.word = 0
        """Words of the random stream used so far."""
        self.gauss_next: float | None = None
        self.first = 0
        """Index (among the accepted draws) of the current walk's first draw ..."""
        self.start = 0
        """... the step at which it began ..."""
        self.planned = 0
        """... and how many of its steps are in the plan."""


class _Normaliser(dict[int, str]):
    """``str.translate`` table of ``NGram.normalize``, filled as characters turn up."""

    def __missing__(self, code: int) -> str:
        from langdetect.utils.ngram import NGram

        self[code] = char = NGram.normalize(chr(code))
        return char


class _Langdetect:
    """langdetect's detection for many texts at once, with exactly its results.

    langdetect (1.0.9) scores a text by seven random walks over its n-grams: a walk multiplies
    55 language probabilities by the profile of one randomly drawn n-gram at a time and
    normalises them every five draws, until one language passes 0.99999. langdetect does this
    in a Python loop over the 55 languages (about 4 ms a text). With the seed fixed, the walks
    are a pure function of the text, so this class replays them with numpy, for all the texts
    of a call side by side (one numpy operation per five draws of every text): the draws come
    from the same Mersenne Twister stream (langdetect reseeds it for every text), and each
    float operation is langdetect's, in its order (element-wise products and quotients, the
    left-to-right ``sum`` of a list), so the probabilities are bit for bit those of
    ``Detector.get_probabilities()``. The text preparation is langdetect's own code; its
    n-gram extraction, which looks at one word at a time, is redone here once per distinct
    word. A self-test against langdetect at start-up falls back to calling it text by text if
    they ever differ (another Python's ``random``, another langdetect).
    """

    def __init__(self, factory: Any) -> None:
        import numpy as np
        from langdetect.detector import Detector

        self._np = np
        self._factory = factory
        self._detector = Detector
        self.languages: list[str] = list(factory.langlist)
        self._initial = np.full(len(self.languages), 1.0 / len(self.languages))
        self._normaliser = _Normaliser()
        self._word_rows: dict[tuple[str, bool], tuple[int, ...]] = {}
        self._row_of: dict[str, int] = {}
        self._table = np.empty((1024, len(self.languages)))
        self._stream = self._random_words(4096)
        self._accepted: OrderedDict[int, tuple[Any, Any]] = OrderedDict()
        self.exact = True
        self.exact = all(self.detect_many([text]) == [self._plain(text)] for text in _SELF_TEST)

    # -- langdetect's pieces -----------------------------------------------------------------
    def _plain(self, text: str) -> RawProbabilities:
        """langdetect itself, one text."""
        from langdetect.lang_detect_exception import LangDetectException

        detector = self._factory.create()
        detector.append(text)
        try:
            found = detector.get_probabilities()
        except LangDetectException:
            return ()
        return tuple((item.lang, float(item.prob)) for item in found)

    def ngrams(self, text: str) -> list[str]:
        """``Detector._extract_ngrams`` after ``append`` and ``cleaning_text``."""
        return [gram for key in self._words(text) for gram in self._ngrams_of_word(*key)]

    def _words(self, text: str) -> list[tuple[str, bool]]:
        """The normalised words of ``text`` for langdetect, each with whether a space follows:
        its n-gram extraction restarts at every (normalised) space, so a text's n-grams are
        those of its words."""
        detector = self._factory.create()
        detector.append(text)
        if detector.text and max(detector.text) >= "\u0300":  # else there is nothing to clean
            detector.cleaning_text()
        pieces = detector.text.translate(self._normaliser).split(" ")
        last = len(pieces) - 1
        return [(piece, index < last) for index, piece in enumerate(pieces) if piece]

    def _rows_of(self, text: str) -> list[int]:
        """The rows of ``_table`` holding the profiles of the text's n-grams, in order."""
        rows: list[int] = []
        cache = self._word_rows
        for key in self._words(text):
            found = cache.get(key)
            if found is None:
                if len(cache) > 50_000:  # a few MB
                    cache.clear()
                found = cache[key] = tuple(map(self._row, self._ngrams_of_word(*key)))
            rows.extend(found)
        return rows

    def _ngrams_of_word(self, word: str, spaced: bool) -> tuple[str, ...]:
        """``NGram.add_char`` and ``Detector._extract_ngrams`` over one normalised word (and
        the space after it), starting as after a space."""
        known = self._factory.word_lang_prob_map
        found = []
        grams = " "
        capital = False
        for char in word + " " if spaced else word:
            last = grams[-1]
            if last == " ":
                grams = " "
                capital = False
            elif len(grams) >= 3:
                grams = grams[1:]
            grams += char
            if char.isupper():
                if last.isupper():
                    capital = True
            else:
                capital = False
            if capital:
                continue
            for n in (1, 2, 3):
                if len(grams) < n:
                    break
                gram = grams[-n:]
                if gram != " " and gram in known:
                    found.append(gram)
        return tuple(found)

    # -- the random stream -------------------------------------------------------------------
    def _random_words(self, count: int) -> Any:
        """The first ``count`` 32-bit words that ``Detector`` (seeded) draws from."""
        key = random.Random(self._factory.seed).getstate()[1]
        generator = self._np.random.MT19937()
        generator.state = {
            "bit_generator": "MT19937",
            "state": {"key": self._np.array(key[:-1], dtype=self._np.uint32), "pos": key[-1]},
        }
        return generator.random_raw(count).astype(self._np.int64)

    def _uniform(self, word: int) -> float:
        """``random.random()`` made of two words of the stream, as CPython makes it."""
        high = int(self._stream[word]) >> 5
        low = int(self._stream[word + 1]) >> 6
        return (high * 67108864.0 + low) * (1.0 / 9007199254740992.0)

    def _draws(self, n: int) -> tuple[Any, Any]:
        """Where ``random.choice`` over ``n`` items accepts a word of the stream and what it
        picks there: the word's top ``n.bit_length()`` bits, rejected when ``n`` or more."""
        cached = self._accepted.get(n)
        if cached is not None:
            self._accepted.move_to_end(n)
            return cached
        bits = self._stream >> (32 - n.bit_length())
        positions = self._np.flatnonzero(bits < n)
        cached = (positions, bits[positions])
        self._accepted[n] = cached
        if len(self._accepted) > 64:  # 64 KB each
            self._accepted.popitem(last=False)
        return cached

    # -- the walks ---------------------------------------------------------------------------
    def detect_many(self, texts: Sequence[str]) -> list[RawProbabilities]:
        """langdetect's probabilities for each text (empty where it finds no features)."""
        if not self.exact:
            return [self._plain(text) for text in texts]
        np = self._np
        results: list[RawProbabilities] = [()] * len(texts)
        walkers: list[_Walker] = []
        profiles = [np.ones((1, len(self.languages)))]  # row 0: no draw, a factor of 1.0
        top = 1
        for index, text in enumerate(texts):
            rows = self._rows_of(text)
            if rows:
                distinct, local = np.unique(rows, return_inverse=True)
                profiles.append(self._table[distinct])
                walker = _Walker(index, local + top, top, top + len(distinct))
                walker.draws = self._draws(len(rows))
                walkers.append(walker)
                top += len(distinct)
        if walkers:
            for walker, probabilities in zip(
                walkers, self._walk(walkers, np.concatenate(profiles)), strict=True
            ):
                results[walker.index] = probabilities
        return results

    def _walk(self, walkers: list[_Walker], profiles: Any) -> list[RawProbabilities]:
        """The walks of all ``walkers`` side by side. Each step makes the next five draws of
        every walk under way (its first step makes one: langdetect normalises after draws
        1, 6, 11, ...); when a walk ends, the text's next walk starts in its slot.

        ``planned[slot, step % _BLOCKS]`` are the rows of ``factors`` (``profiles`` plus
        the walk's weight; row 0 is 1.0) that slot ``slot`` multiplies by at ``step``;
        ``horizon[slot]`` is the step after which its walk must stop or be planned further.
        """
        np = self._np
        conv = self._detector.CONV_THRESHOLD
        results: list[RawProbabilities] = [()] * len(walkers)
        order = list(range(len(walkers)))
        """The walker in each slot."""
        planned = np.zeros((len(walkers), _BLOCKS, 5), dtype=np.int64)
        horizon = np.zeros(len(walkers), dtype=np.int64)
        factors = profiles.copy()
        prob = np.empty((len(walkers), len(self.languages)))
        langprob = np.zeros_like(prob)
        for slot, walker in enumerate(walkers):
            horizon[slot] = self._start(walker, slot, 0, planned, profiles, factors, prob)
        soonest = int(horizon.min())
        """The first step at which a walk must stop or be planned further."""
        step = 0
        while order:
            for drawn in factors[planned[:, step % _BLOCKS].T]:
                prob *= drawn
            if _PLAIN_SUM:
                sums = np.add.accumulate(prob, axis=1)[:, -1]
            else:
                sums = np.array([sum(row) for row in prob.tolist()])
            prob /= sums[:, None]
            if step < soonest and prob.max() <= conv:  # no walk ends or needs planning
                step += 1
                continue
            ended = prob.max(axis=1) > conv
            due = np.flatnonzero(ended | (horizon == step)).tolist()
            finished = []
            for slot in due:
                walker = walkers[order[slot]]
                if not ended[slot] and step - walker.start < _BLOCKS - 1:
                    horizon[slot] = self._plan(walker, slot, planned)
                    continue
                langprob[slot] += prob[slot] / _TRIALS
                used = 1 + 5 * (step - walker.start)
                walker.word = int(walker.draws[0][walker.first + used - 1]) + 1
                walker.trial += 1
                if walker.trial < _TRIALS:
                    horizon[slot] = self._start(
                        walker, slot, step + 1, planned, profiles, factors, prob
                    )
                else:
                    results[order[slot]] = self._ranked(langprob[slot])
                    finished.append(slot)
            step += 1
            if finished:
                keep = [slot for slot in range(len(order)) if slot not in finished]
                order = [order[slot] for slot in keep]
                planned, horizon = planned[keep], horizon[keep]
                prob, langprob = prob[keep], langprob[keep]
            soonest = int(horizon.min()) if order else 0
        return results

    def _start(
        self,
        walker: _Walker,
        slot: int,
        step: int,
        planned: Any,
        profiles: Any,
        factors: Any,
        prob: Any,
    ) -> int:
        """Begin the walker's next walk at ``step``, as ``Detector._detect_block`` begins one:
        a Gaussian draw sets the smoothing weight, then the n-gram draws follow. Returns the
        slot's horizon."""
        if walker.gauss_next is None:  # random.gauss makes two values from two uniforms
            x2pi = self._uniform(walker.word) * 2.0 * math.pi
            g2rad = math.sqrt(-2.0 * math.log(1.0 - self._uniform(walker.word + 2)))
            z = math.cos(x2pi) * g2rad
            walker.gauss_next = math.sin(x2pi) * g2rad
            walker.word += 4
        else:
            z, walker.gauss_next = walker.gauss_next, None
        alpha = self._detector.ALPHA_DEFAULT + (0.0 + z * 1.0) * self._detector.ALPHA_WIDTH
        walker.first = int(walker.draws[0].searchsorted(walker.word))
        while walker.first + _DRAWS > len(walker.draws[0]):  # a long text: more of the stream
            self._stream = self._random_words(2 * len(self._stream))
            self._accepted.clear()
            walker.draws = self._draws(len(walker.rows))
        walker.start = step
        walker.planned = 0
        weight = alpha / self._detector.BASE_FREQ
        region = slice(walker.low, walker.high)
        self._np.add(profiles[region], weight, out=factors[region])
        prob[slot] = self._initial
        return self._plan(walker, slot, planned)

    def _plan(self, walker: _Walker, slot: int, planned: Any) -> int:
        """Write the rows of the walk's next ``_PLAN`` steps (most walks need fewer than 20)
        into ``planned``; returns the step of the last one."""
        np = self._np
        begin = walker.planned
        end = min(begin + _PLAN, _BLOCKS)
        values = walker.draws[1]
        first = walker.first + max(0, 5 * begin - 4)
        rows = walker.rows[values[first : walker.first + 5 * end - 4]]
        if begin == 0:
            blocks = np.zeros((end, 5), dtype=np.int64)
            blocks[0, 0] = rows[0]
            blocks[1:] = rows[1:].reshape(-1, 5)
        else:
            blocks = rows.reshape(-1, 5)
        turn = (walker.start + begin) % _BLOCKS
        head = min(end - begin, _BLOCKS - turn)
        planned[slot, turn : turn + head] = blocks[:head]
        planned[slot, : end - begin - head] = blocks[head:]
        walker.planned = end
        return walker.start + end - 1

    def _row(self, ngram: str) -> int:
        """The row of ``_table`` with langdetect's profile of ``ngram`` (added when new: a
        corpus has few distinct n-grams, and a row is 55 floats)."""
        row = self._row_of.get(ngram)
        if row is None:
            row = self._row_of[ngram] = len(self._row_of)
            if row >= len(self._table):
                grown = self._np.empty((2 * len(self._table), len(self.languages)))
                grown[: len(self._table)] = self._table
                self._table = grown
            self._table[row] = self._factory.word_lang_prob_map[ngram][: len(self.languages)]
        return row

    def _ranked(self, langprob: Any) -> RawProbabilities:
        """``Detector._sort_probability``: languages above 0.1, most probable first."""
        threshold = self._detector.PROB_THRESHOLD
        found = [
            (lang, p)
            for lang, p in zip(self.languages, langprob.tolist(), strict=True)
            if p > threshold
        ]
        found.sort(key=lambda item: item[1], reverse=True)
        return tuple(found)


@functools.lru_cache(maxsize=1)
def _engine() -> _Langdetect:
    """The process's langdetect (profiles loaded once: about a second and 60 MB)."""
    from langdetect.detector_factory import PROFILES_DIRECTORY, DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(PROFILES_DIRECTORY)
    factory.set_seed(0)
    return _Langdetect(factory)


class LanguageIdentifier:
    """langdetect, deterministic (seed 0), with a bounded cache.

    :meth:`prefetch` sends the texts of a whole chunk to langdetect together, which costs far
    less per text than one at a time (see :class:`_Langdetect`); the answers are the same.
    Raises :class:`tqa.errors.CheckUnavailable` when langdetect is not installed.
    """

    def __init__(self, cache_size: int = 8192) -> None:
        try:
            from langdetect.detector_factory import PROFILES_DIRECTORY
        except ImportError:
            raise CheckUnavailable(
                "language checks need langdetect: pip install langdetect"
            ) from None
        self.supported = frozenset(
            base_language(name)
            for name in os.listdir(PROFILES_DIRECTORY)
            if not name.startswith(".")
        )
        self.cache_size = cache_size
        self._cache: OrderedDict[str, tuple[tuple[str, float], ...]] = OrderedDict()
        self.calls = 0
        """How many texts were sent to langdetect (cache misses)."""

    def prefetch(self, texts: Iterable[str]) -> None:
        """Identify the texts not in the cache yet, together (a chunk's worth at a time)."""
        keys = [key for key in dict.fromkeys(" ".join(text.split()) for text in texts)]
        missing = [key for key in keys if key not in self._cache]
        if missing:
            self._identify(missing)

    def probabilities(self, text: str) -> tuple[tuple[str, float], ...]:
        """langdetect's base-language probabilities for ``text``, best first (cached)."""
        key = " ".join(text.split())
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        return self._identify([key])[0]

    def _identify(self, keys: list[str]) -> list[tuple[tuple[str, float], ...]]:
        self.calls += len(keys)
        results = []
        for key, raw in zip(keys, _engine().detect_many(keys), strict=True):
            merged: dict[str, float] = {}
            for lang, prob in raw:
                code = base_language(lang)
                merged[code] = merged.get(code, 0.0) + prob
            result = tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))
            self._cache[key] = result
            if len(self._cache) > self.cache_size:
                self._cache.popitem(last=False)
            results.append(result)
        return results

    def detect(self, text: str) -> Detection | None:
        probs = self.probabilities(text)
        if not probs:
            return None
        lang, p = probs[0]
        return Detection(lang, p, "langdetect", probs)


# -- the decision both language checks share -------------------------------------------------------

Status = Literal["ok", "wrong", "untranslated", "skipped"]


@dataclass(frozen=True)
class LanguageVerdict:
    """What the target's language turned out to be, and why."""

    status: Status
    reason: str
    detection: Detection | None = None


@dataclass(frozen=True)
class LanguagePolicy:
    """The thresholds of a language call (see the language checks' options)."""

    min_letters: int = 30
    max_name_share: float = 0.7
    min_confidence: float = 0.9
    close_min_confidence: float = 0.99
    close_letters_factor: int = 2
    """Calls between close languages need this many times ``min_letters``."""


def judge_language(
    text: str,
    src_lang: str,
    tgt_lang: str,
    identifier: LanguageIdentifier,
    policy: LanguagePolicy,
) -> LanguageVerdict:
    """Decide whether ``text`` is in ``tgt_lang``, in ``src_lang`` (untranslated) or neither."""
    look = _first_look(text, src_lang, tgt_lang, policy, identifier.supported)
    if isinstance(look, LanguageVerdict):
        return look
    detection = identifier.detect(look.prof.content)
    if look.mismatch:
        return _script_mismatch(look, detection)
    return _by_langdetect(look, detection, policy)


def langdetect_text(
    text: str,
    src_lang: str,
    tgt_lang: str,
    identifier: LanguageIdentifier,
    policy: LanguagePolicy,
) -> str | None:
    """What :func:`judge_language` will ask langdetect about (``None``: nothing), so that a
    chunk's texts can be sent together (:meth:`LanguageIdentifier.prefetch`)."""
    look = _first_look(text, src_lang, tgt_lang, policy, identifier.supported)
    return None if isinstance(look, LanguageVerdict) else look.prof.content


@dataclass(frozen=True)
class _Pending:
    """A judgement that waits for langdetect's reading of ``prof.content``."""

    prof: TextProfile
    system: tuple[str, frozenset[str]] | None
    expected: str
    source: str
    mismatch: bool
    """The script rules the expected language out; langdetect only names the language."""


@functools.lru_cache(maxsize=1024)
def _first_look(
    text: str,
    src_lang: str,
    tgt_lang: str,
    policy: LanguagePolicy,
    supported: frozenset[str],
) -> LanguageVerdict | _Pending:
    """Everything :func:`judge_language` decides before langdetect (kept for a few chunks:
    the prefetch and both language checks ask for it)."""
    expected = base_language(tgt_lang)
    source = base_language(src_lang)
    counts = _letters(blank_out(text, protected_spans(text)))
    if _surely_short(counts, text, policy.min_letters):
        return LanguageVerdict("skipped", f"too short (fewer than {policy.min_letters} letters)")
    prof = _profile(text, counts, bool({expected, source} & NOUN_CAPITALISING))
    if prof.name_share > policy.max_name_share:
        return LanguageVerdict("skipped", "mostly names, acronyms and codes")
    if prof.content_letters < policy.min_letters:
        return LanguageVerdict("skipped", f"too short ({prof.content_letters} letters)")
    system = writing_system(prof, policy.min_letters)
    known = expected in KNOWN_LANGUAGES
    if system is not None and known and expected not in system[1]:
        name, candidates = system
        if len(candidates) == 1:
            (lang,) = candidates
            by_script = Detection(lang, 1.0, "script")
            status: Status = "untranslated" if lang == source else "wrong"
            return LanguageVerdict(status, _mismatch_reason(name, expected), by_script)
        return _Pending(prof, system, expected, source, mismatch=True)
    if system is not None and system[1] == frozenset({expected}):
        by_script = Detection(expected, 1.0, "script")
        return LanguageVerdict("ok", f"{system[0]} script is {expected}", by_script)
    if system is None and known:
        expected_scripts = [s for s, langs in SCRIPT_LANGUAGES.items() if expected in langs]
        if any(prof.share(s) >= 1 - SCRIPT_MAJORITY for s in expected_scripts):
            return LanguageVerdict("skipped", f"mixed scripts, partly in {expected}'s script")
    if expected not in supported:
        return LanguageVerdict("skipped", f"langdetect does not know '{expected}'")
    return _Pending(prof, system, expected, source, mismatch=False)


def _by_langdetect(
    look: _Pending, detection: Detection | None, policy: LanguagePolicy
) -> LanguageVerdict:
    prof, system, expected, source = look.prof, look.system, look.expected, look.source
    if detection is not None and system is not None:
        detection = _within(detection, system[1])
        if detection is None:
            return LanguageVerdict("skipped", f"langdetect names no language of {system[0]}")
    if detection is None:
        return LanguageVerdict("skipped", "langdetect found no features")
    top = detection.lang
    if top == expected:
        return LanguageVerdict("ok", "langdetect agrees", detection)
    close = are_close(top, expected)
    needed = policy.close_min_confidence if close else policy.min_confidence
    if close and prof.content_letters < policy.close_letters_factor * policy.min_letters:
        return LanguageVerdict(
            "ok",
            f"too short to tell {top} from {expected} ({prof.content_letters} letters)",
            detection,
        )
    if detection.confidence < needed:
        return LanguageVerdict(
            "ok", f"'{top}' at {detection.confidence:.2f} is below {needed:.2f}", detection
        )
    status: Status = "untranslated" if top == source and source != expected else "wrong"
    return LanguageVerdict(status, f"langdetect: {top} {detection.confidence:.2f}", detection)


def _mismatch_reason(script: str, expected: str) -> str:
    return f"written in {script} script, which {expected} is not written in"


def _script_mismatch(look: _Pending, ranked: Detection | None) -> LanguageVerdict:
    """The script rules the expected language out; name the language the text is in."""
    assert look.system is not None
    name, candidates = look.system
    detection = _within(ranked, candidates) if ranked is not None else None
    reason = _mismatch_reason(name, look.expected)
    if detection is None:
        return LanguageVerdict("wrong", reason)
    status: Status = "untranslated" if detection.lang == look.source else "wrong"
    return LanguageVerdict(status, reason, detection)


def _within(detection: Detection, candidates: frozenset[str]) -> Detection | None:
    """langdetect's best language among those the script allows (``None``: none of them)."""
    for code, p in detection.probabilities:
        if code in candidates:
            return Detection(code, p, "langdetect", detection.probabilities)
    return None
