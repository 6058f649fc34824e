"""C106 page-out-of-range."""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_citation, describe_reference

_PAGE_LOCATOR = compile_lazily(r"^\s*pp?\.?\s*(\d+)(?:\s*[-–—]\s*(\d+))?\s*$", re.IGNORECASE)
_PAGE_RANGE = compile_lazily(r"^\s*(?:pp?\.?\s*)?(\d+)\s*[-–—]+\s*(\d+)\s*$", re.IGNORECASE)


def page_range(pages: str | None) -> tuple[int, int] | None:
    """ "210-230" -> (210, 230); abbreviated "1477-81" -> (1477, 1481)."""
    if not pages:
        return None
    m = _PAGE_RANGE.match(pages)
    if not m:
        return None
    first, last = m.group(1), m.group(2)
    if len(last) < len(first):
        last = first[: len(first) - len(last)] + last
    lo, hi = int(first), int(last)
    return (lo, hi) if lo <= hi else None


def cited_pages(locator: str | None) -> tuple[int, int] | None:
    if not locator:
        return None
    m = _PAGE_LOCATOR.match(locator)
    if not m:
        return None
    lo = int(m.group(1))
    if m.group(2):
        return page_range(f"{m.group(1)}-{m.group(2)}") or (lo, lo)
    return lo, lo


class PageOutOfRange(Rule):
    """A cited page that lies outside the page range of the cited article or chapter.

    What it checks
        For citations with a page locator ("p. 71", "pp. 9-10") that match an
        entry with a page range ("71-101"), the cited pages must fall inside
        that range.

    Why it matters
        A page outside the article cannot hold the quotation or claim; it is
        usually a typo in the locator or a citation of the wrong work.

    Example
        "(Boase, 2008, p. 941)" for an article on pages 490-508.

    Fix
        Check the page in the source and correct the locator.
    """

    code = "C106"
    name = "page-out-of-range"
    default_severity = "warning"
    summary = "a cited page outside the article's page range"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for link in ctx.links:
            if link.status != "matched" or link.reference is None:
                continue
            citation = ctx.citations[link.citation]
            ref = ctx.references[link.reference]
            cited = cited_pages(citation.locator)
            listed = page_range(ref.pages)
            if cited is None or listed is None:
                continue
            if listed[0] <= cited[0] and cited[1] <= listed[1]:
                continue
            yield self.finding(
                ctx,
                citation.span,
                f"{describe_citation(citation)} cites {citation.locator}, but "
                f"{describe_reference(ref)} ({ctx.where(ref)}) runs from page "
                f"{listed[0]} to {listed[1]}; check the page number",
                citation=citation,
                reference=ref,
            )
