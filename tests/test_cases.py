"""Runs every data-driven case in tests/cases/ (see tests/casefile.py for the format)."""

from __future__ import annotations

import pytest

from tests.casefile import Case, assert_case, load_cases

CASES = load_cases()


@pytest.mark.parametrize("case", CASES, ids=[c.test_id for c in CASES])
def test_case(case: Case) -> None:
    assert_case(case)


def test_cases_exist() -> None:
    assert len(CASES) > 0
