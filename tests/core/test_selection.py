from __future__ import annotations

import pytest

from tests.core.dummy import ALL, BadSpan, Boom, EmptyTarget, Repeats
from tqa.core.selection import Selection, split_selectors
from tqa.errors import UsageError


def chosen(select: list[str], ignore: list[str]) -> list[str]:
    selection = Selection(select, ignore, known=ALL)
    return [cls.code for cls in ALL if selection.wants(cls)]


@pytest.mark.parametrize(
    ("select", "ignore", "expected"),
    [
        ([], [], ["TST101", "TST102", "TST201"]),  # BadSpan is off by default
        (["TST1"], [], ["TST101", "TST102", "TST103"]),  # an explicit prefix turns it on
        (["TST1"], ["TST102"], ["TST101", "TST103"]),  # longer ignore wins
        (["TST102"], ["TST1"], ["TST102"]),  # longer select wins
        (["TST"], ["TST1"], ["TST201"]),
        (["TST1"], ["TST1"], []),  # a tie goes to ignore
        ([], ["TST2"], ["TST101", "TST102"]),
        (["TST101,TST201"], [], ["TST101", "TST201"]),  # comma-separated
        (["test.empty"], [], ["TST101"]),  # by name
        (["test"], ["test.boom"], ["TST101", "TST103"]),  # family name, then a name
        (["ALL"], ["TST2"], ["TST101", "TST102", "TST103"]),
        (["tst101"], [], ["TST101"]),  # codes are case-insensitive
    ],
)
def test_longest_prefix_wins(select: list[str], ignore: list[str], expected: list[str]) -> None:
    assert chosen(select, ignore) == expected


def test_repeated_and_comma_forms_agree() -> None:
    assert split_selectors(["TQA4,TQA5"]) == split_selectors(["TQA4", "TQA5"]) == ["TQA4", "TQA5"]


def test_unknown_selector_is_an_error() -> None:
    with pytest.raises(UsageError, match="'TQA9' matches no check"):
        Selection(["TQA9"], [], known=ALL)


def test_default_classes_are_what_we_think() -> None:
    assert [EmptyTarget.enabled_by_default, Boom.enabled_by_default] == [True, True]
    assert [BadSpan.enabled_by_default, Repeats.scope] == [False, "document"]
