"""JSONL specifics beyond the demo file."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tqa.core.model import Origin, Segment
from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments

ES_EN = ReadOptions(src_lang="es", tgt_lang="en")


def write(tmp_path: Path, text: str, name: str = "x.jsonl") -> Path:
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_defaults_reference_and_per_segment_languages(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        '{"source": "Hola", "target": "Hello"}\r\n'
        "\r\n"
        '{"id": 7, "source": "Adiós", "target": "Goodbye", "reference": "Bye", '
        '"tgt_lang": "en-GB", "src_lang": null, "extra": [1]}\r\n',
    )
    assert list(read_segments(path, ES_EN)) == [
        Segment("1", "Hola", "Hello", "es", "en", None, Origin(str(path), 1), str(path)),
        Segment("7", "Adiós", "Goodbye", "es", "en-GB", "Bye", Origin(str(path), 3), str(path)),
    ]


def test_empty_file_gives_no_segments(tmp_path: Path) -> None:
    assert list(read_segments(write(tmp_path, ""), ES_EN)) == []


def test_json_escapes_and_line_separators_survive(tmp_path: Path) -> None:
    path = write(tmp_path, '{"source": "a\\u2028b", "target": "c\u2028d\\n"}\n')
    [segment] = read_segments(path, ES_EN)
    assert (segment.source, segment.target) == ("a\u2028b", "c\u2028d\n")


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ('{"id": "", "source": "a", "target": "b"}', "'id' is empty"),
        ('{"id": 1.5, "source": "a", "target": "b"}', "'id' must be a string or an integer"),
        ('{"source": "a", "target": 3}', "'target' must be a string, got number"),
        ('{"source": "a", "target": "b", "reference": {}}', "'reference' must be a string or"),
        ('{"source": "a\\u0000", "target": "b"}', "'source' contains a NUL character"),
        ('{"source": "a", "target": "b\\udfff"}', "'target' contains a lone surrogate U+DFFF"),
    ],
)
def test_invalid_values(tmp_path: Path, line: str, message: str) -> None:
    path = write(tmp_path, line + "\n")
    with pytest.raises(InputError) as caught:
        list(read_segments(path, ES_EN))
    assert str(caught.value).startswith(f"{path}:1: {message}")


def test_duplicate_ids_are_exact_even_when_digests_collide(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # every id gets the same digest: each repeat is confirmed by re-reading earlier lines
    from tqa.formats import ids

    monkeypatch.setattr(ids, "_id_key", lambda seg_id: 42)
    path = tmp_path / "c.jsonl"
    lines = [{"id": i, "source": "a", "target": "b"} for i in ("x", "y", 3, "z")]
    path.write_text("\n".join(json.dumps(o) for o in lines) + "\n", encoding="utf-8")
    options = ReadOptions(src_lang="es", tgt_lang="en")
    assert [s.id for s in read_segments(path, options)] == ["x", "y", "3", "z"]
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "3", "source": "a", "target": "b"}) + "\n")
    with pytest.raises(InputError) as caught:
        list(read_segments(path, options))
    assert str(caught.value) == f"{path}:5: duplicate segment id '3'"
