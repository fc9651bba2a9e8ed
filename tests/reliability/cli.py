"""Run the real ``tqa`` command in subprocesses, several at once to keep the suite fast."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from tests.conftest import ROOT

BAD = ROOT / "tests" / "bad_inputs"
CLI = BAD / "cli"
GLOSSARY = BAD / "glossary"
PREVIOUS = "previous report\n"


def tqa(*args: str, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """``python -m tqa ARGS`` from the repository root, output captured as text."""
    return subprocess.run(
        [sys.executable, "-m", "tqa", *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=timeout,
    )


def run_all(commands: Sequence[Sequence[str]]) -> list[subprocess.CompletedProcess[str]]:
    """Run independent ``tqa`` commands concurrently; results in the order given."""
    with ThreadPoolExecutor(max_workers=8) as pool:
        return list(pool.map(lambda args: tqa(*args), commands))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()
