"""Citations that give no year: "Figure 9 (Adit Deshpande)", "(Harrison, p. 105)".

A web page with no date is listed "Deshpande, A. (n.d.)", and writers who
find nothing to put for the year cite it by the name alone: "(Deshpande)",
"(Adit Deshpande)". Such a parenthesis is a citation when the name is the
first author of exactly one entry of the list, and that entry is undated; a
name in parentheses with no such entry is a gloss ("(Alexander)", "(Brazil)")
and is left alone, as is the name of an author whose works are dated.

A name with a page and no year, "(Harrison, p. 105)", "(Provost & Fawcett, p. 27)",
is a citation whatever the list holds: the page says a work is quoted. It cites the
author's one entry (with that entry's year), or, with no entry by that name, no work
of the list; an author of several entries is left to the reader (no year tells them
apart).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator, Sequence

from essaylint.analysis.citations_mla_unlisted import NOT_SURNAMES
from essaylint.analysis.patterns import AUTHOR_AND, ET_AL
from essaylint.analysis.text import name_key, normalise_year
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference, Span

_SURNAME = r"[A-Z][\w'’\-]+"
_NAME_ALONE = compile_lazily(rf"\((?P<name>{_SURNAME}(?:\s+{_SURNAME}){{0,2}})\)")
_NAME_WITH_PAGE = compile_lazily(
    rf"\((?P<first>{_SURNAME})(?:\s+{AUTHOR_AND}\s+(?P<second>{_SURNAME})|(?P<et_al>,?\s+{ET_AL}))?"
    r"[,.]?\s+(?:pp?|pgs?|pages?)\.?\s*(?P<page>\d{1,4}(?:\s*[-–]\s*\d{1,4})?)\)"
)
# Words a page follows that are no one's name: "(Ibid., p. 4)", "(Figure, p. 3)", and
# the labels MLA's author-only reader knows ("(Source, p. 2)").
_NOT_NAMES = NOT_SURNAMES | frozenset(
    "id op cit loc figure fig table chapter section appendix exhibit page see".split()
)


def undated_names(
    text: str, regions: Sequence[Span], works: Sequence[Reference], found: Sequence[Citation]
) -> Iterator[Citation]:
    """The "(Name)" citations of undated entries, where no citation was read already."""
    undated = {
        key: refs[0]
        for key, refs in _works_by_first_author(works).items()
        if len(refs) == 1 and normalise_year(refs[0].year) == "nd"
    }
    if not undated:
        return
    read = _Read(found)
    for region in regions:
        for m in _NAME_ALONE.finditer(text, region.start, region.end):
            words = m.group("name").split()
            key = name_key(m.group("name"))
            if key not in undated:
                key = name_key(words[-1])  # "(Adit Deshpande)": the family name
            work = undated.get(key)
            if work is None or read.overlaps(m.start(), m.end()):
                continue
            yield Citation(
                span=Span(start=m.start(), end=m.end()), text=m.group(0), kind="author-date",
                authors=(work.authors[0].family,), year=work.year,
            )  # fmt: skip


def paged_names(
    text: str, regions: Sequence[Span], works: Sequence[Reference], found: Sequence[Citation]
) -> Iterator[Citation]:
    """The "(Name, p. 105)" citations, where no citation was read already."""
    by_author = _works_by_first_author(works)
    read = _Read(found)
    for region in regions:
        for m in _NAME_WITH_PAGE.finditer(text, region.start, region.end):
            first = m.group("first")
            refs = by_author.get(name_key(first), [])
            if len(refs) > 1 or first.casefold() in _NOT_NAMES:
                continue
            if read.overlaps(m.start(), m.end()):
                continue
            names = (first, m.group("second")) if m.group("second") else (first,)
            yield Citation(
                span=Span(start=m.start(), end=m.end()), text=m.group(0), kind="author-date",
                authors=names, et_al=bool(m.group("et_al")),
                year=refs[0].year if refs else None, locator=m.group("page"),
            )  # fmt: skip


def _works_by_first_author(works: Sequence[Reference]) -> dict[str, list[Reference]]:
    by_author: dict[str, list[Reference]] = {}
    for ref in works:
        if ref.authors:
            by_author.setdefault(name_key(ref.authors[0].family), []).append(ref)
    return by_author


class _Read:
    """The spans of the citations read already, to find overlaps in O(log n)."""

    def __init__(self, found: Sequence[Citation]) -> None:
        self.spans = sorted((c.span.start, c.span.end) for c in found)
        self.reach = _furthest_ends(self.spans)

    def overlaps(self, start: int, end: int) -> bool:
        return _overlaps(self.spans, self.reach, start, end)


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
