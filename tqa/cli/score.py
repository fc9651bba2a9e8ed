"""``tqa score HYP --ref REF [--ref REF2 …]``: reference metrics for plain text files,
per segment and per corpus, in any report format (computed by sacrebleu)."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import typer

from tqa.checks.reference import CorpusMetrics
from tqa.cli.check import pick_format
from tqa.cli.common import cli_errors
from tqa.core.model import Origin, Segment, SegmentResult
from tqa.core.summary import Summary, signature
from tqa.errors import InputError, UsageError
from tqa.formats.textio import iter_lines
from tqa.report import RunInfo, get_formatter
from tqa.report.output import write_output


def _count(path: Path) -> int:
    return sum(1 for _ in iter_lines(path))


def _results(
    hyp: Path, refs: list[Path], tgt_lang: str, metrics: CorpusMetrics
) -> Iterator[SegmentResult]:
    streams = [iter_lines(r) for r in refs]
    for number, hypothesis in iter_lines(hyp):
        references = [next(stream)[1] for stream in streams]
        segment = Segment(
            id=str(number),
            source="",
            target=hypothesis,
            src_lang="und",
            tgt_lang=tgt_lang,
            reference=references[0],
            origin=Origin(str(hyp), line=number),
            document=str(hyp),
        )
        metrics.add(hypothesis, references, segment.document)
        scores = metrics.sentence(hypothesis, references)
        yield SegmentResult(segment, scores={k: round(v, 6) for k, v in scores.items()})


def score(
    hypothesis: Path = typer.Argument(..., help="Hypothesis (system output), one segment a line."),
    ref: list[Path] = typer.Option(..., "--ref", "-r", help="Reference file; repeatable."),
    tgt_lang: str = typer.Option("und", "--tgt-lang", "-l", help="Language of the texts."),
    output_format: str | None = typer.Option(
        None, "--format", "-f", help="table, json, jsonl, csv, junit, markdown or html."
    ),
    output: Path | None = typer.Option(None, "--output", "-o", help="Write the report here."),
) -> None:
    """Score a hypothesis against references: sentence and corpus BLEU, chrF and TER."""
    with cli_errors():
        if not hypothesis.is_file():
            raise InputError(str(hypothesis), "file not found")
        lengths = {}
        for path in [hypothesis, *ref]:
            if not path.is_file():
                raise InputError(str(path), "file not found")
            lengths[path] = _count(path)
        if len(set(lengths.values())) != 1:
            described = ", ".join(f"{p} has {n} lines" for p, n in lengths.items())
            raise InputError(str(hypothesis), f"files differ in length: {described}")
        fmt = pick_format(output_format, output, sys.stdout)
        if fmt not in ("table", "json", "jsonl", "csv", "junit", "markdown", "html"):
            raise UsageError(f"unknown --format {fmt!r}")
        metrics = CorpusMetrics()
        info = RunInfo(
            inputs=(str(hypothesis), *(str(r) for r in ref)),
            checks=("TQA700",),
            signature=signature(["TQA700"], {"refs": str(len(ref))}),
            fail_on="never",
        )
        summary = Summary()

        def write(stream: TextIO) -> None:
            formatter = get_formatter(fmt, stream)
            formatter.start(info)
            for result in _results(hypothesis, ref, tgt_lang, metrics):
                summary.add(result)
                formatter.handle(result)
            summary.metrics = {"TQA700": metrics.corpus()}
            formatter.stop(summary)

        write_output(output, write)
        corpus = metrics.corpus()
        if corpus and fmt not in ("table", "markdown", "html"):
            typer.echo(
                f"tqa: BLEU {corpus['bleu']:.2f}  chrF {corpus['chrf']:.2f}  "
                f"TER {corpus['ter']:.2f}",
                err=True,
            )
