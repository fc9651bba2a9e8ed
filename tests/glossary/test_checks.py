"""The terminology and consistency checks beyond the data-driven cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqa.checks import terminology
from tqa.core.check import Check, RunContext
from tqa.core.config import Config
from tqa.core.model import Segment, Severity
from tqa.core.pipeline import Pipeline, build_checks
from tqa.errors import CheckUnavailable, InputError

DATA = Path(__file__).parent / "data"
GLOSSARY = DATA / "conflict.tbx"


def seg(sid: str, source: str, target: str, document: str = "d", src: str = "es") -> Segment:
    return Segment(sid, source, target, src, "en" if src == "es" else "es", document=document)


def run(select: list[str], segments: list[Segment], **config: object) -> list[list[tuple]]:
    context = RunContext(glossary_paths=(GLOSSARY,))
    plan = build_checks(Config(**config), context, select=select)  # type: ignore[arg-type]
    return [
        [(f.code, f.severity.label, f.target_span, f.source_span) for f in r.findings]
        for r in Pipeline(plan.checks).run(segments)
    ]


@pytest.mark.parametrize("cls", terminology.CHECKS[:4])
def test_glossary_checks_need_a_glossary(cls: type) -> None:
    with pytest.raises(CheckUnavailable) as info:
        cls(RunContext())
    assert str(info.value) == "terminology checks TQA301-304 need --glossary FILE"


def test_without_glossary_one_notice_and_consistency_checks_run() -> None:
    plan = build_checks(Config(), RunContext(), select=["TQA30", "TQA31"])
    assert plan.codes == ["TQA310", "TQA311"]
    assert plan.notices == ["terminology checks TQA301-304 need --glossary FILE"]


def test_one_matcher_per_run() -> None:
    context = RunContext(glossary_paths=(GLOSSARY,))
    plan = build_checks(Config(), context, select=["TQA30"])
    assert plan.codes == ["TQA301", "TQA302", "TQA303", "TQA304"]
    indexes = {id(check.index) for check in plan.checks}  # type: ignore[attr-defined]
    assert len(indexes) == 1
    assert list(context._resources) == ["glossary"]


def test_bad_glossary_stops_the_run(tmp_path: Path) -> None:
    bad = tmp_path / "bad.tbx"
    bad.write_text("<martif>\n<oops>\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        build_checks(Config(), RunContext(glossary_paths=(bad,)), select=["TQA301"])
    assert info.value.path == str(bad)


def test_several_glossary_files_are_merged(tmp_path: Path) -> None:
    extra = tmp_path / "extra.csv"
    extra.write_text("concept_id,lang,term,status\naleppo,en,Halab,forbidden\n", encoding="utf-8")
    context = RunContext(glossary_paths=(GLOSSARY, extra))
    plan = build_checks(Config(), context, select=["TQA302"])
    results = list(Pipeline(plan.checks).run([seg("1", "En Alepo.", "In Halab.")]))
    assert [(f.code, f.severity, f.target_span, f.suggestion) for f in results[0].findings] == [
        ("TQA302", Severity.MAJOR, (3, 8), "Aleppo")
    ]


def test_deprecated_severity_follows_configuration() -> None:
    segments = [seg("1", "Combatientes.", "Fighters of the Levant Liberation Organization.")]
    assert run(["TQA302"], segments) == [[("TQA302", "minor", (16, 46), None)]]
    assert run(["TQA302"], segments, severity={"TQA302": Severity.NEUTRAL}) == [
        [("TQA302", "neutral", (16, 46), None)]
    ]


def test_document_state_resets_between_documents() -> None:
    segments = [
        seg("1", "Un bombardeo aéreo.", "An airstrike.", "a"),
        seg("2", "Un bombardeo aéreo.", "An air raid.", "a"),
        seg("3", "Un bombardeo aéreo.", "An air raid.", "b"),
        seg("4", "HTS.", "HTS.", "b"),
        seg("5", "HTS.", "HTS.", "c"),
    ]
    assert run(["TQA303", "TQA304"], segments) == [
        [],
        [("TQA303", "minor", (3, 11), None)],
        [],
        [("TQA304", "minor", (0, 3), None)],
        [("TQA304", "minor", (0, 3), None)],
    ]


def test_missing_and_deprecated_share_one_analysis() -> None:
    segments = [seg("1", "Un alto el fuego en Alepo.", "A cease-fire in Halab.")]
    assert run(["TQA301", "TQA302", "TQA303"], segments) == [
        [("TQA301", "major", None, (20, 25)), ("TQA302", "minor", (2, 12), None)]
    ]


def test_an_untranslated_target_is_one_finding_not_one_per_term() -> None:
    source = "Un alto el fuego en Alepo tras un bombardeo aéreo."
    segments = [
        seg("1", source, source),  # left untranslated: TQA102 alone
        seg("2", source, source.replace("Alepo", "Aleppo")),  # edited: no longer identical
    ]
    assert run(["TQA102", "TQA301"], segments) == [
        [("TQA102", "major", (0, 50), (0, 50))],
        [("TQA301", "major", None, (3, 16)), ("TQA301", "major", None, (34, 49))],
    ]


def test_ambiguous_target_span_is_settled_by_the_source(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "concept_id,lang,term,status\n"
        "regime,es,régimen,preferred\nregime,en,regime,preferred\n"
        "government,es,Gobierno sirio,preferred\ngovernment,en,Syrian government,preferred\n"
        "government,en,regime,deprecated\n",
        encoding="utf-8",
    )
    context = RunContext(glossary_paths=(path,))
    plan = build_checks(Config(), context, select=["TQA301", "TQA302"])
    pairs = [
        seg("1", "El cambio de régimen.", "The regime change."),
        seg("2", "El Gobierno sirio.", "The regime."),
    ]
    results = list(Pipeline(plan.checks).run(pairs))
    assert [[(f.code, f.target_span) for f in r.findings] for r in results] == [
        [],
        [("TQA302", (4, 10))],
    ]


def test_consistency_state_is_compact() -> None:
    check = terminology.SourceConsistency()
    check.start_document("d")
    for index in range(100):
        list(check.check(seg(str(index), f"Frase {index}.", f"Sentence {index}.")))
    assert len(check.seen) == 100
    source_key = terminology._digest("Frase 0.")
    target_key = terminology._digest("Sentence 0.")
    assert source_key is not None and target_key is not None
    assert check.seen.get(int.from_bytes(source_key, "little")) == (
        int.from_bytes(target_key, "little"),
        "0",
    )


@pytest.mark.parametrize("cls", terminology.CHECKS)
def test_docstrings_document_the_check(cls: type[Check]) -> None:
    doc = cls.description()
    assert cls.summary() and cls.summary().endswith(".")
    for word in ("Bad:", "Good:", "Options"):
        assert word in doc, (cls.code, word)


def test_term_inside_a_longer_target_term_is_not_missing(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "concept_id,lang,term,status\n"
        "aleppo,es,Alepo,preferred\naleppo,en,Aleppo,preferred\n"
        "province,en,Aleppo province,preferred\n",
        encoding="utf-8",
    )
    context = RunContext(glossary_paths=(path,))
    plan = build_checks(Config(), context, select=["TQA301"])
    pairs = [seg("1", "Cerca de Alepo.", "In Aleppo province."), seg("2", "Alepo.", "Halab.")]
    results = list(Pipeline(plan.checks).run(pairs))
    assert [[(f.code, f.source_span) for f in r.findings] for r in results] == [
        [],
        [("TQA301", (0, 5))],
    ]


def test_russian_forms_with_a_dropped_vowel_are_glossary_terms() -> None:
    """With the shipped glossary (беженец, повстанцы): ``беженцев`` renders ``refugees`` and
    ``Повстанец`` is the glossary's ``повстанцы``; Snowball stems both apart from the term."""
    shipped = Path(__file__).resolve().parents[2] / "corpora" / "glossaries" / "conflict-syria.csv"
    context = RunContext(glossary_paths=(shipped,))
    plan = build_checks(Config(), context, select=["TQA301"])
    pairs = [
        Segment(
            "1",
            "Thousands of refugees fled Aleppo.",
            "Тысячи беженцев бежали из Алеппо.",
            "en",
            "ru",
        ),
        Segment("2", "Повстанец погиб.", "A fighter died.", "ru", "en"),
        Segment("3", "Повстанец погиб.", "A rebel died.", "ru", "en"),
    ]
    results = list(Pipeline(plan.checks).run(pairs))
    assert [[(f.code, f.source_span, f.suggestion) for f in r.findings] for r in results] == [
        [],
        [("TQA301", (0, 9), "rebel")],
        [],
    ]


def test_arabic_targets_with_the_article_and_plurals_render_the_terms() -> None:
    """With the shipped glossary (غارة جوية, مدني, قصف, لاجئ): the definite and plural forms
    of an Arabic target render the source's terms; each of these was a false TQA301."""
    shipped = Path(__file__).resolve().parents[2] / "corpora" / "glossaries" / "conflict-syria.csv"
    context = RunContext(glossary_paths=(shipped,))
    plan = build_checks(Config(), context, select=["TQA301"])
    pairs = [
        Segment("1", "The airstrike hit Aleppo.", "أصابت الغارة الجوية حلب.", "en", "ar"),
        Segment("2", "Civilians died in the bombardment.", "قتل مدنيون في القصف.", "en", "ar"),
        Segment("3", "Thousands of refugees.", "آلاف اللاجئين.", "en", "ar"),
        Segment("4", "Thousands of refugees.", "آلاف المهاجرين.", "en", "ar"),
    ]
    results = list(Pipeline(plan.checks).run(pairs))
    assert [[(f.code, f.source_span, f.suggestion) for f in r.findings] for r in results] == [
        [],
        [],
        [],
        [("TQA301", (13, 21), "لاجئ")],
    ]
