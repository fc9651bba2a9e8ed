"""Unaligned documents: paragraphs, sentences, and a sentence aligner with anchors.

``read_document_pair(src, tgt, src_lang, tgt_lang)`` turns two documents (``.txt``, ``.md``,
``.docx``) into the aligned ``Segment`` stream every check understands; ``tqa align`` writes
the same pairs as JSONL.
"""

from __future__ import annotations

from tqa.align.aligner import Alignment, AlignParams, Bead, Sentence, align_documents
from tqa.align.documents import Document, Paragraph, read_document, text_document
from tqa.align.pairs import ADDITION, OMISSION, AlignedPair, align_files, read_document_pair
from tqa.align.sentences import split_sentences

__all__ = [
    "ADDITION",
    "OMISSION",
    "AlignParams",
    "AlignedPair",
    "Alignment",
    "Bead",
    "Document",
    "Paragraph",
    "Sentence",
    "align_documents",
    "align_files",
    "read_document",
    "read_document_pair",
    "split_sentences",
    "text_document",
]
