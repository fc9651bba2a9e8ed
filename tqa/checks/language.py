"""Check family: language (TQA4xx).

Both checks share one language call per segment (``RunContext.analysis``) and one
:class:`tqa.lang.langid.LanguageIdentifier` per run (``RunContext.resource``), whose cache
makes repeated targets free. The script decides first where it can; langdetect is asked
only when several languages share the target's script, for a whole chunk's texts at once.
A segment gets TQA401 or TQA402, never both. Whenever a language was identified, the
segment's scores carry ``langid`` (the base code) and ``langid_confidence``.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any, ClassVar

from tqa.core.check import Check, Emitted, RunContext
from tqa.core.model import Category, Score, Segment, Severity
from tqa.errors import ConfigError
from tqa.lang.langid import (
    LanguageIdentifier,
    LanguagePolicy,
    LanguageVerdict,
    base_language,
    judge_language,
    langdetect_text,
)
from tqa.lang.text import content_span

_OPTIONS: dict[str, Any] = {
    "min_letters": 30,
    "max_name_share": 0.7,
    "min_confidence": 0.9,
    "close_min_confidence": 0.99,
}


class _LanguageCheck(Check):
    """Shared machinery of the language checks (not registered itself)."""

    category = Category.ACCURACY
    severity = Severity.MAJOR
    options: ClassVar[dict[str, Any]] = _OPTIONS
    status: ClassVar[str]

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        for key, value in self.opts.items():
            if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
                raise ConfigError(f"{self.code} option '{key}' must be a number >= 0")
        for key in ("max_name_share", "min_confidence", "close_min_confidence"):
            if self.opts[key] > 1:
                raise ConfigError(f"{self.code} option '{key}' must be between 0 and 1")
        self.policy = LanguagePolicy(
            min_letters=int(self.opts["min_letters"]),
            max_name_share=float(self.opts["max_name_share"]),
            min_confidence=float(self.opts["min_confidence"]),
            close_min_confidence=float(self.opts["close_min_confidence"]),
        )
        self.identifier = self.context.resource("langid.identifier", LanguageIdentifier)
        self._verdict_key = f"langid.verdict:{self.policy!r}"
        """Checks with the same thresholds share the verdict."""

    def verdict(self, segment: Segment) -> LanguageVerdict:
        return self.context.analysis(segment, self._verdict_key, self._judge)

    def _judge(self, segment: Segment) -> LanguageVerdict:
        return judge_language(
            segment.target, segment.src_lang, segment.tgt_lang, self.identifier, self.policy
        )

    def check_batch(self, segments: Sequence[Segment]) -> list[list[Emitted]]:
        """Send the chunk's texts that need langdetect to it together (much cheaper per text
        than one at a time), then judge the segments one by one from its cache."""
        texts = [
            langdetect_text(s.target, s.src_lang, s.tgt_lang, self.identifier, self.policy)
            for s in segments
            if s.target.strip()
        ]
        self.identifier.prefetch(text for text in texts if text is not None)
        return super().check_batch(segments)

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if not segment.target.strip():
            return
        verdict = self.verdict(segment)
        detection = verdict.detection
        if detection is not None:
            yield Score("langid", detection.lang)
            yield Score("langid_confidence", float(detection.confidence))
        if verdict.status == self.status:
            yield self.finding(
                segment,
                self.message(segment, verdict),
                target_span=content_span(segment.target),
            )

    def message(self, segment: Segment, verdict: LanguageVerdict) -> str:
        raise NotImplementedError


def _named(verdict: LanguageVerdict) -> str:
    detection = verdict.detection
    if detection is None:
        return "another language"
    if detection.method == "script":
        return f"'{detection.lang}'"
    return f"'{detection.lang}' (p={detection.confidence:.2f})"


class WrongLanguage(_LanguageCheck):
    """Target is not in the target language.

    Finds targets written in a third language: neither the target language nor the source
    language (that is TQA402). A Russian sentence in a Spanish file, or a Persian one where
    Arabic was ordered, reaches readers who cannot read it.

    The script decides first: Cyrillic text is not English, Hangul is Korean, kana is
    Japanese. Where several languages share the script, langdetect (seeded, deterministic)
    reads the words that carry the language (names, acronyms, numbers and URLs left out)
    and must be confident: ``min_confidence``; between languages it often confuses
    (Arabic/Persian/Urdu, Spanish/Catalan/Portuguese, Russian/Ukrainian...) it needs
    ``close_min_confidence`` and twice ``min_letters``, so an Arabic target is not flagged
    because langdetect guessed Persian. Segments with fewer than ``min_letters`` such
    letters (Han, kana and Hangul count double), or mostly names (``max_name_share``), are
    skipped: on the seed articles, word windows of 20-29 letters gave 2-3 % false calls,
    30-39 letters 0.3 %, 40 and more none. Languages are compared by base code (``pt-BR`` ~
    ``pt``, ``zh-tw`` ~ ``zh``); a target language langdetect does not know is judged by
    script only.

    Bad (en→es): ``Повстанцы захватили город Алеппо в среду.``
    Good (en→es): ``Los rebeldes tomaron la ciudad de Alepo el miércoles.``

    Options: ``min_letters`` (30), ``max_name_share`` (0.7), ``min_confidence`` (0.9),
    ``close_min_confidence`` (0.99).
    """

    code = "TQA401"
    name = "language.wrong-language"
    status = "wrong"

    def message(self, segment: Segment, verdict: LanguageVerdict) -> str:
        expected = base_language(segment.tgt_lang)
        return f"target is in {_named(verdict)}, not '{expected}': {verdict.reason}"


class Untranslated(_LanguageCheck):
    """Target is in the source language (left untranslated).

    Finds targets that are still in the source language: a pasted original, or a segment the
    translator skipped. Unlike TQA102 (target identical to source) it catches edited or
    partly rewritten source text. Shares the language call, thresholds and skips of TQA401;
    a segment gets one of the two, never both. Not run when source and target share a base
    language (``en-US`` → ``en-GB``).

    Bad (es→en): ``Los rebeldes tomaron la ciudad de Alepo el miércoles pasado.``
    Good (es→en): ``The rebels seized the city of Aleppo last Wednesday.``

    Options: ``min_letters`` (30), ``max_name_share`` (0.7), ``min_confidence`` (0.9),
    ``close_min_confidence`` (0.99).
    """

    code = "TQA402"
    name = "language.untranslated"
    status = "untranslated"

    def message(self, segment: Segment, verdict: LanguageVerdict) -> str:
        expected = base_language(segment.tgt_lang)
        return (
            f"target is still in the source language {_named(verdict)}, not '{expected}': "
            f"{verdict.reason}"
        )


CHECKS: list[type[Check]] = [WrongLanguage, Untranslated]
