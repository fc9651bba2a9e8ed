"""The throughput helper runs (no timing assertions: speed is measured, not tested)."""

from __future__ import annotations

from tqa.lang.numbers_speed import TEMPLATES, main, numbers_throughput


def test_numbers_throughput_returns_a_rate() -> None:
    assert numbers_throughput(len(TEMPLATES) * 5) > 0


def test_speed_main_prints_the_rate(capsys: object) -> None:
    main(["30"])
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.startswith("numbers checks (TQA201-TQA205): 30 segments, ")
    assert out.rstrip().endswith(" segments/s of CPU time)")
