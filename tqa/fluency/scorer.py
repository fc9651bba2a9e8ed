"""Batched log-probability scoring of texts with a causal language model.

How a text is scored: ``[BOS] + tokens(text)`` (BOS added explicitly, whatever the
tokenizer's defaults; truncated to ``max_tokens``), and the score is the sum of
``log p(token_i | BOS, token_1..token_{i-1})`` over the text's tokens, in nats.

Speed (the vocabulary of Gemma 3 has 262,144 entries, so the output projection and the
log-softmax cost more than the transformer body):

- texts are sorted by token length and batched with right padding, so a batch wastes little
  on padding and the positions of real tokens are the same as unbatched;
- the transformer body runs once per batch under ``torch.inference_mode()``;
- the output projection is applied only to real (non-padding) positions, one vocabulary
  block at a time into a reused buffer, keeping only a running log-sum-exp per position and
  the target token's logit: the ``positions x vocabulary`` matrix is never materialised.

That fast path is checked against the plain ``model(...).logits`` + ``log_softmax`` on a
probe sentence when the scorer is built; a model whose head differs (extra scaling,
biases the fast path does not know) falls back to the plain path.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from tqa.errors import TqaError
from tqa.fluency.cache import ScoreCache, TextScore
from tqa.fluency.loader import LoadedModel

PROBE = "The committee will publish its report on the situation next week."
PROBE_TOLERANCE = 1e-3


def right_pad(sequences: Sequence[Sequence[int]], pad_id: int) -> tuple[Any, Any]:
    """``(input_ids, attention_mask)`` with every sequence left-aligned (right padding).

    With right padding the real tokens keep positions ``0..n-1``, exactly as unbatched, and
    under a causal mask they never attend to the padding that follows them.
    """
    import torch

    width = max(len(s) for s in sequences)
    ids = torch.full((len(sequences), width), pad_id, dtype=torch.long)
    mask = torch.zeros((len(sequences), width), dtype=torch.long)
    for row, seq in enumerate(sequences):
        ids[row, : len(seq)] = torch.tensor(list(seq), dtype=torch.long)
        mask[row, : len(seq)] = 1
    return ids, mask


def score_key(model_key: str, max_tokens: int) -> str:
    """The score-cache key of a model (:func:`tqa.fluency.loader.model_key`) scored with
    ``max_tokens``."""
    return f"{model_key}:bos-v1:max{max_tokens}"


class LazyScorer:
    """An :class:`LMScorer` made on first need: while every text asked for has a score in
    the cache, the model is not loaded at all (importing torch and transformers and loading
    the weights take seconds; a re-run of an unchanged story needs none of it)."""

    def __init__(self, cache: ScoreCache | None, build: Callable[[], LMScorer]) -> None:
        self.cache = cache
        self._build = build
        self._scorer: LMScorer | None = None
        self._failed: TqaError | None = None

    def scorer(self) -> LMScorer:
        """The loaded scorer; a model that failed to load is not tried again (a broken
        conversion would otherwise be retried for every batch)."""
        if self._failed is not None:
            raise self._failed
        if self._scorer is None:
            try:
                self._scorer = self._build()
            except TqaError as exc:
                self._failed = exc
                raise
        return self._scorer

    def score(self, texts: Sequence[str]) -> list[TextScore | None]:
        """:meth:`LMScorer.score`, from the cache alone when it holds every text."""
        if self._scorer is None and self.cache is not None:
            unique = list(dict.fromkeys(t for t in texts if t.strip()))
            known = self.cache.get_many(unique)
            if len(known) == len(unique):
                return [known.get(t) for t in texts]
        return self.scorer().score(texts)


class LMScorer:
    """Scores texts with one loaded model; optionally backed by a ``ScoreCache``."""

    def __init__(
        self,
        loaded: LoadedModel,
        *,
        batch_size: int = 16,
        max_tokens: int = 256,
        max_batch_tokens: int = 4096,
        vocab_block: int = 16384,
        position_block: int = 1024,
        threads: int | None = None,
        cache: ScoreCache | None = None,
        fast: bool = True,
    ) -> None:
        import torch

        if threads is not None:
            torch.set_num_threads(threads)
        self.loaded = loaded
        self.model = loaded.model
        self.tokenizer = loaded.tokenizer
        self.device = loaded.device
        self.batch_size = max(1, batch_size)
        self.max_tokens = max_tokens
        self.max_batch_tokens = max_batch_tokens
        self.vocab_block = vocab_block
        self.position_block = position_block
        self.cache = cache
        tok = self.tokenizer
        self.bos_id: int | None = tok.bos_id if tok.bos_id is not None else tok.eos_id
        pad = tok.pad_id if tok.pad_id is not None else tok.eos_id
        self.pad_id: int = int(pad) if pad is not None else 0
        self.softcap: float | None = getattr(self.model.config, "final_logit_softcapping", None)
        self.fast = fast and self._fast_path_agrees()

    # -- public -----------------------------------------------------------------------------
    @property
    def key(self) -> str:
        """Identifies model weights *and* scoring settings in the score cache."""
        return score_key(self.loaded.key, self.max_tokens)

    def encode(self, text: str) -> list[int]:
        ids = self.tokenizer.encode(text)[: self.max_tokens]
        return ids if self.bos_id is None else [int(self.bos_id), *ids]

    def score(self, texts: Sequence[str]) -> list[TextScore | None]:
        """Score each text (``None`` for an empty one); duplicates are scored once."""
        unique = list(dict.fromkeys(t for t in texts if t.strip()))
        known: dict[str, TextScore] = {}
        if self.cache is not None and unique:
            known = self.cache.get_many(unique)
        todo = [t for t in unique if t not in known]
        fresh: dict[str, TextScore] = {}
        encoded = [(t, self.encode(t)) for t in todo]
        encoded = [(t, ids) for t, ids in encoded if len(ids) >= 2]
        encoded.sort(key=lambda item: len(item[1]))
        for batch in self._batches(encoded):
            for (text, _), result in zip(
                batch, self.score_ids([ids for _, ids in batch]), strict=True
            ):
                fresh[text] = result
        if self.cache is not None and fresh:
            self.cache.put_many(fresh)
        known.update(fresh)
        return [known.get(t) for t in texts]

    def score_ids(self, sequences: Sequence[Sequence[int]]) -> list[TextScore]:
        """Score one batch of token-id sequences (each starting with its context token)."""
        import torch

        lengths = [len(s) for s in sequences]
        ids, mask = right_pad(sequences, self.pad_id)
        ids = ids.to(self.device)
        mask = mask.to(self.device)
        with torch.inference_mode():
            token_lp = self._fast(ids, mask) if self.fast else self._plain(ids, mask)
            sums = torch.split(token_lp.double().cpu(), [n - 1 for n in lengths])
        return [TextScore(float(s.sum().item()), n - 1) for s, n in zip(sums, lengths, strict=True)]

    def naive_score(self, text: str) -> TextScore | None:
        """The plain unbatched computation (``model(...).logits`` + ``log_softmax``)."""
        import torch

        ids = self.encode(text)
        if len(ids) < 2:
            return None
        tensor = torch.tensor([ids], device=self.device)
        with torch.inference_mode():
            logits = self.model(input_ids=tensor).logits[0, :-1].float()
            logprobs = torch.log_softmax(logits, dim=-1)
            picked = logprobs.gather(1, tensor[0, 1:, None])[:, 0]
        return TextScore(float(picked.double().sum().item()), len(ids) - 1)

    # -- internals ---------------------------------------------------------------------------
    def _batches(self, items: list[tuple[str, list[int]]]) -> list[list[tuple[str, list[int]]]]:
        """Consecutive groups of length-sorted items, bounded by count and padded size."""
        batches: list[list[tuple[str, list[int]]]] = []
        current: list[tuple[str, list[int]]] = []
        for item in items:
            width = len(item[1])  # sorted ascending: the newest item is the widest
            if current and (
                len(current) >= self.batch_size
                or width * (len(current) + 1) > self.max_batch_tokens
            ):
                batches.append(current)
                current = []
            current.append(item)
        if current:
            batches.append(current)
        return batches

    def _real_positions(self, ids: Any, mask: Any, hidden: Any) -> tuple[Any, Any]:
        """Hidden states that predict a real token, and those tokens (row-major order)."""
        real = mask[:, 1:].bool()
        return hidden[:, :-1][real], ids[:, 1:][real]

    def _fast(self, ids: Any, mask: Any) -> Any:
        import torch

        body = self.model.base_model
        hidden = body(input_ids=ids, attention_mask=mask, use_cache=False).last_hidden_state
        states, targets = self._real_positions(ids, mask, hidden)
        head = self.model.get_output_embeddings()
        weight = head.weight
        bias = getattr(head, "bias", None)
        out = []
        for start in range(0, states.shape[0], self.position_block):
            h = states[start : start + self.position_block].to(weight.dtype)
            tgt = targets[start : start + self.position_block]
            picked = (h * weight[tgt]).sum(-1)
            if bias is not None:
                picked = picked + bias[tgt]
            picked = self._cap(picked)
            buffer = torch.empty((h.shape[0], self.vocab_block), dtype=h.dtype, device=h.device)
            partial = []
            for v in range(0, weight.shape[0], self.vocab_block):
                block = weight[v : v + self.vocab_block]
                if block.shape[0] == self.vocab_block:
                    logits = torch.mm(h, block.T, out=buffer)
                else:  # the last, shorter block
                    logits = torch.mm(h, block.T)
                if bias is not None:
                    logits += bias[v : v + self.vocab_block]
                partial.append(torch.logsumexp(self._cap(logits), dim=-1))
            out.append(picked - torch.logsumexp(torch.stack(partial, dim=-1), dim=-1))
        return torch.cat(out)

    def _cap(self, logits: Any) -> Any:
        import torch

        if not self.softcap:
            return logits
        return torch.tanh(logits / self.softcap) * self.softcap

    def _plain(self, ids: Any, mask: Any) -> Any:
        import torch

        logits = self.model(input_ids=ids, attention_mask=mask, use_cache=False).logits
        states, targets = self._real_positions(ids, mask, logits)
        out = []
        for start in range(0, states.shape[0], self.position_block):
            logprobs = torch.log_softmax(states[start : start + self.position_block].float(), -1)
            tgt = targets[start : start + self.position_block]
            out.append(logprobs.gather(1, tgt[:, None])[:, 0])
        return torch.cat(out)

    def _fast_path_agrees(self) -> bool:
        """Whether the fast head computation matches the plain one on a probe sentence."""
        import torch

        ids = self.encode(PROBE)
        if len(ids) < 2:
            return False
        tensor = torch.tensor([ids], device=self.device)
        mask = torch.ones_like(tensor)
        try:
            with torch.inference_mode():
                fast = self._fast(tensor, mask)
                plain = self._plain(tensor, mask)
        except (AttributeError, TypeError, RuntimeError, ValueError):
            return False
        diff = float((fast - plain).abs().max().item())
        return math.isfinite(diff) and diff <= PROBE_TOLERANCE
