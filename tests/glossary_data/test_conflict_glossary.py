"""Validity of the curated conflict glossary corpora/glossaries/conflict-syria.csv."""

from __future__ import annotations

import csv
import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
GLOSSARY = ROOT / "corpora" / "glossaries" / "conflict-syria.csv"
SEED_PAIR = ROOT / "seeds" / "aleppo.es-en.jsonl"

HEADER = [
    "concept_id",
    "lang",
    "term",
    "status",
    "term_type",
    "case_sensitive",
    "match",
    "domain",
    "definition",
    "note",
]
LANGS = {"en", "es", "fr", "ar", "de", "ru"}
STATUSES = {"preferred", "admitted", "deprecated", "forbidden", ""}
TERM_TYPES = {"fullForm", "acronym", "abbreviation", ""}
DOMAINS = {
    "armed-group",
    "state-force",
    "country",
    "organization",
    "person",
    "place",
    "office",
    "conflict-vocabulary",
    "community",
}
# Domains whose terms are names: they must line up one to one in the seed pair.
NAME_DOMAINS = {
    "armed-group",
    "state-force",
    "country",
    "organization",
    "person",
    "place",
    "office",
}

ARABIC = re.compile(r"[\u0600-\u06FF]")
CYRILLIC = re.compile(r"[\u0400-\u04FF]")
LATIN = re.compile(r"[A-Za-z\u00C0-\u024F]")


def _rows() -> list[list[str]]:
    with GLOSSARY.open(encoding="utf-8", newline="") as handle:
        return list(csv.reader(handle))


def _records() -> list[dict[str, str]]:
    rows = _rows()
    return [dict(zip(HEADER, row, strict=True)) for row in rows[1:]]


def _concepts() -> dict[str, list[dict[str, str]]]:
    grouped: dict[str, list[dict[str, str]]] = defaultdict(list)
    for record in _records():
        grouped[record["concept_id"]].append(record)
    return dict(grouped)


def _terms(concept: str, lang: str) -> dict[str, dict[str, str]]:
    return {r["term"]: r for r in _concepts()[concept] if r["lang"] == lang}


def test_header_and_row_width() -> None:
    rows = _rows()
    assert rows[0] == HEADER
    widths = Counter(len(row) for row in rows)
    assert widths == Counter({10: len(rows)})


def test_file_is_utf8_without_bom_and_ends_with_newline() -> None:
    raw = GLOSSARY.read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    raw.decode("utf-8")
    assert raw.endswith(b"\n")


def test_field_values_are_known() -> None:
    for number, r in enumerate(_records(), 2):
        where = f"line {number}: {r['term']!r}"
        assert re.fullmatch(r"[a-z][a-z0-9_]*", r["concept_id"]), where
        assert r["lang"] in LANGS, where
        assert r["status"] in STATUSES, where
        assert r["term_type"] in TERM_TYPES, where
        assert r["case_sensitive"] in {"true", "false", ""}, where
        assert r["match"] in {"inflect", "exact", ""}, where
        assert r["domain"] in DOMAINS | {""}, where
        term = r["term"]
        assert term and term == term.strip() and "  " not in term, where


def test_at_least_sixty_concepts_with_rows_kept_together() -> None:
    order = [r["concept_id"] for r in _records()]
    runs = [cid for i, cid in enumerate(order) if i == 0 or order[i - 1] != cid]
    assert len(runs) == len(set(runs)), "a concept's rows are split"
    assert len(set(order)) >= 60


def test_no_duplicate_terms_within_a_concept() -> None:
    keys = Counter((r["concept_id"], r["lang"], r["term"]) for r in _records())
    assert [key for key, n in keys.items() if n > 1] == []


def test_concept_level_fields_on_first_row() -> None:
    for cid, rows in _concepts().items():
        first = rows[0]
        assert first["domain"] in DOMAINS, cid
        assert first["definition"], cid
        assert first["note"], cid


def test_every_language_of_a_concept_has_a_preferred_term() -> None:
    missing = []
    for cid, rows in _concepts().items():
        for lang in sorted({r["lang"] for r in rows}):
            if not any(r["lang"] == lang and r["status"] == "preferred" for r in rows):
                missing.append((cid, lang))
    assert missing == []


def test_scripts_match_languages() -> None:
    for r in _records():
        term, lang = r["term"], r["lang"]
        if lang == "ar":
            assert ARABIC.search(term) and not LATIN.search(term), term
        elif lang == "ru" and r["concept_id"] != "efe":
            assert CYRILLIC.search(term) and not LATIN.search(term), term
        else:
            assert not ARABIC.search(term) and not CYRILLIC.search(term), term


def test_acronyms_are_typed_and_matched_exactly() -> None:
    for term in ("HTS", "SOHR", "OSDH", "SDF", "FDS", "ISIS", "ONU", "CICR", "ООН"):
        rows = [r for r in _records() if r["term"] == term]
        assert rows, term
        for r in rows:
            assert r["term_type"] == "acronym", (term, r["concept_id"])
            assert r["match"] == "exact", (term, r["concept_id"])


def test_country_names_match_exactly_in_languages_without_case_forms() -> None:
    countries = {cid for cid, rows in _concepts().items() if rows[0]["domain"] == "country"}
    assert len(countries) == 8
    checked = 0
    for r in _records():
        if r["concept_id"] not in countries or r["term_type"] in {"acronym", "abbreviation"}:
            continue
        expected = "exact" if r["lang"] in {"en", "es", "fr"} else ""
        assert r["match"] == expected, (r["concept_id"], r["lang"], r["term"])
        checked += 1
    assert checked == 51  # 7 syria, 7 turkey, 6 x4, 5 united_states, 8 united_kingdom


def test_hts_statuses() -> None:
    en = _terms("hts", "en")
    assert {t: (r["status"], r["term_type"]) for t, r in en.items()} == {
        "Hayat Tahrir al-Sham": ("preferred", "fullForm"),
        "HTS": ("admitted", "acronym"),
        "Levant Liberation Organization": ("deprecated", ""),
    }
    es = _terms("hts", "es")
    assert es["Hayat Tahrir al Sham"]["status"] == "preferred"
    assert es["Organismo de Liberación del Levante"]["status"] == "admitted"
    assert _terms("hts", "ar")["هيئة تحرير الشام"]["status"] == "preferred"


@pytest.mark.parametrize(
    ("concept", "lang", "term", "status"),
    [
        ("ceasefire", "en", "ceasefire", "preferred"),
        ("ceasefire", "en", "cease-fire", "deprecated"),
        ("islamic_state", "en", "Islamic State", "preferred"),
        ("islamic_state", "en", "ISIL", "deprecated"),
        ("islamic_state", "en", "Daesh", "deprecated"),
        ("hezbollah", "es", "Hizbulá", "preferred"),
        ("bashar_al_assad", "es", "Bashar al Asad", "preferred"),
        ("bashar_al_assad", "ru", "Башар Асад", "preferred"),
        ("bashar_al_assad", "ar", "بشار الأسد", "preferred"),
        ("aleppo", "fr", "Alep", "preferred"),
        ("aleppo", "ar", "حلب", "preferred"),
        ("airstrike", "ru", "авиаудар", "preferred"),
        ("airstrike", "de", "Luftangriff", "preferred"),
        ("sohr", "es", "OSDH", "admitted"),
        ("militia", "ru", "милиция", "forbidden"),
    ],
)
def test_key_statuses(concept: str, lang: str, term: str, status: str) -> None:
    assert _terms(concept, lang)[term]["status"] == status


def _pattern(record: dict[str, str]) -> re.Pattern[str]:
    sensitive = record["case_sensitive"] == "true" or (
        record["case_sensitive"] == "" and record["term_type"] == "acronym"
    )
    flags = 0 if sensitive else re.IGNORECASE
    return re.compile(r"(?<!\w)" + re.escape(record["term"]) + r"(?!\w)", flags)


SEED_NAMES = {
    "s01": {"aleppo"},
    "s02": {"syria", "turkey", "sohr", "efe", "aleppo"},
    "s03": {
        "iran_backed_militias",
        "syria",
        "iran",
        "russia",
        "sohr",
        "bashar_al_assad",
        "aleppo",
        "president",
    },
    "s04": {"hts", "ngo", "aleppo", "ankara", "al_furqan"},
    "s05": {"united_kingdom", "sohr", "aleppo"},
    "s06": {"military_operations_administration", "syria", "aleppo", "idlib", "province"},
    "s07": {"sohr", "aleppo", "al_safira", "governor"},
    "s08": {
        "iran_backed_militias",
        "turkish_backed_factions",
        "syrian_arab_army",
        "ngo",
        "aleppo",
        "idlib",
        "damascus",
    },
    "s09": {"syria", "turkey", "bashar_al_assad", "damascus", "ankara"},
    "s10": {"hezbollah", "syria", "israel", "lebanon", "damascus"},
}


def test_seed_pair_names_line_up() -> None:
    """Each name concept is found on both sides of a seed segment or on neither."""
    segments = [json.loads(line) for line in SEED_PAIR.read_text(encoding="utf-8").splitlines()]
    found: dict[str, set[str]] = {seg["id"]: set() for seg in segments}
    unmatched = []
    for cid, rows in _concepts().items():
        if rows[0]["domain"] not in NAME_DOMAINS:
            continue
        en = [_pattern(r) for r in rows if r["lang"] == "en"]
        es = [_pattern(r) for r in rows if r["lang"] == "es"]
        for seg in segments:
            in_en = any(p.search(seg["target"]) for p in en)
            in_es = any(p.search(seg["source"]) for p in es)
            if in_en != in_es:
                unmatched.append((seg["id"], cid, in_es, in_en))
            if in_en:
                found[seg["id"]].add(cid)
    assert unmatched == []
    assert found == SEED_NAMES


def test_seed_uses_the_deprecated_calque_for_hts() -> None:
    """The seed's English uses the deprecated calque of EFE's name for HTS."""
    segment = json.loads(SEED_PAIR.read_text(encoding="utf-8").splitlines()[3])
    hits = [
        (r["term"], r["status"])
        for r in _concepts()["hts"]
        if r["lang"] == "en" and _pattern(r).search(segment["target"])
    ]
    assert hits == [("Levant Liberation Organization", "deprecated")]
