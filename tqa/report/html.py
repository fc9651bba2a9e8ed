"""HTML report: one self-contained file (inline CSS and JS, no network), for editors.

Rows are spooled to a temporary file while the run streams, so that the summary can come
first in the page and memory stays flat. All user text is escaped by Jinja2's autoescaping;
the script never inserts user text as HTML.
"""

from __future__ import annotations

import heapq
import json
import tempfile
from collections import Counter
from collections.abc import Iterator
from importlib import resources
from typing import Any

from jinja2 import Environment, select_autoescape
from markupsafe import Markup, escape

from tqa.core.model import Finding, SegmentResult, Span
from tqa.core.summary import Summary
from tqa.report.base import Formatter, RunInfo

RTL_LANGS = frozenset({"ar", "he", "fa", "ur", "ps", "yi", "dv", "ckb", "sd", "ug"})
WORST = 10
BINS = 10


def text_direction(lang: str) -> str:
    return "rtl" if lang.split("-")[0].lower() in RTL_LANGS else "ltr"


def highlight(text: str, spans: list[tuple[Span, int, str]]) -> Markup:
    """Escape ``text`` and wrap each finding's span in ``<mark>``.

    ``spans`` holds ``(span, finding index, severity)``. Overlapping spans split the text
    at every boundary; each piece lists the findings covering it in ``data-f``. An empty
    span becomes an empty marker at its position.
    """
    cuts = {0, len(text)}
    for (start, end), _, _ in spans:
        cuts.update((start, end))
    points = sorted(cuts)
    out: list[str] = []
    for pos_index, pos in enumerate(points):
        for (start, end), idx, sev in spans:
            if start == end == pos:
                out.append(f'<mark class="point sev-{sev}" data-f="{idx}"></mark>')
        if pos_index + 1 == len(points):
            break
        nxt = points[pos_index + 1]
        piece = escape(text[pos:nxt])
        covering = [(idx, sev) for (s, e), idx, sev in spans if s <= pos and nxt <= e and s < e]
        if covering:
            ids = " ".join(str(idx) for idx, _ in covering)
            worst = covering[0][1]
            out.append(f'<mark class="sev-{worst}" data-f="{ids}">{piece}</mark>')
        else:
            out.append(str(piece))
    return Markup("".join(out))


def _row(result: SegmentResult) -> dict[str, Any]:
    seg = result.segment
    known = {id(f) for i, f in enumerate(result.findings) if i in result.known}
    findings = sorted(result.findings, key=lambda f: (-int(f.severity), f.code))
    src_spans = [
        (f.source_span, i, f.severity.label)
        for i, f in enumerate(findings)
        if f.source_span is not None
    ]
    tgt_spans = [
        (f.target_span, i, f.severity.label)
        for i, f in enumerate(findings)
        if f.target_span is not None
    ]
    return {
        "id": seg.id,
        "langs": f"{seg.src_lang}→{seg.tgt_lang}",
        "src_dir": text_direction(seg.src_lang),
        "tgt_dir": text_direction(seg.tgt_lang),
        "source": str(highlight(seg.source, src_spans)),
        "target": str(highlight(seg.target, tgt_spans)),
        "worst": findings[0].severity.label if findings else "clean",
        "filter": ";".join(f"{f.severity.label}|{f.category.value}|{f.code}" for f in findings),
        "findings": [
            {
                "i": i,
                "code": f.code,
                "name": f.name,
                "severity": f.severity.label,
                "category": f.category.value,
                "message": f.message,
                "suggestion": f.suggestion,
                "known": id(f) in known,
            }
            for i, f in enumerate(findings)
        ],
        "scores": {
            k: (round(v, 2) if isinstance(v, float) else v) for k, v in result.scores.items()
        },
    }


def _environment() -> Environment:
    env = Environment(
        autoescape=select_autoescape(default=True), trim_blocks=True, lstrip_blocks=True
    )
    env.filters["markup"] = Markup
    return env


class HtmlFormatter(Formatter):
    def start(self, info: RunInfo) -> None:
        self.info = info
        self.spool = tempfile.TemporaryFile("w+", encoding="utf-8")
        self.worst: list[tuple[float, int, str, str]] = []
        self.fluency = [0] * BINS
        self.count = 0

    def handle(self, result: SegmentResult) -> None:
        self.count += 1
        self.spool.write(json.dumps(_row(result), ensure_ascii=False) + "\n")
        penalties = self.info.penalties
        penalty = sum(penalties[f.severity.label] for f in result.findings)
        if penalty > 0:
            item = (penalty, -self.count, result.segment.id, _first_message(result.findings))
            if len(self.worst) < WORST:
                heapq.heappush(self.worst, item)
            elif item[:2] > self.worst[0][:2]:
                heapq.heapreplace(self.worst, item)
        value = result.scores.get("fluency")
        if isinstance(value, float):
            self.fluency[min(BINS - 1, max(0, int(value // (100 / BINS))))] += 1

    def _rows(self) -> Iterator[dict[str, Any]]:
        self.spool.seek(0)
        for line in self.spool:
            yield json.loads(line)

    def stop(self, summary: Summary) -> None:
        template_text = (
            resources.files("tqa.report").joinpath("templates/report.html").read_text("utf-8")
        )
        template = _environment().from_string(template_text)
        data = summary.to_dict()
        codes = Counter(summary.by_code)
        stream = template.generate(
            info=self.info,
            summary=data,
            codes=sorted(codes.items()),
            categories=sorted(summary.by_category.items()),
            worst=sorted(self.worst, key=lambda item: (-item[0], -item[1])),
            fluency=self.fluency if any(self.fluency) else None,
            fluency_max=max(self.fluency) or 1,
            bins=BINS,
            rows=self._rows(),
        )
        for chunk in stream:
            self.stream.write(chunk)
        self.spool.close()


def _first_message(findings: list[Finding]) -> str:
    worst = max(findings, key=lambda f: int(f.severity))
    return f"{worst.code}: {worst.message}"
