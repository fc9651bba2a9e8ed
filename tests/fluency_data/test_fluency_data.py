"""Checks the fluency data files: calibration sentences and fluent/disfluent accuracy pairs.

The calibration sets (models/calibration/<lang>.txt) hold well-formed sentences, one per line; the
fluency scorer compares a segment's mean log-probability with their distribution. The pairs
(benchmarks/fluency/pairs/<lang>.jsonl) hold a fluent sentence and the same sentence with exactly
one perturbation; the benchmark counts how often the fluent one scores higher.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CALIBRATION_DIR = ROOT / "models" / "calibration"
PAIRS_DIR = ROOT / "benchmarks" / "fluency" / "pairs"

CALIBRATION_LANGS = ("en", "es", "fr", "de", "ar", "ru")
MIN_CALIBRATION_LINES = 220
# Languages whose pairs file is required, with the minimum number of pairs.
REQUIRED_PAIRS = {"en": 60, "es": 60, "fr": 60, "de": 60}
# Languages whose pairs file is optional; if present it must hold at least this many pairs.
OPTIONAL_PAIRS = {"ar": 20, "ru": 20}
PERTURBATIONS = ("word_order", "dropped_function_word", "doubled_phrase", "agreement")
PAIR_KEYS = {"id", "lang", "fluent", "disfluent", "perturbation"}
NUMBERING = re.compile(r"^\s*(\d+[.)]|[-*•])\s")


def _calibration_lines(lang: str) -> list[str]:
    text = (CALIBRATION_DIR / f"{lang}.txt").read_bytes().decode("utf-8")
    assert text.endswith("\n"), f"{lang}.txt must end with a newline"
    return text[:-1].split("\n")


def _pairs(lang: str) -> list[dict[str, str]]:
    path = PAIRS_DIR / f"{lang}.jsonl"
    rows: list[dict[str, str]] = []
    for number, line in enumerate(path.read_bytes().decode("utf-8").splitlines(), start=1):
        assert line.strip(), f"{path.name}:{number}: empty line"
        row = json.loads(line)
        assert isinstance(row, dict), f"{path.name}:{number}: not a JSON object"
        rows.append(row)
    return rows


def _pair_langs() -> list[str]:
    optional = [lang for lang in OPTIONAL_PAIRS if (PAIRS_DIR / f"{lang}.jsonl").exists()]
    return [*REQUIRED_PAIRS, *optional]


def _is_one_perturbation(kind: str, fluent: str, disfluent: str) -> bool:
    """True when `disfluent` is `fluent` with exactly one `kind` perturbation (by tokens)."""
    a, b = fluent.split(), disfluent.split()
    if kind == "word_order":
        diff = [i for i in range(min(len(a), len(b))) if a[i] != b[i]]
        return (
            len(a) == len(b)
            and len(diff) == 2
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if kind == "dropped_function_word":
        return len(b) == len(a) - 1 and any(a[:i] + a[i + 1 :] == b for i in range(len(a)))
    if kind == "doubled_phrase":
        return any(
            a[: i + n] + a[i : i + n] + a[i + n :] == b
            for n in (1, 2, 3)
            for i in range(len(a) - n + 1)
        )
    if kind == "agreement":
        return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1
    return False


@pytest.mark.parametrize("lang", CALIBRATION_LANGS)
def test_calibration_file_is_clean(lang: str) -> None:
    lines = _calibration_lines(lang)
    assert len(lines) >= MIN_CALIBRATION_LINES
    assert [n for n, line in enumerate(lines, 1) if not line.strip()] == []
    assert [n for n, line in enumerate(lines, 1) if line != line.strip()] == []
    assert [n for n, line in enumerate(lines, 1) if NUMBERING.match(line)] == []
    assert [n for n, line in enumerate(lines, 1) if "\t" in line or "\r" in line] == []
    # The calibration reader skips lines starting with "#" as comments.
    assert [n for n, line in enumerate(lines, 1) if line.startswith("#")] == []
    duplicates = [line for line, count in Counter(lines).items() if count > 1]
    assert duplicates == []


@pytest.mark.parametrize("lang", CALIBRATION_LANGS)
def test_calibration_sentences_have_sentence_shape(lang: str) -> None:
    lines = _calibration_lines(lang)
    too_short = [line for line in lines if len(line.split()) < 4]
    too_long = [line for line in lines if len(line.split()) > 45]
    unterminated = [line for line in lines if line[-1] not in '.?!…"»”؟']
    assert too_short == []
    assert too_long == []
    assert unterminated == []


def test_arabic_calibration_uses_arabic_punctuation() -> None:
    lines = _calibration_lines("ar")
    assert [line for line in lines if "?" in line] == []
    assert sum("؟" in line for line in lines) >= 1
    assert sum("،" in line for line in lines) >= 20
    assert [line for line in lines if "," in line] == []


def test_required_pairs_files_exist() -> None:
    missing = [lang for lang in REQUIRED_PAIRS if not (PAIRS_DIR / f"{lang}.jsonl").exists()]
    assert missing == []


@pytest.mark.parametrize("lang", _pair_langs())
def test_pairs_file_is_valid(lang: str) -> None:
    rows = _pairs(lang)
    minimum = REQUIRED_PAIRS.get(lang) or OPTIONAL_PAIRS[lang]
    assert len(rows) >= minimum
    for row in rows:
        assert set(row) == PAIR_KEYS, row
        assert row["lang"] == lang, row
        assert re.fullmatch(rf"{lang}-\d{{3}}", row["id"]), row
        assert row["perturbation"] in PERTURBATIONS, row
        assert row["fluent"] != row["disfluent"], row
        for key in ("fluent", "disfluent"):
            assert row[key] == row[key].strip() and row[key], row
    ids = [row["id"] for row in rows]
    assert len(ids) == len(set(ids))
    fluents = [row["fluent"] for row in rows]
    assert len(fluents) == len(set(fluents))


@pytest.mark.parametrize("lang", _pair_langs())
def test_each_pair_differs_by_exactly_its_perturbation(lang: str) -> None:
    wrong = [
        row["id"]
        for row in _pairs(lang)
        if not _is_one_perturbation(row["perturbation"], row["fluent"], row["disfluent"])
    ]
    assert wrong == []


@pytest.mark.parametrize("lang", _pair_langs())
def test_pairs_are_balanced_over_perturbation_types(lang: str) -> None:
    counts = Counter(row["perturbation"] for row in _pairs(lang))
    assert set(counts) == set(PERTURBATIONS)
    assert max(counts.values()) - min(counts.values()) <= 2


@pytest.mark.parametrize("lang", _pair_langs())
def test_pairs_do_not_reuse_calibration_sentences(lang: str) -> None:
    calibration = set(_calibration_lines(lang))
    assert [row["id"] for row in _pairs(lang) if row["fluent"] in calibration] == []


@pytest.mark.parametrize(
    ("kind", "fluent", "disfluent", "expected"),
    [
        ("word_order", "the big army won", "big the army won", True),
        ("word_order", "the big army won", "army big the won", True),
        ("word_order", "the big army won", "army the big won", False),
        ("dropped_function_word", "went to the city", "went to city", True),
        ("dropped_function_word", "went to the city", "went city", False),
        ("doubled_phrase", "in the city", "in the in the city", True),
        ("doubled_phrase", "in the city", "in the city city city", False),
        ("agreement", "the soldiers were", "the soldiers was", True),
        ("agreement", "the soldiers were", "a soldier was", False),
        ("unknown", "a b", "b a", False),
    ],
)
def test_perturbation_checker(kind: str, fluent: str, disfluent: str, expected: bool) -> None:
    assert _is_one_perturbation(kind, fluent, disfluent) is expected
