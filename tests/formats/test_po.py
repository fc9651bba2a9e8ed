"""PO specifics: header, context, plurals, fuzzy, obsolete entries, line ends."""

from __future__ import annotations

from pathlib import Path

from tqa.core.model import Origin, Segment
from tqa.formats import ReadOptions, read_segments

PO = """# comment
msgid ""
msgstr ""
"Language: en_GB\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"
"Content-Type: text/plain; charset=UTF-8\\n"

msgctxt "headline"
msgid "Alepo"
msgstr "Aleppo"

msgid "Alepo"
msgstr ""

#, fuzzy, python-format
msgid "%d muerto"
msgid_plural "%d muertos"
msgstr[0] "%d dead"
msgstr[1] "%d killed"

msgid "un herido"
msgid_plural "%d heridos"
msgstr[0] ""
msgstr[1] ""

#~ msgid "Viejo"
#~ msgstr "Old"
"""


def test_context_plurals_fuzzy_and_obsolete(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes(PO.replace("\n", "\r\n").encode("utf-8"))
    p = str(path)
    fuzzy = frozenset({"fuzzy"})
    assert list(read_segments(path, ReadOptions(src_lang="es", tgt_lang="fr"))) == [
        Segment("headline::Alepo", "Alepo", "Aleppo", "es", "en_GB", None, Origin(p, 8), p),
        Segment("Alepo", "Alepo", "", "es", "en_GB", None, Origin(p, 12), p),
        Segment(
            "%d muerto[0]", "%d muerto", "%d dead", "es", "en_GB", None, Origin(p, 15), p, fuzzy
        ),
        Segment(
            "%d muerto[1]", "%d muertos", "%d killed", "es", "en_GB", None, Origin(p, 15), p, fuzzy
        ),
        Segment("un herido[0]", "un herido", "", "es", "en_GB", None, Origin(p, 21), p),
        Segment("un herido[1]", "%d heridos", "", "es", "en_GB", None, Origin(p, 21), p),
    ]


def test_empty_po_file_gives_no_segments(tmp_path: Path) -> None:
    path = tmp_path / "empty.po"
    path.write_bytes(b"")
    assert list(read_segments(path, ReadOptions(src_lang="es", tgt_lang="en"))) == []


def test_pot_without_language_uses_the_options(tmp_path: Path) -> None:
    path = tmp_path / "t.pot"
    path.write_bytes(
        b'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=CHARSET\\n"\n\n'
        b'msgid "Hola"\nmsgstr ""\n'
    )
    [segment] = read_segments(path, ReadOptions(src_lang="es", tgt_lang="en"))
    assert (segment.id, segment.target, segment.tgt_lang, segment.origin) == (
        "Hola",
        "",
        "en",
        Origin(str(path), 5),
    )
