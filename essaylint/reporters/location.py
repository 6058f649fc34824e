"""Where a finding is, in the terms every reporter shares.

Lines and columns are 1-based and count characters (code points), as in the
JSON report; the end column is the column just after the last character, so a
finding on ``(Feld, 2012)`` at column 11 ends at column 23.

A finding about an entry of a .bib is in that file (``Finding.origin``): its
path and line are the entry's. A document read from a word processor's
paragraphs (.docx, .odt) has no lines a person can go to; there the place is
said the way a reader finds it: ``paragraph 12 ("Social media has changed…")``
or ``footnote 3``.
"""

from __future__ import annotations

import bisect
from typing import NamedTuple

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import PARAGRAPH_LINE_FORMATS, Block, Document, FileResult, Finding


class Region(NamedTuple):
    line: int
    column: int
    end_line: int
    end_column: int


def finding_path(result: FileResult, finding: Finding) -> str:
    """The file a finding is in: the checked document, or the .bib its entry is in."""
    return finding.origin.path if finding.origin is not None else result.path


def finding_region(result: FileResult, finding: Finding) -> Region:
    """The 1-based start and (exclusive) end of a finding in its file."""
    if finding.origin is not None:
        origin = finding.origin
        return Region(origin.line, origin.column, origin.line, origin.column)
    doc = result.document
    if doc is None:
        return Region(1, 1, 1, 1)
    start = doc.position(finding.span.start)
    end = doc.position(max(finding.span.start, finding.span.end))
    if (end.line, end.column) < (start.line, start.column):  # source-line maps may disagree
        end = start
    return Region(start.line, start.column, end.line, end.column)


def flagged_text(result: FileResult, finding: Finding) -> str:
    """The characters a finding points at ('' when the document is gone or it is elsewhere)."""
    doc = result.document
    if doc is None or finding.origin is not None:
        return ""
    return doc.text[finding.span.start : max(finding.span.start, finding.span.end)]


_FIRST_WORDS = 40
_NOTE_NUMBER = compile_lazily(r"^([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d+)[\s.)]")
_FROM_SUPERSCRIPT = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _first_words(text: str) -> str:
    words = " ".join(text.split())
    if len(words) <= _FIRST_WORDS:
        return words
    cut = words.rfind(" ", 0, _FIRST_WORDS)
    return words[: cut if cut > _FIRST_WORDS // 2 else _FIRST_WORDS] + "…"


def _paragraph_start(doc: Document, block: Block, offset: int, number: int) -> int:
    """Where paragraph ``number`` starts in ``block``: a block may join the paragraphs of
    one cut at each typed line, and each of its lines keeps its own paragraph number."""
    text = doc.text
    start = max(text.rfind("\n", block.start, offset) + 1, block.start)
    while start > block.start:
        before = max(text.rfind("\n", block.start, start - 1) + 1, block.start)
        if doc.position(before).line != number:
            break
        start = before
    return start


class BlockLocator:
    """Says where offsets of one word-processor document are (see :meth:`at`)."""

    def __init__(self, doc: Document | None) -> None:
        self.doc = doc
        usable = doc is not None and doc.format in PARAGRAPH_LINE_FORMATS and bool(doc.blocks)
        self.blocks: tuple[Block, ...] = doc.blocks if usable and doc is not None else ()
        self.starts = [b.start for b in self.blocks]

    def _block(self, offset: int) -> Block | None:
        i = bisect.bisect_right(self.starts, offset) - 1
        if i < 0:
            return None
        block = self.blocks[i]
        return block if offset <= block.end else None

    def at(self, offset: int) -> str | None:
        """How a reader finds ``offset``; None for documents with real lines.

        ``paragraph 12 ("Social media has changed…")`` (the number is the JSON
        report's line), ``footnote 3 ("Barry, Great Influenza…")``, ``table
        cell ("…")`` or ``heading ("Methods")``.
        """
        doc = self.doc
        block = self._block(offset) if doc is not None else None
        if doc is None or block is None:
            return None
        text = doc.text[block.start : block.end]
        if block.kind == "footnote":
            number = _NOTE_NUMBER.match(text)
            if number:
                label = number.group(1).translate(_FROM_SUPERSCRIPT)
                return f'footnote {label} ("{_first_words(text[number.end() :])}")'
            return f'footnote ("{_first_words(text)}")'
        quoted = f'("{_first_words(text)}")'
        if block.kind == "table-cell":
            return f"table cell {quoted}"
        if block.kind == "heading":
            return f"heading {quoted}"
        paragraph = doc.position(offset).line
        own = doc.text[_paragraph_start(doc, block, offset, paragraph) : block.end]
        return f'paragraph {paragraph} ("{_first_words(own)}")'

    def of(self, finding: Finding) -> str | None:
        """Where ``finding`` is (None when it is in another file or the document has lines)."""
        return None if finding.origin is not None else self.at(finding.span.start)
