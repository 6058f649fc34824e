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
from dataclasses import replace

from essaylint.analysis.matching import near_names
from essaylint.analysis.note_links import titles_agree
from essaylint.analysis.notes import Note, NoteWork, read_note
from essaylint.analysis.text import name_key


def shortened_notes(
    text: str, notes: Sequence[Note], full: Sequence[Note]
) -> tuple[tuple[Note, NoteWork], ...]:
    """Each note that shortens an earlier note of ``full`` (the notes that are entries),
    with the work it names. Notes are taken in document order."""
    listed = set(full)
    earlier: list[NoteWork] = []  # the works of the full notes so far
    out: list[tuple[Note, NoteWork]] = []
    for note in notes:
        works = read_note(text[note.body.start : note.body.end])
        shortened = _shortened(works[0], earlier) if len(works) == 1 else None
        if shortened is not None:  # dated as the full note dates the work
            out.append((note, replace(works[0], year=shortened.year)))
        elif note in listed:
            earlier += [work for work in works if work.form == "full"]
    return tuple(out)


def _shortened(work: NoteWork, earlier: Sequence[NoteWork]) -> NoteWork | None:
    """The full note's work that ``work``, a short note, shortens: by the leading words
    of its title, or, with no title, by its authors' names as the full note wrote them
    (or one of them misspelt: "Yeun and Richardson, 249." after "Peter Yuen and Mark
    Richardson")."""
    if work.form != "short" or work.year or not work.authors:
        return None
    for full in earlier:
        if work.title and full.title and titles_agree(work.title, full.title):
            return full
        if not work.title and _same_people(work.authors, full.authors):
            return full
    return None


def _same_people(short: Sequence[str], full: Sequence[str]) -> bool:
    if not full or len(short) > len(full):
        return False
    pairs = list(zip(short, full, strict=False))
    agree = sum(name_key(a) == name_key(b) for a, b in pairs)
    near = sum(near_names(a, b) for a, b in pairs)
    return agree == len(pairs) or (agree + near == len(pairs) and agree >= len(pairs) - 1)
