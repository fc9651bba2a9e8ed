"""Interrupted runs leave the previous output file untouched and no temporary file behind."""

from __future__ import annotations

import json
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT


@pytest.mark.parametrize(
    ("signum", "code", "message"),
    [(signal.SIGINT, 130, "tqa: interrupted"), (signal.SIGTERM, 143, "tqa: terminated")],
)
def test_signal_keeps_old_output(tmp_path: Path, signum: int, code: int, message: str) -> None:
    src = tmp_path / "big.jsonl"
    row = {"source": "Cuatro días de combates en Alepo.", "target": "Four days of fighting."}
    with src.open("w", encoding="utf-8") as handle:
        for i in range(400_000):
            handle.write(json.dumps({"id": str(i), **row}) + "\n")
    out = tmp_path / "report.jsonl"
    out.write_text("old report\n", encoding="utf-8")
    proc = subprocess.Popen(
        [sys.executable, "-m", "tqa", "check", str(src), "-s", "es", "-l", "en"]
        + ["--select", "TQA101", "-o", str(out)],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    deadline = time.monotonic() + 120
    while not list(tmp_path.glob(".report.jsonl.*.tmp")):
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline, "the run never started writing"
        time.sleep(0.02)
    proc.send_signal(signum)
    _, stderr = proc.communicate(timeout=120)
    assert proc.returncode == code, stderr
    assert stderr.strip().splitlines()[-1] == message
    assert "Traceback" not in stderr
    assert out.read_text(encoding="utf-8") == "old report\n"
    assert list(tmp_path.glob("*.tmp")) == []
