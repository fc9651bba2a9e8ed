"""Throughput benchmark of the glossary matcher (``tqa.glossary.matcher``).

Generates, from a fixed seed, a glossary of ``--terms`` terms (default 20,000: English and
Spanish single and multiword terms with inflectable endings, Arabic terms, Chinese terms) and
``--segments`` segments per language (default 2,000) that mention some of them in inflected
form (plural endings, Arabic clitics, CJK without spaces) among filler words. It then times:

- building the matcher (tokenising, stemming and inserting every term),
- matching: ``Matcher.find`` over every segment, reported as segments per second,
- the same on a glossary 10x smaller, to show the matching cost does not grow with the
  glossary (one pass per segment).

It also checks that every planted term occurrence was found (recall of planted mentions), so a
fast but broken matcher does not look good.

Usage::

    .venv/bin/python benchmarks/terminology/bench_matcher.py
    .venv/bin/python benchmarks/terminology/bench_matcher.py --terms 50000 --segments 5000
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from tqa.glossary.matcher import Matcher
from tqa.glossary.model import Concept, Glossary, Term, TermStatus

SYLLABLES = "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro"
AR_LETTERS = "بتثجحخدذرزسشصضطظعغفقكلمنهي"
HAN = "的一是不了人我在有他这中大来上国个到说们为子和你地出道也时年得就那要下以生会自可去"
FILLER = {
    "en": "the of and to in was that for on with as by at from after before near".split(),
    "es": "el la de que y en los se del las por un para con una su al lo como".split(),
    "ar": "في من على إلى عن مع بعد قبل هذا التي الذي كان".split(),
    "zh": list("在和的了是有这为上中"),
}


@dataclass(frozen=True)
class Planted:
    lang: str
    text: str
    concept_ids: tuple[str, ...]


def _word(rng: random.Random, lo: int = 2, hi: int = 4) -> str:
    return "".join(rng.choice(SYLLABLES.split()) for _ in range(rng.randint(lo, hi)))


def make_glossary(rng: random.Random, size: int) -> tuple[Glossary, dict[str, list[Term]]]:
    concepts: list[Concept] = []
    by_lang: dict[str, list[Term]] = {"en": [], "es": [], "ar": [], "zh": []}
    seen: set[tuple[str, str]] = set()
    index = 0
    while sum(len(v) for v in by_lang.values()) < size:
        terms: list[Term] = []
        for lang in ("en", "es", "ar", "zh"):
            if lang in ("en", "es"):
                words = [_word(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))]
                text = " ".join(words) + ("t" if lang == "en" else "o")
            elif lang == "ar":
                text = " ".join(
                    "".join(rng.choice(AR_LETTERS) for _ in range(rng.randint(3, 6)))
                    for _ in range(rng.choice((1, 2)))
                )
            else:
                text = "".join(rng.choice(HAN) for _ in range(rng.randint(3, 5)))
            if (lang, text) in seen:
                continue
            seen.add((lang, text))
            status = TermStatus.PREFERRED if rng.random() < 0.8 else TermStatus.DEPRECATED
            terms.append(Term(text, lang, status))
        concept = Concept(f"c{index}", tuple(terms))
        concepts.append(concept)
        for term in terms:
            by_lang[term.lang].append(term)
        index += 1
    return Glossary.of(concepts), by_lang


def inflect(term: Term, rng: random.Random) -> str:
    if term.lang == "en":
        return term.text + rng.choice(("", "s"))
    if term.lang == "es":
        return " ".join(w + "s" for w in term.text.split()) if rng.random() < 0.5 else term.text
    if term.lang == "ar":
        return rng.choice(("", "و", "ب", "وال")) + term.text
    return term.text


def make_segments(
    rng: random.Random, by_lang: dict[str, list[Term]], count: int
) -> list[tuple[str, str, int]]:
    """(lang, text, number of planted mentions) per segment."""
    segments: list[tuple[str, str, int]] = []
    for lang, terms in by_lang.items():
        joiner = "" if lang == "zh" else " "
        for _ in range(count):
            parts: list[str] = []
            planted = 0
            for _ in range(rng.randint(15, 30)):
                if rng.random() < 0.12:
                    parts.append(inflect(rng.choice(terms), rng))
                    planted += 1
                    parts.append(rng.choice(FILLER[lang]))
                else:
                    parts.append(rng.choice(FILLER[lang]))
            segments.append((lang, joiner.join(parts) + ".", planted))
    return segments


@dataclass(frozen=True)
class Timing:
    build_s: float
    wall_rate: float
    """Segments per second, wall clock."""
    cpu_rate: float
    """Segments per second of process CPU time (steadier on a busy machine)."""
    ratio: float
    """Matches found per planted mention (1.0: all found, nothing spurious)."""


def bench(glossary: Glossary, segments: list[tuple[str, str, int]]) -> Timing:
    start = time.perf_counter()
    matcher = Matcher(glossary)
    built = time.perf_counter() - start
    found = 0
    planted = 0
    start, cpu_start = time.perf_counter(), time.process_time()
    for lang, text, count in segments:
        found += len(matcher.find(text, lang))
        planted += count
    elapsed, cpu = time.perf_counter() - start, time.process_time() - cpu_start
    return Timing(built, len(segments) / elapsed, len(segments) / cpu, found / max(planted, 1))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--terms", type=int, default=20_000)
    parser.add_argument("--segments", type=int, default=2_000, help="per language")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    glossary, by_lang = make_glossary(rng, args.terms)
    segments = make_segments(rng, by_lang, args.segments)
    small, small_by_lang = make_glossary(random.Random(args.seed + 1), args.terms // 10)
    small_segments = make_segments(random.Random(args.seed + 2), small_by_lang, args.segments)
    chars = sum(len(text) for _, text, _ in segments)
    print(
        f"glossary: {glossary.term_count()} terms in {len(glossary)} concepts; "
        f"{len(segments)} segments ({chars / len(segments):.0f} chars on average), en/es/ar/zh"
    )
    big = bench(glossary, segments)
    print(f"build: {big.build_s:.2f} s")
    print(
        f"match: {big.wall_rate:,.0f} segments/s wall, {big.cpu_rate:,.0f} segments/s CPU; "
        f"matches per planted mention: {big.ratio:.3f}"
    )
    little = bench(small, small_segments)
    print(
        f"small glossary ({small.term_count()} terms): build {little.build_s:.2f} s, "
        f"match {little.wall_rate:,.0f} segments/s wall, {little.cpu_rate:,.0f} CPU"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
