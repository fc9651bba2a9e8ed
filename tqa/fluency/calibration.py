"""Per-language calibration: from a mean log-probability to a 0-100 ``fluency`` score.

Raw mean log-probabilities are not comparable across languages (a model knows some better)
nor across lengths (the first tokens of a text have little context, so short texts score
lower, and their means are noisier). For each language we score a set of well-formed
sentences (``models/calibration/<lang>.txt``) once and fit:

- the expected mean as a function of length, ``mu(n) = a + b / n`` (least squares over the
  calibration sentences; ``n`` = scored tokens, clamped to at least ``MIN_TOKENS``);
- the spread of the residual ``r = mean - mu(n)`` as a function of length. A mean over
  ``n`` tokens has two parts of variance: token-level noise, which averages out like
  ``1/n``, and a sentence-level part (topic, names, register) that does not shrink with
  length. So ``var(n) = v0 + v1 / n``, fitted by least squares of ``r**2`` on ``1/n``, and
  ``z = r / sqrt(var(n))``. (Scaling by ``sqrt(n)`` alone would treat a long, fluent
  sentence full of rare names as a wild outlier.)

``fluency`` is the percentile of a segment's ``z`` among the calibration sentences' ``z``
(linear interpolation, clamped to 0..100): 50 is a typical well-formed sentence of any length,
2 means only 2% of well-formed sentences score worse. Languages without a calibration get no
``fluency`` score (only ``lm_logprob`` and ``perplexity``).

The calibration is stored in ``models/<model>.calibration.json`` with the model checksum; it
is computed by ``tqa models calibrate NAME`` and is ignored when the checksum differs.
"""

from __future__ import annotations

import bisect
import json
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from tqa.errors import TqaError

MIN_TOKENS = 4
MIN_SENTENCES = 20
FORMAT_VERSION = 2
MIN_SENTENCE_VARIANCE = 1e-4
"""Floor of the length-independent variance ``v0`` (a spread of 0.01 nats per token)."""


class CalibrationError(TqaError):
    """A calibration file is missing, malformed or made for another model."""


def primary_language(tag: str) -> str:
    """``es-ES`` / ``pt_BR`` / ``AR`` -> ``es`` / ``pt`` / ``ar``."""
    return tag.replace("_", "-").split("-", 1)[0].strip().lower()


@dataclass(frozen=True)
class LanguageCalibration:
    """The fitted length model and the sorted standardised residuals of one language."""

    a: float
    b: float
    v0: float
    v1: float
    z_sorted: tuple[float, ...]
    count: int
    median_logprob: float

    def expected(self, n_tokens: int) -> float:
        return self.a + self.b / max(n_tokens, MIN_TOKENS)

    def spread(self, n_tokens: int) -> float:
        """Expected standard deviation of a well-formed sentence's mean at this length."""
        return math.sqrt(self.v0 + self.v1 / max(n_tokens, MIN_TOKENS))

    def zscore(self, mean_logprob: float, n_tokens: int) -> float:
        return (mean_logprob - self.expected(n_tokens)) / self.spread(n_tokens)

    def percentile(self, mean_logprob: float, n_tokens: int) -> float:
        """Share (0-100) of calibration sentences that score below this one."""
        return percentile_of(self.zscore(mean_logprob, n_tokens), self.z_sorted)

    @classmethod
    def fit(cls, scores: Sequence[tuple[float, int]]) -> LanguageCalibration:
        """Fit from ``(mean_logprob, n_tokens)`` pairs of well-formed sentences."""
        if len(scores) < MIN_SENTENCES:
            raise CalibrationError(
                f"a calibration needs at least {MIN_SENTENCES} sentences, got {len(scores)}"
            )
        xs = [1.0 / max(n, MIN_TOKENS) for _, n in scores]
        ys = [m for m, _ in scores]
        a, b = _least_squares(xs, ys)
        residuals = [m - (a + b / max(n, MIN_TOKENS)) for m, n in scores]
        v0, v1 = _least_squares(xs, [r * r for r in residuals])
        if v1 < 0:  # spread does not fall with length: one variance for all
            v0, v1 = sum(r * r for r in residuals) / len(residuals), 0.0
        if v0 < MIN_SENTENCE_VARIANCE:  # keep a floor; refit the 1/n part around it
            v0 = MIN_SENTENCE_VARIANCE
            sxx = sum(x * x for x in xs)
            v1 = max(0.0, sum(x * (r * r - v0) for x, r in zip(xs, residuals, strict=True)) / sxx)
        cal = cls(a=a, b=b, v0=v0, v1=v1, z_sorted=(), count=len(scores), median_logprob=0.0)
        z_sorted = tuple(sorted(round(cal.zscore(m, n), 5) for m, n in scores))
        ordered = sorted(ys)
        mid = len(ordered) // 2
        median = ordered[mid] if len(ordered) % 2 else (ordered[mid - 1] + ordered[mid]) / 2
        return cls(
            a=a, b=b, v0=v0, v1=v1, z_sorted=z_sorted, count=len(scores), median_logprob=median
        )

    def to_dict(self) -> dict[str, object]:
        return {
            "a": round(self.a, 6),
            "b": round(self.b, 6),
            "v0": round(self.v0, 8),
            "v1": round(self.v1, 8),
            "count": self.count,
            "median_logprob": round(self.median_logprob, 6),
            "z": list(self.z_sorted),
        }

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> LanguageCalibration:
        z = data["z"]
        if not isinstance(z, list) or not z:
            raise ValueError("'z' must be a non-empty list")
        return cls(
            a=float(data["a"]),  # type: ignore[arg-type]
            b=float(data["b"]),  # type: ignore[arg-type]
            v0=float(data["v0"]),  # type: ignore[arg-type]
            v1=float(data["v1"]),  # type: ignore[arg-type]
            z_sorted=tuple(sorted(float(v) for v in z)),
            count=int(data["count"]),  # type: ignore[call-overload]
            median_logprob=float(data["median_logprob"]),  # type: ignore[arg-type]
        )


def _least_squares(xs: Sequence[float], ys: Sequence[float]) -> tuple[float, float]:
    """Intercept and slope of the least-squares line through ``(x, y)``."""
    x_mean = sum(xs) / len(xs)
    y_mean = sum(ys) / len(ys)
    sxx = sum((x - x_mean) ** 2 for x in xs)
    sxy = sum((x - x_mean) * (y - y_mean) for x, y in zip(xs, ys, strict=True))
    slope = sxy / sxx if sxx > 0 else 0.0
    return y_mean - slope * x_mean, slope


def percentile_of(value: float, ordered: Sequence[float]) -> float:
    """Percentile of ``value`` in sorted ``ordered``: the i-th value sits at (i + 0.5) / N."""
    count = len(ordered)
    if value <= ordered[0]:
        return 0.0 if value < ordered[0] else 50.0 / count
    if value >= ordered[-1]:
        return 100.0 if value > ordered[-1] else 100.0 - 50.0 / count
    i = bisect.bisect_right(ordered, value) - 1
    lo, hi = ordered[i], ordered[i + 1]
    frac = (value - lo) / (hi - lo) if hi > lo else 0.5
    return 100.0 * (i + 0.5 + frac) / count


@dataclass(frozen=True)
class Calibration:
    """The calibration of one model: its checksum and one entry per language."""

    model: str
    model_key: str
    languages: dict[str, LanguageCalibration]

    def for_language(self, tag: str) -> LanguageCalibration | None:
        return self.languages.get(primary_language(tag))

    def to_json(self) -> str:
        data = {
            "format": FORMAT_VERSION,
            "model": self.model,
            "model_key": self.model_key,
            "method": "z = (mean - (a + b/n)) / sqrt(v0 + v1/n); fluency = percentile of z",
            "languages": {k: v.to_dict() for k, v in sorted(self.languages.items())},
        }
        return json.dumps(data, indent=1, ensure_ascii=False) + "\n"

    @classmethod
    def load(cls, path: Path) -> Calibration:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            if data.get("format") != FORMAT_VERSION:
                raise ValueError(f"unsupported format {data.get('format')!r}")
            languages = {
                str(k): LanguageCalibration.from_dict(v) for k, v in data["languages"].items()
            }
            return cls(str(data["model"]), str(data["model_key"]), languages)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise CalibrationError(f"{path}: cannot read calibration: {exc}") from None


def read_sentences(path: Path) -> list[str]:
    """One sentence per line; blank lines and lines starting with ``#`` are skipped."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]
