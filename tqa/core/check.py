"""Check base class and the run context checks share.

A check is a small class: a permanent ``code`` (``TQA201``), a dotted ``name``
(``numbers.missing``), an MQM ``category``, a default ``severity`` and a ``check`` method
that yields findings (and optionally scores) for one segment. Its docstring is its
documentation: the first line is the summary shown by ``tqa checks list``.

Document-level checks (``scope = "document"``) see the segments of one document in order and
keep only compact state; ``start_document`` resets that state.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, ClassVar, Literal, TypeVar

from tqa.core.model import Category, Finding, Score, Segment, Severity, Span

Emitted = Finding | Score
Scope = Literal["segment", "document"]
T = TypeVar("T")

MEMO_LIMIT = 4096
"""Per-segment analyses kept at most (a few chunks' worth); memory stays flat."""
RECENT_LIMIT = 1024
"""Segments whose analyses are also kept by segment identity (more than a chunk)."""
CODE_RE = re.compile(r"^[A-Z]{2,}[0-9]{3}$")
NAME_RE = re.compile(r"^[a-z0-9]+(\.[a-z0-9][a-z0-9-]*)+$")


@dataclass
class RunContext:
    """What every check of one run may use: paths to shared resources and caches."""

    glossary_paths: tuple[Path, ...] = ()
    fluency_model: str | None = None
    device: str = "cpu"
    threads: int | None = None
    use_cache: bool = True
    _resources: dict[str, Any] = field(default_factory=dict, repr=False)
    _memo: dict[tuple[object, ...], Any] = field(default_factory=dict, repr=False)
    _recent: dict[int, tuple[Segment, dict[str, Any]]] = field(default_factory=dict, repr=False)
    """The analyses of the last segments by segment identity: the checks of a family ask for
    the same segment in turn, and an identity look-up is cheaper than the memo's key of six
    fields (the entry holds the segment, so its id cannot be reused while it is here)."""

    def fresh(self) -> RunContext:
        """The same settings without built resources (for a worker process)."""
        return RunContext(
            glossary_paths=self.glossary_paths,
            fluency_model=self.fluency_model,
            device=self.device,
            threads=self.threads,
            use_cache=self.use_cache,
        )

    def resource(self, key: str, factory: Callable[[], T]) -> T:
        """Build a shared resource (a glossary matcher, a model) once per run."""
        if key not in self._resources:
            self._resources[key] = factory()
        value: T = self._resources[key]
        return value

    def take_analyses(self, keys: Collection[str] | None = None) -> dict[tuple[object, ...], Any]:
        """Hand over (and forget) the per-segment analyses computed so far, or only those
        under ``keys``: a worker process sends back what the main process's checks will ask
        for, so that they do not redo it (and nothing else: pickling costs too)."""
        taken, self._memo = self._memo, {}
        if keys is None:
            return taken
        return {k: v for k, v in taken.items() if k[0] in keys}

    def add_analyses(self, analyses: dict[tuple[object, ...], Any]) -> None:
        if len(self._memo) + len(analyses) > MEMO_LIMIT:
            self._memo.clear()
        self._memo.update(analyses)

    def analysis(self, segment: Segment, key: str, compute: Callable[[Segment], T]) -> T:
        """Memoise a per-segment analysis that several checks share (e.g. extracted numbers)."""
        recent = self._recent.get(id(segment))
        if recent is not None and recent[0] is segment:
            if key in recent[1]:
                found: T = recent[1][key]
                return found
        else:
            if len(self._recent) >= RECENT_LIMIT:
                self._recent.clear()
            recent = self._recent[id(segment)] = (segment, {})
        memo_key = (
            key,
            segment.id,
            segment.source,
            segment.target,
            segment.src_lang,
            segment.tgt_lang,
        )
        if memo_key not in self._memo:
            if len(self._memo) > MEMO_LIMIT:
                self._memo.clear()
            self._memo[memo_key] = compute(segment)
        value: T = self._memo[memo_key]
        recent[1][key] = value
        return value


class Check:
    """Base class of every check. Subclasses set the class attributes and ``check``."""

    code: ClassVar[str]
    name: ClassVar[str]
    category: ClassVar[Category]
    severity: ClassVar[Severity]
    scope: ClassVar[Scope] = "segment"
    enabled_by_default: ClassVar[bool] = True
    sees_unaligned: ClassVar[bool] = False
    """Whether the check sees the one-sided segments of a document alignment (flags
    ``omission``/``addition``). Only the adequacy checks do: an omitted sentence is one
    omission finding, not also an empty target and a missing number."""
    parallel: ClassVar[bool] = True
    """Whether a segment-level check may run in worker processes (``--jobs``). A check that
    keeps run-wide state (corpus statistics) or holds a large model sets this to False and
    runs in the main process."""
    shared_analyses: ClassVar[frozenset[str]] = frozenset()
    """Keys of the ``RunContext.analysis`` results this check reads that segment-level checks
    also make (e.g. ``"terminology"``). With ``--jobs``, workers send these back for the checks
    that run in the main process (document-level ones); anything else stays in the worker."""
    options: ClassVar[Mapping[str, Any]] = {}
    """Default option values; ``tqa.toml`` may override them (unknown keys are an error)."""

    def __init__(
        self,
        context: RunContext | None = None,
        *,
        severity: Severity | None = None,
        options: Mapping[str, Any] | None = None,
    ) -> None:
        self.context = context if context is not None else RunContext()
        self.effective_severity = severity if severity is not None else type(self).severity
        merged = dict(type(self).options)
        for key, value in (options or {}).items():
            if key not in merged:
                raise KeyError(key)
            merged[key] = value
        self.opts: dict[str, Any] = merged

    # -- the one method a check implements --------------------------------------------------
    def check(self, segment: Segment) -> Iterable[Emitted]:
        raise NotImplementedError

    # -- optional hooks -----------------------------------------------------------------------
    def quiet(self, segment: Segment) -> bool:
        """Whether a cheap look (usually at an analysis shared with sibling checks) shows
        that this check has nothing to say about ``segment``; the default batch then does
        not start :meth:`check` for it. Never True where :meth:`check` would emit."""
        return False

    def check_batch(self, segments: Sequence[Segment]) -> list[list[Emitted]]:
        """Check several segments at once; model-based checks override this to batch."""
        if type(self).quiet is Check.quiet:
            return [list(self.check(segment)) for segment in segments]
        quiet = self.quiet
        return [[] if quiet(segment) else list(self.check(segment)) for segment in segments]

    def start_document(self, document: str) -> None:
        """Called before the first segment of each document (document-level checks)."""

    def report(self) -> dict[str, Any]:
        """Run-level figures for the summary (e.g. corpus metrics); empty by default."""
        return {}

    # -- helpers ------------------------------------------------------------------------------
    def finding(
        self,
        segment: Segment,
        message: str,
        *,
        source_span: Span | None = None,
        target_span: Span | None = None,
        suggestion: str | None = None,
        severity: Severity | None = None,
    ) -> Finding:
        """Build a finding of this check for ``segment``."""
        return Finding(
            segment_id=segment.id,
            code=self.code,
            name=self.name,
            category=self.category,
            severity=severity if severity is not None else self.effective_severity,
            message=message,
            source_span=source_span,
            target_span=target_span,
            suggestion=suggestion,
        )

    @classmethod
    def summary(cls) -> str:
        doc = (cls.__doc__ or "").strip()
        return doc.splitlines()[0].strip() if doc else ""

    @classmethod
    def description(cls) -> str:
        import inspect

        return inspect.cleandoc(cls.__doc__ or "")


def iter_checks_in(module: object) -> Iterator[type[Check]]:
    """The check classes a plugin module exports in its ``CHECKS`` list."""
    yield from getattr(module, "CHECKS", ())
