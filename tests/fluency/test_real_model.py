"""The real default model (Gemma 3 270M from its PyPI package), loaded offline. Slow."""

from __future__ import annotations

import json
import os
import random
from collections.abc import Iterator
from pathlib import Path

import pytest

from tqa.fluency import loader
from tqa.fluency.scorer import LMScorer

pytestmark = pytest.mark.slow

SENTENCES = {
    "en": "The government announced on Tuesday that schools in the capital will reopen next week.",
    "es": "El gobierno anunció el martes que las escuelas de la capital reabrirán pronto.",
    "ar": "أعلنت الحكومة يوم الثلاثاء أن المدارس في العاصمة ستعيد فتح أبوابها الأسبوع المقبل.",
}


def _shuffled(text: str) -> str:
    words = text.rstrip(".").split()
    random.Random(7).shuffle(words)
    return " ".join(words) + "."


@pytest.fixture(scope="module")
def scorer(monkeypatch_module: pytest.MonkeyPatch) -> LMScorer:
    monkeypatch_module.setenv("HF_HUB_OFFLINE", "1")
    source = loader.resolve(None)
    unavailable = loader.check_available(source)
    if unavailable is not None:
        pytest.skip(unavailable)
    return LMScorer(loader.load(source))


@pytest.fixture(scope="module")
def monkeypatch_module() -> Iterator[pytest.MonkeyPatch]:
    with pytest.MonkeyPatch.context() as mp:
        yield mp


@pytest.mark.parametrize("lang", sorted(SENTENCES))
def test_fluent_outscores_shuffled(scorer: LMScorer, lang: str) -> None:
    fluent = SENTENCES[lang]
    shuffled = _shuffled(fluent)
    assert shuffled != fluent
    good, bad = scorer.score([fluent, shuffled])
    assert good is not None and bad is not None
    assert good.n_tokens == bad.n_tokens or abs(good.n_tokens - bad.n_tokens) <= 3
    assert good.mean > bad.mean + 0.5, (lang, good.mean, bad.mean)
    assert -6.0 < good.mean < -1.0


def test_real_tokenizer_gets_exactly_one_bos(scorer: LMScorer) -> None:
    ids = scorer.encode(SENTENCES["en"])
    assert ids[0] == scorer.tokenizer.bos_id == 2
    assert ids.count(2) == 1
    assert scorer.fast is True
    assert os.environ["HF_HUB_OFFLINE"] == "1"


def test_the_converted_tokenizer_file_gives_the_ids_of_the_tokenizer_class(
    scorer: LMScorer,
) -> None:
    """The default model's tokenizer is read straight from ``tokenizer.json`` (a third of
    the start-up): on every calibration sentence (six languages) and the seed article,
    its ids and special tokens are those of transformers' own Gemma tokenizer."""
    import transformers

    assert scorer.tokenizer.backend == "tokenizers"
    folder = loader.convert_gguf(loader.resolve(None).manifest)  # type: ignore[arg-type]
    reference = loader.transformers_encoder(
        transformers.AutoTokenizer.from_pretrained(str(folder), local_files_only=True)
    )
    ours = scorer.tokenizer
    assert (ours.bos_id, ours.eos_id, ours.pad_id) == (2, 1, 0)
    assert (reference.bos_id, reference.eos_id, reference.pad_id) == (2, 1, 0)
    texts = [*SENTENCES.values(), " two  spaces", "tab\there", "line\nbreak", "<bos> in text"]
    for path in sorted(Path("models/calibration").glob("*.txt")):
        texts += path.read_text(encoding="utf-8").splitlines()
    for line in Path("seeds/aleppo.es-en.jsonl").read_text(encoding="utf-8").splitlines():
        row = json.loads(line)
        texts += [row["source"], row["target"]]
    assert len(texts) > 1000
    differ = [t for t in texts if ours.encode(t) != reference.encode(t)]
    assert differ == []


def test_batched_equals_naive_on_the_real_model(scorer: LMScorer) -> None:
    texts = [*SENTENCES.values(), "Short one."]
    for text, score in zip(texts, scorer.score(texts), strict=True):
        naive = scorer.naive_score(text)
        assert score is not None and naive is not None
        assert score.mean == pytest.approx(naive.mean, abs=1e-4)
