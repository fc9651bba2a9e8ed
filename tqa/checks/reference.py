"""Check family: reference metrics (TQA7xx), computed with sacrebleu, never reimplemented.

When a segment carries a reference translation, TQA700 records sentence-level chrF, BLEU and
TER in the segment's scores (keys ``chrf``, ``bleu``, ``ter``) and accumulates sacrebleu's
sufficient statistics so that the run summary can give corpus scores equal to the
``sacrebleu`` command line on the same files.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, ClassVar

from tqa.core.check import Check, Emitted, RunContext
from tqa.core.model import Category, Score, Segment, Severity

if TYPE_CHECKING:
    from sacrebleu.metrics.base import Metric


class CorpusMetrics:
    """Sentence scores plus running corpus statistics for BLEU, chrF and TER.

    Corpus scores are computed from summed sufficient statistics, which is what
    ``Metric.corpus_score`` does internally, so memory stays flat as the corpus grows.
    """

    def __init__(self) -> None:
        # imported here: a run without reference metrics does not pay for sacrebleu's import
        from sacrebleu.metrics import BLEU, CHRF, TER

        self.sentence_metrics: dict[str, Metric] = {
            "bleu": BLEU(effective_order=True),
            "chrf": CHRF(),
            "ter": TER(),
        }
        self.corpus_metrics: dict[str, Metric] = {"bleu": BLEU(), "chrf": CHRF(), "ter": TER()}
        self.stats: dict[str, dict[str, list[float]]] = {}
        self.counts: dict[str, int] = {}

    def sentence(self, hypothesis: str, references: list[str]) -> dict[str, float]:
        """Sentence-level scores, equal to ``sacrebleu.sentence_*``."""
        return {
            key: metric.sentence_score(hypothesis, references).score
            for key, metric in self.sentence_metrics.items()
        }

    def add(self, hypothesis: str, references: list[str], document: str) -> None:
        """Add one segment's statistics to the run's and the document's totals."""
        streams = [[ref] for ref in references]
        for key, metric in self.corpus_metrics.items():
            stats = metric._extract_corpus_statistics([hypothesis], streams)[0]
            for doc in ("", document):
                bucket = self.stats.setdefault(doc, {})
                if key in bucket:
                    bucket[key] = [a + b for a, b in zip(bucket[key], stats, strict=True)]
                else:
                    bucket[key] = list(stats)
        for doc in ("", document):
            self.counts[doc] = self.counts.get(doc, 0) + 1

    def corpus(self, document: str = "") -> dict[str, Any]:
        """Corpus scores for the whole run (``""``) or one document, with signatures."""
        bucket = self.stats.get(document)
        if not bucket:
            return {}
        result: dict[str, Any] = {"segments": self.counts[document]}
        for key, metric in self.corpus_metrics.items():
            score = metric._compute_score_from_stats(bucket[key])
            result[key] = score.score
            result[f"{key}_signature"] = str(metric.get_signature())
        return result

    def documents(self) -> list[str]:
        return [doc for doc in self.stats if doc]


class _ReferenceCheck(Check):
    """Shared set-up of TQA700/701: one set of metric objects per run, one sentence scoring
    per segment; both run in the main process (corpus statistics live in the run)."""

    category = Category.ACCURACY
    parallel = False

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        self.metrics = self.context.resource("reference-metrics", CorpusMetrics)

    def sentence_scores(self, segment: Segment) -> dict[str, float]:
        return self.context.analysis(
            segment,
            "reference-scores",
            lambda s: self.metrics.sentence(s.target, [s.reference or ""]),
        )


class ReferenceMetrics(_ReferenceCheck):
    """Reference metrics per segment: chrF, BLEU and TER from sacrebleu.

    What: for every segment that has a reference translation, the scores ``chrf``, ``bleu``
    (sentence BLEU with exponential smoothing and effective order, as
    ``sacrebleu.sentence_bleu``) and ``ter``; the summary adds corpus scores with sacrebleu's
    signature strings.
    Why: MT evaluators need the standard metrics, computed exactly as sacrebleu does.
    Example: target "The army withdrew." with reference "The army pulled back." gets
    ``chrf``/``bleu``/``ter`` scores and no finding.
    Segments without a reference get no scores.
    """

    code = "TQA700"
    name = "reference.metrics"
    severity = Severity.NEUTRAL

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if segment.reference is None:
            return
        self.metrics.add(segment.target, [segment.reference], segment.document)
        for key, value in self.sentence_scores(segment).items():
            yield Score(key, value)

    def report(self) -> dict[str, Any]:
        """Corpus BLEU, chrF and TER for the run and for each document."""
        figures = self.metrics.corpus()
        if figures:
            figures["documents"] = {
                doc: self.metrics.corpus(doc) for doc in self.metrics.documents()
            }
        return figures


class LowChrf(_ReferenceCheck):
    """Segment chrF against its reference is below a threshold.

    What: a segment whose sentence chrF is below ``threshold``.
    Why: in MT evaluation with references, very low chrF marks segments worth a look.
    Bad: target "Prices rose." for reference "The army withdrew from the city." (chrF ~10).
    Good: target "The army withdrew from the city centre." (chrF ~90).
    Options: ``threshold`` (chrF points, default 30.0).
    """

    code = "TQA701"
    name = "reference.low-chrf"
    severity = Severity.MINOR
    enabled_by_default = False
    options: ClassVar[dict[str, Any]] = {"threshold": 30.0}

    def check(self, segment: Segment) -> Iterable[Emitted]:
        if segment.reference is None:
            return
        scores = self.sentence_scores(segment)
        if scores["chrf"] < float(self.opts["threshold"]):
            yield self.finding(
                segment,
                f"chrF {scores['chrf']:.1f} is below {float(self.opts['threshold']):.1f}",
                target_span=(0, len(segment.target)),
            )


CHECKS: list[type[Check]] = [ReferenceMetrics, LowChrf]
