"""How many CPUs this process may use: the default of ``--jobs``.

``os.cpu_count()`` counts the machine's CPUs, not this process's share. On a shared host a
process is often given fewer: a CPU affinity mask (``taskset``, a cpuset, a batch scheduler's
allocation) or a cgroup CPU quota (a container started with ``--cpus 2``, a Kubernetes CPU
limit). One worker per machine CPU there means dozens of workers on two CPUs' worth of time:
no faster, and dozens of copies of the checks' tables in memory.
"""

from __future__ import annotations

import math
import os
from pathlib import Path

CGROUP_ROOT = Path("/sys/fs/cgroup")


def usable_cpus(root: Path = CGROUP_ROOT, own_cgroup: Path = Path("/proc/self/cgroup")) -> int:
    """The CPUs of this process's affinity mask, capped by its cgroup CPU quota; at least 1."""
    try:
        count = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):  # not on Linux
        count = os.cpu_count() or 1
    quota = cgroup_cpu_quota(root, own_cgroup)
    if quota is not None:
        count = min(count, quota)
    return max(1, count)


def cgroup_cpu_quota(
    root: Path = CGROUP_ROOT, own_cgroup: Path = Path("/proc/self/cgroup")
) -> int | None:
    """CPUs' worth of time the cgroup quota allows, rounded up; None without a quota.

    cgroup v2: ``cpu.max`` (``"max 100000"`` or ``"QUOTA PERIOD"``). cgroup v1: the ``cpu``
    controller's ``cpu.cfs_quota_us`` over ``cpu.cfs_period_us`` (quota -1: none). Read for
    the process's cgroup (``/proc/self/cgroup``) and every cgroup above it, the smallest
    winning. Missing, unreadable or malformed files count as no quota.
    """
    v2_path, v1_path = _own_cgroups(own_cgroup)
    limits = [_v2_limit(folder / "cpu.max") for folder in _folders(root, v2_path)]
    for name in ("cpu", "cpu,cpuacct", "cpuacct,cpu"):
        if (root / name).is_dir():
            limits += [_v1_limit(folder) for folder in _folders(root / name, v1_path)]
            break
    found = [limit for limit in limits if limit is not None]
    return min(found) if found else None


def _own_cgroups(own_cgroup: Path) -> tuple[str, str]:
    """This process's cgroup v2 path and its cgroup v1 ``cpu`` path ("" when not given)."""
    v2 = v1 = ""
    try:
        lines = own_cgroup.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeError):
        return v2, v1
    for line in lines:
        _, _, rest = line.partition(":")
        controllers, _, path = rest.partition(":")
        if line.startswith("0::"):
            v2 = path
        elif "cpu" in controllers.split(","):
            v1 = path
    return v2, v1


def _folders(base: Path, path: str) -> list[Path]:
    """``base`` and each folder on the way down to ``base/path``."""
    folders = [base]
    parts = [p for p in path.split("/") if p and p != ".."]
    for depth in range(1, len(parts) + 1):
        folders.append(base.joinpath(*parts[:depth]))
    return folders


def _v2_limit(path: Path) -> int | None:
    fields = _read(path).split()
    if len(fields) != 2 or fields[0] == "max":
        return None
    return _ratio(fields[0], fields[1])


def _v1_limit(folder: Path) -> int | None:
    return _ratio(_read(folder / "cpu.cfs_quota_us"), _read(folder / "cpu.cfs_period_us"))


def _ratio(quota: str, period: str) -> int | None:
    try:
        q, p = int(quota), int(period)
    except ValueError:
        return None
    if q <= 0 or p <= 0:
        return None
    return max(1, math.ceil(q / p))


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeError):
        return ""
