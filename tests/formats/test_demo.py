"""Every demo corpus reads to exactly the same segments, whatever its format."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tqa.core.model import Origin, Segment
from tqa.formats import ReadOptions, read_segments

DEMO = Path(__file__).resolve().parents[2] / "corpora" / "demo"

PAIRS = [
    (
        "Al menos 42 civiles murieron el martes en bombardeos aéreos sobre la ciudad de Idlib, "
        "según el Observatorio Sirio para los Derechos Humanos.",
        "At least 42 civilians were killed on Tuesday in air strikes on the city of Idlib, "
        "according to the Syrian Observatory for Human Rights.",
    ),
    (
        "Hayat Tahrir al Sham (HTS) tomó el control de la mayor parte de Alepo el 30 de noviembre.",
        "Hayat Tahrir al-Sham (HTS) took control of most of Aleppo on November 30.",
    ),
    (
        "Más de 1.500 familias huyeron hacia la frontera con Turquía en las últimas 48 horas.",
        "More than 1,300 families fled towards the Turkish border in the last 48 hours.",
    ),
    (
        "La ONU calcula que 2,5 millones de personas necesitan ayuda humanitaria en el noroeste "
        "del país.",
        "The UN estimates that 2.5 million people need humanitarian aid in the north-west of the "
        "country.",
    ),
    ("El convoy de ayuda llegó a Hama con 20 camiones de alimentos y medicinas.", ""),
    (
        "El Gobierno de Damasco no ha hecho comentarios sobre el ataque.",
        "The government in Damascus has not commented on the attack.",
    ),
    (
        'Un portavoz de los Cascos Blancos dijo: "Los hospitales están desbordados".',
        'A White Helmets spokesperson said: "The hospitals are overwhelmed."',
    ),
]
IDS = tuple(f"s{n}" for n in range(1, 8))
ES_EN = ReadOptions(src_lang="es", tgt_lang="en")


def expected(
    name: str,
    lines: list[int],
    *,
    ids: Sequence[str] = IDS,
    units: bool = False,
    fuzzy: frozenset[str] = frozenset(),
) -> list[Segment]:
    path = str(DEMO / name)
    return [
        Segment(
            id=seg_id,
            source=source,
            target=target,
            src_lang="es",
            tgt_lang="en",
            reference=None,
            origin=Origin(path, line=line, unit=seg_id if units else None),
            document=path,
            flags=frozenset({"fuzzy"}) if seg_id in fuzzy else frozenset(),
        )
        for seg_id, (source, target), line in zip(ids, PAIRS, lines, strict=True)
    ]


def read(name: str, options: ReadOptions | None = None) -> list[Segment]:
    return list(read_segments(DEMO / name, options or ReadOptions()))


def test_jsonl_demo_carries_its_own_languages() -> None:
    assert read("demo.es-en.jsonl") == expected("demo.es-en.jsonl", [1, 2, 3, 4, 5, 6, 7])


def test_jsonl_languages_in_the_file_win_over_the_options() -> None:
    segments = read("demo.es-en.jsonl", ReadOptions(src_lang="fr", tgt_lang="de"))
    assert {(s.src_lang, s.tgt_lang) for s in segments} == {("es", "en")}


def test_tsv_demo() -> None:
    assert read("demo.es-en.tsv", ES_EN) == expected("demo.es-en.tsv", [2, 3, 4, 5, 6, 7, 8])


def test_csv_demo() -> None:
    assert read("demo.es-en.csv", ES_EN) == expected("demo.es-en.csv", [2, 3, 4, 5, 6, 7, 8])


def test_parallel_text_demo() -> None:
    options = ReadOptions(src_lang="es", tgt_lang="en", target=DEMO / "demo.en.txt")
    lines = [1, 2, 3, 4, 5, 6, 7]
    assert read("demo.es.txt", options) == expected(
        "demo.es.txt", lines, ids=[str(n) for n in lines]
    )


def test_xliff12_demo() -> None:
    assert read("demo.xlf") == expected(
        "demo.xlf", [5, 9, 13, 17, 21, 24, 28], units=True, fuzzy=frozenset({"s3"})
    )


def test_xliff20_demo() -> None:
    assert read("demo.xliff2.xlf") == expected(
        "demo.xliff2.xlf", [5, 11, 17, 23, 29, 34, 40], units=True, fuzzy=frozenset({"s3"})
    )


def test_tmx_demo() -> None:
    assert read("demo.tmx") == expected("demo.tmx", [7, 11, 15, 19, 23, 26, 30], units=True)


def test_po_demo() -> None:
    # PO has no ids: the msgid is the identity.
    assert read("demo.en.po") == expected(
        "demo.en.po",
        [11, 15, 19, 24, 28, 32, 36],
        ids=[source for source, _ in PAIRS],
        fuzzy=frozenset({PAIRS[2][0]}),
    )


@pytest.mark.parametrize(
    ("name", "options"),
    [
        ("demo.es-en.jsonl", ReadOptions()),
        ("demo.es-en.tsv", ES_EN),
        ("demo.es-en.csv", ES_EN),
        ("demo.es.txt", ReadOptions(src_lang="es", tgt_lang="en", target=DEMO / "demo.en.txt")),
        ("demo.xlf", ReadOptions()),
        ("demo.xliff2.xlf", ReadOptions()),
        ("demo.tmx", ReadOptions()),
        ("demo.en.po", ReadOptions()),
    ],
)
def test_every_demo_has_the_same_content(name: str, options: ReadOptions) -> None:
    segments = read(name, options)
    assert [(s.source, s.target) for s in segments] == PAIRS
    assert {(s.src_lang, s.tgt_lang) for s in segments} == {("es", "en")}


def test_demo_corpora_are_all_listed() -> None:
    names = sorted(p.name for p in DEMO.iterdir())
    assert names == [
        "demo.en.po",
        "demo.en.txt",
        "demo.es-en.csv",
        "demo.es-en.jsonl",
        "demo.es-en.tsv",
        "demo.es.txt",
        "demo.tmx",
        "demo.xlf",
        "demo.xliff2.xlf",
    ]
