"""Feedback inside the student's own Word file: a copy with a margin comment per finding.

For a .docx submission, ``feedback/<page>.docx`` is written: the student's
file with one Word comment (python-docx ≥ 1.2) anchored on the words each
finding is about; the submission itself is only read. A finding is placed
in the paragraph the loader read its text from (the same paragraph order as
:mod:`essaylint.loaders.word`), on the occurrence of its text nearest to
where the finding says it is; runs are split at the finding's first and last
character so the comment covers exactly its words. A finding that cannot be
placed (it is about the whole essay, or lies in a footnote) gets no comment:
it is listed on the student's HTML page, as every finding is.
"""

from __future__ import annotations

import copy
import io
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from typing import Any

from essaylint.loaders.word import _block_paragraphs, _paragraph_text
from essaylint.models import Document, Finding

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_R = _W + "r"
_T = _W + "t"
_RPR = _W + "rPr"
_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
AUTHOR = "essaylint"


def comment_text(f: Finding) -> str:
    tip = f" Try: {', '.join(f.suggestions[:3])}." if f.suggestions else ""
    return f"{f.code} {f.rule} ({f.severity}): {f.message}{tip}"


def _leaves(p: Any) -> Iterator[tuple[Any, int]]:
    """Each ``w:r`` of paragraph ``p`` that carries text, with its text length, in reading order.

    Follows :func:`essaylint.loaders.word._paragraph_text` (same skipped subtrees),
    one run at a time, so offsets agree with the loader's paragraph text.
    """
    from essaylint.loaders.word import _SKIP

    stack: list[Any] = [iter(p)]
    while stack:
        child = next(stack[-1], None)
        if child is None:
            stack.pop()
            continue
        tag = child.tag
        if not isinstance(tag, str) or tag in _SKIP or tag == _W + "p":
            continue
        if tag == _R:
            yield child, len(_paragraph_text(child))
        else:
            stack.append(iter(child))


def _split(run: Any, at: int) -> Any | None:
    """Split a run holding one ``w:t`` at character ``at``: the new left-hand run, or None.

    ``run`` keeps the right-hand part; a run holding more than text (a tab, a
    break, a field) is not split, and the comment then covers all of it.
    """
    texts = [c for c in run if c.tag != _RPR]
    if len(texts) != 1 or texts[0].tag != _T or not 0 < at < len(texts[0].text or ""):
        return None
    left = copy.deepcopy(run)
    run.addprevious(left)
    whole = texts[0].text or ""
    left_t = next(c for c in left if c.tag == _T)
    left_t.text = whole[:at]
    texts[0].text = whole[at:]
    for t in (left_t, texts[0]):
        t.set(_XML_SPACE, "preserve")
    return left


def _anchor(p: Any, start: int, end: int) -> tuple[Any, Any] | None:
    """The first and last run covering characters ``[start, end)`` of paragraph ``p``,
    split so they cover no more (when a run is plain text)."""
    covered: list[tuple[Any, int, int]] = []
    pos = 0
    for run, length in _leaves(p):
        lo, hi = pos, pos + length
        pos = hi
        if length and hi > start and lo < end:
            covered.append((run, lo, hi))
    if not covered:
        return None
    first, first_lo, _ = covered[0]
    if start > first_lo and _split(first, start - first_lo) is not None:
        first_lo = start
    last, last_lo, last_hi = covered[-1]
    if last is first:
        last_lo = first_lo
    if end < last_hi:
        left = _split(last, end - last_lo)
        if left is not None:
            if first is last:
                first = left
            last = left
    return first, last


def _nearest(haystack: str, needle: str, expected: int) -> int:
    best, at = -1, haystack.find(needle)
    while at >= 0:
        if best < 0 or abs(at - expected) < abs(best - expected):
            best = at
        at = haystack.find(needle, at + 1)
    return best


def add_comments(data: bytes, doc: Document, findings: Sequence[Finding]) -> tuple[bytes, int]:
    """The .docx ``data`` with a comment on each finding that can be placed; and how many."""
    import docx
    from docx.text.run import Run

    word = docx.Document(io.BytesIO(data))
    body = word.element.body
    paragraphs = [p for p, _ in _block_paragraphs(body)]
    texts = [_paragraph_text(p) for p in paragraphs]
    sources = doc.source_lines or ()
    starts = doc.line_starts or (0,)
    first_line_of: dict[int, int] = {}
    for i, number in enumerate(sources):
        first_line_of.setdefault(number, i)
    placed = 0
    for f in sorted(findings, key=lambda f: (f.span.start, f.span.end, f.code)):
        wanted = doc.text[f.span.start : f.span.end]
        if not wanted.strip() or "\n" in wanted.strip():
            continue
        line = max(0, bisect_right(starts, f.span.start) - 1)
        if line >= len(sources):
            continue
        number = sources[line]
        if not 1 <= number <= len(paragraphs):
            continue
        expected = f.span.start - starts[first_line_of.get(number, line)]
        at = _nearest(texts[number - 1], wanted, expected)
        if at < 0:
            continue
        anchor = _anchor(paragraphs[number - 1], at, at + len(wanted))
        if anchor is None:
            continue
        parent = word.paragraphs[0] if word.paragraphs else None
        first, last = (Run(r, parent) for r in anchor)  # type: ignore[arg-type]
        word.add_comment([first, last], text=comment_text(f), author=AUTHOR, initials="EL")
        placed += 1
    out = io.BytesIO()
    word.save(out)
    return out.getvalue(), placed
