"""Configuration: class defaults -> ``tqa.toml`` (or ``[tool.tqa]``) -> command-line flags.

Recognised keys (all optional)::

    src_lang = "es"
    tgt_lang = "en"
    select = ["TQA"]            # code prefixes or check names
    ignore = ["TQA105"]
    fail_on = "major"           # neutral | minor | major | critical | never
    glossary = ["corpora/glossaries/conflict-syria.tbx"]   # relative to the config file
    fluency_model = "gemma3-270m"

    [severity]                  # per check, by code or name
    TQA105 = "minor"

    [checks."format.length-ratio"]   # options of one check, by code or name
    max_ratio = 2.5

    [penalties]                 # quality-score weights per severity
    minor = 1
    major = 5
    critical = 25

Unknown keys, unknown checks and unknown options are errors that name the key and the file.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tqa.core.model import Severity
from tqa.core.summary import DEFAULT_PENALTIES
from tqa.errors import ConfigError

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

FAIL_ON_CHOICES = ("neutral", "minor", "major", "critical", "never")

_TOP_KEYS = {
    "src_lang",
    "tgt_lang",
    "select",
    "ignore",
    "fail_on",
    "glossary",
    "fluency_model",
    "severity",
    "checks",
    "penalties",
}


@dataclass
class Config:
    src_lang: str | None = None
    tgt_lang: str | None = None
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    fail_on: str = "major"
    glossary: list[Path] = field(default_factory=list)
    fluency_model: str | None = None
    severity: dict[str, Severity] = field(default_factory=dict)
    checks: dict[str, dict[str, Any]] = field(default_factory=dict)
    penalties: dict[str, float] = field(default_factory=lambda: dict(DEFAULT_PENALTIES))
    path: Path | None = None


def find_config(start: Path | None = None) -> Path | None:
    """``tqa.toml`` in the current directory, else a ``pyproject.toml`` with ``[tool.tqa]``."""
    base = start or Path.cwd()
    candidate = base / "tqa.toml"
    if candidate.is_file():
        return candidate
    pyproject = base / "pyproject.toml"
    if pyproject.is_file():
        try:
            data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError):
            return None
        if "tqa" in data.get("tool", {}):
            return pyproject
    return None


def _str_list(value: Any, key: str, path: Path) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return list(value)
    raise ConfigError(f"{path}: '{key}' must be a string or a list of strings")


def load_config(path: Path | None) -> Config:
    """Read a config file; ``None`` gives the defaults."""
    if path is None:
        return Config()
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{path}: config file not found") from None
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not valid UTF-8 ({exc.reason})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    if path.name == "pyproject.toml":
        raw = raw.get("tool", {}).get("tqa", {})
        prefix = "tool.tqa."
    else:
        prefix = ""
    return _from_mapping(raw, path, prefix)


def _from_mapping(raw: dict[str, Any], path: Path, prefix: str) -> Config:
    for key in raw:
        if key not in _TOP_KEYS:
            raise ConfigError(f"{path}: unknown key '{prefix}{key}'")
    cfg = Config(path=path)
    for key in ("src_lang", "tgt_lang", "fluency_model"):
        if key in raw:
            if not isinstance(raw[key], str):
                raise ConfigError(f"{path}: '{prefix}{key}' must be a string")
            setattr(cfg, key, raw[key])
    cfg.select = _str_list(raw.get("select", []), prefix + "select", path)
    cfg.ignore = _str_list(raw.get("ignore", []), prefix + "ignore", path)
    if "fail_on" in raw:
        value = raw["fail_on"]
        if value not in FAIL_ON_CHOICES:
            raise ConfigError(
                f"{path}: '{prefix}fail_on' must be one of {', '.join(FAIL_ON_CHOICES)}"
            )
        cfg.fail_on = value
    cfg.glossary = [
        (path.parent / g) for g in _str_list(raw.get("glossary", []), prefix + "glossary", path)
    ]
    severity = raw.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{path}: '{prefix}severity' must be a table")
    for check, value in severity.items():
        try:
            cfg.severity[check] = Severity.parse(str(value))
        except ValueError as exc:
            raise ConfigError(f"{path}: '{prefix}severity.{check}': {exc}") from None
    checks = raw.get("checks", {})
    if not isinstance(checks, dict) or not all(isinstance(v, dict) for v in checks.values()):
        raise ConfigError(f"{path}: '{prefix}checks' must hold one table per check")
    cfg.checks = {k: dict(v) for k, v in checks.items()}
    penalties = raw.get("penalties", {})
    if not isinstance(penalties, dict):
        raise ConfigError(f"{path}: '{prefix}penalties' must be a table")
    for severity, weight in penalties.items():
        if severity not in DEFAULT_PENALTIES:
            raise ConfigError(f"{path}: unknown key '{prefix}penalties.{severity}'")
        if isinstance(weight, bool) or not isinstance(weight, (int, float)) or weight < 0:
            raise ConfigError(f"{path}: '{prefix}penalties.{severity}' must be a number >= 0")
        cfg.penalties[severity] = float(weight)
    return cfg
