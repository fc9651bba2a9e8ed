"""``--jobs``: worker processes give exactly the results of a single process, in order."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import cast

import pytest

from tests.conftest import ROOT
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import Segment
from tqa.core.pipeline import Pipeline, WorkerSpec, build_checks
from tqa.formats import read_segments

GLOSSARY = ROOT / "corpora" / "glossaries" / "conflict-syria.tbx"
SELECT = ["TQA1", "TQA2", "TQA3", "TQA700"]


def segments(count: int = 120):
    rows = []
    for name in ("aleppo.es-en.jsonl", "aleppo.es-en.errors.jsonl"):
        rows += list(read_segments(ROOT / "seeds" / name))
    out = []
    for i in range(count):
        seg = rows[i % len(rows)]
        out.append(seg.__class__(**{**seg.__dict__, "id": f"x{i}", "reference": seg.target}))
    return out


def run(jobs: int, count: int = 120) -> list[dict[str, object]]:
    context = RunContext(glossary_paths=(GLOSSARY,))
    config = Config()
    plan = build_checks(config, context, select=SELECT)
    pipeline = Pipeline(
        plan.checks, chunk_size=4, jobs=jobs, spec=WorkerSpec(config, context, tuple(plan.codes))
    )
    results = [r.to_dict() for r in pipeline.run(segments(count))]
    corpus = next(c for c in plan.checks if c.code == "TQA700").report()
    return [*results, corpus]


@pytest.mark.parametrize("count", [120, 121])
def test_two_jobs_equal_one_job(count: int) -> None:
    # chunks of 4 sent in parcels of 3 (120 segments: 10 full parcels; 121: a last parcel
    # of one chunk of one segment)
    one, two = run(1, count), run(2, count)
    assert [r.get("id") for r in two[:-1]] == [f"x{i}" for i in range(count)]
    assert two == one
    assert sum(len(cast(list[object], r["findings"])) for r in one[:-1]) > 0


def test_workers_get_parcels_of_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    parallel = Pipeline._run_parallel

    def spy(self: Pipeline, chunks: Iterator[list[Segment]], parcel: int) -> object:
        sizes.append(parcel)
        return parallel(self, chunks, parcel)

    monkeypatch.setattr(Pipeline, "_run_parallel", spy)
    assert len(run(2, 120)) == 121
    assert len(run(2, 32)) == 33  # just enough for four tasks of one chunk per worker
    assert len(run(2, 31)) == 32  # too short for workers: no parallel run
    assert sizes == [3, 1]


def test_cli_jobs_equivalence(tmp_path: Path) -> None:
    src = tmp_path / "in.jsonl"
    with src.open("w", encoding="utf-8") as handle:
        for seg in segments() * 5:  # more than 4 chunks of 64 per job: workers start
            handle.write(
                json.dumps(
                    {"id": f"{seg.id}-{handle.tell()}", "source": seg.source, "target": seg.target},
                    ensure_ascii=False,
                )
                + "\n"
            )
    outputs = []
    for jobs in ("1", "2"):
        out = tmp_path / f"out{jobs}.jsonl"
        proc = subprocess.run(
            [sys.executable, "-m", "tqa", "check", str(src), "-s", "es", "-l", "en"]
            + ["--ignore", "TQA5", "-g", str(GLOSSARY), "-j", jobs, "-o", str(out), "-q"],
            capture_output=True,
            text=True,
            cwd=ROOT,
        )
        assert proc.returncode == 1, proc.stderr
        outputs.append(out.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert outputs[0].count("\n") == 600


def test_workers_send_back_only_the_analyses_the_main_process_reads() -> None:
    context = RunContext(glossary_paths=(GLOSSARY,))
    config = Config()
    plan = build_checks(config, context, select=["TQA1", "TQA2", "TQA3"])
    document_checks = [c for c in plan.checks if c.scope == "document"]
    wanted = frozenset().union(*(c.shared_analyses for c in document_checks))
    assert wanted == {"terminology"}
    pipeline = Pipeline(
        plan.checks, chunk_size=4, jobs=2, spec=WorkerSpec(config, context, tuple(plan.codes))
    )
    received: list[set[object]] = []
    adopt = context.add_analyses

    def spy(analyses: dict[tuple[object, ...], object]) -> None:
        received.append({key[0] for key in analyses})
        adopt(analyses)

    context.add_analyses = spy  # type: ignore[method-assign]
    results = list(pipeline.run(segments()))
    assert len(results) == 120
    assert received and set().union(*received) == {"terminology"}


@pytest.mark.parametrize("registry_for_workers", [True, False])
def test_checks_of_a_callers_registry_run_with_workers(registry_for_workers: bool) -> None:
    """Plugin checks from a registry of the caller's own: in the workers when the spec names
    the registry, else in the main process; never lost, and raising ones give TQA001."""
    from tests.reliability.test_invariants import PLUGINS
    from tqa.core.registry import Registry, default_registry

    registry = Registry([*default_registry(), *PLUGINS])
    demo = list(read_segments(ROOT / "corpora" / "demo" / "demo.es-en.jsonl"))
    forty = [dataclasses.replace(demo[i % len(demo)], id=f"s{i + 1}") for i in range(40)]

    def run_with(jobs: int) -> tuple[tuple[str, ...], list[dict[str, object]]]:
        context, config = RunContext(), Config()
        select = ["TQA101", "TQA2", *(c.code for c in PLUGINS)]
        plan = build_checks(config, context, registry, select=select)
        spec = WorkerSpec(
            config, context, tuple(plan.codes), registry=registry if registry_for_workers else None
        )
        pipeline = Pipeline(plan.checks, chunk_size=4, jobs=jobs, spec=spec)
        return pipeline.parallel_codes, [r.to_dict() for r in pipeline.run(forty)]

    _, one = run_with(1)
    in_workers, two = run_with(2)
    assert two == one
    plugins = {"TST901", "TST902", "TST904"}  # TST903 is a document check
    assert plugins <= set(in_workers) if registry_for_workers else not plugins & set(in_workers)
    assert {"TQA101", "TQA201"} <= set(in_workers)
    codes = {r["id"]: [f["code"] for f in cast(list[dict[str, str]], r["findings"])] for r in one}
    assert [seg_id for seg_id, found in codes.items() if "TQA001" in found] == ["s3", "s5", "s6"]
    assert all(found.count("TST902") == 1 for found in codes.values())


@pytest.mark.parametrize("method", ["forkserver", "spawn"])
def test_workers_started_without_fork_give_the_same_results(
    method: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # spawn is what macOS and Windows get; forkserver what Linux gets once torch is loaded
    from tqa.core import pipeline

    one = run(1, 40)
    monkeypatch.setattr(pipeline, "start_method", lambda: method)
    assert run(2, 40) == one


def test_start_method_by_platform(monkeypatch: pytest.MonkeyPatch) -> None:
    from tqa.core.pipeline import start_method

    monkeypatch.setattr(sys, "platform", "linux")
    monkeypatch.delitem(sys.modules, "torch", raising=False)
    assert start_method() == "fork"
    monkeypatch.setitem(sys.modules, "torch", sys)  # a model library is loaded
    assert start_method() == "forkserver"
    for platform in ("darwin", "win32"):
        monkeypatch.setattr(sys, "platform", platform)
        assert start_method() == "spawn"
