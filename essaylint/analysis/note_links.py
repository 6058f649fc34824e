"""Link the works that notes cite to the Bibliography, and turn notes into citations.

A note's work is linked to an entry by its author's family name and its title:

- the author's name key (see :func:`name_key`) is the entry's first author's,
  or the whole name as written for a corporate or natural-order author
  ("Annoyed Librarian", "Wayne Bivens-Tatum");
- titles agree when one, case and punctuation aside, starts the other (a
  short title is the leading words of the full one) or stands inside it
  ("Annoyed Librarian: Libraries as Liberal Institutions"); a chapter cited
  "in *Book*" agrees with the book's entry;
- years are compared only when both sides have one.

One author with one entry is that entry, whatever the note calls the title;
an author with several is told apart by title, then by year. A title that
agrees under another author's name is an author mismatch; a known author and
title under another year is a year mismatch; anything else is missing.
"""

from __future__ import annotations

import bisect
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from essaylint.analysis.matching import changed_coauthor, near_names, reorders_authors
from essaylint.analysis.notes import Note, NoteWork
from essaylint.analysis.text import ARTICLES, fold, name_key, title_key, year_digits
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Citation, Link, LinkStatus, Reference, Span

_WORD = compile_lazily(r"[^\W_]+")
_NEAR_TITLE = 90.0
_MIN_TITLE_CHARS = 4
_SUPERSCRIPT_DIGITS = frozenset("⁰¹²³⁴⁵⁶⁷⁸⁹")


def title_words(title: str | None) -> list[str]:
    """The words of a title, folded, without a leading article."""
    words = _WORD.findall(fold(title or "").replace("'", ""))
    if words and words[0] in ARTICLES:
        words = words[1:]
    return words


def _contains(longer: list[str], shorter: list[str]) -> bool:
    n = len(shorter)
    return any(longer[i : i + n] == shorter for i in range(len(longer) - n + 1))


def titles_agree(a: str | None, b: str | None) -> bool:
    """One title starts or holds the other (a short title), or the two differ by a typo."""
    wa, wb = title_words(a), title_words(b)
    if not wa or not wb:
        return False
    shorter, longer = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    if sum(map(len, shorter)) < _MIN_TITLE_CHARS:
        return False
    if longer[: len(shorter)] == shorter:
        return True
    if len(shorter) >= 2 and _contains(longer, shorter):
        return True
    return fuzz.ratio(" ".join(wa), " ".join(wb)) >= _NEAR_TITLE


def _work_keys(work: NoteWork) -> list[str]:
    keys = [name_key(work.authors[0])] if work.authors else []
    if work.author_text:
        keys.append(name_key(work.author_text))
    return [k for k in dict.fromkeys(keys) if k]


def _entry_keys(ref: Reference) -> list[str]:
    if not ref.authors:
        return []
    first = ref.authors[0]
    keys = [name_key(first.family)]
    if first.given:
        keys.append(name_key(f"{first.given} {first.family}"))
    return [k for k in keys if k]


@dataclass
class NoteIndex:
    """The entries by first author's name key, built once per document."""

    references: Sequence[Reference]
    by_name: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    @classmethod
    def build(cls, references: Sequence[Reference]) -> NoteIndex:
        index = cls(references)
        for i, ref in enumerate(references):
            for key in _entry_keys(ref):
                if i not in index.by_name[key]:
                    index.by_name[key].append(i)
        return index


def _years_differ(work: NoteWork, ref: Reference) -> bool:
    a, b = year_digits(work.year), year_digits(ref.year)
    return bool(a and b and a != b)


def _in_entry(title: str | None, ref: Reference) -> bool:
    """The title's words stand together in the entry (whose title field may be misread)."""
    words = title_words(title)
    if len(words) < 2:
        return False
    return _contains(_WORD.findall(fold(ref.raw).replace("'", "")), words)


def _title_fits(work: NoteWork, ref: Reference) -> bool:
    return any(
        titles_agree(title, ref.title) or _in_entry(title, ref)
        for title in (work.title, work.container)
        if title
    )


def _as_work(citation: Citation) -> NoteWork:
    container = (
        citation.prefix[3:] if citation.prefix and citation.prefix.startswith("in ") else None
    )
    return NoteWork(
        authors=citation.authors, author_text=citation.alias or "", title=citation.title,
        container=container, year=citation.year,
    )  # fmt: skip


def link_note(ci: int, citation: Citation, index: NoteIndex) -> Link:
    """How one work cited in a note relates to the Bibliography."""
    work = _as_work(citation)
    refs = index.references
    candidates: list[int] = []
    for key in _work_keys(work):
        candidates += [i for i in index.by_name.get(key, []) if i not in candidates]
    if candidates:
        return _by_author(ci, work, candidates, refs)
    by_title = [i for i, ref in enumerate(refs) if _title_fits(work, ref)]
    if len(by_title) > 1 and work.title:
        # "“Narrative History.” Wikipedia, 2018." fits "Narrative History - Wikipedia" and
        # "Why Most Narrative History Is Wrong" too: the entry of that very title is it
        same = [i for i in by_title if title_key(refs[i].title) == title_key(work.title)]
        by_title = same if len(same) == 1 else by_title
    if len(by_title) == 1:
        ref = refs[by_title[0]]
        if work.authors and ref.authors:
            return Link(
                citation=ci, status="author-mismatch", reference=by_title[0],
                candidates=(by_title[0],), differing_author=work.authors[0],
                expected_author=ref.authors[0].family,
            )  # fmt: skip
        status: LinkStatus = "year-mismatch" if _years_differ(work, ref) else "matched"
        return Link(citation=ci, status=status, reference=by_title[0], candidates=(by_title[0],))
    renamed = [
        i for i, ref in enumerate(refs)
        if not _years_differ(work, ref)
        and (reorders_authors(work.authors, ref) or _given_name_cited(work, ref))
    ]  # fmt: skip
    if len(renamed) == 1:
        # "Jung, and Shiller, 2006" for "Shiller, R and Jung, J. (2006)"; "van der
        # Cruijsen ... 2020" for "Carin, van der Cruijsen, ... (2020)" (a given name filed
        # as the family name)
        ref = refs[renamed[0]]
        return Link(
            citation=ci, status="author-mismatch", reference=renamed[0],
            candidates=(renamed[0],), differing_author=work.authors[0],
            expected_author=ref.authors[0].family,
        )  # fmt: skip
    near = _near_names(work, refs)
    if near:
        best = near[0]
        return Link(
            citation=ci, status="author-mismatch", reference=best, candidates=tuple(near),
            differing_author=work.authors[0], expected_author=refs[best].authors[0].family,
        )  # fmt: skip
    return Link(citation=ci, status="missing")


def _by_author(ci: int, work: NoteWork, candidates: list[int], refs: Sequence[Reference]) -> Link:
    titled = [i for i in candidates if _title_fits(work, refs[i])]
    pool = titled or candidates
    same_year = [i for i in pool if not _years_differ(work, refs[i])]
    if titled or len(candidates) == 1 or not work.title:
        if same_year:
            best = same_year[0]
            changed = changed_coauthor(work.authors, refs[best]) if titled else None
            if changed is not None:  # "Gilmore and Surge" for "Gilmore ... and Sugrue"
                return Link(
                    citation=ci, status="author-mismatch", reference=best, candidates=(best,),
                    differing_author=changed[0], expected_author=changed[1],
                )  # fmt: skip
            return Link(citation=ci, status="matched", reference=best, candidates=(best,))
        if titled or not work.title:
            return Link(
                citation=ci, status="year-mismatch", reference=pool[0], candidates=tuple(pool)
            )
    # The author is listed, but not with this title (or year): another work.
    return Link(citation=ci, status="missing", candidates=tuple(candidates[:3]))


def _given_name_cited(work: NoteWork, ref: Reference) -> bool:
    """Does the note name the entry's first author by what the entry files as given name?"""
    if not work.authors or not ref.authors or not ref.authors[0].given:
        return False
    return name_key(ref.authors[0].given) == name_key(work.authors[0])


def _near_names(work: NoteWork, refs: Sequence[Reference]) -> list[int]:
    """Entries whose first author is a near miss of the note's and whose title and year
    agree; for a short note with no title ("Yeun and Richardson, 249."), the one entry
    whose first author is a near miss and whose other authors are the note's."""
    if not work.authors:
        return []
    found: list[int] = []
    for i, ref in enumerate(refs):
        if not ref.authors or _years_differ(work, ref):
            continue
        if work.title and not _title_fits(work, ref):
            continue
        if not work.title and not _others_agree(work.authors[1:], ref):
            continue
        if near_names(work.authors[0], ref.authors[0].family):
            found.append(i)
    return found if work.title or len(found) == 1 else []


def _others_agree(others: Sequence[str], ref: Reference) -> bool:
    listed = [name_key(p.family) for p in ref.authors[1:]]
    return [name_key(name) for name in others] == listed[: len(others)]


def _inside_author_date(citation: Citation, bodies: Sequence[Span]) -> bool:
    """Is the citation an author-date one read inside one of the notes' bodies?"""
    return citation.kind == "author-date" and any(b.covers(citation.span) for b in bodies)


def note_citations(
    text: str,
    citations: Sequence[Citation],
    read: Sequence[tuple[Note, tuple[NoteWork, ...]]],
) -> tuple[Citation, ...]:
    """The citations with every note's works in place of the note's marker.

    A Markdown marker ``[^5]`` becomes one citation per work of note 5, at the
    marker; a commentary note's marker is dropped (it cites nothing). Word notes
    and endnotes have no marker in the text: their works are cited at the note.
    A note that already holds a recognised citation ("See Smith (2010)") keeps it.
    """
    by_key = {(note.source == "markdown", note.key): (note, works) for note, works in read}
    # A hand-numbered note that reads as a full source is that source: the parentheses of
    # its facts of publication ("(New York, Columbia University Press, 2019)") cite nothing.
    sourced = [note.body for note, works in read if works and note.source == "endnote"]
    if sourced:
        citations = [c for c in citations if not _inside_author_date(c, sourced)]
    marked: set[tuple[bool, str]] = set()
    out: list[Citation] = []
    for citation in citations:
        if citation.kind == "footnote":
            key = (True, citation.key or "")
        elif citation.kind == "numeric":
            key = (False, str(citation.number))  # "¹", "[1]": the mark of endnote 1
        else:
            out.append(citation)
            continue
        if key not in by_key or not _marks(citation, by_key[key][0]):
            out.append(citation)
            continue
        note, works = by_key[key]
        marked.add(key)
        out += [_citation(work, citation.span, note) for work in works]
    starts = sorted(c.span.start for c in citations)
    for note, works in read:
        if (note.source == "markdown", note.key) in marked:
            continue
        i = bisect.bisect_left(starts, note.body.start)
        if i < len(starts) and starts[i] < note.body.end:
            continue  # the note's own citation was read already
        out += [_citation(work, note.body, note) for work in works]
    out.sort(key=lambda c: (c.span.start, c.span.end))
    return tuple(out)


def _marks(citation: Citation, note: Note) -> bool:
    """Whether the citation is the note's mark. A Word note's mark is its number in
    superscript ("¹"); a bracketed "[1]" beside Word notes cites entry 1 of the list.
    A hand-typed endnote is marked by its number either way."""
    mark = citation.text.strip()
    return note.source != "word" or (bool(mark) and all(c in _SUPERSCRIPT_DIGITS for c in mark))


def _citation(work: NoteWork, span: Span, note: Note) -> Citation:
    return Citation(
        span=span,
        text=work.text[:200] or f"note {note.key}",
        kind="footnote",
        key=note.key,
        authors=work.authors,
        year=work.year,
        locator=work.locator,
        title=work.title,
        alias=work.author_text or None,
        prefix=f"in {work.container}" if work.container else None,
    )
