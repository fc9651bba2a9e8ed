from __future__ import annotations

from collections.abc import Iterator

from tests.core.dummy import ALL, seg
from tqa.core.check import Emitted, RunContext
from tqa.core.config import Config
from tqa.core.model import Finding, Segment, Severity
from tqa.core.pipeline import Pipeline, build_checks
from tqa.core.registry import Registry


def run(segments, select=(), ignore=(), config=None, chunk_size=2):
    plan = build_checks(
        config or Config(), RunContext(), Registry(ALL), select=select, ignore=ignore
    )
    return list(Pipeline(plan.checks, chunk_size=chunk_size).run(segments))


def test_one_result_per_segment_in_order_across_chunks() -> None:
    segments = [seg(i, f"s{i}", f"t{i}" if i % 2 else "") for i in range(7)]
    results = run(segments, select=["TST101"])
    assert [r.segment.id for r in results] == [str(i) for i in range(7)]
    assert [[f.code for f in r.findings] for r in results] == [
        ["TST101"] if i % 2 == 0 else [] for i in range(7)
    ]
    assert results[1].scores == {"length": 2.0}


def test_a_raising_check_becomes_tqa001_and_the_run_goes_on() -> None:
    results = run([seg(1, "boom", "x"), seg(2, "fine", "y")])
    assert [f.code for f in results[0].findings] == ["TQA001"]
    message = results[0].findings[0].message
    assert message.startswith("check TST102 (test.boom) failed: RuntimeError: exploded")
    assert results[1].findings == []


def test_span_out_of_range_becomes_tqa001() -> None:
    results = run([seg(1, "a", "b")], select=["TST103"])
    assert [f.code for f in results[0].findings] == ["TQA001"]
    assert "span out of range" in results[0].findings[0].message


def test_document_checks_reset_per_document() -> None:
    segments = [
        seg(1, "a", "same", "d1"),
        seg(2, "b", "same", "d1"),
        seg(3, "c", "same", "d2"),
        seg(4, "d", "SAME", "d2"),
    ]
    results = run(segments, select=["TST2"])
    assert [[f.code for f in r.findings] for r in results] == [[], ["TST201"], [], []]
    cfg = Config(checks={"other.repeat": {"ignore_case": True}})
    results = run(segments, select=["TST2"], config=cfg)
    assert [[f.code for f in r.findings] for r in results] == [[], ["TST201"], [], ["TST201"]]


def test_severity_override_from_config() -> None:
    cfg = Config(severity={"TST101": Severity.CRITICAL})
    results = run([seg(1, "a", "")], config=cfg)
    assert results[0].findings[0].severity is Severity.CRITICAL


def test_findings_sorted_by_code() -> None:
    results = run([seg(1, "boom", "")])
    assert [f.code for f in results[0].findings] == ["TQA001", "TST101"]


def test_the_default_batch_skips_check_where_quiet_says_so() -> None:
    from tqa.core.check import Check
    from tqa.core.model import Category, Segment, Severity

    called: list[str] = []

    class Flag(Check):
        """Flags every target; quiet on segments whose source is 'skip'."""

        code = "TST901"
        name = "test.flag"
        category = Category.OTHER
        severity = Severity.MINOR

        def quiet(self, segment: Segment) -> bool:
            return segment.source == "skip"

        def check(self, segment: Segment) -> Iterator[Emitted]:
            called.append(segment.id)
            yield self.finding(segment, "flagged")

    segments = [Segment(str(i), src, "t", "es", "en") for i, src in enumerate(["a", "skip", "b"])]
    batch = Flag().check_batch(segments)
    messages = [[f.message for f in emitted if isinstance(f, Finding)] for emitted in batch]
    assert messages == [["flagged"], [], ["flagged"]]
    assert called == ["0", "2"]


def test_shared_analyses_are_made_once_per_segment_and_key() -> None:
    from tqa.core import check as check_module

    context = RunContext()
    calls: list[tuple[str, str]] = []

    def length(segment: Segment) -> int:
        calls.append((segment.id, "length"))
        return len(segment.target)

    def words(segment: Segment) -> int:
        calls.append((segment.id, "words"))
        return len(segment.target.split())

    first = Segment("1", "Hola a todos.", "Hello everyone.", "es", "en")
    twin = Segment("1", "Hola a todos.", "Hello everyone.", "es", "en")  # equal, not the same
    assert [context.analysis(first, "length", length) for _ in range(3)] == [15, 15, 15]
    assert context.analysis(first, "words", words) == 2
    assert context.analysis(twin, "length", length) == 15  # from the memo, by value
    # more segments than the identity cache holds: still each analysis once
    others = [
        Segment(str(n), "x", "y" * n, "es", "en") for n in range(check_module.RECENT_LIMIT + 5)
    ]
    assert [context.analysis(s, "length", length) for s in others] == list(range(len(others)))
    assert context.analysis(first, "words", words) == 2
    assert calls[:2] == [("1", "length"), ("1", "words")]
    assert len(calls) == 2 + len(others)
