"""Shortened notes where the notes are the reference list (no Bibliography beside them).

A Chicago essay with no Bibliography gives each work in full the first time
and shortened after: "Barry, *Great Influenza*, 206." after "John M. Barry,
*The Great Influenza* (New York: Viking, 2004), 45." The full notes are the
essay's entries; a shortened note (surname(s), the leading words of the title,
a page; no year or publication facts) is not another, incomplete work but
the work of the earlier full note whose title it starts. Its marker cites that
work as the note writes it, so it is linked by author and title
(:func:`essaylint.analysis.note_links.link_note`) as a note is linked to a
Bibliography: a surname spelt otherwise than in the full note is an author
mismatch, and the short note is no entry of its own.
"""

from __future__ import annotations

from collections.abc import Sequence

from essaylint.analysis.note_links import titles_agree
from essaylint.analysis.notes import Note, NoteWork, read_note


def shortened_notes(
    text: str, notes: Sequence[Note], full: Sequence[Note]
) -> tuple[tuple[Note, NoteWork], ...]:
    """Each note that shortens an earlier note of ``full`` (the notes that are entries),
    with the work it names. Notes are taken in document order."""
    listed = set(full)
    titles: list[str] = []  # the titles of the full notes so far
    out: list[tuple[Note, NoteWork]] = []
    for note in notes:
        works = read_note(text[note.body.start : note.body.end])
        if len(works) == 1 and _shortens(works[0], titles):
            out.append((note, works[0]))
        elif note in listed:
            titles += [work.title for work in works if work.title and work.form == "full"]
    return tuple(out)


def _shortens(work: NoteWork, titles: Sequence[str]) -> bool:
    if work.form != "short" or work.year or not work.authors or not work.title:
        return False
    return any(titles_agree(work.title, title) for title in titles)
