"""V504 invalid-doi."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_reference
from essaylint.rules.verify._common import verified_entries


class InvalidDoi(Rule):
    """A DOI that Crossref does not know.

    What it checks
        With ``--verify``, every DOI in the list is looked up in Crossref. A
        DOI that gets "not found" (HTTP 404) is reported. When a search on
        the entry's title and authors finds the work, its real DOI is given
        as the suggestion.

    Why it matters
        A broken DOI is a dead link: the reader cannot reach the work, and a
        marker may suspect the entry was never checked.

    Example
        "... PLoS ONE, 7(3), e33693. https://doi.org/10.1371/notarealdoi"

    Fix
        Copy the DOI from the article's landing page (or from the
        suggestion), or remove it if the work has none.
    """

    code = "V504"
    name = "invalid-doi"
    default_severity = "error"
    summary = "with --verify: the DOI does not resolve"
    requires = frozenset({"network"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        unverified, entries = verified_entries(self, ctx)
        yield from unverified
        for verdict, ref in entries:
            if verdict.status != "invalid-doi":
                continue
            hint = (
                f"; Crossref has this work as {verdict.suggested_doi}"
                if verdict.suggested_doi
                else "; copy the DOI from the article's page, or remove it"
            )
            yield self.finding(
                ctx,
                ref.span,
                f"the DOI {ref.doi} of {describe_reference(ref)} does not resolve "
                f"(Crossref has no record of it){hint}",
                reference=ref,
                suggestions=[verdict.suggested_doi] if verdict.suggested_doi else [],
            )
