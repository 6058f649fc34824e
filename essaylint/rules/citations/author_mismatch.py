"""C103 author-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.analysis.matching import near_names, reorders_authors
from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_citation, describe_reference


class AuthorMismatch(Rule):
    """The same work, but an author's name is spelled differently in the text and the list.

    What it checks
        A citation whose year agrees with an entry and whose first author
        (or a named co-author) is a near miss of the entry's name, for
        example "Poly Technic (n.d.)" for "Open Polytechnic. (n.d.)" or
        "O'Day & Heimberg" for "O'Day, E. B., & Gross, J. J."; the entry's
        authors named in another order ("West and McKee" for "McKee, M., and
        E. G. West"); an author cited by a given name alone ("Tzu-Ping"
        for "Lin, Tzu-Ping"); a name the entry writes whole, given name first
        or as a firm's, with one word misspelt ("Moer Consulting" for "Moser
        Consulting."); and a number named by an author who is not among its
        entry's authors but is another entry's ("Lee et al. [4]" where entry 4
        is by others and entry 6 by Lee) or whose first author's name it
        misspells ("Lancot, Winands and Pepels [4]" for Lanctot's entry 4).

    Why it matters
        Readers search the list by the name you give in the text; a
        misspelt or changed name makes the source hard to find and looks
        careless.

    Example
        "According to Poly Technic (n.d.)" while the list has
        "Open Polytechnic. (n.d.). Techniques for active learning."

    Fix
        Write the author's name in the text exactly as it appears in the
        reference list entry.
    """

    code = "C103"
    name = "author-mismatch"
    default_severity = "error"
    summary = "same work, author name spelled differently between text and list"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        for link in ctx.links:
            if link.status != "author-mismatch" or link.reference is None:
                continue
            citation = ctx.citations[link.citation]
            ref = ctx.references[link.reference]
            where = ctx.where(ref)
            written = link.differing_author or (citation.authors[0] if citation.authors else "?")
            expected = link.expected_author or "?"
            if citation.kind == "numeric" and near_names(written, expected):
                # "Lancot et al. [4]" for Lanctot's entry 4: the name, misspelt.
                message = (
                    f"{written} et al. {describe_citation(citation)} names {written!r}, but "
                    f"entry {describe_citation(citation)} ({where}), {describe_reference(ref)}, "
                    f"has {expected!r}; write the name as in the entry"
                )
            elif citation.kind == "numeric":
                # "Abunasser et al. [16]" where entry 16 is by others: a wrong number, or name.
                message = (
                    f"{written} et al. {describe_citation(citation)} names {written!r}, but "
                    f"entry {describe_citation(citation)} ({where}), {describe_reference(ref)}, "
                    f"has no such author while another entry does; check the number or the name"
                )
            elif reorders_authors(citation.authors, ref):
                message = (
                    f"{describe_citation(citation)} names the authors in another order than "
                    f"the matching entry ({where}), {describe_reference(ref)}, which starts "
                    f"with {expected!r}; name them in the entry's order"
                )
            elif not ref.authors and ref.title:
                # A title-first entry: its title is no author's name to copy into the text.
                message = (
                    f"{describe_citation(citation)} names the author {written!r}, but the "
                    f"matching entry ({where}), {describe_reference(ref)}, names no author "
                    f"before its title; cite it by its title or start the entry with "
                    f"{written!r}"
                )
            else:
                if written in citation.authors[1:]:
                    lead = f"{describe_citation(citation)} names co-author {written!r}"
                else:
                    lead = f"{describe_citation(citation)} names the author {written!r}"
                message = (
                    f"{lead}, but the matching entry ({where}), {describe_reference(ref)}, "
                    f"has {expected!r}; write the name as in the entry"
                )
            yield self.finding(
                ctx, citation.span, message, citation=citation, reference=ref,
                suggestions=[expected] if link.expected_author else [],
            )  # fmt: skip
