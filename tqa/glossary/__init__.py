"""Glossaries: the concept model, TBX/CSV/YAML io, normalisation and the term matcher."""

from __future__ import annotations

from tqa.glossary.io import (
    convert_glossary,
    load_glossaries,
    merge_glossaries,
    read_glossary,
    write_glossary,
)
from tqa.glossary.matcher import Matcher, TermMatch
from tqa.glossary.model import Concept, Glossary, MatchMode, Term, TermStatus, TermType

__all__ = [
    "Concept",
    "Glossary",
    "MatchMode",
    "Matcher",
    "Term",
    "TermMatch",
    "TermStatus",
    "TermType",
    "convert_glossary",
    "load_glossaries",
    "merge_glossaries",
    "read_glossary",
    "write_glossary",
]
