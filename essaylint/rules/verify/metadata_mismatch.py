"""V502 metadata-mismatch."""

from __future__ import annotations

from collections.abc import Iterator

from essaylint.models import Finding
from essaylint.rules.base import Rule, RuleContext, describe_reference
from essaylint.rules.verify._common import (
    describe_diffs,
    verified_entries,
)


class MetadataMismatch(Rule):
    """An entry whose details differ from the record of the same work.

    What it checks
        With ``--verify``, an entry that Crossref identifies (by its DOI, or
        by a search on title, first author and year) is compared with the
        record: year, title, first author, journal, volume, issue and pages.
        With ``--bib refs.bib`` and a typed reference list, each typed entry
        is also compared with the BibTeX entry for the same work (same first
        author, similar title, or same DOI): year and title. The BibTeX check
        needs no network. Each finding names the field and both values.

    Why it matters
        A wrong year or volume sends the reader to the wrong place, and a
        list that disagrees with its own BibTeX file has been edited by hand
        in one place only.

    Example
        "LaCour, M. J., & Green, D. P. (2015). When contact changes minds...
        Science, 346(6215), 1366-1369." (Crossref: issued 2014)

    Fix
        Correct the field from the record shown in the message (or correct
        the BibTeX entry if the typed list is right).
    """

    code = "V502"
    name = "metadata-mismatch"
    default_severity = "warning"
    summary = "with --verify or --bib: year, title, authors, journal, volume or pages differ"
    requires = frozenset({"network"})

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        yield from self._bib(ctx)
        unverified, entries = verified_entries(self, ctx)
        yield from unverified
        for verdict, ref in entries:
            record = verdict.record
            if verdict.status != "mismatch" or record is None:
                continue
            where = f"the Crossref record https://doi.org/{record.doi}"
            yield self.finding(
                ctx,
                ref.span,
                f"{describe_reference(ref)} does not match {where}: "
                f"{describe_diffs(verdict.differences, 'the record')}; correct the entry",
                reference=ref,
                suggestions=[d.record for d in verdict.differences],
            )

    def _bib(self, ctx: RuleContext) -> Iterator[Finding]:
        from essaylint.verify import bib_differences, match_bib_entry

        bib = [r for r in ctx.references if r.source == "bib"]
        typed = [r for r in ctx.references if r.source == "text"]
        if not bib or not typed:
            return
        for ref in typed:
            entry = match_bib_entry(ref, bib)
            if entry is None:
                continue
            diffs = bib_differences(ref, entry)
            if not diffs:
                continue
            name = f"BibTeX entry {entry.key}" if entry.key else "its BibTeX entry"
            yield self.finding(
                ctx,
                ref.span,
                f"{describe_reference(ref)} differs from {name} (source: bib): "
                f"{describe_diffs(diffs, 'the .bib file')}; make the two agree",
                reference=ref,
                suggestions=[d.record for d in diffs],
            )
