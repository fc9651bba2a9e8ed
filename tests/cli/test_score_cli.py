"""``tqa score`` equals the sacrebleu command line, with one or several references."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import sacrebleu

HYP = ["The army withdrew from the city.", "At least 311 people died.", "Talks resumed."]
REF1 = ["The army pulled out of the city.", "At least 311 people have died.", "Talks restarted."]
REF2 = ["Troops left the city.", "No fewer than 311 people died.", "The talks resumed."]


def write(path: Path, lines: list[str]) -> Path:
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_score_two_references(tmp_path: Path) -> None:
    hyp, r1, r2 = (
        write(tmp_path / "hyp.txt", HYP),
        write(tmp_path / "r1.txt", REF1),
        write(tmp_path / "r2.txt", REF2),
    )
    out = tmp_path / "scores.json"
    proc = subprocess.run(
        [sys.executable, "-m", "tqa", "score", str(hyp), "--ref", str(r1), "--ref", str(r2)]
        + ["-o", str(out)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stderr
    data = json.loads(out.read_text(encoding="utf-8"))
    segments = data["segments"]
    assert [s["id"] for s in segments] == ["1", "2", "3"]
    for seg, h, a, b in zip(segments, HYP, REF1, REF2, strict=True):
        assert seg["scores"]["bleu"] == round(sacrebleu.sentence_bleu(h, [a, b]).score, 6)
        assert seg["scores"]["chrf"] == round(sacrebleu.sentence_chrf(h, [a, b]).score, 6)
        assert seg["scores"]["ter"] == round(sacrebleu.sentence_ter(h, [a, b]).score, 6)
    cli = subprocess.run(
        [sys.executable, "-m", "sacrebleu", str(r1), str(r2), "-i", str(hyp)]
        + ["-m", "bleu", "chrf", "ter", "-w", "4"],
        capture_output=True,
        text=True,
        check=True,
    )
    expected = {e["name"]: e for e in json.loads(cli.stdout)}
    corpus = data["summary"]["metrics"]["TQA700"]
    assert round(corpus["bleu"], 4) == expected["BLEU"]["score"]
    assert round(corpus["chrf"], 4) == expected["chrF2"]["score"]
    assert round(corpus["ter"], 4) == expected["TER"]["score"]
    assert corpus["bleu_signature"] == expected["BLEU"]["signature"]
    assert corpus["bleu_signature"].startswith("nrefs:2|")


def test_score_length_mismatch_is_an_error(tmp_path: Path) -> None:
    hyp = write(tmp_path / "hyp.txt", HYP)
    ref = write(tmp_path / "ref.txt", REF1[:2])
    proc = subprocess.run(
        [sys.executable, "-m", "tqa", "score", str(hyp), "--ref", str(ref)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 2
    assert f"{hyp} has 3 lines, {ref} has 2 lines" in proc.stderr
    assert "Traceback" not in proc.stderr
