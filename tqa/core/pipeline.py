"""The pipeline: a stream of segments in, one ``SegmentResult`` per segment out, in order."""

from __future__ import annotations

import collections
import itertools
import signal
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import TypeVar

from tqa.core.check import Check, Emitted, RunContext
from tqa.core.config import Config
from tqa.core.model import (
    UNALIGNED_FLAGS,
    Category,
    Finding,
    Score,
    ScoreValue,
    Segment,
    SegmentResult,
    Severity,
)
from tqa.core.registry import Registry, default_registry
from tqa.core.selection import Selection
from tqa.errors import CheckUnavailable, ConfigError

T = TypeVar("T")
CHECK_ERROR_CODE = "TQA001"
CHUNK_SIZE = 64
PARCEL_CHUNKS = 8
"""Chunks sent to a worker at once with ``--jobs``: each task costs the main process a
round trip, and with 64 segments a task that was a third of its time (rule checks)."""


@dataclass
class CheckPlan:
    """The instantiated checks of one run, plus the notices about checks that were skipped."""

    checks: list[Check]
    notices: list[str] = field(default_factory=list)

    @property
    def codes(self) -> list[str]:
        return [c.code for c in self.checks]


def build_checks(
    config: Config,
    context: RunContext,
    registry: Registry | None = None,
    *,
    select: Sequence[str] = (),
    ignore: Sequence[str] = (),
) -> CheckPlan:
    """Instantiate the selected checks with their configured severity and options.

    ``select``/``ignore`` from the command line replace those of the config file.
    """
    registry = registry if registry is not None else default_registry()
    selection = Selection(
        list(select) or config.select, list(ignore) or config.ignore, known=list(registry)
    )
    where = str(config.path) if config.path else "configuration"
    severities: dict[str, Severity] = {}
    for key, severity in config.severity.items():
        cls = registry.get(key)
        if cls is None:
            raise ConfigError(f"{where}: severity for unknown check '{key}'")
        severities[cls.code] = severity
    options: dict[str, dict[str, object]] = {}
    for key, opts in config.checks.items():
        cls = registry.get(key)
        if cls is None:
            raise ConfigError(f"{where}: options for unknown check '{key}'")
        options[cls.code] = opts
    plan = CheckPlan(checks=[])
    notified: set[str] = set()
    for cls in registry:
        if not selection.wants(cls):
            continue
        try:
            check = cls(context, severity=severities.get(cls.code), options=options.get(cls.code))
        except KeyError as exc:
            raise ConfigError(
                f"{where}: unknown option '{exc.args[0]}' for check {cls.code} ({cls.name}); "
                f"known: {', '.join(sorted(cls.options)) or 'none'}"
            ) from None
        except CheckUnavailable as exc:
            message = str(exc)
            if message not in notified:
                notified.add(message)
                plan.notices.append(message)
            continue
        plan.checks.append(check)
    return plan


def _check_error(segment: Segment, check: Check, exc: BaseException) -> Finding:
    frame = traceback.extract_tb(exc.__traceback__)[-1] if exc.__traceback__ else None
    where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}" if frame else ""
    return Finding(
        segment_id=segment.id,
        code=CHECK_ERROR_CODE,
        name="core.check-error",
        category=Category.OTHER,
        severity=Severity.MINOR,
        message=f"check {check.code} ({check.name}) failed: {type(exc).__name__}: {exc}{where}",
    )


def _valid_span(span: tuple[int, int] | None, text: str) -> bool:
    return span is None or (0 <= span[0] <= span[1] <= len(text))


@dataclass(frozen=True)
class WorkerSpec:
    """A picklable recipe for rebuilding the parallel checks of a run in a worker process."""

    config: Config
    context: RunContext
    codes: tuple[str, ...]
    returned: frozenset[str] = frozenset()
    """Analysis keys the main process's checks read (sent back with each chunk)."""
    registry: Registry | None = None
    """Where workers look the codes up (default: the installed checks). A parallel check
    whose class this registry does not give for its code runs in the main process."""


_WORKER: list[Check] = []
_RETURNED: list[frozenset[str]] = [frozenset()]


def _worker_init(spec: WorkerSpec) -> None:
    # the main process handles Ctrl-C and SIGTERM and shuts the pool down
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT, signal.SIGTERM})
    plan = build_checks(
        spec.config, spec.context, spec.registry, select=list(spec.codes), ignore=[]
    )
    _WORKER[:] = [c for c in plan.checks if c.code in spec.codes]
    _RETURNED[0] = spec.returned


Analyses = dict[tuple[object, ...], object]
Outcome = tuple[list[Finding], dict[str, ScoreValue]]


def _worker_run(parcel: list[list[Segment]]) -> list[tuple[list[Outcome], Analyses]]:
    """Check a parcel of chunks, chunk by chunk; return for each chunk its segments' findings
    and scores (the main process has the segments) and the shared analyses that the main
    process's checks will read, so that they are not made twice."""
    return [_worker_chunk(chunk) for chunk in parcel]


def _worker_chunk(chunk: list[Segment]) -> tuple[list[Outcome], Analyses]:
    results = [SegmentResult(segment) for segment in chunk]
    if _WORKER:
        _WORKER[0].context.take_analyses(())
    aligned = _all_aligned(chunk)
    for check in _WORKER:
        _run_segment_check(check, chunk, results, aligned)
    analyses = _WORKER[0].context.take_analyses(_RETURNED[0]) if _WORKER else {}
    return [(r.findings, r.scores) for r in results], analyses


def _run_segment_check(
    check: Check, chunk: list[Segment], results: list[SegmentResult], aligned: bool
) -> None:
    """Run one segment-level check over a chunk; ``aligned`` says that no segment of the
    chunk is one-sided (an omission or addition of a document alignment)."""
    try:
        batch = check.check_batch(chunk)
    except Exception:
        batch = None
    if batch is not None and (aligned or check.sees_unaligned):
        # the common case, kept lean: most segments emit nothing
        for segment, result, emitted in zip(chunk, results, batch, strict=True):
            if emitted:
                _collect(check, segment, result, emitted)
        return
    for index, (segment, result) in enumerate(zip(chunk, results, strict=True)):
        if segment.flags & UNALIGNED_FLAGS and not check.sees_unaligned:
            continue
        try:
            emitted = batch[index] if batch is not None else list(check.check(segment))
        except Exception as exc:
            result.findings.append(_check_error(segment, check, exc))
            continue
        _collect(check, segment, result, emitted)


class Pipeline:
    """Runs a check plan over a segment stream.

    Segment-level checks see chunks of segments (so model-based checks can batch);
    document-level checks see every segment in input order. A check that raises on a
    segment becomes a ``TQA001`` finding on that segment and the run goes on.

    With ``jobs > 1`` and a ``spec``, the parallel-safe segment checks run in worker
    processes, a few chunks ahead (those the workers can rebuild from their codes through
    ``spec.registry``, by default the installed checks); everything else runs here, and
    results come out in input order, identical to a run with one job. Inputs shorter than
    a few chunks per job are not worth the start-up of workers and run here.
    """

    def __init__(
        self,
        checks: Sequence[Check],
        chunk_size: int = CHUNK_SIZE,
        *,
        jobs: int = 1,
        spec: WorkerSpec | None = None,
    ) -> None:
        self.chunk_size = chunk_size
        self.jobs = max(1, jobs)
        segment_checks = [c for c in checks if c.scope == "segment"]
        self.parallel_checks = (
            _rebuildable(segment_checks, spec.registry) if spec is not None and jobs > 1 else []
        )
        self.parallel_codes = tuple(c.code for c in self.parallel_checks)
        self.spec = spec
        self.segment_checks = segment_checks
        self.document_checks = [c for c in checks if c.scope == "document"]
        self._document: str | None = None

    def run(
        self,
        segments: Iterable[Segment],
        on_result: Callable[[SegmentResult], None] | None = None,
    ) -> Iterator[SegmentResult]:
        iterator = iter(segments)
        if self.jobs > 1 and self.spec is not None and self.parallel_codes:
            # enough chunks for four tasks per worker, and parcels of up to PARCEL_CHUNKS
            # chunks where the input is long enough to keep every worker busy with them
            least = self.chunk_size * self.jobs * 4
            ahead = list(itertools.islice(iterator, least * PARCEL_CHUNKS))
            chunks = _chunked(itertools.chain(ahead, iterator), self.chunk_size)
            if len(ahead) >= least:
                runner = self._run_parallel(chunks, min(PARCEL_CHUNKS, len(ahead) // least))
            else:
                runner = (self._finish(chunk, self._local(chunk)) for chunk in chunks)
        else:
            chunks = _chunked(iterator, self.chunk_size)
            runner = (self._finish(chunk, self._local(chunk)) for chunk in chunks)
        for results in runner:
            for result in results:
                if on_result is not None:
                    on_result(result)
                yield result

    def _local(self, chunk: list[Segment]) -> list[SegmentResult]:
        results = [SegmentResult(segment) for segment in chunk]
        aligned = _all_aligned(chunk)
        for check in self.segment_checks:
            _run_segment_check(check, chunk, results, aligned)
        return results

    def _run_parallel(
        self, chunks: Iterator[list[Segment]], parcel: int
    ) -> Iterator[list[SegmentResult]]:
        import multiprocessing
        from concurrent.futures import Future, ProcessPoolExecutor

        assert self.spec is not None
        main_context = self.spec.context
        method = start_method()
        context = main_context if method == "fork" else main_context.fresh()
        local_checks = [c for c in self.segment_checks if c not in self.parallel_checks]
        returned = frozenset().union(
            *(c.shared_analyses for c in (*local_checks, *self.document_checks))
        )
        spec = WorkerSpec(
            self.spec.config, context, self.parallel_codes, returned, self.spec.registry
        )
        parcels = _chunked(chunks, parcel)
        Done = list[tuple[list[Outcome], Analyses]]
        pending: collections.deque[tuple[list[list[Segment]], Future[Done]]]
        pending = collections.deque()
        # Ctrl-C or SIGTERM arriving while the pool forks its workers and starts its thread
        # can be lost or leave the pool half-started: hold them until the first parcel is in
        # flight (they are delivered right after, in ordinary code).
        held = {signal.SIGINT, signal.SIGTERM}
        previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
        try:
            pool = ProcessPoolExecutor(
                max_workers=self.jobs,
                mp_context=multiprocessing.get_context(method),
                initializer=_worker_init,
                initargs=(spec,),
            )
        except BaseException:
            signal.pthread_sigmask(signal.SIG_SETMASK, previous)
            raise
        with pool:  # shuts the workers down on any exit, an interruption included
            try:
                first = next(parcels, None)
                if first is not None:
                    pending.append((first, pool.submit(_worker_run, first)))
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, previous)
            for sent in itertools.chain(parcels, [None]):
                if sent is not None:
                    pending.append((sent, pool.submit(_worker_run, sent)))
                    if len(pending) < self.jobs * 2:
                        continue
                while pending and (sent is None or len(pending) >= self.jobs * 2):
                    done, future = pending.popleft()
                    for chunk, (outcomes, analyses) in zip(done, future.result(), strict=True):
                        results = [
                            SegmentResult(segment, findings, scores)
                            for segment, (findings, scores) in zip(chunk, outcomes, strict=True)
                        ]
                        main_context.add_analyses(analyses)
                        aligned = _all_aligned(chunk)
                        for check in local_checks:
                            _run_segment_check(check, chunk, results, aligned)
                        yield self._finish(chunk, results)

    def _finish(self, chunk: list[Segment], results: list[SegmentResult]) -> list[SegmentResult]:
        """Document-level checks, in input order, then the deterministic finding order."""
        for segment, result in zip(chunk, results, strict=True):
            if segment.document != self._document:
                self._document = segment.document
                for check in self.document_checks:
                    check.start_document(segment.document)
            for check in self.document_checks:
                if segment.flags & UNALIGNED_FLAGS and not check.sees_unaligned:
                    continue
                try:
                    emitted = list(check.check(segment))
                except Exception as exc:
                    result.findings.append(_check_error(segment, check, exc))
                    continue
                _collect(check, segment, result, emitted)
        for result in results:
            result.sort()
        return results


def start_method() -> str:
    """How worker processes start. ``fork`` is fastest, and workers inherit what the main
    process already built (a glossary matcher); but not after a model library started its
    threads (``forkserver`` then), and only on Linux: on macOS system libraries start
    threads of their own and a forked child can crash, and Windows has no fork (``spawn``,
    as Python itself defaults to there)."""
    import multiprocessing
    import sys

    if not sys.platform.startswith("linux"):
        return "spawn"
    available = multiprocessing.get_all_start_methods()
    if "torch" not in sys.modules and "fork" in available:
        return "fork"
    return "forkserver" if "forkserver" in available else "spawn"


def _rebuildable(checks: list[Check], registry: Registry | None) -> list[Check]:
    """The parallel-safe ``checks`` that a worker rebuilds from their codes: those whose
    class ``registry`` (default: the installed checks) gives for the code. The others (a
    check from a registry of the caller's own) run here rather than be lost."""
    known = registry if registry is not None else default_registry()
    return [c for c in checks if c.parallel and known.get(c.code) is type(c)]


def _all_aligned(chunk: list[Segment]) -> bool:
    return not any(segment.flags & UNALIGNED_FLAGS for segment in chunk if segment.flags)


def _chunked(iterator: Iterable[T], size: int) -> Iterator[list[T]]:
    iterator = iter(iterator)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


def _collect(
    check: Check, segment: Segment, result: SegmentResult, emitted: Iterable[Emitted]
) -> None:
    for item in emitted:
        if isinstance(item, Score):
            result.scores[item.name] = (
                round(item.value, 6) if isinstance(item.value, float) else item.value
            )
        elif _valid_span(item.source_span, segment.source) and _valid_span(
            item.target_span, segment.target
        ):
            result.findings.append(item)
        else:
            result.findings.append(
                _check_error(
                    segment,
                    check,
                    ValueError(
                        f"span out of range (source {item.source_span}, target {item.target_span})"
                    ),
                )
            )
