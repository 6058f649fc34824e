"""C105 ambiguous-citation."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_citation, describe_reference


class AmbiguousCitation(Rule):
    """A citation that fits two or more entries equally well.

    What it checks
        Citations whose author and year match several entries, typically two
        works by the same author in the same year without the "a"/"b" suffix
        that tells them apart.

    Why it matters
        The reader cannot tell which of the works supports the claim.

    Example
        "(Smith, 2019)" with two entries "Smith, J. (2019). First..." and
        "Smith, J. (2019). Second...".

    Fix
        Add year suffixes (2019a, 2019b) to the entries, ordered by title,
        and use them in every citation.
    """

    code = "C105"
    name = "ambiguous-citation"
    default_severity = "warning"
    summary = "a citation that matches two entries (same author and year, no a/b suffix)"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for link in ctx.links:
            if link.status != "ambiguous":
                continue
            citation = ctx.citations[link.citation]
            options = [ctx.references[i] for i in link.candidates]
            listed = "; ".join(f"{describe_reference(r)} at {ctx.where(r)}" for r in options)
            yield self.finding(
                ctx,
                citation.span,
                f"{describe_citation(citation)} fits {len(options)} entries ({listed}); "
                "add a/b suffixes to the years to tell them apart",
                citation=citation,
                reference=options[0] if options else None,
            )
