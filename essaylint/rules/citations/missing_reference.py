"""C101 missing-reference."""

from __future__ import annotations

import re
from collections.abc import Iterator

from essaylint.analysis.entry_shape import has_year_or_link
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Finding, Reference
from essaylint.rules.base import Rule, RuleContext, describe_citation, describe_reference

_KEYS_SHOWN = 3  # keys named in the finding for an essay whose bibliography is missing
# A line that starts with an entry's number: "[4]", "* [4]:", "4.", "4)".
_LABEL_LINE = compile_lazily(r"^[ \t]*(?:[-*+][ \t]+)?(?:\[(\d{1,4})\]|(\d{1,4})[.)][ \t])", re.M)
_LABELLED_NUMBERS = 2  # cited numbers that start lines: a list is there, unread


class MissingReference(Rule):
    """An in-text citation with no entry in the reference list.

    What it checks
        Every citation (author-date, numbered, footnote or citation key) is
        looked up in the reference list. A citation that fits no entry, not
        even with another year or a near-miss spelling, is reported.
        Secondary sources ("Smith, 2010, as cited in Jones, 2015") need no
        entry of their own and are not reported. In a Chicago notes essay
        with a Bibliography, each work a note cites is looked up there by
        author and title, and a work missing from it is reported once, at
        the first note that cites it. In an MLA essay a citation is looked up
        by its author alone ("(Garrett 92)" needs a Works Cited entry by
        Garrett), or by its title when the work has no author. Notes typed at
        a page's foot with their raised number ("<sup>4</sup> James P. Walsh,
        ...") are read as notes too. A document with no list that cites in
        Word footnotes or endnotes (a note holds a work, a date or a link) has
        no numbered citations: its superscript numbers are not reported; one
        note of another kind (on a formula) does not silence them. An essay that
        cites by key ("[@smith2019]", "\\cite{smith2019}") whose bibliography
        file was not found gets one finding for the whole bibliography, not
        one per key; so does an essay that cites by number ("[1]", "[2]–[4]")
        whose numbered list essaylint could not find: lines that start with the
        cited numbers ("[1]", "* [2]:", "3.") show a list is there, and every
        finding for its numbers would say the same. A key that is a slip for
        one key the bibliography has ("@ipums-us" for "ipums_usa",
        "@rstanarm" for "citerstanarm") is still reported, and the finding
        names the entry it was meant for.

    Why it matters
        A reader (and a marker) must be able to find every source you cite.
        A citation without an entry looks like an unsupported claim.

    Example
        The text cites "(Delanty, 2002)" but the reference list has no
        Delanty entry.

    Fix
        Add the missing entry to the reference list, or correct the citation
        if it was meant to point at an entry that is already there.
    """

    code = "C101"
    name = "missing-reference"
    default_severity = "error"
    summary = "an in-text citation with no entry in the reference list"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        no_list = ctx.essay.references is None and not ctx.references
        # With no list, a document that cites in its footnotes or endnotes has no
        # numbered citations: its superscript or bracketed numbers are maths,
        # affiliations or the notes' own marks. A note with no work in it, no date and no
        # link (a thesis's one note on a formula), does not make the notes the way it cites.
        text = ctx.document.text
        notes_only = no_list and (
            any(c.kind == "footnote" and (c.authors or c.title) for c in ctx.citations)
            or any(
                b.kind == "footnote" and has_year_or_link(text[b.start : b.end])
                for b in ctx.document.blocks
            )
        )
        if no_list and any(
            ctx.citations[link.citation].kind == "key"
            for link in ctx.links
            if link.status == "missing"
        ):
            yield from self._no_bibliography(ctx)
            return
        numbered = [
            ctx.citations[link.citation]
            for link in ctx.links
            if link.status == "missing" and ctx.citations[link.citation].kind == "numeric"
        ]
        one_for_numbers = (
            no_list
            and not notes_only
            and len(numbered) > 1
            and _labelled_lines(ctx.document.text, numbered)
        )
        if one_for_numbers:
            yield self._no_numbered_list(ctx, numbered)
        noted: set[tuple[str, ...]] = set()
        for link in ctx.links:
            if link.status != "missing":
                continue
            citation = ctx.citations[link.citation]
            if (notes_only or one_for_numbers) and citation.kind == "numeric":
                continue
            if citation.kind == "footnote" and (citation.authors or citation.title):
                work = (*citation.authors[:1], citation.title or "")
                if work in noted:
                    continue  # a work noted again (a short note, "Ibid."): reported once
                noted.add(work)
            cited = describe_citation(citation)
            if no_list:
                message = f"{cited} is cited, but the essay has no reference list; add one"
            elif citation.kind == "numeric":
                numbers = [r.number for r in ctx.references if r.number is not None]
                if not numbers:
                    where = " has no numbered entries"
                elif citation.number is not None and citation.number <= max(numbers):
                    where = f" has no entry {citation.number}"
                else:
                    where = f" stops at {max(numbers)}"
                message = (
                    f"{cited} is cited, but the numbered reference list{where}; "
                    f"add entry {citation.number}"
                )
            elif citation.kind == "footnote" and (citation.authors or citation.title):
                message = (
                    f"{cited} is not in the bibliography; add an entry for it, or correct "
                    "the note if it was meant to cite a listed work"
                )
            elif citation.kind == "key" and link.candidates:
                yield self._mistyped_key(ctx, citation, ctx.references[link.candidates[0]])
                continue
            elif citation.kind in ("footnote", "key"):
                message = f"{cited} is cited, but no entry has the key {citation.key!r}; add it"
            elif ctx.essay.style == "mla" and not citation.authors:
                message = (
                    f"{citation.text} is cited by its title, but no Works Cited entry starts "
                    "with that title; add the entry (MLA lists a work with no author by title)"
                )
            elif ctx.essay.style == "mla":
                message = (
                    f"{citation.authors[0]} is cited, but no Works Cited entry is by "
                    f"{citation.authors[0]}; add one (Surname, Given. Title. Publisher, year.) "
                    "or correct the name in the citation"
                )
            else:
                message = f"{cited} is cited, but the reference list has no entry for it; add one"
            suggestions: list[str] = []
            if link.candidates:
                closest = [ctx.references[i] for i in link.candidates[:2]]
                listed = "; ".join(f"{describe_reference(r)} at {ctx.where(r)}" for r in closest)
                message += f" (closest entries: {listed})"
                suggestions = [describe_reference(r) for r in closest]
            yield self.finding(
                ctx, citation.span, message, citation=citation, suggestions=suggestions
            )

    def _mistyped_key(self, ctx: RuleContext, citation: Citation, meant: Reference) -> Finding:
        """A key no entry has that is a slip for one key the bibliography has: the
        finding names that entry, and its citation carries the entry's authors and year
        (the work the key was meant for)."""
        message = (
            f"{describe_citation(citation)} is cited, but no entry has the key "
            f"{citation.key!r}; did you mean {describe_reference(meant)} at "
            f"{ctx.where(meant)}? Correct the key, or add an entry with this one"
        )
        read_as = citation.model_copy(
            update={"authors": tuple(p.family for p in meant.authors), "year": meant.year}
        )
        return self.finding(
            ctx, citation.span, message, citation=read_as, suggestions=[meant.key or ""]
        )

    def _no_bibliography(self, ctx: RuleContext) -> Iterator[Finding]:
        """One finding for an essay that cites by key but whose bibliography was not found.

        Its list is printed from a .bib or CSL JSON file that nothing names (or that
        cannot be found), so no citation can be checked: each key is not a missing
        entry, the whole bibliography is missing.
        """
        missing = [ctx.citations[link.citation] for link in ctx.links if link.status == "missing"]
        keys = list(dict.fromkeys(c.key for c in missing if c.kind == "key" and c.key))
        first = next(c for c in missing if c.kind == "key")
        shown = ", ".join(f"@{key}" for key in keys[:_KEYS_SHOWN])
        more = f" and {len(keys) - _KEYS_SHOWN} more" if len(keys) > _KEYS_SHOWN else ""
        typed = len(missing) - sum(1 for c in missing if c.kind == "key")
        cited = f"{len(keys)} keys are cited" if len(keys) > 1 else "1 key is cited"
        also = f", with {typed} citation{'s' if typed > 1 else ''} typed by name," if typed else ""
        yield self.finding(
            ctx,
            first.span,
            f"{cited} ({shown}{more}){also} but no bibliography was found "
            "for this essay, so none can be checked; name the .bib or CSL JSON file with "
            "'bibliography:' in the front matter, \\bibliography{...} or \\addbibresource{...} "
            "in LaTeX, 'bib' in the config or --bib",
            citation=first,
        )

    def _no_numbered_list(self, ctx: RuleContext, numbered: list[Citation]) -> Finding:
        """One finding for numbered citations whose numbered list was not found."""
        numbers = sorted({c.number for c in numbered if c.number is not None})
        if numbers and numbers == list(range(numbers[0], numbers[-1] + 1)) and len(numbers) > 2:
            shown = f"[{numbers[0]}]–[{numbers[-1]}]"
        else:
            listed = ", ".join(f"[{n}]" for n in numbers[:_KEYS_SHOWN])
            shown = listed + (
                f" and {len(numbers) - _KEYS_SHOWN} more" if len(numbers) > _KEYS_SHOWN else ""
            )
        first = numbered[0]
        return self.finding(
            ctx,
            first.span,
            f"numbered sources {shown} are cited ({len(numbered)} citations), but no "
            "reference list was found, though lines start with these numbers; put the "
            "numbered list under a heading such as 'References' so essaylint can read it, "
            "or add one",
            citation=first,
        )


def _labelled_lines(text: str, numbered: list[Citation]) -> bool:
    """Do lines start with the numbers cited (an entry's label), so a numbered list is
    in the text although none was found?"""
    cited = {c.number for c in numbered if c.number is not None}
    labels = {int(m.group(1) or m.group(2)) for m in _LABEL_LINE.finditer(text)}
    return len(cited & labels) >= _LABELLED_NUMBERS
