"""``tqa align SRC TGT -o pairs.jsonl``: align two unaligned documents sentence by sentence.

The output is the JSONL input contract (``id``, ``source``, ``target``, ``src_lang``,
``tgt_lang``) plus ``src_sents`` / ``tgt_sents`` (0-based sentence numbers in each document),
``confidence`` (the bead's posterior probability) and ``flags`` (``omission`` /
``addition``). ``tqa check pairs.jsonl`` reads it back; the extra keys are ignored there.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TextIO

import typer

from tqa.align import align_files
from tqa.align.pairs import AlignedPair
from tqa.cli.common import EXIT_OK, cli_errors, glossary_files, notice
from tqa.core.config import find_config, load_config
from tqa.report.output import write_output


def write_pairs(pairs: list[AlignedPair], stream: TextIO) -> None:
    for pair in pairs:
        stream.write(json.dumps(pair.to_dict(), ensure_ascii=False) + "\n")


def align(
    source: Path = typer.Argument(..., help="Source document: .txt, .md or .docx."),
    target: Path = typer.Argument(..., help="Target document (its translation): same formats."),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write the JSONL pairs here (atomically) instead of stdout."
    ),
    src_lang: str | None = typer.Option(None, "--src-lang", "-s", help="Source language."),
    tgt_lang: str | None = typer.Option(None, "--tgt-lang", "-l", help="Target language."),
    glossary: list[Path] = typer.Option(
        [], "--glossary", "-g", help="Glossary (TBX, CSV, YAML) whose terms anchor the alignment."
    ),
    config: Path | None = typer.Option(
        None, "--config", help="Config file (default: ./tqa.toml or [tool.tqa] in pyproject)."
    ),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No notices on stderr."),
) -> None:
    """Align the sentences of two documents and write them as JSONL pairs for tqa check."""
    with cli_errors():
        cfg = load_config(config if config is not None else find_config())
        glossaries = list(glossary_files(glossary or cfg.glossary))
        pairs = align_files(
            source,
            target,
            src_lang or cfg.src_lang,
            tgt_lang or cfg.tgt_lang,
            glossary_paths=glossaries,
        )
        write_output(output, lambda stream: write_pairs(pairs, stream))
        if not quiet:
            kinds = Counter(pair.bead.kind for pair in pairs)
            shape = ", ".join(f"{n} {kind}" for kind, n in sorted(kinds.items()))
            low = sum(1 for pair in pairs if pair.bead.confidence < 0.5)
            notice(
                f"{len(pairs)} pairs ({shape or 'none'}); "
                f"{kinds.get('1-0', 0)} omitted, {kinds.get('0-1', 0)} added, "
                f"{low} with confidence below 0.5"
            )
    raise typer.Exit(EXIT_OK)
