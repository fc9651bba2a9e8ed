"""Check family: fluency (TQA5xx).

TQA501 scores every target with a local causal language model (see ``tqa.fluency``) and flags
outliers; TQA502 finds repetition loops without any model. This module imports neither torch
nor transformers: the model is loaded lazily, through the run context, for the first text
whose score is not already in the score cache (a re-run of an unchanged story loads no model).
"""

from __future__ import annotations

import logging
import statistics
from collections import OrderedDict, deque
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from tqa.core.check import Check, Emitted, RunContext
from tqa.core.model import Category, Score, Segment, Severity
from tqa.errors import CheckUnavailable, TqaError
from tqa.fluency.degenerate import DegenerateOptions, find_degeneration

log = logging.getLogger("tqa.fluency")

_DOCUMENTS_KEPT = 8
_DOCUMENT_WINDOW = 2000
_MIN_SPREAD = 0.5


@dataclass
class FluencyModel:
    """What TQA501 shares across a run: the scorer and the calibration (or None)."""

    scorer: Any  # tqa.fluency.scorer.LazyScorer (kept untyped to avoid importing torch)
    calibration: Any  # tqa.fluency.calibration.Calibration | None


def load_fluency_model(
    context: RunContext, *, batch_size: int = 16, max_tokens: int = 256
) -> FluencyModel:
    """Load (once per run, through ``context.resource``) the model of ``context``."""
    from tqa.fluency import loader

    def build() -> FluencyModel:
        from tqa.fluency.cache import ScoreCache
        from tqa.fluency.calibration import Calibration, CalibrationError
        from tqa.fluency.manifest import calibration_path
        from tqa.fluency.paths import cache_dir
        from tqa.fluency.scorer import LazyScorer, LMScorer, score_key

        source = loader.resolve(context.fluency_model)
        key = loader.model_key(source)
        cache = None
        if context.use_cache:
            cache = ScoreCache(cache_dir() / "scores.sqlite3", score_key(key, max_tokens))

        def load() -> LMScorer:
            loaded = loader.load(source, device=context.device)
            scorer = LMScorer(
                loaded, batch_size=batch_size, max_tokens=max_tokens, threads=context.threads
            )
            scorer.cache = cache
            return scorer

        calibration = None
        path = calibration_path(source.name)
        if path is not None:
            try:
                calibration = Calibration.load(path)
            except CalibrationError as exc:
                log.warning("%s", exc)
            else:
                if calibration.model_key != key:
                    log.warning(
                        "%s was computed for another model checksum: ignored "
                        "(run: tqa models calibrate %s)",
                        path,
                        source.name,
                    )
                    calibration = None
        return FluencyModel(LazyScorer(cache, load), calibration)

    return context.resource(resource_key(context, batch_size, max_tokens), build)


def resource_key(context: RunContext, batch_size: int, max_tokens: int) -> str:
    """The ``RunContext.resource`` key of the fluency model of a run."""
    return (
        f"fluency:{context.fluency_model}:{context.device}:{context.threads}:"
        f"{context.use_cache}:{batch_size}:{max_tokens}"
    )


class FluencyLow(Check):
    """Target sentence reads much less fluently than well-formed text (language model).

    Scores every non-empty target with a local causal language model (default: Gemma 3 270M,
    offline) and emits, per segment, ``lm_logprob`` (mean log-probability per token, nats),
    ``perplexity`` and, for calibrated languages (en, es, fr, de, ar, ru), ``fluency``: the
    percentile (0-100) of the length-normalised score among well-formed calibration sentences
    of that language. A finding is raised only when the segment is an outlier twice over:
    ``fluency`` is below ``max_percentile`` *and*, once its document has
    ``min_document_segments`` scored segments, it is more than ``document_sigmas`` robust
    standard deviations below the document's median. Segments under ``min_tokens`` tokens get
    scores but no finding (their mean is too noisy), and so do languages without calibration.

    Why: garbled word order, broken agreement and machine-translation artefacts make a text
    hard to read even when every term and number is right.

    Bad:  "Forces the government on Tuesday the city of retaken has, officials said."
    Good: "Government forces retook the city on Tuesday, officials said."

    Options: ``max_percentile`` (2.0), ``document_sigmas`` (3.0), ``min_document_segments``
    (5), ``min_tokens`` (5), ``source_logprob`` (false: when true, the source is scored too,
    ``src_lm_logprob`` is emitted and a target whose source is itself an outlier is not
    flagged), ``batch_size`` (16), ``max_tokens`` (256, longer texts are truncated).
    Needs ``pip install 'tqa[fluency]'``; ``--fluency-model`` picks another model.
    """

    code = "TQA501"
    name = "fluency.low"
    category = Category.LINGUISTIC
    severity = Severity.MINOR
    parallel = False  # one model in the main process, which batches and uses the threads
    options: ClassVar[dict[str, Any]] = {
        "max_percentile": 2.0,
        "document_sigmas": 3.0,
        "min_document_segments": 5,
        "min_tokens": 5,
        "source_logprob": False,
        "batch_size": 16,
        "max_tokens": 256,
    }

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        from tqa.fluency import loader

        source = loader.resolve(self.context.fluency_model)  # unknown model: an error
        reason = loader.check_available(source)
        if reason is not None:
            raise CheckUnavailable(f"{self.code} ({self.name}) skipped: {reason}")
        self._documents: OrderedDict[str, deque[float]] = OrderedDict()
        self._load_error: TqaError | None = None

    def check(self, segment: Segment) -> Iterable[Emitted]:
        return self.check_batch([segment])[0]

    def check_batch(self, segments: Sequence[Segment]) -> list[list[Emitted]]:
        if self._load_error is not None:  # fail fast: do not retry a conversion per segment
            raise self._load_error
        try:
            fm = load_fluency_model(
                self.context,
                batch_size=int(self.opts["batch_size"]),
                max_tokens=int(self.opts["max_tokens"]),
            )
        except TqaError as exc:
            self._load_error = exc
            raise
        with_source = bool(self.opts["source_logprob"])
        texts = [s.target for s in segments]
        if with_source:
            texts += [s.source for s in segments]
        scored = fm.scorer.score(texts)
        targets = scored[: len(segments)]
        sources = scored[len(segments) :] if with_source else [None] * len(segments)
        zs: list[float | None] = []
        out: list[list[Emitted]] = []
        for segment, score in zip(segments, targets, strict=True):
            emitted: list[Emitted] = []
            z = None
            if score is not None:
                emitted.append(Score("lm_logprob", score.mean))
                emitted.append(Score("perplexity", score.perplexity))
                lang = fm.calibration.for_language(segment.tgt_lang) if fm.calibration else None
                if lang is not None:
                    emitted.append(Score("fluency", lang.percentile(score.mean, score.n_tokens)))
                    z = lang.zscore(score.mean, score.n_tokens)
                    self._document(segment.document).append(z)
            zs.append(z)
            out.append(emitted)
        for index, segment in enumerate(segments):
            src = sources[index]
            if src is not None:
                out[index].append(Score("src_lm_logprob", src.mean))
            finding = self._judge(segment, targets[index], zs[index], src, fm)
            if finding is not None:
                out[index].append(finding)
        return out

    def _document(self, name: str) -> deque[float]:
        if name not in self._documents:
            self._documents[name] = deque(maxlen=_DOCUMENT_WINDOW)
            while len(self._documents) > _DOCUMENTS_KEPT:
                self._documents.popitem(last=False)
        self._documents.move_to_end(name)
        return self._documents[name]

    def _judge(
        self, segment: Segment, score: Any, z: float | None, src: Any, fm: FluencyModel
    ) -> Emitted | None:
        if score is None or z is None or score.n_tokens < int(self.opts["min_tokens"]):
            return None
        lang = fm.calibration.for_language(segment.tgt_lang)
        percentile = lang.percentile(score.mean, score.n_tokens)
        if percentile >= float(self.opts["max_percentile"]):
            return None
        document = self._document(segment.document)
        if len(document) >= int(self.opts["min_document_segments"]):
            median = statistics.median(document)
            spread = max(1.4826 * statistics.median(abs(v - median) for v in document), _MIN_SPREAD)
            if z > median - float(self.opts["document_sigmas"]) * spread:
                return None
        if src is not None:
            src_lang = fm.calibration.for_language(segment.src_lang)
            if (
                src_lang is not None
                and src.n_tokens >= int(self.opts["min_tokens"])
                and src_lang.percentile(src.mean, src.n_tokens) < float(self.opts["max_percentile"])
            ):
                return None  # the source reads as badly: do not blame the translation
        return self.finding(
            segment,
            f"target reads much less fluently than well-formed {segment.tgt_lang} text "
            f"(fluency {percentile:.1f}/100, {score.mean:.2f} nats/token)",
            target_span=(0, len(segment.target)),
        )


class FluencyDegenerate(Check):
    """Target loops: a word or phrase repeated over and over (hallucinated output).

    Finds a word repeated ``min_repeats`` (3) or more times in a row, a phrase of
    ``min_phrase_words`` (4) or more words said twice or more in a row, or a target at least
    ``length_ratio`` (2.0) times longer than the source (in words, at least ``min_words``
    words) in which fewer than ``min_distinct`` (0.7) of the word trigrams are distinct
    (well-formed sentences rarely repeat a word trigram at all).
    A repetition that the source has as well is not flagged ("No, no, no!"), nor are
    numbers, "very very", "step by step" or "day after day". The span covers the superfluous
    copies (everything after the first). No model is needed.

    Why: machine translation and language models sometimes loop instead of translating; the
    result must not be published.

    Bad:  "El gas licuado licuado licuado licuado se almacena en tanques."
    Good: "El gas licuado se almacena en tanques."

    Options: ``min_repeats`` (3), ``min_phrase_words`` (4), ``max_unit`` (8),
    ``length_ratio`` (2.0), ``min_distinct`` (0.7), ``min_words`` (12).
    """

    code = "TQA502"
    name = "fluency.degenerate"
    category = Category.ACCURACY
    severity = Severity.MAJOR
    options: ClassVar[dict[str, Any]] = {
        "min_repeats": 3,
        "min_phrase_words": 4,
        "max_unit": 8,
        "length_ratio": 2.0,
        "min_distinct": 0.7,
        "min_words": 12,
    }

    def __init__(self, context: RunContext | None = None, **kwargs: Any) -> None:
        super().__init__(context, **kwargs)
        self._opts = DegenerateOptions(
            min_repeats=int(self.opts["min_repeats"]),
            min_phrase_words=int(self.opts["min_phrase_words"]),
            max_unit=int(self.opts["max_unit"]),
            length_ratio=float(self.opts["length_ratio"]),
            min_distinct=float(self.opts["min_distinct"]),
            min_words=int(self.opts["min_words"]),
        )

    def check(self, segment: Segment) -> Iterable[Emitted]:
        for found in find_degeneration(segment.source, segment.target, self._opts):
            yield self.finding(segment, found.message, target_span=found.span)


CHECKS: list[type[Check]] = [FluencyLow, FluencyDegenerate]
