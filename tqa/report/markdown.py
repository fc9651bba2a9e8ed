"""Markdown: a summary fit for a pull-request comment, with the worst findings."""

from __future__ import annotations

import heapq

from tqa.core.model import Finding, SegmentResult, Severity
from tqa.core.summary import Summary
from tqa.report.base import Formatter, RunInfo

TOP = 20


def _cell(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return text.replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


class MarkdownFormatter(Formatter):
    def start(self, info: RunInfo) -> None:
        self.info = info
        self.order = 0
        # (severity, -order) keeps the worst findings, earliest first on ties
        self.worst: list[tuple[int, int, str, Finding]] = []

    def handle(self, result: SegmentResult) -> None:
        for finding in result.findings:
            self.order += 1
            item = (int(finding.severity), -self.order, result.segment.id, finding)
            if len(self.worst) < TOP:
                heapq.heappush(self.worst, item)
            elif item[:2] > self.worst[0][:2]:
                heapq.heapreplace(self.worst, item)

    def stop(self, summary: Summary) -> None:
        w = self.stream.write
        w(f"## tqa: {', '.join(self.info.inputs)}\n\n")
        w(
            f"**{summary.segments}** segments, **{summary.findings}** findings "
            f"({summary.severity_line()}); quality score **{summary.quality_score:.2f}** "
            f"over {summary.total.words} target words.\n\n"
        )
        if summary.known:
            w(
                f"**{summary.findings - summary.known}** new findings; {summary.known} known "
                "from the baseline.\n\n"
            )
        if summary.by_code:
            w("| code | count |\n|---|---|\n")
            for code, count in sorted(summary.by_code.items()):
                w(f"| {code} | {count} |\n")
            w("\n")
        for code, figures in sorted(summary.metrics.items()):
            shown = ", ".join(f"{k} {v:.2f}" for k, v in figures.items() if isinstance(v, float))
            if shown:
                w(f"{code}: {shown}\n\n")
        if self.worst:
            ranked = sorted(self.worst, key=lambda item: (-item[0], -item[1]))
            w(f"### Worst findings (up to {TOP})\n\n")
            w("| segment | severity | code | message |\n|---|---|---|---|\n")
            for _, _, seg_id, f in ranked:
                w(
                    f"| {_cell(seg_id, 40)} | {Severity(f.severity).label} | {f.code} | "
                    f"{_cell(f.message)} |\n"
                )
            w("\n")
        w(f"<sub>{_cell(self.info.signature, 400)}</sub>\n")
