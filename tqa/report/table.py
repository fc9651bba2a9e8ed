"""Human-readable terminal report (rich), grouped per segment, readable at 100 columns."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.text import Text

from tqa.core.model import SegmentResult, Severity, Span
from tqa.core.summary import Summary
from tqa.report.base import Formatter, RunInfo

STYLES = {
    Severity.CRITICAL: "bold white on red",
    Severity.MAJOR: "bold red",
    Severity.MINOR: "yellow",
    Severity.NEUTRAL: "dim",
}
_SHOWN_SCORES = ("fluency", "lm_logprob", "langid", "langid_confidence", "chrf", "bleu", "ter")


def _highlight(text: str, spans: list[Span]) -> Text:
    out = Text(text)
    for start, end in spans:
        out.stylize("reverse", start, max(end, start))
    return out


def _format_score(value: float | str) -> str:
    return f"{value:.2f}" if isinstance(value, float) else str(value)


class TableFormatter(Formatter):
    def start(self, info: RunInfo) -> None:
        is_tty = self.stream.isatty() if hasattr(self.stream, "isatty") else False
        self.console = Console(
            file=self.stream,
            width=100 if not is_tty else None,
            force_terminal=None if is_tty else False,
            highlight=False,
            soft_wrap=False,
        )
        self.info = info
        self.console.print(Text(f"tqa  {', '.join(info.inputs)}", style="bold"))
        for notice in info.notices:
            self.console.print(Text(f"note: {notice}", style="dim"))

    def handle(self, result: SegmentResult) -> None:
        seg = result.segment
        worst = result.worst()
        shown = [
            f"{k}={_format_score(result.scores[k])}" for k in _SHOWN_SCORES if k in result.scores
        ]
        head = Text()
        head.append(f"{seg.id}", style="bold cyan")
        head.append(f"  {seg.src_lang}→{seg.tgt_lang}", style="dim")
        if shown:
            head.append("  " + "  ".join(shown), style="dim")
        if worst is None:
            head.append("  ok", style="green")
            self.console.print(head)
            return
        self.console.print()
        self.console.print(head)
        src_spans = [f.source_span for f in result.findings if f.source_span]
        tgt_spans = [f.target_span for f in result.findings if f.target_span]
        self.console.print(Text("  src ", style="dim") + _highlight(seg.source, src_spans))
        self.console.print(Text("  tgt ", style="dim") + _highlight(seg.target, tgt_spans))
        for index, f in enumerate(result.findings):
            line = Text("  ")
            line.append(f"{f.severity.label:<8}", style=STYLES[f.severity])
            line.append(f" {f.code} ", style="bold")
            line.append(f"{f.name}: ", style="dim")
            line.append(f.message)
            if f.suggestion:
                line.append(f"  → {f.suggestion}", style="green")
            if index in result.known:
                line.append("  (in baseline)", style="dim")
            self.console.print(line)

    def stop(self, summary: Summary) -> None:
        self.console.print()
        self.console.print(
            Text(
                f"{summary.segments} segments checked, {summary.segments_with_findings} with "
                f"findings; {summary.findings} findings ({summary.severity_line()})",
                style="bold",
            )
        )
        if summary.known:
            self.console.print(
                Text(f"{summary.known} findings known from the baseline", style="dim")
            )
        if summary.by_code:
            codes = "  ".join(f"{code}×{n}" for code, n in sorted(summary.by_code.items()))
            self.console.print(escape(codes))
        for code, figures in sorted(summary.metrics.items()):
            shown = "  ".join(f"{k} {v:.2f}" for k, v in figures.items() if isinstance(v, float))
            if shown:
                self.console.print(Text(f"{code}: {shown}"))
        self.console.print(Text(f"quality score: {summary.quality_score:.2f}"))
        self.console.print(Text(f"signature: {self.info.signature}", style="dim"))
