"""Report formatters: ``start`` once, ``handle`` each result in input order, ``stop`` with the
summary. Every formatter writes to a text stream and keeps memory flat."""

from __future__ import annotations

from tqa.report.base import FORMATS, Formatter, RunInfo, get_formatter

__all__ = ["FORMATS", "Formatter", "RunInfo", "get_formatter"]
