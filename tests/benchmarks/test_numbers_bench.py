"""The number benchmark runner: its scoring, its data loader, its tool adapters, its data set."""

from __future__ import annotations

import importlib.util
import io
import json
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from tqa.core.check import Check
from tqa.core.model import Category, Finding, Segment, Severity
from tqa.core.registry import Registry

RUNNER = Path(__file__).resolve().parents[2] / "benchmarks" / "numbers" / "run.py"


def _load_runner() -> ModuleType:
    spec = importlib.util.spec_from_file_location("numbench_run", RUNNER)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up while building
    spec.loader.exec_module(module)
    return module


bench = _load_runner()


def _pair(pid: str, label: str, feature: str = "groups", target: str = "t") -> Any:
    error = bench.LabelledError("changed", "1", "2") if label == "error" else None
    return bench.Pair(pid, "s 1", target, "en", "es", label, feature, error)


# -- scoring on a tiny fixed fake -------------------------------------------------------------


def test_score_counts_and_ratios() -> None:
    labels = {"a": True, "b": True, "c": True, "d": False, "e": False}
    predicted = {"a": True, "b": True, "c": False, "d": True, "e": False}
    scores = bench.score(labels, predicted)
    assert (scores.tp, scores.fp, scores.fn, scores.tn) == (2, 1, 1, 1)
    assert scores.precision == pytest.approx(2 / 3)
    assert scores.recall == pytest.approx(2 / 3)
    assert scores.f1 == pytest.approx(2 / 3)
    assert scores.to_dict() == {
        "tp": 2,
        "fp": 1,
        "fn": 1,
        "tn": 1,
        "precision": 0.6667,
        "recall": 0.6667,
        "f1": 0.6667,
    }


def test_score_perfect_and_silent_tools() -> None:
    labels = {"a": True, "b": False}
    perfect = bench.score(labels, {"a": True, "b": False})
    assert (perfect.precision, perfect.recall, perfect.f1) == (1.0, 1.0, 1.0)
    silent = bench.score(labels, {"a": False, "b": False})
    assert (silent.tp, silent.fp, silent.fn, silent.tn) == (0, 0, 1, 1)
    assert (silent.precision, silent.recall, silent.f1) == (0.0, 0.0, 0.0)


def test_score_refuses_mismatched_ids() -> None:
    with pytest.raises(ValueError, match="different pairs"):
        bench.score({"a": True}, {"b": True})


def test_breakdown_lists_misses_and_false_alarms_per_feature() -> None:
    pairs = [
        _pair("w1", "error", "words"),
        _pair("w2", "error", "words"),
        _pair("w3", "ok", "words"),
        _pair("g1", "ok", "groups"),
        _pair("g2", "error", "groups"),
    ]
    predicted = {"w1": True, "w2": False, "w3": True, "g1": False, "g2": True}
    result = bench.breakdown(pairs, predicted)
    assert [(r.feature, r.pairs, r.errors, r.caught) for r in result] == [
        ("groups", 2, 1, 1),
        ("words", 3, 2, 1),
    ]
    assert result[0].misses == () and result[0].false_alarms == ()
    assert result[1].misses == ("w2",)
    assert result[1].false_alarms == ("w3",)


def test_recall_by_error_type() -> None:
    pairs = [
        bench.Pair(
            "m", "s", "t", "es", "en", "error", "words", bench.LabelledError("missing", "3", None)
        ),
        bench.Pair(
            "x", "s", "t", "es", "en", "error", "words", bench.LabelledError("extra", None, "4")
        ),
        bench.Pair(
            "x2", "s", "t", "es", "en", "error", "words", bench.LabelledError("extra", None, "5")
        ),
        bench.Pair("o", "s", "t", "es", "en", "ok", "words"),
    ]
    caught = bench.recall_by_type(pairs, {"m": False, "x": True, "x2": False, "o": True})
    assert caught == {"missing": (0, 1), "extra": (1, 2), "changed": (0, 0)}


def test_scores_by_language_pair() -> None:
    pairs = [_pair("a", "error"), _pair("b", "ok")]
    other = bench.Pair(
        "c", "s", "t", "de", "en", "error", "words", bench.LabelledError("missing", "1", None)
    )
    by_pair = bench.scores_by([*pairs, other], {"a": True, "b": True, "c": False}, "lang_pair")
    assert list(by_pair) == ["de-en", "en-es"]
    assert (by_pair["en-es"].tp, by_pair["en-es"].fp) == (1, 1)
    assert (by_pair["de-en"].fn, by_pair["de-en"].tp) == (1, 0)


# -- loading and validating data --------------------------------------------------------------


def _write(tmp_path: Path, rows: list[dict[str, Any]]) -> Path:
    (tmp_path / "xx-yy.jsonl").write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return tmp_path


GOOD: dict[str, Any] = {
    "id": "p1",
    "source": "Murieron 183 personas.",
    "target": "138 people died.",
    "src_lang": "es",
    "tgt_lang": "en",
    "label": "error",
    "error": {"type": "changed", "source": "183", "target": "138"},
    "feature": "groups",
}


def test_load_pairs_reads_a_valid_file(tmp_path: Path) -> None:
    ok = {**GOOD, "id": "p2", "label": "ok", "error": None, "target": "183 people died."}
    pairs = bench.load_pairs(_write(tmp_path, [GOOD, ok]))
    assert [p.id for p in pairs] == ["p1", "p2"]
    assert pairs[0].error == bench.LabelledError("changed", "183", "138")
    assert pairs[0].is_error and not pairs[1].is_error
    assert pairs[0].lang_pair == "es-en"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"label": "maybe"}, "label 'maybe'"),
        ({"feature": "colours"}, "unknown feature 'colours'"),
        ({"error": None}, "'error' must be an object"),
        ({"error": {"type": "missing", "source": "1", "target": "2"}}, "'missing' error needs"),
        ({"error": {"type": "swapped", "source": "1", "target": "2"}}, "error type 'swapped'"),
        ({"label": "ok"}, 'must have "error": null'),
        ({"source": ""}, "'source' must be a non-empty string"),
    ],
)
def test_load_pairs_rejects_bad_rows_with_file_and_line(
    tmp_path: Path, change: dict[str, object], message: str
) -> None:
    _write(tmp_path, [GOOD, {**GOOD, "id": "p2", **change}])
    with pytest.raises(bench.BenchError, match=r"xx-yy\.jsonl:2: ") as info:
        bench.load_pairs(tmp_path)
    assert message in str(info.value)


def test_load_pairs_rejects_duplicate_ids_and_wrong_keys(tmp_path: Path) -> None:
    _write(tmp_path, [GOOD, GOOD])
    with pytest.raises(bench.BenchError, match=r"xx-yy.jsonl:2: duplicate id 'p1'"):
        bench.load_pairs(tmp_path)
    extra = {**GOOD, "note": "x"}
    del extra["feature"]
    _write(tmp_path, [extra])
    with pytest.raises(bench.BenchError, match=r"missing: feature; unknown: note"):
        bench.load_pairs(tmp_path)


# -- the data set itself -----------------------------------------------------------------------


@pytest.fixture(scope="module")
def dataset() -> list[Any]:
    pairs: list[Any] = bench.load_pairs()
    return pairs


def test_dataset_size_balance_and_coverage(dataset: list[Any]) -> None:
    assert len(dataset) >= 400
    labels = Counter(p.label for p in dataset)
    assert labels["ok"] == labels["error"]
    assert len({p.lang_pair for p in dataset}) >= 6
    assert {p.feature for p in dataset} == set(bench.FEATURES)
    for feature in bench.FEATURES:
        members = [p for p in dataset if p.feature == feature]
        assert any(p.is_error for p in members), feature
        assert any(not p.is_error for p in members), feature
    assert {p.error.type for p in dataset if p.is_error} == {"missing", "extra", "changed"}


def test_dataset_ids_follow_file_names() -> None:
    for path in sorted(bench.DATA_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["id"].startswith(path.stem + "-"), row["id"]
            assert f"{row['src_lang']}-{row['tgt_lang']}" == path.stem


def test_dataset_error_values_are_in_the_texts(dataset: list[Any]) -> None:
    # Values written with digits must appear verbatim on their side; word values
    # ("trece", "billion") may be inflected or part of a longer phrase.
    for pair in dataset:
        if not pair.is_error:
            continue
        for value, text in ((pair.error.source, pair.source), (pair.error.target, pair.target)):
            if value is not None and not any(ch.isalpha() for ch in value):
                assert value in text, (pair.id, value)


# -- the tool adapters ---------------------------------------------------------------------------


def _fake_checks() -> Registry:
    class FakeMissing(Check):
        """Flags a target without the digit 7 when the source has one (a test double)."""

        code = "TQA201"
        name = "numbers.missing"
        category = Category.ACCURACY
        severity = Severity.MAJOR

        def check(self, segment: Segment) -> Iterator[Finding]:
            if "7" in segment.source and "7" not in segment.target:
                yield self.finding(segment, "7 is missing")

    class FakeExtra(Check):
        """Never flags (a test double)."""

        code = "TQA202"
        name = "numbers.extra"
        category = Category.ACCURACY
        severity = Severity.MAJOR

        def check(self, segment: Segment) -> Iterator[Finding]:
            return iter(())

    class FakeChanged(Check):
        """Fails on a target that says 'boom' (a test double)."""

        code = "TQA203"
        name = "numbers.changed"
        category = Category.ACCURACY
        severity = Severity.MAJOR

        def check(self, segment: Segment) -> Iterator[Finding]:
            if "boom" in segment.target:
                raise RuntimeError("boom")
            return iter(())

    return Registry([FakeMissing, FakeExtra, FakeChanged])


def test_run_tqa_flags_pairs_through_the_pipeline() -> None:
    pairs = [
        bench.Pair("a", "7 días", "7 days", "es", "en", "ok", "words"),
        bench.Pair("b", "7 días", "six days", "es", "en", "ok", "words"),
        bench.Pair("c", "7 días", "boom", "es", "en", "ok", "words"),
    ]
    run = bench.run_tqa(pairs, registry=_fake_checks())
    assert run.flagged == {"a": False, "b": True, "c": True}
    assert len(run.notes) == 1 and run.notes[0].startswith("c: check TQA203")


def test_missing_number_checks_fail_with_a_clear_message() -> None:
    class Other(Check):
        """Unrelated check (a test double)."""

        code = "TQA101"
        name = "format.other"
        category = Category.STYLE
        severity = Severity.MINOR

    with pytest.raises(bench.BenchError) as info:
        bench.build_number_checks(Registry([Other]))
    message = str(info.value)
    assert message.startswith("tqa's number checks (TQA201, TQA202, TQA203) are not available")
    assert "--pofilter-only" in message


def test_po_round_trip_keeps_ids_and_texts(tmp_path: Path) -> None:
    from translate.storage import po

    pairs = [
        bench.Pair(
            "q-1", 'Dijo "1.000" \\ no', 'He said "1,000" \\ no', "es", "en", "ok", "groups"
        ),
        bench.Pair("q-2", "1\u00a0000,5 t", "1,000.5 t", "fr", "en", "ok", "groups"),
    ]
    path = tmp_path / "in.po"
    bench.write_po(pairs, path)
    store = po.pofile.parsefile(str(path))
    units = [u for u in store.units if not u.isheader()]
    assert [(u.getcontext(), u.source, u.target) for u in units] == [
        (p.id, p.source, p.target) for p in pairs
    ]
    assert bench.read_contexts(path) == {"q-1", "q-2"}
    assert bench.read_contexts(tmp_path / "absent.po") == set()


def test_pofilter_flags_only_number_mismatches(tmp_path: Path) -> None:
    pairs = [
        bench.Pair(
            "same", "Murieron 183 personas.", "183 people died.", "es", "en", "ok", "groups"
        ),
        bench.Pair(
            "swap",
            "Murieron 183 personas.",
            "138 people died.",
            "es",
            "en",
            "error",
            "groups",
            bench.LabelledError("changed", "183", "138"),
        ),
    ]
    run = bench.run_pofilter(pairs, tmp_path)
    assert run.flagged == {"same": False, "swap": True}


def test_vary_cycles_and_shifts_digits() -> None:
    pairs = [bench.Pair("a", "9 y 10", "9 and 10", "es", "en", "ok", "groups")]
    varied = bench.vary(pairs, 3)
    assert [(p.id, p.source, p.target) for p in varied] == [
        ("a~0", "9 y 10", "9 and 10"),
        ("a~1", "0 y 21", "0 and 21"),
        ("a~2", "1 y 32", "1 and 32"),
    ]


def test_report_prints_both_tools_side_by_side() -> None:
    pairs = [_pair("a", "error"), _pair("b", "ok")]
    runs = {
        "tqa TQA201-203": bench.ToolRun({"a": True, "b": False}, 0.1),
        "pofilter -t numbers": bench.ToolRun({"a": True, "b": True}, 0.2),
    }
    out = io.StringIO()
    data = bench.report(pairs, runs, "tqa TQA201-203", out)
    lines = out.getvalue().splitlines()
    assert lines[0] == (
        "Number-preservation benchmark: 2 pairs (1 ok, 1 error), 1 language pairs, 1 features"
    )
    assert lines[3] == "tqa TQA201-203               1     0     0     1     1.000   1.000   1.000"
    assert lines[4] == "pofilter -t numbers          1     1     0     0     0.500   1.000   0.667"
    assert lines[6:9] == [
        "recall by error type       missing     extra   changed",
        "tqa TQA201-203                 0/0       0/0       1/1",
        "pofilter -t numbers            0/0       0/0       1/1",
    ]
    assert lines[11] == (
        "groups           2      1 |             1/1            0 |             1/1            1"
    )
    assert lines[14] == "en-es              |   1.00   1.00   1.00 |   0.50   1.00   0.67"
    assert lines[16:] == ["tqa TQA201-203: misses and false alarms by feature", "  (none)"]
    assert data["tools"]["pofilter -t numbers"]["by_feature"]["groups"]["false_alarms"] == ["b"]
    assert data["tools"]["tqa TQA201-203"]["overall"]["f1"] == 1.0


# -- the held-out set and the --data option -------------------------------------------------------

HELDOUT_DIR = RUNNER.parent / "heldout"


def test_heldout_set_size_balance_and_coverage() -> None:
    pairs = bench.load_pairs(HELDOUT_DIR)
    assert len(pairs) >= 120
    labels = Counter(p.label for p in pairs)
    assert labels["ok"] == labels["error"]
    assert len({p.lang_pair for p in pairs}) >= 6
    assert {p.feature for p in pairs} == set(bench.FEATURES)
    for path in sorted(HELDOUT_DIR.glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            row = json.loads(line)
            assert row["id"].startswith(f"h-{path.stem}-"), row["id"]
            assert f"{row['src_lang']}-{row['tgt_lang']}" == path.stem


def test_heldout_shares_no_sentence_with_the_main_set() -> None:
    main = bench.load_pairs()
    sources = {p.source for p in main}
    targets = {p.target for p in main}
    for pair in bench.load_pairs(HELDOUT_DIR):
        assert pair.source not in sources, pair.id
        assert pair.target not in targets, pair.id


def test_data_option_reads_another_folder(tmp_path: Path) -> None:
    rows = [
        {
            "id": "x-en-es-001",
            "src_lang": "en",
            "tgt_lang": "es",
            "feature": "groups",
            "label": "ok",
            "error": None,
            "source": "It has 4,200 beds.",
            "target": "Tiene 4.200 camas.",
        },
        {
            "id": "x-en-es-002",
            "src_lang": "en",
            "tgt_lang": "es",
            "feature": "groups",
            "label": "error",
            "error": {"type": "changed", "source": "4,200", "target": "2.400"},
            "source": "It has 4,200 beds.",
            "target": "Tiene 2.400 camas.",
        },
    ]
    data = tmp_path / "data"
    data.mkdir()
    (data / "en-es.jsonl").write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    results = tmp_path / "out.json"
    out = io.StringIO()
    assert bench.main(["--data", str(data), "--json", str(results)], out=out) == 0
    assert out.getvalue().startswith(
        "Number-preservation benchmark: 2 pairs (1 ok, 1 error), 1 language pairs, 1 features"
    )
    written = json.loads(results.read_text(encoding="utf-8"))
    assert (written["pairs"], written["errors"]) == (2, 1)
    overall = written["tools"]["tqa TQA201-203"]["overall"]
    assert (overall["tp"], overall["fp"], overall["fn"], overall["tn"]) == (1, 0, 0, 1)


def test_data_option_with_an_empty_folder_fails_cleanly(tmp_path: Path) -> None:
    err = io.StringIO()
    old = sys.stderr
    sys.stderr = err
    try:
        status = bench.main(["--data", str(tmp_path)], out=io.StringIO())
    finally:
        sys.stderr = old
    assert status == 2
    assert err.getvalue().startswith("bench-numbers: ")
