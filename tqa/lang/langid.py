"""Language identification: the writing system first, langdetect where the script leaves a
choice.

The script of a text often settles its language outright (Hangul is Korean, kana is
Japanese, Greek is Greek) or rules a language out (Cyrillic text is not English). Only when
several languages share the script does :class:`LanguageIdentifier` ask langdetect, seeded
for deterministic results, and cache its answers by text.
"""

from __future__ import annotations

import os
from collections import Counter, OrderedDict
from dataclasses import dataclass
from typing import Literal

from tqa.errors import CheckUnavailable
from tqa.lang.text import blank_out, content_words, protected_spans, script_counts

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


def _weighted(text: str) -> tuple[int, int]:
    counts = script_counts(text)
    plain = sum(counts.values())
    return plain, sum(n * (DENSE_WEIGHT if s in DENSE_SCRIPTS else 1) for s, n in counts.items())


NOUN_CAPITALISING = frozenset({"de", "lb"})
"""Languages that capitalise every noun: capitals are no sign of a name there."""


def profile(text: str, *, nouns_capitalised: bool = False) -> TextProfile:
    """What langdetect should see of ``text``, and how much of it there is.

    With ``nouns_capitalised`` (German may be involved), capitalised words are kept.
    """
    counts = script_counts(blank_out(text, protected_spans(text)))
    letters = sum(counts.values())
    cased = [c for c in text if c.isupper() or c.islower()]
    all_caps = bool(cased) and sum(c.isupper() for c in cased) >= 0.8 * len(cased)
    caps_are_names = not (all_caps or nouns_capitalised)
    tokens = content_words(text, keep_sentence_initial=True, caps_are_names=caps_are_names)
    content = " ".join(t.text for t in tokens)
    if all_caps:
        content = content.lower()
    plain, weighted = _weighted(content)
    share = max(0.0, 1 - plain / letters) if letters else 0.0
    return TextProfile(dict(counts), letters, content, weighted, share)


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


class LanguageIdentifier:
    """langdetect, deterministic (``DetectorFactory.seed = 0``), with a bounded cache.

    Raises :class:`tqa.errors.CheckUnavailable` when langdetect is not installed.
    """

    def __init__(self, cache_size: int = 8192) -> None:
        try:
            import langdetect
            from langdetect import DetectorFactory
            from langdetect.detector_factory import PROFILES_DIRECTORY
        except ImportError:
            raise CheckUnavailable(
                "language checks need langdetect: pip install langdetect"
            ) from None
        DetectorFactory.seed = 0
        self._langdetect = langdetect
        self.supported = frozenset(
            base_language(name)
            for name in os.listdir(PROFILES_DIRECTORY)
            if not name.startswith(".")
        )
        self.cache_size = cache_size
        self._cache: OrderedDict[str, tuple[tuple[str, float], ...]] = OrderedDict()
        self.calls = 0
        """How many texts were sent to langdetect (cache misses)."""

    def probabilities(self, text: str) -> tuple[tuple[str, float], ...]:
        """langdetect's base-language probabilities for ``text``, best first (cached)."""
        key = " ".join(text.split())
        cached = self._cache.get(key)
        if cached is not None:
            self._cache.move_to_end(key)
            return cached
        self.calls += 1
        try:
            raw = self._langdetect.detect_langs(key)
        except self._langdetect.LangDetectException:
            raw = []
        merged: dict[str, float] = {}
        for item in raw:
            code = base_language(item.lang)
            merged[code] = merged.get(code, 0.0) + float(item.prob)
        result = tuple(sorted(merged.items(), key=lambda kv: (-kv[1], kv[0])))
        self._cache[key] = result
        if len(self._cache) > self.cache_size:
            self._cache.popitem(last=False)
        return result

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
    expected = base_language(tgt_lang)
    source = base_language(src_lang)
    prof = profile(text, nouns_capitalised=bool({expected, source} & NOUN_CAPITALISING))
    if prof.name_share > policy.max_name_share:
        return LanguageVerdict("skipped", "mostly names, acronyms and codes")
    if prof.content_letters < policy.min_letters:
        return LanguageVerdict("skipped", f"too short ({prof.content_letters} letters)")
    system = writing_system(prof, policy.min_letters)
    known = expected in KNOWN_LANGUAGES
    if system is not None and known and expected not in system[1]:
        return _script_mismatch(prof, system, expected, source, identifier)
    if system is not None and system[1] == frozenset({expected}):
        by_script = Detection(expected, 1.0, "script")
        return LanguageVerdict("ok", f"{system[0]} script is {expected}", by_script)
    if system is None and known:
        expected_scripts = [s for s, langs in SCRIPT_LANGUAGES.items() if expected in langs]
        if any(prof.share(s) >= 1 - SCRIPT_MAJORITY for s in expected_scripts):
            return LanguageVerdict("skipped", f"mixed scripts, partly in {expected}'s script")
    if expected not in identifier.supported:
        return LanguageVerdict("skipped", f"langdetect does not know '{expected}'")
    detection = identifier.detect(prof.content)
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


def _script_mismatch(
    prof: TextProfile,
    system: tuple[str, frozenset[str]],
    expected: str,
    source: str,
    identifier: LanguageIdentifier,
) -> LanguageVerdict:
    """The script rules the expected language out; name the language the text is in."""
    name, candidates = system
    reason = f"written in {name} script, which {expected} is not written in"
    if len(candidates) == 1:
        (lang,) = candidates
        detection: Detection | None = Detection(lang, 1.0, "script")
    else:
        ranked = identifier.detect(prof.content)
        detection = _within(ranked, candidates) if ranked is not None else None
    if detection is None:
        return LanguageVerdict("wrong", reason)
    status: Status = "untranslated" if detection.lang == source else "wrong"
    return LanguageVerdict(status, reason, detection)


def _within(detection: Detection, candidates: frozenset[str]) -> Detection | None:
    """langdetect's best language among those the script allows (``None``: none of them)."""
    for code, p in detection.probabilities:
        if code in candidates:
            return Detection(code, p, "langdetect", detection.probabilities)
    return None
