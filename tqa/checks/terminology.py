"""Check family: terminology (TQA301-304, with a glossary) and consistency (TQA310-311).

The glossary checks share one matcher per run (``RunContext.resource("glossary")``, built from
the ``--glossary`` files) and one analysis per segment (the terms found in source and target),
so that TQA301, TQA302 and TQA303 agree on what a segment says about a concept.
"""

from __future__ import annotations

import functools
import hashlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any, ClassVar

from tqa.checks.format import untranslated
from tqa.core.check import Check, Emitted, RunContext
from tqa.core.compact import DigestMap
from tqa.core.model import Category, Segment, Severity, Span
from tqa.errors import CheckUnavailable
from tqa.glossary.io import load_glossaries
from tqa.glossary.matcher import Matcher, TermMatch
from tqa.glossary.model import Concept, Glossary, Term, TermStatus
from tqa.glossary.normalize import normalize_text

NO_GLOSSARY = "terminology checks TQA301-304 need --glossary FILE"

_APPROVED = (TermStatus.PREFERRED, TermStatus.ADMITTED)
"""``TermStatus.approved`` without the property call (this runs for every match)."""


@dataclass(frozen=True)
class TermIndex:
    """The merged glossary of a run and its matcher."""

    glossary: Glossary
    matcher: Matcher
    _preferred: dict[tuple[str, str], Term | None] = field(
        default_factory=dict, compare=False, repr=False
    )
    _terms_in: dict[tuple[str, str], tuple[Term, ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _full_forms: dict[tuple[str, str], Term | None] = field(
        default_factory=dict, compare=False, repr=False
    )

    def preferred(self, concept_id: str, lang: str) -> Term | None:
        """``Concept.preferred``, memoised (a search through the concept's terms)."""
        memo_key = (concept_id, lang)
        try:
            return self._preferred[memo_key]
        except KeyError:
            found = self._preferred[memo_key] = self.glossary[concept_id].preferred(lang)
            return found

    def terms_in(self, concept_id: str, lang: str) -> tuple[Term, ...]:
        """``Concept.terms_in``, memoised."""
        memo_key = (concept_id, lang)
        found = self._terms_in.get(memo_key)
        if found is None:
            found = self._terms_in[memo_key] = tuple(self.glossary[concept_id].terms_in(lang))
        return found

    def full_form(self, concept_id: str, lang: str) -> Term | None:
        """The approved full form to suggest for an acronym (``_full_form``), memoised."""
        memo_key = (concept_id, lang)
        try:
            return self._full_forms[memo_key]
        except KeyError:
            found = self._full_forms[memo_key] = _full_form(self.glossary[concept_id], lang)
            return found


def term_index(context: RunContext) -> TermIndex:
    """The run's glossary matcher, built once; ``CheckUnavailable`` without ``--glossary``."""
    if not context.glossary_paths:
        raise CheckUnavailable(NO_GLOSSARY)

    def build() -> TermIndex:
        glossary = load_glossaries(context.glossary_paths)
        return TermIndex(glossary, Matcher(glossary))

    return context.resource("glossary", build)


@dataclass(frozen=True)
class SegmentTerms:
    """What the glossary says about one segment."""

    source: tuple[TermMatch, ...]
    target: tuple[TermMatch, ...]
    """Target matches, after ambiguous spans were settled by what the source says."""
    deprecated: tuple[TermMatch, ...]
    """Target matches of deprecated or forbidden terms (TQA302)."""
    missing: tuple[TermMatch, ...]
    """For each concept with no approved target rendering: its first source match (TQA301)."""

    @property
    def deprecated_concepts(self) -> frozenset[str]:
        return frozenset(m.concept_id for m in self.deprecated)


Found = tuple[list[TermMatch], list[TermMatch]]


def glossary_matches(index: TermIndex, context: RunContext, segment: Segment) -> Found:
    """The raw glossary matches of both sides of a segment, found once per segment and
    shared by the terminology and the name checks."""
    return context.analysis(
        segment,
        "glossary-matches",
        lambda s: (
            index.matcher.find(s.source, s.src_lang),
            index.matcher.find(s.target, s.tgt_lang),
        ),
    )


_NOTHING = SegmentTerms((), (), (), ())


def analyse(index: TermIndex, segment: Segment, found: Found | None = None) -> SegmentTerms:
    matcher = index.matcher
    if found is None:
        found = (
            matcher.find(segment.source, segment.src_lang),
            matcher.find(segment.target, segment.tgt_lang),
        )
    if not found[0] and not found[1]:
        return _NOTHING
    source = tuple(found[0])
    in_source = {m.concept_id for m in source}
    target = tuple(_settle(found[1], in_source))
    deprecated: tuple[TermMatch, ...] = ()
    if any(m.term.status not in _APPROVED for m in target):
        by_span: dict[Span, list[TermMatch]] = {}
        for match in target:
            by_span.setdefault(match.span, []).append(match)
        deprecated = tuple(
            m
            for m in target
            if m.term.status not in _APPROVED
            and not any(o.term.status in _APPROVED for o in by_span[m.span])
        )
    rendered = {m.concept_id for m in target if m.term.status in _APPROVED}
    dep_concepts = {m.concept_id for m in deprecated}
    missing: list[TermMatch] = []
    reported: set[str] = set()
    for match in source:
        cid = match.concept_id
        if cid in reported or cid in rendered or cid in dep_concepts:
            continue
        reported.add(cid)
        if index.preferred(cid, segment.tgt_lang) is not None:
            missing.append(match)
    if missing:
        # An approved term inside a longer term of another concept still renders the
        # concept ("Aleppo" inside "Aleppo province").
        nested = {
            m.concept_id
            for m in matcher.find(segment.target, segment.tgt_lang, overlapping=True)
            if m.term.status.approved
        }
        missing = [m for m in missing if m.concept_id not in nested]
    return SegmentTerms(source, target, deprecated, tuple(missing))


def _settle(matches: list[TermMatch], in_source: set[str]) -> list[TermMatch]:
    """Where one span matches terms of several concepts, keep those the source mentions."""
    if len(matches) < 2:
        return matches
    by_span: dict[Span, list[TermMatch]] = {}
    for match in matches:
        by_span.setdefault(match.span, []).append(match)
    kept: list[TermMatch] = []
    for match in matches:
        group = by_span[match.span]
        if len(group) > 1 and match.concept_id not in in_source:
            if any(o.concept_id in in_source for o in group):
                continue
        kept.append(match)
    return kept


class _GlossaryCheck(Check):
    """Shared set-up of the glossary-based checks."""

    category: ClassVar[Category] = Category.TERMINOLOGY

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        self.index = term_index(self.context)

    def terms(self, segment: Segment) -> SegmentTerms:
        return self.context.analysis(segment, "terminology", self._analyse)

    def _analyse(self, segment: Segment) -> SegmentTerms:
        return analyse(self.index, segment, glossary_matches(self.index, self.context, segment))

    @staticmethod
    def nothing_in(terms: SegmentTerms) -> bool:
        """True when the analysis gives this check nothing to report."""
        return False

    def quiet(self, segment: Segment) -> bool:
        return self.nothing_in(self.terms(segment))

    def concept(self, concept_id: str) -> Concept:
        return self.index.glossary[concept_id]


def _quoted(term: Term | None) -> str:
    return f"'{term.text}'" if term is not None else "an approved term"


class MissingTerm(_GlossaryCheck):
    """A source term is not rendered with an approved target term.

    Finds segments whose source contains a glossary term (in any inflected form) while the
    target contains none of the preferred or admitted target-language terms of the same
    concept. Agency copy must name armed groups, places and weapons the way the glossary
    says; a paraphrase or a literal translation hides which entity is meant. When the target
    uses a deprecated or forbidden term of the concept instead, TQA302 reports it, not this
    check. Concepts without an approved term in the target language, empty targets and
    untranslated targets (identical to the source, reported once by TQA102) are not checked.

    Bad:  "Los bombardeos aéreos sobre Alepo" -> "The air bombings on Aleppo"
    Good: "Los bombardeos aéreos sobre Alepo" -> "The airstrikes on Aleppo"

    The finding spans the source term; the suggestion is the preferred target term.
    Options: none.
    """

    code = "TQA301"
    name = "terminology.missing"
    severity = Severity.MAJOR

    @staticmethod
    def nothing_in(terms: SegmentTerms) -> bool:
        return not terms.missing

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if not segment.target.strip() or untranslated(segment):
            return  # an empty or untranslated target is TQA1xx's business: one error, not many
        for match in self.terms(segment).missing:
            concept = self.concept(match.concept_id)
            preferred = self.index.preferred(concept.id, segment.tgt_lang)
            written = segment.source[match.start : match.end]
            yield self.finding(
                segment,
                f"'{written}' ({concept.id}) has no approved {segment.tgt_lang} rendering "
                f"in the target; expected {_quoted(preferred)}",
                source_span=match.span,
                suggestion=preferred.text if preferred is not None else None,
            )


class DeprecatedTerm(_GlossaryCheck):
    """A deprecated or forbidden target term is used.

    Finds target-language terms the glossary marks deprecated (minor by default) or
    forbidden (major), in any inflected form. Deprecated names (a literal rendering such as
    "Levant Liberation Organization") and forbidden ones (loaded or wrong names) must not
    reach publication. A span that also matches an approved term of another concept is not
    reported.

    Bad:  "fighters of the Levant Liberation Organization"
    Good: "fighters of Hayat Tahrir al-Sham"

    The finding spans the target term; the suggestion is the concept's preferred term.
    Options: ``deprecated_major`` (default false): report deprecated terms as major too.
    """

    code = "TQA302"
    name = "terminology.deprecated"
    severity = Severity.MINOR
    options: ClassVar[dict[str, Any]] = {"deprecated_major": False}

    @staticmethod
    def nothing_in(terms: SegmentTerms) -> bool:
        return not terms.deprecated

    def check(self, segment: Segment) -> Iterable[Emitted]:
        for match in self.terms(segment).deprecated:
            concept = self.concept(match.concept_id)
            preferred = self.index.preferred(concept.id, segment.tgt_lang)
            status = match.term.status.value
            if status == "forbidden":
                severity = max(self.effective_severity, Severity.MAJOR)
            elif self.opts["deprecated_major"]:
                severity = max(self.effective_severity, Severity.MAJOR)
            else:
                severity = self.effective_severity
            written = segment.target[match.start : match.end]
            yield self.finding(
                segment,
                f"'{written}' is a {status} term for {concept.id}; use {_quoted(preferred)}",
                target_span=match.span,
                suggestion=preferred.text if preferred is not None else None,
                severity=severity,
            )


class InconsistentTerm(_GlossaryCheck):
    """One concept is rendered with different full forms across the document.

    The first full-form rendering of a concept in the target sets the document's choice;
    every later segment that renders the concept with another full form (another term of the
    concept, not an inflection of the same one) is reported. Acronyms and abbreviations never
    count as a different rendering, nor does a shortened reference made of a run of the
    chosen form's words ("al-Assad" after "Bashar al-Assad"); a segment that gets TQA302 for
    a concept does not also get TQA303 for it. Readers take two names for two groups:
    "Hayat Tahrir al-Sham" here and "Organization for the Liberation of the Levant" there
    look like different actors.

    Bad:  segment 1 "Hayat Tahrir al-Sham"; segment 5 "Tahrir al-Sham Committee"
    Good: segment 1 "Hayat Tahrir al-Sham"; segment 5 "Hayat Tahrir al-Sham" or "HTS"

    When the source itself switches names for the concept ("rebeldes" first, "insurgentes"
    later), a target that follows it ("rebels", then "insurgents") is faithful, not drift:
    with ``follow_source`` (on by default) such a segment is not reported.

    The finding spans the later rendering; the suggestion is the document's choice.
    Options: ``follow_source`` (default true). State: one entry per concept (target term,
    segment id and the source terms seen there).
    """

    code = "TQA303"
    name = "terminology.inconsistent"
    severity = Severity.MINOR
    scope = "document"
    shared_analyses: ClassVar[frozenset[str]] = frozenset({"terminology"})
    options: ClassVar[dict[str, Any]] = {"follow_source": True}

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        self.choice: dict[str, tuple[str, str, frozenset[str]]] = {}

    def start_document(self, document: str) -> None:
        self.choice = {}

    def check(self, segment: Segment) -> Iterable[Emitted]:
        terms = self.terms(segment)
        if not terms.target:
            return ()  # not a generator: most segments end here
        return self._check(segment, terms)

    def _check(self, segment: Segment, terms: SegmentTerms) -> Iterator[Emitted]:
        skip = terms.deprecated_concepts
        set_here: set[str] = set()
        for match in terms.target:
            cid = match.concept_id
            if cid in skip or match.term.status not in _APPROVED or match.term.is_short_form:
                continue
            chosen = self.choice.get(cid)
            if chosen is None:
                in_source = frozenset(m.term.text for m in terms.source if m.concept_id == cid)
                self.choice[cid] = (match.term.text, segment.id, in_source)
                set_here.add(cid)
                continue
            text, where, source_then = chosen
            if cid in set_here or match.term.text == text:
                continue
            in_source = frozenset(m.term.text for m in terms.source if m.concept_id == cid)
            if (
                self.opts["follow_source"]
                and in_source
                and source_then
                and not (in_source & source_then)
            ):
                continue
            chosen_term = next(
                (t for t in self.index.terms_in(cid, segment.tgt_lang) if t.text == text), None
            )
            if chosen_term is not None and self.index.matcher.is_shortening(
                match.term, chosen_term
            ):
                continue
            written = segment.target[match.start : match.end]
            yield self.finding(
                segment,
                f"'{written}' renders {cid} differently from segment {where}, which used '{text}'",
                target_span=match.span,
                suggestion=text,
            )


class AcronymFirst(_GlossaryCheck):
    """An acronym or abbreviation is used before the full form appeared in the document.

    House rule "full name on first mention": an acronym or abbreviation (glossary term type)
    used in the target before any full form of its concept has appeared in the document is
    reported (once per concept and segment). A full form earlier in the same segment counts;
    after the full form has appeared, the acronym is fine. Concepts with no full form in the
    target language, and concepts whose preferred target term is itself an acronym ("NGO",
    "UNHCR"), are not checked.
    Readers meeting "HTS" cold cannot tell which group it is.

    Bad:  "HTS fighters entered Aleppo." (first mention)
    Good: "Hayat Tahrir al-Sham (HTS) fighters entered Aleppo."

    The finding spans the acronym; the suggestion is the full form.
    Options: ``enabled`` (default true): set false to turn the house rule off.
    """

    code = "TQA304"
    name = "terminology.acronym-first"
    severity = Severity.MINOR
    scope = "document"
    shared_analyses: ClassVar[frozenset[str]] = frozenset({"terminology"})
    options: ClassVar[dict[str, Any]] = {"enabled": True}

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        self.introduced: set[str] = set()
        """Concepts whose full form has appeared in the document."""

    def start_document(self, document: str) -> None:
        self.introduced = set()

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if not self.opts["enabled"]:
            return ()
        target = self.terms(segment).target
        if not target:
            return ()  # not a generator: most segments end here
        return self._check(segment, target)

    def _check(self, segment: Segment, target: tuple[TermMatch, ...]) -> Iterator[Emitted]:
        reported: set[str] = set()
        for match in target:
            cid = match.concept_id
            if cid in self.introduced or cid in reported:
                continue
            if not match.term.is_short_form:
                self.introduced.add(cid)
                continue
            reported.add(cid)
            preferred = self.index.preferred(cid, segment.tgt_lang)
            if preferred is None or preferred.is_short_form:
                continue  # the glossary prefers the short form itself (NGO, UNHCR)
            full = self.index.full_form(cid, segment.tgt_lang)
            if full is None:
                continue
            written = segment.target[match.start : match.end]
            yield self.finding(
                segment,
                f"'{written}' is used before the full form '{full.text}' has appeared "
                "in the document",
                target_span=match.span,
                suggestion=full.text,
            )


def _full_form(concept: Concept, lang: str) -> Term | None:
    forms = [t for t in concept.terms_in(lang) if not t.is_short_form and t.status.approved]
    forms.sort(key=lambda t: t.status.rank)
    return forms[0] if forms else None


# -- consistency without a glossary ---------------------------------------------------------


@functools.lru_cache(maxsize=4096)
def _digest(text: str) -> bytes | None:
    """A compact key of a text (8 bytes of BLAKE2b): NFKC, typography unified, case-folded,
    whitespace collapsed. Two different texts of one document share a key with a chance of
    about n²/2⁶⁵ (3·10⁻⁸ for a million distinct texts).

    Memoised: TQA310 and TQA311 both ask for the two texts of every segment.
    """
    if text.isascii():
        # NFKC and the letter maps leave ASCII as it is; "`" is the one ASCII typography mark
        norm = " ".join(text.replace("`", "'").lower().split())
    else:
        norm = " ".join(normalize_text(text).casefold().split())
    if not norm:
        return None
    return hashlib.blake2b(norm.encode("utf-8"), digest_size=8).digest()


def _content_span(text: str) -> Span:
    stripped = text.strip()
    start = text.find(stripped) if stripped else 0
    return (start, start + len(stripped))


class _FirstPartner(Check):
    """Shared machinery of TQA310/TQA311: for each normalised text on one side, the first
    partner seen on the other side; a later segment with another partner is reported."""

    category = Category.TERMINOLOGY
    severity = Severity.MINOR
    scope = "document"
    keyed_by: ClassVar[str]
    message: ClassVar[str]

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        self.seen = DigestMap()
        """Per distinct text of the document: its key -> the partner's key and the first
        segment's id, in flat arrays (a million-segment document stays near 60 bytes per
        text and check)."""

    def start_document(self, document: str) -> None:
        self.seen = DigestMap()

    def check(self, segment: Segment) -> Iterable[Emitted]:
        source, target = _digest(segment.source), _digest(segment.target)
        if source is None or target is None:
            return ()
        key, partner = (source, target) if self.keyed_by == "source" else (target, source)
        partner_key = int.from_bytes(partner, "little")
        first = self.seen.add(int.from_bytes(key, "little"), partner_key, segment.id)
        if first is None or first[0] == partner_key:
            return ()
        return [
            self.finding(
                segment,
                self.message.format(first=first[1]),
                target_span=_content_span(segment.target),
            )
        ]


class SourceConsistency(_FirstPartner):
    """The same source segment is translated differently within the document.

    Compares segments after normalising Unicode, typography, case and whitespace; the later
    segment is reported, naming the first one. Repeated sentences (datelines, boilerplate,
    recurring names) translated two ways confuse readers and signal an unreviewed edit.
    Works without a glossary.

    Bad:  "Alto el fuego." -> "Ceasefire." ... "Alto el fuego." -> "Truce."
    Good: "Alto el fuego." -> "Ceasefire." ... "Alto el fuego." -> "Ceasefire."

    The finding spans the later target. Options: none. State: two short hashes per source.
    """

    code = "TQA310"
    name = "consistency.source"
    keyed_by = "source"
    message = "the same source was translated differently in segment {first}"


class TargetConsistency(_FirstPartner):
    """One target text is used for different source segments.

    Compares segments after normalising Unicode, typography, case and whitespace; the later
    segment is reported, naming the first one. Two different sources rarely share one
    translation: usually one of them was pasted from the other. Works without a glossary.

    Bad:  "Murieron 12 civiles." -> "12 civilians died." ... "Murieron 15 civiles." ->
          "12 civilians died."
    Good: the second target reads "15 civilians died."

    The finding spans the later target. Options: none. State: two short hashes per target.
    """

    code = "TQA311"
    name = "consistency.target"
    keyed_by = "target"
    message = "the same translation was used for a different source in segment {first}"


CHECKS: list[type[Check]] = [
    MissingTerm,
    DeprecatedTerm,
    InconsistentTerm,
    AcronymFirst,
    SourceConsistency,
    TargetConsistency,
]
