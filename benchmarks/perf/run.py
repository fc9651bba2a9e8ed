"""Throughput and peak memory of ``tqa check`` against Translate Toolkit's ``pofilter``.

    python benchmarks/perf/run.py --sizes 10000,100000 [--jobs 1,2] [--json figures.json]

For each size N it generates the data set with ``generate.py`` (cached under ``--work``), then
times real command-line runs, each in its own subprocess, reading the same files:

- (a) ``tqa check --select TQA2`` (numbers only), on the JSONL files and on the PO files;
- (b) ``--select TQA1,TQA2,TQA3`` (format, numbers, terminology with the generated
  1,000-concept glossary, consistency), JSONL and PO;
- (c) (b) plus the language check (TQA4), on the JSONL files;
- each of them once per ``--jobs`` value;
- ``pofilter -t numbers`` and ``pofilter`` with its default checks on the PO files.

Each run writes its report (JSONL for tqa, PO for pofilter) to a temporary directory.
Segments/s is N divided by the wall time of the whole process (start-up, parsing and writing
included, as for pofilter). Peak RSS is the largest resident set of the process
(``wait4``); with worker processes the sum over the process tree is sampled too. The ratios
compare every tqa run of (a) and (b) with pofilter on the PO files of the same data.

With ``--rounds K`` every configuration runs K times, the whole plan once per round, so that
each sees the same spread of machine conditions: the table gives the median, and each ratio
is the median of the per-round ratios, with their range.

Before and after the runs it measures how much parallel work the machine really gives: the
same pure-Python loop in one process, then in as many processes as there are CPUs at once.
On a shared virtual machine "2 CPUs" can at times do little more than one (seen here: 1.0 to
1.9), and the ``--jobs`` figures mean little without that number.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from tqa.core.cpus import usable_cpus

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
VENV_BIN = Path(sys.executable).parent
RULES = "TQA1,TQA2,TQA3"


@dataclass(frozen=True)
class Figure:
    size: int
    label: str
    tool: str
    input: str
    jobs: int
    seconds: float
    segments_per_s: float
    peak_rss_mb: float
    tree_rss_mb: float
    exit_code: int
    round_seconds: tuple[float, ...] = ()
    """With ``--rounds``: the wall seconds of each round (``seconds`` is their median)."""


def combined(measured: list[Figure]) -> Figure:
    """One figure for the rounds of one configuration: median seconds (and the throughput
    they give), the largest memory, every round's seconds, the worst exit code."""
    first = measured[0]
    times = tuple(f.seconds for f in measured)
    middle = _median(list(times))
    return Figure(
        first.size, first.label, first.tool, first.input, first.jobs,
        round(middle, 3), round(first.size / middle, 1),
        max(f.peak_rss_mb for f in measured), max(f.tree_rss_mb for f in measured),
        max(f.exit_code for f in measured), times if len(times) > 1 else (),
    )  # fmt: skip


def _median(values: list[float]) -> float:
    ordered = sorted(values)
    half = len(ordered) // 2
    return ordered[half] if len(ordered) % 2 else (ordered[half - 1] + ordered[half]) / 2


def _tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and its descendants, from /proc (0 when unreadable)."""
    total = 0
    todo = [pid]
    while todo:
        current = todo.pop()
        try:
            with open(f"/proc/{current}/status", encoding="ascii", errors="replace") as handle:
                for line in handle:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1])
                        break
            for task in os.listdir(f"/proc/{current}/task"):
                with open(f"/proc/{current}/task/{task}/children", encoding="ascii") as handle:
                    todo.extend(int(c) for c in handle.read().split())
        except (OSError, ValueError):
            continue
    return total


def measure(command: list[str], size: int) -> tuple[float, float, float, int]:
    """Wall seconds, peak RSS (MB, largest process), sampled tree RSS (MB) and exit code."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, cwd=ROOT, text=False
    )
    peak_tree = 0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak_tree
        while not stop.is_set():
            peak_tree = max(peak_tree, _tree_rss_kb(proc.pid))
            stop.wait(0.1)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    assert proc.stderr is not None
    stderr = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    stop.set()
    sampler.join()
    proc.returncode = os.waitstatus_to_exitcode(status)
    code = proc.returncode
    if code not in (0, 1):
        tail = stderr.decode("utf-8", "replace")[-2000:]
        raise RuntimeError(f"{' '.join(command)} exited {code}:\n{tail}")
    return seconds, usage.ru_maxrss / 1024, peak_tree / 1024, code


_SPIN = "x = 0\nfor i in range({n}): x += i\n"


def _spin(processes: int, loops: int) -> float:
    """Wall seconds for ``processes`` copies of the same pure-Python loop run at once."""
    command = [sys.executable, "-c", _SPIN.format(n=loops)]
    start = time.perf_counter()
    running = [subprocess.Popen(command) for _ in range(processes)]
    for proc in running:
        proc.wait()
    return time.perf_counter() - start


def effective_cpus(alone: float, together: float, processes: int) -> float:
    """How many CPUs' worth of work ``processes`` simultaneous copies of a job got done:
    ``processes`` when they all ran as fast as one alone, 1 when they queued for one CPU."""
    return processes * alone / together


def parallel_capacity(processes: int, loops: int = 20_000_000, trials: int = 3) -> float:
    """Median of ``trials`` measurements of :func:`effective_cpus` (about 1 s of CPU each)."""
    values = sorted(
        effective_cpus(_spin(1, loops), _spin(processes, loops), processes) for _ in range(trials)
    )
    return values[len(values) // 2]


def dataset(size: int, work: Path) -> Path:
    out = work / f"n{size}"
    manifest = out / "manifest.json"
    if manifest.is_file() and json.loads(manifest.read_text())["segments"] == size:
        return out
    subprocess.run(
        [sys.executable, str(HERE / "generate.py"), str(size), "--out", str(out)],
        check=True,
        stdout=subprocess.DEVNULL,
    )
    return out


def tqa_command(data: Path, fmt: str, select: str, jobs: int, out: Path) -> list[str]:
    files = sorted((data / fmt).glob(f"*.{fmt}"))
    command = [str(VENV_BIN / "tqa"), "check", *map(str, files)]
    for code in select.split(","):
        command += ["--select", code]
    if "TQA3" in select:
        command += ["-g", str(data / "glossary.csv")]
    command += ["-j", str(jobs)]
    return [*command, "-f", "jsonl", "-o", str(out), "-q", "--fail-on", "never"]


def pofilter_command(data: Path, tests: list[str], out: Path) -> list[str]:
    command = [str(VENV_BIN / "pofilter"), "--progress", "none"]
    for test in tests:
        command += ["-t", test]
    return [*command, str(data / "po"), str(out)]


def runs(
    size: int, data: Path, tmp: Path, jobs_list: list[int], formats: list[str]
) -> list[tuple[str, str, str, int, list[str]]]:
    """(label, tool, input, jobs, command) for every run of one size."""
    plan: list[tuple[str, str, str, int, list[str]]] = []
    for jobs in jobs_list:
        for fmt in formats:
            for label, select in (("a numbers", "TQA2"), ("b rules", RULES)):
                command = tqa_command(data, fmt, select, jobs, tmp / "out")
                plan.append((label, "tqa", fmt, jobs, command))
        command = tqa_command(data, "jsonl", RULES + ",TQA4", jobs, tmp / "out")
        plan.append(("c rules+lang", "tqa", "jsonl", jobs, command))
    plan.append(("a numbers", "pofilter", "po", 1, pofilter_command(data, ["numbers"], tmp / "pa")))
    plan.append(("b default", "pofilter", "po", 1, pofilter_command(data, [], tmp / "pb")))
    return plan


THEIRS = {"a numbers": "a numbers", "b rules": "b default"}


def ratios(figures: list[Figure]) -> list[str]:
    """tqa / pofilter throughput for every tqa run of (a) and (b), same size, same run."""
    lines = []
    for ours in figures:
        if ours.tool != "tqa" or ours.label not in THEIRS:
            continue
        theirs = [
            f
            for f in figures
            if f.size == ours.size and f.tool == "pofilter" and f.label == THEIRS[ours.label]
        ]
        if not theirs:
            continue
        head = (
            f"N={ours.size}: tqa {ours.label} ({ours.input}, {ours.jobs} job"
            f"{'s' if ours.jobs > 1 else ''}) / pofilter {THEIRS[ours.label]} (po): "
        )
        their_rounds, our_rounds = theirs[0].round_seconds, ours.round_seconds
        if len(our_rounds) > 1 and len(our_rounds) == len(their_rounds):
            # a ratio per round (both ran under the same conditions), then their median
            per_round = [t / o for t, o in zip(their_rounds, our_rounds, strict=True)]
            lines.append(
                f"{head}{_median(per_round):.2f}x (median of {len(per_round)} rounds, "
                f"{min(per_round):.2f}-{max(per_round):.2f})"
            )
        else:
            lines.append(f"{head}{ours.segments_per_s / theirs[0].segments_per_s:.2f}x")
    return lines


def table(figures: list[Figure]) -> str:
    lines = [
        f"{'N':>9}  {'run':<14} {'tool':<9} {'input':<6} {'jobs':>4}  {'seconds':>8}  "
        f"{'seg/s':>8}  {'peak MB':>8}  {'tree MB':>8}",
    ]
    for f in figures:
        lines.append(
            f"{f.size:>9}  {f.label:<14} {f.tool:<9} {f.input:<6} {f.jobs:>4}  {f.seconds:>8.2f}  "
            f"{f.segments_per_s:>8.0f}  {f.peak_rss_mb:>8.1f}  {f.tree_rss_mb:>8.1f}"
        )
    return "\n".join([*lines, *ratios(figures)])


def capacity_line(cpus: int, capacity: float, when: str) -> str:
    return (
        f"parallel capacity {when}: {cpus} CPU-bound processes at once did the work of "
        f"{capacity:.2f} alone (ideal {cpus:.2f})"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--sizes", default="10000,100000", help="comma-separated N values")
    parser.add_argument("--jobs", default="1,2", help="comma-separated --jobs values")
    parser.add_argument(
        "--inputs", default="jsonl,po", help="tqa inputs for (a) and (b): jsonl, po or both"
    )
    parser.add_argument("--work", type=Path, default=None, help="where to keep generated data")
    parser.add_argument("--json", type=Path, default=None, help="save the figures here")
    parser.add_argument(
        "--only", default=None, help="run only these labels (comma-separated prefixes: a,b,c)"
    )
    parser.add_argument(
        "--rounds",
        type=int,
        default=1,
        help="run every configuration this many times, in rotation; report medians and "
        "per-round ratios (steadier on a shared machine)",
    )
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",") if s]
    jobs_list = [int(j) for j in args.jobs.split(",") if j]
    formats = [f for f in args.inputs.split(",") if f]
    work = args.work or Path(tempfile.gettempdir()) / "tqa-perf"
    # pofilter runs from byte-compiled modules (pip compiles site-packages); give tqa's
    # editable checkout the same footing even where PYTHONDONTWRITEBYTECODE is set
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", str(ROOT / "tqa")],
        check=True,
        env={k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    )
    cpus = usable_cpus()  # as tqa's default --jobs counts them
    before = parallel_capacity(cpus) if cpus > 1 else 1.0
    print(capacity_line(cpus, before, "before the runs"), file=sys.stderr, flush=True)
    figures: list[Figure] = []
    for size in sizes:
        data = dataset(size, work)
        with tempfile.TemporaryDirectory(prefix="tqa-perf-out-") as tmp_name:
            tmp = Path(tmp_name)
            plan = [
                run
                for run in runs(size, data, tmp, jobs_list, formats)
                if not args.only or any(run[0].startswith(p) for p in args.only.split(","))
            ]
            measured: list[list[Figure]] = [[] for _ in plan]
            for turn in range(1, max(1, args.rounds) + 1):
                for (label, tool, fmt, jobs, command), results in zip(plan, measured, strict=True):
                    seconds, peak, tree, code = measure(command, size)
                    figure = Figure(
                        size, label, tool, fmt, jobs, round(seconds, 3), round(size / seconds, 1),
                        round(peak, 1), round(tree, 1), code,
                    )  # fmt: skip
                    results.append(figure)
                    print(
                        f"{size} {label} {tool} {fmt} jobs={jobs}"
                        f"{f' round {turn}' if args.rounds > 1 else ''}: {seconds:.2f}s "
                        f"{figure.segments_per_s:.0f} seg/s {peak:.0f} MB",
                        file=sys.stderr,
                        flush=True,
                    )
            figures.extend(combined(results) for results in measured)
    after = parallel_capacity(cpus) if cpus > 1 else 1.0
    print(table(figures))
    print(capacity_line(cpus, before, "before the runs"))
    print(capacity_line(cpus, after, "after them"))
    if args.json is not None:
        payload = {
            "cpus": cpus,
            "effective_cpus": {"before": round(before, 2), "after": round(after, 2)},
            "figures": [asdict(f) for f in figures],
        }
        args.json.write_text(json.dumps(payload, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
