"""R202 incomplete-reference."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.analysis.entry_dates import revision_or_access_date
from essaylint.models import Finding, Reference
from essaylint.rules.base import Rule, RuleContext, describe_reference


def missing_parts(ref: Reference) -> list[str]:
    """Which of year, title and container/publisher an entry lacks."""
    parts: list[str] = []
    if not ref.year and not ref.date and not revision_or_access_date(ref.raw):
        parts.append("year (or n.d.)")
    if not ref.title:
        parts.append("title")
    has_source = ref.container or ref.publisher or ref.url or ref.doi
    online = ref.retrieved_from or ref.type in ("web", "video", "news")
    if ref.title and not has_source and not online and ref.type != "thesis":
        parts.append("journal, book publisher or other source")
    return parts


class IncompleteReference(Rule):
    """An entry that lacks its year, its title, or where the work was published.

    What it checks
        Each parsed entry must have a year (or "n.d."), a title, and a
        container: the journal, the book's publisher, the site or a URL/DOI.
        A web source dated only by "Last modified ..." or "Accessed ..."
        (Chicago's way when a page shows no publication date) has its date.

    Why it matters
        Without these a reader cannot identify or retrieve the work; a title
        with no venue is usually a copy-paste from a list of paper titles.

    Example
        "Huberman, B. A., Romero, D. M., & Wu, F. (2008). Social Networks That
        Matter: Twitter Under the Microscope." (no journal, no URL)

    Fix
        Complete the entry from the work itself: the journal with volume,
        issue and pages, the publisher of a book, or the URL of a web source.
    """

    code = "R202"
    name = "incomplete-reference"
    default_severity = "warning"
    summary = "an entry missing year, title, or container/publisher"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for ref in ctx.references:
            if ref.source == "footnote" and not ref.authors:
                continue
            parts = missing_parts(ref)
            if not parts:
                continue
            yield self.finding(
                ctx,
                ref.span,
                f"{describe_reference(ref)} has no {', no '.join(parts)}; complete the entry",
                reference=ref,
            )
