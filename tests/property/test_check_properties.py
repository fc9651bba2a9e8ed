"""Every registered check on arbitrary Unicode source/target pairs (hypothesis).

For any pair, in any language pair, every check (the model-backed fluency check TQA501
aside) returns without raising, and every finding carries its check's code, a message, and
spans that lie inside the text. ``tests/test_check_contract.py`` runs fixed awkward strings
through the same contract; this module searches for new ones.
"""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from tests.conftest import ROOT
from tqa.core.check import Check, RunContext
from tqa.core.config import Config
from tqa.core.model import ADDITION, OMISSION, Finding, Score, Segment
from tqa.core.pipeline import build_checks
from tqa.core.registry import default_registry

GLOSSARY = ROOT / "corpora" / "glossaries" / "conflict-syria.csv"
SKIPPED = {"TQA501"}  # fluency from a language model: too slow for many examples

LANGS = ("en", "es", "fr", "de", "ar", "fa", "ru", "zh", "ja", "hi", "he", "tr", "pt-BR", "xx")
PIECES = [
    # numbers, dates, times and codes in several scripts and conventions
    "311", "1.500", "1,300", "2,5", "٣١١", "۳۱۱", "３１１", "27 de noviembre", "November 27",
    "10:30", "COVID-19", "2016–2024", "50 %", "cuatro", "four", "dos millones",
    # glossary terms of the conflict-syria glossary, in both languages
    "Hayat Tahrir al Sham", "Hayat Tahrir al-Sham", "HTS", "Alepo", "Aleppo", "Cascos Blancos",
    "White Helmets", "ONU", "UN", "Idlib",
    # format material: URLs, handles, brackets, quotes, punctuation, whitespace
    "https://example.org/a?b=1", "user@example.org", "@efe", "#Alepo", "(", ")", "[", "«",
    "»", '"', "“", "”", "'", "¿", "?", "!", "...", ".", "  ", "\t", "\n", "\r\n",
    # invisible and combining characters, bidi controls, surrogate-pair emoji
    "\u200b", "\u200c", "\u200d", "\u200e", "\u200f", "\u202e", "\u2066", "\u00ad", "\ufeff",
    "e\u0301", "👩\u200d👩\u200d👧", "🇸🇾",
    # repeated words and loops
    "the the ", "combates combates combates combates ",
]  # fmt: skip
TEXT = st.lists(st.sampled_from(PIECES) | st.text(max_size=6), max_size=12).map("".join)

# Known bug (tests/property/test_number_parser.py::test_huge_numbers_can_be_formatted):
# a number of 26+ digits makes the number checks' suggestion raise; kept out until fixed.
_HUGE = re.compile(r"\d{22,}")


def _build() -> list[Check]:
    context = RunContext(glossary_paths=(GLOSSARY,))
    codes = [c.code for c in default_registry() if c.code not in SKIPPED]
    plan = build_checks(Config(), context, select=codes)
    return plan.checks


CHECKS = _build()


def test_the_property_covers_every_check_but_the_model() -> None:
    expected = sorted(c.code for c in default_registry() if c.code not in SKIPPED)
    assert sorted(c.code for c in CHECKS) == expected


@settings(max_examples=200, deadline=None)
@given(
    source=TEXT | st.text(),
    target=TEXT | st.text(),
    src_lang=st.sampled_from(LANGS),
    tgt_lang=st.sampled_from(LANGS),
    with_reference=st.booleans(),
    flag=st.sampled_from(["", OMISSION, ADDITION]),
)
def test_every_check_on_arbitrary_pairs(
    source: str, target: str, src_lang: str, tgt_lang: str, with_reference: bool, flag: str
) -> None:
    assume(not _HUGE.search(source + target))
    # the document aligner's flags, as it sets them: an omission has no target, an
    # addition no source
    if flag == OMISSION:
        target = ""
    elif flag == ADDITION:
        source = ""
    segment = Segment(
        "p1",
        source,
        target,
        src_lang,
        tgt_lang,
        reference=target[::-1] if with_reference else None,
        document="property",
        flags=frozenset({flag} - {""}),
    )
    for check in CHECKS:
        if check.scope == "document":
            check.start_document("property")
        emitted = list(check.check(segment))  # an exception here fails the test, with its trace
        for item in emitted:
            assert isinstance(item, Finding | Score), (check.code, item)
            if isinstance(item, Score):
                continue
            assert item.code == check.code, item
            assert item.segment_id == "p1"
            assert item.message, item
            for span, text in ((item.source_span, source), (item.target_span, target)):
                if span is not None:
                    assert 0 <= span[0] <= span[1] <= len(text), (check.code, item)
