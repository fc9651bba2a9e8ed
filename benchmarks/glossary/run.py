"""Benchmark of ``tqa glossary extract`` on a hand-written es->en conflict-news corpus.

    .venv/bin/python benchmarks/glossary/run.py [--show 60]

``corpus.tsv`` holds 192 aligned segment pairs written for this benchmark; ``gold.tsv`` lists
the true term pairs (every name, acronym and domain term written in at least two source
segments). The extractor was developed while looking at its output on this corpus (with
general rules only: no list of its terms anywhere), so it is a development set. ``--heldout``
runs on ``heldout.tsv`` (45 pairs on Yemen and the Sahel, written after the method was settled
and never used to change it) with ``heldout_gold.tsv``.

A candidate is correct when its source term and its best target both equal a gold pair
(case-insensitive, whitespace collapsed; any listed target form counts). Reported:
precision@20 and precision@50 (correct candidates among the first k, divided by k even when
fewer than k were extracted), recall of the gold pairs over all candidates, precision over all
candidates, and the time taken.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent.parent))

from tqa.formats import ReadOptions, read_segments  # noqa: E402
from tqa.glossary.extract import Candidate, extract_terms  # noqa: E402


def _norm(text: str) -> str:
    return " ".join(text.casefold().split())


def load_gold(path: Path) -> dict[str, set[str]]:
    gold: dict[str, set[str]] = {}
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    for line in lines:
        if line.startswith("#") or line.startswith("source\t"):
            continue
        source, targets = line.split("\t")
        gold.setdefault(_norm(source), set()).update(_norm(t) for t in targets.split(" | "))
    return gold


def correct(candidate: Candidate, gold: dict[str, set[str]]) -> bool:
    return _norm(candidate.target) in gold.get(_norm(candidate.source), set())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", type=int, default=0, help="print the top N candidates")
    parser.add_argument(
        "--heldout",
        action="store_true",
        help="run on heldout.tsv / heldout_gold.tsv (45 pairs, Yemen and Sahel) instead",
    )
    args = parser.parse_args(argv)
    corpus, gold_file = (
        ("heldout.tsv", "heldout_gold.tsv") if args.heldout else ("corpus.tsv", "gold.tsv")
    )
    segments = list(read_segments(HERE / corpus, ReadOptions(src_lang="es", tgt_lang="en")))
    gold = load_gold(HERE / gold_file)
    started = time.perf_counter()
    candidates = extract_terms(segments, "es", "en")
    elapsed = time.perf_counter() - started
    marks = [correct(c, gold) for c in candidates]
    found = {_norm(c.source) for c, ok in zip(candidates, marks, strict=True) if ok}

    def precision(k: int) -> float:
        top = marks[:k]
        return sum(top) / k if top else 0.0

    for rank, (cand, ok) in enumerate(zip(candidates, marks, strict=True), 1):
        if rank > args.show:
            break
        flag = "+" if ok else "-"
        print(
            f"{rank:3d} {flag} {cand.confidence:.3f} {cand.kind:7s} {cand.source} => {cand.target}"
        )
    print(f"segments: {len(segments)}; gold pairs: {len(gold)}; candidates: {len(candidates)}")
    print(f"precision@20: {precision(20):.2f}")
    print(f"precision@50: {precision(50):.2f}")
    print(f"recall: {len(found) / len(gold):.2f} ({len(found)}/{len(gold)})")
    overall = sum(marks) / len(marks) if marks else 0.0
    print(f"precision over all {len(marks)} candidates: {overall:.2f}")
    print(f"time: {elapsed:.2f}s")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
