"""XLIFF streams: one ``<trans-unit>`` (1.x) or ``<unit>`` (2.x) at a time, with the results
of the whole-file readers.

Expected values were produced by the former reader (translate-toolkit's ``xlifffile`` and
``Xliff2File`` over the whole document): unit order with groups and nested units, several
``<file>`` elements, ids, lines (lxml's: where a start tag ends), errors and lxml's own
messages. An XLIFF 2 document whose ``<segment>``s are not all children of ``<unit>``s (in an
order that streaming keeps) is read whole.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.formats.streamed import NONE, error_of, ids_then_error, read, rss_growth
from tqa.formats import read_segments

HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'
ROOT = '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">\n'
FILE = '<file original="a.txt" source-language="es" target-language="en" datatype="x"><body>'


def unit(uid: str, source: str, target: str | None = None, extra: str = "") -> str:
    written = f"<target>{target}</target>" if target is not None else ""
    return f'<trans-unit id="{uid}"{extra}><source>{source}</source>{written}</trans-unit>\n'


def write(tmp_path: Path, body: str, name: str = "x.xlf") -> Path:
    path = tmp_path / name
    path.write_text(HEAD + ROOT + body + "\n</xliff>\n", encoding="utf-8")
    return path


def test_groups_and_a_unit_nested_in_a_unit_keep_document_order(tmp_path: Path) -> None:
    nested = (
        '<trans-unit id="o"><source>O</source>'
        '<trans-unit id="i"><source>I</source><target>i</target></trans-unit>'
        "<target>o</target></trans-unit>"
    )
    body = FILE + '<group id="g"><group>' + unit("1", "A", "a") + "</group></group>"
    body += nested + unit("z", "Z", "z") + "</body></file>"
    assert read(write(tmp_path, body)) == [
        ("1", "A", "a", "en", 3),
        ("o", "O", "o", "en", 4),
        ("i", "I", "i", "en", 4),
        ("z", "Z", "z", "en", 4),
    ]


def test_several_files_are_several_documents(tmp_path: Path) -> None:
    second = '<file original="a.txt" source-language="es" target-language="fr"><body>'
    body = FILE + unit("1", "A", "a") + "</body></file>\n" + second + unit("1", "B", "b")
    path = write(tmp_path, body + "</body></file>")
    segments = list(read_segments(path, NONE))
    assert [(s.id, s.tgt_lang, s.document) for s in segments] == [
        ("a.txt#1", "en", f"{path}#a.txt"),
        ("a.txt[2]#1", "fr", f"{path}#a.txt[2]"),
    ]


def test_a_file_error_names_the_line_where_its_start_tag_ends(tmp_path: Path) -> None:
    body = '<file original="a"\n  source-language="es"\n  datatype="x"><body>' + unit("1", "A")
    path = write(tmp_path, body + "</body></file>")
    assert error_of(path) == (
        "FILE:5: <file original='a'> has no target-language attribute and no --tgt-lang was given"
    )


def test_a_late_duplicate_id_fails_after_the_earlier_segments(tmp_path: Path) -> None:
    body = FILE + unit("a", "A") + unit("b", "B") + unit("a", "C") + "</body></file>"
    path = write(tmp_path, body)
    assert ids_then_error(path) == (["a", "b"], "FILE:5 (unit a): duplicate unit id 'a'")


def test_duplicate_ids_are_exact_even_when_digests_collide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tqa.formats import ids

    monkeypatch.setattr(ids, "_id_key", lambda seg_id: 9)
    units = "".join(unit(u, u.upper()) for u in ("x", "y", "z"))
    assert [s[0] for s in read(write(tmp_path, FILE + units + "</body></file>"))] == [
        "x",
        "y",
        "z",
    ]
    path = write(tmp_path, FILE + units + unit("y", "Y") + "</body></file>")
    assert error_of(path) == "FILE:6 (unit y): duplicate unit id 'y'"


def test_a_unit_outside_any_file_is_an_error(tmp_path: Path) -> None:
    path = write(tmp_path, unit("0", "X") + FILE + unit("1", "A") + "</body></file>")
    assert error_of(path) == "FILE:3: translation unit outside a <file> element"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (  # a declaration expat takes and libxml2 refuses
            '<?xml version="8"?>\n' + ROOT + FILE + "</body></file></xliff>",
            "FILE:1: cannot read the file as XLIFF 1: Malformed declaration expecting version, "
            "line 1, column 18 (<string>, line 1)",
        ),
        (  # a namespace URI lxml only refuses at the end of the document
            HEAD
            + '<xliff version="1.2"\n xmlns:x="urn:oasis:names:tc: xliff:document:1.2">'
            + FILE
            + "</body></file></xliff>",
            "FILE:3: cannot read the file as XLIFF 1: xmlns:x: 'urn:oasis:names:tc: "
            "xliff:document:1.2' is not a valid URI, line 3, column 50 (<string>, line 3)",
        ),
        (  # translate-toolkit finds no <file> in the XLIFF namespace
            HEAD + ROOT + '<file xmlns="urn:y" original="a"/></xliff>',
            "FILE: cannot read the file as XLIFF 1: ",
        ),
    ],
)
def test_translate_toolkit_and_lxml_refusals_are_the_same_errors(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "r.xlf"
    path.write_text(text, encoding="utf-8")
    assert error_of(path) == message


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    # 40,000 units, about 13 MB: the whole-file reader held a tree of several hundred MB
    path = tmp_path / "big.xlf"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEAD + ROOT + FILE + "\n")
        for n in range(40_000):
            text = f"Murieron {n} personas en Alepo, según la ONU " + "x" * 200
            handle.write(unit(f"t{n}", text, text))
        handle.write("</body></file></xliff>\n")
    small = write(tmp_path, FILE + "</body></file>", "small.xlf")
    count, grown_kb = rss_growth(small, path)
    assert count == 40_000
    assert grown_kb < 30_000, grown_kb


X2_HEAD = (
    HEAD + '<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="es" '
    'trgLang="en">\n<file id="f1">\n'
)


def write2(tmp_path: Path, body: str, name: str = "x2.xlf") -> Path:
    path = tmp_path / name
    path.write_text(X2_HEAD + body + "</file>\n</xliff>\n", encoding="utf-8")
    return path


def seg(source: str, target: str | None = None, extra: str = "") -> str:
    written = f"<target>{target}</target>" if target is not None else ""
    return f"<segment{extra}><source>{source}</source>{written}</segment>"


def test_xliff2_ids_of_several_segments_in_a_unit(tmp_path: Path) -> None:
    body = (
        '<unit id="u1">'
        + seg("A", "a")
        + seg("B", "b", ' id="s2" state="initial"')
        + "<ignorable><source> </source></ignorable>"
        + seg("C")
        + "</unit>\n"
    )
    segments = list(read_segments(write2(tmp_path, body), NONE))
    assert [(s.id, s.source, s.target, sorted(s.flags)) for s in segments] == [
        ("u1::segment-1", "A", "a", []),
        ("u1::s2", "B", "b", ["fuzzy"]),
        ("u1::segment-3", "C", "", []),
    ]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (  # a unit inside a unit, after a segment of the outer one
            '<unit id="o">'
            + seg("O", "o")
            + '<unit id="i">'
            + seg("I", "i")
            + "</unit>"
            + seg("P")
            + "</unit>",
            [("o::segment-1", "O"), ("i", "I"), ("o::segment-2", "P")],
        ),
        (  # a segment straight in a group: translate-toolkit takes the group for its unit
            '<group id="g">' + seg("X") + "</group>" + '<unit id="u1">' + seg("A") + "</unit>",
            [("g", "X"), ("u1", "A")],
        ),
    ],
)
def test_xliff2_of_another_shape_is_read_whole_with_the_same_results(
    tmp_path: Path, body: str, expected: list[tuple[str, str]]
) -> None:
    segments = list(read_segments(write2(tmp_path, body), NONE))
    assert [(s.id, s.source) for s in segments] == expected


def test_xliff2_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    path = tmp_path / "big2.xlf"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(X2_HEAD)
        for n in range(40_000):
            text = f"Murieron {n} personas en Alepo, según la ONU " + "x" * 200
            handle.write(f'<unit id="u{n}">' + seg(text, text) + "</unit>\n")
        handle.write("</file></xliff>\n")
    small = write2(tmp_path, "", "small2.xlf")
    count, grown_kb = rss_growth(small, path)
    assert count == 40_000
    assert grown_kb < 30_000, grown_kb
