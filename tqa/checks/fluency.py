"""Check family: fluency."""

from __future__ import annotations

from tqa.core.check import Check

CHECKS: list[type[Check]] = []
