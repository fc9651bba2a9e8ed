"""Checking a glossary for problems a terminologist must fix, and counting what it holds.

:func:`validate_glossary` returns :class:`Problem` values, each naming its concept:

- ``unknown-language``: a language code that is not a known language tag (``xx``, ``e``);
- ``empty-concept``: a concept without any term;
- ``duplicate-term``: the same term (language, text up to case and typography) in two concepts;
- ``conflicting-status``: that same term with different statuses in the two concepts (preferred
  in one, deprecated in the other), or two preferred terms of one language in one concept;
- ``no-preferred``: a concept lists a language but has no preferred term in it.

Problems a reader already refuses (malformed XML, a term with two statuses inside one concept
of one file, duplicate concept ids in one file) are ``InputError``s raised when reading.
"""

from __future__ import annotations

import functools
from collections import Counter, defaultdict
from dataclasses import dataclass

from tqa.errors import UsageError
from tqa.glossary.model import Glossary, TermStatus, primary_lang
from tqa.glossary.normalize import surface


@dataclass(frozen=True)
class Problem:
    """One problem of a glossary."""

    code: str
    concept_id: str | None
    message: str

    def __str__(self) -> str:
        where = f"concept {self.concept_id}" if self.concept_id is not None else "glossary"
        return f"{where}: {self.code}: {self.message}"


@functools.cache
def known_language(code: str) -> bool:
    """Whether ``code`` is a language tag babel knows (``es``, ``pt-BR``, ``zh-Hant``)."""
    from babel import Locale, UnknownLocaleError

    text = code.strip().replace("-", "_")
    if not text or not text.replace("_", "").isalnum():
        return False
    try:
        Locale.parse(text)
    except (UnknownLocaleError, ValueError):
        try:
            Locale.parse(primary_lang(code))
        except (UnknownLocaleError, ValueError):
            return False
    return True


def check_language(code: str, what: str = "language") -> str:
    """``code`` unchanged, or a ``UsageError`` naming it when it is not a language tag."""
    if not known_language(code):
        raise UsageError(
            f"unknown {what} code {code!r}: use an ISO 639 language tag such as 'es', 'en', "
            "'ar' or 'pt-BR'"
        )
    return code


def term_key(lang: str, text: str) -> tuple[str, str]:
    """How two terms are compared: primary language and text up to case and typography."""
    return (primary_lang(lang), surface(text).casefold())


def validate_glossary(glossary: Glossary) -> list[Problem]:
    """Every problem of a glossary, concept by concept, in glossary order."""
    problems: list[Problem] = []
    owners: dict[tuple[str, str], list[tuple[str, TermStatus, str]]] = defaultdict(list)
    for concept in glossary:
        if not concept.terms:
            problems.append(Problem("empty-concept", concept.id, "the concept has no terms"))
            continue
        for lang in concept.languages():
            if not known_language(lang):
                problems.append(
                    Problem("unknown-language", concept.id, f"unknown language code {lang!r}")
                )
        languages = dict.fromkeys(primary_lang(lang) for lang in concept.languages())
        for lang in languages:
            terms = concept.terms_in(lang)
            preferred = [t.text for t in terms if t.status == TermStatus.PREFERRED]
            if not preferred:
                problems.append(
                    Problem(
                        "no-preferred",
                        concept.id,
                        f"no preferred term in {lang} (terms: {', '.join(t.text for t in terms)})",
                    )
                )
            elif len(preferred) > 1:
                problems.append(
                    Problem(
                        "conflicting-status",
                        concept.id,
                        f"{len(preferred)} preferred terms in {lang}: {', '.join(preferred)}",
                    )
                )
        for term in concept.terms:
            owners[term_key(term.lang, term.text)].append((concept.id, term.status, term.text))
    for (lang, _), users in owners.items():
        ids = list(dict.fromkeys(cid for cid, _, _ in users))
        if len(ids) < 2:
            continue
        text = users[0][2]
        statuses = {status for _, status, _ in users}
        listing = ", ".join(f"{cid} ({status.value})" for cid, status, _ in users)
        if len(statuses) > 1:
            problems.append(
                Problem(
                    "conflicting-status",
                    ids[0],
                    f"term {text!r} ({lang}) has different statuses in concepts {listing}",
                )
            )
        else:
            problems.append(
                Problem(
                    "duplicate-term",
                    ids[0],
                    f"term {text!r} ({lang}) is in several concepts: {', '.join(ids)}",
                )
            )
    return problems


@dataclass(frozen=True)
class GlossaryStats:
    """What a glossary holds."""

    concepts: int
    terms: int
    by_language: dict[str, Counter[str]]
    """Primary language -> status -> number of terms."""
    by_type: Counter[str]
    domains: Counter[str]
    without_terms: int


def glossary_stats(glossary: Glossary) -> GlossaryStats:
    by_language: dict[str, Counter[str]] = defaultdict(Counter)
    by_type: Counter[str] = Counter()
    domains: Counter[str] = Counter()
    empty = 0
    for concept in glossary:
        if not concept.terms:
            empty += 1
        domains[concept.domain or "(none)"] += 1
        for term in concept.terms:
            by_language[primary_lang(term.lang)][term.status.value] += 1
            by_type[term.term_type.value if term.term_type else "(none)"] += 1
    return GlossaryStats(
        concepts=len(glossary),
        terms=glossary.term_count(),
        by_language=dict(sorted(by_language.items())),
        by_type=by_type,
        domains=domains,
        without_terms=empty,
    )
