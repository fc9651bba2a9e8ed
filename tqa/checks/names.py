"""Check family: names, acronyms and codes preserved (TQA351-353).

In news translation a changed name is as serious as a changed number: a spokesperson, a town
or an armed group that becomes another one. Most names are in no glossary, so these checks
work without one: :mod:`tqa.lang.names` finds the names, acronyms, codes and handles of each
side and looks for a counterpart on the other (exact, inflected, transliterated, a spelling
variant or a CLDR exonym). With ``--glossary`` the glossary's concepts count as counterparts
too (``Aleppo`` = ``Alepo``, ``HTS`` = ``Organismo de Liberación del Levante``).

The three checks share one analysis per segment (``RunContext.analysis(segment, "names")``).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from tqa.checks.terminology import Found, TermIndex, glossary_matches, term_index
from tqa.core.check import Check, Emitted, RunContext
from tqa.core.model import Category, Segment, Severity, Span
from tqa.errors import CheckUnavailable
from tqa.lang.names import NameReport, compare, main_script


def glossary_index(context: RunContext) -> TermIndex | None:
    """The run's shared glossary (the terminology family's), or ``None`` without
    ``--glossary``. A glossary that cannot be read is an error, as for terminology."""
    if not context.glossary_paths:
        return None
    try:
        return term_index(context)
    except CheckUnavailable:
        return None


def _glossary_spans(found: Found | None) -> tuple[list[Span], list[Span]]:
    """Spans of glossary terms whose concept is found on both sides."""
    if found is None:
        return [], []
    source, target = found
    shared = {m.concept_id for m in source} & {m.concept_id for m in target}
    return (
        [m.span for m in source if m.concept_id in shared],
        [m.span for m in target if m.concept_id in shared],
    )


def analyse(segment: Segment, found: Found | None = None) -> NameReport:
    """The names report of one segment (shared by TQA351-353); ``found`` holds the raw
    glossary matches of both sides, when a glossary is given."""
    source_covered, target_covered = _glossary_spans(found)
    return compare(
        segment.source,
        segment.target,
        segment.src_lang,
        segment.tgt_lang,
        source_covered=source_covered,
        target_covered=target_covered,
    )


class _NameCheck(Check):
    category: ClassVar[Category] = Category.ACCURACY
    options: ClassVar[Mapping[str, Any]] = {"ignore": ()}

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        self.index = glossary_index(self.context)

    def names(self, segment: Segment) -> NameReport:
        return self.context.analysis(segment, "names", self._analyse)

    def _analyse(self, segment: Segment) -> NameReport:
        found = (
            glossary_matches(self.index, self.context, segment) if self.index is not None else None
        )
        return analyse(segment, found)

    def ignored(self, text: str) -> bool:
        wanted = {str(i).casefold() for i in self.opts["ignore"]}
        return text.casefold() in wanted


_KIND_WORDS = {
    "name": "name",
    "acronym": "acronym",
    "code": "code",
    "handle": "handle",
    "foreign": "Latin-script word",
}


class NameMissing(_NameCheck):
    """A name, acronym or code in the source has no counterpart in the target.

    Finds capitalised names (with particles such as *al-*, *de*, *bin*, *von*), acronyms,
    codes (``F-16``, ``COVID-19``), ``@handles`` and Latin-script words in a non-Latin source
    that the target neither keeps, inflects (``Putin`` → ``Putina``), transliterates
    (``Андрей`` → ``Andrei``), respells (``Alepo`` → ``Aleppo``) nor renders by its exonym
    (CLDR's countries and cities, and tqa's list of cities CLDR lacks: ``Alemania`` →
    ``Germany``, ``Ginebra`` → ``Geneva``) or glossary term. A dropped spokesperson, town or
    armed group changes the story.

    Bad:  ``Según el OSDH, Idlib sigue bajo control rebelde.`` ->
    ``According to SOHR, the province remains under rebel control.``
    Good: ``Según el OSDH, Idlib sigue bajo control rebelde.`` ->
    ``According to SOHR, Idlib remains under rebel control.``

    Not flagged: sentence-initial words (unless a known country or city), months and
    weekdays, titles (``Presidente``), nationality adjectives, generic institution nouns
    (``Ejército``), capitalised German nouns (a German name needs two capitalised words, a
    title, or to be a known place), descriptive names (built on an institution noun, a
    demonym or ``of``/``for``: ``Observatorio Sirio de Derechos Humanos``), which are
    translated, and the first name of a person whose surname is kept (``Bashar al-Asad`` →
    ``al-Assad``). When another name stands in its place the finding is TQA352.

    Options: ``ignore`` (names never reported, e.g. ``["Reuters"]``).
    """

    code = "TQA351"
    name = "names.missing"
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        for item in self.names(segment).missing:
            mention = item.mention
            if self.ignored(mention.text):
                continue
            kind = _KIND_WORDS[mention.kind]
            yield self.finding(
                segment,
                f"source {kind} '{mention.text}' has no counterpart in the target",
                source_span=mention.span,
            )


class NameExtra(_NameCheck):
    """A name in the target has no counterpart in the source (a named entity replaced).

    Finds target names, acronyms, codes and handles that nothing in the source accounts for:
    the typical machine-translation error where one town, person or group is swapped for
    another, or a name is misspelled beyond a known variant. When an unmatched source name
    stands at about the same place, the finding names it (source span and suggestion).

    Bad:  ``Los combates se concentraron en Idlib.`` -> ``Fighting centred on Homs.``
    Good: ``Los combates se concentraron en Idlib.`` -> ``Fighting centred on Idlib.``

    Spelling variants with the same consonant skeleton (``Asad``/``Assad``,
    ``Hizbulá``/``Hezbollah``), inflected forms, transliterations and exonyms (CLDR's, and
    tqa's list of cities) are not flagged; neither are titles, demonyms (``Syrian``) or
    sentence-initial words.

    Options: ``ignore`` (names never reported).
    """

    code = "TQA352"
    name = "names.extra"
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        for item in self.names(segment).extra:
            mention = item.mention
            if self.ignored(mention.text):
                continue
            kind = _KIND_WORDS[mention.kind]
            if item.replaces is not None:
                replaced = item.replaces
                same_script = main_script(replaced.text) == main_script(mention.text)
                yield self.finding(
                    segment,
                    f"target {kind} '{mention.text}' is not in the source; "
                    f"the source has '{replaced.text}' here",
                    source_span=replaced.span,
                    target_span=mention.span,
                    suggestion=replaced.text if same_script else None,
                )
            else:
                yield self.finding(
                    segment,
                    f"target {kind} '{mention.text}' has no counterpart in the source",
                    target_span=mention.span,
                )


class AcronymChanged(_NameCheck):
    """An acronym of the source is written differently in the target (``SOHR`` → ``SHOR``).

    Finds a source acronym (or its conventional form in the target language) missing from
    the target while the target has an acronym that is a near variant of it: the same
    letters in another order with the first letter kept (``SOHR``/``SHOR``, ``FSB``/``FBS``),
    or, from four letters on, one letter added, dropped or changed (``SOHR``/``SOHT``). One
    finding covers both spans (not a TQA351 plus a TQA352). A misspelled acronym names
    another organisation or none.

    Bad:  ``según el OSDH`` -> ``according to the ODSH``
    Good: ``según el OSDH`` -> ``according to SOHR`` (a conventional translation)

    Acronyms translated by convention (``ONU``/``UN``, ``OTAN``/``NATO``, ``OSDH``/``SOHR``,
    ``EE.UU.``/``US``) come from the glossary and a small built-in table. Without either, a
    source acronym and a target acronym at about the same place are taken as such a
    translation, and neither is reported, when their letters differ entirely, when the
    first letter moved (``RDC``/``DRC``: the head word moved) or when one letter of three
    changed (``EZB``/``ECB``). Acronyms across scripts are compared transliterated
    (``ФСБ`` = ``FSB``); one that does not transliterate (``МИД``) is not reported.

    Severity is major by default: a news desk that treats every acronym as critical sets
    ``[tool.tqa.severity] TQA353 = "critical"``. Options: ``ignore`` (acronyms never
    reported).
    """

    code = "TQA353"
    name = "names.acronym-changed"
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        for item in self.names(segment).changed:
            if self.ignored(item.source.text):
                continue
            yield self.finding(
                segment,
                f"acronym '{item.source.text}' is written '{item.target.text}' in the target",
                source_span=item.source.span,
                target_span=item.target.span,
                suggestion=item.source.text,
            )


CHECKS: list[type[Check]] = [NameMissing, NameExtra, AcronymChanged]
