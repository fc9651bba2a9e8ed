"""SQLite cache of language-model scores keyed by (model key, text).

Only a SHA-256 of each text is stored, never the text itself (translations under embargo
should not linger in a cache folder). A re-run scores only the segments that changed.
"""

from __future__ import annotations

import hashlib
import sqlite3
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from tqa.errors import TqaError

SCHEMA = """
CREATE TABLE IF NOT EXISTS scores (
    model TEXT NOT NULL,
    text_sha256 TEXT NOT NULL,
    logprob_sum REAL NOT NULL,
    n_tokens INTEGER NOT NULL,
    PRIMARY KEY (model, text_sha256)
) WITHOUT ROWID
"""
_QUERY_CHUNK = 500


class ScoreCacheError(TqaError):
    """The score cache database cannot be opened or written."""


@dataclass(frozen=True)
class TextScore:
    """The log-probability of one text under a model: a sum over ``n_tokens`` tokens."""

    logprob_sum: float
    n_tokens: int

    @property
    def mean(self) -> float:
        """Mean per-token log-probability in nats (the ``lm_logprob`` score)."""
        return self.logprob_sum / self.n_tokens

    @property
    def perplexity(self) -> float:
        import math

        return math.exp(-self.mean)


def text_key(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class ScoreCache:
    """Scores of one model (``model_key``) in a SQLite file shared by every model."""

    def __init__(self, path: Path, model_key: str) -> None:
        self.path = path
        self.model_key = model_key
        self.hits = 0
        self.misses = 0
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(path), timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute(SCHEMA)
            self._db.commit()
        except sqlite3.Error as exc:
            raise ScoreCacheError(f"{path}: cannot open the score cache: {exc}") from None

    def get_many(self, texts: Iterable[str]) -> dict[str, TextScore]:
        """The cached scores of those ``texts`` that have one."""
        wanted: dict[str, str] = {text_key(t): t for t in texts}
        keys = list(wanted)
        found: dict[str, TextScore] = {}
        for start in range(0, len(keys), _QUERY_CHUNK):
            chunk = keys[start : start + _QUERY_CHUNK]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                "SELECT text_sha256, logprob_sum, n_tokens FROM scores "
                f"WHERE model = ? AND text_sha256 IN ({marks})",
                [self.model_key, *chunk],
            ).fetchall()
            for digest, logprob_sum, n_tokens in rows:
                found[wanted[digest]] = TextScore(float(logprob_sum), int(n_tokens))
        self.hits += len(found)
        self.misses += len(wanted) - len(found)
        return found

    def put_many(self, scores: Mapping[str, TextScore]) -> None:
        try:
            with self._db:
                self._db.executemany(
                    "INSERT OR REPLACE INTO scores VALUES (?, ?, ?, ?)",
                    [
                        (self.model_key, text_key(t), s.logprob_sum, s.n_tokens)
                        for t, s in scores.items()
                    ],
                )
        except sqlite3.Error as exc:
            raise ScoreCacheError(f"{self.path}: cannot write the score cache: {exc}") from None

    def __len__(self) -> int:
        row = self._db.execute(
            "SELECT COUNT(*) FROM scores WHERE model = ?", [self.model_key]
        ).fetchone()
        return int(row[0])

    def close(self) -> None:
        self._db.close()
