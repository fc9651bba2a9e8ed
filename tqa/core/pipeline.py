"""The pipeline: a stream of segments in, one ``SegmentResult`` per segment out, in order."""

from __future__ import annotations

import itertools
import traceback
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field

from tqa.core.check import Check, Emitted, RunContext
from tqa.core.config import Config
from tqa.core.model import Category, Finding, Score, Segment, SegmentResult, Severity
from tqa.core.registry import Registry, default_registry
from tqa.core.selection import Selection
from tqa.errors import CheckUnavailable, ConfigError

CHECK_ERROR_CODE = "TQA001"
CHUNK_SIZE = 64


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


class Pipeline:
    """Runs a check plan over a segment stream.

    Segment-level checks see chunks of segments (so model-based checks can batch);
    document-level checks see every segment in input order. A check that raises on a
    segment becomes a ``TQA001`` finding on that segment and the run goes on.
    """

    def __init__(self, checks: Sequence[Check], chunk_size: int = CHUNK_SIZE) -> None:
        self.segment_checks = [c for c in checks if c.scope == "segment"]
        self.document_checks = [c for c in checks if c.scope == "document"]
        self.chunk_size = chunk_size
        self._document: str | None = None

    def run(
        self,
        segments: Iterable[Segment],
        on_result: Callable[[SegmentResult], None] | None = None,
    ) -> Iterator[SegmentResult]:
        iterator = iter(segments)
        while True:
            chunk = list(itertools.islice(iterator, self.chunk_size))
            if not chunk:
                return
            for result in self._run_chunk(chunk):
                if on_result is not None:
                    on_result(result)
                yield result

    def _run_chunk(self, chunk: list[Segment]) -> list[SegmentResult]:
        results = [SegmentResult(segment) for segment in chunk]
        for check in self.segment_checks:
            try:
                batch = check.check_batch(chunk)
            except Exception:
                batch = None
            for index, (segment, result) in enumerate(zip(chunk, results, strict=True)):
                try:
                    emitted = batch[index] if batch is not None else list(check.check(segment))
                except Exception as exc:
                    result.findings.append(_check_error(segment, check, exc))
                    continue
                self._collect(check, segment, result, emitted)
        for segment, result in zip(chunk, results, strict=True):
            if segment.document != self._document:
                self._document = segment.document
                for check in self.document_checks:
                    check.start_document(segment.document)
            for check in self.document_checks:
                try:
                    emitted = list(check.check(segment))
                except Exception as exc:
                    result.findings.append(_check_error(segment, check, exc))
                    continue
                self._collect(check, segment, result, emitted)
        for result in results:
            result.sort()
        return results

    @staticmethod
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
                            f"span out of range (source {item.source_span}, "
                            f"target {item.target_span})"
                        ),
                    )
                )
