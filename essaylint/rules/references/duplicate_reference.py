"""R203 duplicate-reference."""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Iterator, Sequence

from essaylint.analysis.text import fold
from essaylint.analysis.work_identity import copy_keys, entry_words, page_address, same_work
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Finding, Reference, Span
from essaylint.rules.base import Rule, RuleContext, describe_reference


def _buckets(ref: Reference, where: str) -> tuple[tuple[str, ...], ...]:
    """Keys that two entries of one list share whenever :func:`same_work` can hold for them.

    Only entries sharing a key are compared, so a list of thousands of entries
    is checked in linear time rather than pair by pair. ``where`` names the
    list: an essay in two parts with a list each may list one work in both.
    """
    keys: list[tuple[str, ...]] = [
        (where, "raw", entry_words(ref)),
        *((where, *key) for key in copy_keys(ref)),
    ]
    if ref.doi:
        keys.append((where, "doi", fold(ref.doi)))
    address = page_address(ref)
    if address:
        keys.append((where, "address", address))
    if ref.key:
        keys.append((where, "key", ref.key))
    return tuple(keys)


# What may stand between two lists that are one: blank lines and short headings
# ("### Reference", "Bibliography:"), no prose.
_HEADING_LINE = compile_lazily(r"[ \t]*(?:#{1,6}[ \t]*)?[^\s.!?]*(?:[ \t]+[^\s.!?]+){0,3}[ \t]*:?")


def _list_parts(lists: Sequence[Span], text: str) -> list[int]:
    """Which part of the essay each list belongs to: a list that follows another with no
    prose between (a list pasted twice under its heading) is the same part's."""
    parts: list[int] = []
    for i, span in enumerate(lists):
        between = text[lists[i - 1].end : span.start] if i else None
        joined = between is not None and all(
            _HEADING_LINE.fullmatch(line) for line in between.splitlines() if line.strip()
        )
        parts.append(parts[-1] if joined else i)
    return parts


def _list_of(ref: Reference, lists: Sequence[Span], parts: Sequence[int]) -> str:
    """Which reference list an entry is in ("bib" for a .bib, "notes" for note definitions)."""
    if ref.source != "text":
        return ref.source
    starts = [span.start for span in lists]
    i = bisect.bisect_right(starts, ref.span.start) - 1
    return f"list {parts[i]}" if i >= 0 and lists[i].covers(ref.span) else "text"


class DuplicateReference(Rule):
    """The same work listed twice in the reference list.

    What it checks
        Pairs of entries of one list with the same DOI (one DOI on two entries that
        share neither first author, year nor title was pasted onto the wrong one: no
        repeat); with the same page address
        (a site's front page or section aside), no other year, and the words of one
        entry inside the other's; or with the same first author,
        year and (nearly) the same title; titles that differ in their numbers ("Report
        card 2015-16", "Report card 2016-17") are a series, not a repeat, and so are
        entries alike but for a number in one place ("Records, Box 60", "Records, Box
        53"); one title under "2018a" and "2018b" is a repeat, unless the two entries'
        volumes or pages differ ("1998a, AJ, 115, 658" and "1998b, AJ, 115, 648" are two
        papers); nearly the same titles at two different addresses are two pages of one
        site ("Data by Country: Cases", "Data by Country: Deaths"), and so are pages with
        no author filed under the site's own title ("Pull Requests · Google/Oss-Fuzz").
        A copy that lost its year is still a repeat when its first author, title (of
        three words or more), volume and pages are the dated copy's; so is one person's
        work listed under two years a year or two apart, with the same title of four
        words or more and the numbers of one among the other's (or the same publisher):
        "Hansmann 1979" and "Hansmann 1980", both Yale LJ 89, 835. Two editions ("4th
        ed.", "5th ed.") and an organisation's yearly reports are not. An essay in parts
        with a list for each may list a work in both; a list pasted again right after
        the first, with no prose between, is the same list. In a .bib used as a database
        (only cited entries are printed), a pair counts only when both entries are
        printed: cited, named by
        ``\\nocite``, or all printed by ``\\nocite{*}``; an entry written twice under
        one key counts when that key is printed, and so do two works under one key
        (BibTeX keeps the first; no citation can reach the other). Notes are
        citations: a note that cites a work an earlier note cited is not a duplicate,
        even where the notes are the only list.

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
        lists = sorted(ctx.essay.lists, key=lambda span: span.start)
        parts = _list_parts(lists, ctx.document.text)
        unprinted = ctx.unprinted
        earlier: dict[tuple[str, ...], list[int]] = defaultdict(list)
        reported: set[int] = set()
        for j, later in enumerate(refs):
            if j in unprinted:  # a database entry nobody prints: nobody reads it twice
                continue
            if later.source == "footnote" or later.ibid:
                continue  # a work noted again is cited again, not listed twice
            keys = _buckets(later, _list_of(later, lists, parts))
            candidates = sorted({i for key in keys for i in earlier.get(key, ())})
            for key in keys:
                earlier[key].append(j)
            first = next(
                (i for i in candidates if i not in reported and same_work(refs[i], later)), None
            )
            if first is None:
                namesake = next(
                    (i for i in candidates if later.key and refs[i].key == later.key), None
                )
                if namesake is not None:
                    reported.add(j)
                    yield self._key_of_another_work(ctx, later, refs[namesake])
                continue
            reported.add(j)
            same_key = later.key is not None and later.key == refs[first].key
            what = f"the key {later.key!r} is used twice: " if same_key else ""
            yield self.finding(
                ctx,
                later.span,
                f"{what}{describe_reference(later)} repeats the entry at "
                f"{ctx.where(refs[first])}; delete one of them",
                reference=later,
            )

    def _key_of_another_work(self, ctx: RuleContext, later: Reference, first: Reference) -> Finding:
        """Two works under one key: BibTeX keeps the first, and no citation can tell them apart."""
        return self.finding(
            ctx,
            later.span,
            f"the key {later.key!r} is used twice: {describe_reference(later)} has the same key "
            f"as {describe_reference(first)} at {ctx.where(first)}; BibTeX keeps only the first, "
            f"so no citation of {later.key!r} can reach this work; give it a key of its own",
            reference=later,
        )
