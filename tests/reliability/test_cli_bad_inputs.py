"""Bad and hostile files through the real command: ``python -m tqa check`` in a subprocess.

Each bad file (``tests/bad_inputs/cli/`` and ``tests/bad_inputs/glossary/``) must end the run
with exit 2 and one line ``tqa: error: FILE[:LINE[:COLUMN]]: MESSAGE`` on stderr, no traceback,
nothing on stdout, and the ``-o`` file left exactly as it was. Each odd-but-valid file (BOMs,
CRLF, lone CR, an empty JSONL, a DTD that names a URL) must be read to the expected segments.

The reader-level twins of some of these live in ``tests/formats/test_bad_inputs.py``; this
module checks what a user sees at the command line.
"""

from __future__ import annotations

import http.server
import json
import subprocess
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

from tests.reliability.cli import BAD, CLI, GLOSSARY, PREVIOUS, digest, run_all, tqa

ES_EN = ("-s", "es", "-l", "en")
ENTITIES = (
    "XML entity declarations are forbidden (<!ENTITY {name} ...>): they allow "
    "external-entity (XXE) and entity-expansion (billion laughs) attacks"
)
UNSAFE_TBX = (
    "refused unsafe XML (EntitiesForbidden: entity declarations and external references "
    "are not allowed in glossaries)"
)


@dataclass(frozen=True)
class Bad:
    """A file the run must refuse, and the message that names it."""

    file: str
    """Path under ``tests/bad_inputs/`` of the file the message names."""
    where: str
    """What follows the path: ``:line``, ``:line:column`` or nothing."""
    message: str
    """The message after ``FILE:WHERE: `` (exact unless ``fragment`` is set)."""
    args: tuple[str, ...] = ES_EN
    """Options besides the input and ``-o``; ``{cli}`` stands for ``tests/bad_inputs/cli``."""
    glossary: bool = False
    """The file is a glossary (``-g``) checked on a valid input."""
    fragment: bool = False
    """Only require ``message`` to occur in the message (the rest is a parser's wording)."""

    @property
    def path(self) -> Path:
        return BAD / self.file


BAD_CASES: list[Bad] = [
    # parallel text of different lengths
    Bad(
        "cli/len3.es.txt",
        "",
        f"parallel files differ in length: {CLI / 'len3.es.txt'} has 3 lines but target "
        f"{CLI / 'len2.en.txt'} has 2 lines",
        args=(*ES_EN, "-t", "{cli}/len2.en.txt"),
    ),
    # TSV / CSV: missing column, extra column, unterminated quote
    Bad(
        "cli/missing_column.tsv",
        ":3",
        "missing field: TSV row has 2 fields, expected 3 (id, source, target)",
    ),
    Bad(
        "cli/extra_column.tsv",
        ":2",
        "extra field: TSV row has 4 fields, expected 3 (id, source, target)",
    ),
    Bad(
        "cli/missing_column.csv",
        ":3",
        "missing field: CSV row has 2 fields, expected 3 (id, source, target)",
    ),
    Bad(
        "cli/extra_column.csv",
        ":2",
        "extra field: CSV row has 4 fields, expected 3 (id, source, target)",
    ),
    Bad(
        "cli/unterminated_quote.csv",
        ":3",
        "unterminated quoted field: the quote opened in this row is never closed",
    ),
    # encodings and bytes
    Bad(
        "cli/invalid_utf8.tsv",
        ":3:7",
        "invalid UTF-8 at byte offset 39 (invalid continuation byte)",
    ),
    Bad("cli/utf16_no_bom.tsv", ":1:2", "NUL byte at byte offset 1 (binary file?)"),
    Bad(
        "cli/utf16_no_bom.jsonl",
        ":1:55",
        "invalid UTF-8 at byte offset 54 (invalid continuation byte)",
    ),
    Bad("cli/nul.tsv", ":2:6", "NUL byte at byte offset 22 (binary file?)"),
    Bad("cli/nul.jsonl", ":2:27", "NUL byte at byte offset 78 (binary file?)"),
    Bad("cli/binary.jsonl", ":1:1", "invalid UTF-8 at byte offset 0 (invalid start byte)"),
    Bad("cli/binary.xlf", ":1:2", "invalid UTF-8 at byte offset 1 (invalid start byte)"),
    Bad("cli/empty.tmx", ":1", "empty file: no XML document", args=()),
    # XML: XXE, billion laughs, a parameter entity fetching a URL, invalid nesting, no trgLang
    Bad("cli/xxe.xlf", ":3:48", ENTITIES.format(name="secret"), args=()),
    Bad("cli/xxe.tmx", ":2:61", ENTITIES.format(name="secret"), args=()),
    Bad("cli/billion_laughs.xlf", ":3:13", ENTITIES.format(name="a"), args=()),
    Bad("cli/external_dtd_param.tmx", ":3:57", ENTITIES.format(name="remote"), args=()),
    Bad("cli/invalid_nesting.xlf", ":4:60", "malformed XML: mismatched tag", args=()),
    Bad("cli/invalid_nesting.tmx", ":3:35", "malformed XML: mismatched tag", args=()),
    Bad(
        "cli/no_trglang.xlf",
        ":2",
        "XLIFF 2 file has no target language: <xliff> has no trgLang attribute and no "
        "--tgt-lang was given",
        args=("-s", "es"),
    ),
    Bad(
        "cli/deep_nesting.xlf",
        ":2",
        "cannot read the file as XLIFF 1: Excessive depth in document: 256",
        args=(),
        fragment=True,
    ),
    # JSONL: a non-object line, missing source, a number where text is expected
    Bad("cli/not_object.jsonl", ":2", "expected a JSON object, got str"),
    Bad("cli/missing_source.jsonl", ":2", "missing required key 'source'"),
    Bad("cli/number_target.jsonl", ":2", "'target' must be a string, got number"),
    # glossaries: duplicate concept ids, conflicting statuses, XXE and entity bombs in TBX
    Bad(
        "glossary/dup_concept.tbx",
        ":9",
        "duplicate concept id 'hts' (first defined on line 5)",
        glossary=True,
    ),
    Bad("glossary/dup_concept.yaml", ":10", "duplicate concept id 'hts'", glossary=True),
    Bad(
        "glossary/conflicting_status.csv",
        ":4",
        "concept 'hts': term 'HTS' (en) is both preferred and deprecated",
        glossary=True,
    ),
    Bad("glossary/xxe.tbx", ":3", UNSAFE_TBX, glossary=True),
    Bad("glossary/billion_laughs.tbx", ":3", UNSAFE_TBX, glossary=True),
]

# Known bug: kept in the table so that the fix turns it into an ordinary row.
DEEP_JSON = Bad(
    "cli/deep_nesting.jsonl",
    ":2",
    "invalid JSON",
    fragment=True,
)
ALL_BAD = [*BAD_CASES, DEEP_JSON]


def command(case: Bad, out: Path) -> list[str]:
    args = [a.replace("{cli}", str(CLI)) for a in case.args]
    if case.glossary:
        base = [str(CLI / "utf8_bom.jsonl"), *ES_EN, "-g", str(case.path), "--select", "TQA3"]
    else:
        base = [str(case.path), *args, "--select", "TQA101"]
    return ["check", *base, "-o", str(out)]


@dataclass(frozen=True)
class Outcome:
    proc: subprocess.CompletedProcess[str]
    out: Path
    hashes_before: dict[Path, str]


def inputs_of(case: Bad) -> list[Path]:
    paths = [case.path]
    paths += [CLI / a.split("/", 1)[1] for a in case.args if a.startswith("{cli}/")]
    if case.glossary:
        paths.append(CLI / "utf8_bom.jsonl")
    return paths


@pytest.fixture(scope="module")
def bad_runs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Outcome]:
    """Every bad case, run once and concurrently (each with its own output folder)."""
    outs, hashes = [], []
    for case in ALL_BAD:
        out = tmp_path_factory.mktemp("bad") / "report.jsonl"
        out.write_text(PREVIOUS, encoding="utf-8")
        outs.append(out)
        hashes.append({p: digest(p) for p in inputs_of(case)})
    procs = run_all([command(c, o) for c, o in zip(ALL_BAD, outs, strict=True)])
    return {
        case.file: Outcome(proc, out, before)
        for case, proc, out, before in zip(ALL_BAD, procs, outs, hashes, strict=True)
    }


def assert_refused(case: Bad, outcome: Outcome) -> None:
    proc = outcome.proc
    assert "Traceback" not in proc.stderr, proc.stderr
    assert proc.returncode == 2, proc.stderr
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1, proc.stderr
    prefix = f"tqa: error: {case.path}{case.where}: "
    assert lines[0].startswith(prefix), lines[0]
    detail = lines[0][len(prefix) :]
    if case.fragment:
        assert case.message in detail, detail
    else:
        assert detail == case.message
    # nothing written: the previous report is intact and no temporary file is left
    assert outcome.out.read_text(encoding="utf-8") == PREVIOUS
    assert sorted(p.name for p in outcome.out.parent.iterdir()) == ["report.jsonl"]
    # and the inputs were not touched
    assert {p: digest(p) for p in outcome.hashes_before} == outcome.hashes_before


@pytest.mark.parametrize("case", BAD_CASES, ids=[c.file for c in BAD_CASES])
def test_bad_file_exit_2_names_file_and_position(case: Bad, bad_runs: dict[str, Outcome]) -> None:
    assert_refused(case, bad_runs[case.file])


def test_deeply_nested_json_line_is_an_input_error(bad_runs: dict[str, Outcome]) -> None:
    assert_refused(DEEP_JSON, bad_runs[DEEP_JSON.file])


# -- odd but valid files: read to exactly these segments -------------------------------------


@dataclass(frozen=True)
class Odd:
    file: str
    args: tuple[str, ...]
    segments: list[tuple[str, str, str]]
    """(id, source, target) of every result, in order."""


ODD_CASES: list[Odd] = [
    Odd("utf8_bom.jsonl", ES_EN, [("s1", "Adiós.", "Goodbye.")]),
    Odd("utf8_bom.tsv", ES_EN, [("s1", "Adiós.", "Goodbye.")]),
    Odd("utf16_bom.tsv", ES_EN, [("s1", "Adiós.", "Goodbye.")]),
    Odd(
        "crlf.csv",
        ES_EN,
        [
            ("s1", "Hola.", "Hello."),
            ("s2", "Dos\r\nlineas.", "Two\r\nlines."),  # line breaks inside quotes are kept
            ("s3", "Adiós.", "Goodbye."),
        ],
    ),
    Odd("lone_cr.tsv", ES_EN, [("s1", "Hola.", "Hello."), ("s2", "Adiós.", "Goodbye.")]),
    Odd(
        "lone_cr.es.txt",
        (*ES_EN, "-t", str(CLI / "crlf.en.txt")),
        [
            ("1", "Hola.", "Hello."),
            ("2", "Cuatro días.", "Four days."),
            ("3", "Adiós.", "Goodbye."),
        ],
    ),
    # TSV has no quoting: a lone double quote is text (documented in tqa/formats/delimited.py)
    Odd("unterminated_quote.tsv", ES_EN, [("s1", '"Hola.', "Hello.")]),
    Odd("empty.jsonl", ES_EN, []),
    # a DOCTYPE naming a DTD by URL is accepted and the DTD is never fetched
    Odd("dtd_url.xlf", (), [("u1", "Hola.", "Hello.")]),
]


@pytest.fixture(scope="module")
def odd_runs(
    tmp_path_factory: pytest.TempPathFactory,
) -> dict[str, tuple[subprocess.CompletedProcess[str], Path]]:
    outs = [tmp_path_factory.mktemp("odd") / "report.jsonl" for _ in ODD_CASES]
    procs = run_all(
        [
            ["check", str(CLI / c.file), *c.args, "--select", "TQA101", "-o", str(o)]
            for c, o in zip(ODD_CASES, outs, strict=True)
        ]
    )
    return {c.file: (p, o) for c, p, o in zip(ODD_CASES, procs, outs, strict=True)}


def results(out: Path) -> list[dict[str, object]]:
    return [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]


@pytest.mark.parametrize("case", ODD_CASES, ids=[c.file for c in ODD_CASES])
def test_odd_but_valid_file_is_read(
    case: Odd, odd_runs: dict[str, tuple[subprocess.CompletedProcess[str], Path]]
) -> None:
    proc, out = odd_runs[case.file]
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    rows = results(out)
    assert [(r["id"], r["source"], r["target"]) for r in rows] == case.segments
    assert all(r["findings"] == [] for r in rows)


def test_every_corpus_file_is_in_a_table() -> None:
    used = {c.file for c in ALL_BAD} | {f"cli/{c.file}" for c in ODD_CASES}
    helpers = {"cli/len2.en.txt", "cli/crlf.en.txt"}
    on_disk = {f"{p.parent.name}/{p.name}" for p in (*CLI.iterdir(), *GLOSSARY.iterdir())}
    assert sorted(on_disk) == sorted(used | helpers)


# -- a DTD URL is never fetched: a local server counts the requests --------------------------


@pytest.fixture()
def server() -> Iterator[tuple[str, list[str]]]:
    requests: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            requests.append(self.path)
            body = b'<!ENTITY leak "fetched">'
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, format: str, *args: object) -> None:
            return

    httpd = http.server.HTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}", requests
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_dtd_urls_are_never_fetched(tmp_path: Path, server: tuple[str, list[str]]) -> None:
    url, requests = server
    xlf = tmp_path / "dtd.xlf"
    xlf.write_text(
        (CLI / "dtd_url.xlf")
        .read_text(encoding="utf-8")
        .replace("http://127.0.0.1:9/xliff.dtd", f"{url}/xliff.dtd"),
        encoding="utf-8",
    )
    tmx = tmp_path / "dtd.tmx"
    tmx.write_text(
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE tmx SYSTEM "{url}/tmx14.dtd">\n'
        '<tmx version="1.4"><header srclang="es"/><body><tu tuid="t1">'
        '<tuv xml:lang="es"><seg>Hola.</seg></tuv><tuv xml:lang="en"><seg>Hello.</seg></tuv>'
        "</tu></body></tmx>\n",
        encoding="utf-8",
    )
    param = tmp_path / "param.xlf"
    param.write_text(
        '<?xml version="1.0"?>\n'
        f'<!DOCTYPE xliff [<!ENTITY % remote SYSTEM "{url}/evil.dtd"> %remote;]>\n'
        + (CLI / "dtd_url.xlf").read_text(encoding="utf-8").split("\n", 2)[2],
        encoding="utf-8",
    )
    tbx = tmp_path / "dtd.tbx"
    tbx.write_text(
        (GLOSSARY / "dup_concept.tbx")
        .read_text(encoding="utf-8")
        .replace("<martif ", f'<!DOCTYPE martif SYSTEM "{url}/TBXcoreStructV02.dtd">\n<martif ', 1)
        .replace('<termEntry id="hts">', '<termEntry id="x">', 1),
        encoding="utf-8",
    )
    ok_xlf, ok_tmx, refused, ok_tbx = run_all(
        [
            ["check", str(xlf), "--select", "TQA101", "-f", "jsonl"],
            ["check", str(tmx), "--select", "TQA101", "-f", "jsonl"],
            ["check", str(param), "--select", "TQA101", "-f", "jsonl"],
            ["check", str(CLI / "utf8_bom.jsonl"), *ES_EN, "-g", str(tbx), "--select", "TQA3"],
        ]
    )
    assert [json.loads(line)["id"] for line in ok_xlf.stdout.splitlines()] == ["u1"]
    assert [json.loads(line)["id"] for line in ok_tmx.stdout.splitlines()] == ["t1"]
    assert (ok_xlf.returncode, ok_tmx.returncode, ok_tbx.returncode) == (0, 0, 0)
    assert refused.returncode == 2
    assert refused.stderr.startswith(f"tqa: error: {param}:2:")
    assert "<!ENTITY remote ...>" in refused.stderr
    assert requests == []


# -- a 10 MB single line, generated here (not committed) -------------------------------------

TEN_MB = 10 * 1024 * 1024


def test_ten_megabyte_single_line_jsonl_is_one_segment(tmp_path: Path) -> None:
    source = ("Cuatro días de combates en Alepo. " * (TEN_MB // 68 + 1))[: TEN_MB // 2]
    target = ("Four days of fighting in Aleppo. " * (TEN_MB // 66 + 1))[: TEN_MB // 2]
    src = tmp_path / "big.jsonl"
    src.write_text(json.dumps({"id": "big", "source": source, "target": target}) + "\n")
    assert src.stat().st_size > TEN_MB
    out = tmp_path / "out.jsonl"
    proc = tqa("check", str(src), *ES_EN, "--select", "TQA101", "-o", str(out))
    assert proc.returncode == 0, proc.stderr
    rows = results(out)
    assert [r["id"] for r in rows] == ["big"]
    assert (rows[0]["source"], rows[0]["target"]) == (source, target)


def test_ten_megabyte_single_line_parallel_text(tmp_path: Path) -> None:
    src, tgt = tmp_path / "big.es.txt", tmp_path / "big.en.txt"
    src.write_bytes(b"x" * TEN_MB)  # no line end at all
    tgt.write_bytes(b"y" * TEN_MB + b"\n")
    proc = tqa("check", str(src), "-t", str(tgt), *ES_EN, "--select", "TQA101", "-f", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["id"], len(r["source"]), len(r["target"])) for r in rows] == [("1", TEN_MB, TEN_MB)]


@pytest.mark.parametrize("ext", ["tsv", "csv"])
def test_long_delimited_field_is_read(tmp_path: Path, ext: str) -> None:
    sep = "\t" if ext == "tsv" else ","
    source, target = "a" * 200_000, "b" * 200_000
    path = tmp_path / f"long.{ext}"
    path.write_text(f"source{sep}target\n{source}{sep}{target}\n", encoding="utf-8")
    proc = tqa("check", str(path), *ES_EN, "--select", "TQA101", "-f", "jsonl")
    assert proc.returncode == 0, proc.stderr
    rows = [json.loads(line) for line in proc.stdout.splitlines()]
    assert [(r["source"], r["target"]) for r in rows] == [(source, target)]


def test_ten_megabyte_line_without_separator_in_tsv_fails_cleanly(tmp_path: Path) -> None:
    path = tmp_path / "big.tsv"
    path.write_bytes(b"x" * TEN_MB)
    proc = tqa("check", str(path), *ES_EN, "--select", "TQA101", "-f", "jsonl")
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.startswith(f"tqa: error: {path}:1: ")
