"""TSV and CSV specifics: header detection, positional rows, quoting, line ends."""

from __future__ import annotations

import codecs
from pathlib import Path

from tqa.core.model import Origin, Segment
from tqa.formats import ReadOptions, read_segments

ES_EN = ReadOptions(src_lang="es", tgt_lang="en")


def write(tmp_path: Path, name: str, data: str | bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return path


def seg(path: Path, seg_id: str, source: str, target: str, line: int, **kw: str | None) -> Segment:
    return Segment(
        id=seg_id,
        source=source,
        target=target,
        src_lang=kw.get("src_lang") or "es",
        tgt_lang=kw.get("tgt_lang") or "en",
        reference=kw.get("reference"),
        origin=Origin(str(path), line=line),
        document=str(path),
    )


def test_tsv_positional_with_reference_and_literal_quotes(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.tsv",
        'Dijo: "basta"\tHe said: "enough\tHe said "enough"\n\n"Hola\tHello\tHi\n',
    )
    assert list(read_segments(path, ES_EN)) == [
        seg(path, "1", 'Dijo: "basta"', 'He said: "enough', 1, reference='He said "enough"'),
        seg(path, "3", '"Hola', "Hello", 3, reference="Hi"),
    ]


def test_tsv_header_in_any_order_with_languages(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.tsv",
        " Target \tid\tSOURCE\ttgt_lang\tsrc_lang\treference\r\n"
        "Hello\ta1\tHola\t\t\tHi\r\n"
        "Bonjour\ta2\tHola\tfr\tes-MX\t\r\n",
    )
    assert list(read_segments(path, ES_EN)) == [
        seg(path, "a1", "Hola", "Hello", 2, reference="Hi"),
        seg(path, "a2", "Hola", "Bonjour", 3, reference="", src_lang="es-MX", tgt_lang="fr"),
    ]


def test_tsv_lone_cr_line_ends_and_utf16(tmp_path: Path) -> None:
    text = "source\ttarget\rHola\tHello\rAdiós\tBye\r"
    for name, data in (
        ("cr.tsv", text.encode("utf-8")),
        ("u16.tsv", codecs.BOM_UTF16_LE + text.encode("utf-16-le")),
        ("bom.tsv", codecs.BOM_UTF8 + text.encode("utf-8")),
    ):
        path = write(tmp_path, name, data)
        assert list(read_segments(path, ES_EN)) == [
            seg(path, "2", "Hola", "Hello", 2),
            seg(path, "3", "Adiós", "Bye", 3),
        ]


def test_header_only_and_empty_files_give_no_segments(tmp_path: Path) -> None:
    for name, data in (("a.tsv", ""), ("b.tsv", "source\ttarget\n"), ("c.csv", "\n\n")):
        assert list(read_segments(write(tmp_path, name, data), ES_EN)) == []


def test_csv_quoted_fields_with_commas_quotes_and_line_breaks(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "x.csv",
        "source,target\r\n"
        '"Alepo, Siria","Aleppo, Syria"\r\n'
        '"Dijo: ""basta""","Línea uno\r\nlínea dos"\r\n'
        "Hama,Hama\r\n",
    )
    assert list(read_segments(path, ES_EN)) == [
        seg(path, "2", "Alepo, Siria", "Aleppo, Syria", 2),
        seg(path, "3", 'Dijo: "basta"', "Línea uno\r\nlínea dos", 3),
        seg(path, "5", "Hama", "Hama", 5),
    ]


def test_csv_positional_without_header(tmp_path: Path) -> None:
    path = write(tmp_path, "x.csv", "Hola,Hello\nAdiós,Bye\n")
    assert list(read_segments(path, ES_EN)) == [
        seg(path, "1", "Hola", "Hello", 1),
        seg(path, "2", "Adiós", "Bye", 2),
    ]
