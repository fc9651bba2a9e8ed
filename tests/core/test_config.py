from __future__ import annotations

from pathlib import Path

import pytest

from tests.core.dummy import ALL
from tqa.core.check import RunContext
from tqa.core.config import find_config, load_config
from tqa.core.model import Severity
from tqa.core.pipeline import build_checks
from tqa.core.registry import Registry
from tqa.errors import ConfigError


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_full_config(tmp_path: Path) -> None:
    path = write(
        tmp_path,
        "tqa.toml",
        'src_lang = "es"\ntgt_lang = "en"\nselect = ["TQA2"]\nignore = "TQA203"\n'
        'fail_on = "critical"\nglossary = ["g.tbx"]\n[severity]\nTQA201 = "minor"\n'
        '[checks."format.length-ratio"]\nmax_ratio = 2.5\n',
    )
    cfg = load_config(path)
    assert (cfg.src_lang, cfg.tgt_lang, cfg.select, cfg.ignore, cfg.fail_on) == (
        "es",
        "en",
        ["TQA2"],
        ["TQA203"],
        "critical",
    )
    assert cfg.glossary == [tmp_path / "g.tbx"]
    assert cfg.severity == {"TQA201": Severity.MINOR}
    assert cfg.checks == {"format.length-ratio": {"max_ratio": 2.5}}


def test_unknown_key_names_key_and_file(tmp_path: Path) -> None:
    path = write(tmp_path, "tqa.toml", 'selekt = ["TQA2"]\n')
    with pytest.raises(ConfigError) as exc:
        load_config(path)
    assert str(exc.value) == f"{path}: unknown key 'selekt'"


def test_pyproject_tool_section(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[tool.tqa]\nfail_on = "minor"\ncolour = "red"\n')
    path = find_config(tmp_path)
    assert path == tmp_path / "pyproject.toml"
    with pytest.raises(ConfigError, match=r"unknown key 'tool\.tqa\.colour'"):
        load_config(path)


def test_pyproject_without_section_is_not_a_config(tmp_path: Path) -> None:
    write(tmp_path, "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(tmp_path) is None


def test_bad_severity_and_bad_toml(tmp_path: Path) -> None:
    path = write(tmp_path, "tqa.toml", '[severity]\nTQA201 = "huge"\n')
    with pytest.raises(ConfigError, match=r"'severity.TQA201': unknown severity 'huge'"):
        load_config(path)
    path = write(tmp_path, "tqa.toml", "select = [\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(path)


def test_unknown_check_and_option_are_errors(tmp_path: Path) -> None:
    registry = Registry(ALL)
    cfg = load_config(write(tmp_path, "tqa.toml", '[checks."other.repeat"]\nfold = true\n'))
    with pytest.raises(ConfigError, match="unknown option 'fold' for check TST201"):
        build_checks(cfg, RunContext(), registry)
    cfg = load_config(write(tmp_path, "tqa.toml", '[severity]\nTQA999 = "minor"\n'))
    with pytest.raises(ConfigError, match="severity for unknown check 'TQA999'"):
        build_checks(cfg, RunContext(), registry)


def test_penalties(tmp_path: Path) -> None:
    cfg = load_config(write(tmp_path, "tqa.toml", "[penalties]\nmajor = 10\n"))
    assert cfg.penalties == {"neutral": 0.0, "minor": 1.0, "major": 10.0, "critical": 25.0}
    with pytest.raises(ConfigError, match=r"unknown key 'penalties\.fatal'"):
        load_config(write(tmp_path, "tqa.toml", "[penalties]\nfatal = 100\n"))
    with pytest.raises(ConfigError, match="must be a number >= 0"):
        load_config(write(tmp_path, "tqa.toml", '[penalties]\nminor = "one"\n'))
