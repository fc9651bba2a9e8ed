"""Model manifests: ``models/<name>.toml`` (see ``tqa.fluency.paths`` for the search order)."""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

from tqa.errors import TqaError
from tqa.fluency.paths import PACKAGED_DIR, cache_dir, models_dirs

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_MODEL = "gemma3-270m"
_REQUIRED = ("name", "package", "module", "file", "sha256", "licence", "loader")


class FluencyModelError(TqaError):
    """A fluency model cannot be found, verified or loaded."""


@dataclass(frozen=True)
class ModelManifest:
    """What one manifest says about a model."""

    name: str
    description: str
    package: str
    module: str
    file: str
    sha256: str
    languages: tuple[str, ...]
    licence: str
    loader: str
    dtype: str
    path: Path
    default: bool = False


def read_manifest(path: Path) -> ModelManifest:
    """Parse one manifest file; a missing or mistyped key is a ``FluencyModelError``."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise FluencyModelError(f"{path}: cannot read model manifest: {exc}") from None
    missing = [key for key in _REQUIRED if not isinstance(data.get(key), str)]
    if missing:
        raise FluencyModelError(f"{path}: manifest lacks {', '.join(missing)}")
    languages = data.get("languages", [])
    if not isinstance(languages, list) or not all(isinstance(x, str) for x in languages):
        raise FluencyModelError(f"{path}: 'languages' must be a list of language codes")
    return ModelManifest(
        name=data["name"],
        description=str(data.get("description", "")),
        package=data["package"],
        module=data["module"],
        file=data["file"],
        sha256=data["sha256"].lower(),
        languages=tuple(languages),
        licence=data["licence"],
        loader=data["loader"],
        dtype=str(data.get("dtype", "float32")),
        path=path,
        default=bool(data.get("default", False)),
    )


def list_manifests() -> list[ModelManifest]:
    """Every manifest found, one per name (the first folder in search order wins)."""
    found: dict[str, ModelManifest] = {}
    for folder in models_dirs():
        if not folder.is_dir():
            continue
        for path in sorted(folder.glob("*.toml")):
            manifest = read_manifest(path)
            found.setdefault(manifest.name, manifest)
    return sorted(found.values(), key=lambda m: m.name)


def find_manifest(name: str) -> ModelManifest | None:
    for manifest in list_manifests():
        if manifest.name == name:
            return manifest
    return None


def calibration_path(model_name: str) -> Path | None:
    """The calibration file of a model, from the first models folder that has one."""
    filename = f"{model_name}.calibration.json"
    folders = [d for d in models_dirs() if d != PACKAGED_DIR]
    folders += [cache_dir() / "calibration", PACKAGED_DIR]
    for folder in folders:
        if (folder / filename).is_file():
            return folder / filename
    return None
