"""TQA601 omission and TQA602 addition: exact findings, and what they must not flag."""

from __future__ import annotations

from pathlib import Path

from tqa.align import read_document_pair
from tqa.checks.adequacy import CHECKS, SentenceAdded, SentenceOmitted
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import Category, Finding, Segment, Severity
from tqa.core.pipeline import Pipeline, build_checks
from tqa.core.registry import Registry


def seg(source: str, target: str, *flags: str, sid: str = "x") -> Segment:
    return Segment(sid, source, target, "es", "en", flags=frozenset(flags))


def omission(segment: Segment, **options: object) -> list[Finding]:
    check = SentenceOmitted(RunContext(), options=options)
    return [f for f in check.check(segment) if isinstance(f, Finding)]


def addition(segment: Segment) -> list[Finding]:
    return [f for f in SentenceAdded(RunContext()).check(segment) if isinstance(f, Finding)]


def test_omission_with_a_number_is_critical() -> None:
    source = "Entre los fallecidos hay 28 civiles."
    [finding] = omission(seg(source, "", "omission", sid="p2.s3-none"))
    assert finding == Finding(
        segment_id="p2.s3-none",
        code="TQA601",
        name="adequacy.omission",
        category=Category.ACCURACY,
        severity=Severity.CRITICAL,
        message="source sentence has no counterpart in the translation (omitted); it holds '28'",
        source_span=(0, len(source)),
        target_span=None,
    )


def test_omission_with_a_date_is_critical() -> None:
    [finding] = omission(seg("La ofensiva comenzó el 27 de noviembre.", "", "omission"))
    assert finding.severity is Severity.CRITICAL
    assert finding.message.endswith("it holds '27 de noviembre'")


def test_omission_without_numbers_is_major() -> None:
    source = "Turquía pidió el fin de los bombardeos."
    [finding] = omission(seg(source, "", "omission"))
    assert finding.severity is Severity.MAJOR
    assert finding.source_span == (0, 39)
    assert finding.message == "source sentence has no counterpart in the translation (omitted)"


def test_pronoun_like_uno_is_not_a_number() -> None:
    [finding] = omission(seg("Es uno de los principales aliados de Damasco.", "", "omission"))
    assert finding.severity is Severity.MAJOR


def test_numbers_critical_can_be_switched_off() -> None:
    [finding] = omission(seg("Murieron 311 personas.", "", "omission"), numbers_critical=False)
    assert finding.severity is Severity.MAJOR


def test_addition_is_major_and_spans_the_target() -> None:
    target = "The figures could not be verified."
    [finding] = addition(seg("", target, "addition", sid="none-p3.s2"))
    assert (finding.code, finding.name, finding.severity) == (
        "TQA602",
        "adequacy.addition",
        Severity.MAJOR,
    )
    assert finding.target_span == (0, len(target))
    assert finding.source_span is None
    assert finding.message == "target sentence has no counterpart in the source (added)"


def test_nothing_without_the_flags() -> None:
    # An empty target from a bilingual file is TQA101's business, not an omission.
    assert omission(seg("Murieron 311 personas.", "")) == []
    assert addition(seg("", "311 people died.")) == []
    assert omission(seg("Murieron 311 personas.", "311 people died.")) == []
    assert omission(seg("Murieron 311 personas.", "", "addition")) == []
    assert addition(seg("", "Added.", "omission")) == []


def test_nothing_for_an_empty_flagged_text() -> None:
    assert omission(seg("   ", "", "omission")) == []
    assert addition(seg("", "", "addition")) == []


def test_through_the_pipeline_on_two_documents(tmp_path: Path) -> None:
    src = tmp_path / "a.es.txt"
    tgt = tmp_path / "a.en.txt"
    src.write_text(
        "Aviones rusos bombardearon el sábado varios barrios de Alepo.\n"
        "Según el OSDH, al menos 311 personas han muerto desde el 27 de noviembre. "
        "Entre los fallecidos hay 28 civiles. Turquía pidió el fin inmediato de los "
        "bombardeos.\n",
        encoding="utf-8",
    )
    tgt.write_text(
        "Russian jets bombed several districts of Aleppo on Saturday.\n"
        "According to SOHR, at least 311 people have died since November 27. Turkey called "
        "for an immediate end to the bombing. The figures could not be independently "
        "verified.\n",
        encoding="utf-8",
    )
    registry = Registry(list(CHECKS))
    plan = build_checks(Config(), RunContext(), registry)
    segments = read_document_pair(src, tgt, "es", "en")
    results = list(Pipeline(plan.checks).run(segments))
    assert [r.segment.id for r in results] == [
        "p1.s1-p1.s1",
        "p2.s1-p2.s1",
        "p2.s2-none",
        "p2.s3-p2.s2",
        "none-p2.s3",
    ]
    found = [(r.segment.id, f.code, f.severity.label) for r in results for f in r.findings]
    assert found == [("p2.s2-none", "TQA601", "critical"), ("none-p2.s3", "TQA602", "major")]


def test_checks_are_documented() -> None:
    for cls in CHECKS:
        assert cls.summary()
        assert len(cls.description().splitlines()) >= 3
        assert "Bad:" in cls.description() and "Good:" in cls.description()


def test_awkward_flagged_texts_keep_spans_inside_the_text() -> None:
    awkward = [
        "  Murieron 311 personas.  ",
        "😀 " * 50,
        "x" * 5000,
        "\u200f\u202e ٣١١ \u202c",
        "(((",
    ]
    for text in awkward:
        for finding in omission(seg(text, "", "omission")):
            start, end = finding.source_span or (0, 0)
            assert 0 <= start <= end <= len(text)
            assert text[start:end] == text.strip()
        for finding in addition(seg("", text, "addition")):
            start, end = finding.target_span or (0, 0)
            assert text[start:end] == text.strip()
