"""``tqa models``: the local language models tqa can use (list, verify, calibrate)."""

from __future__ import annotations

import json
import os
import tempfile
from pathlib import Path

import typer

from tqa.cli.common import cli_errors, notice
from tqa.errors import UsageError

app = typer.Typer(help="Local language models (fluency).", no_args_is_help=True)

VERIFY_SENTENCES = (
    "The government announced new measures to support farmers on Tuesday.",
    "measures farmers The Tuesday support announced to new government on.",
)


@app.command("list")
def list_models(
    as_json: bool = typer.Option(False, "--json", help="One JSON object per model."),
) -> None:
    """List the model manifests (models/*.toml) and whether each is calibrated."""
    with cli_errors():
        from tqa.fluency.loader import converted_dir
        from tqa.fluency.manifest import calibration_path, list_manifests

        for manifest in list_manifests():
            calibration = calibration_path(manifest.name)
            converted = (converted_dir(manifest) / "tqa-model.json").is_file()
            row = {
                "name": manifest.name,
                "default": manifest.default,
                "package": manifest.package,
                "file": manifest.file,
                "sha256": manifest.sha256,
                "languages": list(manifest.languages),
                "licence": manifest.licence,
                "calibration": str(calibration) if calibration else None,
                "converted": converted,
                "manifest": str(manifest.path),
            }
            if as_json:
                typer.echo(json.dumps(row, ensure_ascii=False))
                continue
            mark = " (default)" if manifest.default else ""
            typer.echo(f"{manifest.name}{mark}: {manifest.description}")
            typer.echo(f"  package:     {manifest.package} ({manifest.file})")
            typer.echo(f"  sha256:      {manifest.sha256}")
            typer.echo(f"  languages:   {', '.join(manifest.languages)}")
            typer.echo(f"  licence:     {manifest.licence}")
            typer.echo(f"  calibration: {calibration or 'none (run: tqa models calibrate)'}")
            typer.echo(f"  converted:   {'yes' if converted else 'no (first use takes a minute)'}")


@app.command("verify")
def verify(
    name: str | None = typer.Argument(None, help="Manifest name or local model folder."),
    threads: int | None = typer.Option(None, "--threads", help="CPU threads for torch."),
) -> None:
    """Check the model's checksum, load it offline and score two sentences."""
    with cli_errors():
        from tqa.fluency import loader
        from tqa.fluency.calibration import Calibration
        from tqa.fluency.manifest import FluencyModelError, calibration_path
        from tqa.fluency.scorer import LMScorer

        source = loader.resolve(name)
        reason = loader.check_available(source)
        if reason is not None:
            raise FluencyModelError(reason)
        if source.manifest is not None:
            with tempfile.TemporaryDirectory() as tmp:
                loader.assemble_gguf(source.manifest, Path(tmp))
            typer.echo(f"sha256 ok: {source.manifest.file} {source.manifest.sha256}")
        loaded = loader.load(source)
        typer.echo(f"loaded: {source.name} (key {loaded.key[:16]})")
        scorer = LMScorer(loaded, threads=threads)
        path = calibration_path(source.name)
        calibration = Calibration.load(path) if path is not None else None
        if calibration is not None and calibration.model_key != loaded.key:
            calibration = None
        scores = scorer.score(list(VERIFY_SENTENCES))
        for text, score in zip(VERIFY_SENTENCES, scores, strict=True):
            assert score is not None
            line = f"{score.mean:8.3f} nats/token  perplexity {score.perplexity:9.1f}"
            lang = calibration.for_language("en") if calibration is not None else None
            if lang is not None:
                line += f"  fluency {lang.percentile(score.mean, score.n_tokens):5.1f}"
            typer.echo(f"{line}  {text}")
        fluent, scrambled = scores
        assert fluent is not None and scrambled is not None
        if fluent.mean <= scrambled.mean:
            raise FluencyModelError("verify failed: the scrambled sentence scored higher")
        typer.echo("ok")


@app.command("calibrate")
def calibrate(
    name: str | None = typer.Argument(None, help="Manifest name or local model folder."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Where to write (default: models/<name>.calibration.json)."
    ),
    sentences: Path | None = typer.Option(
        None, "--sentences", help="Folder of <lang>.txt files (default: models/calibration)."
    ),
    threads: int | None = typer.Option(None, "--threads", help="CPU threads for torch."),
) -> None:
    """Score the calibration sentences once and store the per-language distribution."""
    with cli_errors():
        from tqa.fluency import loader
        from tqa.fluency.cache import ScoreCache, TextScore
        from tqa.fluency.calibration import (
            Calibration,
            LanguageCalibration,
            read_sentences,
        )
        from tqa.fluency.paths import REPO_MODELS_DIR, cache_dir, models_dirs
        from tqa.fluency.scorer import LMScorer

        folder = sentences
        if folder is None:
            folder = next(
                (d / "calibration" for d in models_dirs() if (d / "calibration").is_dir()), None
            )
        if folder is None or not folder.is_dir():
            raise UsageError("no calibration sentences found (give --sentences FOLDER)")
        files = sorted(folder.glob("*.txt"))
        if not files:
            raise UsageError(f"{folder}: no <lang>.txt files")
        source = loader.resolve(name)
        loaded = loader.load(source)
        scorer = LMScorer(loaded, threads=threads)
        # the score cache makes a re-calibration after editing a sentence file cheap
        scorer.cache = ScoreCache(cache_dir() / "scores.sqlite3", scorer.key)
        languages: dict[str, LanguageCalibration] = {}
        for path in files:
            texts = read_sentences(path)
            scores: list[TextScore] = []
            for start in range(0, len(texts), 64):  # chunks: progress survives an interrupt
                scores += [s for s in scorer.score(texts[start : start + 64]) if s is not None]
            languages[path.stem] = LanguageCalibration.fit([(s.mean, s.n_tokens) for s in scores])
            cal = languages[path.stem]
            notice(
                f"{path.stem}: {cal.count} sentences, median {cal.median_logprob:.3f} nats/token"
            )
        calibration = Calibration(source.name, loaded.key, languages)
        if output is None:
            env = os.environ.get("TQA_MODELS_DIR")
            base = Path(env) if env else REPO_MODELS_DIR
            if source.kind != "gguf-package" or not base.is_dir():
                base = cache_dir() / "calibration"
            base.mkdir(parents=True, exist_ok=True)
            output = base / f"{source.name}.calibration.json"
        tmp = output.with_name(output.name + ".tmp")
        tmp.write_text(calibration.to_json(), encoding="utf-8")
        os.replace(tmp, output)
        typer.echo(str(output))
