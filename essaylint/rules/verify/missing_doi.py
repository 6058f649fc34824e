"""R206 missing-doi."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_reference
from essaylint.rules.verify._common import verified_entries


class MissingDoi(Rule):
    """A journal article listed without the DOI Crossref has for it.

    What it checks
        With ``--verify``, a journal article without a DOI is searched for in
        Crossref; when the search identifies the article (similar title and
        the same first author or year), its DOI is suggested. Without
        ``--verify`` the rule reports nothing: many older articles have no
        DOI, so "no DOI" alone is not a problem worth flagging.

    Why it matters
        APA 7 asks for the DOI whenever a work has one: it is the stable link
        to the article.

    Example
        "Renear, A. H., & Palmer, C. L. (2009). Strategic reading, ontologies,
        and the future of scientific publishing. Science, 325(5942), 828-832."
        (Crossref: 10.1126/science.1157784)

    Fix
        Add the DOI as https://doi.org/... at the end of the entry.
    """

    code = "R206"
    name = "missing-doi"
    default_severity = "info"
    summary = "a journal article without DOI (with --verify the DOI is suggested)"
    requires = frozenset({"network"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        unverified, entries = verified_entries(self, ctx)
        yield from unverified
        for verdict, ref in entries:
            if ref.doi or ref.type != "article" or not verdict.suggested_doi:
                continue
            if verdict.status not in ("verified", "mismatch"):
                continue
            yield self.finding(
                ctx,
                ref.span,
                f"{describe_reference(ref)} is a journal article without a DOI; Crossref "
                f"has https://doi.org/{verdict.suggested_doi} for it: add it at the end",
                reference=ref,
                suggestions=[verdict.suggested_doi],
            )
