"""R204 reference-order."""

from __future__ import annotations

import itertools
from collections.abc import Iterator

from essaylint.analysis.text import fold
from essaylint.models import Finding, Reference
from essaylint.rules.base import Rule, RuleContext, describe_reference


def sort_key(ref: Reference) -> str:
    """Alphabetical key of an entry: first author's family name, else title."""
    head = ref.authors[0].family if ref.authors else (ref.title or ref.raw)
    words = fold(head).split()
    if len(words) > 1 and words[0] in ("the", "a", "an") and not ref.authors:
        words = words[1:]
    return "".join(ch for ch in " ".join(words) if ch.isalnum() or ch == " ")


class ReferenceOrder(Rule):
    """Entries not in the order the style requires.

    What it checks
        In author-date styles (APA, Harvard) the list is alphabetical by the
        first author's family name (or by title when there is no author).
        Numbered lists and footnotes are not checked.

    Why it matters
        Readers find an entry by scanning for the name they saw in the text.

    Example
        "College of Western Idaho (2023)" listed before "Baldwin, A. (2020)".

    Fix
        Sort the entries alphabetically by the first author's family name.
    """

    code = "R204"
    name = "reference-order"
    default_severity = "info"
    summary = "entries not in the order the style requires"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        refs = [r for r in ctx.references if r.source == "text" and r.number is None]
        if len(refs) < 3 or ctx.essay.style == "numeric":
            return
        for previous, ref in itertools.pairwise(refs):
            if sort_key(ref) < sort_key(previous):
                yield self.finding(
                    ctx,
                    ref.span,
                    f"{describe_reference(ref)} comes after {describe_reference(previous)}, "
                    "but the list should be alphabetical by first author; move it up",
                    reference=ref,
                )
                return
