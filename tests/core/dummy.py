"""Small checks used to test the core without depending on a real family."""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar

from tqa.core.check import Check, Emitted
from tqa.core.model import Category, Score, Segment, Severity


class EmptyTarget(Check):
    """Target is empty."""

    code = "TST101"
    name = "test.empty"
    category = Category.ACCURACY
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if not segment.target:
            yield self.finding(segment, "empty", target_span=(0, 0))
        yield Score("length", float(len(segment.target)))


class Boom(Check):
    """Raises on segments whose source says boom."""

    code = "TST102"
    name = "test.boom"
    category = Category.OTHER
    severity = Severity.MINOR

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if "boom" in segment.source:
            raise RuntimeError("exploded")
        return []


class BadSpan(Check):
    """Returns a span outside the target."""

    code = "TST103"
    name = "test.bad-span"
    category = Category.OTHER
    severity = Severity.MINOR
    enabled_by_default = False

    def check(self, segment: Segment) -> Iterable[Emitted]:
        yield self.finding(segment, "bad", target_span=(0, len(segment.target) + 5))


class Repeats(Check):
    """Document check: flags a target seen before in the same document."""

    code = "TST201"
    name = "other.repeat"
    category = Category.STYLE
    severity = Severity.CRITICAL
    scope = "document"
    options: ClassVar[dict[str, object]] = {"ignore_case": False}

    def start_document(self, document: str) -> None:
        self.seen: set[str] = set()

    def check(self, segment: Segment) -> Iterable[Emitted]:
        key = segment.target.lower() if self.opts["ignore_case"] else segment.target
        if key in self.seen:
            yield self.finding(segment, "repeated")
        self.seen.add(key)


ALL = [EmptyTarget, Boom, BadSpan, Repeats]


def seg(i: int, source: str, target: str, document: str = "d") -> Segment:
    return Segment(str(i), source, target, "en", "es", document=document)


class FlagWord(Check):
    """Flags every ``311`` in the target, and the first ``alert`` in the source."""

    code = "TST301"
    name = "test.flag-word"
    category = Category.ACCURACY
    severity = Severity.MAJOR

    def check(self, segment: Segment) -> Iterable[Emitted]:
        start = segment.target.find("311")
        while start >= 0:
            yield self.finding(segment, "flagged 311", target_span=(start, start + 3))
            start = segment.target.find("311", start + 1)
        at = segment.source.find("alert")
        if at >= 0:
            yield self.finding(
                segment,
                "alert in source",
                source_span=(at, at + 5),
                severity=Severity.MINOR,
            )
