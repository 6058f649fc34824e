"""A name alone in parentheses for an undated work: "Figure 9 (Adit Deshpande)".

A web page with no date is listed "Deshpande, A. (n.d.)", and writers who
find nothing to put for the year cite it by the name alone: "(Deshpande)",
"(Adit Deshpande)". Such a parenthesis is a citation when the name is the
first author of exactly one entry of the list, and that entry is undated; a
name in parentheses with no such entry is a gloss ("(Alexander)", "(Brazil)")
and is left alone, as is the name of an author whose works are dated.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from essaylint.analysis.text import name_key, normalise_year
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

_NAME_ALONE = compile_lazily(r"\((?P<name>[A-Z][\w'’\-]+(?:\s+[A-Z][\w'’\-]+){0,2})\)")


def undated_names(
    text: str, regions: Sequence[Span], works: Sequence[Reference], found: Sequence[Citation]
) -> Iterator[Citation]:
    """The "(Name)" citations of undated entries, where no citation was read already."""
    by_author: dict[str, list[Reference]] = {}
    for ref in works:
        if ref.authors:
            by_author.setdefault(name_key(ref.authors[0].family), []).append(ref)
    undated = {
        key: refs[0]
        for key, refs in by_author.items()
        if len(refs) == 1 and normalise_year(refs[0].year) == "nd"
    }
    if not undated:
        return
    taken = sorted((c.span.start, c.span.end) for c in found)
    reach = _furthest_ends(taken)
    for region in regions:
        for m in _NAME_ALONE.finditer(text, region.start, region.end):
            words = m.group("name").split()
            key = name_key(m.group("name"))
            if key not in undated:
                key = name_key(words[-1])  # "(Adit Deshpande)": the family name
            work = undated.get(key)
            if work is None or _overlaps(taken, reach, m.start(), m.end()):
                continue
            yield Citation(
                span=Span(start=m.start(), end=m.end()), text=m.group(0), kind="author-date",
                authors=(work.authors[0].family,), year=work.year,
            )  # fmt: skip


def _furthest_ends(spans: list[tuple[int, int]]) -> list[int]:
    """For each span in start order, the furthest end of it and the spans before it."""
    ends: list[int] = []
    for _, end in spans:
        ends.append(max(end, ends[-1]) if ends else end)
    return ends


def _overlaps(spans: list[tuple[int, int]], reach: list[int], start: int, end: int) -> bool:
    """Does ``start``-``end`` overlap a span already read (spans sorted, with their reach)?"""
    before = bisect.bisect_left(spans, (end, -1))  # the spans that start before ``end``
    return before > 0 and reach[before - 1] > start
