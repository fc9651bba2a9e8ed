"""Exact output of the junit, markdown and html formatters (no browser)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from tests.report.reports import SEGMENTS, XSS_SOURCE, render
from tqa.core.summary import mqm_score, word_count
from tqa.report.html import highlight


def test_junit_one_testcase_per_segment_failures_at_threshold() -> None:
    text, _ = render("junit", fail_on="major")
    root = ET.fromstring(text)
    assert root.tag == "testsuite"
    assert (root.get("tests"), root.get("failures")) == ("5", "4")
    cases = root.findall("testcase")
    assert [c.get("name") for c in cases] == ["s1", "s2", "s3", "s4", "s5"]
    failing = [c.get("name") for c in cases if c.find("failure") is not None]
    assert failing == ["s1", "s2", "s3", "s4"]
    failure = cases[1].find("failure")
    assert failure is not None
    assert failure.get("message") == "TST301 test.flag-word"  # the minor one is not a failure
    system_out = cases[1].find("system-out")
    assert system_out is not None
    assert system_out.text == "[minor] TST301: alert in source"
    text, _ = render("junit", fail_on="never")
    assert ET.fromstring(text).get("failures") == "0"


def test_markdown_summary() -> None:
    text, summary = render("markdown")
    assert text.startswith("## tqa: demo.jsonl\n\n**5** segments, **5** findings ")
    assert "| TST101 | 1 |" in text
    assert "| TST301 | 4 |" in text
    assert f"quality score **{summary.quality_score:.2f}**" in text
    assert "<script>" not in text


def test_quality_score_definition() -> None:
    _, summary = render("jsonl")
    words = sum(word_count(s.target) for s in SEGMENTS)
    # findings: s1 one 311 (major), s2 one 311 (major) + alert (minor), s3 empty (major),
    # s4 one 311 (major)
    assert summary.total.penalty == 5 * 4 + 1
    assert summary.quality_score == mqm_score(21, words)
    assert mqm_score(0, 0) == 100.0
    assert mqm_score(5, 10) == 50.0


def test_highlight_escapes_and_marks_overlaps() -> None:
    out = str(highlight("a<b>c", [((1, 4), 0, "major"), ((3, 5), 1, "minor")]))
    assert out == (
        'a<mark class="sev-major" data-f="0">&lt;b</mark>'
        '<mark class="sev-major" data-f="0 1">&gt;</mark>'
        '<mark class="sev-minor" data-f="1">c</mark>'
    )
    assert str(highlight("", [((0, 0), 0, "major")])) == (
        '<mark class="point sev-major" data-f="0"></mark>'
    )


def test_html_is_self_contained_and_escaped() -> None:
    text, _ = render("html")
    assert "<script>window.__pwned" not in text
    assert "&lt;script&gt;window.__pwned = 1;" in text
    assert "onerror=&#34;window" in text or "onerror=&quot;window" in text
    assert not re.search(r"(src|href)=\"(https?:)?//", text)
    assert "@import" not in text and "<link" not in text
    assert text.count("<script>") == 1  # our own inline script only
    assert 'dir="rtl"' in text  # the Arabic target
    assert XSS_SOURCE not in text


def test_html_worst_segments_are_ranked_with_the_configured_penalties() -> None:
    import io

    from tqa.core.model import Category, Finding, Segment, SegmentResult, Severity
    from tqa.core.summary import Summary
    from tqa.report import RunInfo, get_formatter

    def result(seg_id: str, severity: Severity) -> SegmentResult:
        segment = Segment(seg_id, "Hola.", "Hello.", "es", "en")
        finding = Finding(seg_id, "TST1", "t.x", Category.ACCURACY, severity, f"{seg_id} finding")
        return SegmentResult(segment, [finding])

    penalties = {"neutral": 0.0, "minor": 40.0, "major": 5.0, "critical": 25.0}
    stream = io.StringIO()
    formatter = get_formatter("html", stream)
    formatter.start(RunInfo(("d.jsonl",), ("TST1",), "sig", penalties=penalties))
    summary = Summary(penalties=penalties)
    for item in (result("a", Severity.CRITICAL), result("b", Severity.MINOR)):
        summary.add(item)
        formatter.handle(item)
    formatter.stop(summary)
    table = stream.getvalue().split('<table id="worst">', 1)[1].split("</table>", 1)[0]
    rows = re.findall(r'<a href="#seg-(\w+)">\w+</a></td><td>([\d.]+)</td>', table)
    assert rows == [("b", "40.0"), ("a", "25.0")]
