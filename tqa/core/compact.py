"""Flat-array state for document checks that remember every distinct text of a document.

A Python ``dict`` spends about 110 bytes on an entry of small objects (an int key, a bytes
value, the hash slot); a million-segment document then costs TQA310/TQA311 over 200 MB.
``DigestMap`` keeps 64-bit keys, 64-bit values and a short label (a segment id) in arrays:
20 bytes a slot (28 to 57 bytes an entry as the table fills) plus the label's UTF-8 bytes.
"""

from __future__ import annotations

from array import array

_EMPTY = 0
_LOAD = 0.7


def _slot(keys: array[int], mask: int, key: int) -> int:
    """Where ``key`` is in ``keys``, or the empty slot where it would go (linear probing)."""
    index = key & mask
    while keys[index] != _EMPTY and keys[index] != key:
        index = (index + 1) & mask
    return index


class DigestMap:
    """Map a 64-bit digest to a 64-bit value and a label, first write wins.

    Keys are hashes already (uniformly spread), so linear probing on their low bits is
    enough. Key 0 marks an empty slot and is stored as 1 (the two collide with a chance of
    2⁻⁶⁴, below that of two texts sharing a digest at all).
    """

    __slots__ = ("_keys", "_label_bytes", "_label_ends", "_labels", "_mask", "_used", "_values")

    def __init__(self, capacity: int = 1024) -> None:
        size = 1
        while size < capacity:
            size *= 2
        self._allocate(size)
        self._label_bytes = bytearray()
        self._label_ends = array("Q")
        self._used = 0

    def _allocate(self, size: int) -> None:
        self._keys = array("Q", bytes(8 * size))
        self._values = array("Q", bytes(8 * size))
        self._labels = array("I", bytes(4 * size))
        self._mask = size - 1

    def __len__(self) -> int:
        return self._used

    def get(self, key: int) -> tuple[int, str] | None:
        """``(value, label)`` stored under ``key``, or None."""
        key = key or 1
        index = _slot(self._keys, self._mask, key)
        if self._keys[index] == _EMPTY:
            return None
        return self._values[index], self._label(self._labels[index])

    def add(self, key: int, value: int, label: str) -> tuple[int, str] | None:
        """Store ``(value, label)`` under ``key`` unless it is there; return what was there."""
        key = key or 1
        index = _slot(self._keys, self._mask, key)
        if self._keys[index] != _EMPTY:
            return self._values[index], self._label(self._labels[index])
        self._label_bytes += label.encode("utf-8", "surrogatepass")
        self._label_ends.append(len(self._label_bytes))
        self._keys[index] = key
        self._values[index] = value
        self._labels[index] = len(self._label_ends) - 1
        self._used += 1
        if self._used > _LOAD * (self._mask + 1):
            self._grow()
        return None

    def _label(self, number: int) -> str:
        start = self._label_ends[number - 1] if number else 0
        return self._label_bytes[start : self._label_ends[number]].decode("utf-8", "surrogatepass")

    def _grow(self) -> None:
        keys, values, labels = self._keys, self._values, self._labels
        self._allocate(2 * len(keys))
        for key, value, label in zip(keys, values, labels, strict=True):
            if key != _EMPTY:
                index = _slot(self._keys, self._mask, key)
                self._keys[index] = key
                self._values[index] = value
                self._labels[index] = label


class DigestSet:
    """A set of 64-bit digests in one flat array (8 bytes a slot, 11 to 23 bytes an entry).

    A digest says "maybe seen": the caller confirms a repeat exactly (the JSONL reader
    re-reads the ids before it), so a collision costs time, never a wrong answer.
    """

    __slots__ = ("_keys", "_mask", "_used")

    def __init__(self, capacity: int = 1024) -> None:
        size = 1
        while size < capacity:
            size *= 2
        self._keys = array("Q", bytes(8 * size))
        self._mask = size - 1
        self._used = 0

    def __len__(self) -> int:
        return self._used

    def add(self, key: int) -> bool:
        """Add ``key`` (0 stands in as 1); False when it was already there."""
        key = key or 1
        index = _slot(self._keys, self._mask, key)
        if self._keys[index] != _EMPTY:
            return False
        self._keys[index] = key
        self._used += 1
        if self._used > _LOAD * (self._mask + 1):
            self._grow()
        return True

    def _grow(self) -> None:
        old = self._keys
        self._keys = array("Q", bytes(16 * len(old)))
        self._mask = 2 * len(old) - 1
        self._used = 0
        for key in old:
            if key != _EMPTY:
                self.add(key)
