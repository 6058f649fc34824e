"""Applying text edits (the safe fixes rules attach to findings). Pure."""

from __future__ import annotations

from collections.abc import Iterable

from essaylint.models import Edit


def apply_edits(text: str, edits: Iterable[Edit]) -> tuple[str, list[Edit]]:
    """``text`` with ``edits`` applied, and the edits that were applied (in text order).

    Edits are applied from the end of the text backwards, so earlier offsets
    stay valid. An edit that overlaps one already taken is skipped (it can be
    applied in a later pass, against the new text); two edits that only touch
    (``[a, b)`` and ``[b, c)``) do not overlap. Duplicate edits count once, and
    edits outside the text or that change nothing are ignored.
    """
    ordered = sorted(set(edits), key=lambda e: (e.span.start, e.span.end), reverse=True)
    pieces: list[str] = []
    applied: list[Edit] = []
    end = len(text)  # text[end:] is already in pieces
    for edit in ordered:
        start, stop = edit.span.start, edit.span.end
        if start < 0 or stop > len(text) or start > stop:
            continue
        if stop > end:  # overlaps an edit already taken
            continue
        if text[start:stop] == edit.replacement:
            continue
        pieces.append(text[stop:end])
        pieces.append(edit.replacement)
        end = start
        applied.append(edit)
    pieces.append(text[:end])
    applied.reverse()
    return "".join(reversed(pieces)), applied
