"""Bad input fails loudly: an ``InputError`` naming the file and the line (and column).

Each row: the file under ``tests/bad_inputs/formats/``, the options, the exact location
prefix of the message (``:line``, ``:line:column``, ``:line (unit id)`` or nothing) and a
fragment the rest of the message must contain.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments

BAD = Path(__file__).resolve().parents[1] / "bad_inputs" / "formats"
ES_EN = ReadOptions(src_lang="es", tgt_lang="en")
NONE = ReadOptions()

CASES: list[tuple[str, ReadOptions, str, str]] = [
    # JSONL
    ("invalid_json.jsonl", ES_EN, ":2:31", "invalid JSON: Expecting ',' delimiter"),
    ("missing_target.jsonl", ES_EN, ":1", "missing required key 'target'"),
    ("null_source.jsonl", ES_EN, ":3", "'source' must be a string, got null"),
    ("duplicate_id.jsonl", ES_EN, ":2", "duplicate segment id 'a'"),
    ("lone_surrogate.jsonl", ES_EN, ":1", "'source' contains a lone surrogate U+D800"),
    ("invalid_utf8.jsonl", ES_EN, ":2:27", "invalid UTF-8 at byte offset 75"),
    ("nul_byte.jsonl", ES_EN, ":2:24", "NUL byte at byte offset 73"),
    ("not_object.jsonl", ES_EN, ":1", "expected a JSON object, got list"),
    ("bool_id.jsonl", ES_EN, ":1", "'id' must be a string or an integer, got boolean"),
    ("utf32.jsonl", ES_EN, ":1", "UTF-32 text is not supported"),
    ("duplicate_id.jsonl", NONE, ":1", "no source or target language"),
    # TSV
    ("missing_field.tsv", ES_EN, ":3", "missing field: TSV row has 1 fields, expected 2"),
    ("extra_field.tsv", ES_EN, ":2", "extra field: TSV row has 4 fields, expected 2"),
    ("unknown_column.tsv", ES_EN, ":1", "unknown column 'referense' in the header"),
    ("duplicate_column.tsv", ES_EN, ":1", "column 'source' appears twice"),
    ("four_positional.tsv", ES_EN, ":1", "TSV row has 4 fields; expected source and target"),
    ("one_positional.tsv", ES_EN, ":1", "TSV row has 1 field; expected source and target"),
    ("empty_id.tsv", ES_EN, ":2", "empty id"),
    ("invalid_utf8.tsv", ES_EN, ":3:4", "invalid UTF-8 at byte offset 30"),
    ("missing_field.tsv", NONE, ":2", "no source or target language"),
    # CSV
    ("unterminated_quote.csv", ES_EN, ":3", "unterminated quoted field"),
    ("missing_field.csv", ES_EN, ":3", "missing field: CSV row has 2 fields, expected 3"),
    ("bad_quote.csv", ES_EN, ":2", "malformed row: ',' expected after '\"'"),
    ("duplicate_id.csv", ES_EN, ":3", "duplicate segment id '7'"),
    # Parallel text
    ("short.es.txt", ES_EN, "", "needs its parallel target file"),
    ("short.es.txt", ReadOptions(target=BAD / "three.en.txt"), "", "no source or target language"),
    # XML safety and well-formedness
    ("xxe.xlf", NONE, ":3:43", "XML entity declarations are forbidden (<!ENTITY xxe ...>)"),
    ("billion_laughs.tmx", NONE, ":3:15", "XML entity declarations are forbidden (<!ENTITY lol"),
    ("parameter_entity.tmx", NONE, ":2:74", "XML entity declarations are forbidden"),
    ("malformed.xlf", NONE, ":5:40", "malformed XML: mismatched tag"),
    ("undefined_entity.tmx", NONE, ":3:34", "malformed XML: undefined entity"),
    ("empty.xlf", NONE, ":1", "empty file: no XML document"),
    ("latin1_declared.xlf", NONE, ":1", "the XML declaration says encoding='ISO-8859-1'"),
    ("invalid_utf8.tmx", NONE, ":3:41", "invalid UTF-8 at byte offset 127"),
    # XLIFF
    ("not_xliff.xlf", NONE, ":2", "root element is <tmx>, not <xliff>"),
    ("no_file.xlf", NONE, ":2", "XLIFF document without any <file> element"),
    ("version3.xlf", NONE, ":2", "unsupported XLIFF version '3.0'"),
    ("xliff2_no_trglang.xlf", NONE, ":2", "no trgLang attribute and no --tgt-lang was given"),
    (
        "xliff12_no_target_language.xlf",
        NONE,
        ":3",
        "<file original='wire.txt'> has no target-language attribute and no --tgt-lang",
    ),
    ("duplicate_unit.xlf", NONE, ":6 (unit u1)", "duplicate unit id 'u1'"),
    # TMX
    ("no_source_tuv.tmx", NONE, ":6 (unit 2)", "<tu> has no <tuv> in the source language 'es'"),
    ("ambiguous_target.tmx", NONE, ":3", "several candidate target languages (en, fr)"),
    ("no_srclang.tmx", NONE, ":3", "no source language: <header> has no srclang"),
    # PO
    ("syntax.po", NONE, ":9", "PO syntax error: end-of-line within string"),
    ("latin1.po", NONE, ":1", "the header declares charset=ISO-8859-1"),
    ("invalid_utf8.po", ES_EN, ":6:11", "invalid UTF-8 at byte offset 91"),
    ("no_language.po", NONE, ":1", "no source or target language"),
    ("no_language.po", ReadOptions(src_lang="es"), ":1", "no target language"),
    ("duplicate.po", ES_EN, ":9", "duplicate entry 'Hola'"),
    ("utf16.po", ES_EN, ":1", "PO files must be UTF-8"),
]


@pytest.mark.parametrize(
    ("name", "options", "where", "fragment"),
    CASES,
    ids=[f"{name}-{i}" for i, (name, *_rest) in enumerate(CASES)],
)
def test_bad_input_names_file_and_position(
    name: str, options: ReadOptions, where: str, fragment: str
) -> None:
    path = BAD / name
    with pytest.raises(InputError) as caught:
        list(read_segments(path, options))
    message = str(caught.value)
    assert message.startswith(f"{path}{where}: "), message
    assert fragment in message[len(f"{path}{where}: ") :], message


def test_every_bad_file_is_in_the_table() -> None:
    listed = {name for name, *_rest in CASES}
    helpers = {"three.en.txt", "short.en.txt", "two.ref.txt", "bad_utf8.en.txt"}
    assert sorted(p.name for p in BAD.iterdir()) == sorted(listed | helpers)


def test_parallel_files_of_different_length_name_both_files_and_counts() -> None:
    source, target = BAD / "short.es.txt", BAD / "short.en.txt"
    options = ReadOptions(src_lang="es", tgt_lang="en", target=target)
    with pytest.raises(InputError) as caught:
        read_segments(source, options)
    assert str(caught.value) == (
        f"{source}: parallel files differ in length: {source} has 3 lines "
        f"but target {target} has 2 lines"
    )


def test_reference_of_different_length_is_named() -> None:
    source, reference = BAD / "short.es.txt", BAD / "two.ref.txt"
    options = ReadOptions(
        src_lang="es", tgt_lang="en", target=BAD / "three.en.txt", reference=reference
    )
    with pytest.raises(InputError) as caught:
        read_segments(source, options)
    assert str(caught.value) == (
        f"{source}: parallel files differ in length: {source} has 3 lines "
        f"but reference {reference} has 2 lines"
    )


def test_invalid_utf8_in_the_target_file_names_the_target() -> None:
    target = BAD / "bad_utf8.en.txt"
    options = ReadOptions(src_lang="es", tgt_lang="en", target=target)
    segments = read_segments(BAD / "short.es.txt", options)
    with pytest.raises(InputError) as caught:
        list(segments)
    assert str(caught.value) == (
        f"{target}:3:4: invalid UTF-8 at byte offset 13 (invalid continuation byte)"
    )


def test_missing_target_file() -> None:
    target = BAD / "nowhere.en.txt"
    with pytest.raises(InputError) as caught:
        read_segments(
            BAD / "short.es.txt", ReadOptions(src_lang="es", tgt_lang="en", target=target)
        )
    assert str(caught.value) == f"{target}: target file not found"


def test_error_attributes_are_set() -> None:
    path = BAD / "malformed.xlf"
    with pytest.raises(InputError) as caught:
        list(read_segments(path, NONE))
    error = caught.value
    assert (error.path, error.line, error.column, error.unit) == (str(path), 5, 40, None)
