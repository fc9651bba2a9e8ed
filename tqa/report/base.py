"""The formatter protocol and the registry of output formats."""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TextIO

from tqa.core.model import SegmentResult
from tqa.core.summary import DEFAULT_PENALTIES, Summary


@dataclass(frozen=True)
class RunInfo:
    """What a report header says about the run."""

    inputs: tuple[str, ...]
    checks: tuple[str, ...]
    signature: str
    fail_on: str = "major"
    notices: tuple[str, ...] = field(default_factory=tuple)
    penalties: Mapping[str, float] = field(default_factory=lambda: dict(DEFAULT_PENALTIES))
    """Quality-score weights per severity (``[penalties]`` of ``tqa.toml``), for reports that
    rank segments as the score does."""


class Formatter:
    """Base formatter. Subclasses override the three hooks."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def start(self, info: RunInfo) -> None:
        """Called once before the first result."""

    def handle(self, result: SegmentResult) -> None:
        raise NotImplementedError

    def stop(self, summary: Summary) -> None:
        """Called once after the last result."""


# format name -> "module:Class" (imported only when used)
FORMATS: dict[str, str] = {
    "table": "tqa.report.table:TableFormatter",
    "json": "tqa.report.jsonfmt:JsonFormatter",
    "jsonl": "tqa.report.jsonfmt:JsonlFormatter",
    "csv": "tqa.report.csvfmt:CsvFormatter",
    "junit": "tqa.report.junit:JunitFormatter",
    "markdown": "tqa.report.markdown:MarkdownFormatter",
    "html": "tqa.report.html:HtmlFormatter",
}


def get_formatter(name: str, stream: TextIO) -> Formatter:
    try:
        target = FORMATS[name]
    except KeyError:
        raise ValueError(f"unknown format {name!r} (known: {', '.join(FORMATS)})") from None
    module_name, class_name = target.split(":")
    cls = getattr(importlib.import_module(module_name), class_name)
    formatter: Formatter = cls(stream)
    return formatter
