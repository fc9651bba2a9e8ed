"""Speed of fluency scoring: segments/s and peak RSS, batched vs the naive loop.

Sentences: the news-style calibration sentences (``models/calibration/{en,es,fr,de}.txt``)
of at least ``--min-words`` words, cycled to ``--n`` sentences. Every configuration runs in its
own process (so that its peak RSS is its own) with ``--threads`` torch threads:

- ``naive``: one sentence at a time, ``model(**inputs).logits`` + ``log_softmax`` over the
  whole vocabulary (what a first implementation does);
- ``batch1`` / ``batch8`` / ``batch32``: ``LMScorer`` (length-sorted batches, right padding,
  output projection on real positions only, blockwise log-sum-exp), no score cache;
- ``cache-cold`` / ``cache-warm``: batch 8 with the SQLite score cache, first and second pass.

Usage::

    .venv/bin/python benchmarks/fluency/bench_speed.py [--n 500] [--threads 2]
        [--configs naive,batch1,batch8,batch32,cache] [--model NAME_OR_PATH] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
CALIBRATION = ROOT / "models" / "calibration"
ALL_CONFIGS = ("naive", "batch1", "batch8", "batch32", "cache")


def sentences(n: int, min_words: int) -> list[str]:
    pool: list[str] = []
    for lang in ("en", "es", "fr", "de"):
        path = CALIBRATION / f"{lang}.txt"
        if path.is_file():
            lines = path.read_text(encoding="utf-8").splitlines()
            pool += [x.strip() for x in lines if len(x.split()) >= min_words]
    if not pool:
        raise SystemExit(f"no sentences in {CALIBRATION}")
    return [pool[i % len(pool)] for i in range(n)]


def peak_rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_one(config: str, args: argparse.Namespace) -> dict[str, object]:
    """Runs in a child process: load, warm up, time one configuration."""
    from tqa.fluency import loader
    from tqa.fluency.cache import ScoreCache
    from tqa.fluency.scorer import LMScorer

    texts = sentences(args.n, args.min_words)
    loaded = loader.load(loader.resolve(args.model))
    batch = {"batch1": 1, "batch8": 8, "batch32": 32}.get(config, 8)
    scorer = LMScorer(loaded, batch_size=batch, threads=args.threads)
    scorer.score(texts[:4])  # warm-up (first-call allocations, oneDNN kernels)
    tokens = sum(len(scorer.encode(t)) - 1 for t in texts)
    result: dict[str, object] = {"config": config, "n": len(texts), "tokens": tokens}
    if config == "naive":
        started = time.perf_counter()
        for text in texts:
            scorer.naive_score(text)
        result["seconds"] = time.perf_counter() - started
    elif config == "cache":
        with tempfile.TemporaryDirectory() as tmp:
            scorer.cache = ScoreCache(Path(tmp) / "scores.sqlite3", scorer.key)
            started = time.perf_counter()
            scorer.score(texts)
            cold = time.perf_counter() - started
            started = time.perf_counter()
            scorer.score(texts)
            result["seconds"] = cold
            result["warm_seconds"] = time.perf_counter() - started
    else:
        started = time.perf_counter()
        scorer.score(texts)
        result["seconds"] = time.perf_counter() - started
    result["peak_rss_mib"] = peak_rss_mib()
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--n", type=int, default=500)
    parser.add_argument("--min-words", type=int, default=15)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--configs", default=",".join(ALL_CONFIGS))
    parser.add_argument("--model", default=None)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--one", default=None, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one, args)))
        return 0
    texts = sentences(args.n, args.min_words)
    words = sum(len(t.split()) for t in texts) / len(texts)
    print(
        f"{len(texts)} sentences, {words:.1f} words on average, {args.threads} threads, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}"
    )
    rows = []
    for config in [c for c in args.configs.split(",") if c]:
        if config not in ALL_CONFIGS:
            raise SystemExit(f"unknown config {config!r} (known: {', '.join(ALL_CONFIGS)})")
        cmd = [sys.executable, __file__, "--one", config, "--n", str(args.n)]
        cmd += ["--min-words", str(args.min_words), "--threads", str(args.threads)]
        if args.model:
            cmd += ["--model", args.model]
        out = subprocess.run(cmd, capture_output=True, text=True, check=False)
        if out.returncode != 0:
            print(out.stderr, file=sys.stderr)
            return 2
        row = json.loads(out.stdout.strip().splitlines()[-1])
        rows.append(row)
        rate = row["n"] / row["seconds"]
        line = (
            f"{config:<8} {rate:7.2f} segments/s  {row['seconds'] / row['n']:.3f} s/segment  "
            f"peak RSS {row['peak_rss_mib']:.0f} MiB"
        )
        if "warm_seconds" in row:
            line += f"  (cold pass; warm pass {row['n'] / row['warm_seconds']:.0f} segments/s)"
        print(line, flush=True)
    by = {r["config"]: r for r in rows}
    if "naive" in by:
        for config in ("batch1", "batch8", "batch32"):
            if config in by:
                ratio = by["naive"]["seconds"] / by[config]["seconds"]
                print(f"{config} is {ratio:.2f}x the naive loop's throughput")
    if args.json is not None:
        args.json.write_text(json.dumps(rows, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
