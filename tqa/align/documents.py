"""Documents as paragraphs: plain text, Markdown and DOCX.

A document is a list of paragraphs, each with the line (or DOCX paragraph number) it came
from. Paragraph boundaries are kept because they are alignment barriers.

- ``.txt``: every non-empty line is a paragraph (lines that hold only spaces are ignored).
- ``.md`` / ``.markdown``: Markdown paragraphs (lines up to a blank line), headings, list
  items and block quotes each become one paragraph; markup is stripped to plain text
  (``#`` headings, ``*emphasis*``, ``**strong**``, ``[links](url)`` keep their text,
  ``![images](url)`` keep their alt text, inline code keeps its text, HTML tags go); code
  fences and horizontal rules are dropped.
- ``.docx``: the body paragraphs of the document (python-docx), empty ones ignored; a manual
  line break inside a paragraph reads as a space. Tables, headers and footers are not read.

Text files are decoded strictly (``tqa.formats.textio``): invalid UTF-8 or a NUL byte is an
``InputError`` naming the line.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from tqa.errors import InputError, UsageError
from tqa.formats.textio import iter_lines

DOCUMENT_FORMATS: dict[str, str] = {
    ".txt": "txt",
    ".text": "txt",
    ".md": "md",
    ".markdown": "md",
    ".docx": "docx",
}


@dataclass(frozen=True)
class Paragraph:
    """One paragraph of plain text and where it came from (line, or DOCX paragraph number)."""

    text: str
    line: int | None = None


@dataclass(frozen=True)
class Document:
    """The paragraphs of one file, in order, without empty ones."""

    path: str
    paragraphs: tuple[Paragraph, ...]

    @property
    def texts(self) -> list[str]:
        return [p.text for p in self.paragraphs]


_SPACES = re.compile(r"\s+")


def _clean(text: str) -> str:
    """Runs of white space (tabs, line breaks, NBSP) become one space; the ends are trimmed."""
    return _SPACES.sub(" ", text).strip()


def document_format(path: Path, explicit: str | None = None) -> str:
    """``txt``, ``md`` or ``docx`` from ``explicit`` or the file extension."""
    known = sorted(set(DOCUMENT_FORMATS.values()))
    if explicit:
        if explicit not in known:
            raise UsageError(f"unknown document format {explicit!r} (known: {', '.join(known)})")
        return explicit
    fmt = DOCUMENT_FORMATS.get(path.suffix.lower())
    if fmt is None:
        raise UsageError(
            f"{path}: cannot tell the document format from the extension {path.suffix!r} "
            f"(known: {', '.join(sorted(DOCUMENT_FORMATS))})"
        )
    return fmt


def read_document(path: Path, fmt: str | None = None) -> Document:
    """Read ``path`` as paragraphs (format from ``fmt`` or the extension)."""
    kind = document_format(path, fmt)
    if not path.exists():
        raise InputError(str(path), "file not found")
    if path.is_dir():
        raise InputError(str(path), "is a directory, not a file")
    if kind == "docx":
        paragraphs = _read_docx(path)
    elif kind == "md":
        paragraphs = markdown_paragraphs(iter_lines(path))
    else:
        paragraphs = [
            Paragraph(_clean(text), number) for number, text in iter_lines(path) if text.strip()
        ]
    return Document(str(path), tuple(paragraphs))


def text_document(text: str, path: str = "<text>") -> Document:
    """A document from a string: one paragraph per non-empty line (as a ``.txt`` file)."""
    return Document(
        path,
        tuple(
            Paragraph(_clean(line), number)
            for number, line in enumerate(text.splitlines(), start=1)
            if line.strip()
        ),
    )


# -- DOCX --------------------------------------------------------------------------------------


def _read_docx(path: Path) -> list[Paragraph]:
    import zipfile

    try:
        import docx
        from docx.opc.exceptions import PackageNotFoundError
    except ImportError:  # pragma: no cover - python-docx is a core dependency
        raise UsageError("reading DOCX needs python-docx: pip install python-docx") from None
    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, zipfile.BadZipFile, KeyError, ValueError) as exc:
        raise InputError(str(path), f"not a readable DOCX file ({exc})") from None
    out: list[Paragraph] = []
    for number, paragraph in enumerate(document.paragraphs, start=1):
        text = _clean(paragraph.text)
        if text:
            out.append(Paragraph(text, number))
    return out


# -- Markdown ----------------------------------------------------------------------------------

_FENCE = re.compile(r"^\s{0,3}(```|~~~)")
_RULE = re.compile(r"^\s{0,3}([-*_])(\s*\1){2,}\s*$")
_HEADING = re.compile(r"^\s{0,3}#{1,6}(\s+|$)")
_SETEXT = re.compile(r"^\s{0,3}(=+|-+)\s*$")
_QUOTE = re.compile(r"^\s{0,3}(>\s?)+")
_ITEM = re.compile(r"^\s*([-*+]|\d{1,9}[.)])\s+")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_REF_DEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*\S+")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_HTML_TAG = re.compile(r"</?[A-Za-z][^>]*>")
_CODE = re.compile(r"`+([^`]*)`+")
_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_EM_STAR = re.compile(r"(?<![\w*])\*(?=\S)(.+?)(?<=\S)\*(?![\w*])")
_EM_UNDER = re.compile(r"(?<![\w_])_(?=\S)(.+?)(?<=\S)_(?![\w_])")
_STRIKE = re.compile(r"~~(?=\S)(.+?)(?<=\S)~~")
_CLOSING_HASHES = re.compile(r"\s+#+\s*$")
_ESCAPE = re.compile(r"\\([\\`*_{}\[\]()#+\-.!>~|])")


def strip_inline(text: str) -> str:
    """Markdown inline markup to plain text."""
    text = _CODE.sub(lambda m: m.group(1).strip(), text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _AUTOLINK.sub(r"\1", text)
    text = _HTML_TAG.sub("", text)
    text = _STRONG.sub(r"\2", text)
    text = _EM_STAR.sub(r"\1", text)
    text = _EM_UNDER.sub(r"\1", text)
    text = _STRIKE.sub(r"\1", text)
    text = _ESCAPE.sub(r"\1", text)
    return _clean(text)


def markdown_paragraphs(lines: Iterable[tuple[int, str]]) -> list[Paragraph]:
    """The paragraphs of Markdown ``lines`` (``(number, text)`` pairs) as plain text."""
    out: list[Paragraph] = []
    buffer: list[str] = []
    start: int | None = None
    in_fence = False

    def flush() -> None:
        nonlocal buffer, start
        if buffer:
            text = strip_inline(" ".join(buffer))
            if text:
                out.append(Paragraph(text, start))
        buffer = []
        start = None

    for number, raw in lines:
        if _FENCE.match(raw):
            flush()
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        if not raw.strip():
            flush()
            continue
        if _SETEXT.match(raw) and buffer:
            flush()  # the buffered line was a setext heading
            continue
        if _RULE.match(raw) or _REF_DEF.match(raw):
            flush()
            continue
        line = _QUOTE.sub("", raw)
        if _HEADING.match(line):
            flush()
            heading = _CLOSING_HASHES.sub("", _HEADING.sub("", line, count=1))
            buffer, start = [heading], number
            flush()
            continue
        if _ITEM.match(line):
            flush()
            line = _ITEM.sub("", line, count=1)
        if not buffer:
            start = number
        buffer.append(line.strip())
    flush()
    return out
