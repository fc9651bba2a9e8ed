"""The sentence aligner: each bead type, paragraph barriers, ids and confidences."""

from __future__ import annotations

from tqa.align import align_documents, text_document
from tqa.align.aligner import Alignment
from tqa.align.pairs import pairs_of

ES = [
    "Aviones rusos bombardearon el sábado varios barrios de Alepo, en el norte de Siria.",
    "Según el OSDH, al menos 311 personas han muerto desde el inicio de la ofensiva, el 27 de "
    "noviembre.",
    "Entre los fallecidos hay 28 civiles.",
    "Turquía pidió el fin inmediato de los bombardeos.",
]
EN = [
    "Russian jets bombed several districts of Aleppo, in northern Syria, on Saturday.",
    "According to SOHR, at least 311 people have died since the offensive began on November 27.",
    "Among the dead are 28 civilians.",
    "Turkey called for an immediate end to the bombing.",
]


def align(src: list[str] | str, tgt: list[str] | str) -> Alignment:
    """Align texts given as one paragraph (a list of sentences) or as lines (a string)."""
    src_text = " ".join(src) if isinstance(src, list) else src
    tgt_text = " ".join(tgt) if isinstance(tgt, list) else tgt
    return align_documents(text_document(src_text), text_document(tgt_text), "es", "en")


def shape(alignment: Alignment) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(bead.src, bead.tgt) for bead in alignment.beads]


def test_one_to_one() -> None:
    result = align(ES, EN)
    assert shape(result) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert [s.text for s in result.src] == ES
    assert [t.text for t in result.tgt] == EN
    assert all(0.9 <= bead.confidence <= 1.0 for bead in result.beads)


def test_two_to_one_merge() -> None:
    merged = EN[1][:-1] + "; among the dead are 28 civilians."
    result = align(ES, [EN[0], merged, EN[3]])
    assert shape(result) == [((0,), (0,)), ((1, 2), (1,)), ((3,), (2,))]
    assert result.beads[1].kind == "2-1"


def test_one_to_two_split() -> None:
    split = [
        "According to SOHR, at least 311 people have died.",
        "The offensive began on November 27.",
    ]
    result = align(ES, [EN[0], *split, EN[2], EN[3]])
    assert shape(result) == [((0,), (0,)), ((1,), (1, 2)), ((2,), (3,)), ((3,), (4,))]


def test_one_to_zero_omission() -> None:
    result = align(ES, [EN[0], EN[1], EN[3]])
    assert shape(result) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]
    assert result.omitted() == [2]
    assert result.added() == []
    assert 0.5 < result.beads[2].confidence <= 1.0


def test_zero_to_one_addition() -> None:
    extra = "The figures could not be independently verified."
    result = align(ES, [EN[0], EN[1], extra, EN[2], EN[3]])
    assert shape(result) == [((0,), (0,)), ((1,), (1,)), ((), (2,)), ((2,), (3,)), ((3,), (4,))]
    assert result.added() == [2]
    assert result.omitted() == []


def test_two_to_two() -> None:
    src = [
        "El ejército tomó la ciudad el lunes tras tres días de combates y 40 muertos, según la "
        "ONU.",
        "El martes huyeron 5.000 personas hacia el norte.",
    ]
    tgt = [
        "The army took the city on Monday after three days of fighting.",
        "The UN said 40 people were killed, and on Tuesday 5,000 people fled north.",
    ]
    result = align(src, tgt)
    assert shape(result) == [((0, 1), (0, 1))]
    assert result.beads[0].kind == "2-2"


ES_PARAS = (
    "Los rebeldes tomaron el aeropuerto de Alepo el sábado por la mañana.\n"
    "Hubo cortes de luz en Alepo.\n"
    "La ONU pidió una tregua de 72 horas en Alepo."
)
EN_PARAS = (
    "Rebels took the airport on Saturday morning.\nThe UN called for a 72-hour truce in Aleppo."
)


def test_paragraph_barrier_keeps_an_omission_inside_its_paragraph() -> None:
    # The short sentence of paragraph 2 shares "Alepo" with paragraph 3, but merging across
    # the paragraph boundary costs more than leaving it out.
    result = align(ES_PARAS, EN_PARAS)
    assert shape(result) == [((0,), (0,)), ((1,), ()), ((2,), (1,))]
    assert [s.paragraph for s in result.src] == [0, 1, 2]


def test_without_paragraphs_the_same_text_merges() -> None:
    # The same sentences as one paragraph each: nothing stops the 2-1 merge.
    result = align(ES_PARAS.replace("\n", " "), EN_PARAS.replace("\n", " "))
    assert shape(result) == [((0,), (0,)), ((1, 2), (1,))]


def test_paragraph_barrier_is_soft() -> None:
    # The translation moved a sentence to the next paragraph: still aligned 1-1.
    src = (
        "Los rebeldes tomaron el aeropuerto de Alepo el sábado por la mañana. Hubo cortes de "
        "luz.\nLa ONU pidió una tregua de 72 horas en toda la provincia."
    )
    tgt = (
        "Rebels took Aleppo airport on Saturday morning.\nThere were power cuts. The UN called "
        "for a 72-hour truce across the province."
    )
    result = align(src, tgt)
    assert shape(result) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,))]
    assert result.beads[1].confidence < result.beads[0].confidence


RU = [
    "В субботу российские самолёты бомбили несколько районов Алеппо на севере Сирии.",
    "По данным СОПЧ, с начала наступления 27 ноября погибли не менее 311 человек.",
    "Среди погибших 28 мирных жителей.",
    "Турция призвала немедленно прекратить бомбардировки.",
]


def test_pair_without_shared_script_aligns_on_length_and_numbers() -> None:
    def run(target: list[str]) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
        doc = align_documents(
            text_document(" ".join(EN)), text_document(" ".join(target)), "en", "ru"
        )
        return shape(doc)

    assert run(RU) == [((0,), (0,)), ((1,), (1,)), ((2,), (2,)), ((3,), (3,))]
    assert run([RU[0], RU[1], RU[3]]) == [((0,), (0,)), ((1,), (1,)), ((2,), ()), ((3,), (2,))]


def test_empty_documents() -> None:
    assert shape(align("", "")) == []
    assert shape(align(ES, "")) == [((0,), ()), ((1,), ()), ((2,), ()), ((3,), ())]
    assert shape(align("", EN[:2])) == [((), (0,)), ((), (1,))]


def test_pairs_ids_flags_and_origin() -> None:
    result = align(ES, [EN[0], EN[1], EN[3], "The figures are provisional."])
    pairs = list(pairs_of(result, "a.es.txt", "a.en.txt", "es", "en"))
    assert [p.segment.id for p in pairs] == [
        "p1.s1-p1.s1",
        "p1.s2-p1.s2",
        "p1.s3-none",
        "p1.s4-p1.s3",
        "none-p1.s4",
    ]
    omission, addition = pairs[2].segment, pairs[4].segment
    assert (omission.source, omission.target, omission.flags) == (ES[2], "", {"omission"})
    assert (addition.source, addition.target, addition.flags) == (
        "",
        "The figures are provisional.",
        {"addition"},
    )
    assert str(omission.origin) == "a.es.txt:1#p1.s3-none"
    assert str(addition.origin) == "a.en.txt:1#none-p1.s4"
    assert {p.segment.document for p in pairs} == {"a.es.txt"}
    record = pairs[1].to_dict()
    assert record["src_sents"] == [1] and record["tgt_sents"] == [1]
    assert record["flags"] == []
    assert isinstance(record["confidence"], float) and 0.0 <= record["confidence"] <= 1.0


def test_glossary_terms_are_anchors() -> None:
    from tqa.align.anchors import sentence_anchors

    def terms(text: str, lang: str) -> list[tuple[str, int, int]]:
        for name in ("HTS", "Organismo de Liberación del Levante"):
            if name in text:
                return [("hts", text.index(name), text.index(name) + len(name))]
        return []

    es = sentence_anchors("El Organismo de Liberación del Levante avanzó.", "es", terms=terms)
    en = sentence_anchors("Ayer HTS avanzó.", "en", terms=terms)
    assert es.keys[("term", "hts")] == 1
    assert en.keys[("term", "hts")] == 1
    # the words of a term are not names again
    assert not [k for k in es.keys if k[0] == "name"]
    assert not [k for k in en.keys if k[0] == "name"]


def test_month_names_inside_dates_are_not_names() -> None:
    from tqa.align.anchors import sentence_anchors

    en = sentence_anchors("It began on November 27 in Aleppo.", "en")
    assert ("num", ("date", (11, 27))) in en.keys
    assert [k for k in en.keys if k[0] == "name"] == [("name", "alepo")]


def test_numbers_anchor_by_value() -> None:
    from tqa.align.anchors import compare, sentence_anchors

    es = sentence_anchors("Huyeron 4.000 personas.", "es")
    en = sentence_anchors("4,000 people fled.", "en")
    matched, unmatched = compare(es.keys, en.keys)
    assert ("num", ("num", 4000)) in es.keys
    assert ("num", ("num", 4000)) in en.keys
    assert unmatched == 0.0
    assert matched >= 3.0
