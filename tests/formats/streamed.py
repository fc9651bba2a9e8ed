"""Helpers of the tests of the streaming XML readers (TMX, XLIFF 1.x)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from tqa.errors import InputError
from tqa.formats import ReadOptions, read_segments

NONE = ReadOptions()


def read(path: Path, options: ReadOptions = NONE) -> list[tuple[str, str, str, str, int | None]]:
    """``(id, source, target, target language, line)`` of each segment."""
    return [
        (s.id, s.source, s.target, s.tgt_lang, s.origin.line if s.origin else None)
        for s in read_segments(path, options)
    ]


def error_of(path: Path, options: ReadOptions = NONE) -> str:
    """The ``InputError`` reading ``path`` gives, with the path written ``FILE``."""
    with pytest.raises(InputError) as caught:
        list(read_segments(path, options))
    return str(caught.value).replace(str(path), "FILE")


def ids_then_error(path: Path, options: ReadOptions = NONE) -> tuple[list[str], str]:
    """The ids of the segments read before the ``InputError``, and its message."""
    read_ids: list[str] = []
    with pytest.raises(InputError) as caught:
        read_ids.extend(segment.id for segment in read_segments(path, options))
    return read_ids, str(caught.value).replace(str(path), "FILE")


def rss_growth(small: Path, big: Path) -> tuple[int, int]:
    """``(segments, KB)``: how much reading ``big`` raises the peak RSS of a fresh process
    that has read ``small`` first (which imports lxml and translate-toolkit)."""
    script = textwrap.dedent(
        f"""
        import resource
        from pathlib import Path
        from tqa.formats import ReadOptions, read_segments
        list(read_segments(Path({str(small)!r}), ReadOptions(tgt_lang="en")))
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        count = sum(1 for _ in read_segments(Path({str(big)!r}), ReadOptions()))
        after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        print(count, after - before)
        """
    )
    proc = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    count, grown = map(int, proc.stdout.split())
    return count, grown
