"""V501 reference-not-found."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_reference
from essaylint.rules.verify._common import verified_entries


class ReferenceNotFound(Rule):
    """A scholarly entry for which Crossref has no matching record.

    What it checks
        With ``--verify``, every journal article, book, chapter and conference
        paper in the list that has no DOI is searched for in Crossref (title,
        first author, year and journal). When none of the few best results has
        a similar title together with the same first author or year, the entry
        is reported. Web pages, news, videos, reports and theses are never
        looked up: many are not in Crossref, so their absence proves nothing.
        When Crossref cannot be reached, this rule reports that once, as
        information, instead.

    Why it matters
        A reference that no database knows is often a mistyped title or year,
        and sometimes a work that does not exist at all (an invented or
        machine-generated citation).

    Example
        "Hartley, J. (2021). Quantum gravel and the semiotics of lawns.
        Journal of Imaginary Results, 4(2), 1-9." (no such article)

    Fix
        Find the work itself (library catalogue, Google Scholar) and copy its
        details; if you cannot find it, do not cite it.
    """

    code = "V501"
    name = "reference-not-found"
    default_severity = "warning"
    summary = "with --verify: no scholarly record matches the entry"
    requires = frozenset({"network"})
    reports_service_failure = True  # "could not verify the references" comes from here

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        unverified, entries = verified_entries(self, ctx)
        yield from unverified
        for verdict, ref in entries:
            if verdict.status != "not-found":
                continue
            title = f' "{ref.title}"' if ref.title else ""
            yield self.finding(
                ctx,
                ref.span,
                f"{describe_reference(ref)}{title}: no Crossref record found — check the entry "
                "against the work itself; it may not exist",
                reference=ref,
            )
