"""Run the checks of a plan on a Dask cluster, one input file per partition.

The unit of work is one input file: a worker reads it with the normal readers, runs the same
checks as a local run through a one-job ``Pipeline`` and sends back its ``SegmentResult`` list.
A file is one document for the document-level checks (consistency, first mention), exactly
as in a local run, so each partition holds whole documents and the results equal a local run
over the same files, in input order. A corpus bigger than one machine is therefore given as
many files (a JSONL file per story, per batch of a translation memory...): a big file is one
partition and is not split, since splitting it would cut its document in pieces.

Needs ``dask`` and ``distributed`` (``pip install 'tqa[dask]'``) and input paths that every
worker can read (a shared filesystem, or the same paths on every machine).

Every worker must have the checks of the run: a worker that cannot build one of them (a
plugin or an extra missing there) stops the run with an error naming the worker and the
checks, rather than check less than a local run would.

What differs from a local run: run-level figures of checks (``Check.report()``, e.g. corpus
BLEU of TQA700) are computed per partition and returned by ``DaskRun.reports``, one dict per
input file; they are not merged into one corpus figure.
"""

from __future__ import annotations

import pickle
import socket
from collections import deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import SegmentResult
from tqa.core.pipeline import CHUNK_SIZE, Pipeline, build_checks
from tqa.errors import MissingExtraError, TqaError
from tqa.formats import ReadOptions, read_segments


@dataclass(frozen=True)
class PartitionJob:
    """A picklable recipe for checking one input file on a worker."""

    config: Config
    context: RunContext
    codes: tuple[str, ...]
    read_options: ReadOptions = field(default_factory=ReadOptions)
    chunk_size: int = CHUNK_SIZE


@dataclass(frozen=True)
class PartitionResult:
    """What a worker sends back for one file: its results, or the error that stopped it."""

    path: str
    results: list[SegmentResult]
    reports: dict[str, dict[str, Any]]
    error: str | None = None


_CONTEXTS: dict[bytes, RunContext] = {}
"""Per worker process: one run context per job, so shared resources (glossary matchers) are
built once per worker and not once per partition."""


def _context(job: PartitionJob) -> RunContext:
    key = pickle.dumps((job.context.fresh(), job.config, job.codes))
    if key not in _CONTEXTS:
        _CONTEXTS.clear()
        _CONTEXTS[key] = job.context.fresh()
    return _CONTEXTS[key]


def check_partition(path: str, job: PartitionJob) -> PartitionResult:
    """Read one file and run the job's checks over it (runs on a worker)."""
    try:
        plan = build_checks(job.config, _context(job), select=list(job.codes), ignore=[])
        missing = [code for code in job.codes if code not in plan.codes]
        if missing:
            # a worker without a plugin or an extra would quietly check less than a local run
            raise TqaError(
                f"the Dask worker on {socket.gethostname()} cannot run {', '.join(missing)}"
                + "".join(f"; {notice}" for notice in plan.notices)
                + " (install the same tqa, extras and plugins on every worker)"
            )
        pipeline = Pipeline(plan.checks, chunk_size=job.chunk_size)
        results = list(pipeline.run(read_segments(Path(path), job.read_options)))
        reports = {c.code: r for c in plan.checks if (r := c.report())}
    except TqaError as exc:
        # tqa's errors carry formatted messages and do not all pickle back: send the text
        return PartitionResult(path, [], {}, error=str(exc))
    return PartitionResult(path, results, reports)


@dataclass
class DaskRun:
    """Checks files on a Dask cluster and yields results in input order.

    ``scheduler`` is the address of a running scheduler (``tcp://host:8786``); ``client``
    an existing ``distributed.Client`` (tests, notebooks). With neither, a local cluster is
    started for the run. At most ``in_flight`` partitions are queued or held at once (default:
    two per worker), so memory stays bounded by a few files' results.
    """

    job: PartitionJob
    scheduler: str | None = None
    client: Any = None
    in_flight: int | None = None
    reports: list[tuple[str, dict[str, dict[str, Any]]]] = field(default_factory=list)

    def run(self, inputs: Sequence[Path]) -> Iterator[SegmentResult]:
        try:
            from distributed import Client
        except ImportError:
            raise MissingExtraError("--engine dask", "dask") from None
        paths = [str(Path(p).resolve()) for p in inputs]
        own = self.client is None
        client = self.client
        if client is None:
            client = Client(self.scheduler) if self.scheduler else Client(processes=True)
        try:
            yield from self._run(client, paths)
        finally:
            if own:
                client.close()

    def _run(self, client: Any, paths: list[str]) -> Iterator[SegmentResult]:
        window = self.in_flight or max(2, 2 * len(client.scheduler_info().get("workers", {})))
        job = client.scatter(self.job, broadcast=True)
        pending: deque[Any] = deque()
        todo = iter(paths)
        while True:
            while len(pending) < window and (path := next(todo, None)) is not None:
                pending.append(client.submit(check_partition, path, job, pure=False))
            if not pending:
                return
            future = pending.popleft()
            part: PartitionResult = future.result()
            future.release()
            if part.error is not None:
                for other in pending:
                    other.cancel()
                raise TqaError(part.error)
            self.reports.append((part.path, part.reports))
            yield from part.results
