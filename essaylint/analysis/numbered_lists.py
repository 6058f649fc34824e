"""Numbered reference lists whose numbering starts again.

An essay in parts may number each part's notes from 1, and either print each
part's list after it (the citations of a part come before its list) or print
all the lists together at the end, one run after another, while the text's
note numbers start again at each part. A citation's number then points into
its own part's list: :func:`numbered_lists` finds the runs and where each is
cited from; :func:`find_number` looks a citation up.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from essaylint.models import Citation, Reference


@dataclass
class NumberedList:
    """One run of numbered entries: where it starts, its entries by number, and (for runs
    printed together at the end) where the text's citations of it begin."""

    start: int
    by_number: dict[int, int] = field(default_factory=dict)
    cited_from: int | None = None


def numbered_lists(
    citations: Sequence[Citation], references: Sequence[Reference]
) -> list[NumberedList]:
    """The numbered lists of a document whose numbering restarts, or [] for one list.

    A new list begins where the numbering starts again (at the first list's first
    number, usually 1). Lists printed after their parts need a citation between
    two runs; runs printed together need the text's numbering to start again as
    often. A list whose numbers merely repeat or run out of order stays one list.
    """
    numbered = sorted(
        (ref.span.start, i, ref.number)
        for i, ref in enumerate(references)
        if ref.number is not None
    )
    if not numbered:
        return []
    numeric = sorted((c for c in citations if c.kind == "numeric"), key=lambda c: c.span.start)
    cited_at = [c.span.start for c in numeric]
    first_number = numbered[0][2]
    runs: list[NumberedList] = []
    after_parts = True  # every restart has a citation between the runs
    previous_number, previous_end = 0, 0
    for start, i, number in numbered:
        if not runs:
            runs.append(NumberedList(start=start))
        elif number == first_number and number <= previous_number:
            between = bisect.bisect_left(cited_at, previous_end)
            after_parts = after_parts and between < len(cited_at) and cited_at[between] < start
            runs.append(NumberedList(start=start))
        runs[-1].by_number.setdefault(number, i)
        previous_number, previous_end = number, references[i].span.end
    if len(runs) < 2:
        return []
    if after_parts:
        return runs
    tops = [max(run.by_number) for run in runs]
    parts = _cited_parts(numeric, first_number, tops)
    if len(parts) != len(runs):
        # a part that never cites its run's last entry ("1, 2, 3" for a run of four)
        parts = _cited_parts(numeric, first_number, [first_number + 1] * len(tops))
    if len(parts) != len(runs):
        return []
    for run, cited_from in zip(runs, parts, strict=True):
        run.cited_from = cited_from
    return runs


def _cited_parts(
    numeric: Sequence[Citation], first_number: int | None, tops: list[int]
) -> list[int]:
    """Where the text cites each run from: the first citation, then each return to the first
    number once the run before has been cited up to its last number (``tops``).

    A part may cite its first note again ("1, 2, 3, 1"): a return before the part has
    reached its run's last number stays in the part. Tops of one past the first number
    count every return after a higher number as a new part: the reading for a part that
    leaves its run's last entries uncited, tried when the first gives the wrong count.
    """
    if not numeric:
        return []
    parts = [numeric[0].span.start]
    highest = numeric[0].number or 0
    for citation in numeric[1:]:
        number = citation.number or 0
        run = len(parts) - 1
        if number == first_number and run + 1 < len(tops) and highest >= tops[run]:
            parts.append(citation.span.start)
            highest = 0
        highest = max(highest, number)
    return parts


def find_number(
    citation: Citation, by_number: dict[int, int], lists: Sequence[NumberedList]
) -> int | None:
    """The entry a number points at: in the one list, in the first list after the
    citation, or in the run of the part the citation stands in."""
    if citation.number is None:
        return None
    if not lists:
        return by_number.get(citation.number)
    if lists[0].cited_from is not None:
        starts = [run.cited_from or 0 for run in lists]
        part = max(0, bisect.bisect_right(starts, citation.span.start) - 1)
        return lists[part].by_number.get(citation.number)
    after = bisect.bisect_left(lists, citation.span.start, key=lambda numbered: numbered.start)
    return lists[min(after, len(lists) - 1)].by_number.get(citation.number)
