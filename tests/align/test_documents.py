"""Document readers: plain text, Markdown and DOCX as paragraphs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqa.align.documents import (
    Paragraph,
    document_format,
    read_document,
    strip_inline,
    text_document,
)
from tqa.errors import InputError, UsageError


def write(path: Path, text: str) -> Path:
    path.write_bytes(text.encode("utf-8"))
    return path


def make_docx(path: Path, paragraphs: list[str]) -> Path:
    import docx

    document = docx.Document()
    for text in paragraphs:
        document.add_paragraph(text)
    document.save(str(path))
    return path


def test_txt_lines_are_paragraphs_and_blank_lines_are_ignored(tmp_path: Path) -> None:
    path = write(tmp_path / "a.txt", "\ufeffTitle\n\n  First  para.\t\n   \nSecond.\r\nThird.")
    doc = read_document(path)
    assert doc.paragraphs == (
        Paragraph("Title", 1),
        Paragraph("First para.", 3),
        Paragraph("Second.", 5),
        Paragraph("Third.", 6),
    )
    assert doc.path == str(path)


def test_txt_invalid_utf8_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(b"ok\nbad \xff here\n")
    with pytest.raises(InputError) as info:
        read_document(path)
    assert info.value.line == 2
    assert "invalid UTF-8" in str(info.value)


def test_missing_file_and_unknown_extension(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_document(tmp_path / "nope.txt")
    with pytest.raises(UsageError, match=r"extension '\.pdf'"):
        read_document(write(tmp_path / "a.pdf", "x"))
    assert document_format(tmp_path / "a.PDF", "md") == "md"


def test_markdown_markup_is_stripped_and_paragraphs_kept(tmp_path: Path) -> None:
    text = (
        "# Bombardeos en *Alepo*\n"
        "\n"
        "Aviones **sirios** y rusos atacaron\n"
        "varios barrios, según el [OSDH](https://example.org/osdh).\n"
        "\n"
        "- Primer punto con `código`.\n"
        "- Segundo punto ![foto](x.png)\n"
        "\n"
        "> Una cita _textual_.\n"
        "\n"
        "---\n"
        "```\n"
        "no es texto\n"
        "```\n"
        "Subtítulo\n"
        "=========\n"
        "Fin con <b>HTML</b> y 4\\*5.\n"
    )
    doc = read_document(write(tmp_path / "a.md", text))
    assert doc.paragraphs == (
        Paragraph("Bombardeos en Alepo", 1),
        Paragraph("Aviones sirios y rusos atacaron varios barrios, según el OSDH.", 3),
        Paragraph("Primer punto con código.", 6),
        Paragraph("Segundo punto foto", 7),
        Paragraph("Una cita textual.", 9),
        Paragraph("Subtítulo", 15),
        Paragraph("Fin con HTML y 4*5.", 17),
    )


def test_markdown_inline_keeps_snake_case_and_lone_asterisks() -> None:
    assert strip_inline("file_name_here and 2 * 3 * 4") == "file_name_here and 2 * 3 * 4"
    assert strip_inline("**al-Assad** dijo") == "al-Assad dijo"


def test_docx_paragraphs_ignoring_empty_ones(tmp_path: Path) -> None:
    path = make_docx(tmp_path / "a.docx", ["Título", "", "   ", "Primer  párrafo.", "Segundo."])
    doc = read_document(path)
    assert doc.paragraphs == (
        Paragraph("Título", 1),
        Paragraph("Primer párrafo.", 4),
        Paragraph("Segundo.", 5),
    )


def test_docx_line_break_reads_as_space(tmp_path: Path) -> None:
    import docx

    document = docx.Document()
    paragraph = document.add_paragraph("Una línea")
    paragraph.add_run().add_break()
    paragraph.add_run("y otra.")
    path = tmp_path / "b.docx"
    document.save(str(path))
    assert read_document(path).texts == ["Una línea y otra."]


def test_docx_that_is_not_a_docx(tmp_path: Path) -> None:
    path = write(tmp_path / "fake.docx", "plain text, not a zip")
    with pytest.raises(InputError, match="not a readable DOCX file"):
        read_document(path)


def test_text_document() -> None:
    doc = text_document("A.\n\nB.  C.\n")
    assert doc.paragraphs == (Paragraph("A.", 1), Paragraph("B. C.", 3))
