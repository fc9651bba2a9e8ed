"""The TMX reader streams: one ``<tu>`` at a time, with the results of the whole-file reader.

Expected values were produced by the former reader (translate-toolkit's ``tmxfile`` over the
whole document): unit order with a ``<tu>`` nested in another, a ``<header>`` after the
``<body>``, ids, lines, errors and which error wins.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.streamed import NONE, error_of, ids_then_error, read, rss_growth
from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments, xmlsafe

ES_EN = ReadOptions(src_lang="es", tgt_lang="en")
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n<tmx version="1.4">\n'


def tu(tuid: str, *tuvs: tuple[str, str]) -> str:
    inner = "".join(f'<tuv xml:lang="{lang}"><seg>{text}</seg></tuv>' for lang, text in tuvs)
    return f'<tu tuid="{tuid}">{inner}</tu>'


def write(tmp_path: Path, body: str, name: str = "x.tmx") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + body, encoding="utf-8")
    return path


def test_a_tu_nested_in_a_tu_comes_right_after_it_as_in_document_order(tmp_path: Path) -> None:
    inner = tu("i", ("es", "B"), ("en", "Bb"))
    body = (
        '<header srclang="es"/><body>'
        f'<tu tuid="o"><tuv xml:lang="es"><seg>A</seg></tuv>{inner}'
        '<tuv xml:lang="en"><seg>Aa</seg></tuv></tu>'
        f"{tu('z', ('es', 'C'))}</body></tmx>"
    )
    assert read(write(tmp_path, body)) == [
        ("o", "A", "Aa", "en", 3),
        ("i", "B", "Bb", "en", 3),
        ("z", "C", "", "en", 3),
    ]


def test_a_header_after_the_body_still_gives_the_source_language(tmp_path: Path) -> None:
    body = f'<body>{tu("a", ("es", "Hola"), ("fr", "Salut"))}</body><header srclang="es"/></tmx>'
    assert read(write(tmp_path, body)) == [("a", "Hola", "Salut", "fr", 3)]


def test_units_outside_the_body_are_read_too(tmp_path: Path) -> None:
    body = (
        f'<header srclang="es">{tu("h", ("es", "H"), ("en", "Hh"))}</header>'
        f"<body>{tu('a', ('es', 'Hola'), ('en', 'Hi'))}</body></tmx>"
    )
    assert [s[0] for s in read(write(tmp_path, body))] == ["h", "a"]


def test_the_target_language_is_guessed_from_the_safety_pass(tmp_path: Path) -> None:
    body = (
        '<header srclang="es"/><body>'
        f"{tu('1', ('es', 'a'), ('en', 'a'))}\n{tu('2', ('es', 'b'), ('FR', 'b'))}"
        "</body></tmx>"
    )
    path = write(tmp_path, body)
    assert error_of(path) == (
        "FILE:3: several candidate target languages (FR, en): pass --tgt-lang to choose one"
    )
    assert read(path, ReadOptions(tgt_lang="fr")) == [
        ("1", "a", "", "fr", 3),
        ("2", "b", "b", "FR", 4),
    ]


def test_a_header_error_names_the_line_where_its_start_tag_ends(tmp_path: Path) -> None:
    # as translate-toolkit's tree did (lxml's sourceline), though the safety pass sees line 3
    body = '<header\n  adminlang="en"\n  srclang="*all*"/>\n<body>' + tu("1", ("es", "a"))
    path = write(tmp_path, body + "</body></tmx>")
    assert error_of(path).startswith("FILE:5: no source language: <header> has no srclang")


def test_a_units_own_srclang_is_not_a_target_candidate(tmp_path: Path) -> None:
    body = (
        '<header srclang="*all*"/><body>'
        '<tu srclang="de" tuid="1"><tuv lang="de"><seg>Eins</seg></tuv>'
        '<tuv lang="en"><seg>One</seg></tuv></tu></body></tmx>'
    )
    path = write(tmp_path, body)
    assert error_of(path).startswith("FILE:3: no source language: <header> has no srclang")
    assert read(path, ReadOptions(src_lang="es")) == [("1", "Eins", "One", "en", 3)]


def test_a_late_duplicate_id_fails_after_the_earlier_segments(tmp_path: Path) -> None:
    body = '<header srclang="es"/><body>' + "\n".join(
        tu(t, ("es", t), ("en", t)) for t in ("a", "b", "a")
    )
    path = write(tmp_path, body + "</body></tmx>")
    assert ids_then_error(path) == (["a", "b"], "FILE:5 (unit a): duplicate tuid 'a'")


def test_duplicate_ids_are_exact_even_when_digests_collide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tqa.formats import ids

    monkeypatch.setattr(ids, "_id_key", lambda seg_id: 7)
    body = '<header srclang="es"/><body>' + "".join(
        tu(t, ("es", t), ("en", t)) for t in ("x", "y", "3", "z")
    )
    path = write(tmp_path, body + "</body></tmx>")
    assert [s[0] for s in read(path)] == ["x", "y", "3", "z"]
    # a <tu> without a tuid takes its line as id: line 4 repeats no earlier id, line 3 does
    path = write(tmp_path, body + '\n<tu><tuv xml:lang="es"><seg>s</seg></tuv></tu></body></tmx>')
    assert [s[0] for s in read(path)] == ["x", "y", "3", "z", "4"]
    path = write(tmp_path, body + '<tu><tuv xml:lang="es"><seg>s</seg></tuv></tu></body></tmx>')
    assert error_of(path) == "FILE:3: duplicate tuid '3'"


def test_malformed_xml_at_the_end_fails_before_any_segment(tmp_path: Path) -> None:
    body = '<header srclang="es"/><body>' + tu("a", ("es", "a"), ("en", "a")) + "\n</body></tmx"
    got: list[str] = []
    with pytest.raises(InputError) as caught:
        got.extend(s.id for s in read_segments(write(tmp_path, body), NONE))
    assert got == []
    assert caught.value.detail == "malformed XML: unclosed token"
    assert (caught.value.line, caught.value.column) == (4, 8)


@pytest.mark.parametrize(
    "body",
    [
        '<header srclang="es"/><body>' + tu("a", ("es", "añ"), ("en", "b")) + "</bodi></tmx>",
        '<header srclang="es"/><body><tu><tuv xml:lang="es"><seg>&nbsp;</seg></tuv></tu>',
        '<header srclang="es"/><body>\n\n<tu tuid="é"\x01></tu></body></tmx>',
    ],
)
def test_errors_are_located_the_same_whatever_the_block_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str
) -> None:
    path = write(tmp_path, body)
    whole = error_of(path)
    monkeypatch.setattr(xmlsafe, "_BLOCK", 7)
    assert error_of(path) == whole


def test_a_prefixed_root_is_not_read_as_tmx(tmp_path: Path) -> None:
    path = tmp_path / "p.tmx"
    path.write_text(
        '<t:tmx xmlns:t="urn:x" version="1.4"><t:header srclang="es"/><t:body/></t:tmx>',
        encoding="utf-8",
    )
    assert error_of(path, ES_EN) == "FILE: cannot read the file as TMX: "


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    # 40,000 units, about 14 MB: the whole-file reader held a tree of several hundred MB
    path = tmp_path / "big.tmx"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEAD + '<header srclang="es"/><body>\n')
        for n in range(40_000):
            text = f"Murieron {n} personas en Alepo, según la ONU " + "x" * 200
            handle.write(tu(f"t{n}", ("es", text), ("en", text)) + "\n")
        handle.write("</body></tmx>\n")
    small = tmp_path / "small.tmx"
    small.write_text(HEAD + '<header srclang="es"/><body/></tmx>', encoding="utf-8")
    count, grown_kb = rss_growth(small, path)
    assert count == 40_000
    assert grown_kb < 30_000, grown_kb
