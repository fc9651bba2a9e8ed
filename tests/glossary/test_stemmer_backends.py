"""snowballstemmer hands stemming to PyStemmer (C) when it is installed, as tqa's dependencies
ask, for speed; both compile the same Snowball algorithms. This test holds them to the same
stems for every language tqa stems, over the words of the curated glossary, the seed and
the demo corpora, so that a glossary match never depends on which one ran."""

from __future__ import annotations

import functools
import importlib
import re
from typing import Any

import pytest

from tests.conftest import ROOT
from tqa.glossary.normalize import STEMMED_LANGUAGES

Stemmer = pytest.importorskip("Stemmer")

SOURCES = [
    *sorted((ROOT / "corpora").rglob("*.csv")),
    *sorted((ROOT / "corpora").rglob("*.txt")),
    *sorted((ROOT / "seeds").glob("*.jsonl")),
    *sorted((ROOT / "models" / "calibration").glob("*.txt")),
]


@functools.cache
def vocabulary() -> frozenset[str]:
    words: set[str] = set()
    for path in SOURCES:
        words.update(re.findall(r"\w+", path.read_text(encoding="utf-8").casefold()))
    return frozenset(words)


def pure_python(algorithm: str) -> Any:
    module = importlib.import_module(f"snowballstemmer.{algorithm}_stemmer")
    name = "".join(part.capitalize() for part in algorithm.split("_")) + "Stemmer"
    return getattr(module, name)()


def test_the_stemming_backend_is_the_c_one() -> None:
    import snowballstemmer

    assert type(snowballstemmer.stemmer("english")).__module__ == "Stemmer"


@pytest.mark.parametrize("algorithm", sorted(set(STEMMED_LANGUAGES.values())))
def test_c_and_pure_python_snowball_give_the_same_stems(algorithm: str) -> None:
    vocab = sorted(vocabulary())
    assert len(vocab) > 5000
    words = vocab[:: len(vocab) // 4000]  # an even sample keeps the pure-Python side quick
    c_stemmer = Stemmer.Stemmer(algorithm)
    python_stemmer = pure_python(algorithm)
    differing = [w for w in words if c_stemmer.stemWord(w) != python_stemmer.stemWord(w)]
    assert differing == []
