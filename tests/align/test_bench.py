"""The alignment benchmark: its data sets are consistent and its scoring is right."""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import ROOT
from tqa.align.aligner import Alignment, Bead, Sentence

BENCH = ROOT / "benchmarks" / "align"


def _load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("alignbench_run", BENCH / "run.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


bench = _load_runner()


@pytest.mark.parametrize(("folder", "documents"), [("data", 40), ("data_heldout", 12)])
def test_data_set_is_consistent(folder: str, documents: int) -> None:
    records = [
        json.loads(line)
        for line in (BENCH / folder / "gold.jsonl").read_text(encoding="utf-8").splitlines()
    ]
    assert len(records) == documents
    for record in records:
        src = (BENCH / folder / record["src_file"]).read_text(encoding="utf-8").splitlines()
        tgt = (BENCH / folder / record["tgt_file"]).read_text(encoding="utf-8").splitlines()
        assert 5 <= len(record["src_sentences"]) <= 15, record["id"]
        # every gold sentence is found, in order, in its paragraph
        bench._offsets(src, [tuple(x) for x in record["src_sentences"]])
        bench._offsets(tgt, [tuple(x) for x in record["tgt_sentences"]])
        linked_src = {i for i, _ in record["links"]}
        linked_tgt = {j for _, j in record["links"]}
        n_src, n_tgt = len(record["src_sentences"]), len(record["tgt_sentences"])
        assert record["omitted"] == sorted(set(range(n_src)) - linked_src)
        assert record["added"] == sorted(set(range(n_tgt)) - linked_tgt)
        assert all(0 <= i < n_src for i in linked_src)
        assert all(0 <= j < n_tgt for j in linked_tgt)


def test_main_set_has_every_kind_of_edit() -> None:
    kinds: set[str] = set()
    for line in (BENCH / "data" / "gold.jsonl").read_text(encoding="utf-8").splitlines():
        kinds.update(op.split(":")[0] for op in json.loads(line)["ops"])
    assert kinds == {"omit", "merge", "split", "add", "join-paragraphs", "split-paragraph"}


def test_scoring_maps_a_wrong_split_onto_the_gold_sentences() -> None:
    record = {
        "src_sentences": [[0, "Uno dos."], [0, "Tres."], [1, "Cuatro."]],
        "tgt_sentences": [[0, "One two."], [0, "Three."], [1, "Four."]],
        "links": [[0, 0], [1, 1], [2, 2]],
        "omitted": [],
        "added": [],
    }
    src_paras = ["Uno dos. Tres.", "Cuatro."]
    tgt_paras = ["One two. Three.", "Four."]
    # the aligner kept source paragraph 0 as one sentence and left "Four." unaligned
    alignment = Alignment(
        src=(Sentence("Uno dos. Tres.", 0, 0), Sentence("Cuatro.", 1, 0)),
        tgt=(Sentence("One two.", 0, 0), Sentence("Three.", 0, 1), Sentence("Four.", 1, 0)),
        beads=(Bead((0,), (0, 1), 1.0), Bead((1,), (), 1.0), Bead((), (2,), 1.0)),
    )
    links, omitted, added, mismatches = bench.evaluate(record, alignment, src_paras, tgt_paras)
    assert links == {(0, 0), (0, 1), (1, 0), (1, 1)}
    assert omitted == {2}
    assert added == {2}
    assert mismatches == 1
    counts = bench.Counts()
    counts.add(links, {(0, 0), (1, 1), (2, 2)})
    assert (counts.tp, counts.fp, counts.fn) == (2, 2, 1)
    assert counts.precision == 0.5
    assert counts.recall == pytest.approx(2 / 3)
    assert counts.f1 == pytest.approx(4 / 7)


def test_runner_writes_json(tmp_path: Path) -> None:
    out = tmp_path / "r.json"
    assert bench.main(["--set", "heldout", "--json", str(out)]) == 0
    figures = json.loads(out.read_text(encoding="utf-8"))
    assert figures["documents"] == 12
    assert set(figures["links"]) == {"tp", "fp", "fn", "precision", "recall", "f1"}
    assert figures["split_mismatches"] == 0
