"""Check family: adequacy (TQA6xx).

Omitted and added sentences found by aligning two unaligned documents
(``tqa.align.read_document_pair``, ``tqa check SRC --target-doc TGT``). The aligner marks a
source sentence left without a counterpart with the segment flag ``omission`` (the segment's
target is empty) and a target sentence without one with ``addition`` (its source is empty);
these checks turn the flags into findings. Segments from bilingual files carry no such flags,
so the checks stay silent on them (an empty target there is TQA101's business).

* TQA601 ``adequacy.omission``  a source sentence has no counterpart in the translation
* TQA602 ``adequacy.addition``  a target sentence has no counterpart in the source
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from tqa.core.check import Check, Emitted
from tqa.core.model import ADDITION, OMISSION, Category, Segment, Severity

_QUANTITY_KINDS = frozenset({"number", "percent", "ordinal", "date", "time"})
_DIGIT = re.compile(r"\d")


def numbers_in(text: str, lang: str) -> list[str]:
    """The numbers (quantities, dates, times; not codes, not pronoun-like words) of ``text``."""
    try:
        from tqa.lang.numbers import extract
    except ImportError:  # pragma: no cover - the numbers module ships with tqa
        return [m.group() for m in re.finditer(r"\d+(?:[.,]\d+)*", text)]
    return [
        m.text
        for m in extract(text, lang)
        if m.kind in _QUANTITY_KINDS and not getattr(m, "weak", False)
    ]


def _whole(text: str) -> tuple[int, int]:
    """The span of ``text`` without its leading and trailing white space."""
    start = len(text) - len(text.lstrip())
    return (start, max(start, len(text.rstrip())))


class SentenceOmitted(Check):
    """A source sentence has no counterpart in the translation.

    Found by the sentence aligner when two unaligned documents are checked
    (``tqa check story.es.txt --target-doc story.en.txt``): a source sentence that no target
    sentence renders, neither alone nor merged with a neighbour. An omitted sentence is
    information the reader of the translation never gets; in a news story it is often a
    casualty figure or an attribution. The source span covers the whole omitted sentence.

    Bad:  ``Murieron 311 personas. El OSDH culpó a Rusia.`` -> ``SOHR blamed Russia.``
    Good: ``Murieron 311 personas. El OSDH culpó a Rusia.`` -> ``311 people died. SOHR
    blamed Russia.``

    Severity is major, and critical when the omitted sentence holds a number (a quantity,
    date or time; not a code, not a pronoun-like ``uno``).

    Options: ``numbers_critical`` (default true: raise sentences with numbers to critical).
    """

    sees_unaligned = True
    code = "TQA601"
    name = "adequacy.omission"
    category = Category.ACCURACY
    severity = Severity.MAJOR
    options: ClassVar[Mapping[str, Any]] = {"numbers_critical": True}

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if OMISSION not in segment.flags or not segment.source.strip():
            return
        numbers = numbers_in(segment.source, segment.src_lang)
        message = "source sentence has no counterpart in the translation (omitted)"
        severity = None
        if numbers:
            message += f"; it holds {', '.join(repr(n) for n in numbers)}"
            if self.opts["numbers_critical"]:
                severity = Severity.CRITICAL
        yield self.finding(segment, message, source_span=_whole(segment.source), severity=severity)


class SentenceAdded(Check):
    """A target sentence has no counterpart in the source.

    Found by the sentence aligner when two unaligned documents are checked: a target
    sentence that renders no source sentence. It may be a legitimate explanation for the
    reader, but in an agency story an added sentence is unsourced content (a figure, a claim)
    that an editor must confirm. The target span covers the whole added sentence.

    Bad:  ``Murieron 311 personas.`` -> ``311 people died. Most of them were children.``
    Good: ``Murieron 311 personas.`` -> ``311 people died.``

    Options: none.
    """

    sees_unaligned = True
    code = "TQA602"
    name = "adequacy.addition"
    category = Category.ACCURACY
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterator[Emitted]:
        if ADDITION not in segment.flags or not segment.target.strip():
            return
        yield self.finding(
            segment,
            "target sentence has no counterpart in the source (added)",
            target_span=_whole(segment.target),
        )


CHECKS: list[type[Check]] = [SentenceOmitted, SentenceAdded]
