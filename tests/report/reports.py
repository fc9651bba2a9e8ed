"""Build reports from fixed segments and the dummy checks, without the real families."""

from __future__ import annotations

import io

from tests.core.dummy import ALL, FlagWord
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import Segment
from tqa.core.pipeline import Pipeline, build_checks
from tqa.core.registry import Registry
from tqa.core.summary import Summary
from tqa.report import RunInfo, get_formatter

XSS_SOURCE = '<script>window.__pwned = 1; alert("x")</script> hola'
XSS_TARGET = '"><img src=x onerror="window.__pwned=2"> javascript:alert(3) 311'

SEGMENTS = [
    Segment("s1", "Al menos 311 personas murieron.", "At least 311 people died.", "es", "en"),
    Segment("s2", XSS_SOURCE, XSS_TARGET, "es", "en"),
    Segment("s3", "Hola.", "", "es", "en"),
    Segment("s4", "Murieron 311 y 311.", "قتل ٣١١ شخصا 311", "es", "ar"),
    Segment("s5", "Nada.", "Nothing.", "es", "en"),
]


def render(fmt: str, fail_on: str = "major") -> tuple[str, Summary]:
    plan = build_checks(
        Config(), RunContext(), Registry([*ALL, FlagWord]), select=["TST101", "TST301"]
    )
    stream = io.StringIO()
    formatter = get_formatter(fmt, stream)
    formatter.start(RunInfo(("demo.jsonl",), tuple(plan.codes), "tqa:test|checks:x", fail_on))
    summary = Summary()
    for result in Pipeline(plan.checks).run(SEGMENTS):
        summary.add(result)
        formatter.handle(result)
    formatter.stop(summary)
    return stream.getvalue(), summary
