"""Markdown table cells that hold whole paragraphs, opened into the lines they are.

A Word document converted to Markdown can put a whole essay in one pipe-table
cell, its paragraphs written as HTML: "|<p>**Introduction**</p><p>Cells
evolve (Roe, 2020).</p><p>**References**</p><p>- Roe, A. (2020). …</p>|", all on
one line. Read as that one line, no heading opens a line and no entry starts
one, so the reference list is prose and its "Surname, I. (Year)" parts read as
citations. Here a cell with several ``<p>`` paragraphs (or several ``<br>``
breaks) is opened: each paragraph tag becomes spaces ending in a blank line,
each break spaces ending in a line break, the cell's own "|" marks and any empty
code span "` `" a converter left spaces,
so the paragraphs read like the Markdown paragraphs they are. Nothing is
inserted or removed, so every offset still points into the file; the line and
column each new line started at in the file are kept for reporting.

Other rows and cells are left as written: a table of short cells is a table.
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass

from essaylint.lazy_pattern import compile_lazily

# A row of a pipe table: one line that starts with "|" (after indentation).
_ROW = compile_lazily(r"^[ \t]{0,3}\|[^\n]*", re.MULTILINE)
# A cell ends at a "|" not escaped with a backslash.
_CELL_MARK = compile_lazily(r"(?<!\\)\|")
_PARAGRAPH_OPEN = compile_lazily(r"<p\b[^<>\n]{0,200}>", re.IGNORECASE)
_PARAGRAPH_CLOSE = compile_lazily(r"</p\s*>", re.IGNORECASE)
_BREAK = compile_lazily(r"<br\s*/?>", re.IGNORECASE)
# "` `": a code span holding only spaces, which converters leave where a paragraph
# began with a space; it prints nothing
_EMPTY_CODE = compile_lazily(r"`[ \t]{1,10}`")
#: A cell with at least this many paragraphs, or breaks, holds text, not a value.
MIN_PARAGRAPHS = 2


@dataclass(frozen=True)
class OpenedText:
    """Text with its paragraph cells opened, and where each line came from.

    ``source_lines`` gives the file's 1-based line for each line of ``text``;
    ``source_anchors`` is (offset, file line, file column) for each line that
    starts inside a line of the file, in the form :class:`Document` reads.
    """

    text: str
    source_lines: tuple[int, ...] | None = None
    source_anchors: tuple[tuple[int, int, int], ...] = ()


def _ended(tag: str, end: str) -> str:
    """Spaces as long as ``tag`` with ``end`` (line breaks) at its end."""
    if len(tag) < len(end):
        return " " * len(tag)
    return " " * (len(tag) - len(end)) + end


def _opened_cell(cell: str) -> str | None:
    """The cell with its paragraphs on lines of their own, or None when it holds no
    paragraphs."""
    paragraphs = len(_PARAGRAPH_OPEN.findall(cell))
    breaks = len(_BREAK.findall(cell))
    if paragraphs < MIN_PARAGRAPHS and breaks < MIN_PARAGRAPHS:
        return None
    cell = _PARAGRAPH_OPEN.sub(lambda m: _ended(m.group(0), "\n\n"), cell)
    cell = _PARAGRAPH_CLOSE.sub(lambda m: " " * len(m.group(0)), cell)
    cell = _EMPTY_CODE.sub(lambda m: " " * len(m.group(0)), cell)
    return _BREAK.sub(lambda m: _ended(m.group(0), "\n"), cell)


def _opened_row(row: str) -> str:
    """The row with every paragraph cell opened, and the marks around those cells
    blanked."""
    marks = [m.start() for m in _CELL_MARK.finditer(row)]
    if not row.rstrip().endswith("|"):
        marks.append(len(row))  # the last cell's closing "|" may be left out
    out = list(row)
    for left, right in itertools.pairwise(marks):
        opened = _opened_cell(row[left + 1 : right])
        if opened is None:
            continue
        out[left + 1 : right] = opened
        out[left] = " "
        if right < len(row):
            out[right] = " "
    return "".join(out)


def open_paragraph_cells(text: str) -> OpenedText:
    """``text`` with table cells that hold paragraphs opened (see the module doc)."""
    if "|" not in text or "<" not in text:
        return OpenedText(text)
    opened = _ROW.sub(lambda m: _opened_row(m.group(0)), text)
    if opened == text or len(opened) != len(text):
        return OpenedText(text)
    file_starts = [0] + [m.end() for m in re.finditer("\n", text)]
    source_lines: list[int] = []
    anchors: list[tuple[int, int, int]] = []
    start = 0
    while True:
        index = bisect.bisect_right(file_starts, start) - 1
        source_lines.append(index + 1)
        if file_starts[index] != start:
            anchors.append((start, index + 1, start - file_starts[index] + 1))
        end = opened.find("\n", start)
        if end < 0:
            break
        start = end + 1
    return OpenedText(opened, tuple(source_lines), tuple(anchors))
