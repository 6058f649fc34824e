"""Code is never prose: the parts of an essay that are code, :func:`code_spans`.

A program in an essay is full of what citations look like: "new int[3]",
"rgbValues[0]", "print(f(2019))". Whatever marks it as code, the readers of
citations and prose skip it:

* a Markdown fenced block (a line opening with three backticks or tildes, up
  to the line that closes it);
* a Markdown code span on one line, `x[3]` (not in LaTeX, whose ``quotes''
  are written with backticks);
* raw HTML ``<pre>`` and ``<code>`` elements written into Markdown or text;
* a block a structured format's loader read as code (HTML ``<pre>``);
* a line that reads as program text wherever it came from (code pasted into
  Word keeps no mark): a statement ended by ";" and a "//" comment, or an
  assignment ending in ";" ("rgbValues[0] = 255;", "int[] a = new int[3];").

Everything here is linear in the text: the HTML elements are found by pairing
their opening and closing tags in one pass, never by a pattern that scans from
every opening tag to the end of the text.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from essaylint.analysis.layout import FENCE, Line
from essaylint.analysis.patterns import INLINE_CODE
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Block, Span

__all__ = ["code_spans"]

_PROGRAM_LINE = compile_lazily(
    r";\s*//"  # a statement and its comment
    r"|\w\[\w*\]\s*=[^=]"  # an element assigned: "rgbValues[0] = 255"
    r"|\bnew\s+\w+\s*[\[(]"  # "new int[3]", "new ArrayList<>()"
    r"|^\s*[\w.<>\[\]]+\s+\w+\s*=\s*[^;]{1,80};\s*$"  # a declaration: "int total = 0;"
)
_CODE_TAG = compile_lazily(r"<(/?)(pre|code)\b[^<>]{0,500}>", re.IGNORECASE)


def _fenced(lines: Sequence[Line], end_line: int) -> Iterator[Span]:
    """Fenced blocks that close before ``end_line`` (an unclosed fence hides nothing)."""
    opened: Line | None = None
    for line in lines[:end_line]:
        if FENCE.match(line.text):
            if opened is None:
                opened = line
            else:
                yield Span(start=opened.start, end=line.end)
                opened = None


def _html_elements(text: str, end: int) -> Iterator[Span]:
    """``<pre>...</pre>`` and ``<code>...</code>``: from the first opening tag to the
    closing tag that balances it (nested or repeated tags are counted, not searched)."""
    depth = 0
    start = 0
    for m in _CODE_TAG.finditer(text, 0, end):
        if not m.group(1):
            if depth == 0:
                start = m.start()
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                yield Span(start=start, end=m.end())


def _program_line(text: str) -> bool:
    """ "x = 1; // one", "a[0] = 255;", "int[] a = new int[3];": code, not a sentence."""
    return bool(_PROGRAM_LINE.search(text)) and bool(re.search(r";\s*(?://|$)", text))


def code_spans(
    text: str, lines: Sequence[Line], blocks: Sequence[Block], end_line: int, *, inline: bool
) -> list[Span]:
    """The code in ``text`` before line ``end_line``, in no particular order.

    ``inline`` reads Markdown code spans (off for LaTeX, where backticks open quotes).
    """
    end = lines[end_line - 1].end if 0 < end_line <= len(lines) else 0
    spans = list(_fenced(lines, end_line))
    spans += [Span(start=b.start, end=b.end) for b in blocks if b.kind == "code" and b.start < end]
    if "<" in text:
        spans += _html_elements(text, end)
    spans += [
        Span(start=line.start, end=line.end)
        for line in lines[:end_line]
        if ";" in line.text and _program_line(line.text)
    ]
    if inline and "`" in text:
        spans += [Span(start=m.start(), end=m.end()) for m in INLINE_CODE.finditer(text, 0, end)]
    return spans
