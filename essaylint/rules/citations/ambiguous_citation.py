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
        that tells them apart. In MLA, which cites by author and page, a
        citation of an author with two or more works must name the work with a
        short title: "(Smith, *Short Title* 45)". One work listed again in
        the list of each part of an essay (posts on one page, chapters) is no
        ambiguity: a citation cites the copy in the first list after it.

    Why it matters
        The reader cannot tell which of the works supports the claim.

    Example
        "(Smith, 2019)" with two entries "Smith, J. (2019). First..." and
        "Smith, J. (2019). Second...".

    Fix
        Add year suffixes (2019a, 2019b) to the entries, ordered by title,
        and use them in every citation; in MLA, add the short title.
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
            if ctx.essay.style == "mla" and citation.year is None:
                who = citation.authors[0] if citation.authors else citation.text
                shown = f"{who} … ({citation.locator})" if citation.narrative else citation.text
                message = (
                    f"{shown} does not say which work by {who} it cites: the Works "
                    f"Cited list has {len(options)} ({listed}); add a short title, "
                    f"e.g. ({who}, *Short Title* {citation.locator or 'page'})"
                )
            else:
                message = (
                    f"{describe_citation(citation)} fits {len(options)} entries ({listed}); "
                    "add a/b suffixes to the years to tell them apart"
                )
            yield self.finding(
                ctx,
                citation.span,
                message,
                citation=citation,
                reference=options[0] if options else None,
            )
