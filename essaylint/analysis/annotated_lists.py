"""Annotated reference lists: each entry followed by a paragraph or two about it.

An annotated bibliography, a common assignment, writes an entry, then what the
work says and why it matters, then the next entry::

    Liu, B. (2012). *Sentiment analysis and opinion mining*. Morgan & Claypool.

    Liu surveys the methods of sentiment analysis ...

Read as a plain list, the first annotation ends the list, so every later entry
is lost and every citation of it reported as missing. Here, after a list that
a heading opened, entries that follow annotation paragraphs carry the list on:
at most :data:`MAX_ANNOTATION_BLOCKS` paragraphs after each entry, up to a
heading, a rule or the end of the text. It takes :data:`MIN_ANNOTATED_ENTRIES`
such entries to show the pattern; one entry-like line after some prose is not
enough. The annotations are neither entries nor the essay's prose.
"""

from __future__ import annotations

from essaylint.analysis.layout import RULE, Heading, Line, Structure, is_appendix_title
from essaylint.analysis.list_extent import ListRun, ends_list, entry_at, neutral, run_at

#: Paragraphs of annotation allowed after one entry.
MAX_ANNOTATION_BLOCKS = 4
#: Entries after annotations needed before the list is read as annotated.
MIN_ANNOTATED_ENTRIES = 2


def _annotation_end(lines: list[Line], i: int, structure: Structure) -> int:
    """The last line of the annotation that starts at ``i``: its paragraph (run of
    non-blank lines), or less when the next entry follows with no blank line."""
    end = i
    while (
        end + 1 < len(lines)
        and not lines[end + 1].blank
        and not entry_at(lines, end + 1, structure)
    ):
        end += 1
    return end


def annotated_runs(
    lines: list[Line], found: ListRun, headings: dict[int, Heading], structure: Structure
) -> list[ListRun]:
    """The entries that carry a headed list on past their annotations (see the module)."""
    if found.heading is None:
        return []
    runs: list[ListRun] = []
    annotations = 0
    i = found.last + 1
    while i < len(lines):
        line = lines[i]
        if line.blank or neutral(line.text):
            i += 1
            continue
        if (
            i in headings
            or ends_list(line.text, None)
            or RULE.match(line.text)
            or is_appendix_title(line.text)
        ):
            break
        if entry_at(lines, i, structure):
            if not annotations:
                break  # an entry the list itself stopped before, for its own reasons
            last, count = run_at(lines, structure, i, frozenset(headings))
            runs.append(ListRun(None, i, last, count, consulted=found.consulted))
            annotations = 0
            i = last + 1
            continue
        annotations += 1
        if annotations > MAX_ANNOTATION_BLOCKS:
            break
        i = _annotation_end(lines, i, structure) + 1
    return runs if len(runs) >= MIN_ANNOTATED_ENTRIES else []
