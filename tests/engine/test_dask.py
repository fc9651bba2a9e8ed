"""The Dask engine gives exactly the results of a local run, in input order."""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.pipeline import Pipeline, build_checks
from tqa.engine.dask import DaskRun, PartitionJob, check_partition
from tqa.errors import TqaError
from tqa.formats import ReadOptions, read_segments

distributed = pytest.importorskip("distributed")
cluster_test = pytest.mark.slow  # starts a two-process LocalCluster (a few seconds)

GLOSSARY = ROOT / "corpora" / "glossaries" / "conflict-syria.tbx"
SELECT = ["TQA1", "TQA2", "TQA3"]
SEEDS = ("aleppo.es-en.jsonl", "aleppo.es-en.errors.jsonl")


def write_inputs(tmp_path: Path, files: int) -> list[Path]:
    """``files`` JSONL documents cut from the seed stories (each file is one document)."""
    rows = list(itertools.chain.from_iterable(read_segments(ROOT / "seeds" / n) for n in SEEDS))
    paths = []
    for number in range(files):
        path = tmp_path / f"doc{number}.jsonl"
        with path.open("w", encoding="utf-8") as handle:
            for i in range(30):
                seg = rows[(number * 7 + i) % len(rows)]
                row = {"id": f"d{number}-{i}", "source": seg.source, "target": seg.target}
                row |= {"src_lang": seg.src_lang, "tgt_lang": seg.tgt_lang}
                handle.write(json.dumps(row, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths


def job() -> PartitionJob:
    context = RunContext(glossary_paths=(GLOSSARY,))
    plan = build_checks(Config(), context, select=SELECT)
    return PartitionJob(Config(), context, tuple(plan.codes), ReadOptions(), chunk_size=8)


def local(paths: list[Path]) -> list[dict[str, object]]:
    plan = build_checks(Config(), RunContext(glossary_paths=(GLOSSARY,)), select=SELECT)
    segments = itertools.chain.from_iterable(read_segments(p) for p in paths)
    return [r.to_dict() for r in Pipeline(plan.checks).run(segments)]


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, processes=True, threads_per_worker=1, dashboard_address=":0"
    )
    with cluster, distributed.Client(cluster) as client:
        yield client


@cluster_test
def test_dask_equals_local_run(client: object, tmp_path: Path) -> None:
    paths = write_inputs(tmp_path, 5)
    expected = local(paths)
    run = DaskRun(job(), client=client, in_flight=2)
    got = [r.to_dict() for r in run.run(paths)]
    assert [r["id"] for r in got] == [f"d{n}-{i}" for n in range(5) for i in range(30)]
    assert got == expected
    codes = {f["code"] for r in got for f in r["findings"]}  # type: ignore[attr-defined]
    assert {"TQA203", "TQA310"} <= codes
    assert [path for path, _ in run.reports] == [str(p.resolve()) for p in paths]


def test_document_checks_see_each_file_as_one_document(tmp_path: Path) -> None:
    """The same source translated two ways: inconsistent inside one file, not across files."""
    rows = [
        {"id": "1", "source": "La ciudad cayó.", "target": "The city fell."},
        {"id": "2", "source": "La ciudad cayó.", "target": "The town fell."},
    ]
    one = tmp_path / "one.jsonl"
    one.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    first.write_text(json.dumps(rows[0]) + "\n", encoding="utf-8")
    second.write_text(json.dumps(rows[1]) + "\n", encoding="utf-8")
    spec = PartitionJob(Config(), RunContext(), ("TQA310",), ReadOptions("es", "en"))
    together = check_partition(str(one), spec)
    apart = [check_partition(str(p), spec) for p in (first, second)]
    assert [[f.code for f in r.findings] for r in together.results] == [[], ["TQA310"]]
    assert [[f.code for f in r.findings] for part in apart for r in part.results] == [[], []]


@cluster_test
def test_input_error_comes_back_as_tqa_error(client: object, tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "1", "source": "x"}\n', encoding="utf-8")
    # through the scheduler address, as ``--scheduler`` does: the run opens its own client
    address = client.scheduler.address  # type: ignore[attr-defined]
    job = PartitionJob(Config(), RunContext(), ("TQA101",), ReadOptions("es", "en"))
    run = DaskRun(job, scheduler=address)
    with pytest.raises(TqaError, match=r"bad\.jsonl:1: missing required key 'target'"):
        list(run.run([bad]))


def test_a_worker_that_cannot_build_a_check_stops_the_run(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A worker missing an extra must not quietly check less than the local run."""
    import socket

    from tqa.checks import language
    from tqa.errors import CheckUnavailable

    def unavailable(self: object, *args: object, **kwargs: object) -> None:
        raise CheckUnavailable("TQA401 is skipped: langdetect is not installed")

    monkeypatch.setattr(language.WrongLanguage, "__init__", unavailable)
    path = write_inputs(tmp_path, 1)[0]
    spec = PartitionJob(Config(), RunContext(), ("TQA101", "TQA401"), ReadOptions())
    part = check_partition(str(path), spec)
    assert part.results == []
    assert part.error == (
        f"the Dask worker on {socket.gethostname()} cannot run TQA401; TQA401 is skipped: "
        "langdetect is not installed (install the same tqa, extras and plugins on every worker)"
    )
