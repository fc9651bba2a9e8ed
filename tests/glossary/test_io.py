"""Glossary io: TBX-Basic, TBX v3, CSV and YAML reading, writing, merging and bad input."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tqa.errors import InputError
from tqa.glossary.io import (
    GlossaryFormat,
    load_glossaries,
    read_glossary,
    write_glossary,
)
from tqa.glossary.model import Concept, Glossary, MatchMode, Term, TermStatus, TermType

DATA = Path(__file__).parent / "data"
ROOT = Path(__file__).resolve().parents[2]
CURATED = ROOT / "corpora" / "glossaries" / "conflict-syria.csv"

SUFFIX: dict[GlossaryFormat, str] = {
    "tbx-basic": ".tbx",
    "tbx-v3": ".tbx",
    "csv": ".csv",
    "yaml": ".yaml",
}
FORMATS: list[GlossaryFormat] = ["tbx-basic", "tbx-v3", "csv", "yaml"]


def sample() -> Glossary:
    return Glossary.of(
        [
            Concept(
                "hts",
                (
                    Term("Hayat Tahrir al-Sham", "en", TermStatus.PREFERRED, TermType.FULL_FORM),
                    Term("HTS", "en", TermStatus.ADMITTED, TermType.ACRONYM, None, MatchMode.EXACT),
                    Term("Levant Liberation Organization", "en", TermStatus.DEPRECATED),
                    Term("Organismo de Liberación del Levante", "es", TermStatus.DEPRECATED),
                    Term("هيئة تحرير الشام", "ar", TermStatus.PREFERRED),
                ),
                definition='Armed group; "HTS" <since 2017> & more.',
                note="Calque: 'Levant Liberation Organization'.",
                domain="armed-group",
            ),
            Concept(
                "militia",
                (
                    Term("militia", "en", TermStatus.PREFERRED, case_sensitive=False),
                    Term("милиция", "ru", TermStatus.FORBIDDEN, case_sensitive=True),
                    Term("ополчение", "ru", TermStatus.PREFERRED),
                ),
            ),
        ]
    )


@pytest.mark.parametrize("fmt", FORMATS)
def test_round_trip(tmp_path: Path, fmt: GlossaryFormat) -> None:
    glossary = sample()
    path = tmp_path / f"g{SUFFIX[fmt]}"
    write_glossary(glossary, path, fmt)
    again = read_glossary(path)
    assert again == glossary
    assert again["hts"].terms == glossary["hts"].terms
    assert again["militia"].terms[1].status == TermStatus.FORBIDDEN
    path2 = tmp_path / f"g2{SUFFIX[fmt]}"
    write_glossary(again, path2, fmt)
    assert path2.read_bytes() == path.read_bytes()


@pytest.mark.parametrize("error", [OSError("No space left on device"), KeyboardInterrupt()])
def test_a_write_that_fails_halfway_leaves_the_previous_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, error: BaseException
) -> None:
    from tqa.glossary import tbx

    class HalfWritten:
        def write(self, stream: Any, **options: object) -> None:
            stream.write("<martif type='TBX-Basic'><text><body>")
            raise error

    monkeypatch.setattr(tbx, "tbx_tree", lambda glossary, dialect: HalfWritten())
    path = tmp_path / "g.tbx"
    path.write_text("previous\n", encoding="utf-8")
    with pytest.raises(type(error)):
        write_glossary(sample(), path)
    assert path.read_text(encoding="utf-8") == "previous\n"
    assert [p.name for p in tmp_path.iterdir()] == ["g.tbx"]


def test_concept_without_terms(tmp_path: Path) -> None:
    glossary = Glossary.of([Concept("lonely", definition="No names yet."), *sample()])
    for fmt in FORMATS:
        path = tmp_path / f"e-{fmt}{SUFFIX[fmt]}"
        write_glossary(glossary, path, fmt)
        # CSV has one row per term: a concept without terms has no row to live in.
        expected = sample() if fmt == "csv" else glossary
        assert read_glossary(path) == expected, fmt


_TEXT = (
    st.text(alphabet=st.sampled_from(list("abcXYZ éñ-'&<>\"аб حل空袭")), min_size=1, max_size=12)
    .map(lambda s: " ".join(s.split()))
    .filter(bool)
)
_TERM = st.builds(
    Term,
    text=_TEXT,
    lang=st.sampled_from(["en", "es", "ar", "zh-Hans"]),
    status=st.sampled_from(list(TermStatus)),
    term_type=st.sampled_from([None, *TermType]),
    case_sensitive=st.sampled_from([None, True, False]),
    match=st.sampled_from(list(MatchMode)),
)


@st.composite
def glossaries(draw: st.DrawFn) -> Glossary:
    concepts = []
    for index in range(draw(st.integers(1, 3))):
        terms = draw(st.lists(_TERM, min_size=1, max_size=4, unique_by=lambda t: (t.lang, t.text)))
        fields = [draw(st.one_of(st.none(), _TEXT)) for _ in range(3)]
        concepts.append(Concept(f"c{index}", tuple(terms), *fields))
    return Glossary.of(concepts)


@pytest.mark.parametrize("fmt", FORMATS)
@settings(
    max_examples=30, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(glossary=glossaries())
def test_round_trip_property(tmp_path: Path, fmt: GlossaryFormat, glossary: Glossary) -> None:
    path = tmp_path / f"p{SUFFIX[fmt]}"
    write_glossary(glossary, path, fmt)
    assert read_glossary(path) == glossary


def test_hand_written_tbx_basic_with_doctype() -> None:
    glossary = read_glossary(DATA / "conflict.tbx")
    assert len(glossary) == 6
    hts = glossary["hts"]
    assert hts.domain == "armed groups"
    assert hts.definition == "Syrian armed group formed in 2017."
    assert [(t.text, t.status, t.term_type) for t in hts.terms_in("es")] == [
        ("Hayat Tahrir al Sham", TermStatus.PREFERRED, TermType.FULL_FORM),
        ("HTS", TermStatus.ADMITTED, TermType.ACRONYM),
        # supersededTerm-admn-sts is read as deprecated
        ("Organismo de Liberación del Levante", TermStatus.DEPRECATED, None),
    ]
    regime = glossary["syrian-government"].terms_in("en")[1]
    assert (regime.text, regime.status) == ("Assad regime", TermStatus.FORBIDDEN)


def test_tbx_v3_dct_style_and_namespaces(tmp_path: Path) -> None:
    path = tmp_path / "dct.tbx"
    path.write_text(
        """<?xml version="1.0" encoding="UTF-8"?>
<tbx type="TBX-Basic" style="dct" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2"
     xmlns:basic="http://www.tbxinfo.net/ns/basic">
  <tbxHeader><fileDesc><sourceDesc><p>x</p></sourceDesc></fileDesc></tbxHeader>
  <text><body>
    <conceptEntry id="c1">
      <basic:subjectField>conflict</basic:subjectField>
      <langSec xml:lang="en">
        <descripGrp><descrip type="definition">A pause in fighting.</descrip></descripGrp>
        <termSec><term>ceasefire</term>
          <basic:administrativeStatus>preferredTerm-admn-sts</basic:administrativeStatus>
          <basic:termType>fullForm</basic:termType></termSec>
        <termSec><term>cease-fire</term>
          <termNote type="administrativeStatus">supersededTerm-admn-sts</termNote></termSec>
      </langSec>
    </conceptEntry>
  </body></text>
</tbx>
""",
        encoding="utf-8",
    )
    concept = read_glossary(path)["c1"]
    assert concept.domain == "conflict"
    assert concept.definition == "A pause in fighting."
    assert concept.terms == (
        Term("ceasefire", "en", TermStatus.PREFERRED, TermType.FULL_FORM),
        Term("cease-fire", "en", TermStatus.DEPRECATED),
    )


def test_tbx_ntig_structure(tmp_path: Path) -> None:
    path = tmp_path / "ntig.tbx"
    path.write_text(
        '<martif type="TBX"><text><body><termEntry id="a"><langSet xml:lang="de"><ntig>'
        '<termGrp><term>Luftangriff</term><termNote type="termType">fullForm</termNote>'
        '</termGrp><termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>'
        "</ntig></langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    assert read_glossary(path)["a"].terms == (
        Term("Luftangriff", "de", TermStatus.PREFERRED, TermType.FULL_FORM),
    )


def test_entity_expansion_bomb_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bomb.tbx"
    # "billion laughs": each entity expands to ten copies of the previous one.
    entities = '<!ENTITY e0 "lol">' + "".join(
        f'<!ENTITY e{i} "{f"&e{i - 1};" * 10}">' for i in range(1, 10)
    )
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE martif [{entities}]>\n'
        '<martif><text><body><termEntry id="x"><langSet xml:lang="en"><tig><term>&e9;</term>'
        "</tig></langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_glossary(path)
    assert info.value.path == str(path)
    assert info.value.line == 2
    assert "EntitiesForbidden" in str(info.value)


def test_external_entity_is_refused(tmp_path: Path) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP SECRET", encoding="utf-8")
    path = tmp_path / "xxe.tbx"
    path.write_text(
        f'<?xml version="1.0"?>\n<!DOCTYPE martif [<!ENTITY x SYSTEM "file://{secret}">]>\n'
        '<martif><text><body><termEntry id="x"><langSet xml:lang="en"><tig><term>&x;</term>'
        "</tig></langSet></termEntry></body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_glossary(path)
    assert "TOP SECRET" not in str(info.value)
    assert str(info.value).startswith(f"{path}:2: refused unsafe XML (EntitiesForbidden")


def test_malformed_tbx_names_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.tbx"
    path.write_text('<martif>\n<text>\n<body>\n<termEntry id="x">\n</body>\n', encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_glossary(path)
    assert (info.value.path, info.value.line) == (str(path), 5)
    assert "malformed XML: mismatched tag" in str(info.value)


def test_not_tbx_root(tmp_path: Path) -> None:
    path = tmp_path / "x.tbx"
    path.write_text("<html/>", encoding="utf-8")
    with pytest.raises(InputError, match="root element is <html>"):
        read_glossary(path)


def test_unknown_status_in_tbx(tmp_path: Path) -> None:
    path = tmp_path / "s.tbx"
    path.write_text(
        '<martif><text><body><termEntry id="x"><langSet xml:lang="en"><tig>\n<term>a</term>\n'
        '<termNote type="administrativeStatus">weirdTerm-admn-sts</termNote></tig></langSet>'
        "</termEntry></body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_glossary(path)
    assert info.value.line == 3
    assert "unknown administrative status 'weirdTerm-admn-sts'" in str(info.value)


def test_duplicate_concept_id_tbx(tmp_path: Path) -> None:
    path = tmp_path / "dup.tbx"
    path.write_text(
        '<martif><text><body>\n<termEntry id="a"/>\n<termEntry id="b"/>\n<termEntry id="a"/>\n'
        "</body></text></martif>",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_glossary(path)
    assert str(info.value) == f"{path}:4: duplicate concept id 'a' (first defined on line 2)"


def test_duplicate_concept_id_yaml(tmp_path: Path) -> None:
    path = tmp_path / "dup.yaml"
    path.write_text(
        "concepts:\n  - id: a\n    terms: {en: [x]}\n  - id: a\n    terms: {en: [y]}\n",
        encoding="utf-8",
    )
    with pytest.raises(InputError) as info:
        read_glossary(path)
    assert str(info.value) == f"{path}:4: duplicate concept id 'a'"


def test_yaml_shorthand_and_errors(tmp_path: Path) -> None:
    path = tmp_path / "g.yml"
    path.write_text(
        "concepts:\n  - id: a\n    terms:\n"
        "      en: [airstrike, {term: air raid, status: admitted}]\n",
        encoding="utf-8",
    )
    assert read_glossary(path)["a"].terms == (
        Term("airstrike", "en"),
        Term("air raid", "en", TermStatus.ADMITTED),
    )
    path.write_text("concepts:\n  - id: a\n    terms: {en: [{term: x, status: gone}]}\n")
    with pytest.raises(InputError, match=r":2: unknown status 'gone'"):
        read_glossary(path)
    path.write_text("concepts: [\n  {id: a\n")
    with pytest.raises(InputError, match="malformed YAML") as info:
        read_glossary(path)
    assert info.value.line == 3


def test_csv_errors_name_the_line(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    header = "concept_id,lang,term,status,term_type,case_sensitive,match,domain,definition,note\n"
    path.write_text(header + "a,en,x,preferred,,,,,,\na,en,y,wrong,,,,,,\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        read_glossary(path)
    assert str(info.value).startswith(f"{path}:3: unknown status 'wrong'")
    path.write_text(header + "a,en,x,preferred,,,,,\n", encoding="utf-8")
    with pytest.raises(InputError, match=r":2: row has 9 fields, header has 10"):
        read_glossary(path)
    path.write_text(header + "a,en,x,preferred,,,,,,\na,en,x,deprecated,,,,,,\n")
    with pytest.raises(InputError, match=r":3: concept 'a': term 'x' \(en\) is both"):
        read_glossary(path)
    path.write_text("concept_id,term\n")
    with pytest.raises(InputError, match=r":1: header lacks column\(s\) lang"):
        read_glossary(path)
    path.write_bytes(header.encode() + b"a,en,\xff,,,,,,,\n")
    with pytest.raises(InputError, match="not valid UTF-8"):
        read_glossary(path)


def test_csv_defaults_and_first_non_empty_concept_fields(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text(
        "concept_id,lang,term,status,term_type,case_sensitive,match,domain,definition,note\n"
        "a,en,SDF,,acronym,,,,,\n"
        "a,en,Syrian Democratic Forces,preferred,fullForm,false,inflect,armed-group,Def.,\n"
        "b,es,Alepo,preferred,,true,exact,place,,Note b.\n"
        "a,es,FDS,admitted,acronym,,,,,Note a.\n",
        encoding="utf-8",
    )
    glossary = read_glossary(path)
    a = glossary["a"]
    assert (a.domain, a.definition, a.note) == ("armed-group", "Def.", "Note a.")
    assert a.terms[0] == Term("SDF", "en", TermStatus.ADMITTED, TermType.ACRONYM)
    assert a.terms[0].effective_case_sensitive is True
    assert a.terms[1].effective_case_sensitive is False
    assert glossary["b"].terms == (
        Term("Alepo", "es", TermStatus.PREFERRED, None, True, MatchMode.EXACT),
    )


def test_merge_unites_concepts(tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.yaml"
    one.write_text(
        "concept_id,lang,term,status\naleppo,en,Aleppo,preferred\nidlib,en,Idlib,preferred\n",
        encoding="utf-8",
    )
    two.write_text(
        "concepts:\n  - id: aleppo\n    definition: City.\n    terms:\n"
        "      en: [{term: Aleppo, status: preferred}, {term: Haleb, status: deprecated}]\n"
        "      es: [{term: Alepo, status: preferred}]\n",
        encoding="utf-8",
    )
    merged = load_glossaries([one, two])
    assert list(merged.concepts) == ["aleppo", "idlib"]
    assert [t.text for t in merged["aleppo"].terms] == ["Aleppo", "Haleb", "Alepo"]
    assert merged["aleppo"].definition == "City."
    assert merged.sources == (str(one), str(two))


def test_merge_conflicting_status_names_both_files(tmp_path: Path) -> None:
    one, two = tmp_path / "one.csv", tmp_path / "two.csv"
    one.write_text("concept_id,lang,term,status\ncf,en,cease-fire,admitted\n", encoding="utf-8")
    two.write_text("concept_id,lang,term,status\ncf,en,cease-fire,deprecated\n", encoding="utf-8")
    with pytest.raises(InputError) as info:
        load_glossaries([one, two])
    assert str(info.value) == (
        f"{two}: concept 'cf': term 'cease-fire' (en) is deprecated here but admitted in {one}"
    )


def test_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="unknown glossary format"):
        read_glossary(tmp_path / "g.docx")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read"):
        read_glossary(tmp_path / "none.tbx")


@pytest.mark.skipif(not CURATED.exists(), reason="curated glossary not written yet")
def test_curated_glossary_loads_and_its_tbx_matches() -> None:
    glossary = read_glossary(CURATED)
    assert len(glossary) >= 60
    assert glossary["hts"].preferred("en") == Term(
        "Hayat Tahrir al-Sham", "en", TermStatus.PREFERRED, TermType.FULL_FORM
    )
    tbx = CURATED.with_suffix(".tbx")
    if tbx.exists():
        assert read_glossary(tbx) == glossary, (
            "conflict-syria.tbx is stale; regenerate it with: .venv/bin/python -c "
            '"from tqa.glossary import convert_glossary; convert_glossary('
            "'corpora/glossaries/conflict-syria.csv', 'corpora/glossaries/conflict-syria.tbx')\""
        )


def test_yaml_example_in_the_documentation_loads(tmp_path: Path) -> None:
    import textwrap

    import tqa.glossary.io as glossary_io

    doc = glossary_io.__doc__ or ""
    example = textwrap.dedent(doc.split("YAML format: a mapping with one key ``concepts``")[1])
    example = textwrap.dedent(example.split("::", 1)[1].split("\nErrors name")[0])
    path = tmp_path / "doc.yaml"
    path.write_text(example, encoding="utf-8")
    hts = read_glossary(path)["hts"]
    assert hts.domain == "armed groups"
    assert [(t.lang, t.text, t.status.value) for t in hts.terms] == [
        ("en", "Hayat Tahrir al-Sham", "preferred"),
        ("en", "HTS", "admitted"),
        ("en", "Levant Liberation Organization", "deprecated"),
        ("ar", "هيئة تحرير الشام", "admitted"),
        ("es", "Organismo de Liberación del Levante", "admitted"),
    ]
    assert hts.terms[-1].match == MatchMode.EXACT
    assert hts.terms[-1].case_sensitive is False
