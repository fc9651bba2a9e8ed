"""Accuracy benchmark of tqa's name checks (TQA351 names.missing, TQA352 names.extra,
TQA353 names.acronym-changed) on the labelled pairs of ``benchmarks/names/data/*.jsonl``.

A pair counts as predicted "error" when any of the three checks reports on it. Precision,
recall and F1 are computed at pair level against the labels, overall and per language pair,
with recall per error type and false alarms per feature.

Usage::

    .venv/bin/python benchmarks/names/run.py              # scores
    .venv/bin/python benchmarks/names/run.py --verbose    # plus every miss and false alarm
    .venv/bin/python benchmarks/names/run.py --json out.json

Exit status: 0 when the benchmark ran (whatever the scores), 2 when a data file is malformed.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DATA_DIR = HERE / "data"
CODES = ("TQA351", "TQA352", "TQA353")
KEYS = {"id", "source", "target", "src_lang", "tgt_lang", "label", "error", "feature"}


@dataclass(frozen=True)
class Pair:
    id: str
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    label: str
    error: dict[str, Any] | None
    feature: str


def load(directory: Path) -> list[Pair]:
    pairs: list[Pair] = []
    for path in sorted(directory.glob("*.jsonl")):
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                raw = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: invalid JSON: {exc}") from None
            if not isinstance(raw, dict) or set(raw) != KEYS:
                raise ValueError(f"{path}:{number}: expected exactly the keys {sorted(KEYS)}")
            if raw["label"] not in ("ok", "error"):
                raise ValueError(f"{path}:{number}: label must be ok or error")
            pairs.append(Pair(**raw))
    return pairs


def predict(pairs: list[Pair]) -> dict[str, list[str]]:
    """Finding summaries (``CODE 'text'``) per pair id."""
    sys.path.insert(0, str(ROOT))
    from tqa.checks.names import CHECKS
    from tqa.core.check import RunContext
    from tqa.core.config import Config
    from tqa.core.model import Segment
    from tqa.core.pipeline import Pipeline, build_checks
    from tqa.core.registry import Registry

    plan = build_checks(Config(), RunContext(), Registry(list(CHECKS)), select=list(CODES))
    segments = [
        Segment(id=p.id, source=p.source, target=p.target, src_lang=p.src_lang, tgt_lang=p.tgt_lang)
        for p in pairs
    ]
    out: dict[str, list[str]] = {}
    for result in Pipeline(plan.checks).run(segments):
        notes = []
        for f in result.findings:
            side = result.segment.target if f.target_span else result.segment.source
            span = f.target_span or f.source_span
            text = side[span[0] : span[1]] if span else ""
            notes.append(f"{f.code} {text!r}")
        out[result.segment.id] = notes
    return out


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DATA_DIR)
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    try:
        pairs = load(args.data)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    found = predict(pairs)
    groups: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    by_type: dict[str, list[int]] = defaultdict(lambda: [0, 0])  # caught, total
    false_alarms: dict[str, int] = defaultdict(int)
    misses: list[str] = []
    alarms: list[str] = []
    for pair in pairs:
        predicted = bool(found[pair.id])
        actual = pair.label == "error"
        lang = f"{pair.src_lang}-{pair.tgt_lang}"
        slot = (0 if actual else 1) if predicted else (2 if actual else 3)
        for key in ("all", lang):
            groups[key][slot] += 1
        if actual:
            etype = str((pair.error or {}).get("type"))
            by_type[etype][1] += 1
            by_type[etype][0] += int(predicted)
            if not predicted:
                misses.append(f"  {pair.id}: {pair.error} | {pair.target}")
        elif predicted:
            false_alarms[pair.feature] += 1
            alarms.append(f"  {pair.id}: {found[pair.id]} | {pair.target}")
    print(f"names benchmark: {len(pairs)} pairs, codes {', '.join(CODES)}")
    print(f"{'set':8} {'pairs':>5} {'P':>6} {'R':>6} {'F1':>6}  tp fp fn tn")
    results: dict[str, Any] = {}
    for key in ["all", *sorted(k for k in groups if k != "all")]:
        tp, fp, fn, tn = groups[key]
        p, r, f = prf(tp, fp, fn)
        results[key] = {
            "precision": p,
            "recall": r,
            "f1": f,
            "tp": tp,
            "fp": fp,
            "fn": fn,
            "tn": tn,
        }
        print(f"{key:8} {tp + fp + fn + tn:5d} {p:6.3f} {r:6.3f} {f:6.3f}  {tp} {fp} {fn} {tn}")
    print(
        "recall by error type: "
        + ", ".join(f"{t} {c}/{n}" for t, (c, n) in sorted(by_type.items()))
    )
    print(
        "false alarms by feature: "
        + (", ".join(f"{k} {v}" for k, v in sorted(false_alarms.items())) or "none")
    )
    if args.verbose:
        print("missed errors:")
        print("\n".join(misses) or "  none")
        print("false alarms:")
        print("\n".join(alarms) or "  none")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
