"""``DigestMap`` behaves as a first-write-wins dict of 64-bit keys, through growth."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tqa.core.compact import DigestMap, DigestSet

KEYS = st.one_of(st.integers(0, 2**64 - 1), st.integers(0, 40), st.sampled_from([0, 1, 2**64 - 1]))
LABELS = st.text(max_size=6)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(KEYS, st.integers(0, 2**64 - 1), LABELS), max_size=300))
def test_digest_map_equals_a_first_write_wins_dict(ops: list[tuple[int, int, str]]) -> None:
    table = DigestMap(capacity=4)
    model: dict[int, tuple[int, str]] = {}
    for key, value, label in ops:
        key = key or 1  # the documented stand-in for key 0
        assert table.add(key, value, label) == model.get(key)
        model.setdefault(key, (value, label))
    assert len(table) == len(model)
    for key, expected in model.items():
        assert table.get(key) == expected


def test_digest_map_grows_and_keeps_labels() -> None:
    table = DigestMap(capacity=2)
    for n in range(1, 10_001):
        assert table.add(n * 0x9E3779B97F4A7C15 % 2**64, n, f"s{n}") is None
    assert len(table) == 10_000
    assert table.get(7 * 0x9E3779B97F4A7C15 % 2**64) == (7, "s7")
    assert table.get(123) is None
    assert table.add(0, 5, "zero") is None and table.get(1) == (5, "zero")
    assert table.add(5, 1, "\ud800") is None and table.get(5) == (1, "\ud800")


@settings(max_examples=200, deadline=None)
@given(st.lists(KEYS, max_size=400))
def test_digest_set_equals_a_set(keys: list[int]) -> None:
    table = DigestSet(capacity=2)
    model: set[int] = set()
    for key in keys:
        key = key or 1
        assert table.add(key) == (key not in model)
        model.add(key)
    assert len(table) == len(model)
