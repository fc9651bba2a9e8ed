"""Duplicate-id detection for streaming readers, in 8 bytes per id."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from tqa.core.compact import DigestSet

_MASK = (1 << 64) - 1


def _id_key(seg_id: str) -> int:
    """Python's own 64-bit string hash (SipHash, computed in C and cached on the string):
    well spread, and only ever compared within this process."""
    return hash(seg_id) & _MASK


class SeenIds:
    """The ids of one file so far, kept as 8-byte digests; ``add`` is exact all the same.

    A digest seen before (a duplicate id, or, once in billions of files, two ids with one
    digest) is confirmed by reading the file's ids again: ``reread()`` yields ``(position,
    id)`` of the file's items in order, positions as the reader numbers them (a line, a
    count).
    """

    def __init__(self, reread: Callable[[], Iterable[tuple[int, str]]]) -> None:
        self.reread = reread
        self.digests = DigestSet()

    def add(self, seg_id: str, position: int) -> bool:
        """Record the id of the item at ``position``; False when an earlier item has the
        same id."""
        return self.digests.add(_id_key(seg_id)) or not self._earlier(seg_id, position)

    def _earlier(self, seg_id: str, position: int) -> bool:
        for where, earlier in self.reread():
            if where >= position:
                return False
            if earlier == seg_id:
                return True
        return False
