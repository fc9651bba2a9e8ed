"""Check family: numbers (TQA2xx).

Numbers are compared by *value*, not as digit strings: ``1,000.5`` (en) = ``1.000,5`` (es) =
``1 000,5`` (fr); ``four`` = ``cuatro`` = 4; ``2.5 million`` = ``2,5 millones``;
``November 27`` = ``27 de noviembre``. The extraction and the source/target alignment live in
:mod:`tqa.lang.numbers` and run once per segment; each class here reports its own part:

* TQA201 ``numbers.missing``   a source number has no counterpart in the target
* TQA202 ``numbers.extra``     a target number has no counterpart in the source
* TQA203 ``numbers.changed``   a source and a target number pair up but differ in value
* TQA204 ``numbers.format``    a target number written in another locale's format
* TQA205 ``numbers.ambiguous`` a number whose reading the locale cannot settle (neutral)

A changed number is reported once, as TQA203, never also as missing plus extra.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from tqa.core.check import Check, Emitted
from tqa.core.model import Category, Segment, Severity
from tqa.lang.numbers import Mention, NumberAnalysis, analyze, format_for

ANALYSIS_KEY = "numbers.analysis"


def _analyze(segment: Segment) -> NumberAnalysis:
    return analyze(segment.source, segment.target, segment.src_lang, segment.tgt_lang)


def _analysis(check: Check, segment: Segment) -> NumberAnalysis:
    return check.context.analysis(segment, ANALYSIS_KEY, _analyze)


def _what(mention: Mention) -> str:
    labels = {
        "date": "date",
        "time": "time",
        "weekday": "weekday",
        "month": "month",
        "code": "code",
        "percent": "percentage",
        "ordinal": "ordinal",
    }
    return labels.get(mention.kind, "number")


class _NumberCheck(Check):
    category: ClassVar[Category] = Category.ACCURACY

    def analysis(self, segment: Segment) -> NumberAnalysis:
        return _analysis(self, segment)

    @staticmethod
    def nothing_in(analysis: NumberAnalysis) -> bool:
        """True when the analysis gives this check nothing to report."""
        return False

    def quiet(self, segment: Segment) -> bool:
        # five checks share each analysis; most segments give each of them nothing
        return self.nothing_in(self.context.analysis(segment, ANALYSIS_KEY, _analyze))


class NumberMissing(_NumberCheck):
    """A number in the source is missing from the target.

    Finds source numbers (digits, number words, dates, times, percentages, weekdays, codes
    such as ``COVID-19``) with no number of the same value in the target, after translation
    reorderings and locale formats are taken into account. A dropped casualty figure or date
    is a critical accuracy error.

    Bad:  ``Murieron 311 personas y 183 resultaron heridas.`` -> ``311 people died.``
    Good: ``Murieron 311 personas y 183 resultaron heridas.`` ->
    ``311 people died and 183 were injured.``

    Severity is critical when the source wrote the number in digits and ``words_severity``
    (default major) when it wrote it in words, or it is a weekday, month or code. Numbers
    often used as pronouns or articles (``one of``, ``uno de los``, ``first``) are never
    reported on their own.

    Options: ``words_severity`` (severity for numbers written in words, default ``major``).
    """

    code = "TQA201"
    name = "numbers.missing"
    severity = Severity.CRITICAL
    options: ClassVar[Mapping[str, Any]] = {"words_severity": "major"}

    @staticmethod
    def nothing_in(analysis: NumberAnalysis) -> bool:
        return not analysis.missing

    def check(self, segment: Segment) -> Iterator[Emitted]:
        analysis = self.analysis(segment)
        words_severity = Severity.parse(str(self.opts["words_severity"]))
        for mention in analysis.missing:
            soft = mention.words or mention.kind in ("weekday", "month", "code")
            yield self.finding(
                segment,
                f"{_what(mention)} '{mention.text}' ({mention.describe()}) is missing "
                "from the target",
                source_span=mention.span,
                suggestion=format_for(mention, segment.tgt_lang),
                severity=words_severity if soft else None,
            )


class NumberExtra(_NumberCheck):
    """A number in the target is not in the source.

    Finds target numbers with no number of the same value in the source: an invented figure
    or date, or one left over from another segment.

    Bad:  ``Murieron 311 personas.`` -> ``311 people died and 20 were injured.``
    Good: ``Murieron 311 personas.`` -> ``311 people died.``

    Numbers that are often pronouns or articles in the target (``one``, ``un``) are never
    reported on their own. Options: none.
    """

    code = "TQA202"
    name = "numbers.extra"
    severity = Severity.MAJOR

    @staticmethod
    def nothing_in(analysis: NumberAnalysis) -> bool:
        return not analysis.extra

    def check(self, segment: Segment) -> Iterator[Emitted]:
        for mention in self.analysis(segment).extra:
            yield self.finding(
                segment,
                f"{_what(mention)} '{mention.text}' ({mention.describe()}) in the target "
                "is not in the source",
                target_span=mention.span,
            )


class NumberChanged(_NumberCheck):
    """A number changed value between source and target.

    After numbers of equal value are matched, a source and a target number of the same type
    (number, date, time, weekday, month, code) left over at similar positions pair up: the
    translation changed the value (``183`` became ``138``, ``27 de noviembre`` became
    ``November 28``). Each side is read the way its own locale reads it, so ``1.000`` copied
    from a Spanish source into an English target is a change (English reads 1), and so is
    ``03/04/2024`` copied from English (March 4) into Spanish (3 April). Both spans are
    reported, and the suggestion is the source value written the way the target language
    writes it.

    Bad:  ``Murieron 183 personas el 27 de noviembre.`` -> ``138 people died on November 27.``
    Good: ``Murieron 183 personas el 27 de noviembre.`` -> ``183 people died on November 27.``

    Options: none.
    """

    code = "TQA203"
    name = "numbers.changed"
    severity = Severity.CRITICAL

    @staticmethod
    def nothing_in(analysis: NumberAnalysis) -> bool:
        return not analysis.changed

    def check(self, segment: Segment) -> Iterator[Emitted]:
        for pair in self.analysis(segment).changed:
            src, tgt = pair.source, pair.target
            reading = ""
            if pair.how in ("alt-target", "alt-source"):
                reading = f" as {segment.tgt_lang} reads it; source read as {segment.src_lang}"
            yield self.finding(
                segment,
                f"{_what(src)} changed: source '{src.text}' ({src.describe()}), "
                f"target '{tgt.text}' ({tgt.describe()}{reading})",
                source_span=src.span,
                target_span=tgt.span,
                suggestion=format_for(src, segment.tgt_lang),
            )


class NumberFormat(_NumberCheck):
    """A number is written in the wrong format for the target locale.

    Finds target numbers whose value is clear but whose separators or order belong to another
    locale: ``1.000,5`` in an English target, ``1,000.5`` or ``2.5`` in a Spanish one,
    ``1’000`` outside Swiss German, ``1.500`` in a French one, ``11/27/2024`` in a Spanish one.
    Separators and date order come from CLDR (Babel); spaces as thousands separators are
    accepted everywhere (SI style). A form the target locale reads as *another value*
    (``1.000`` in an English target for the source's thousand, which English reads as 1) is a
    changed number, TQA203, not a format issue.

    Bad:  ``Subió un 3,2 %.`` -> ``It rose 3,2%.``
    Good: ``Subió un 3,2 %.`` -> ``It rose 3.2%.``

    Options: none.
    """

    code = "TQA204"
    name = "numbers.format"
    severity = Severity.MINOR

    @staticmethod
    def nothing_in(analysis: NumberAnalysis) -> bool:
        return all(mention.note is None for mention in analysis.target)

    def check(self, segment: Segment) -> Iterator[Emitted]:
        analysis = self.analysis(segment)
        noted = [mention for mention in analysis.target if mention.note is not None]
        if not noted:  # the usual segment
            return
        reported = {a.mention.span for a in analysis.ambiguous if a.side == "target"}
        reported |= {a.counterpart.span for a in analysis.ambiguous if a.counterpart}
        for mention in noted:
            if mention.span in reported:
                continue
            yield self.finding(
                segment,
                f"'{mention.text}' uses {mention.note}",
                target_span=mention.span,
                suggestion=format_for(mention, segment.tgt_lang),
            )


class NumberAmbiguous(_NumberCheck):
    """A number's reading cannot be settled by the locale.

    A form like ``1.000`` or ``1,500`` means a thousand in one locale and one in another.
    tqa reads each side the way its locale does. Where that cannot settle the value (the
    separator is not one of the locale's symbols, as ``1.500`` in French; the language is
    unknown), or where the source's own reading is the unlikely one (``1.500`` read as 1.5 in
    English, three decimals where a thousands group fits) and only the other reading matches
    the target, this reports the ambiguity at neutral severity instead of guessing a mismatch.

    Bad:  source (en) ``1.500 people`` -> target (es) ``1.500 personas`` (1.5 or 1500?)
    Good: source (en) ``1,500 people`` -> target (es) ``1.500 personas``

    Options: none.
    """

    code = "TQA205"
    name = "numbers.ambiguous"
    severity = Severity.NEUTRAL

    @staticmethod
    def nothing_in(analysis: NumberAnalysis) -> bool:
        return not analysis.ambiguous

    def check(self, segment: Segment) -> Iterator[Emitted]:
        for item in self.analysis(segment).ambiguous:
            source_span = item.mention.span if item.side == "source" else None
            target_span = item.mention.span if item.side == "target" else None
            if item.counterpart is not None:
                if item.side == "source":
                    target_span = item.counterpart.span
                else:
                    source_span = item.counterpart.span
            yield self.finding(
                segment,
                item.message,
                source_span=source_span,
                target_span=target_span,
            )


CHECKS: list[type[Check]] = [
    NumberMissing,
    NumberExtra,
    NumberChanged,
    NumberFormat,
    NumberAmbiguous,
]

__all__ = [
    "CHECKS",
    "NumberAmbiguous",
    "NumberChanged",
    "NumberExtra",
    "NumberFormat",
    "NumberMissing",
]
