"""A year where an MLA page would stand: "Ames et al. argue that "..." (2014)".

Students who cite author-date under a Works Cited list put the year after the
quotation as MLA puts the page. A number in the narrative's parenthesis is
that year, not a page, when it is year-shaped, one of the cited author's
entries is dated within a couple of years of it, and none of them runs over
pages that hold it ("p. 571" cannot be page 2011; PNAS's "pp. 2008-2014" can).
"""

from __future__ import annotations

from collections.abc import Sequence

from essaylint.analysis.names import natural_family
from essaylint.analysis.patterns import YEAR_DIGITS
from essaylint.analysis.text import name_key
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Reference

_NEAR_YEARS = 2  # a year this far from the entry's is a wrong year, not a page
_YEAR_ONLY = compile_lazily(YEAR_DIGITS)
_PAGE_RANGE = compile_lazily(r"(\d+)\s*[-–—]+\s*(\d+)")
# "(Anthony and Stanton 1902, 758)": a year, then the page after a comma.
_YEAR_THEN_PAGE = compile_lazily(
    rf"({YEAR_DIGITS})\s*,\s*((?:pp?\.\s*)?(\d{{1,4}})(?:\s*[-–]\s*\d{{1,4}})?)"
)

# Each author's entries, by name key: (year, pages).
Dated = dict[str, list[tuple[int, str | None]]]


def dated_works(works: Sequence[Reference]) -> Dated:
    """The years and pages of each first author's entries (by name key)."""
    dated: Dated = {}
    for ref in works:
        if ref.authors and ref.year and ref.year[:4].isdigit():
            first = ref.authors[0]
            # "Sarah Ames, et al.": a name written given name first is cited as Ames.
            natural = None if first.given else natural_family(first.family)
            for family in dict.fromkeys((first.family, natural or first.family)):
                dated.setdefault(name_key(family), []).append((int(ref.year[:4]), ref.pages))
    return dated


def year_for_page(author: str, locator: str, dated: Dated) -> str | None:
    """The year ``locator`` names when it is the year of ``author``'s work, not a page."""
    if not _YEAR_ONLY.fullmatch(locator):
        return None
    number = int(locator)
    works = dated.get(name_key(author), [])
    if not any(abs(year - number) <= _NEAR_YEARS for year, _ in works):
        return None
    if any(pages and _holds(pages, number) for _, pages in works):
        return None
    return locator


def _holds(pages: str, number: int) -> bool:
    span = _PAGE_RANGE.search(pages)
    if span is None:
        return pages.strip().isdigit() and int(pages) == number
    return int(span.group(1)) <= number <= int(span.group(2))


def years_before_pages(citations: Sequence[Citation]) -> tuple[Citation, ...]:
    """An MLA essay's citations with the year of "(Anthony and Stanton 1902, 758)" read.

    MLA never writes a page and then a lower one, so a year-shaped number with a
    lower page after its comma is the year of an author-date citation, and the
    page its locator. Run after the style is chosen: it says which work is cited,
    not how the essay cites.
    """
    out: list[Citation] = []
    for c in citations:
        m = _YEAR_THEN_PAGE.fullmatch(c.locator or "") if c.year is None else None
        if m is not None and int(m.group(3)) < int(m.group(1)):
            c = c.model_copy(update={"year": m.group(1), "locator": m.group(2)})
        out.append(c)
    return tuple(out)
