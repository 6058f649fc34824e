"""The parts of an essay's body that are read as neither prose nor list.

Reading lists, glossaries and works-consulted sections inside the body, code and
footnote definitions are excluded from the prose; an appendix after the reference
list is prose again. :mod:`essaylint.analysis.sections` asks for both.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence

from essaylint.analysis.code_regions import code_spans
from essaylint.analysis.layout import (
    APPENDIX_WORDS,
    READING_WORDS,
    RULE,
    TAG_ONLY,
    Heading,
    Line,
    is_appendix_title,
    split_lines,
)
from essaylint.analysis.patterns import CONSULTED_LIST_HEADINGS, FOOTNOTE_DEFINITION
from essaylint.analysis.prose_regions import is_latex
from essaylint.models import Block, Span


def reading_spans(lines: list[Line], headings: dict[int, Heading], end_line: int) -> list[Span]:
    """Reading lists and works-consulted sections that start before ``end_line``."""
    spans: list[Span] = []
    ordered = sorted(headings)
    for pos, i in enumerate(ordered):
        if i >= end_line:
            break
        h = headings[i]
        if not (READING_WORDS.search(h.title) or h.title in CONSULTED_LIST_HEADINGS):
            continue
        stop = end_line
        for j in ordered[pos + 1 :]:
            if headings[j].level <= h.level or j >= end_line:
                stop = min(j, end_line)
                break
        if h.level >= _PLAIN_HEADING_LEVEL and "annotated" not in h.title:
            stop = _first_prose_line(lines, i + 1, stop)
        spans.append(Span(start=lines[i].start, end=lines[stop - 1].end))
    return spans


_PLAIN_HEADING_LEVEL = 8  # a short line standing alone: a heading only by its looks
_PROSE_WORDS = 60  # no glossary definition or (unannotated) reading-list entry runs this long


def _first_prose_line(lines: list[Line], start: int, stop: int) -> int:
    """Where a section under a plain-line "Glossary of terms" gives way to the essay's prose:
    a paragraph longer than any definition or entry (its numbered headings, "1. Introduction",
    read as list items, cannot end it)."""
    for k in range(start, stop):
        if len(lines[k].text.split()) > _PROSE_WORDS:
            return k
    return stop


def excluded_spans(
    text: str,
    lines: list[Line],
    headings: dict[int, Heading],
    blocks: Sequence[Block],
    body_end_line: int,
) -> list[Span]:
    """Reading lists, footnote definitions and code inside the body."""
    spans = reading_spans(lines, headings, body_end_line)
    spans += code_spans(text, lines, blocks, body_end_line, inline=not is_latex(text))
    body_end = lines[body_end_line - 1].end if body_end_line > 0 else 0
    spans += [span for _key, span in footnote_definition_spans(text) if span.start < body_end]
    return spans


def footnote_definition_spans(text: str) -> list[tuple[str, Span]]:
    """Every Markdown footnote definition ``[^key]: ...`` with the span of its paragraph.

    A line right below a definition that opens no other block continues the note
    (a note wrapped by hand, as Markdown renders it).
    """
    if "[^" not in text:
        return []  # most essays have no Markdown footnotes: no need to cut the text into lines
    lines = split_lines(text)
    out: list[tuple[str, Span]] = []
    i = 0
    while i < len(lines):
        m = FOOTNOTE_DEFINITION.match(lines[i].text)
        if m is None:
            i += 1
            continue
        last = i
        while last + 1 < len(lines) and _continues_note(lines[last + 1].text):
            last += 1
        out.append((m.group(1), Span(start=lines[i].start, end=lines[last].end)))
        i = last + 1
    return out


def _continues_note(text: str) -> bool:
    stripped = text.strip()
    return bool(stripped) and not (
        FOOTNOTE_DEFINITION.match(text) or stripped.startswith(("#", "```", "~~~"))
    )


def appendix_span(lines: list[Line], headings: dict[int, Heading], start: int) -> Span | None:
    """The text from ``start`` to the end when its first line heads an appendix."""
    first = bisect.bisect_left([line.start for line in lines], start)
    for line in lines[first:]:
        if line.blank or RULE.match(line.text) or TAG_ONLY.match(line.text):
            continue
        heading = headings.get(line.index)
        if (heading is not None and APPENDIX_WORDS.match(heading.title)) or is_appendix_title(
            line.text
        ):
            return Span(start=line.start, end=lines[-1].end)
        return None
    return None
