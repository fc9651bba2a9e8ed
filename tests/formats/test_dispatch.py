"""Format detection and the errors raised before any reader runs."""

from __future__ import annotations

from pathlib import Path

import pytest

from tqa.errors import InputError, UsageError
from tqa.formats import EXTENSIONS, ReadOptions, _readers, detect_format, read_segments


def test_every_extension_has_a_reader() -> None:
    assert set(EXTENSIONS.values()) == set(_readers())
    assert sorted(_readers()) == ["csv", "jsonl", "po", "tmx", "tsv", "txt", "xliff"]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("a.jsonl", "jsonl"),
        ("a.TSV", "tsv"),
        ("a.csv", "csv"),
        ("a.es.txt", "txt"),
        ("a.xlf", "xliff"),
        ("a.xliff", "xliff"),
        ("a.tmx", "tmx"),
        ("a.en.po", "po"),
        ("a.pot", "po"),
    ],
)
def test_detect_format_from_extension(name: str, fmt: str) -> None:
    assert detect_format(Path(name)) == fmt


def test_unknown_extension_and_unknown_format() -> None:
    with pytest.raises(
        UsageError, match=r"cannot tell the input format from the extension '\.doc'"
    ):
        detect_format(Path("a.doc"))
    with pytest.raises(UsageError, match=r"unknown input format 'docx'"):
        detect_format(Path("a.tsv"), "docx")


def test_explicit_format_wins_over_the_extension(tmp_path: Path) -> None:
    path = tmp_path / "pairs.dat"
    path.write_text("Hola\tHello\n", "utf-8")
    [segment] = read_segments(path, ReadOptions(src_lang="es", tgt_lang="en", format="tsv"))
    assert (segment.source, segment.target) == ("Hola", "Hello")


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="file not found"):
        read_segments(tmp_path / "nope.jsonl")
    with pytest.raises(InputError, match="is a directory"):
        read_segments(tmp_path)


def test_target_file_with_a_bilingual_format_is_a_usage_error(tmp_path: Path) -> None:
    path = tmp_path / "pairs.tsv"
    path.write_text("Hola\tHello\n", "utf-8")
    with pytest.raises(UsageError, match="only goes with plain-text input; this tsv file"):
        read_segments(path, ReadOptions(target=tmp_path / "x.txt"))
