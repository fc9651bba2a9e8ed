"""XLIFF 1.2, XLIFF 2.0 and TMX specifics beyond the demo files."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments


def write(tmp_path: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    path = tmp_path / name
    data = text.encode(encoding)
    if encoding == "utf-16-le":
        data = codecs.BOM_UTF16_LE + data
    path.write_bytes(data)
    return path


XLIFF12_TWO_FILES = """<?xml version="1.0" encoding="UTF-8"?>
<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">
  <file original="wire/a.txt" source-language="es" target-language="en" datatype="plaintext">
    <body>
      <group id="g1">
        <trans-unit id="1"><source>Hola</source><target state="translated">Hello</target>
        </trans-unit>
      </group>
      <trans-unit id="2" translate="no"><source>HTS</source><target>HTS</target></trans-unit>
    </body>
  </file>
  <file original="wire/b.txt" source-language="es" datatype="plaintext">
    <body>
      <trans-unit id="1"><source>Adiós</source>
        <target state-qualifier="fuzzy-match">Bye</target></trans-unit>
      <trans-unit><source>Sin id</source></trans-unit>
    </body>
  </file>
</xliff>
"""


def test_xliff12_several_files_groups_flags_and_fallbacks(tmp_path: Path) -> None:
    path = write(tmp_path, "two.xlf", XLIFF12_TWO_FILES)
    segments = list(read_segments(path, ReadOptions(tgt_lang="en-GB")))
    doc_a, doc_b = f"{path}#wire/a.txt", f"{path}#wire/b.txt"
    assert segments == [
        Segment(
            "wire/a.txt#1", "Hola", "Hello", "es", "en", None, Origin(str(path), 6, "1"), doc_a
        ),
        Segment(
            "wire/a.txt#2",
            "HTS",
            "HTS",
            "es",
            "en",
            None,
            Origin(str(path), 9, "2"),
            doc_a,
            frozenset({"translate-no"}),
        ),
        Segment(
            "wire/b.txt#1",
            "Adiós",
            "Bye",
            "es",
            "en-GB",
            None,
            Origin(str(path), 14, "1"),
            doc_b,
            frozenset({"fuzzy"}),
        ),
        Segment("wire/b.txt#16", "Sin id", "", "es", "en-GB", None, Origin(str(path), 16), doc_b),
    ]


def test_xliff12_inline_codes_contribute_their_text(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "inline.xlf",
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="x" source-language="es" target-language="en" datatype="html"><body>'
        '<trans-unit id="1"><source>Ver <g id="1">Alepo</g> <x id="2"/>hoy</source>'
        '<target>See <g id="1">Aleppo</g> <x id="2"/>today</target></trans-unit>'
        "</body></file></xliff>",
    )
    [segment] = read_segments(path, ReadOptions())
    assert (segment.source, segment.target) == ("Ver Alepo hoy", "See Aleppo today")


def test_xliff20_multi_segment_units_and_files(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "two.xlf",
        """<?xml version="1.0" encoding="UTF-8"?>
<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es">
  <file id="f1">
    <unit id="u1">
      <segment id="a"><source>Uno.</source><target>One.</target></segment>
      <ignorable><source> </source></ignorable>
      <segment id="b"><source>Dos.</source></segment>
    </unit>
  </file>
  <file id="f2" original="b.txt">
    <unit id="u1"><segment><source>Tres.</source><target>Three.</target></segment></unit>
  </file>
</xliff>
""",
    )
    segments = list(read_segments(path, ReadOptions(tgt_lang="en")))
    f1, f2 = f"{path}#f1", f"{path}#b.txt"
    p = str(path)
    assert segments == [
        Segment("f1#u1::a", "Uno.", "One.", "es", "en", None, Origin(p, 5, "u1::a"), f1),
        Segment("f1#u1::b", "Dos.", "", "es", "en", None, Origin(p, 7, "u1::b"), f1),
        Segment("b.txt#u1", "Tres.", "Three.", "es", "en", None, Origin(p, 11, "u1"), f2),
    ]


def test_xliff_utf16_with_bom(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "u16.xlf",
        '<?xml version="1.0" encoding="UTF-16"?>\n'
        '<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0" srcLang="es" '
        'trgLang="en"><file id="f"><unit id="u"><segment><source>Alepo</source>'
        "<target>Aleppo</target></segment></unit></file></xliff>\n",
        encoding="utf-16-le",
    )
    [segment] = read_segments(path, ReadOptions())
    assert (segment.id, segment.source, segment.target, segment.origin) == (
        "u",
        "Alepo",
        "Aleppo",
        Origin(str(path), 2, "u"),
    )


def test_xliff_utf16_declaring_utf8_is_refused(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "bad16.xlf",
        '<?xml version="1.0" encoding="UTF-8"?><xliff version="2.0"/>',
        encoding="utf-16-le",
    )
    with pytest.raises(InputError) as caught:
        read_segments(path, ReadOptions())
    assert str(caught.value) == (
        f"{path}:1: the file starts with a UTF-16 byte-order mark but its XML declaration "
        "says encoding='UTF-8'"
    )


def test_doctype_with_external_dtd_but_no_entities_is_accepted(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "dtd.tmx",
        '<?xml version="1.0"?>\n<!DOCTYPE tmx SYSTEM "http://example.invalid/tmx14.dtd">\n'
        '<tmx version="1.4"><header srclang="es"/><body>'
        '<tu><tuv xml:lang="es"><seg>Hola</seg></tuv><tuv xml:lang="en"><seg>Hello</seg></tuv>'
        "</tu></body></tmx>\n",
    )
    [segment] = read_segments(path, ReadOptions())
    assert (segment.id, segment.source, segment.target) == ("3", "Hola", "Hello")


TMX_THREE_LANGS = """<?xml version="1.0" encoding="UTF-8"?>
<tmx version="1.4">
  <header srclang="es-ES"/>
  <body>
    <tu tuid="a">
      <tuv xml:lang="es-ES"><seg>Hola</seg></tuv>
      <tuv xml:lang="en-GB"><seg>Hello</seg></tuv>
      <tuv xml:lang="fr"><seg>Bonjour</seg></tuv>
    </tu>
    <tu tuid="b" srclang="en-GB">
      <tuv xml:lang="fr"><seg>Salut</seg></tuv>
      <tuv xml:lang="en-GB"><seg>  Hi  </seg></tuv>
    </tu>
    <tu tuid="c"><tuv xml:lang="es-ES"><seg>Adiós</seg></tuv></tu>
  </body>
</tmx>
"""


def test_tmx_target_chosen_by_option_with_primary_subtag_match(tmp_path: Path) -> None:
    path = write(tmp_path, "three.tmx", TMX_THREE_LANGS)
    p = str(path)
    assert list(read_segments(path, ReadOptions(tgt_lang="fr"))) == [
        Segment("a", "Hola", "Bonjour", "es-ES", "fr", None, Origin(p, 5, "a"), p),
        Segment("b", "  Hi  ", "Salut", "en-GB", "fr", None, Origin(p, 10, "b"), p),
        Segment("c", "Adiós", "", "es-ES", "fr", None, Origin(p, 14, "c"), p),
    ]
    english = list(read_segments(path, ReadOptions(tgt_lang="en")))
    assert [(s.target, s.tgt_lang) for s in english] == [("Hello", "en-GB"), ("", "en"), ("", "en")]


def test_xliff_whitespace_is_normalised_unless_preserved(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "ws.xlf",
        '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">'
        '<file original="x" source-language="es" target-language="en" datatype="plaintext">'
        '<body><trans-unit id="1"><source>  Hola   Alepo </source><target> Hi </target>'
        '</trans-unit><trans-unit id="2" xml:space="preserve"><source>  Hola </source>'
        "<target>Hi  </target></trans-unit></body></file></xliff>",
    )
    assert [(s.source, s.target) for s in read_segments(path, ReadOptions())] == [
        ("Hola Alepo", "Hi"),
        ("  Hola ", "Hi  "),
    ]


def test_xliff_files_with_the_same_name_stay_apart(tmp_path: Path) -> None:
    unit = '<trans-unit id="1"><source>Hola</source></trans-unit>'
    file = (
        '<file original="same.txt" source-language="es" target-language="en" '
        f'datatype="plaintext"><body>{unit}</body></file>'
    )
    path = write(
        tmp_path,
        "same.xlf",
        f'<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">{file}{file}</xliff>',
    )
    segments = list(read_segments(path, ReadOptions()))
    assert [(s.id, s.document) for s in segments] == [
        ("same.txt#1", f"{path}#same.txt"),
        ("same.txt[2]#1", f"{path}#same.txt[2]"),
    ]


def test_utf8_bom_with_a_latin1_declaration_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "bom.tmx"
    path.write_bytes(codecs.BOM_UTF8 + b'<?xml version="1.0" encoding="windows-1252"?><tmx/>')
    with pytest.raises(InputError) as caught:
        read_segments(path, ReadOptions())
    assert str(caught.value).startswith(
        f"{path}:1: the XML declaration says encoding='windows-1252'; tqa reads XML in UTF-8"
    )


def test_utf8_bom_xml_is_read(tmp_path: Path) -> None:
    path = tmp_path / "bom.tmx"
    path.write_bytes(
        codecs.BOM_UTF8 + b'<?xml version="1.0" encoding="utf-8"?>\r\n<tmx version="1.4">'
        b'<header srclang="es"/><body><tu tuid="t"><tuv xml:lang="es"><seg>Alepo</seg></tuv>'
        b'<tuv xml:lang="en"><seg>Aleppo</seg></tuv></tu></body></tmx>'
    )
    [segment] = read_segments(path, ReadOptions())
    assert (segment.id, segment.source, segment.target, segment.origin) == (
        "t",
        "Alepo",
        "Aleppo",
        Origin(str(path), 2, "t"),
    )
