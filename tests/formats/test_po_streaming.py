"""The PO reader streams: one entry at a time, with the results of the whole-file reader.

Expected values were produced by the former reader (``pypo.pofile`` over the whole file),
including translate-toolkit's own quirks (its newline rule, the ``_:`` context keeping the
``\\n`` of a CRLF file) and which error wins when a file has several.
"""

from __future__ import annotations

import tracemalloc
from pathlib import Path

import pytest

from tests.reliability.cli import PREVIOUS, tqa
from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments

NONE = ReadOptions()
ES_EN = ReadOptions(src_lang="es", tgt_lang="en")

HEADER = 'msgid ""\nmsgstr ""\n"Language: en\\n"\n"X-Source-Language: es\\n"\n\n'
BODY = (
    '#, fuzzy\nmsgctxt "t"\nmsgid "Hola"\nmsgstr "Hello"\n\n'
    '#~ msgid "Viejo"\n#~ msgstr "Old"\n\n'
    'msgid "_: kde\\n"\n"Adiós"\nmsgstr "Bye"\n'
)


def read(path: Path, options: ReadOptions = NONE) -> list[tuple[str, str, str, int | None, bool]]:
    return [
        (s.id, s.source, s.target, s.origin.line if s.origin else None, "fuzzy" in s.flags)
        for s in read_segments(path, options)
    ]


def error_of(path: Path, options: ReadOptions = NONE) -> str:
    with pytest.raises(InputError) as caught:
        list(read_segments(path, options))
    return str(caught.value).replace(str(path), "FILE")


@pytest.mark.parametrize("newline", ["\n", "\r\n", "\r", "\r\r\n"])
def test_every_newline_gives_the_same_entries_and_lines(tmp_path: Path, newline: str) -> None:
    path = tmp_path / "x.po"
    path.write_bytes((HEADER + BODY).replace("\n", newline).encode("utf-8"))
    # translate-toolkit keeps the escaped \n of a "_:" context unless the file's newline is LF
    kde = "kde::Adiós" if newline == "\n" else "kde\n::Adiós"
    assert read(path) == [
        ("t::Hola", "Hola", "Hello", 6, True),
        (kde, "Adiós", "Bye", 14, False),
    ]


def test_a_cr_inside_a_comment_of_an_lf_file_is_not_a_line_break(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_bytes((HEADER + "# note\rwith a CR\n" + BODY).encode("utf-8"))
    assert read(path)[0] == ("t::Hola", "Hola", "Hello", 6, True)


def test_bad_byte_is_located_as_every_reader_counts_lines(tmp_path: Path) -> None:
    # The PO line is 20, but the CR in the comment is a line break for textio, as for the
    # other formats: the message says line 21, and the byte offset in the file.
    path = tmp_path / "x.po"
    text = HEADER + "# note\rwith a CR\n" + BODY + '\nmsgid "x"\nmsgstr "'
    path.write_bytes(text.encode("utf-8") + b'\xe9"\n')
    assert error_of(path) == (
        "FILE:21:9: invalid UTF-8 at byte offset 222 (invalid continuation byte)"
    )


def test_segments_come_before_a_syntax_error_at_the_end(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    entries = "".join(f'msgid "Fuente {n}"\nmsgstr "Target {n}"\n\n' for n in range(1, 1000))
    path.write_text(HEADER + entries + 'msgid "roto\n', encoding="utf-8")
    segments = read_segments(path, NONE)
    first = next(segments)
    assert (first.id, first.source, first.target) == ("Fuente 1", "Fuente 1", "Target 1")
    with pytest.raises(InputError) as caught:
        for _ in segments:
            pass
    assert str(caught.value) == (
        f"{path}:3003: PO syntax error: end-of-line within string: 'msgid \"roto\\n'"
    )


def test_header_errors_fail_when_the_file_is_opened(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text(BODY, encoding="utf-8")
    with pytest.raises(InputError, match="no source or target language"):
        read_segments(path, NONE)  # not iterated: the header is checked before any output


@pytest.mark.parametrize(
    ("tail", "expected"),
    [
        # a bad byte anywhere wins over an earlier syntax error
        (
            b'\nmsgid "x\nmsgstr ""\n\nmsgid "y"\nmsgstr "\xe9"\n',
            "FILE:22:9: invalid UTF-8 at byte offset 225 (invalid continuation byte)",
        ),
        # a syntax error anywhere wins over an earlier duplicate
        (
            b'\nmsgctxt "t"\nmsgid "Hola"\nmsgstr ""\n\nmsgid "x\n',
            "FILE:22: PO syntax error: end-of-line within string: 'msgid \"x\\n'",
        ),
        # and a duplicate is reported on the line of its second entry
        (b'\nmsgctxt "t"\nmsgid "Hola"\nmsgstr ""\n', "FILE:18: duplicate entry 't::Hola'"),
    ],
)
def test_the_error_reported_is_the_one_the_whole_file_reader_gave(
    tmp_path: Path, tail: bytes, expected: str
) -> None:
    path = tmp_path / "x.po"
    path.write_bytes((HEADER + BODY).encode("utf-8") + tail)
    assert error_of(path) == expected


def test_a_syntax_error_wins_over_a_missing_language(tmp_path: Path) -> None:
    path = tmp_path / "x.po"
    path.write_text(BODY + '\nmsgid "x\n', encoding="utf-8")
    assert error_of(path) == "FILE:13: PO syntax error: end-of-line within string: 'msgid \"x\\n'"


def test_newline_is_the_one_after_the_first_msgid_as_in_translate_toolkit(tmp_path: Path) -> None:
    # The later of the first "\rmsgid " and the first "\nmsgid " decides, even at the end of
    # the file: here a CR, so the file is one long line and not a PO file at all.
    path = tmp_path / "x.po"
    path.write_text(HEADER + BODY + "# x\rmsgid \r# y\n", encoding="utf-8")
    assert error_of(path, ES_EN) == "FILE:2: PO syntax error: Syntax error: 'msgid \\r'"


def test_memory_does_not_grow_with_the_file(tmp_path: Path) -> None:
    # 5,000 entries with 2 KB of comments each: a 10 MB file whose comments are never kept.
    path = tmp_path / "big.po"
    comment = "# " + "c" * 2000 + "\n"
    with path.open("w", encoding="utf-8") as handle:
        handle.write(HEADER)
        for n in range(5000):
            handle.write(f'{comment}msgctxt "{n}"\nmsgid "Hola"\nmsgstr "Hello"\n\n')
    small = tmp_path / "small.po"
    small.write_text(HEADER + BODY, encoding="utf-8")
    assert read(small)  # imports translate-toolkit before memory is traced
    tracemalloc.start()
    try:
        count = sum(1 for _ in read_segments(path, NONE))
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 5000
    assert peak < 3_000_000, peak  # the whole-file reader held more than the file's 10 MB


def test_check_writes_nothing_when_the_error_comes_after_segments(tmp_path: Path) -> None:
    path = tmp_path / "late.po"
    entries = "".join(f'msgid "Fuente {n}"\nmsgstr "Target {n}"\n\n' for n in range(1, 300))
    path.write_text(HEADER + entries + 'msgid "roto\n', encoding="utf-8")
    out = tmp_path / "report.jsonl"
    out.write_text(PREVIOUS, encoding="utf-8")
    proc = tqa("check", str(path), "--select", "TQA1", "-f", "jsonl", "-o", str(out), "-q")
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    assert proc.stderr.strip().splitlines() == [
        f"tqa: error: {path}:903: PO syntax error: end-of-line within string: 'msgid \"roto\\n'"
    ]
    assert out.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in tmp_path.iterdir()) == ["late.po", "report.jsonl"]


def test_fuzzy_plural_entry_with_a_plain_msgstr_is_an_input_error(tmp_path: Path) -> None:
    # translate-toolkit's parser takes it after "#, fuzzy" (its whole-file reader then fails
    # with AttributeError); without the flag it is a syntax error; either way the user gets
    # the file and line, not a traceback
    path = tmp_path / "plural.po"
    entry = 'msgid "uno"\nmsgid_plural "varios"\nmsgstr "one"\n'
    path.write_text(HEADER + "#, fuzzy\n" + entry, encoding="utf-8")
    assert error_of(path) == (
        "FILE:6: entry with msgid_plural has a plain msgstr (expected msgstr[0], msgstr[1]...)"
    )
    path.write_text(HEADER + entry, encoding="utf-8")
    assert error_of(path) == "FILE:8: PO syntax error: Syntax error: 'msgstr \"one\"\\n'"


def test_duplicate_entries_are_exact_even_when_digests_collide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from tqa.formats import ids

    monkeypatch.setattr(ids, "_id_key", lambda seg_id: 5)
    path = tmp_path / "c.po"
    entries = "".join(f'msgctxt "{c}"\nmsgid "Hola"\nmsgstr "Hi"\n\n' for c in "abc")
    path.write_text(HEADER + entries, encoding="utf-8")
    assert [s[0] for s in read(path)] == ["a::Hola", "b::Hola", "c::Hola"]
    path.write_text(
        HEADER + entries + 'msgctxt "b"\nmsgid "Hola"\nmsgstr "Hey"\n', encoding="utf-8"
    )
    assert error_of(path) == "FILE:18: duplicate entry 'b::Hola'"


def test_fuzzy_mark_is_read_as_the_whole_file_reader_reads_it(tmp_path: Path) -> None:
    # an entry marked fuzzy stays fuzzy with an empty msgstr or empty plural forms, as in
    # translate-toolkit's pypo.pofile (which also works out a translation state per unit)
    from translate.storage import pypo

    entries = (
        '#, fuzzy\nmsgid "uno"\nmsgstr ""\n\n'
        '#, fuzzy\nmsgid "dos"\nmsgstr "two"\n\n'
        '#, fuzzy\nmsgid "%d tres"\nmsgid_plural "%d treses"\nmsgstr[0] ""\nmsgstr[1] ""\n\n'
        '#, fuzzy\nmsgid "%d cuatro"\nmsgid_plural "%d cuatros"\nmsgstr[0] ""\n'
        'msgstr[1] "%d fours"\n\n'
        'msgid "cinco"\nmsgstr "five"\n'
    )
    path = tmp_path / "fuzzy.po"
    path.write_text(HEADER + entries, encoding="utf-8")
    expected = [
        ("uno", "uno", "", 6, True),
        ("dos", "dos", "two", 10, True),
        ("%d tres[0]", "%d tres", "", 14, True),
        ("%d tres[1]", "%d treses", "", 14, True),
        ("%d cuatro[0]", "%d cuatro", "", 20, True),
        ("%d cuatro[1]", "%d cuatros", "%d fours", 20, True),
        ("cinco", "cinco", "five", 26, False),
    ]
    assert read(path) == expected
    whole = pypo.pofile(path.read_bytes())
    assert [u.isfuzzy() for u in whole.units[1:]] == [True, True, True, True, False]
