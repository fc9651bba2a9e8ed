"""``tqa glossary extract|validate|convert|merge|lookup|stats`` through the Typer sub-app."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from tests.glossary_cmds.corpus import CORPUS
from tqa.cli.glossary import app
from tqa.glossary.io import read_glossary
from tqa.glossary.model import TermStatus

ROOT = Path(__file__).resolve().parents[2]
BAD = ROOT / "tests" / "bad_inputs" / "glossary"

CORPUS_TSV = "id\tsource\ttarget\n" + "".join(
    f"a{i}\t{src}\t{tgt}\n" for i, (src, tgt) in enumerate(CORPUS, 1)
)

GLOSSARY_YAML = """concepts:
  - id: ceasefire
    terms:
      es: [{term: alto el fuego, status: preferred}]
      en:
        - {term: ceasefire, status: preferred}
        - {term: cease-fire, status: deprecated}
  - id: airstrike
    domain: military
    definition: An attack by aircraft.
    terms:
      es: [{term: ataque aéreo, status: preferred}]
      en:
        - {term: airstrike, status: preferred}
        - {term: air raid, status: admitted}
  - id: aleppo
    terms:
      es: [{term: Alepo, status: preferred}]
      en: [{term: Halab, status: preferred}]
"""

PROBLEMS_YAML = """concepts:
  - id: one
    terms:
      en: [{term: truce, status: preferred}, {term: ceasefire, status: admitted}]
      es: [{term: tregua, status: admitted}]
  - id: two
    terms:
      en: [{term: Ceasefire, status: deprecated}, {term: cease-fire, status: preferred}]
  - id: three
    terms:
      en: [{term: bomb, status: preferred}, {term: explosive, status: preferred}]
      xx: [{term: bombo, status: preferred}]
  - id: four
    terms:
      en: [{term: curfew, status: preferred}]
  - id: five
    terms:
      en: [{term: curfew, status: preferred}]
"""

MALFORMED_TBX = """<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX-Basic" xml:lang="en">
  <text><body>
    <termEntry id="x"><langSet xml:lang="en"><tig><term>truce</term></tig>
  </body></text>
</martif>
"""


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    path = tmp_path / "corpus.tsv"
    path.write_text(CORPUS_TSV, encoding="utf-8")
    return path


@pytest.fixture
def glossary(tmp_path: Path) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(GLOSSARY_YAML, encoding="utf-8")
    return path


# -- extract ---------------------------------------------------------------------------------


def test_extract_csv_on_stdout(corpus: Path) -> None:
    code, out, err = run("extract", str(corpus), "--src-lang", "es", "--tgt-lang", "en")
    assert code == 0
    rows = list(csv.DictReader(io.StringIO(out)))
    assert (rows[0]["source"], rows[0]["target"], rows[0]["frequency"]) == ("Alepo", "Aleppo", "3")
    assert {(r["source"], r["target"], r["status"]) for r in rows} == {
        ("Observatorio Sirio de Derechos Humanos", "Syrian Observatory for Human Rights", "new"),
        ("OSDH", "SOHR", "new"),
        ("Alepo", "Aleppo", "new"),
        ("alto el fuego", "ceasefire", "new"),
    }
    assert "tqa: 4 candidates from 5 segment pairs (0 conflicts, 0 already in the glossary)" in err


def test_extract_with_glossary_marks_conflicts(
    corpus: Path, glossary: Path, tmp_path: Path
) -> None:
    out_csv = tmp_path / "cands.csv"
    code, _, err = run(
        "extract", str(corpus), "-s", "es", "-l", "en", "-g", str(glossary), "-o", str(out_csv)
    )
    assert code == 0
    rows = {r["source"]: r for r in csv.DictReader(out_csv.open(encoding="utf-8"))}
    assert rows["alto el fuego"]["status"] == "in-glossary"
    assert rows["alto el fuego"]["concept_id"] == "ceasefire"
    assert rows["Alepo"]["status"] == "conflict"
    assert rows["Alepo"]["note"] == "'Aleppo' is not in the glossary; it prefers 'Halab'"
    assert rows["OSDH"]["status"] == "new"
    assert rows["OSDH"]["example_ids"] == "a1 a2"
    assert "(1 conflicts, 1 already in the glossary)" in err


def test_extract_tbx_output_is_admitted(corpus: Path, tmp_path: Path) -> None:
    out = tmp_path / "cands.tbx"
    code, _, _ = run("extract", str(corpus), "-s", "es", "-l", "en", "-o", str(out), "-q")
    assert code == 0
    written = read_glossary(out)
    assert len(written) == 4
    assert {t.status for c in written for t in c.terms} == {TermStatus.ADMITTED}
    assert {t.text for c in written for t in c.terms if t.lang == "en"} == {
        "Syrian Observatory for Human Rights",
        "SOHR",
        "Aleppo",
        "ceasefire",
    }


def test_extract_unknown_language_code(corpus: Path) -> None:
    code, out, err = run("extract", str(corpus), "--src-lang", "xx", "--tgt-lang", "en")
    assert code == 2
    assert out == ""
    assert err == (
        "tqa: error: unknown source language code 'xx': use an ISO 639 language tag such as "
        "'es', 'en', 'ar' or 'pt-BR'\n"
    )


def test_extract_unknown_language_in_file(tmp_path: Path) -> None:
    path = tmp_path / "c.tsv"
    path.write_text("source\ttarget\tsrc_lang\ttgt_lang\nhola\thello\tes\tqq\n", encoding="utf-8")
    code, _, err = run("extract", str(path))
    assert code == 2
    assert "unknown target language code 'qq'" in err


def test_extract_bad_inputs(corpus: Path, tmp_path: Path) -> None:
    code, _, err = run("extract", str(tmp_path / "missing.tsv"), "-s", "es", "-l", "en")
    assert (code, err.strip()) == (2, f"tqa: error: {tmp_path / 'missing.tsv'}: file not found")
    code, _, err = run("extract", str(corpus), "-s", "es", "-l", "en", "-o", "x.docx")
    assert code == 2 and "must be a .csv or .tbx file" in err
    broken = tmp_path / "broken.tbx"
    broken.write_text(MALFORMED_TBX, encoding="utf-8")
    code, _, err = run("extract", str(corpus), "-s", "es", "-l", "en", "-g", str(broken))
    assert code == 2 and "malformed XML" in err and str(broken) in err


# -- validate --------------------------------------------------------------------------------


def test_validate_clean_glossary(glossary: Path) -> None:
    code, out, err = run("validate", str(glossary))
    assert (code, out, err) == (0, "", "no problems\n")


def test_validate_lists_each_problem_with_concept(tmp_path: Path) -> None:
    path = tmp_path / "p.yaml"
    path.write_text(PROBLEMS_YAML, encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 1
    assert out.splitlines() == [
        f"{path}: concept one: no-preferred: no preferred term in es (terms: tregua)",
        f"{path}: concept three: unknown-language: unknown language code 'xx'",
        f"{path}: concept three: conflicting-status: 2 preferred terms in en: bomb, explosive",
        f"{path}: concept one: conflicting-status: term 'ceasefire' (en) has different "
        "statuses in concepts one (admitted), two (deprecated)",
        f"{path}: concept four: duplicate-term: term 'curfew' (en) is in several concepts: "
        "four, five",
    ]
    assert err == "5 problem(s)\n"


def test_validate_malformed_tbx_is_exit_2(tmp_path: Path) -> None:
    path = tmp_path / "broken.tbx"
    path.write_text(MALFORMED_TBX, encoding="utf-8")
    code, out, err = run("validate", str(path))
    assert code == 2
    assert out == ""
    assert err.startswith(f"tqa: error: {path}:5:4: malformed XML: mismatched tag")
    assert "malformed XML" in err


def test_validate_unsafe_and_duplicate_tbx(tmp_path: Path) -> None:
    code, _, err = run("validate", str(BAD / "billion_laughs.tbx"))
    assert code == 2 and "refused unsafe XML" in err
    code, _, err = run("validate", str(BAD / "dup_concept.tbx"))
    assert code == 2 and "duplicate concept id" in err


def test_validate_unknown_extension(tmp_path: Path) -> None:
    path = tmp_path / "g.txt"
    path.write_text("x", encoding="utf-8")
    code, _, err = run("validate", str(path))
    assert code == 2 and "unknown glossary format" in err


# -- convert ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "to", "marker"),
    [
        ("out.tbx", None, b"<martif"),
        ("out.xml", "tbx-v3", b"<tbx"),
        ("out.csv", None, b"concept_id,lang,term"),
        ("out.yaml", None, b"concepts:"),
    ],
)
def test_convert(glossary: Path, tmp_path: Path, name: str, to: str | None, marker: bytes) -> None:
    out = tmp_path / name
    args = ["convert", str(glossary), "-o", str(out)] + (["--to", to] if to else [])
    code, _, err = run(*args)
    assert code == 0
    assert err == f"tqa: 3 concepts, 8 terms written to {out}\n"
    assert marker in out.read_bytes()
    assert read_glossary(out) == read_glossary(glossary)


def test_convert_bad_format_and_input(glossary: Path, tmp_path: Path) -> None:
    code, _, err = run("convert", str(glossary), "-o", str(tmp_path / "x.tbx"), "--to", "tbx2")
    assert code == 2 and "--to must be one of tbx-basic, tbx-v3, csv, yaml" in err
    broken = tmp_path / "broken.tbx"
    broken.write_text(MALFORMED_TBX, encoding="utf-8")
    code, _, err = run("convert", str(broken), "-o", str(tmp_path / "x.csv"))
    assert code == 2 and "malformed XML" in err
    assert not (tmp_path / "x.csv").exists()


# -- merge -----------------------------------------------------------------------------------

OTHER_YAML = """concepts:
  - id: truce
    definition: A pause in fighting.
    terms:
      en:
        - {term: ceasefire, status: admitted}
        - {term: truce, status: preferred}
      fr: [{term: cessez-le-feu, status: preferred}]
  - id: airstrike
    definition: An aerial attack.
    terms:
      en: [{term: air strike, status: preferred}]
  - id: curfew
    terms:
      en: [{term: curfew, status: preferred}]
"""


def test_merge_by_id_and_shared_terms(glossary: Path, tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text(OTHER_YAML, encoding="utf-8")
    out = tmp_path / "merged.yaml"
    code, stdout, err = run("merge", str(glossary), str(other), "-o", str(out))
    assert code == 1
    assert stdout.splitlines() == [
        "concept ceasefire: joined: concept 'truce' of the second glossary joined by shared "
        "term(s)",
        "conflict: concept ceasefire: status: term 'ceasefire' (en) is preferred in the first "
        "glossary and admitted in the second; kept preferred",
        "conflict: concept airstrike: id-mismatch: same id in both glossaries but no term in "
        "common; merged by id",
        "conflict: concept airstrike: field: different definitions: kept 'An attack by "
        "aircraft.', dropped 'An aerial attack.'",
    ]
    assert err == (f"tqa: 4 concepts written to {out}; 1 joined by shared terms, 3 conflicts\n")
    merged = read_glossary(out)
    assert list(merged.concepts) == ["ceasefire", "airstrike", "aleppo", "curfew"]
    assert [t.text for t in merged["ceasefire"].terms] == [
        "alto el fuego",
        "ceasefire",
        "cease-fire",
        "truce",
        "cessez-le-feu",
    ]
    assert merged["ceasefire"].definition == "A pause in fighting."


def test_merge_without_conflicts_exits_0(glossary: Path, tmp_path: Path) -> None:
    out = tmp_path / "merged.csv"
    code, stdout, _ = run("merge", str(glossary), str(glossary), "-o", str(out))
    assert (code, stdout) == (0, "")
    assert read_glossary(out) == read_glossary(glossary)


def test_merge_unreadable(glossary: Path, tmp_path: Path) -> None:
    code, _, err = run("merge", str(glossary), str(tmp_path / "nope.tbx"), "-o", "m.tbx")
    assert code == 2 and "nope.tbx: cannot read" in err


# -- lookup ----------------------------------------------------------------------------------


def test_lookup_inflected_shows_whole_concept(glossary: Path) -> None:
    code, out, _ = run("lookup", "ataques aéreos", "-g", str(glossary))
    assert code == 0
    assert out == (
        "airstrike\n"
        "  domain: military\n"
        "  definition: An attack by aircraft.\n"
        "  es: ataque aéreo (preferred)\n"
        "  en: airstrike (preferred)\n"
        "  en: air raid (admitted)\n"
    )


def test_lookup_any_language_and_lang_filter(glossary: Path) -> None:
    code, out, _ = run("lookup", "cease-fire", "-g", str(glossary), "--json")
    assert code == 0
    data = json.loads(out)
    assert [c["id"] for c in data] == ["ceasefire"]
    assert data[0]["terms"]["en"][1] == {"term": "cease-fire", "status": "deprecated"}
    code, out, err = run("lookup", "ceasefire", "-g", str(glossary), "--lang", "es")
    assert (code, out) == (1, "")
    assert err == "tqa: no concept matches 'ceasefire'\n"


def test_lookup_bad_input(glossary: Path, tmp_path: Path) -> None:
    code, _, err = run("lookup", "x", "-g", str(glossary), "--lang", "zz")
    assert code == 2 and "unknown language code 'zz'" in err
    code, _, err = run("lookup", "x", "-g", str(tmp_path / "none.tbx"))
    assert code == 2 and "glossary file not found" in err


# -- stats -----------------------------------------------------------------------------------


def test_stats(glossary: Path) -> None:
    code, out, _ = run("stats", str(glossary))
    assert code == 0
    assert out.splitlines() == [
        "concepts: 3",
        "terms: 8",
        "language   preferred    admitted  deprecated   forbidden       total",
        "en                 3           1           1           0           5",
        "es                 3           0           0           0           3",
    ]
    code, out, _ = run("stats", str(glossary), "--json")
    data = json.loads(out)
    assert data["languages"] == {
        "en": {"preferred": 3, "admitted": 1, "deprecated": 1},
        "es": {"preferred": 3},
    }
    assert data["domains"] == {"(none)": 2, "military": 1}


def test_stats_malformed(tmp_path: Path) -> None:
    broken = tmp_path / "broken.tbx"
    broken.write_text(MALFORMED_TBX, encoding="utf-8")
    code, _, err = run("stats", str(broken))
    assert code == 2 and "malformed XML" in err
