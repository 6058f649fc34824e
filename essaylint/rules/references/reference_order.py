"""R204 reference-order."""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Iterator, Sequence

from essaylint.analysis.text import ARTICLES, fold
from essaylint.models import Edit, Finding, Reference, Span
from essaylint.rules.base import Rule, RuleContext, describe_reference


def sort_key(ref: Reference) -> str:
    """Alphabetical key of an entry: first author's family name, else title; a title's
    leading article is left out ("The Sea" files under S)."""
    return _sort_keys(ref)[-1]


def _sort_keys(ref: Reference) -> tuple[str, ...]:
    """The keys an entry may be filed under: an organisation named with an article
    ("The People of the United Methodist Church") files under the article or under the
    word after it; lists do both."""
    head = ref.authors[0].family if ref.authors else (ref.title or ref.raw)
    words = fold(head).split()
    keys = [words]
    if len(words) > 1 and words[0] in ARTICLES:
        keys = [words[1:]] if not ref.authors else [words, words[1:]]
    return tuple("".join(ch for ch in " ".join(w) if ch.isalnum() or ch == " ") for w in keys)


def _before(ref: Reference, previous: Reference) -> bool:
    """Must ``ref`` come before ``previous``, however either is filed?"""
    return max(_sort_keys(ref)) < min(_sort_keys(previous))


class ReferenceOrder(Rule):
    """Entries not in the order the style requires.

    What it checks
        In author-date styles (APA, Harvard) the list is alphabetical by the
        first author's family name (or by title when there is no author).
        A title's leading "The", "A" or "An" is left out; an organisation
        named with "The" may be filed under the article or the word after it.
        An essay in parts with a list for each part has each list sorted on
        its own. Numbered lists and footnotes are not checked.

    Why it matters
        Readers find an entry by scanning for the name they saw in the text.

    Example
        "College of Western Idaho (2023)" listed before "Baldwin, A. (2020)".

    Fix
        Sort the entries alphabetically by the first author's family name.
        When the list is nothing but its entries (no sub-headings or notes
        between them), the finding carries a safe fix that rewrites the list
        in order, each entry kept exactly as written and the line breaks
        between entries where they were (``essaylint check --fix``).
    """

    code = "R204"
    name = "reference-order"
    default_severity = "info"
    summary = "entries not in the order the style requires"

    def check(self, ctx: RuleContext) -> Iterator[Finding]:
        if ctx.essay.style == "numeric":
            return
        refs = [r for r in ctx.references if r.source == "text" and r.number is None]
        for entries in _by_list(refs, ctx.essay.lists):
            if len(entries) < 3:
                continue
            for previous, ref in itertools.pairwise(entries):
                if _before(ref, previous):
                    yield self.finding(
                        ctx,
                        ref.span,
                        f"{describe_reference(ref)} comes after {describe_reference(previous)}, "
                        "but the list should be alphabetical by first author; move it up",
                        reference=ref,
                        fix=sorted_list_edit(ctx, entries),
                    )
                    break


def _by_list(refs: list[Reference], lists: Sequence[Span]) -> list[list[Reference]]:
    """The entries of each reference list, in order: each part's list is sorted on its own.

    Entries are in document order; a list the essay does not mark (none found) is one run.
    """
    ends = sorted(span.end for span in lists)
    runs: dict[int, list[Reference]] = {}
    for ref in refs:
        runs.setdefault(bisect.bisect_left(ends, ref.span.end), []).append(ref)
    return list(runs.values())


def sorted_list_edit(ctx: RuleContext, refs: list[Reference]) -> Edit | None:
    """An edit that puts the whole list in order, or None when that is not safe.

    Safe means: the entries follow each other with only whitespace between
    them and every entry of the list span is one of ``refs``.
    """
    text = ctx.document.text
    spans = [r.span for r in refs]
    if any(b.start < a.end for a, b in itertools.pairwise(spans)):
        return None
    gaps = [text[a.end : b.start] for a, b in itertools.pairwise(spans)]
    if any(gap.strip() for gap in gaps):
        return None
    whole = Span(start=spans[0].start, end=spans[-1].end)
    listed = {id(r) for r in refs}
    if any(id(r) not in listed and whole.contains(r.span.start) for r in ctx.references):
        return None
    ordered = sorted(refs, key=sort_key)  # stable: equal keys keep their order
    pieces = [text[ordered[0].span.start : ordered[0].span.end]]
    for gap, ref in zip(gaps, ordered[1:], strict=True):
        pieces += [gap, text[ref.span.start : ref.span.end]]
    return Edit(span=whole, replacement="".join(pieces))
