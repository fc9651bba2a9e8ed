"""Fluency scoring with a local causal language model (TQA5xx).

Layout:

- ``paths``: where models, manifests, calibrations and caches live.
- ``manifest``: the ``models/*.toml`` manifests (which model, which package ships it, licence).
- ``loader``: turns a manifest name or a local Hugging Face directory into a loaded model,
  converting a GGUF file once into a safetensors cache keyed by its checksum.
- ``scorer``: batched, right-padded log-probability scoring (``LMScorer``).
- ``cache``: the SQLite score cache keyed by (model key, text).
- ``calibration``: per-language calibration that turns a mean log-probability into a 0-100
  ``fluency`` percentile comparable across lengths and languages.
- ``degenerate``: model-free detection of repetition loops (TQA502).

Only ``loader`` and ``scorer`` import torch/transformers, and only inside functions.
"""

from __future__ import annotations
