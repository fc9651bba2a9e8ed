"""Model-free detection of degenerate output: words or phrases that loop (TQA502).

Machine translation and language models sometimes loop: "liquefied liquefied liquefied
liquefied", "the city of the city of the city of". Words are ``\\w+`` runs (lowercased;
punctuation between them is ignored, so "no, no, no" is a run of three "no"). We look for
*tandem repeats*: a unit of ``n`` words (1 <= n <= ``max_unit``) repeated ``k`` times in a
row. A repeat is degenerate when

- ``k >= min_repeats`` (default 3: "very very" is fine, "very very very" is suspicious), or
  ``k >= 2`` for a unit of at least ``min_phrase_words`` words (a whole clause said twice),
- and the source has no tandem repeat of at least that many repetitions (a translation of
  "No, no, no!" may say "Non, non, non !"),
- and the unit is not made only of digits (tables and scores are the number checks' job).

A separate rule catches loops that are not strictly adjacent: the target is at least
``length_ratio`` times longer than the source (in words) and fewer than ``min_distinct`` of
its word trigrams are distinct.

Phrases that repeat one word around another ("step by step", "day after day", "more and more",
"again and again") are not tandem repeats and are never flagged. Scripts written without spaces
(Chinese, Japanese, Thai) are one "word" per run of characters and are not analysed.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from tqa.core.model import Span

WORD_RE = re.compile(r"\w+", re.UNICODE)


@dataclass(frozen=True)
class Word:
    text: str
    start: int
    end: int


@dataclass(frozen=True)
class Repeat:
    """``unit`` words starting at word ``index``, said ``count`` times in a row."""

    index: int
    unit: int
    count: int
    span: Span  # the superfluous copies (all but the first), in characters
    phrase: str


def words(text: str) -> list[Word]:
    return [Word(m.group().casefold(), m.start(), m.end()) for m in WORD_RE.finditer(text)]


def tandem_repeats(tokens: Sequence[Word], max_unit: int = 8) -> list[Repeat]:
    """Every maximal tandem repeat (count >= 2) of every unit length; they may overlap."""
    texts = [w.text for w in tokens]
    found: list[Repeat] = []
    for unit in range(1, max_unit + 1):
        i = 0
        while i + 2 * unit <= len(texts):
            count = 1
            while texts[i : i + unit] == texts[i + count * unit : i + (count + 1) * unit]:
                count += 1
            if count >= 2 and not _is_smaller_period(texts, i, unit):
                end = i + count * unit
                found.append(
                    Repeat(
                        index=i,
                        unit=unit,
                        count=count,
                        span=(tokens[i + unit].start, tokens[end - 1].end),
                        phrase=" ".join(texts[i : i + unit]),
                    )
                )
                i = end
            else:
                i += 1
    return found


def _is_smaller_period(texts: Sequence[str], i: int, unit: int) -> bool:
    """Whether the unit is itself a repeat of a shorter unit ("a a" inside "a a a a")."""
    chunk = list(texts[i : i + unit])
    return any(unit % p == 0 and chunk == chunk[:p] * (unit // p) for p in range(1, unit))


@dataclass(frozen=True)
class DegenerateOptions:
    min_repeats: int = 3
    min_phrase_words: int = 4
    max_unit: int = 8
    length_ratio: float = 2.0
    min_distinct: float = 0.7
    min_words: int = 12


@dataclass(frozen=True)
class Degeneration:
    span: Span
    message: str


def find_degeneration(source: str, target: str, opts: DegenerateOptions) -> list[Degeneration]:
    """The degenerate stretches of ``target`` given its ``source``."""
    tgt_words = words(target)
    src_words = words(source)
    src_max = max((r.count for r in tandem_repeats(src_words, opts.max_unit)), default=1)
    flagged = [
        rep
        for rep in tandem_repeats(tgt_words, opts.max_unit)
        if rep.count > src_max
        and rep.count >= (2 if rep.unit >= opts.min_phrase_words else opts.min_repeats)
        and not all(t.isdigit() for t in rep.phrase.split())
    ]
    # keep the repeats that cover most words, without overlaps
    chosen: list[Repeat] = []
    taken: set[int] = set()
    for rep in sorted(flagged, key=lambda r: (-r.unit * r.count, r.unit, r.index)):
        cells = set(range(rep.index, rep.index + rep.unit * rep.count))
        if cells & taken:
            continue
        taken |= cells
        chosen.append(rep)
    out: list[Degeneration] = []
    for rep in sorted(chosen, key=lambda r: r.index):
        what = "word" if rep.unit == 1 else f"{rep.unit}-word phrase"
        out.append(
            Degeneration(
                rep.span,
                f"{what} '{rep.phrase}' repeated {rep.count} times in a row "
                "(the source has no such repetition)",
            )
        )
    if not out:
        loop = _trigram_loop(src_words, tgt_words, opts)
        if loop is not None:
            out.append(loop)
    return out


def _trigram_loop(
    src_words: Sequence[Word], tgt_words: Sequence[Word], opts: DegenerateOptions
) -> Degeneration | None:
    if len(tgt_words) < opts.min_words or len(tgt_words) < opts.length_ratio * max(
        len(src_words), 1
    ):
        return None
    grams = [tuple(w.text for w in tgt_words[i : i + 3]) for i in range(len(tgt_words) - 2)]
    distinct = len(set(grams)) / len(grams)
    if distinct >= opts.min_distinct:
        return None
    gram, _ = Counter(grams).most_common(1)[0]
    starts = [i for i, g in enumerate(grams) if g == gram]
    span = (tgt_words[starts[1]].start, tgt_words[starts[-1] + 2].end)
    return Degeneration(
        span,
        f"target is {len(tgt_words)} words for {len(src_words)} in the source and loops: "
        f"'{' '.join(gram)}' occurs {len(starts)} times, "
        f"only {distinct:.0%} of its word trigrams are distinct",
    )
