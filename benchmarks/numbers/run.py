"""Accuracy benchmark of tqa's number checks against Translate Toolkit's ``pofilter -t numbers``.

Both tools see the same labelled pairs (``benchmarks/numbers/data/*.jsonl``). A pair counts as
predicted "error" when tqa reports TQA201, TQA202 or TQA203 on it (pofilter: when its numbers
test flags the unit). Precision, recall and F1 are computed at pair level against the labels and
printed side by side, followed by a per-feature breakdown of tqa's misses and false alarms.

Usage::

    .venv/bin/python benchmarks/numbers/run.py                  # both tools
    .venv/bin/python benchmarks/numbers/run.py --pofilter-only  # baseline only
    .venv/bin/python benchmarks/numbers/run.py --speed 20000    # also segments/s
    .venv/bin/python benchmarks/numbers/run.py --json results.json

Exit status: 0 when the benchmark ran, 2 when it could not (no number checks yet, no pofilter,
a malformed data file); the scores never change the exit status.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

if TYPE_CHECKING:
    from tqa.core.registry import Registry

HERE = Path(__file__).resolve().parent
DATA_DIR = HERE / "data"
CODES = ("TQA201", "TQA202", "TQA203")
LABELS = ("ok", "error")
ERROR_TYPES = ("missing", "extra", "changed")
FEATURES = (
    "groups",
    "ambiguous",
    "native",
    "words",
    "scale",
    "cjk",
    "percent",
    "ordinal",
    "year",
    "range",
    "time",
    "signed",
    "date",
    "code",
)
"""Feature tags of the data set; README.md says what each one covers."""

_KEYS = {"id", "source", "target", "src_lang", "tgt_lang", "label", "error", "feature"}


class BenchError(Exception):
    """The benchmark cannot run; the message says why and what to do."""


# -- data ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LabelledError:
    """The one number error of an ``error`` pair: its kind and the values involved."""

    type: str
    source: str | None
    target: str | None


@dataclass(frozen=True)
class Pair:
    """One labelled source/target pair."""

    id: str
    source: str
    target: str
    src_lang: str
    tgt_lang: str
    label: str
    feature: str
    error: LabelledError | None = None

    @property
    def is_error(self) -> bool:
        return self.label == "error"

    @property
    def lang_pair(self) -> str:
        return f"{self.src_lang}-{self.tgt_lang}"


def _parse_error(raw: object, where: str) -> LabelledError:
    if not isinstance(raw, dict) or set(raw) != {"type", "source", "target"}:
        raise BenchError(f"{where}: 'error' must be an object with keys type, source, target")
    kind, src, tgt = raw["type"], raw["source"], raw["target"]
    if kind not in ERROR_TYPES:
        raise BenchError(f"{where}: error type {kind!r} is not one of {', '.join(ERROR_TYPES)}")
    for side, value in (("source", src), ("target", tgt)):
        if value is not None and (not isinstance(value, str) or not value):
            raise BenchError(f"{where}: error {side} must be a non-empty string or null")
    needs = {"missing": (True, False), "extra": (False, True), "changed": (True, True)}[kind]
    if (src is not None, tgt is not None) != needs:
        raise BenchError(
            f"{where}: a '{kind}' error needs "
            f"source {'set' if needs[0] else 'null'} and target {'set' if needs[1] else 'null'}"
        )
    return LabelledError(kind, src, tgt)


def parse_pair(obj: object, where: str) -> Pair:
    """Validate one JSON object of the data set; ``where`` is ``file:line`` for messages."""
    if not isinstance(obj, dict):
        raise BenchError(f"{where}: expected a JSON object")
    keys = set(obj)
    if keys != _KEYS:
        missing = ", ".join(sorted(_KEYS - keys)) or "none"
        unknown = ", ".join(sorted(keys - _KEYS)) or "none"
        raise BenchError(f"{where}: wrong keys (missing: {missing}; unknown: {unknown})")
    for key in ("id", "source", "target", "src_lang", "tgt_lang", "label", "feature"):
        if not isinstance(obj[key], str) or not obj[key]:
            raise BenchError(f"{where}: '{key}' must be a non-empty string")
    if obj["label"] not in LABELS:
        raise BenchError(f"{where}: label {obj['label']!r} is not 'ok' or 'error'")
    if obj["feature"] not in FEATURES:
        raise BenchError(f"{where}: unknown feature {obj['feature']!r}")
    error: LabelledError | None = None
    if obj["label"] == "error":
        error = _parse_error(obj["error"], where)
    elif obj["error"] is not None:
        raise BenchError(f"{where}: an 'ok' pair must have \"error\": null")
    return Pair(
        id=obj["id"],
        source=obj["source"],
        target=obj["target"],
        src_lang=obj["src_lang"],
        tgt_lang=obj["tgt_lang"],
        label=obj["label"],
        feature=obj["feature"],
        error=error,
    )


def load_pairs(data_dir: Path = DATA_DIR) -> list[Pair]:
    """Read and validate every ``*.jsonl`` file of ``data_dir``, in file then line order."""
    files = sorted(data_dir.glob("*.jsonl"))
    if not files:
        raise BenchError(f"{data_dir}: no *.jsonl data files")
    pairs: list[Pair] = []
    seen: dict[str, str] = {}
    for path in files:
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as exc:
            raise BenchError(f"{path}: not valid UTF-8 ({exc.reason})") from None
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            where = f"{path}:{number}"
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                raise BenchError(f"{where}: invalid JSON ({exc.msg})") from None
            pair = parse_pair(obj, where)
            if pair.id in seen:
                raise BenchError(f"{where}: duplicate id {pair.id!r} (first at {seen[pair.id]})")
            seen[pair.id] = where
            pairs.append(pair)
    return pairs


# -- scoring ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Scores:
    """Pair-level confusion counts; "positive" means "has a number error"."""

    tp: int
    fp: int
    fn: int
    tn: int

    @property
    def precision(self) -> float:
        flagged = self.tp + self.fp
        return self.tp / flagged if flagged else 0.0

    @property
    def recall(self) -> float:
        errors = self.tp + self.fn
        return self.tp / errors if errors else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict[str, float]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "tn": self.tn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


def score(labels: Mapping[str, bool], predicted: Mapping[str, bool]) -> Scores:
    """Compare predictions with labels (both: pair id -> has an error). Keys must match."""
    if set(labels) != set(predicted):
        only_labels = sorted(set(labels) - set(predicted))[:3]
        only_pred = sorted(set(predicted) - set(labels))[:3]
        raise ValueError(
            f"labels and predictions cover different pairs "
            f"(unpredicted: {only_labels}, unlabelled: {only_pred})"
        )
    tp = fp = fn = tn = 0
    for key, truth in labels.items():
        guess = predicted[key]
        if truth and guess:
            tp += 1
        elif guess:
            fp += 1
        elif truth:
            fn += 1
        else:
            tn += 1
    return Scores(tp, fp, fn, tn)


@dataclass(frozen=True)
class FeatureResult:
    """How one tool did on the pairs of one feature."""

    feature: str
    pairs: int
    errors: int
    caught: int
    misses: tuple[str, ...]
    false_alarms: tuple[str, ...]


def breakdown(pairs: Sequence[Pair], predicted: Mapping[str, bool]) -> list[FeatureResult]:
    """Per feature (in ``FEATURES`` order): misses and false alarms, with pair ids."""
    groups: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        groups[pair.feature].append(pair)
    out: list[FeatureResult] = []
    for feature in sorted(
        groups, key=lambda f: (FEATURES.index(f), f) if f in FEATURES else (99, f)
    ):
        members = groups[feature]
        misses = tuple(p.id for p in members if p.is_error and not predicted[p.id])
        alarms = tuple(p.id for p in members if not p.is_error and predicted[p.id])
        errors = sum(p.is_error for p in members)
        out.append(
            FeatureResult(feature, len(members), errors, errors - len(misses), misses, alarms)
        )
    return out


def scores_by(pairs: Sequence[Pair], predicted: Mapping[str, bool], key: str) -> dict[str, Scores]:
    """Scores per value of a pair attribute (``lang_pair`` or ``feature``)."""
    groups: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        groups[str(getattr(pair, key))].append(pair)
    return {
        name: score({p.id: p.is_error for p in members}, {p.id: predicted[p.id] for p in members})
        for name, members in sorted(groups.items())
    }


def recall_by_type(
    pairs: Sequence[Pair], predicted: Mapping[str, bool]
) -> dict[str, tuple[int, int]]:
    """Per error type (``ERROR_TYPES`` order): (error pairs flagged, error pairs)."""
    counts = {kind: [0, 0] for kind in ERROR_TYPES}
    for pair in pairs:
        if pair.error is not None:
            counts[pair.error.type][1] += 1
            counts[pair.error.type][0] += predicted[pair.id]
    return {kind: (c[0], c[1]) for kind, c in counts.items()}


# -- tqa ----------------------------------------------------------------------------------------


@dataclass
class ToolRun:
    """What one tool said about every pair, and how long it took."""

    flagged: dict[str, bool]
    seconds: float
    notes: list[str] = field(default_factory=list)


def _unavailable(reason: str, codes: Sequence[str] = CODES) -> BenchError:
    return BenchError(
        f"tqa's number checks ({', '.join(codes)}) are not available: {reason}. "
        "They live in tqa/checks/numbers.py (CHECKS list). "
        "Run with --pofilter-only to score the pofilter baseline alone."
    )


def build_number_checks(
    registry: Registry | None = None, codes: Sequence[str] = CODES
) -> list[Any]:
    """Instantiate the number checks through the library API, or fail with a clear message."""
    try:
        from tqa.core.check import RunContext
        from tqa.core.config import Config
        from tqa.core.pipeline import build_checks
        from tqa.errors import TqaError
    except ImportError as exc:
        raise BenchError(f"cannot import tqa ({exc}); run with .venv/bin/python") from None
    try:
        plan = build_checks(Config(), RunContext(), registry, select=list(codes))
    except TqaError as exc:
        raise _unavailable(str(exc), codes) from None
    missing = [code for code in codes if code not in plan.codes]
    if missing:
        notices = f" ({'; '.join(plan.notices)})" if plan.notices else ""
        raise _unavailable(f"{', '.join(missing)} not registered or unavailable{notices}", codes)
    return list(plan.checks)


def run_tqa(
    pairs: Sequence[Pair], registry: Registry | None = None, codes: Sequence[str] = CODES
) -> ToolRun:
    """Run the number checks on every pair; a pair is flagged when any of ``codes`` fires."""
    from tqa.core.model import Segment
    from tqa.core.pipeline import CHECK_ERROR_CODE, Pipeline

    checks = build_number_checks(registry, codes)
    segments = [
        Segment(id=p.id, source=p.source, target=p.target, src_lang=p.src_lang, tgt_lang=p.tgt_lang)
        for p in pairs
    ]
    flagged: dict[str, bool] = {}
    notes: list[str] = []
    start = time.perf_counter()
    for result in Pipeline(checks).run(segments):
        flagged[result.segment.id] = bool({f.code for f in result.findings} & set(codes))
        notes.extend(
            f"{result.segment.id}: {f.message}"
            for f in result.findings
            if f.code == CHECK_ERROR_CODE
        )
    seconds = time.perf_counter() - start
    return ToolRun(flagged, seconds, notes)


# -- pofilter -----------------------------------------------------------------------------------


def _po_quote(text: str) -> str:
    escaped = (
        text.replace("\\", "\\\\")
        .replace('"', '\\"')
        .replace("\n", "\\n")
        .replace("\t", "\\t")
        .replace("\r", "\\r")
    )
    return f'"{escaped}"'


def write_po(pairs: Iterable[Pair], path: Path) -> None:
    """A UTF-8 PO file with one unit per pair: msgctxt = id, msgid = source, msgstr = target."""
    with path.open("w", encoding="utf-8", newline="\n") as fh:
        fh.write('msgid ""\nmsgstr ""\n')
        fh.write('"Content-Type: text/plain; charset=UTF-8\\n"\n')
        fh.write('"Content-Transfer-Encoding: 8bit\\n"\n')
        for pair in pairs:
            fh.write("\n")
            fh.write(f"msgctxt {_po_quote(pair.id)}\n")
            fh.write(f"msgid {_po_quote(pair.source)}\n")
            fh.write(f"msgstr {_po_quote(pair.target)}\n")


def read_contexts(path: Path) -> set[str]:
    """The msgctxt of every non-header unit of a PO file (missing file: none)."""
    if not path.exists():
        return set()
    from translate.storage import po

    store = po.pofile.parsefile(str(path))
    return {unit.getcontext() for unit in store.units if not unit.isheader()}


def find_pofilter() -> str:
    beside = Path(sys.executable).parent / "pofilter"
    if beside.exists():
        return str(beside)
    found = shutil.which("pofilter")
    if found is None:
        raise BenchError("pofilter not found: pip install translate-toolkit")
    return found


def pofilter_flags(po_in: Path, po_out: Path, language: str | None = None) -> set[str]:
    """Run ``pofilter -t numbers`` on one PO file; the contexts of the units it flagged."""
    command = [find_pofilter(), "-t", "numbers", "--progress=none", "--errorlevel=message"]
    if language:
        command.append(f"--language={language}")
    command += [str(po_in), str(po_out)]
    proc = subprocess.run(command, capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        detail = (proc.stderr or proc.stdout).strip().splitlines()
        raise BenchError(
            f"pofilter failed (exit {proc.returncode}): {detail[-1] if detail else 'no output'}"
        )
    return read_contexts(po_out)


def run_pofilter(pairs: Sequence[Pair], workdir: Path) -> ToolRun:
    """One pofilter run per target language (``--language`` set), as a translator would."""
    by_lang: dict[str, list[Pair]] = defaultdict(list)
    for pair in pairs:
        by_lang[pair.tgt_lang.split("-")[0]].append(pair)
    flagged_ids: set[str] = set()
    start = time.perf_counter()
    for lang, members in sorted(by_lang.items()):
        po_in, po_out = workdir / f"in-{lang}.po", workdir / f"out-{lang}.po"
        write_po(members, po_in)
        flagged_ids |= pofilter_flags(po_in, po_out, lang)
    seconds = time.perf_counter() - start
    unknown = flagged_ids - {p.id for p in pairs}
    if unknown:
        raise BenchError(f"pofilter reported units that are not in the set: {sorted(unknown)[:3]}")
    return ToolRun({p.id: p.id in flagged_ids for p in pairs}, seconds)


# -- speed --------------------------------------------------------------------------------------

_DIGITS = str.maketrans("0123456789", "1234567890")


def vary(pairs: Sequence[Pair], count: int) -> list[Pair]:
    """``count`` pairs made by cycling the set; round k shifts every ASCII digit by k (mod 10).

    The same shift is applied to source and target, so digit-for-digit pairs stay equal in
    value; pairs that spell numbers in words or native digits change label. That is fine for
    timing, which is all these pairs are for.
    """
    out: list[Pair] = []
    for index in range(count):
        base = pairs[index % len(pairs)]
        source, target = base.source, base.target
        for _ in range((index // len(pairs)) % 10):
            source, target = source.translate(_DIGITS), target.translate(_DIGITS)
        out.append(
            Pair(
                id=f"{base.id}~{index}",
                source=source,
                target=target,
                src_lang=base.src_lang,
                tgt_lang=base.tgt_lang,
                label=base.label,
                feature=base.feature,
                error=base.error,
            )
        )
    return out


def speed(
    pairs: Sequence[Pair], count: int, workdir: Path, codes: Sequence[str] | None
) -> dict[str, float]:
    """Segments per second of tqa's number checks and of pofilter on the same ``count`` pairs."""
    varied = vary(pairs, count)
    result: dict[str, float] = {"segments": float(count)}
    if codes:
        result["tqa_seconds"] = run_tqa(varied, codes=codes).seconds
        result["tqa_segments_per_s"] = count / result["tqa_seconds"]
    po_in, po_out = workdir / "speed-in.po", workdir / "speed-out.po"
    write_po(varied, po_in)
    empty_in, empty_out = workdir / "empty-in.po", workdir / "empty-out.po"
    write_po([], empty_in)
    start = time.perf_counter()
    pofilter_flags(empty_in, empty_out)
    startup = time.perf_counter() - start
    start = time.perf_counter()
    pofilter_flags(po_in, po_out)
    total = time.perf_counter() - start
    result["pofilter_seconds"] = total
    result["pofilter_startup_seconds"] = startup
    result["pofilter_segments_per_s"] = count / total
    result["pofilter_segments_per_s_net"] = count / max(total - startup, 1e-9)
    return result


# -- report -------------------------------------------------------------------------------------


def _score_row(name: str, s: Scores) -> str:
    return (
        f"{name:<24} {s.tp:>5} {s.fp:>5} {s.fn:>5} {s.tn:>5}"
        f" {s.precision:>9.3f} {s.recall:>7.3f} {s.f1:>7.3f}"
    )


def report(
    pairs: Sequence[Pair],
    runs: Mapping[str, ToolRun],
    focus: str,
    out: TextIO,
) -> dict[str, Any]:
    """Print the comparison and return it as a JSON-ready dict. ``focus`` gets the id lists."""
    labels = {p.id: p.is_error for p in pairs}
    errors = sum(labels.values())
    lang_pairs = sorted({p.lang_pair for p in pairs})
    print(
        f"Number-preservation benchmark: {len(pairs)} pairs ({len(pairs) - errors} ok, "
        f"{errors} error), {len(lang_pairs)} language pairs, {len(set(p.feature for p in pairs))}"
        " features",
        file=out,
    )
    print(
        f"\n{'tool':<24} {'TP':>5} {'FP':>5} {'FN':>5} {'TN':>5} {'precision':>9} "
        f"{'recall':>7} {'F1':>7}",
        file=out,
    )
    data: dict[str, Any] = {"pairs": len(pairs), "errors": errors, "tools": {}}
    for name, run in runs.items():
        overall = score(labels, run.flagged)
        print(_score_row(name, overall), file=out)
        data["tools"][name] = {
            "overall": overall.to_dict(),
            "seconds": round(run.seconds, 3),
            "by_lang_pair": {
                k: v.to_dict() for k, v in scores_by(pairs, run.flagged, "lang_pair").items()
            },
            "by_feature": {
                r.feature: {
                    "pairs": r.pairs,
                    "errors": r.errors,
                    "caught": r.caught,
                    "misses": list(r.misses),
                    "false_alarms": list(r.false_alarms),
                }
                for r in breakdown(pairs, run.flagged)
            },
            "notes": run.notes,
        }

    names = list(runs)
    print(f"\n{'recall by error type':<24}" + "".join(f" {t:>9}" for t in ERROR_TYPES), file=out)
    for name in names:
        caught = recall_by_type(pairs, runs[name].flagged)
        data["tools"][name]["by_error_type"] = {t: list(c) for t, c in caught.items()}
        cells = "".join(f" {f'{c[0]}/{c[1]}':>9}" for c in caught.values())
        print(f"{name:<24}{cells}", file=out)

    header = f"\n{'per feature':<12} {'pairs':>5} {'errors':>6}"
    for name in names:
        short = name.split()[0]
        header += f" | {short + ' caught':>15} {short + ' FA':>12}"
    print(header, file=out)
    per_tool = {
        name: {r.feature: r for r in breakdown(pairs, runs[name].flagged)} for name in names
    }
    for feature_result in breakdown(pairs, runs[names[0]].flagged):
        line = f"{feature_result.feature:<12} {feature_result.pairs:>5} {feature_result.errors:>6}"
        for name in names:
            r = per_tool[name][feature_result.feature]
            line += f" | {f'{r.caught}/{r.errors}':>15} {len(r.false_alarms):>12}"
        print(line, file=out)

    header = f"\n{'per language pair':<18}"
    for name in names:
        header += f" | {name.split()[0] + ' P/R/F1':>20}"
    print(header, file=out)
    per_lang = {name: scores_by(pairs, runs[name].flagged, "lang_pair") for name in names}
    for lang_pair in lang_pairs:
        line = f"{lang_pair:<18}"
        for name in names:
            s = per_lang[name][lang_pair]
            line += f" | {s.precision:>6.2f} {s.recall:>6.2f} {s.f1:>6.2f}"
        print(line, file=out)

    print(f"\n{focus}: misses and false alarms by feature", file=out)
    focus_results = breakdown(pairs, runs[focus].flagged)
    if not any(r.misses or r.false_alarms for r in focus_results):
        print("  (none)", file=out)
    for r in focus_results:
        if r.misses:
            print(f"  {r.feature:<10} missed ({len(r.misses)}): {' '.join(r.misses)}", file=out)
        if r.false_alarms:
            print(
                f"  {r.feature:<10} false alarms ({len(r.false_alarms)}): "
                f"{' '.join(r.false_alarms)}",
                file=out,
            )
    for name, run in runs.items():
        if run.notes:
            print(f"\n{name}: {len(run.notes)} check failures (TQA001):", file=out)
            for note in run.notes[:20]:
                print(f"  {note}", file=out)
    return data


def main(argv: Sequence[str] | None = None, out: TextIO = sys.stdout) -> int:
    parser = argparse.ArgumentParser(
        description="Score tqa's number checks and pofilter -t numbers on the labelled set."
    )
    parser.add_argument("--data", type=Path, default=DATA_DIR, help="folder of *.jsonl files")
    parser.add_argument(
        "--pofilter-only", action="store_true", help="score only the pofilter baseline"
    )
    parser.add_argument(
        "--speed", type=int, metavar="N", default=0, help="also time both tools on N segments"
    )
    parser.add_argument(
        "--codes",
        default=",".join(CODES),
        help="tqa codes that count as 'error' (default: %(default)s; e.g. add TQA205)",
    )
    parser.add_argument("--json", type=Path, metavar="PATH", help="write the results as JSON")
    args = parser.parse_args(argv)
    try:
        pairs = load_pairs(args.data)
        runs: dict[str, ToolRun] = {}
        codes = tuple(c.strip().upper() for c in args.codes.split(",") if c.strip())
        tqa_name = "tqa TQA201-203" if codes == CODES else "tqa " + ",".join(c[3:] for c in codes)
        if not args.pofilter_only:
            runs[tqa_name] = run_tqa(pairs, codes=codes)
        with tempfile.TemporaryDirectory(prefix="tqa-numbench-") as tmp:
            runs["pofilter -t numbers"] = run_pofilter(pairs, Path(tmp))
            focus = next(iter(runs))
            data = report(pairs, runs, focus, out)
            if args.speed > 0:
                timing = speed(pairs, args.speed, Path(tmp), None if args.pofilter_only else codes)
                data["speed"] = {k: round(v, 3) for k, v in timing.items()}
                print(f"\nspeed on {args.speed} segments:", file=out)
                if "tqa_segments_per_s" in timing:
                    print(
                        f"  {tqa_name:<21} {timing['tqa_segments_per_s']:>10.0f} segments/s"
                        f" ({timing['tqa_seconds']:.2f} s, in process)",
                        file=out,
                    )
                print(
                    f"  pofilter -t numbers   {timing['pofilter_segments_per_s']:>10.0f} segments/s"
                    f" ({timing['pofilter_seconds']:.2f} s incl. "
                    f"{timing['pofilter_startup_seconds']:.2f} s start-up; "
                    f"{timing['pofilter_segments_per_s_net']:.0f}/s without it)",
                    file=out,
                )
        if args.json:
            args.json.write_text(json.dumps(data, indent=2, ensure_ascii=False), encoding="utf-8")
    except BenchError as exc:
        print(f"bench-numbers: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
