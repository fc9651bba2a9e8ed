"""``tqa check``: run the checks over one or more bilingual files and report per segment."""

from __future__ import annotations

import gc
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

import typer

from tqa.align import read_document_pair
from tqa.cli.common import (
    EXIT_FINDINGS,
    EXIT_OK,
    Progress,
    cli_errors,
    glossary_files,
    notice,
)
from tqa.core.baseline import Baseline
from tqa.core.check import RunContext
from tqa.core.config import FAIL_ON_CHOICES, find_config, load_config
from tqa.core.cpus import usable_cpus
from tqa.core.model import Segment, Severity
from tqa.core.pipeline import Pipeline, WorkerSpec, build_checks
from tqa.core.summary import Summary, signature
from tqa.engine.cli_hook import engine_results
from tqa.errors import UsageError
from tqa.formats import ReadOptions, read_segments
from tqa.report import FORMATS, RunInfo, get_formatter
from tqa.report.output import write_output

_EXT_FORMATS = {
    ".jsonl": "jsonl",
    ".json": "json",
    ".csv": "csv",
    ".xml": "junit",
    ".md": "markdown",
    ".html": "html",
    ".htm": "html",
}


def settle_garbage_collector() -> None:
    """Once the checks are built: move everything made so far (glossary tries, tables) out of
    the collector's sight, and collect young objects less often. A run allocates millions of
    short-lived objects; with the default threshold the collector ran every 700 of them and
    took about a fifth of a names-check run. Objects are still freed by reference counting;
    only cycles wait a little longer."""
    gc.collect()
    gc.freeze()
    gc.set_threshold(50_000, 20, 100)


def pick_format(explicit: str | None, output: Path | None, stream: TextIO) -> str:
    if explicit:
        if explicit not in FORMATS:
            raise UsageError(f"unknown --format {explicit!r} (known: {', '.join(FORMATS)})")
        return explicit
    if output is not None:
        return _EXT_FORMATS.get(output.suffix.lower(), "table")
    return "table" if stream.isatty() else "jsonl"


def fails(summary: Summary, fail_on: str) -> bool:
    """Whether the run's worst new finding (not in a baseline) reaches ``--fail-on``."""
    if fail_on == "never" or summary.worst_new is None:
        return False
    return summary.worst_new >= Severity.parse(fail_on)


def check(
    inputs: list[Path] = typer.Argument(
        ..., help="Bilingual files (JSONL, TSV, CSV, XLIFF, TMX, PO) or a source text file."
    ),
    target: Path | None = typer.Option(
        None, "--target", "-t", help="Target text file, line-parallel to a source .txt input."
    ),
    target_doc: Path | None = typer.Option(
        None,
        "--target-doc",
        help="Target document (.txt, .md, .docx) of an unaligned source document: "
        "sentences are aligned first.",
    ),
    reference: Path | None = typer.Option(
        None, "--reference", help="Reference translation file, line-parallel (plain text)."
    ),
    src_lang: str | None = typer.Option(None, "--src-lang", "-s", help="Source language."),
    tgt_lang: str | None = typer.Option(None, "--tgt-lang", "-l", help="Target language."),
    input_format: str | None = typer.Option(
        None, "--input-format", help="Input format when the extension does not tell."
    ),
    output_format: str | None = typer.Option(
        None,
        "--format",
        "-f",
        help="Report format: table (default on a terminal), json, jsonl (default otherwise), "
        "csv, junit, markdown, html.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the report here (atomically) instead of stdout."
    ),
    select: list[str] = typer.Option(
        [], "--select", help="Run only these checks: codes, code prefixes or names (repeatable)."
    ),
    ignore: list[str] = typer.Option(
        [], "--ignore", help="Skip these checks: codes, code prefixes or names (repeatable)."
    ),
    fail_on: str | None = typer.Option(
        None,
        "--fail-on",
        help="Exit 1 when a finding reaches this severity: minor, major (default), critical, "
        "neutral, or never.",
    ),
    glossary: list[Path] = typer.Option(
        [], "--glossary", "-g", help="Glossary file (TBX, CSV, YAML); repeatable, merged."
    ),
    fluency_model: str | None = typer.Option(
        None, "--fluency-model", help="Fluency model: a manifest name or a local model directory."
    ),
    device: str = typer.Option("cpu", "--device", help="Device for model-based checks."),
    threads: int | None = typer.Option(
        None, "--threads", help="CPU threads for model-based checks (default: torch's)."
    ),
    no_cache: bool = typer.Option(False, "--no-cache", help="Do not use the score cache."),
    jobs: int = typer.Option(
        0,
        "--jobs",
        "-j",
        min=0,
        help=(
            "Worker processes for segment checks (0 = one per CPU this process may use: its "
            "affinity, capped by a cgroup CPU quota; 1 = no workers)."
        ),
    ),
    baseline: Path | None = typer.Option(
        None,
        "--baseline",
        help="A previous JSONL result: its findings are known and do not count for --fail-on.",
    ),
    engine: str = typer.Option(
        "local", "--engine", help="local, or dask: each input file is a partition on Dask."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: local."
    ),
    config: Path | None = typer.Option(
        None, "--config", help="Config file (default: ./tqa.toml or [tool.tqa] in pyproject)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No notices on stderr."),
) -> None:
    """Check translations segment by segment and report findings and scores."""
    with cli_errors():
        cfg = load_config(config if config is not None else find_config())
        threshold = fail_on or cfg.fail_on
        if threshold not in FAIL_ON_CHOICES:
            raise UsageError(f"--fail-on must be one of {', '.join(FAIL_ON_CHOICES)}")
        if (target is not None or reference is not None) and len(inputs) != 1:
            raise UsageError("--target/--reference take exactly one source input file")
        context = RunContext(
            glossary_paths=glossary_files(glossary or cfg.glossary),
            fluency_model=fluency_model or cfg.fluency_model,
            device=device,
            threads=threads,
            use_cache=not no_cache,
        )
        plan = build_checks(cfg, context, select=select, ignore=ignore)
        settle_garbage_collector()
        if not quiet:
            for message in plan.notices:
                notice(message)
        options = ReadOptions(
            src_lang=src_lang or cfg.src_lang,
            tgt_lang=tgt_lang or cfg.tgt_lang,
            target=target,
            reference=reference,
            format=input_format,
        )
        # open every input first, so that a missing file or unknown format fails before output
        if target_doc is not None:
            if len(inputs) != 1 or target is not None:
                raise UsageError("--target-doc takes one source document and no --target")
            streams = [
                read_document_pair(
                    inputs[0],
                    target_doc,
                    options.src_lang,
                    options.tgt_lang,
                    glossary_paths=context.glossary_paths,
                )
            ]
        else:
            streams = [read_segments(path, options) for path in inputs]
        segments: Iterator[Segment] = itertools.chain.from_iterable(streams)
        info = RunInfo(
            inputs=tuple(str(p) for p in inputs),
            checks=tuple(plan.codes),
            signature=signature(plan.codes, {"fail_on": threshold}),
            fail_on=threshold,
            notices=tuple(plan.notices),
            penalties=cfg.penalties,
        )
        fmt = pick_format(output_format, output, sys.stdout)
        summary = Summary(penalties=cfg.penalties)
        workers = jobs if jobs > 0 else usable_cpus()
        pipeline = Pipeline(
            plan.checks,
            jobs=workers,
            spec=WorkerSpec(cfg, context, tuple(plan.codes)),
        )
        progress = Progress(enabled=not quiet and sys.stderr.isatty())
        known = Baseline.load(baseline) if baseline is not None else None

        def write(stream: TextIO) -> None:
            formatter = get_formatter(fmt, stream)
            formatter.start(info)
            try:
                results = engine_results(
                    engine,
                    scheduler,
                    inputs,
                    options,
                    WorkerSpec(cfg, context, tuple(plan.codes)),
                    pipeline.run(segments),
                )
                for result in results:
                    if known is not None:
                        known.mark(result)
                    summary.add(result)
                    formatter.handle(result)
                    progress.advance()
            finally:
                progress.close()
            summary.metrics = {c.code: r for c in plan.checks if (r := c.report())}
            formatter.stop(summary)

        write_output(output, write)
        if not quiet and fmt != "table":
            notice(
                f"{summary.segments} segments, {summary.findings} findings "
                f"({summary.severity_line()})"
                + (f"; {summary.known} known from the baseline" if known is not None else "")
            )
    raise typer.Exit(EXIT_FINDINGS if fails(summary, threshold) else EXIT_OK)
