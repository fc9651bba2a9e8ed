"""``tqa align``: the command function, mounted as the lead mounts it (one line)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import typer
from typer.testing import CliRunner

from tests.conftest import ROOT
from tqa.cli import align
from tqa.formats import ReadOptions, read_segments

SEEDS = ROOT / "seeds"

app = typer.Typer()
app.command(name="align")(align.align)
app.command(name="unused")(lambda: None)  # two commands: typer keeps the "align" sub-command

runner = CliRunner()


def run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, ["align", *args])
    return result.exit_code, result.stdout, result.stderr


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


def test_align_seed_writes_the_jsonl_contract(tmp_path: Path) -> None:
    out = tmp_path / "pairs.jsonl"
    code, stdout, stderr = run(
        str(SEEDS / "aleppo.es.txt"),
        str(SEEDS / "aleppo.en.txt"),
        "-s",
        "es",
        "-l",
        "en",
        "-o",
        str(out),
    )
    assert code == 0, stderr
    assert stdout == ""
    assert "10 pairs (10 1-1); 0 omitted, 0 added, 0 with confidence below 0.5" in stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    gold = [json.loads(line) for line in (SEEDS / "aleppo.es-en.jsonl").open(encoding="utf-8")]
    assert [(r["source"], r["target"]) for r in records] == [
        (g["source"], g["target"]) for g in gold
    ]
    assert list(records[0]) == [
        "id",
        "source",
        "target",
        "src_lang",
        "tgt_lang",
        "src_sents",
        "tgt_sents",
        "confidence",
        "flags",
    ]
    assert records[3]["id"] == "p4.s1-p4.s1"
    assert (records[3]["src_sents"], records[3]["tgt_sents"]) == ([3], [3])
    # readable back by the JSONL reader, extra keys ignored
    segments = list(read_segments(out, ReadOptions()))
    first = segments[0]
    assert (first.id, first.source, first.target, first.src_lang) == (
        "p1.s1-p1.s1",
        gold[0]["source"],
        gold[0]["target"],
        "es",
    )


def test_align_to_stdout_with_an_omission(tmp_path: Path) -> None:
    src = write(
        tmp_path / "a.es.md",
        "# Bombardeos en *Alepo*\n\n"
        "Aviones rusos bombardearon el sábado varios barrios de Alepo, en el norte de Siria. "
        "Entre los fallecidos hay 28 civiles. "
        "Turquía pidió el fin inmediato de los bombardeos en la provincia de Idlib.\n",
    )
    tgt = write(
        tmp_path / "a.en.txt",
        "Bombings in Aleppo\n"
        "Russian jets bombed several districts of Aleppo, in northern Syria, on Saturday. "
        "Turkey called for an immediate end to the bombing in Idlib province.\n",
    )
    code, stdout, stderr = run(str(src), str(tgt), "-s", "es", "-l", "en")
    assert code == 0, stderr
    records = [json.loads(line) for line in stdout.splitlines()]
    assert [(r["id"], r["source"][:20], r["target"][:20], r["flags"]) for r in records] == [
        ("p1.s1-p1.s1", "Bombardeos en Alepo", "Bombings in Aleppo", []),
        ("p2.s1-p2.s1", "Aviones rusos bombar", "Russian jets bombed ", []),
        ("p2.s2-none", "Entre los fallecidos", "", ["omission"]),
        ("p2.s3-p2.s2", "Turquía pidió el fin", "Turkey called for an", []),
    ]
    assert "1 omitted, 0 added" in stderr


def test_align_needs_languages(tmp_path: Path) -> None:
    src = write(tmp_path / "a.txt", "Hola.\n")
    code, _, stderr = run(str(src), str(src), "--config", str(write(tmp_path / "t.toml", "")))
    assert code == 2
    assert "no source or target language" in stderr


def test_align_missing_file_is_a_one_line_error(tmp_path: Path) -> None:
    code, _, stderr = run(
        str(tmp_path / "no.txt"), str(tmp_path / "no.en.txt"), "-s", "es", "-l", "en"
    )
    assert code == 2
    assert stderr.strip() == f"tqa: error: {tmp_path / 'no.txt'}: file not found"


def test_tqa_check_reads_the_align_output(tmp_path: Path) -> None:
    out = tmp_path / "pairs.jsonl"
    code, _, stderr = run(
        str(SEEDS / "aleppo.es.txt"),
        str(SEEDS / "aleppo.en.txt"),
        "-s",
        "es",
        "-l",
        "en",
        "-o",
        str(out),
    )
    assert code == 0, stderr
    checked = subprocess.run(
        [sys.executable, "-m", "tqa", "check", str(out), "--select", "TQA1", "-f", "jsonl", "-q"],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )
    assert checked.returncode == 0, checked.stderr
    ids = [json.loads(line)["id"] for line in checked.stdout.splitlines()]
    assert ids == [f"p{n}.s1-p{n}.s1" for n in range(1, 11)]
