"""The one call ``tqa check`` makes for ``--engine dask --scheduler ADDRESS``.

In ``tqa/cli/check.py``, add two options::

    engine: str = typer.Option(
        "local", "--engine", help="local, or dask: each input file is a partition on Dask."
    ),
    scheduler: str | None = typer.Option(
        None, "--scheduler", help="Dask scheduler address (tcp://host:8786); default: local."
    ),

and in ``write`` iterate over::

    engine_results(
        engine, scheduler, inputs, options,
        WorkerSpec(cfg, context, tuple(plan.codes)), pipeline.run(segments),
    )

instead of ``pipeline.run(segments)``; everything downstream (baseline, summary, formatters)
is unchanged.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

from tqa.core.model import SegmentResult
from tqa.core.pipeline import WorkerSpec
from tqa.errors import UsageError
from tqa.formats import ReadOptions

ENGINES = ("local", "dask")


def engine_results(
    engine: str,
    scheduler: str | None,
    inputs: Sequence[Path],
    options: ReadOptions,
    spec: WorkerSpec,
    local: Iterable[SegmentResult],
) -> Iterator[SegmentResult]:
    """Results of the run: ``local`` as given, or the same checks run on Dask.

    ``spec`` names the run's configuration, context and selected check codes; each input file
    is one Dask partition and one document. ``scheduler`` is a Dask scheduler address; without
    one a local cluster is started.
    """
    if engine not in ENGINES:
        raise UsageError(f"unknown --engine {engine!r} (known: {', '.join(ENGINES)})")
    if engine == "local":
        if scheduler is not None:
            raise UsageError("--scheduler goes with --engine dask")
        return iter(local)
    from tqa.engine.dask import DaskRun, PartitionJob

    job = PartitionJob(spec.config, spec.context.fresh(), spec.codes, options)
    return DaskRun(job, scheduler=scheduler).run(inputs)
