"""R203 duplicate-reference."""

from __future__ import annotations

from collections.abc import Iterator

from rapidfuzz import fuzz

from essaylint.analysis.text import fold, name_key, normalise_year
from essaylint.models import Finding, Reference
from essaylint.rules.base import Rule, RuleContext, describe_reference

SAME_TITLE = 90.0


def same_work(a: Reference, b: Reference) -> bool:
    """Two entries describe one work: same DOI, or same first author, year and title."""
    if a.doi and b.doi:
        return fold(a.doi) == fold(b.doi)
    if not (a.title and b.title):
        return fold(" ".join(a.raw.split())) == fold(" ".join(b.raw.split()))
    first_a = name_key(a.authors[0].family) if a.authors else ""
    first_b = name_key(b.authors[0].family) if b.authors else ""
    if first_a != first_b or normalise_year(a.year) != normalise_year(b.year):
        return False
    return fuzz.ratio(fold(a.title), fold(b.title)) >= SAME_TITLE


class DuplicateReference(Rule):
    """The same work listed twice in the reference list.

    What it checks
        Pairs of entries with the same DOI, or with the same first author,
        year and (nearly) the same title.

    Why it matters
        A duplicate makes the list look unedited, and citations to that work
        become ambiguous.

    Example
        "Boyd, D. M., & Ellison, N. B. (2007). Social network sites..." listed
        on two lines.

    Fix
        Keep one entry (the complete one) and delete the other.
    """

    code = "R203"
    name = "duplicate-reference"
    default_severity = "warning"
    summary = "the same work listed twice"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        refs = list(ctx.references)
        reported: set[int] = set()
        for j, later in enumerate(refs):
            for i in range(j):
                if i in reported or not same_work(refs[i], later):
                    continue
                reported.add(j)
                yield self.finding(
                    ctx,
                    later.span,
                    f"{describe_reference(later)} repeats the entry at "
                    f"{ctx.where(refs[i])}; delete one of them",
                    reference=later,
                )
                break
