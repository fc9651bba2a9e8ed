"""Two unaligned documents as a stream of aligned ``Segment`` objects.

``read_document_pair(src, tgt, src_lang, tgt_lang)`` reads both documents (``.txt``, ``.md``,
``.docx``), aligns their sentences and yields one segment per bead, in document order:

- ``id``: the sentence labels of both sides joined by ``-``: ``p3.s2-p3.s2``,
  ``p4.s1+p4.s2-p4.s1`` (a 2-1 bead), ``p5.s3-none`` (an omission), ``none-p6.s1`` (an
  addition). Labels are 1-based paragraph and sentence numbers, so ids are stable as long as
  the documents are;
- ``source`` / ``target``: the sentences of each side joined by one space (``""`` for the
  empty side of a 1-0 or 0-1 bead);
- ``flags``: ``{"omission"}`` for a 1-0 bead, ``{"addition"}`` for a 0-1 bead (read by
  TQA601/TQA602 in ``tqa.checks.adequacy``);
- ``origin``: the source file and the line of the source paragraph (for an addition, the
  target file and line), with the segment id as unit;
- ``document``: the source path.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from tqa.align.aligner import Alignment, AlignParams, Bead, align_documents
from tqa.align.anchors import glossary_terms
from tqa.align.documents import read_document
from tqa.core.model import ADDITION, OMISSION, Origin, Segment
from tqa.errors import InputError


@dataclass(frozen=True)
class AlignedPair:
    """One bead with its texts: what ``tqa align`` writes and ``tqa check`` reads."""

    segment: Segment
    bead: Bead

    def to_dict(self) -> dict[str, object]:
        """The JSONL input contract plus ``src_sents``, ``tgt_sents``, ``confidence`` and
        ``flags`` (readers of the contract ignore the extra keys)."""
        seg = self.segment
        return {
            "id": seg.id,
            "source": seg.source,
            "target": seg.target,
            "src_lang": seg.src_lang,
            "tgt_lang": seg.tgt_lang,
            "src_sents": list(self.bead.src),
            "tgt_sents": list(self.bead.tgt),
            "confidence": self.bead.confidence,
            "flags": sorted(seg.flags),
        }


def bead_id(alignment: Alignment, bead: Bead) -> str:
    src = "+".join(alignment.src[i].label for i in bead.src) or "none"
    tgt = "+".join(alignment.tgt[j].label for j in bead.tgt) or "none"
    return f"{src}-{tgt}"


def pairs_of(
    alignment: Alignment,
    src_path: str,
    tgt_path: str,
    src_lang: str,
    tgt_lang: str,
) -> Iterator[AlignedPair]:
    """The aligned pairs of an alignment, as segments, in document order."""
    for bead in alignment.beads:
        seg_id = bead_id(alignment, bead)
        source = " ".join(alignment.src[i].text for i in bead.src)
        target = " ".join(alignment.tgt[j].text for j in bead.tgt)
        flags: frozenset[str] = frozenset()
        if bead.src and not bead.tgt:
            flags = frozenset({OMISSION})
        elif bead.tgt and not bead.src:
            flags = frozenset({ADDITION})
        if bead.src:
            origin = Origin(src_path, line=alignment.src[bead.src[0]].line, unit=seg_id)
        else:
            origin = Origin(tgt_path, line=alignment.tgt[bead.tgt[0]].line, unit=seg_id)
        segment = Segment(
            id=seg_id,
            source=source,
            target=target,
            src_lang=src_lang,
            tgt_lang=tgt_lang,
            origin=origin,
            document=src_path,
            flags=flags,
        )
        yield AlignedPair(segment, bead)


def align_files(
    src: Path,
    tgt: Path,
    src_lang: str | None,
    tgt_lang: str | None,
    *,
    glossary_paths: Iterable[Path] = (),
    params: AlignParams | None = None,
) -> list[AlignedPair]:
    """Read, split and align two documents; the pairs in document order."""
    missing = [name for name, value in (("source", src_lang), ("target", tgt_lang)) if not value]
    if missing:
        raise InputError(
            str(src),
            f"no {' or '.join(missing)} language: documents do not say it; "
            "pass --src-lang/--tgt-lang",
        )
    assert src_lang is not None and tgt_lang is not None
    src_doc = read_document(src)
    tgt_doc = read_document(tgt)
    terms = glossary_terms(glossary_paths)
    alignment = align_documents(src_doc, tgt_doc, src_lang, tgt_lang, terms=terms, params=params)
    return list(pairs_of(alignment, str(src), str(tgt), src_lang, tgt_lang))


def read_document_pair(
    src: Path,
    tgt: Path,
    src_lang: str | None,
    tgt_lang: str | None,
    *,
    glossary_paths: Iterable[Path] = (),
) -> Iterator[Segment]:
    """Aligned segments of two unaligned documents (see the module docstring).

    Both documents are read and aligned before the first segment is yielded (alignment needs
    the whole of both); errors in either file are raised at the call, not on iteration.
    """
    pairs = align_files(src, tgt, src_lang, tgt_lang, glossary_paths=glossary_paths)
    return iter([pair.segment for pair in pairs])
