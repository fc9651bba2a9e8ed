"""The default of ``--jobs``: the CPUs this process may use, not the machine's."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from tqa.core import cpus
from tqa.core.cpus import cgroup_cpu_quota, usable_cpus


def tree(tmp_path: Path, files: dict[str, str], own: str) -> tuple[Path, Path]:
    """A fake ``/sys/fs/cgroup`` holding ``files`` and a fake ``/proc/self/cgroup``."""
    root = tmp_path / "cgroup"
    root.mkdir()
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text + "\n", encoding="ascii")
    own_file = tmp_path / "self-cgroup"
    own_file.write_text(own, encoding="ascii")
    return root, own_file


@pytest.mark.parametrize(
    ("files", "own", "expected"),
    [
        # cgroup v2
        ({"cpu.max": "max 100000"}, "0::/\n", None),
        ({"cpu.max": "200000 100000"}, "0::/\n", 2),
        ({"cpu.max": "150000 100000"}, "0::/\n", 2),  # 1.5 CPUs' worth: 2 workers
        ({"cpu.max": "50000 100000"}, "0::/\n", 1),
        # the process's own cgroup and those above it; the smallest quota wins
        (
            {"cpu.max": "max 100000", "a/cpu.max": "400000 100000", "a/b/cpu.max": "max 100000"},
            "0::/a/b\n",
            4,
        ),
        (
            {"a/cpu.max": "800000 100000", "a/b/cpu.max": "300000 100000"},
            "0::/a/b\n",
            3,
        ),
        ({"cpu.max": "nonsense"}, "0::/\n", None),
        ({"cpu.max": "0 100000"}, "0::/\n", None),
        ({}, "0::/\n", None),
        # cgroup v1, the cpu controller alone or mounted with cpuacct
        ({"cpu/cpu.cfs_quota_us": "-1", "cpu/cpu.cfs_period_us": "100000"}, "1:cpu:/\n", None),
        ({"cpu/cpu.cfs_quota_us": "300000", "cpu/cpu.cfs_period_us": "100000"}, "1:cpu:/\n", 3),
        (
            {
                "cpu,cpuacct/cpu.cfs_quota_us": "-1",
                "cpu,cpuacct/cpu.cfs_period_us": "100000",
                "cpu,cpuacct/docker/x/cpu.cfs_quota_us": "200000",
                "cpu,cpuacct/docker/x/cpu.cfs_period_us": "100000",
            },
            "4:cpu,cpuacct:/docker/x\n0::/\n",
            2,
        ),
        ({"cpu/cpu.cfs_quota_us": "300000"}, "1:cpu:/\n", None),  # no period: no quota
    ],
)
def test_cgroup_cpu_quota(
    tmp_path: Path, files: dict[str, str], own: str, expected: int | None
) -> None:
    root, own_file = tree(tmp_path, files, own)
    assert cgroup_cpu_quota(root, own_file) == expected


def test_an_unreadable_proc_file_reads_the_root_only(tmp_path: Path) -> None:
    root, _ = tree(tmp_path, {"cpu.max": "100000 100000"}, "")
    assert cgroup_cpu_quota(root, tmp_path / "missing") == 1


def test_usable_cpus_is_the_affinity_capped_by_the_quota(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1, 2, 3, 4, 5}, raising=False)
    root, own = tree(tmp_path, {"cpu.max": "max 100000"}, "0::/\n")
    assert usable_cpus(root, own) == 6
    (root / "cpu.max").write_text("250000 100000\n", encoding="ascii")
    assert usable_cpus(root, own) == 3
    (root / "cpu.max").write_text("900000 100000\n", encoding="ascii")
    assert usable_cpus(root, own) == 6


def test_without_an_affinity_call_the_machine_count_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delattr(os, "sched_getaffinity", raising=False)
    monkeypatch.setattr(cpus.os, "cpu_count", lambda: None)
    root, own = tree(tmp_path, {}, "")
    assert usable_cpus(root, own) == 1
    monkeypatch.setattr(cpus.os, "cpu_count", lambda: 8)
    assert usable_cpus(root, own) == 8


def test_negative_jobs_is_a_usage_error() -> None:
    from typer.testing import CliRunner

    from tests.conftest import ROOT
    from tqa.cli.app import app

    seed = ROOT / "seeds" / "aleppo.es-en.jsonl"
    result = CliRunner().invoke(app, ["check", str(seed), "--select", "TQA101", "-j", "-2"])
    assert result.exit_code == 2
    assert "Invalid value for '--jobs' / '-j': Input should be greater than or equal to" in (
        " ".join(result.output.replace("│", " ").split())
    )
