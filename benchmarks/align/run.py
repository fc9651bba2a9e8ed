"""Alignment benchmark: tqa's document aligner against the gold alignments of ``data/``.

For every document pair of ``data/gold.jsonl`` the two text files are read, split and aligned
exactly as ``tqa align`` does (``tqa.align.align_files``). The figures:

- **alignment** precision / recall / F1 over sentence links: a link is a (source sentence,
  target sentence) pair that one bead joins; a 2-1 bead gives two links, a 1-0 bead none;
- **omission** precision / recall: source sentences the aligner leaves without a target
  (1-0 beads) against the sentences the gold says were dropped;
- **addition** precision / recall, the same for target sentences (0-1 beads);
- **exact documents**: documents whose links are all right.

The aligner's own sentence splitting is evaluated, not assumed: its sentences are mapped to
the gold sentences they overlap (character offsets inside each paragraph), so a wrong split
costs links instead of being hidden. Splitting disagreements are counted and reported.

Usage::

    .venv/bin/python benchmarks/align/run.py              # summary
    .venv/bin/python benchmarks/align/run.py --verbose    # plus every wrong link per document
    .venv/bin/python benchmarks/align/run.py --json results.json
    .venv/bin/python benchmarks/align/run.py --set heldout   # the held-out documents
    .venv/bin/python benchmarks/align/run.py --length-only   # baseline: Gale-Church alone
    .venv/bin/python benchmarks/align/run.py --glossary corpora/glossaries/conflict-syria.csv

``data/`` (40 documents) is the development set the aligner's weights were chosen on;
``data_heldout/`` (12 documents from stories written afterwards) was not looked at while
developing, so its figures are the honest estimate.

Exit status 0 when the benchmark ran (the scores never change it), 2 when it could not.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from tqa.align import align_documents, read_document  # noqa: E402
from tqa.align.aligner import Alignment, AlignParams, Sentence  # noqa: E402
from tqa.align.anchors import glossary_terms  # noqa: E402

LENGTH_ONLY = AlignParams(match_reward=0.0, unmatched_cost=0.0, support_share=0.0)
"""The baseline: bead priors, Gale-Church lengths and paragraph barriers, no anchors."""

SETS = {"main": HERE / "data", "heldout": HERE / "data_heldout"}
DATA = SETS["main"]


@dataclass
class Counts:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    def add(self, predicted: set[object], gold: set[object]) -> None:
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {
            "tp": self.tp,
            "fp": self.fp,
            "fn": self.fn,
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
        }


@dataclass
class Result:
    links: Counts = field(default_factory=Counts)
    omissions: Counts = field(default_factory=Counts)
    additions: Counts = field(default_factory=Counts)
    documents: int = 0
    exact: int = 0
    split_mismatches: int = 0
    sentences: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def _offsets(paragraphs: Sequence[str], sentences: Sequence[tuple[int, str]]) -> list[tuple]:
    """``(paragraph, start, end)`` of each sentence, found in order inside its paragraph."""
    out: list[tuple[int, int, int]] = []
    cursor: dict[int, int] = {}
    for para, text in sentences:
        start = paragraphs[para].find(text, cursor.get(para, 0))
        if start < 0:
            raise ValueError(f"sentence not found in paragraph {para}: {text[:40]!r}")
        cursor[para] = start + len(text)
        out.append((para, start, start + len(text)))
    return out


def _mapping(gold: list[tuple[int, int, int]], predicted: list[tuple[int, int, int]]) -> list:
    """For each predicted sentence, the gold sentences it overlaps."""
    out: list[list[int]] = []
    for para, start, end in predicted:
        out.append(
            [g for g, (gp, gs, ge) in enumerate(gold) if gp == para and gs < end and start < ge]
        )
    return out


def _sentences(sentences: Sequence[Sentence]) -> list[tuple[int, str]]:
    return [(s.paragraph, s.text) for s in sentences]


def evaluate(record: dict, alignment: Alignment, src_paras: list[str], tgt_paras: list[str]):
    gold_src = _offsets(src_paras, [tuple(x) for x in record["src_sentences"]])
    gold_tgt = _offsets(tgt_paras, [tuple(x) for x in record["tgt_sentences"]])
    pred_src = _offsets(src_paras, _sentences(alignment.src))
    pred_tgt = _offsets(tgt_paras, _sentences(alignment.tgt))
    map_src = _mapping(gold_src, pred_src)
    map_tgt = _mapping(gold_tgt, pred_tgt)
    mismatches = int(gold_src != pred_src) + int(gold_tgt != pred_tgt)
    links = {
        (gs, gt)
        for bead in alignment.beads
        for s in bead.src
        for t in bead.tgt
        for gs in map_src[s]
        for gt in map_tgt[t]
    }
    linked_src = {gs for gs, _ in links}
    linked_tgt = {gt for _, gt in links}
    omitted = {g for bead in alignment.beads if not bead.tgt for g in map_src[bead.src[0]]}
    omitted -= linked_src
    added = {g for bead in alignment.beads if not bead.src for g in map_tgt[bead.tgt[0]]}
    added -= linked_tgt
    return links, omitted, added, mismatches


def run(
    verbose: bool = False,
    data: Path = DATA,
    params: AlignParams | None = None,
    glossary: Path | None = None,
) -> Result:
    result = Result()
    terms = glossary_terms([glossary] if glossary is not None else [])
    gold_path = data / "gold.jsonl"
    records = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    for record in records:
        src_doc = read_document(data / record["src_file"])
        tgt_doc = read_document(data / record["tgt_file"])
        started = time.perf_counter()
        alignment = align_documents(
            src_doc,
            tgt_doc,
            record["src_lang"],
            record["tgt_lang"],
            params=params,
            terms=terms,
        )
        result.seconds += time.perf_counter() - started
        links, omitted, added, mismatches = evaluate(
            record, alignment, src_doc.texts, tgt_doc.texts
        )
        gold_links = {tuple(x) for x in record["links"]}
        gold_omitted = set(record["omitted"])
        gold_added = set(record["added"])
        result.links.add(links, gold_links)  # type: ignore[arg-type]
        result.omissions.add(omitted, gold_omitted)  # type: ignore[arg-type]
        result.additions.add(added, gold_added)  # type: ignore[arg-type]
        result.documents += 1
        result.sentences += len(record["src_sentences"])
        result.split_mismatches += mismatches
        if links == gold_links:
            result.exact += 1
        elif verbose:
            missing = sorted(gold_links - links)
            extra = sorted(links - gold_links)
            result.errors.append(
                f"{record['id']} ops={','.join(record['ops'])}: missed {missing}, wrong {extra}"
            )
    return result


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--verbose", action="store_true", help="list the wrong links")
    parser.add_argument("--json", type=Path, help="also write the figures as JSON here")
    parser.add_argument("--set", choices=sorted(SETS), default="main", help="which data set")
    parser.add_argument("--glossary", type=Path, help="a glossary whose terms are anchors")
    parser.add_argument(
        "--length-only", action="store_true", help="baseline: lengths and paragraphs, no anchors"
    )
    args = parser.parse_args(argv)
    data = SETS[args.set]
    if not (data / "gold.jsonl").is_file():
        print(f"no benchmark data in {data}: run benchmarks/align/build.py", file=sys.stderr)
        return 2
    result = run(
        verbose=args.verbose,
        data=data,
        params=LENGTH_ONLY if args.length_only else None,
        glossary=args.glossary,
    )
    label = f"{args.set} (length-only baseline)" if args.length_only else args.set
    if args.glossary is not None:
        label += f" + glossary {args.glossary.name}"
    print(
        f"set: {label}; documents: {result.documents} ({result.sentences} source sentences), "
        f"exactly aligned: {result.exact}, sentence-split disagreements: "
        f"{result.split_mismatches}"
    )
    for name, counts in (
        ("alignment links", result.links),
        ("omissions", result.omissions),
        ("additions", result.additions),
    ):
        print(
            f"{name:16} P {counts.precision:.3f}  R {counts.recall:.3f}  F1 {counts.f1:.3f}  "
            f"(tp {counts.tp}, fp {counts.fp}, fn {counts.fn})"
        )
    print(f"alignment time: {result.seconds:.2f} s")
    for line in result.errors:
        print("  " + line)
    if args.json is not None:
        args.json.write_text(
            json.dumps(
                {
                    "documents": result.documents,
                    "sentences": result.sentences,
                    "exact": result.exact,
                    "split_mismatches": result.split_mismatches,
                    "links": result.links.as_dict(),
                    "omissions": result.omissions.as_dict(),
                    "additions": result.additions.as_dict(),
                    "seconds": round(result.seconds, 3),
                },
                indent=2,
            )
            + "\n",
            encoding="utf-8",
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
