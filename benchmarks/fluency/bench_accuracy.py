"""Accuracy of the fluency score: does the fluent version of a pair score higher?

Reads ``benchmarks/fluency/pairs/<lang>.jsonl`` (one object per line: ``id``, ``lang``,
``fluent``, ``disfluent``, ``perturbation``), scores both sides with the fluency model, and
prints, per language and per perturbation type, the share of pairs where the fluent side has
the higher ``lm_logprob`` (mean log-probability per token) and, for calibrated languages, the
higher ``fluency`` percentile. Ties count as failures.

Usage::

    .venv/bin/python benchmarks/fluency/bench_accuracy.py [--model NAME_OR_PATH]
        [--threads N] [--no-cache] [--json out.json] [--langs en,es]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
PAIRS_DIR = HERE / "pairs"


@dataclass(frozen=True)
class Pair:
    id: str
    lang: str
    fluent: str
    disfluent: str
    perturbation: str


@dataclass(frozen=True)
class Outcome:
    pair: Pair
    fluent_logprob: float
    disfluent_logprob: float
    fluent_percentile: float | None
    disfluent_percentile: float | None


def read_pairs(folder: Path = PAIRS_DIR, langs: Sequence[str] = ()) -> list[Pair]:
    pairs: list[Pair] = []
    for path in sorted(folder.glob("*.jsonl")):
        if langs and path.stem not in langs:
            continue
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                pairs.append(
                    Pair(
                        str(data["id"]),
                        str(data.get("lang", path.stem)),
                        str(data["fluent"]),
                        str(data["disfluent"]),
                        str(data.get("perturbation", "unknown")),
                    )
                )
            except (ValueError, KeyError) as exc:
                raise SystemExit(f"{path}:{number}: bad pair: {exc}") from None
    return pairs


def tally(outcomes: Iterable[Outcome]) -> dict[str, dict[str, dict[str, float]]]:
    """``{"lang": {...}, "perturbation": {...}, "all": {...}}`` of counts and shares."""
    groups: dict[str, dict[str, list[Outcome]]] = {
        "lang": defaultdict(list),
        "perturbation": defaultdict(list),
        "all": defaultdict(list),
    }
    for o in outcomes:
        groups["lang"][o.pair.lang].append(o)
        groups["perturbation"][o.pair.perturbation].append(o)
        groups["all"]["all"].append(o)
    table: dict[str, dict[str, dict[str, float]]] = {}
    for kind, by_key in groups.items():
        table[kind] = {}
        for key, items in sorted(by_key.items()):
            wins = sum(o.fluent_logprob > o.disfluent_logprob for o in items)
            calibrated = [o for o in items if o.fluent_percentile is not None]
            pct_wins = sum(
                (o.fluent_percentile or 0.0) > (o.disfluent_percentile or 0.0) for o in calibrated
            )
            table[kind][key] = {
                "pairs": len(items),
                "logprob_accuracy": wins / len(items),
                "calibrated_pairs": len(calibrated),
                "fluency_accuracy": pct_wins / len(calibrated) if calibrated else float("nan"),
            }
    return table


def render(table: dict[str, dict[str, dict[str, float]]]) -> str:
    lines = []
    for kind in ("lang", "perturbation", "all"):
        lines.append(f"{kind:<22} {'pairs':>5} {'lm_logprob':>10} {'fluency':>8}")
        for key, row in table[kind].items():
            fluency = row["fluency_accuracy"]
            shown = f"{fluency:8.1%}" if fluency == fluency else f"{'-':>8}"
            lines.append(
                f"{key:<22} {int(row['pairs']):>5} {row['logprob_accuracy']:>10.1%} {shown}"
            )
        lines.append("")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--model", default=None)
    parser.add_argument("--threads", type=int, default=None)
    parser.add_argument("--no-cache", action="store_true")
    parser.add_argument("--langs", default="")
    parser.add_argument("--json", type=Path, default=None)
    args = parser.parse_args(argv)
    pairs = read_pairs(langs=[x for x in args.langs.split(",") if x])
    if not pairs:
        print(f"no pairs in {PAIRS_DIR}", file=sys.stderr)
        return 2

    from tqa.checks.fluency import load_fluency_model
    from tqa.core.check import RunContext

    context = RunContext(
        fluency_model=args.model, threads=args.threads, use_cache=not args.no_cache
    )
    started = time.perf_counter()
    fm = load_fluency_model(context)
    texts = [t for p in pairs for t in (p.fluent, p.disfluent)]
    scores = fm.scorer.score(texts)
    elapsed = time.perf_counter() - started
    outcomes = []
    for index, pair in enumerate(pairs):
        good, bad = scores[2 * index], scores[2 * index + 1]
        if good is None or bad is None:
            continue
        lang = fm.calibration.for_language(pair.lang) if fm.calibration else None
        outcomes.append(
            Outcome(
                pair,
                good.mean,
                bad.mean,
                lang.percentile(good.mean, good.n_tokens) if lang else None,
                lang.percentile(bad.mean, bad.n_tokens) if lang else None,
            )
        )
    table = tally(outcomes)
    print(f"model {fm.scorer.loaded.name}: {len(pairs)} pairs scored in {elapsed:.1f}s")
    print(render(table))
    if args.json is not None:
        args.json.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
