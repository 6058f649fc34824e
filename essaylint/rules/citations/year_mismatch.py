"""C102 year-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_citation, describe_reference


class YearMismatch(Rule):
    """The cited author is in the reference list, but under another year.

    What it checks
        A citation whose first author matches one or more entries, none of
        them with the cited year (including a/b suffixes and "n.d.").

    Why it matters
        The year is how a reader tells an author's works apart. A wrong year
        sends them to the wrong work, or to none.

    Example
        "(Pan, Lu, Wang & Chau, 2019, p. 71)" while the list has
        "Pan, Z., Lu, Y., Wang, B., & Chau, P. Y. (2017)".

    Fix
        Correct the year in the citation (or in the entry, if the entry is
        the one that is wrong). When the author has several works, the
        message lists them so you can pick the right one.
    """

    code = "C102"
    name = "year-mismatch"
    default_severity = "error"
    summary = "the cited author is in the list, but under another year"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for link in ctx.links:
            if link.status != "year-mismatch" or link.reference is None:
                continue
            citation = ctx.citations[link.citation]
            ref = ctx.references[link.reference]
            where = ctx.where(ref)
            who = describe_citation(citation).rsplit(" (", 1)[0]
            message = (
                f"{who} cited as {citation.year or 'n.d.'}, but the reference list "
                f"({where}) has {describe_reference(ref)}"
            )
            others = [ctx.references[i] for i in link.candidates if i != link.reference]
            if others:
                listed = ", ".join(f"{describe_reference(r)} at {ctx.where(r)}" for r in others)
                message += f"; other entries by this author: {listed}"
            message += "; correct the year in the citation or the entry"
            suggestions = [ctx.references[i].year or "n.d." for i in link.candidates]
            yield self.finding(
                ctx, citation.span, message, citation=citation, reference=ref,
                suggestions=list(dict.fromkeys(suggestions)),
            )  # fmt: skip
