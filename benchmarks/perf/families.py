"""Where the time of a rule-check run goes: microseconds per segment for each check family.

    python benchmarks/perf/families.py /tmp/tqa-perf/n10000 [--repeat 1]

Reads the generated JSONL files of a data set (``generate.py``) once, then, in this process
and one family at a time, runs that family's checks over every segment the way the pipeline
does (chunks of 64, document checks in order) and reports the best of ``--repeat`` passes,
in CPU time of this process (steadier than wall time on a shared machine).
Each pass starts from a fresh ``RunContext``, so no family profits from analyses another
family made (in a real run, names and terminology share one glossary match per segment, and
the figures here add up to a little more than the whole). Reading, writing and start-up are
not included: ``run.py`` measures whole command lines.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tqa.core.check import RunContext  # noqa: E402
from tqa.core.config import Config  # noqa: E402
from tqa.core.model import Segment  # noqa: E402
from tqa.core.pipeline import Pipeline, build_checks  # noqa: E402
from tqa.formats import ReadOptions, read_segments  # noqa: E402

FAMILIES = {
    "format (TQA1)": ["TQA1"],
    "numbers (TQA2)": ["TQA2"],
    "terminology (TQA30, TQA31)": ["TQA30", "TQA31"],
    "names (TQA35)": ["TQA35"],
    "language (TQA4)": ["TQA4"],
    "rules (TQA1-3), together": ["TQA1", "TQA2", "TQA3"],
}


def time_family(segments: list[Segment], select: list[str], glossary: Path) -> tuple[float, float]:
    """(CPU seconds to build the checks, CPU seconds to run them over ``segments``)."""
    start = time.process_time()
    context = RunContext(glossary_paths=(glossary,))
    plan = build_checks(Config(), context, select=select)
    built = time.process_time()
    for _ in Pipeline(plan.checks, jobs=1).run(segments):
        pass
    return built - start, time.process_time() - built


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data", type=Path, help="a directory written by generate.py")
    parser.add_argument(
        "--repeat",
        type=int,
        default=1,
        help="passes per family, best kept (later passes find the bounded per-text caches warm)",
    )
    parser.add_argument("--only", default=None, help="comma-separated family name prefixes")
    args = parser.parse_args(argv)
    segments: list[Segment] = []
    for path in sorted((args.data / "jsonl").glob("*.jsonl")):
        segments.extend(read_segments(path, ReadOptions()))
    glossary = args.data / "glossary.csv"
    print(f"{len(segments)} segments from {args.data}")
    print(f"{'family':<28} {'build s':>8} {'us/segment':>11} {'segments/s':>11}")
    for name, select in FAMILIES.items():
        if args.only and not any(name.startswith(p) for p in args.only.split(",")):
            continue
        runs = [time_family(segments, select, glossary) for _ in range(max(1, args.repeat))]
        build = min(r[0] for r in runs)
        best = min(r[1] for r in runs)
        per = best / len(segments) * 1e6
        print(f"{name:<28} {build:>8.2f} {per:>11.1f} {len(segments) / best:>11.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
