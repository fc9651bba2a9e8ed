"""The benchmark generator: deterministic, same segments in JSONL and PO, errors as labelled."""

from __future__ import annotations

import importlib.util
import itertools
import json
import sys
from collections import Counter
from pathlib import Path
from types import ModuleType

from tests.conftest import ROOT
from tqa.formats import read_segments
from tqa.glossary.io import read_glossary


def load(name: str) -> ModuleType:
    path = ROOT / "benchmarks" / "perf" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(f"perf_{name}", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


generate = load("generate")


def test_same_seed_same_files_other_seed_other_files(tmp_path: Path) -> None:
    generate.generate(300, tmp_path / "a", seed=3)
    generate.generate(300, tmp_path / "b", seed=3)
    generate.generate(300, tmp_path / "c", seed=4)
    for rel in ("jsonl/es-en.jsonl", "po/ar-en.po", "glossary.csv", "manifest.json"):
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes()
    a = (tmp_path / "a" / "jsonl" / "en-fr.jsonl").read_bytes()
    assert a != (tmp_path / "c" / "jsonl" / "en-fr.jsonl").read_bytes()


def test_jsonl_and_po_hold_the_same_segments(tmp_path: Path) -> None:
    manifest = generate.generate(240, tmp_path, seed=1)
    assert manifest["pairs"] == ["es-en", "en-es", "en-fr", "de-en", "en-ru", "ar-en"]
    total = 0
    for pair in manifest["pairs"]:
        src, tgt = pair.split("-")
        rows = list(read_segments(tmp_path / "jsonl" / f"{pair}.jsonl"))
        po = list(read_segments(tmp_path / "po" / f"{pair}.po"))
        assert len(rows) == len(po) > 0
        assert {(s.src_lang, s.tgt_lang) for s in rows + po} == {(src, tgt)}
        assert [f"{s.id}::{s.source}" for s in rows] == [s.id for s in po]
        assert [(s.source, s.target) for s in rows] == [(s.source, s.target) for s in po]
        total += len(rows)
    assert total == 240
    assert sum(manifest["kinds"].values()) == 240
    saved = json.loads((tmp_path / "manifest.json").read_text(encoding="utf-8"))
    assert saved["kinds"] == manifest["kinds"]


def test_errors_are_what_their_kind_says() -> None:
    gen = generate.Generator(seed=1)
    pairs = list(gen.pairs(3000))
    kinds = Counter(p.kind for p in pairs)
    assert set(kinds) == {
        "clean",
        "repeat",
        "changed-number",
        "empty-target",
        "doubled-word",
        "untranslated",
        "deprecated-term",
    }
    assert kinds["clean"] > 2400
    for pair in pairs:
        if pair.kind == "empty-target":
            assert pair.target == "" and pair.source != ""
        elif pair.kind == "untranslated":
            assert pair.target == pair.source
        elif pair.kind == "doubled-word":
            words = pair.target.split(" ")
            assert any(a == b for a, b in itertools.pairwise(words))
    assert len({p.id for p in pairs}) == 3000


def test_locale_number_formats() -> None:
    assert generate.format_number(12345.5, "en", 1) == "12,345.5"
    assert generate.format_number(12345.5, "es", 1) == "12.345,5"
    assert generate.format_number(2500, "es") == "2500"
    assert generate.format_number(12345, "fr") == "12\u202f345"
    assert generate.format_number(12345, "ru") == "12\u00a0345"
    assert generate.format_number(1234.5, "ar", 1, native=True) == "١٬٢٣٤٫٥"
    assert generate.format_date(27, 11, "es") == "27 de noviembre"
    assert generate.format_date(27, 11, "de") == "27. November"


def test_glossary_has_1000_concepts_including_the_curated_ones(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    from tqa.glossary.io import write_glossary

    write_glossary(generate.synthetic_glossary(seed=1), path)
    glossary = read_glossary(path)
    curated = read_glossary(ROOT / "corpora" / "glossaries" / "conflict-syria.csv")
    assert len(glossary) == 1000
    assert all(c.id in glossary for c in curated)
    assert len(glossary["hts"].terms) == len(curated["hts"].terms)
