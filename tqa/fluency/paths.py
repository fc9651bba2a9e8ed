"""Where tqa keeps model manifests, calibrations and caches.

Manifests and calibration files are read from the first of these folders that exists:

1. ``$TQA_MODELS_DIR`` when set;
2. ``models/`` at the root of a source checkout (``tqa/`` next to ``models/``), so editing a
   manifest in the repository takes effect at once;
3. the copy packaged with tqa under ``tqa/fluency/data/`` (installed wheels). A test keeps that
   copy identical to ``models/``.

Caches (assembled GGUF files, the safetensors conversion, the score database, calibrations
computed on an installed package) live in ``platformdirs.user_cache_dir("tqa")``, or in
``$TQA_CACHE_DIR`` when set (tests point it at a temporary folder).
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGED_DIR = Path(__file__).resolve().parent / "data"
REPO_MODELS_DIR = Path(__file__).resolve().parents[2] / "models"


def models_dirs() -> list[Path]:
    """The folders searched for manifests and calibrations, most specific first."""
    dirs: list[Path] = []
    env = os.environ.get("TQA_MODELS_DIR")
    if env:
        dirs.append(Path(env))
    if REPO_MODELS_DIR.is_dir():
        dirs.append(REPO_MODELS_DIR)
    dirs.append(PACKAGED_DIR)
    return dirs


def cache_dir() -> Path:
    """The user cache folder of tqa (created on demand)."""
    env = os.environ.get("TQA_CACHE_DIR")
    if env:
        path = Path(env)
    else:
        from platformdirs import user_cache_dir

        path = Path(user_cache_dir("tqa"))
    path.mkdir(parents=True, exist_ok=True)
    return path
