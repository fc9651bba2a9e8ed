"""Throughput of the number checks alone: ``python -m tqa.lang.numbers_speed [N]``.

Generates ``N`` (default 100 000) English/Spanish news-like segments with numbers, dates,
percentages, scale words, codes and number words (about one in six has no number at all and
one in ten has a changed number), runs the TQA2xx checks on each and prints segments/s.
"""

from __future__ import annotations

import random
import sys
import time

TEMPLATES: tuple[tuple[str, str], ...] = (
    (
        "{a} people died and {b} were injured on November {d}.",
        "{a} personas murieron y {b} resultaron heridas el {d} de noviembre.",
    ),
    (
        "The city had {a},{c:03d} residents in {y}.",
        "La ciudad tenía {a}.{c:03d} habitantes en {y}.",
    ),
    ("Prices rose {p}% over four days.", "Los precios subieron un {p} % en cuatro días."),
    ("The meeting ended without agreement.", "La reunión terminó sin acuerdo."),
    (
        "COVID-19 cases fell to {b} on Saturday.",
        "Los casos de COVID-19 bajaron a {b} el sábado.",
    ),
    ("About {q}.5 million people live there.", "Allí viven unos {q},5 millones de personas."),
)


def numbers_throughput(n: int = 100_000, seed: int = 7) -> float:
    """Time the number checks alone on ``n`` generated segments; return segments per second."""
    return measure(n, seed)[0]


def measure(n: int = 100_000, seed: int = 7) -> tuple[float, float]:
    """Segments per second of the TQA2xx checks: by wall clock, and by this process's CPU time.

    On a shared machine the CPU-time rate is the steadier figure.
    """
    from tqa.checks.numbers import CHECKS
    from tqa.core.check import RunContext
    from tqa.core.model import Segment

    rng = random.Random(seed)
    segments = []
    for i in range(n):
        src, tgt = TEMPLATES[i % len(TEMPLATES)]
        values = {
            "a": rng.randint(2, 999),
            "b": rng.randint(2, 999),
            "c": rng.randint(0, 999),
            "d": rng.randint(1, 28),
            "y": rng.randint(1990, 2030),
            "p": rng.randint(1, 99),
            "q": rng.randint(1, 9),
        }
        changed = dict(values, b=values["b"] + 1) if rng.random() < 0.1 else values
        segments.append(Segment(str(i), src.format(**values), tgt.format(**changed), "en", "es"))
    context = RunContext()
    checks = [cls(context) for cls in CHECKS]
    wall = time.perf_counter()
    cpu = time.process_time()
    for segment in segments:
        for check in checks:
            for _ in check.check(segment):
                pass
    wall = time.perf_counter() - wall
    cpu = time.process_time() - cpu
    return (n / wall if wall > 0 else float("inf"), n / cpu if cpu > 0 else float("inf"))


def main(argv: list[str] | None = None) -> None:
    args = sys.argv[1:] if argv is None else argv
    n = int(args[0]) if args else 100_000
    wall, cpu = measure(n)
    print(
        f"numbers checks (TQA201-TQA205): {n} segments, {wall:,.0f} segments/s "
        f"(wall clock; {cpu:,.0f} segments/s of CPU time)"
    )


if __name__ == "__main__":
    main()
