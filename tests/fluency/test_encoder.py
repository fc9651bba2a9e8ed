"""The two ways a tokenizer is read for scoring give the same ids (tiny local tokenizers)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.fluency.conftest import BOS, EOS, PAD
from tqa.fluency import loader

TEXTS = ["The army retook the city.", "", "  two  spaces", "أعلنت الحكومة", "emoji 🎉", "<bos>x"]


def _transformers(folder: Path) -> loader.Encoder:
    transformers = pytest.importorskip("transformers")
    tokenizer: Any = transformers.AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    return loader.transformers_encoder(tokenizer)


def test_tokenizer_json_read_alone_matches_the_tokenizer_class(tiny_gpt2: Path) -> None:
    saved = loader.saved_encoder(tiny_gpt2)
    reference = _transformers(tiny_gpt2)
    assert saved is not None
    assert (saved.backend, reference.backend) == ("tokenizers", "transformers")
    assert (saved.bos_id, saved.eos_id, saved.pad_id) == (BOS, EOS, PAD)
    assert (reference.bos_id, reference.eos_id, reference.pad_id) == (BOS, EOS, PAD)
    for text in TEXTS:
        assert saved.encode(text) == reference.encode(text)
    vocab = json.loads((tiny_gpt2 / "tokenizer.json").read_text(encoding="utf-8"))["model"]["vocab"]
    assert saved.encode("ab") == [vocab["a"], vocab["b"]]  # one byte-level token each


def test_a_missing_special_token_is_none(tiny_gpt2_no_bos: Path) -> None:
    saved = loader.saved_encoder(tiny_gpt2_no_bos)
    assert saved is not None
    assert (saved.bos_id, saved.eos_id, saved.pad_id) == (None, EOS, PAD)


def test_the_older_added_token_form_of_the_config_is_read(tiny_gpt2: Path, tmp_path: Path) -> None:
    for name in ("tokenizer.json", "tokenizer_config.json"):
        (tmp_path / name).write_bytes((tiny_gpt2 / name).read_bytes())
    config = json.loads((tmp_path / "tokenizer_config.json").read_text(encoding="utf-8"))
    config["bos_token"] = {"content": "<bos>", "lstrip": False, "normalized": False}
    (tmp_path / "tokenizer_config.json").write_text(json.dumps(config), encoding="utf-8")
    saved = loader.saved_encoder(tmp_path)
    assert saved is not None and saved.bos_id == BOS


@pytest.mark.parametrize(
    ("tokenizer_json", "config"),
    [
        (None, "{}"),  # no tokenizer.json
        ("{not json", "{}"),
        ("{}", None),  # no tokenizer_config.json
        ("{}", "[1, 2]"),
    ],
)
def test_unreadable_files_give_no_encoder(
    tiny_gpt2: Path, tmp_path: Path, tokenizer_json: str | None, config: str | None
) -> None:
    """The caller then loads the tokenizer class, which reports the problem properly."""
    if tokenizer_json is not None:
        text = (tiny_gpt2 / "tokenizer.json").read_text(encoding="utf-8")
        (tmp_path / "tokenizer.json").write_text(
            text if tokenizer_json == "{}" else tokenizer_json, encoding="utf-8"
        )
    if config is not None:
        (tmp_path / "tokenizer_config.json").write_text(config, encoding="utf-8")
    assert loader.saved_encoder(tmp_path) is None
