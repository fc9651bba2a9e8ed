"""``atomic_text_writer``: a file replaced in one step, with ordinary permissions."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tqa.report.output import atomic_text_writer


def mode_of(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_permissions_the_umask_gives(tmp_path: Path) -> None:
    previous = os.umask(0o027)
    try:
        with atomic_text_writer(tmp_path / "report.html") as stream:
            stream.write("<p>ok</p>\n")
    finally:
        os.umask(previous)
    assert mode_of(tmp_path / "report.html") == 0o640
    assert (tmp_path / "report.html").read_text(encoding="utf-8") == "<p>ok</p>\n"


def test_a_replaced_file_keeps_its_permissions(tmp_path: Path) -> None:
    path = tmp_path / "report.jsonl"
    path.write_text("old\n", encoding="utf-8")
    path.chmod(0o604)
    with atomic_text_writer(path) as stream:
        stream.write("new\n")
    assert mode_of(path) == 0o604
    assert path.read_text(encoding="utf-8") == "new\n"


def test_an_error_leaves_the_old_file_and_no_temporary_file(tmp_path: Path) -> None:
    path = tmp_path / "report.jsonl"
    path.write_text("old\n", encoding="utf-8")
    with pytest.raises(RuntimeError), atomic_text_writer(path) as stream:
        stream.write("half of the new")
        raise RuntimeError("disk full")
    assert path.read_text(encoding="utf-8") == "old\n"
    assert [p.name for p in tmp_path.iterdir()] == ["report.jsonl"]
