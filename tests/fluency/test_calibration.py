"""The length-normalised percentile scale and the calibration file."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from tqa.fluency.calibration import (
    MIN_TOKENS,
    Calibration,
    CalibrationError,
    LanguageCalibration,
    percentile_of,
    primary_language,
    read_sentences,
)


def test_percentile_of_interpolates_between_ranks() -> None:
    ordered = [-2.0, -1.0, 0.0, 1.0]
    assert percentile_of(-3.0, ordered) == 0.0
    assert percentile_of(-2.0, ordered) == 12.5
    assert percentile_of(-1.5, ordered) == 25.0
    assert percentile_of(0.0, ordered) == 62.5
    assert percentile_of(1.0, ordered) == 87.5
    assert percentile_of(5.0, ordered) == 100.0


def test_fit_recovers_the_length_curve() -> None:
    scores = [(-3.0 - 2.0 / n, n) for n in range(5, 45)]
    cal = LanguageCalibration.fit(scores)
    assert cal.a == pytest.approx(-3.0, abs=1e-9)
    assert cal.b == pytest.approx(-2.0, abs=1e-9)
    assert cal.expected(10) == pytest.approx(-3.2, abs=1e-9)
    assert cal.count == 40


def test_zscore_shrinks_short_segments_and_clamps_very_short_ones() -> None:
    # residual spread ~ 1/sqrt(n): alternate +-0.5/sqrt(n) around -3.0
    scores = [
        (-3.0 + (0.5 if i % 2 else -0.5) / math.sqrt(n), n) for i, n in enumerate(range(4, 64))
    ]
    cal = LanguageCalibration.fit(scores)
    # the same raw deficit is stronger evidence on a long segment than on a short one
    assert cal.zscore(cal.expected(50) - 0.5, 50) < cal.zscore(cal.expected(5) - 0.5, 5) < 0
    assert cal.zscore(-4.0, 1) == cal.zscore(-4.0, MIN_TOKENS)
    assert 0.0 < cal.percentile(cal.expected(20), 20) < 100.0


def test_fit_needs_enough_sentences() -> None:
    with pytest.raises(CalibrationError, match="at least 20 sentences"):
        LanguageCalibration.fit([(-3.0, 10)] * 5)


def test_json_round_trip(tmp_path: Path) -> None:
    scores = [(-3.0 - 0.1 * (i % 7), 8 + i % 13) for i in range(40)]
    cal = Calibration("m", "abc", {"es": LanguageCalibration.fit(scores)})
    path = tmp_path / "m.calibration.json"
    path.write_text(cal.to_json(), encoding="utf-8")
    back = Calibration.load(path)
    assert back.model_key == "abc"
    assert back.for_language("es-ES") is not None
    assert back.for_language("ES_mx") is not None
    assert back.for_language("en") is None
    es = back.for_language("es")
    assert es is not None
    assert es.percentile(-3.2, 12) == pytest.approx(
        cal.languages["es"].percentile(-3.2, 12), abs=1e-3
    )


def test_bad_calibration_file(tmp_path: Path) -> None:
    path = tmp_path / "x.calibration.json"
    path.write_text(json.dumps({"format": 99}), encoding="utf-8")
    with pytest.raises(CalibrationError, match="unsupported format 99"):
        Calibration.load(path)


def test_primary_language() -> None:
    assert [primary_language(t) for t in ("es-ES", "pt_BR", "AR", "en")] == ["es", "pt", "ar", "en"]


def test_read_sentences_skips_blanks_and_comments(tmp_path: Path) -> None:
    path = tmp_path / "en.txt"
    path.write_text("# header\nOne.\n\n  Two.  \n", encoding="utf-8")
    assert read_sentences(path) == ["One.", "Two."]


def test_sentence_level_spread_is_not_amplified_by_length() -> None:
    # spread that does not shrink with length (topic, names): +-0.3 at every length
    scores = [(-3.0 + (0.3 if i % 2 else -0.3), n) for i, n in enumerate(range(4, 84))]
    cal = LanguageCalibration.fit(scores)
    assert cal.v0 == pytest.approx(0.09, rel=0.05)
    assert cal.v1 == pytest.approx(0.0, abs=0.05)
    # a long sentence 0.3 below the curve is one spread low, as a short one is
    assert cal.zscore(cal.expected(80) - 0.3, 80) == pytest.approx(-1.0, abs=0.1)
    assert cal.zscore(cal.expected(8) - 0.3, 8) == pytest.approx(-1.0, abs=0.1)
    assert 30.0 < cal.percentile(cal.expected(60), 60) < 70.0
