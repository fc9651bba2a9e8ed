"""Check family: language."""

from __future__ import annotations

from tqa.core.check import Check

CHECKS: list[type[Check]] = []
