from __future__ import annotations

import os
from pathlib import Path

import pytest

# Tests never touch the network or the user's real cache.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(autouse=True)
def _user_dirs(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keep the score cache of each test session out of the user's home."""
    if "TQA_CACHE_DIR" not in os.environ:
        monkeypatch.setenv("TQA_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "tqa-cache"))
