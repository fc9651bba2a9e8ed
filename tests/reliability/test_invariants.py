"""Nothing lost, nothing invented: one result per input segment, in input order, with its id.

* Every demo input format (``corpora/demo/``) times every report format: the report names
  exactly the segments the reader produced, in order (the ``tqa check`` command, in process).
* A check that raises on one segment: that segment gets a ``TQA001`` finding naming the
  check, the other checks still report on it, and the run goes on (``Pipeline``, with a
  raising check registered through the ``Registry`` API).
* Input files are never modified by a run (hashes before and after).

With worker processes (``--jobs``), the same results and ``TQA001`` findings are checked in
``tests/core/test_parallel.py``.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
import signal
import xml.etree.ElementTree as ET
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.conftest import ROOT
from tests.reliability.cli import digest
from tqa.cli.app import app
from tqa.core.check import Check, Emitted, RunContext
from tqa.core.config import Config
from tqa.core.model import Category, Segment, Severity
from tqa.core.pipeline import CHECK_ERROR_CODE, Pipeline, build_checks
from tqa.core.registry import Registry, default_registry
from tqa.formats import ReadOptions, read_segments

DEMO = ROOT / "corpora" / "demo"
INPUTS: dict[str, tuple[Path, tuple[str, ...]]] = {
    "jsonl": (DEMO / "demo.es-en.jsonl", ()),
    "tsv": (DEMO / "demo.es-en.tsv", ()),
    "csv": (DEMO / "demo.es-en.csv", ()),
    "xliff12": (DEMO / "demo.xlf", ()),
    "xliff2": (DEMO / "demo.xliff2.xlf", ()),
    "tmx": (DEMO / "demo.tmx", ()),
    "po": (DEMO / "demo.en.po", ()),
    "txt": (DEMO / "demo.es.txt", ("-t", str(DEMO / "demo.en.txt"))),
}
OUTPUTS = ("table", "json", "jsonl", "csv", "html", "junit", "markdown")
ES_EN = ("-s", "es", "-l", "en")
# every check but the model-backed fluency one; the glossary makes TQA3xx run too
CHECK_ARGS = ("--ignore", "TQA5", "-g", str(ROOT / "corpora" / "glossaries" / "conflict-syria.csv"))


def expected_ids(name: str) -> list[str]:
    path, args = INPUTS[name]
    target = Path(args[1]) if args else None
    options = ReadOptions(src_lang="es", tgt_lang="en", target=target)
    return [s.id for s in read_segments(path, options)]


def in_order(haystack: str, needles: Iterable[str]) -> bool:
    pos = 0
    for needle in needles:
        found = haystack.find(needle, pos)
        if found < 0:
            return False
        pos = found + len(needle)
    return True


def ids_in(fmt: str, text: str, ids: Sequence[str]) -> list[str]:
    """The segment ids a report names, in order (markdown: the count only)."""
    if fmt == "jsonl":
        return [json.loads(line)["id"] for line in text.splitlines()]
    if fmt == "json":
        return [s["id"] for s in json.loads(text)["segments"]]
    if fmt == "csv":
        seen: list[str] = []
        for row in csv.DictReader(io.StringIO(text, newline="")):
            if not seen or seen[-1] != row["id"]:
                seen.append(row["id"])
        return seen
    if fmt == "html":
        return [html.unescape(m) for m in re.findall(r'<tr id="seg-([^"]*)" class="seg"', text)]
    if fmt == "junit":
        return [case.get("name", "") for case in ET.fromstring(text).iter("testcase")]
    if fmt == "table":
        # rich wraps long lines after a space: undo the wrap, then find each segment header
        flat = text.replace("\n", "")
        heads = [f"{seg_id}  es→en" for seg_id in ids]
        assert flat.count("es→en") == len(ids), flat
        return list(ids) if in_order(flat, heads) else []
    match = re.search(r"\*\*(\d+)\*\* segments", text)
    assert match, text
    return list(ids) if int(match.group(1)) == len(ids) else []


@pytest.fixture()
def runner() -> Iterator[CliRunner]:
    """The real command in process; the SIGTERM handler it installs is put back after."""
    previous = signal.getsignal(signal.SIGTERM)
    yield CliRunner()
    signal.signal(signal.SIGTERM, previous)


@pytest.mark.parametrize("name", sorted(INPUTS))
def test_every_output_format_has_one_result_per_segment_in_order(
    name: str, runner: CliRunner, tmp_path: Path
) -> None:
    path, args = INPUTS[name]
    ids = expected_ids(name)
    assert len(ids) == 7
    inputs = [path] + [Path(a) for a in args if a.endswith(".txt")]
    before = {p: digest(p) for p in inputs}
    for fmt in OUTPUTS:
        out = tmp_path / f"report.{fmt}"
        result = runner.invoke(
            app,
            ["check", str(path), *args, *ES_EN, *CHECK_ARGS, "-f", fmt, "-o", str(out), "-q"],
        )
        assert result.exit_code == 1, (fmt, result.output, result.exception)  # demo has errors
        assert ids_in(fmt, out.read_text(encoding="utf-8"), ids) == ids, fmt
    # the inputs were read, never written
    assert {p: digest(p) for p in inputs} == before


# -- a check that raises ---------------------------------------------------------------------


class RaisesOnThird(Check):
    """Raises on the segment whose id is s3 (test only)."""

    code = "TST901"
    name = "test.raises-on-third"
    category = Category.OTHER
    severity = Severity.MINOR

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if segment.id == "s3":
            raise ZeroDivisionError("division by zero in a plugin")
        yield from ()


class BatchRaises(Check):
    """Its batch method always raises; per-segment it flags every target (test only)."""

    code = "TST902"
    name = "test.batch-raises"
    category = Category.OTHER
    severity = Severity.MINOR

    def check_batch(self, segments: Sequence[Segment]) -> list[list[Emitted]]:
        raise MemoryError("batch too big")

    def check(self, segment: Segment) -> Iterable[Emitted]:
        yield self.finding(segment, "seen", target_span=(0, 0))


class DocumentRaises(Check):
    """Document check that raises on s5 and then keeps working (test only)."""

    code = "TST903"
    name = "test.document-raises"
    category = Category.OTHER
    severity = Severity.MINOR
    scope = "document"

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if segment.id == "s5":
            raise KeyError("state")
        yield from ()


class YieldsThenRaises(Check):
    """Yields a finding, then raises, on s6 (test only)."""

    code = "TST904"
    name = "test.yields-then-raises"
    category = Category.OTHER
    severity = Severity.MINOR

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if segment.id == "s6":
            yield self.finding(segment, "half done")
            raise ValueError("then failed")


PLUGINS = [RaisesOnThird, BatchRaises, DocumentRaises, YieldsThenRaises]


@pytest.mark.parametrize("chunk_size", [1, 3, 64])
def test_a_raising_check_becomes_tqa001_and_the_run_goes_on(chunk_size: int) -> None:
    registry = Registry([*default_registry(), *PLUGINS])
    plan = build_checks(
        Config(), RunContext(), registry, select=["TQA101", "TQA2", *(c.code for c in PLUGINS)]
    )
    segments = list(read_segments(DEMO / "demo.es-en.jsonl"))
    results = list(Pipeline(plan.checks, chunk_size=chunk_size).run(segments))
    assert [r.segment.id for r in results] == [f"s{n}" for n in range(1, 8)]
    assert [r.segment for r in results] == segments
    errors = {
        r.segment.id: [f.message for f in r.findings if f.code == CHECK_ERROR_CODE] for r in results
    }
    where = r" at test_invariants\.py:\d+"
    expected = {
        "s3": r"check TST901 \(test\.raises-on-third\) failed: ZeroDivisionError: "
        r"division by zero in a plugin",
        "s5": r"check TST903 \(test\.document-raises\) failed: KeyError: 'state'",
        "s6": r"check TST904 \(test\.yields-then-raises\) failed: ValueError: then failed",
    }
    assert sorted(k for k, v in errors.items() if v) == sorted(expected)
    for seg_id, pattern in expected.items():
        assert len(errors[seg_id]) == 1, errors[seg_id]
        assert re.fullmatch(pattern + where, errors[seg_id][0]), errors[seg_id][0]
    codes = {r.segment.id: [f.code for f in r.findings] for r in results}
    # the other checks still report on the segments where one raised
    assert "TQA203" in codes["s3"]  # 1.500 → 1,300
    assert {"TQA101", "TQA201"} <= set(codes["s5"])  # empty target, 20 missing
    # a batch failure falls back to segment by segment: every segment gets its finding
    assert all(codes[seg_id].count("TST902") == 1 for seg_id in codes)
    error = next(f for f in results[2].findings if f.code == CHECK_ERROR_CODE)
    assert (error.name, error.severity, error.category) == (
        "core.check-error",
        Severity.MINOR,
        Category.OTHER,
    )


def test_a_raising_check_does_not_stop_later_segments_or_documents() -> None:
    registry = Registry([RaisesOnThird])
    plan = build_checks(Config(), RunContext(), registry)
    segments = [
        Segment(f"s{n}", "a", "b", "es", "en", document=f"doc{n % 2}") for n in range(1, 201)
    ]
    results = list(Pipeline(plan.checks).run(segments))
    assert [r.segment.id for r in results] == [s.id for s in segments]
    assert [r.segment.id for r in results if r.findings] == ["s3"]
