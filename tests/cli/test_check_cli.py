"""End-to-end tests of ``tqa check`` through the real console entry point."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

RULES = ["--select", "TQA1"]


def tqa(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "tqa", *args],
        capture_output=True,
        text=True,
        cwd=cwd or ROOT,
        timeout=300,
    )


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


ROWS = [
    {"id": "a", "source": "Hola.", "target": "Hello."},
    {"id": "b", "source": "Cuatro días de combates.", "target": ""},
    {"id": "c", "source": '=HYPERLINK("http://x")', "target": '=HYPERLINK("http://x")'},
]


def test_jsonl_output_contract_one_result_per_segment(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    proc = tqa("check", str(src), "-s", "es", "-l", "en", *RULES, "-f", "jsonl")
    assert proc.returncode == 1, proc.stderr  # TQA101 empty target is major
    lines = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [line["id"] for line in lines] == ["a", "b", "c"]
    for line in lines:
        assert list(line) == ["id", "source", "target", "findings", "scores"]
        for finding in line["findings"]:
            assert list(finding) == [
                "code",
                "name",
                "category",
                "severity",
                "message",
                "source_span",
                "target_span",
                "suggestion",
            ]
    assert [f["code"] for f in lines[1]["findings"]] == ["TQA101"]
    assert lines[1]["findings"][0]["severity"] == "major"
    assert "3 segments" in proc.stderr
    assert "Traceback" not in proc.stderr


def test_fail_on_thresholds(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS[:2])
    args = ["check", str(src), "-s", "es", "-l", "en", *RULES, "-f", "jsonl", "-q"]
    assert tqa(*args, "--fail-on", "never").returncode == 0
    assert tqa(*args, "--fail-on", "critical").returncode == 0
    assert tqa(*args, "--fail-on", "major").returncode == 1
    clean = write_jsonl(tmp_path / "ok.jsonl", ROWS[:1])
    assert tqa("check", str(clean), "-s", "es", "-l", "en", *RULES, "-q").returncode == 0


def test_output_file_is_written_atomically_and_csv_is_neutralised(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    out = tmp_path / "report.csv"
    proc = tqa("check", str(src), "-s", "es", "-l", "en", *RULES, "-o", str(out), "-q")
    assert proc.returncode == 1
    assert proc.stdout == ""
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert [r["id"] for r in rows] == ["a", "b", "c"]
    assert rows[2]["source"] == '\'=HYPERLINK("http://x")'
    assert [p.name for p in tmp_path.iterdir() if p.name.endswith(".tmp")] == []


def test_bad_input_exit_2_names_file_and_line_and_writes_nothing(tmp_path: Path) -> None:
    src = tmp_path / "bad.jsonl"
    src.write_text('{"id": "1", "source": "a", "target": "b"}\n[1, 2]\n', encoding="utf-8")
    out = tmp_path / "out.jsonl"
    out.write_text("previous report\n", encoding="utf-8")
    proc = tqa("check", str(src), "-s", "es", "-l", "en", *RULES, "-o", str(out))
    assert proc.returncode == 2
    assert f"{src}:2: expected a JSON object, got list" in proc.stderr
    assert "Traceback" not in proc.stderr
    assert out.read_text(encoding="utf-8") == "previous report\n"


def test_missing_language_and_missing_file(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS[:1])
    proc = tqa("check", str(src), *RULES)
    assert proc.returncode == 2
    assert f"{src}:1: no source or target language" in proc.stderr
    proc = tqa("check", str(tmp_path / "nope.jsonl"), "-s", "es", "-l", "en")
    assert proc.returncode == 2
    assert f"{tmp_path / 'nope.jsonl'}: file not found" in proc.stderr


def test_rule_only_run_does_not_import_torch_or_transformers(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    code = (
        "import sys\n"
        "from tqa.cli.app import app\n"
        f"args = ['check', {str(src)!r}, '-s', 'es', '-l', 'en', '--ignore', 'TQA5', "
        "'-f', 'jsonl', '-q', '--fail-on', 'never']\n"
        "try:\n    app(args)\nexcept SystemExit as exc:\n    assert exc.code == 0, exc.code\n"
        "heavy = sorted(m for m in ('torch', 'transformers') if m in sys.modules)\n"
        "print('HEAVY', heavy, file=sys.stderr)\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=300
    )
    assert "HEAVY []" in proc.stderr, proc.stderr
    help_code = (
        "import sys\nfrom tqa.cli.app import app\n"
        "try:\n    app(['--help'])\nexcept SystemExit:\n    pass\n"
        "print('HEAVY', sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", help_code], capture_output=True, text=True, cwd=ROOT, timeout=120
    )
    assert "HEAVY []" in proc.stdout


def test_json_format_has_signature_and_summary(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS)
    proc = tqa("check", str(src), "-s", "es", "-l", "en", "--select", "TQA101", "-f", "json")
    data = json.loads(proc.stdout)
    assert data["checks"] == ["TQA101"]
    assert data["signature"].startswith("tqa:0.1.0|python:")
    assert data["signature"].endswith("|fail_on:major|checks:TQA101")
    assert [s["id"] for s in data["segments"]] == ["a", "b", "c"]
    assert data["summary"]["segments"] == 3
    assert data["summary"]["by_code"] == {"TQA101": 1}
    assert data["summary"]["by_severity"] == {"critical": 0, "major": 1, "minor": 0, "neutral": 0}


def test_table_format_groups_per_segment(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS[:2])
    proc = tqa("check", str(src), "-s", "es", "-l", "en", "--select", "TQA101", "-f", "table")
    assert proc.returncode == 1
    lines = proc.stdout.splitlines()
    assert lines[1] == "a  es→en  ok"
    assert "b  es→en" in lines
    assert any(line.startswith("  major    TQA101 format.empty-target: ") for line in lines)
    assert "2 segments checked, 1 with findings; 1 findings (0 critical, 1 major" in proc.stdout
    assert all(len(line) <= 100 for line in lines)


def test_unknown_selector_is_a_usage_error(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", ROWS[:1])
    proc = tqa("check", str(src), "-s", "es", "-l", "en", "--select", "TQA999")
    assert proc.returncode == 2
    assert "selector 'TQA999' matches no check" in proc.stderr


def test_a_missing_glossary_is_the_same_error_for_every_command(tmp_path: Path) -> None:
    missing = tmp_path / "none.tbx"
    demo = ROOT / "corpora" / "demo"
    for args in (
        ["check", str(demo / "demo.es-en.jsonl"), *RULES, "-g", str(missing)],
        ["align", str(demo / "demo.es.txt"), str(demo / "demo.en.txt"), "-g", str(missing)],
        ["glossary", "lookup", "Alepo", "-g", str(missing)],
    ):
        proc = tqa(*args)
        assert (proc.returncode, proc.stdout) == (2, ""), args
        assert proc.stderr == f"tqa: error: {missing}: glossary file not found\n", args
