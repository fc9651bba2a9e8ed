"""Options of the format and language checks: defaults apply, bad values fail loudly."""

from __future__ import annotations

from typing import Any

import pytest

from tqa.checks.format import Invisible, LengthRatio, RepeatedWord
from tqa.checks.language import Untranslated, WrongLanguage
from tqa.core.check import Check
from tqa.errors import ConfigError


@pytest.mark.parametrize(
    ("cls", "options"),
    [
        (LengthRatio, {"tolerance": 0.5}),
        (LengthRatio, {"min_ratio": "low"}),
        (LengthRatio, {"min_length": -1}),
        (RepeatedWord, {"allow": "muy"}),
        (Invisible, {"allow": ["ZWSP"]}),
        (Invisible, {"allow": [200]}),
        (WrongLanguage, {"min_letters": "many"}),
        (WrongLanguage, {"min_confidence": 1.5}),
        (Untranslated, {"max_name_share": True}),
    ],
)
def test_bad_option_values_are_config_errors(cls: type[Check], options: dict[str, Any]) -> None:
    with pytest.raises(ConfigError, match=cls.code):
        cls(options=options)


def test_length_ratio_band_from_language_pair_or_options() -> None:
    assert LengthRatio().band("en", "zh-CN") == pytest.approx((0.3 / 2.5, 0.3 * 2.5))
    assert LengthRatio().band("pt-BR", "xx") == pytest.approx((1 / 1.15 / 2.5, 2.5 / 1.15))
    fixed = LengthRatio(options={"min_ratio": 0.5, "max_ratio": 2})
    assert fixed.band("en", "zh") == (0.5, 2.0)


def test_invisible_allow_accepts_characters_and_code_points() -> None:
    check = Invisible(options={"allow": ["U+200F", "\u00ad"]})
    assert check.allow == frozenset({"\u200f", "\u00ad"})
