"""Consistency of the seed article pair in seeds/ (Spanish source, English EFE-derived target)."""

from __future__ import annotations

import csv
import json
import re
from pathlib import Path

import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
SEED_FILE = SEEDS / "000_daea8e3b6d26c690.txt"
CREDIT = "Translation by Iurie Tataru"
JSONL_KEYS = ["id", "source", "target", "src_lang", "tgt_lang"]


def _lines(name: str) -> list[str]:
    return (SEEDS / name).read_text(encoding="utf-8").splitlines()


def _jsonl() -> list[dict[str, str]]:
    return [json.loads(line) for line in _lines("aleppo.es-en.jsonl") if line.strip()]


def _group(paragraphs: list[str], sentences: list[str]) -> list[int]:
    """Consume ``sentences`` in order, paragraph by paragraph; return how many each one took.

    Fails unless the sentences of every paragraph, joined with single spaces, give the
    paragraph exactly and nothing is left over.
    """
    sizes: list[int] = []
    pos = 0
    for number, paragraph in enumerate(paragraphs, 1):
        taken: list[str] = []
        while " ".join(taken) != paragraph:
            assert pos < len(sentences), f"paragraph {number}: ran out of sentences"
            taken.append(sentences[pos])
            pos += 1
            joined = " ".join(taken)
            assert paragraph == joined or paragraph.startswith(joined + " "), (
                f"paragraph {number}: segment {pos} does not continue the paragraph"
            )
        sizes.append(len(taken))
    assert pos == len(sentences), f"{len(sentences) - pos} segments left over"
    return sizes


def test_seed_copy_ends_with_translator_credit_and_holds_the_english() -> None:
    seed = SEED_FILE.read_text(encoding="utf-8").splitlines()
    assert seed[-1] == CREDIT
    assert seed[:-1] == _lines("aleppo.en.txt")
    assert CREDIT not in (SEEDS / "aleppo.en.txt").read_text(encoding="utf-8")


def test_paragraph_counts_match() -> None:
    assert len(_lines("aleppo.es.txt")) == len(_lines("aleppo.en.txt")) == 10
    assert all(line.strip() == line and line for line in _lines("aleppo.es.txt"))


def test_jsonl_records() -> None:
    records = _jsonl()
    assert len(records) == 10
    for number, record in enumerate(records, 1):
        assert list(record) == JSONL_KEYS
        assert record["id"] == f"s{number:02d}"
        assert record["src_lang"] == "es"
        assert record["tgt_lang"] == "en"
        for key in ("source", "target"):
            text = record[key]
            assert text and text.strip() == text
            assert "\t" not in text and "\n" not in text
    assert (
        records[0]["target"] == "Aleppo bombings: Syrian and Russian strikes amid rebel offensive"
    )


def test_tsv_agrees_with_jsonl() -> None:
    with (SEEDS / "aleppo.es-en.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert rows[0] == ["id", "source", "target"]
    assert all(len(row) == 3 for row in rows)
    assert rows[1:] == [[r["id"], r["source"], r["target"]] for r in _jsonl()]


def test_sentences_rebuild_both_articles_with_the_same_split() -> None:
    records = _jsonl()
    en_sizes = _group(_lines("aleppo.en.txt"), [r["target"] for r in records])
    es_sizes = _group(_lines("aleppo.es.txt"), [r["source"] for r in records])
    assert en_sizes == es_sizes
    assert sum(en_sizes) == len(records)


@pytest.mark.parametrize("record", _jsonl(), ids=lambda r: r["id"])
def test_numbers_survive_in_each_segment(record: dict[str, str]) -> None:
    def digits(text: str) -> list[str]:
        return sorted(re.findall(r"\d+", text))

    assert digits(record["source"]) == digits(record["target"])


def test_spanish_uses_agency_style_names() -> None:
    spanish = (SEEDS / "aleppo.es.txt").read_text(encoding="utf-8")
    for phrase in (
        "el Observatorio Sirio de Derechos Humanos (OSDH)",
        "el Organismo de Liberación del Levante",
        "la Administración de Operaciones Militares",
        "Bashar al Asad",
        "cuatro días de combates",
        "al menos 311 personas",
        "183 combatientes islamistas",
        "el 27 de noviembre",
        "hace 13 años",
        "la segunda ciudad más grande de Siria",
        "el sábado",
        "Hizbulá",
    ):
        assert phrase in spanish, phrase
