"""Sentence alignment of two documents by dynamic programming.

The two documents are split into sentences (``tqa.align.sentences``) and aligned as a
monotonic sequence of *beads*: 1-1, 1-2, 2-1, 2-2, 1-0 (an omission: a source sentence with
no counterpart) and 0-1 (an addition). The cost of a bead, in nats, adds up:

- **prior** of the bead type: ``-log P`` with Gale & Church's figures (1-1 0.89, 1-2 and
  2-1 0.0445 each, 2-2 0.011, 1-0 and 0-1 0.005 each);
- **length** (Gale & Church 1993): the target length in characters (white space not
  counted) is about ``c`` times the source length, ``c`` estimated from the two documents;
  ``delta = (lt / c - ls) / sqrt(s2 * mean)`` with ``s2 = 6.8`` and cost
  ``-log(2 * (1 - Phi(|delta|)))``;
- **anchors** (``tqa.align.anchors``): ``-1.0`` per unit of shared anchor weight (numbers
  by value, glossary concepts, names and acronyms, punctuation, cognate stems), ``+0.5`` per
  unit of hard anchor weight that one side holds and the other does not; plus the
  *support* costs of the second pass (below);
- **paragraph barriers** (soft): a bead whose two sentences on one side lie in different
  paragraphs costs ``5.0``; and where one document starts a new paragraph between two beads
  and the other does not, ``3.0`` (charged half to each neighbouring bead that holds sentences
  on both sides, so that an omission next to a paragraph boundary is not charged). A
  translation that merges or splits a paragraph pays once per boundary: strong length and
  anchor evidence still carries the alignment across, weak evidence does not.

1-0 and 0-1 beads have no length or anchor cost: they win when every way of attaching the
sentence to a neighbour costs more than leaving it out.

Two passes. The first finds the best path by Viterbi in a band around the diagonal
(``band`` + the difference in sentence counts + 4 % of the longer document, either side),
with the length ratio ``c`` of the whole documents. The second re-estimates ``c`` from the
sentences the first aligned (dropped sentences skew the whole-document ratio) and sets the
*support floor* to half the median anchor coverage of the first pass's 1-1 beads (the share
of a sentence's anchor weight found across; low for language pairs without shared words, so
the floor adapts). In the second pass, every sentence on the 2-sentence side of a 2-1, 1-2
or 2-2 bead whose coverage is under the floor costs up to ``support_cost`` (5.3, the price
of an omission: a merged sentence the other side does not support is an omission), and a 1-1
bead whose two sentences are both under it up to ``substitution_cost`` (6.0). The second
pass searches ``refine`` sentences around the first path and runs forward-backward: the
**confidence** of each bead is its posterior probability under the costs, in ``[0, 1]``.

The weights were set by reasoning about the costs and checked on the development set of
``benchmarks/align`` (``data/``); ``data_heldout/`` was built afterwards from new stories.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from tqa.align.anchors import AnchorKey, Anchors, TermFinder, matched_weights, sentence_anchors
from tqa.align.documents import Document
from tqa.align.sentences import split_sentences
from tqa.errors import TqaError

Move = tuple[int, int]
MOVES: tuple[Move, ...] = ((1, 1), (1, 0), (0, 1), (2, 1), (1, 2), (2, 2))


def _default_priors() -> dict[Move, float]:
    probabilities = {
        (1, 1): 0.89,
        (2, 1): 0.0445,
        (1, 2): 0.0445,
        (2, 2): 0.011,
        (1, 0): 0.005,
        (0, 1): 0.005,
    }
    return {move: -math.log(p) for move, p in probabilities.items()}


@dataclass(frozen=True)
class AlignParams:
    """Every weight of the aligner (documented in the module docstring)."""

    variance: float = 6.8
    priors: dict[Move, float] = field(default_factory=_default_priors)
    match_reward: float = 1.0
    unmatched_cost: float = 0.5
    inside_merge: float = 5.0
    boundary: float = 3.0
    support_cost: float = 5.3
    support_share: float = 0.5
    substitution_cost: float = 6.0
    band: int = 12
    refine: int = 6


@dataclass(frozen=True)
class Sentence:
    """One sentence of a document: its text and where it sits."""

    text: str
    paragraph: int
    """0-based paragraph number."""
    index: int
    """0-based sentence number inside the paragraph."""
    line: int | None = None
    """The line (or DOCX paragraph number) of the paragraph, 1-based."""

    @property
    def label(self) -> str:
        return f"p{self.paragraph + 1}.s{self.index + 1}"


@dataclass(frozen=True)
class Bead:
    """One aligned group: source and target sentence positions (0-based, document-wide)."""

    src: tuple[int, ...]
    tgt: tuple[int, ...]
    confidence: float

    @property
    def kind(self) -> str:
        return f"{len(self.src)}-{len(self.tgt)}"


@dataclass(frozen=True)
class Alignment:
    """The sentences of two documents and the beads that align them, in order."""

    src: tuple[Sentence, ...]
    tgt: tuple[Sentence, ...]
    beads: tuple[Bead, ...]

    def links(self) -> set[tuple[int, int]]:
        """Every (source, target) sentence pair that some bead aligns."""
        return {(s, t) for bead in self.beads for s in bead.src for t in bead.tgt}

    def omitted(self) -> list[int]:
        return [bead.src[0] for bead in self.beads if not bead.tgt]

    def added(self) -> list[int]:
        return [bead.tgt[0] for bead in self.beads if not bead.src]


def split_document(document: Document, lang: str) -> list[Sentence]:
    """The sentences of a document, paragraph by paragraph."""
    out: list[Sentence] = []
    for number, paragraph in enumerate(document.paragraphs):
        for index, (start, end) in enumerate(split_sentences(paragraph.text, lang)):
            out.append(Sentence(paragraph.text[start:end], number, index, paragraph.line))
    return out


def _length(text: str) -> int:
    return sum(1 for c in text if not c.isspace())


def _logsumexp(values: Sequence[float]) -> float:
    top = max(values)
    if top == -math.inf:
        return top
    return top + math.log(sum(math.exp(v - top) for v in values))


class _Evidence:
    """Anchor comparisons of candidate beads, computed once and shared by both passes."""

    def __init__(self, src_anchors: Sequence[Anchors], tgt_anchors: Sequence[Anchors]) -> None:
        self.src = self._groups(src_anchors)
        self.tgt = self._groups(tgt_anchors)
        self.src_weight = [a.weight for a in src_anchors]
        self.tgt_weight = [a.weight for a in tgt_anchors]
        self._cache: dict[tuple[int, int, int, int], tuple[float, float, tuple[float, ...]]] = {}

    @staticmethod
    def _groups(
        anchors: Sequence[Anchors],
    ) -> dict[tuple[int, int], tuple[Counter[AnchorKey], float]]:
        groups: dict[tuple[int, int], tuple[Counter[AnchorKey], float]] = {}
        for i, a in enumerate(anchors):
            groups[(i, 1)] = (a.keys, a.hard_weight)
            if i + 1 < len(anchors):
                pair = a.keys + anchors[i + 1].keys
                groups[(i, 2)] = (pair, a.hard_weight + anchors[i + 1].hard_weight)
        return groups

    def bead(self, i: int, j: int, k: int, m: int) -> tuple[float, float, tuple[float, ...]]:
        """``(matched, unmatched, coverages)`` of a bead with sentences on both sides.

        ``coverages``: for each sentence of the bead (source first) the share of its anchor
        weight that the other side holds, ``-1`` for a sentence without anchors.
        """
        key = (i, j, k, m)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        s_keys, s_hard = self.src[(i, k)]
        t_keys, t_hard = self.tgt[(j, m)]
        matched, hard = matched_weights(s_keys, t_keys)
        unmatched = s_hard + t_hard - 2 * hard
        coverages: list[float] = []
        for x in range(i, i + k):
            total = self.src_weight[x]
            own = matched if k == 1 else matched_weights(self.src[(x, 1)][0], t_keys)[0]
            coverages.append(min(1.0, own / total) if total > 0 else -1.0)
        for y in range(j, j + m):
            total = self.tgt_weight[y]
            own = matched if m == 1 else matched_weights(self.tgt[(y, 1)][0], s_keys)[0]
            coverages.append(min(1.0, own / total) if total > 0 else -1.0)
        value = (matched, unmatched, tuple(coverages))
        self._cache[key] = value
        return value


class _Scorer:
    def __init__(
        self,
        src: Sequence[Sentence],
        tgt: Sequence[Sentence],
        evidence: _Evidence,
        params: AlignParams,
        ratio: float | None = None,
        support_floor: float | None = None,
    ) -> None:
        self.src = src
        self.tgt = tgt
        self.evidence = evidence
        self.p = params
        self.slen = [_length(s.text) for s in src]
        self.tlen = [_length(t.text) for t in tgt]
        total_s, total_t = sum(self.slen), sum(self.tlen)
        self.ratio = total_t / total_s if total_s and total_t else 1.0
        if ratio is not None:
            self.ratio = ratio
        self.support_floor = support_floor
        self._cache: dict[tuple[int, int, int, int], float] = {}

    def _break_src(self, i: int) -> bool:
        return i == 0 or i >= len(self.src) or self.src[i].paragraph != self.src[i - 1].paragraph

    def _break_tgt(self, j: int) -> bool:
        return j == 0 or j >= len(self.tgt) or self.tgt[j].paragraph != self.tgt[j - 1].paragraph

    def length_cost(self, ls: int, lt: int) -> float:
        mean = (ls + lt / self.ratio) / 2
        if mean <= 0:
            return 0.0
        delta = (lt / self.ratio - ls) / math.sqrt(self.p.variance * mean)
        return -math.log(max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300))

    def deficit(self, coverage: float) -> float:
        """How unsupported a sentence is, in ``[0, 1]``: its anchor coverage against the
        support floor (0 without a floor, or for a sentence without anchors)."""
        if not self.support_floor or coverage < 0:
            return 0.0
        return max(0.0, 1 - coverage / self.support_floor)

    def support(self, k: int, m: int, coverages: tuple[float, ...]) -> float:
        """Cost of sentences that the other side of their bead barely supports: each sentence
        of a 2-sentence side, or both sentences of a 1-1 bead (a substitution)."""
        if k == 1 and m == 1:
            ds, dt = (self.deficit(cov) for cov in coverages)
            if ds == 0 or dt == 0:
                return 0.0
            return self.p.substitution_cost * (ds + dt) / 2
        value = 0.0
        if k == 2:
            value += sum(self.p.support_cost * self.deficit(c) for c in coverages[:k])
        if m == 2:
            value += sum(self.p.support_cost * self.deficit(c) for c in coverages[k:])
        return value

    def cost(self, i: int, j: int, k: int, m: int) -> float:
        key = (i, j, k, m)
        cached = self._cache.get(key)
        if cached is not None:
            return cached
        p = self.p
        value = p.priors[(k, m)]
        if k and m:
            value += self.length_cost(sum(self.slen[i : i + k]), sum(self.tlen[j : j + m]))
            matched, unmatched, coverages = self.evidence.bead(i, j, k, m)
            value += -p.match_reward * matched + p.unmatched_cost * unmatched
            value += self.support(k, m, coverages)
            if k == 2 and self.src[i].paragraph != self.src[i + 1].paragraph:
                value += p.inside_merge
            if m == 2 and self.tgt[j].paragraph != self.tgt[j + 1].paragraph:
                value += p.inside_merge
            for a, b in ((i, j), (i + k, j + m)):
                if self._break_src(a) != self._break_tgt(b):
                    value += p.boundary / 2
        self._cache[key] = value
        return value


def _band(n: int, m: int, width: int) -> list[tuple[int, int]]:
    """For each source position ``i`` (0..n), the target positions the search visits."""
    out: list[tuple[int, int]] = []
    w = width + abs(n - m) + max(n, m) // 25
    for i in range(n + 1):
        centre = round(i * m / n) if n else 0
        out.append((max(0, centre - w), min(m, centre + w)))
    return out


def align_sentences(
    src: Sequence[Sentence],
    tgt: Sequence[Sentence],
    src_anchors: Sequence[Anchors],
    tgt_anchors: Sequence[Anchors],
    params: AlignParams | None = None,
) -> tuple[Bead, ...]:
    """The best monotonic bead sequence for two sentence lists, with posterior confidences.

    Two passes (see the module docstring): the second uses the length ratio and the support
    floor that the first one measured.
    """
    params = params or AlignParams()
    evidence = _Evidence(src_anchors, tgt_anchors)
    scorer = _Scorer(src, tgt, evidence, params)
    n, m = len(src), len(tgt)
    beads = _search(scorer, _band(n, m, params.band), posteriors=False)
    one_to_one = [b for b in beads if len(b.src) == 1 and len(b.tgt) == 1]
    aligned_s = sum(scorer.slen[i] for bead in beads if bead.tgt for i in bead.src)
    aligned_t = sum(scorer.tlen[j] for bead in beads if bead.src for j in bead.tgt)
    ratio = aligned_t / aligned_s if aligned_s and aligned_t else None
    coverages = sorted(
        cov
        for bead in one_to_one
        for cov in evidence.bead(bead.src[0], bead.tgt[0], 1, 1)[2]
        if cov >= 0
    )
    floor = params.support_share * coverages[len(coverages) // 2] if coverages else None
    scorer = _Scorer(src, tgt, evidence, params, ratio=ratio, support_floor=floor)
    return _search(scorer, _path_band(beads, n, m, params.refine))


def _path_band(beads: Sequence[Bead], n: int, m: int, width: int) -> list[tuple[int, int]]:
    """A band of ``width`` around the path of ``beads`` (the second pass searches there)."""
    lo = [m] * (n + 1)
    hi = [0] * (n + 1)
    states = [(0, 0)]
    i = j = 0
    for bead in beads:
        i, j = i + len(bead.src), j + len(bead.tgt)
        states.append((i, j))
    for si, sj in states:
        for row in range(max(0, si - width), min(n, si + width) + 1):
            lo[row] = min(lo[row], max(0, sj - width))
            hi[row] = max(hi[row], min(m, sj + width))
    return list(zip(lo, hi, strict=True))


def _search(
    scorer: _Scorer, band: list[tuple[int, int]], posteriors: bool = True
) -> tuple[Bead, ...]:
    """Viterbi over ``band``; with ``posteriors``, forward-backward for the confidences."""
    n, m = len(scorer.src), len(scorer.tgt)

    def inside(i: int, j: int) -> bool:
        return 0 <= i <= n and band[i][0] <= j <= band[i][1]

    inf = math.inf
    best: dict[tuple[int, int], float] = {(0, 0): 0.0}
    back: dict[tuple[int, int], Move] = {}
    forward: dict[tuple[int, int], float] = {(0, 0): 0.0}
    for i in range(n + 1):
        lo, hi = band[i]
        for j in range(lo, hi + 1):
            if i == 0 and j == 0:
                continue
            top = inf
            move_best: Move | None = None
            logs: list[float] = []
            for k, mm in MOVES:
                pi, pj = i - k, j - mm
                if pi < 0 or pj < 0 or not inside(pi, pj) or (pi, pj) not in best:
                    continue
                c = scorer.cost(pi, pj, k, mm)
                total = best[(pi, pj)] + c
                if total < top:
                    top, move_best = total, (k, mm)
                if posteriors:
                    logs.append(forward[(pi, pj)] - c)
            if move_best is not None:
                best[(i, j)] = top
                back[(i, j)] = move_best
                forward[(i, j)] = _logsumexp(logs) if posteriors else 0.0
    if (n, m) not in best:  # cannot happen with the bands used; kept as a guard
        raise TqaError("alignment band does not reach the end of both documents")
    path: list[tuple[int, int, int, int]] = []
    i, j = n, m
    while (i, j) != (0, 0):
        k, mm = back[(i, j)]
        i, j = i - k, j - mm
        path.append((i, j, k, mm))
    path.reverse()
    if not posteriors:
        return tuple(
            Bead(tuple(range(i, i + k)), tuple(range(j, j + mm)), 0.0) for i, j, k, mm in path
        )

    backward: dict[tuple[int, int], float] = {(n, m): 0.0}
    for i in range(n, -1, -1):
        lo, hi = band[i]
        for j in range(hi, lo - 1, -1):
            if (i, j) == (n, m) or (i, j) not in forward:
                continue
            logs = []
            for k, mm in MOVES:
                ni, nj = i + k, j + mm
                if (ni, nj) in backward and (ni, nj) in forward:
                    logs.append(backward[(ni, nj)] - scorer.cost(i, j, k, mm))
            if logs:
                backward[(i, j)] = _logsumexp(logs)
    total = forward[(n, m)]
    beads: list[Bead] = []
    for i, j, k, mm in path:
        log_post = forward[(i, j)] - scorer.cost(i, j, k, mm) + backward[(i + k, j + mm)] - total
        confidence = min(1.0, max(0.0, math.exp(min(0.0, log_post))))
        beads.append(Bead(tuple(range(i, i + k)), tuple(range(j, j + mm)), round(confidence, 4)))
    return tuple(beads)


def align_documents(
    src: Document,
    tgt: Document,
    src_lang: str,
    tgt_lang: str,
    *,
    terms: TermFinder | None = None,
    params: AlignParams | None = None,
) -> Alignment:
    """Split both documents into sentences and align them."""
    src_sents = split_document(src, src_lang)
    tgt_sents = split_document(tgt, tgt_lang)
    src_anchors = [sentence_anchors(s.text, src_lang, terms=terms) for s in src_sents]
    tgt_anchors = [sentence_anchors(t.text, tgt_lang, terms=terms) for t in tgt_sents]
    beads = align_sentences(src_sents, tgt_sents, src_anchors, tgt_anchors, params)
    return Alignment(tuple(src_sents), tuple(tgt_sents), beads)
