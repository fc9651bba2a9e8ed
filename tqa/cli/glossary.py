"""``tqa glossary ...``: build, check, convert, merge and query glossaries.

- ``extract CORPUS... --src-lang es --tgt-lang en [-g EXISTING] -o candidates.csv|.tbx``
- ``validate FILE...``: exit 1 when there are problems, 2 when a file cannot be read;
- ``convert IN -o OUT [--to tbx-basic|tbx-v3|csv|yaml]``;
- ``merge A B -o C``: exit 1 when the two glossaries conflict (C is written all the same);
- ``lookup TERM [--lang xx] -g FILE``: the whole concept of every match, inflection-aware;
- ``stats FILE...``: concepts, terms per language and status.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any, TextIO, cast

import typer

from tqa.cli.common import EXIT_ERROR, EXIT_FINDINGS, EXIT_OK, cli_errors, glossary_files, notice
from tqa.core.config import find_config, load_config
from tqa.errors import UsageError
from tqa.formats import ReadOptions, read_segments
from tqa.glossary.io import GlossaryFormat, load_glossaries, read_glossary, write_glossary
from tqa.glossary.matcher import Matcher
from tqa.glossary.model import Concept, Glossary, primary_lang
from tqa.report.output import write_output

app = typer.Typer(
    name="glossary",
    help="Build glossaries from aligned corpora; validate, convert, merge and query them.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    context_settings={"help_option_names": ["-h", "--help"]},
)

FORMATS: tuple[str, ...] = ("tbx-basic", "tbx-v3", "csv", "yaml")


def _glossary_paths(given: list[Path], config: Path | None) -> list[Path]:
    paths = list(given)
    if not paths:
        cfg = load_config(config if config is not None else find_config())
        paths = list(cfg.glossary)
    return list(glossary_files(paths))


@app.command()
def extract(
    corpus: list[Path] = typer.Argument(
        ..., help="Aligned segments: any input format of tqa check (TSV, CSV, JSONL, TMX...)."
    ),
    src_lang: str | None = typer.Option(None, "--src-lang", "-s", help="Source language."),
    tgt_lang: str | None = typer.Option(None, "--tgt-lang", "-l", help="Target language."),
    target: Path | None = typer.Option(
        None, "--target", "-t", help="Target text file, line-parallel to a source .txt corpus."
    ),
    input_format: str | None = typer.Option(
        None, "--input-format", help="Input format when the extension does not tell."
    ),
    glossary: list[Path] = typer.Option(
        [],
        "--glossary",
        "-g",
        help="Existing glossary: candidates are marked new, in-glossary or conflict.",
    ),
    output: Path | None = typer.Option(
        None, "--output", "-o", help="Write candidates here: .csv (default on stdout) or .tbx."
    ),
    min_freq: int = typer.Option(2, "--min-freq", help="Drop candidates seen in fewer segments."),
    limit: int | None = typer.Option(None, "--limit", help="Keep the N most confident."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="No notices on stderr."),
) -> None:
    """Extract candidate bilingual term pairs from aligned segments."""
    from tqa.glossary.extract import (
        ExtractOptions,
        candidates_glossary,
        extract_terms,
        write_candidates_csv,
    )
    from tqa.glossary.validate import check_language

    with cli_errors():
        if src_lang is not None:
            check_language(src_lang, "source language")
        if tgt_lang is not None:
            check_language(tgt_lang, "target language")
        if min_freq < 1:
            raise UsageError("--min-freq must be at least 1")
        if target is not None and len(corpus) != 1:
            raise UsageError("--target takes exactly one source corpus file")
        if output is not None and output.suffix.lower() not in (".csv", ".tbx"):
            raise UsageError(f"{output}: the output must be a .csv or .tbx file")
        existing = load_glossaries(glossary) if glossary else None
        options = ReadOptions(
            src_lang=src_lang, tgt_lang=tgt_lang, target=target, format=input_format
        )
        segments = [seg for path in corpus for seg in read_segments(path, options)]
        if segments:
            src = src_lang or segments[0].src_lang
            tgt = tgt_lang or segments[0].tgt_lang
        else:
            src, tgt = src_lang or "", tgt_lang or ""
        for code, what in ((src, "source language"), (tgt, "target language")):
            if not code:
                raise UsageError(f"no {what}: pass --src-lang/--tgt-lang")
            check_language(code, what)
        pairs = [
            s
            for s in segments
            if primary_lang(s.src_lang) == primary_lang(src)
            and primary_lang(s.tgt_lang) == primary_lang(tgt)
        ]
        if len(pairs) < len(segments) and not quiet:
            notice(f"skipped {len(segments) - len(pairs)} segments of another language pair")
        found = extract_terms(
            pairs,
            src,
            tgt,
            glossary=existing,
            options=ExtractOptions(min_freq=min_freq, max_candidates=limit),
        )
        if output is not None and output.suffix.lower() == ".tbx":
            write_glossary(candidates_glossary(found, src, tgt), output, "tbx-basic")
        else:
            write_output(output, lambda stream: write_candidates_csv(found, stream))
        if not quiet:
            conflicts = sum(1 for c in found if c.status == "conflict")
            known = sum(1 for c in found if c.status == "in-glossary")
            notice(
                f"{len(found)} candidates from {len(pairs)} segment pairs "
                f"({conflicts} conflicts, {known} already in the glossary)"
            )
    raise typer.Exit(EXIT_OK)


@app.command()
def validate(
    files: list[Path] = typer.Argument(..., help="Glossary files (TBX, CSV, YAML)."),
) -> None:
    """Check glossaries: schema, duplicate terms, missing preferred terms, conflicting statuses.

    Exit 0: no problem; 1: problems (one line each, with the concept id); 2: unreadable input.
    """
    from tqa.glossary.validate import validate_glossary

    total = 0
    with cli_errors():
        for path in files:
            problems = validate_glossary(read_glossary(path))
            for problem in problems:
                typer.echo(f"{path}: {problem}")
            total += len(problems)
    if total:
        typer.echo(f"{total} problem(s)", err=True)
        raise typer.Exit(EXIT_FINDINGS)
    typer.echo("no problems", err=True)
    raise typer.Exit(EXIT_OK)


@app.command()
def convert(
    source: Path = typer.Argument(..., help="Glossary to read (TBX, CSV, YAML)."),
    output: Path = typer.Option(..., "--output", "-o", help="File to write."),
    to: str | None = typer.Option(
        None, "--to", help="tbx-basic | tbx-v3 | csv | yaml (default: from the extension)."
    ),
) -> None:
    """Convert a glossary between TBX-Basic, TBX v3, CSV and YAML."""
    with cli_errors():
        if to is not None and to not in FORMATS:
            raise UsageError(f"--to must be one of {', '.join(FORMATS)}, not {to!r}")
        glossary = read_glossary(source)
        write_glossary(glossary, output, cast(GlossaryFormat, to) if to else None)
        notice(f"{len(glossary)} concepts, {glossary.term_count()} terms written to {output}")
    raise typer.Exit(EXIT_OK)


@app.command()
def merge(
    first: Path = typer.Argument(..., help="First glossary (wins conflicts)."),
    second: Path = typer.Argument(..., help="Second glossary."),
    output: Path = typer.Option(..., "--output", "-o", help="Merged glossary to write."),
    to: str | None = typer.Option(None, "--to", help="Output format (default: extension)."),
) -> None:
    """Merge two glossaries by concept id and by shared terms, reporting conflicts.

    The merged glossary is written in any case; exit 1 when there were conflicts.
    """
    from tqa.glossary.merge import merge_with_report

    with cli_errors():
        if to is not None and to not in FORMATS:
            raise UsageError(f"--to must be one of {', '.join(FORMATS)}, not {to!r}")
        result = merge_with_report(read_glossary(first), read_glossary(second))
        write_glossary(result.glossary, output, cast(GlossaryFormat, to) if to else None)
        for note in result.joined:
            typer.echo(str(note))
        for conflict in result.conflicts:
            typer.echo(f"conflict: {conflict}")
        notice(
            f"{len(result.glossary)} concepts written to {output}; "
            f"{len(result.joined)} joined by shared terms, {len(result.conflicts)} conflicts"
        )
    raise typer.Exit(EXIT_FINDINGS if result.conflicts else EXIT_OK)


def _concept_dict(concept: Concept) -> dict[str, Any]:
    terms: dict[str, list[dict[str, str]]] = {}
    for term in concept.terms:
        item = {"term": term.text, "status": term.status.value}
        if term.term_type is not None:
            item["type"] = term.term_type.value
        terms.setdefault(term.lang, []).append(item)
    out: dict[str, Any] = {"id": concept.id}
    for key in ("domain", "definition", "note"):
        if getattr(concept, key):
            out[key] = getattr(concept, key)
    out["terms"] = terms
    return out


def _print_concept(concept: Concept, stream: TextIO) -> None:
    stream.write(f"{concept.id}\n")
    for key in ("domain", "definition", "note"):
        value = getattr(concept, key)
        if value:
            stream.write(f"  {key}: {value}\n")
    for lang in concept.languages():
        for term in concept.terms:
            if term.lang == lang:
                kind = f", {term.term_type.value}" if term.term_type else ""
                stream.write(f"  {lang}: {term.text} ({term.status.value}{kind})\n")


@app.command()
def lookup(
    term: str = typer.Argument(..., help="A term in any language, inflected or not."),
    lang: str | None = typer.Option(None, "--lang", help="Only look in this language."),
    glossary: list[Path] = typer.Option(
        [], "--glossary", "-g", help="Glossary file(s) (default: the config's glossaries)."
    ),
    as_json: bool = typer.Option(False, "--json", help="Print the concepts as JSON."),
    config: Path | None = typer.Option(None, "--config", help="Config file."),
) -> None:
    """Find the concepts a term belongs to and show them whole. Exit 1 when none matches."""
    from tqa.glossary.validate import check_language

    with cli_errors():
        if lang is not None:
            check_language(lang)
        paths = _glossary_paths(glossary, config)
        if not paths:
            raise UsageError("no glossary: pass --glossary FILE (or set glossary in tqa.toml)")
        loaded = load_glossaries(paths)
        concepts = lookup_concepts(loaded, term, lang)
        if as_json:
            typer.echo(
                json.dumps([_concept_dict(c) for c in concepts], ensure_ascii=False, indent=2)
            )
        else:
            for concept in concepts:
                _print_concept(concept, sys.stdout)
            sys.stdout.flush()
        if not concepts:
            notice(f"no concept matches {term!r}")
    raise typer.Exit(EXIT_OK if concepts else EXIT_FINDINGS)


def lookup_concepts(glossary: Glossary, text: str, lang: str | None) -> list[Concept]:
    """Concepts with a term matching all of ``text`` (inflection-aware); else any match in it."""
    matcher = Matcher(glossary)
    languages = [primary_lang(lang)] if lang else matcher.languages
    whole: dict[str, None] = {}
    inside: dict[str, None] = {}
    stripped = text.strip()
    for code in languages:
        for match in matcher.find(stripped, code, overlapping=True):
            if match.start == 0 and match.end >= len(stripped.rstrip(".")):
                whole.setdefault(match.concept_id, None)
            else:
                inside.setdefault(match.concept_id, None)
    chosen = whole or inside
    return [glossary[cid] for cid in chosen]


@app.command()
def stats(
    files: list[Path] = typer.Argument(..., help="Glossary files (merged when several)."),
    as_json: bool = typer.Option(False, "--json", help="Print the figures as JSON."),
) -> None:
    """Count concepts and terms per language and status."""
    from tqa.glossary.validate import glossary_stats

    with cli_errors():
        figures = glossary_stats(load_glossaries(files))
        if as_json:
            data = {
                "concepts": figures.concepts,
                "terms": figures.terms,
                "languages": {k: dict(v) for k, v in figures.by_language.items()},
                "term_types": dict(figures.by_type),
                "domains": dict(figures.domains),
                "concepts_without_terms": figures.without_terms,
            }
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True))
        else:
            typer.echo(f"concepts: {figures.concepts}")
            typer.echo(f"terms: {figures.terms}")
            statuses = ("preferred", "admitted", "deprecated", "forbidden")
            typer.echo("language  " + "  ".join(f"{s:>10}" for s in statuses) + "       total")
            for code, counts in figures.by_language.items():
                cells = "  ".join(f"{counts.get(s, 0):>10}" for s in statuses)
                typer.echo(f"{code:<8}  {cells}  {sum(counts.values()):>10}")
            if figures.without_terms:
                typer.echo(f"concepts without terms: {figures.without_terms}")
    raise typer.Exit(EXIT_OK)


__all__ = ["EXIT_ERROR", "app", "lookup_concepts"]
