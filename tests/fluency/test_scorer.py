"""Batching, padding, BOS handling, caching and threads of ``LMScorer`` on tiny local models."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from tests.fluency.conftest import BOS, EOS, PAD
from tqa.fluency import loader
from tqa.fluency.cache import ScoreCache, TextScore
from tqa.fluency.scorer import LMScorer, right_pad

torch = pytest.importorskip("torch")

TEXTS = [
    "The army retook the city on Tuesday.",
    "Hi.",
    "Dozens of civilians were killed when shelling hit the market near the border crossing.",
    "",
    "El gobierno anunció nuevas medidas.",
    "أعلنت الحكومة عن إجراءات جديدة.",
    "Hi.",
    "   ",
    "x",
]


def _scorer(folder: Path, **kwargs: object) -> LMScorer:
    loaded = loader.load(loader.resolve(str(folder)))
    return LMScorer(loaded, **kwargs)  # type: ignore[arg-type]


@pytest.mark.parametrize("model", ["tiny_gpt2", "tiny_gemma3"])
def test_batched_scores_equal_unbatched(model: str, request: pytest.FixtureRequest) -> None:
    folder = request.getfixturevalue(model)
    batched = _scorer(folder, batch_size=4, vocab_block=64, position_block=7)
    assert batched.fast is True
    single = _scorer(folder, batch_size=1)
    got = batched.score(TEXTS)
    for text, score in zip(TEXTS, got, strict=True):
        naive = single.naive_score(text)
        alone = single.score([text])[0]
        if not text.strip():
            assert score is None and alone is None
            continue
        assert score is not None and alone is not None and naive is not None
        assert score.n_tokens == naive.n_tokens == len(text.encode("utf-8"))
        assert score.logprob_sum == pytest.approx(naive.logprob_sum, abs=1e-5 * score.n_tokens)
        assert score.mean == pytest.approx(alone.mean, abs=1e-5)


def test_plain_path_equals_fast_path(tiny_gemma3: Path) -> None:
    fast = _scorer(tiny_gemma3, batch_size=3)
    plain = _scorer(tiny_gemma3, batch_size=3, fast=False)
    assert fast.softcap == 5.0
    assert (fast.fast, plain.fast) == (True, False)
    for a, b in zip(fast.score(TEXTS), plain.score(TEXTS), strict=True):
        assert (a is None) == (b is None)
        if a is not None and b is not None:
            assert a.mean == pytest.approx(b.mean, abs=1e-5)


def test_right_padding() -> None:
    ids, mask = right_pad([[BOS, 5, 6, 7], [BOS, 9]], PAD)
    assert ids.tolist() == [[BOS, 5, 6, 7], [BOS, 9, PAD, PAD]]
    assert mask.tolist() == [[1, 1, 1, 1], [1, 1, 0, 0]]


def test_explicit_bos_once(tiny_gpt2: Path) -> None:
    scorer = _scorer(tiny_gpt2)
    ids = scorer.encode("ab")
    assert ids == [BOS, *scorer.tokenizer.encode("ab")]
    assert ids.count(BOS) == 1
    assert len(ids) == 3


def test_eos_stands_in_for_a_missing_bos(tiny_gpt2_no_bos: Path) -> None:
    scorer = _scorer(tiny_gpt2_no_bos)
    assert scorer.encode("ab")[0] == EOS
    score = scorer.score(["ab"])[0]
    assert score is not None and score.n_tokens == 2


def test_truncation_to_max_tokens(tiny_gpt2: Path) -> None:
    scorer = _scorer(tiny_gpt2, max_tokens=10)
    score = scorer.score(["y " * 100])[0]
    assert score is not None and score.n_tokens == 10


def test_batches_are_length_sorted_and_bounded(tiny_gpt2: Path) -> None:
    scorer = _scorer(tiny_gpt2, batch_size=3, max_batch_tokens=20)
    items = [(str(n), [BOS] * n) for n in (2, 3, 3, 4, 5, 9, 9, 9)]
    widths = [[len(ids) for _, ids in batch] for batch in scorer._batches(items)]
    assert widths == [[2, 3, 3], [4, 5], [9, 9], [9]]


def test_cache_hit_path(tiny_gpt2: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    scorer = _scorer(tiny_gpt2)
    scorer.cache = ScoreCache(tmp_path / "scores.sqlite3", scorer.key)
    first = scorer.score(TEXTS)
    assert len(scorer.cache) == 6  # distinct non-empty texts
    assert (scorer.cache.hits, scorer.cache.misses) == (0, 6)

    def boom(sequences: object) -> list[TextScore]:
        raise AssertionError("the model must not run on a cache hit")

    monkeypatch.setattr(scorer, "score_ids", boom)
    again = scorer.score(TEXTS)
    assert again == first
    assert (scorer.cache.hits, scorer.cache.misses) == (6, 6)


def test_cache_only_scores_what_changed(tiny_gpt2: Path, tmp_path: Path) -> None:
    scorer = _scorer(tiny_gpt2)
    scorer.cache = ScoreCache(tmp_path / "scores.sqlite3", scorer.key)
    scorer.score(["one sentence.", "two sentences."])
    seen: list[int] = []
    original = scorer.score_ids

    def spy(sequences: Sequence[Sequence[int]]) -> list[TextScore]:
        seen.append(len(sequences))
        return original(sequences)

    scorer.score_ids = spy  # type: ignore[method-assign]
    scorer.score(["one sentence.", "three sentences.", "two sentences."])
    assert seen == [1]


def test_thread_setting(tiny_gpt2: Path) -> None:
    before = torch.get_num_threads()
    try:
        _scorer(tiny_gpt2, threads=1)
        assert torch.get_num_threads() == 1
    finally:
        torch.set_num_threads(before)


def test_folder_fingerprint_changes_with_weights(tiny_gpt2: Path, tmp_path: Path) -> None:
    from tests.fluency.conftest import build_gpt2

    other = build_gpt2(tmp_path / "other", seed=1)
    assert loader.folder_fingerprint(tiny_gpt2) == loader.folder_fingerprint(tiny_gpt2)
    assert loader.folder_fingerprint(tiny_gpt2) != loader.folder_fingerprint(other)
