"""JUnit XML: one testcase per segment; findings at or above ``--fail-on`` are failures.

The testsuite element carries totals, which are known only at the end: testcases are spooled
to a temporary file (memory stays flat) and copied after the header.
"""

from __future__ import annotations

import re
import tempfile
from xml.sax.saxutils import escape, quoteattr

from tqa.core.model import SegmentResult, Severity
from tqa.core.summary import Summary
from tqa.report.base import Formatter, RunInfo

_XML_INVALID = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def _clean(text: str) -> str:
    """Drop characters XML 1.0 cannot carry (control characters other than tab/newline)."""
    return _XML_INVALID.sub("", text)


class JunitFormatter(Formatter):
    def start(self, info: RunInfo) -> None:
        self.info = info
        self.threshold = None if info.fail_on == "never" else Severity.parse(info.fail_on)
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.failures = 0

    def handle(self, result: SegmentResult) -> None:
        seg = result.segment
        classname = quoteattr(_clean(seg.document or "tqa"))
        self.spool.write(f"  <testcase classname={classname} name={quoteattr(_clean(seg.id))}>\n")
        failing = [
            f
            for f in result.findings
            if self.threshold is not None and f.severity >= self.threshold
        ]
        if failing:
            self.failures += 1
            head = "; ".join(f"{f.code} {f.name}" for f in failing)
            body = "\n".join(
                f"[{f.severity.label}] {f.code} {f.name}: {f.message}" for f in failing
            )
            body += f"\nsource: {seg.source}\ntarget: {seg.target}"
            self.spool.write(
                f'    <failure message={quoteattr(_clean(head))} type="{failing[0].code}">'
                f"{escape(_clean(body))}</failure>\n"
            )
        others = [f for f in result.findings if f not in failing]
        if others:
            text = "\n".join(f"[{f.severity.label}] {f.code}: {f.message}" for f in others)
            self.spool.write(f"    <system-out>{escape(_clean(text))}</system-out>\n")
        self.spool.write("  </testcase>\n")

    def stop(self, summary: Summary) -> None:
        name = quoteattr("tqa " + " ".join(self.info.inputs))
        self.stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.stream.write(
            f'<testsuite name={name} tests="{summary.segments}" '
            f'failures="{self.failures}" errors="0" skipped="0">\n'
        )
        self.stream.write(
            f'  <properties><property name="signature" value={quoteattr(self.info.signature)}/>'
            "</properties>\n"
        )
        self.spool.seek(0)
        while chunk := self.spool.read(1 << 16):
            self.stream.write(chunk)
        self.spool.close()
        self.stream.write("</testsuite>\n")
