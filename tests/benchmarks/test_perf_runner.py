"""The throughput runner's plan and ratios (the timing itself is not tested: it is a
benchmark, run with ``make bench``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.benchmarks.test_perf_generator import load

run = load("run")


def figure(label: str, tool: str, fmt: str, jobs: int, rate: float) -> object:
    return run.Figure(100, label, tool, fmt, jobs, 1.0, rate, 50.0, 50.0, 0)


def test_every_tqa_configuration_runs_once_per_jobs_value(tmp_path: Path) -> None:
    plan = run.runs(100, tmp_path, tmp_path, [1, 2], ["jsonl", "po"])
    keys = [(label, tool, fmt, jobs) for label, tool, fmt, jobs, _ in plan]
    assert keys == [
        ("a numbers", "tqa", "jsonl", 1),
        ("b rules", "tqa", "jsonl", 1),
        ("a numbers", "tqa", "po", 1),
        ("b rules", "tqa", "po", 1),
        ("c rules+lang", "tqa", "jsonl", 1),
        ("a numbers", "tqa", "jsonl", 2),
        ("b rules", "tqa", "jsonl", 2),
        ("a numbers", "tqa", "po", 2),
        ("b rules", "tqa", "po", 2),
        ("c rules+lang", "tqa", "jsonl", 2),
        ("a numbers", "pofilter", "po", 1),
        ("b default", "pofilter", "po", 1),
    ]
    b_po_2 = plan[8][4]
    assert b_po_2[b_po_2.index("-j") + 1] == "2"
    assert ["--select", "TQA3"] == b_po_2[b_po_2.index("TQA3") - 1 : b_po_2.index("TQA3") + 1]


def test_ratios_compare_each_tqa_run_with_the_matching_pofilter_run() -> None:
    figures = [
        figure("a numbers", "tqa", "jsonl", 2, 15000.0),
        figure("b rules", "tqa", "po", 1, 1000.0),
        figure("c rules+lang", "tqa", "jsonl", 2, 2500.0),
        figure("a numbers", "pofilter", "po", 1, 12000.0),
        figure("b default", "pofilter", "po", 1, 4000.0),
    ]
    assert run.ratios(figures) == [
        "N=100: tqa a numbers (jsonl, 2 jobs) / pofilter a numbers (po): 1.25x",
        "N=100: tqa b rules (po, 1 job) / pofilter b default (po): 0.25x",
    ]


def test_effective_cpus_is_the_work_done_at_once_in_units_of_one_process() -> None:
    assert run.effective_cpus(1.0, 1.0, 2) == 2.0  # two copies as fast as one alone
    assert run.effective_cpus(1.0, 2.0, 2) == 1.0  # they queued for one CPU
    assert run.effective_cpus(1.5, 2.0, 2) == 1.5


def test_capacity_line_names_the_ideal() -> None:
    assert run.capacity_line(2, 1.234, "after them") == (
        "parallel capacity after them: 2 CPU-bound processes at once did the work of 1.23 "
        "alone (ideal 2.00)"
    )


def test_rounds_give_median_figures_and_per_round_ratios() -> None:
    def rounds(label: str, tool: str, seconds: list[float]) -> Any:
        measured = [run.Figure(1000, label, tool, "po", 1, s, 1000 / s, s, s, 0) for s in seconds]
        return run.combined(measured)

    ours = rounds("a numbers", "tqa", [2.0, 4.0, 1.0])
    theirs = rounds("a numbers", "pofilter", [1.0, 5.0, 2.0])
    assert ours == run.Figure(
        1000, "a numbers", "tqa", "po", 1, 2.0, 500.0, 4.0, 4.0, 0, (2.0, 4.0, 1.0)
    )
    assert theirs.seconds == 2.0
    # per round 0.5, 1.25 and 2.0: the median is 1.25 (the ratio of medians would be 1.0)
    assert run.ratios([ours, theirs]) == [
        "N=1000: tqa a numbers (po, 1 job) / pofilter a numbers (po): 1.25x "
        "(median of 3 rounds, 0.50-2.00)"
    ]
    single = run.combined([run.Figure(1000, "b rules", "tqa", "po", 1, 4.0, 250.0, 1, 1, 0)])
    assert single.round_seconds == ()
    assert run._median([4.0, 1.0, 3.0, 2.0]) == 2.5
