"""Fuzz every reader with atheris: bytes in, segments or ``InputError`` out, nothing else.

Each input is written to a temporary file under every extension tqa reads (``.txt`` with a
parallel target made of the same bytes) and read to the end with ``read_segments``. Any
exception other than ``InputError`` is a crash that libFuzzer reports with the input that
caused it. Not part of the test suite or CI; a bounded run (see docs/reliability.md)::

    mkdir -p /tmp/tqa-fuzz-corpus
    .venv/bin/python fuzz/fuzz_readers.py -max_total_time=60 -artifact_prefix=/tmp/tqa-fuzz- \
        /tmp/tqa-fuzz-corpus fuzz/seeds

libFuzzer adds new inputs to the first folder and only reads the others, so ``fuzz/seeds``
(the demo corpora and a few bad inputs) stays as it is; a crashing input is saved as
``/tmp/tqa-fuzz-crash-*``.

Needs ``pip install atheris`` (Linux or macOS, CPython with a matching wheel).
"""

from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

with atheris.instrument_imports(include=["tqa"]):
    from tqa.errors import InputError
    from tqa.formats import (  # noqa: F401
        ReadOptions,
        delimited,
        jsonl,
        parallel,
        po,
        read_segments,
        textio,
        tmx,
        xliff,
        xmlsafe,
    )

EXTENSIONS = (".jsonl", ".tsv", ".csv", ".xlf", ".tmx", ".po", ".txt")
WORKDIR = Path(tempfile.mkdtemp(prefix="tqa-fuzz-"))
TARGET = WORKDIR / "target.en.txt"
atexit.register(shutil.rmtree, WORKDIR, ignore_errors=True)


def check_one(data: bytes) -> None:
    for ext in EXTENSIONS:
        path = WORKDIR / f"input{ext}"
        path.write_bytes(data)
        options = ReadOptions(src_lang="es", tgt_lang="en")
        if ext == ".txt":
            TARGET.write_bytes(data)
            options = ReadOptions(src_lang="es", tgt_lang="en", target=TARGET)
        try:
            for segment in read_segments(path, options):
                # what a reader yields must be writable by every report format
                segment.source.encode("utf-8")
                segment.target.encode("utf-8")
        except InputError:
            pass


def main() -> None:
    atheris.Setup(sys.argv, check_one)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
