"""Chicago notes: where the notes of a document are and which works each one cites.

A document that cites through notes keeps them in one of these places:

- Markdown footnotes: ``[^5]`` in the text, ``[^5]: Barry, *Great Influenza*, 206.``
  further down;
- Word footnotes and endnotes, which the .docx loader turns into ``footnote``
  blocks ("² Ibid.") right after the paragraph that marks them;
- hand-numbered endnotes under a "Notes" or "Endnotes" heading
  ("1. Barry, Great Influenza, 206.");
- LaTeX ``\\footnote{...}``: the note stands where its mark is printed.

A note is read into the works it cites (:class:`NoteWork`):

- a full note: author, title, publication facts, page —
  "John M. Barry, *The Great Influenza* (New York: Viking, 2004), 206." or in
  the bibliography's own shape "Barry, John M. *The Great Influenza*. Viking, 2004.";
- a short note: author, short title, page — "Barry, *Great Influenza*, 206.";
- "Ibid." / "Ibid., 45.": the works of the note before;
- signals ("See", "See also", "Cf.") are dropped, also after a sentence of
  comment ("For a recent example, see Bowen, ...");
- several works in one note, separated by ";";
- a commentary note cites nothing.

Whether the notes are citations or the reference list itself is decided by
:func:`notes_cite`: they are citations when a separate Bibliography / Works
Cited / References list stands beside them. Linking a note's work to an entry
is :mod:`essaylint.analysis.note_links`.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Literal

from essaylint.analysis.layout import Line, normalise_heading, split_lines
from essaylint.analysis.names import natural_family, parse_authors
from essaylint.analysis.patterns import (
    EMPHASIS,
    FIRM_LEGAL_FORM,
    FOOTNOTE_DEFINITION,
    IBID,
    WEB_ADDRESS_START,
    YEAR_DIGITS,
    footnote_references,
    link_texts,
)
from essaylint.analysis.sections import footnote_definition_spans, looks_like_entry
from essaylint.lazy_pattern import compile_lazily
from essaylint.models import Block, Citation, Span

NoteSource = Literal["markdown", "word", "endnote", "latex"]

_SUPERSCRIPT_DIGITS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")
_WORD_LABEL = compile_lazily(r"\s*([⁰¹²³⁴⁵⁶⁷⁸⁹]+|\d{1,3})\s*")
_MD_DEF = compile_lazily(FOOTNOTE_DEFINITION.pattern + r"\s*")
_ENDNOTE = compile_lazily(r"^\s*(\d{1,3})[.)]?\s+(\S.*)$")
_NOTE_HEADINGS = frozenset({"notes", "endnotes", "end notes", "footnotes", "foot notes"})
_MD_HEADING = compile_lazily(r"^\s{0,3}#{1,6}\s*")

_SIGNAL = compile_lazily(
    r"^\s*(?:(?:see|cf\.?|compare|also|e\.g\.,?|for\s+example,?|quoted\s+in|cited\s+in"
    # German "Vgl." (compare) and "siehe", French "voir", Spanish and Italian "véase", "cfr."
    r"|vgl\.?|siehe|voir|v[ée]ase|cfr\.?)\s+)+",
    re.IGNORECASE,
)
# A signal after a sentence of comment: "For a recent example, do ... . See Bowen, ..."
_INNER_SIGNAL = compile_lazily(
    r"(?:[.!?:;]\s+|\(\s*)(?:see(?:\s+also)?|cf\.)\s+(?=\S)", re.IGNORECASE
)
# A title as notes mark it: "double" or 'single' quotes, *italics*, _italics_.
# German opens low and closes high: „Open Source“.
_QUOTED = compile_lazily(
    r"[“\"](?P<q>[^”\"]{2,300})[”\"]|‘(?P<s>[^’]{2,300})’|„(?P<g>[^“”\"]{2,300})[“”]"
)
_YEAR = compile_lazily(r"(?<![\d/.\-–])(" + YEAR_DIGITS + r")(?![\d/\-–]|\.\d)")
_ACCESSED = compile_lazily(
    r"\b(?:accessed|retrieved|viewed|consulted|last\s+modified)\b[^.;]*", re.IGNORECASE
)
_URL = compile_lazily(WEB_ADDRESS_START + r"\S*", re.IGNORECASE)
_LOCATOR = compile_lazily(
    r"[,.]?\s*(?P<loc>(?:(?:pp?|pages?|para|ch|chap|sec|vol)\.?\s*)?\d+[a-z]?"
    r"(?:\s*[-–—]\s*\d+)?(?:\s*,\s*\d+(?:\s*[-–—]\s*\d+)?)*(?:\s*n\.?\s*\d+)?)\s*\.?\s*$",
    re.IGNORECASE,
)
# Words that start a sentence of comment, never a person's name.
_NOT_GIVEN = frozenset(
    """a an and as at but by for from here however i if in it its my no not note of on one
    our so some such that the their there these this those though to we when where which
    while with yet""".split()
)
_MAX_AUTHOR_WORDS = 12
_INNER_COLON = compile_lazily(r"\w:\s")
# A name written given names first, then a full stop and the title: "David S Katz. The ..."
_GIVEN_FIRST = compile_lazily(r"^\s*((?:[A-Z][\w'’\-]*\.?\s+){1,3}[A-Z][\w'’\-]+)\.\s+[A-Z'‘\"“]")
_BIBLIOGRAPHY_FORM = compile_lazily(r"^\s*[A-Z][\w'’\-]*\.?(?:\s+[A-Z][\w'’\-]*\.?){0,3}\.\s+\S")


@dataclass(frozen=True)
class Note:
    """One note: its key ("24", the number a reader sees) and the text after its marker."""

    key: str
    span: Span  # the whole note, marker or label included
    body: Span  # the note's own text
    source: NoteSource


@dataclass(frozen=True)
class NoteWork:
    """One work a note cites, as the note writes it."""

    authors: tuple[str, ...] = ()  # family names, first author first
    author_text: str = ""  # the author as written ("Annoyed Librarian", "Wayne Bivens-Tatum")
    title: str | None = None  # full or short title
    container: str | None = None  # "in Radical Cataloging": the book a chapter is in
    year: str | None = None
    locator: str | None = None
    form: Literal["full", "short", "ibid"] = "full"
    text: str = ""  # the part of the note that names this work


# --- where the notes are ------------------------------------------------------------


def markdown_notes(text: str) -> list[Note]:
    """Markdown footnote definitions ``[^key]: ...`` that a mark ``[^key]`` points to.

    A definition nothing points to is never printed (a template's leftover
    note), so it cites nothing.
    """
    marked = {m.group(1) for m in footnote_references(text)}
    notes: list[Note] = []
    for key, span in footnote_definition_spans(text):
        if key not in marked:
            continue
        line = text[span.start : span.end]
        m = _MD_DEF.match(line)
        start = span.start + (m.end() if m else 0)
        notes.append(Note(key, span, Span(start=start, end=span.end), "markdown"))
    return notes


def word_notes(text: str, blocks: Sequence[Block]) -> list[Note]:
    """Word footnotes and endnotes: ``footnote`` blocks whose text starts with the note's number."""
    notes: list[Note] = []
    for block in blocks:
        if block.kind != "footnote":
            continue
        m = _WORD_LABEL.match(text, block.start, block.end)
        if m is None:
            continue
        key = m.group(1).translate(_SUPERSCRIPT_DIGITS)
        notes.append(
            Note(key, Span(start=block.start, end=block.end),
                 Span(start=m.end(), end=block.end), "word")
        )  # fmt: skip
    return notes


def _is_notes_heading(line: str) -> bool:
    stripped = line.strip()
    if not stripped or len(stripped) > 40:
        return False
    return normalise_heading(_MD_HEADING.sub("", stripped)) in _NOTE_HEADINGS


def endnotes(text: str, taken: Sequence[Span] = ()) -> list[Note]:
    """Hand-numbered endnotes ("1. Barry, Great Influenza, 206.") under a "Notes" heading.

    The notes run from the heading over numbered lines (blank lines and wrapped
    lines between them) and end at the first other paragraph or heading. Lines
    inside ``taken`` (notes already found) are skipped.
    """
    notes: list[Note] = []
    lines = split_lines(text)
    for i, line in enumerate(lines):
        if _is_notes_heading(line.text):
            notes += _numbered_notes(lines, i + 1, len(text))
    return [note for note in notes if not any(s.covers(note.span) for s in taken)]


# A note typed at the foot of its page with its number raised: "<sup>4</sup> James P. Walsh,
# “Title,” ..." (a Word or PDF essay turned into Markdown or HTML); its mark in the text is
# the same raised number.
_TYPED_NOTE = compile_lazily(r"^\s*<sup>\s*(\d{1,3})\s*</sup>\s*(\S.*)$")
# The mark: the raised number, or the bracketed number the Markdown loader writes for it.
_RAISED_MARK = compile_lazily(r"(?<=\S)[ \t]{0,16}(?:<sup>\s*(\d{1,3})\s*</sup>|\[(\d{1,3})\])")
_MIN_TYPED_NOTES = 3


def typed_notes(text: str, taken: Sequence[Span] = ()) -> list[Note]:
    """Notes typed where a page ended, each line opening with its raised number, whose
    marks the text carries (at least :data:`_MIN_TYPED_NOTES` of them); a note's wrapped
    lines go on to a blank line or the next note."""
    marks = {m.group(1) or m.group(2) for m in _RAISED_MARK.finditer(text)}
    notes: list[Note] = []
    lines = split_lines(text)
    i = 0
    while i < len(lines):
        m = _TYPED_NOTE.match(lines[i].text)
        if m is None or m.group(1) not in marks:
            i += 1
            continue
        start, end = lines[i].start, lines[i].end
        i += 1
        while i < len(lines) and lines[i].text.strip() and not _TYPED_NOTE.match(lines[i].text):
            if _ATTRIBUTE_LINE.match(lines[i].text):
                break
            end = lines[i].end
            i += 1
        notes.append(_endnote(m.group(1), start, start + m.start(2), end))
    if len(notes) < _MIN_TYPED_NOTES:
        return []
    return [note for note in notes if not any(s.covers(note.span) for s in taken)]


# A kramdown attribute list on a line of its own: "{: .fs-2}".
_ATTRIBUTE_LINE = compile_lazily(r"^\s*\{:[^}]*\}\s*$")


def _numbered_notes(lines: Sequence[Line], i: int, limit: int) -> list[Note]:
    """The numbered notes from line ``i`` on, up to a heading, another paragraph or ``limit``."""
    notes: list[Note] = []
    n = len(lines)
    current: tuple[str, int, int, int] | None = None  # key, start, body start, end
    while i < n and lines[i].start < limit:
        line = lines[i]
        if not line.text.strip():
            i += 1
            continue
        m = _ENDNOTE.match(line.text)
        if m is None and current is not None and not _is_notes_heading(line.text):
            if _MD_HEADING.match(line.text) or line.text.strip().startswith("\\"):
                break
            current = (current[0], current[1], current[2], line.end)  # wrapped
            i += 1
            continue
        if m is None:
            if current is None and i + 1 < n and not _MD_HEADING.match(line.text):
                i += 1  # a line between the heading and the first note ("(Title)")
                continue
            break
        if current is not None:
            notes.append(_endnote(*current))
        current = (m.group(1), line.start, line.start + m.start(2), line.end)
        i += 1
    if current is not None:
        notes.append(_endnote(*current))
    return notes


def listed_notes(text: str, lists: Sequence[Span]) -> list[Note]:
    """A numbered list that is notes, whatever its heading ("References", "Sources"):
    another list (the Bibliography) stands beside it, its items are numbered 1, 2, 3...,
    and some of them are what only notes are: "Ibid." or a shortened note ("Katz, p. 19.").
    """
    if len(lists) < 2:
        return []
    lines = split_lines(text)
    starts = [line.start for line in lines]
    found: list[Note] = []
    for span in lists:
        first = bisect.bisect_right(starts, span.start) - 1
        notes = _numbered_notes(lines, first, span.end)
        keys = [note.key for note in notes]
        if len(notes) < _MIN_LISTED_NOTES or keys != [str(k) for k in range(1, len(keys) + 1)]:
            continue
        signs = sum(1 for note in notes if _only_in_notes(text[note.body.start : note.body.end]))
        if signs >= _MIN_NOTE_SIGNS:
            found += notes
    return found


_MIN_LISTED_NOTES = 3
_MIN_NOTE_SIGNS = 2
# A short note that is a team's first author alone: "Briottet et al."
_TEAM_ALONE = compile_lazily(r"([A-Z][\w'’\-]+)\s+et\.?\s+al\.?")
# "Katz. p. 19.", "Clark, pp. 21-22.": a name and a page, nothing else.
_SHORT_NOTE = compile_lazily(
    r"(?P<name>[A-Z][\w'’\-]*(?:\s+[A-Z][\w'’\-]*){0,2})[.,]\s+(?:(?i:pp?|pgs?)|paras?|ch|chap)\.\s*"
    r"[\dxivlc]+[a-z]?(?:\s*[-–]\s*[\dxivlc]+)?\.?"
)


# An author-date note: "Lazonick 2016", "Zingales. 2015", "Malkiel, 2003, p.22",
# "van der Cruijsen, de Haan, and Roerink. 2020"; never a title ("Gruber, “Vaccines,” 1564.").
_AUTHOR_DATE_NOTE = compile_lazily(
    r"(?P<names>[^\W\d][^()\d“”\"*_]{0,120}?)[.,]?\s+(?P<year>" + YEAR_DIGITS + r")[a-z]?"
    r"(?:\s*[,:]\s*(?P<loc>(?:(?i:pp?|pgs?)\.?\s*)?[\dxivlc][\w\s\-–.]{0,20}))?\.?"
)


def _only_in_notes(body: str) -> bool:
    body = " ".join(body.split())
    return IBID.match(body) is not None or _SHORT_NOTE.fullmatch(body) is not None


def _endnote(key: str, start: int, body: int, end: int) -> Note:
    return Note(key, Span(start=start, end=end), Span(start=body, end=end), "endnote")


_LATEX_FOOTNOTE = compile_lazily(r"\\footnote(?:\[[^\]]*\])?\{")
_MAX_NOTE_CHARS = 5000


def latex_notes(text: str) -> list[Note]:
    """LaTeX ``\\footnote{...}`` (braces balanced), numbered in order of appearance."""
    notes: list[Note] = []
    for m in _LATEX_FOOTNOTE.finditer(text):
        depth = 1
        i = m.end()
        limit = min(len(text), m.end() + _MAX_NOTE_CHARS)
        while i < limit and depth:
            ch = text[i]
            if ch == "\\":
                i += 2
                continue
            depth += 1 if ch == "{" else -1 if ch == "}" else 0
            i += 1
        if depth:
            continue  # unbalanced: not a note we can read
        key = str(len(notes) + 1)
        notes.append(
            Note(key, Span(start=m.start(), end=i), Span(start=m.end(), end=i - 1), "latex")
        )
    return notes


def find_notes(
    text: str, blocks: Sequence[Block] = (), *, latex: bool = False, lists: Sequence[Span] = ()
) -> list[Note]:
    """Every note of the document, in document order; ``lists`` are the essay's lists,
    one of which may be numbered notes beside a Bibliography (:func:`listed_notes`)."""
    found = markdown_notes(text) + word_notes(text, blocks)
    if latex:
        found += latex_notes(text)
    found += endnotes(text, [note.span for note in found])
    found += typed_notes(text, [note.span for note in found])
    found += listed_notes(text, lists) if not found else []
    return sorted(found, key=lambda note: note.span.start)


def entry_notes(text: str, notes: Sequence[Note], has_list: bool) -> list[Note]:
    """Word notes that are the essay's reference list: an essay with no list whose
    footnotes hold its entries ("² Job Bank Canada (n.d.). Territories Sector Profile.
    Retrieved from https://...") while the prose cites by author and date.

    Only when most of the Word notes read as entries, so notes of commentary stay prose.
    """
    if has_list:
        return []
    word = [note for note in notes if note.source == "word"]
    shaped = [n for n in word if looks_like_entry(text[n.body.start : n.body.end])]
    return shaped if len(shaped) >= _MIN_ENTRY_NOTES and len(shaped) * 2 > len(word) else []


_MIN_ENTRY_NOTES = 2


def entry_note_marks(text: str, notes: Sequence[Note]) -> list[Citation]:
    """A citation of each entry note's work where the note stands (a Word note's mark is
    not in the text); a work noted twice is cited under its first note."""
    same = first_of_same(text, notes)
    return [
        Citation(span=note.body, text=f"note {note.key}", kind="footnote", key=same[note.key])
        for note in notes
    ]


def first_of_same(text: str, notes: Sequence[Note]) -> dict[str, str]:
    """For each note, the key of the first note with the same text (a work noted twice)."""
    first: dict[str, str] = {}
    out: dict[str, str] = {}
    for note in notes:
        words = " ".join(text[note.body.start : note.body.end].split()).casefold()
        out[note.key] = first.setdefault(words, note.key)
    return out


# --- what a note cites -------------------------------------------------------------


def _split_works(text: str) -> list[str]:
    """A note's parts at the semicolons that separate works (not inside quotes or brackets)."""
    parts: list[str] = []
    depth = 0
    quoted = False
    start = 0
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(0, depth - 1)
        elif ch in '“”"':
            quoted = ch == "“" or (ch == '"' and not quoted)
        elif ch == ";" and depth == 0 and not quoted:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return [piece.strip() for p in parts for piece in _NEXT_FULL_NOTE.split(p) if piece.strip()]


# A second work cited in full after the first's page or address, with no semicolon:
# "Fitzpatrick, *Planned Obsolence*, 3. Kurt Squire, “From Content to Context,” ... (2006)",
# "...?gn=GI-230768-15. National Endowment for the Humanities, *Revitalizing Mission US*".
_NEXT_FULL_NOTE = compile_lazily(
    r"(?<=\d)\.\s+(?=[A-Z][\w'’\-]*(?:\s+(?:[A-Z][\w'’\-.]*|of|for|the|and|de|van|von)){1,6}"
    r",\s+[*_“\"‘])"
)


def strip_markup(text: str) -> str:
    text = link_texts(text)  # "[Aristotle. Posterior Analytics.](http://...)"
    return re.sub(r"\\(?:emph|textit|textbf)\{([^{}]*)\}", r"\1", text)


# What follows a short note's title when it is only the page: ",” 1564.".
_PAGE_ONLY = compile_lazily(r"[\s,.”\"’'*_]*\d{1,4}(?:\s*[-–]\s*\d{1,4})?\.?\s*")


def _year_of(text: str) -> str | None:
    """The publication year: the first year outside URLs and "Accessed ..." dates."""
    cleaned = _ACCESSED.sub(" ", _URL.sub(" ", text))
    m = _YEAR.search(cleaned)
    return m.group(1) if m else None


def locator_of(text: str) -> str | None:
    cleaned = _URL.sub(" ", text).rstrip()
    m = _LOCATOR.search(cleaned)
    if m is None or _YEAR.fullmatch(m.group("loc").strip()):
        return None
    return m.group("loc").strip()


def _title_mark(text: str) -> tuple[int, int, str] | None:
    """(start, end, title) of the first quoted or italic title."""
    found: list[tuple[int, int, str]] = []
    q = _QUOTED.search(text)
    if q:
        found.append((q.start(), q.end(), q.group("q") or q.group("s") or q.group("g") or ""))
    e = EMPHASIS.search(text)
    if e:
        found.append((e.start(), e.end(), e.group(2)))
    latex = re.search(r"\\(?:emph|textit)\{([^{}]+)\}", text)
    if latex:
        found.append((latex.start(), latex.end(), latex.group(1)))
    if not found:
        return None
    start, end, title = min(found)
    return start, end, title.strip().rstrip(".,").strip()


def _name_words_ok(author: str) -> bool:
    """Does the text before a title read as an author ("Barry", "Neil Gaiman", "vitoria")?
    Never a heading or a title's first half ("International Trends: The Witch")."""
    if _INNER_COLON.search(author.strip(" ,.:;")):
        return False
    words = [w.strip(".,:;()*_") for w in author.split()]
    words = [w for w in words if w]
    if not words or len(words) > _MAX_AUTHOR_WORDS:
        return False
    if len(words) == 1:  # "Barry", never "The" of a comment ('The "razor" of ...')
        return words[0].casefold() not in _NOT_GIVEN and bool(
            re.fullmatch(r"[^\W\d_][\w'’\-]*", words[0])
        )
    if words[0].casefold() in _NOT_GIVEN:
        return False
    allowed = {"and", "&", "et", "al", "ed", "eds", "trans", "by", "with"}
    # an organisation's small words inside its name: "National Endowment for the Humanities"
    small = {"of", "for", "the", "on", "in"}
    if words[0].casefold() in small:
        return False
    allowed |= small
    for word in words:
        folded = word.casefold()
        if folded in allowed or re.fullmatch(YEAR_DIGITS + r"[a-z]?", word):
            continue
        if not (word[0].isupper() or folded in {"van", "von", "de", "der", "da", "du", "la", "le"}):
            return False
    return True


def _group_name(name: str) -> str | None:
    """The whole name of an organisation or a work named where an author goes ("World
    Health Organization", "Oxford English Dictionary"), or None for a person's."""
    people, _ = parse_authors(name)
    return people[0].family if len(people) == 1 and people[0].corporate else None


def _authors_of(author: str) -> tuple[tuple[str, ...], str]:
    """Family names (first author first) and the first author as written."""
    cleaned = re.sub(r"\b" + YEAR_DIGITS + r"[a-z]?\b\.?", " ", author)
    cleaned = re.sub(r",?\s*\b(?:eds?|trans|comp)\.?\s*$", "", cleaned.strip(" ,.:;"))
    cleaned = re.sub(r"\s+", " ", cleaned).strip(" ,.:;")
    cleaned = re.sub(r",?\s+et\.?\s+al\.?$", "", cleaned)  # "Xavier Briottet et al."
    if not cleaned:
        return (), ""
    if " and " in cleaned and "," not in cleaned:
        whole = _group_name(cleaned)  # "Centers for Disease Control and Prevention"
        if whole is not None:
            return (whole,), cleaned
    first = re.split(r"\s+(?:and|&)\s+|;", cleaned, maxsplit=1)[0].strip(" ,")
    if FIRM_LEGAL_FORM.search(first):
        return (first,), first  # "Signify Netherlands B.V.": a firm, named whole
    if "," not in first and " " in first:
        # Given names first: "Neil Gaiman", "Tilman Klumpp and Paul H. Rubin".
        family = natural_family(first) or _group_name(first) or first.split()[-1]
        others = [
            natural_family(p.strip()) or p.strip().split()[-1]
            for p in re.split(r"\s+(?:and|&)\s+|,\s*", cleaned)[1:]
            if p.strip() and not re.fullmatch(r"et\.? al\.?", p.strip())
        ]
        return (family, *others), first
    people, _ = parse_authors(cleaned)
    names = tuple(p.family for p in people if p.family)
    if not names:
        return (cleaned.split(",")[0].strip(),), first
    return names, first


def _work_with_title(part: str, mark: tuple[int, int, str]) -> NoteWork | None:
    start, end, title = mark
    author = part[:start].strip(" ,.:;")
    rest = part[end:]
    if author and not _name_words_ok(author):
        return None
    authors, author_text = _authors_of(author) if author else ((), "")
    container = None
    inside = re.match(r"^[\s,.”\"]*in\s+(?:\*|_|“|\")?([A-Z][^,.(*_”\"]{3,120})", rest)
    if inside:
        container = inside.group(1).strip()
    # "Gruber and Marshall, “Regulation of Vaccines,” 1564.": a page after the title, no year
    year = None if _PAGE_ONLY.fullmatch(rest) else _year_of(author + " " + rest)
    short = year is None and not re.search(r"[(:]", rest) and len(rest.split()) <= 4
    return NoteWork(
        authors=authors, author_text=author_text, title=title or None, container=container,
        year=year, locator=locator_of(rest), form="short" if short else "full", text=part,
    )  # fmt: skip


def _plain_work(part: str) -> NoteWork | None:
    """A note without quote marks or italics (a Word or plain-text note)."""
    segments = [s.strip() for s in part.split(",")]
    first = segments[0].strip(" .")
    given_first = _GIVEN_FIRST.match(part)
    if given_first is not None and _name_words_ok(given_first.group(1)):
        # "Norman Davies. Europe: A History. Pimlico (1997), p. 435."
        authors, author_text = _authors_of(given_first.group(1))
        after = part[given_first.end(1) + 1 :].strip()
        title = re.split(r"\.\s|\s\(|,\s", after, maxsplit=1)[0].strip(" .'‘’\"“”")
        return NoteWork(
            authors=authors, author_text=author_text, title=title or None,
            year=_year_of(part.replace(title, " ", 1) if title else part),
            locator=locator_of(part), text=part,
        )  # fmt: skip
    head, stop, title = first.partition(". ")
    if (
        stop
        and len(head.split()) == 1
        and len(head) > 1
        and _name_words_ok(head)
        and title[:1].isupper()
    ):
        # "Aristotle. Posterior Analytics, Book I.": one name (not an initial), then the title
        return NoteWork(authors=(head,), author_text=head, title=title.strip(" ."),
                        year=_year_of(part), locator=locator_of(part), text=part)  # fmt: skip
    if not first or not _name_words_ok(first) or len(first.split()) > 5:
        return None
    rest = part[len(segments[0]) + 1 :] if len(segments) > 1 else ""
    year = _year_of(part)
    if len(first.split()) == 1 and (
        _BIBLIOGRAPHY_FORM.match(rest) or re.match(r"^\s*(?:[A-Z]\.\s*)+", rest) or year
    ):
        # "Said, Edward W. Orientalism. ...", "Barunik, Jozef, and Thomas Krehlik. 2016. ..."
        work = _bibliography_form(part, year)
        if work is not None:
            return work
    if len(segments) < 2:
        team = _TEAM_ALONE.fullmatch(part.strip())
        if team is None:
            return None
        # "Briottet et al.": the team's only work, noted in full before
        return NoteWork(authors=(team.group(1),), author_text=team.group(1), form="short",
                        text=part)  # fmt: skip
    authors, author_text = _authors_of(first)
    # An opening quote whose closing one was lost: 'Smith, “The Title of It, 4-8.'
    second = segments[1].strip(" .").lstrip('“"‘')
    if not second:
        return None
    locator = locator_of(part)
    if re.fullmatch(r"(?:(?:pp?|para)\.?\s*)?\d[\d\s\-–—,]*", second):
        # "Barry, 206.": the author's only work
        return NoteWork(authors=authors, author_text=author_text, locator=locator,
                        form="short", text=part)  # fmt: skip
    if not second[:1].isupper() and not second[:1].isdigit():
        return None
    online = _URL.search(part) is not None
    if online and len(second.split()) == 1 and len(segments) > 2 and segments[2][:1].isupper():
        # "Slawson, Larry, Imperialism, Revolution, ..., Retrieved 29 September 2018, from
        # https://...": the given name, then the page's title
        second = segments[2].strip(" .")
    title = re.split(r"\s*\(|\.\s", second, maxsplit=1)[0].strip(" .")
    if title:
        year = _year_of(part.replace(title, " ", 1))  # "... of the 1918 Influenza" is no date
    if len(title.split()) > 25 or (year is None and locator is None and not online):
        return None
    return NoteWork(
        authors=authors, author_text=author_text, title=title or None, year=year,
        locator=locator, form="full" if year or online else "short", text=part,
    )  # fmt: skip


def _bibliography_form(part: str, year: str | None) -> NoteWork | None:
    """ "Said, Edward W. Orientalism. London: Penguin, 2003.": the entry's own shape."""
    from essaylint.analysis.references import parse_reference

    ref = parse_reference(part)
    if not ref.authors:
        return None
    if ref.title and year:  # "Early Modern Europe from about 1450 to about 1720" is no date
        year = _year_of(part.replace(ref.title, " ", 1)) or year
    # A family name that runs on into the title ("Bruce, Susan. Introduction to ...")
    families = tuple(
        p.family.split(",")[0].strip() if len(p.family.split()) > 3 else p.family
        for p in ref.authors
    )
    return NoteWork(
        authors=families,
        author_text=families[0],
        title=ref.title,
        year=year,
        locator=locator_of(part),
        text=part,
    )


def _read_part(part: str) -> NoteWork | None:
    part = _SIGNAL.sub("", re.sub(r"^\s*(?:and|&)\s+", "", part), count=1).strip()
    if not part:
        return None
    short = _SHORT_NOTE.fullmatch(" ".join(part.split()))
    if short is not None:  # "Katz. p. 19.": the author's work noted before
        authors, author_text = _authors_of(short.group("name"))
        return NoteWork(authors=authors, author_text=author_text,
                        locator=locator_of(part), form="short", text=part)  # fmt: skip
    dated = _AUTHOR_DATE_NOTE.fullmatch(" ".join(part.split()))
    if dated is not None and _name_words_ok(dated.group("names")):
        authors, author_text = _authors_of(dated.group("names"))
        return NoteWork(authors=authors, author_text=author_text, year=dated.group("year"),
                        locator=dated.group("loc"), form="short", text=part)  # fmt: skip
    mark = _title_mark(part)
    if mark is not None:
        work = _work_with_title(part, mark)
        if work is not None:
            return work
    return _plain_work(part)


# A note that opens with the passage it quotes: "“When the Grand Army crossed ...”
# Kohn, Pg. 33", "‘The Ruritanian peasants ... at the time. Gellner 2006, Pg. 59".
_QUOTE_OPENS = compile_lazily(r"\s*[“\"‘']")
_QUOTE_CLOSES = compile_lazily(r"[”\"’'][.,]?\s+(?=[A-Z])")
_PASSAGE_END = compile_lazily(r"[.!?…][”\"’']?\s+(?=[A-Z])")
_MIN_PASSAGE_WORDS = 5


def _quoted_then_cited(part: str) -> NoteWork | None:
    """The citation after a quoted passage a note opens with; None when the note does not
    read so. Where the passage's closing mark is left out, the short citation after its
    last sentence."""
    if not _QUOTE_OPENS.match(part):
        return None
    closing = _QUOTE_CLOSES.search(part, 1)
    if closing is not None and len(part[: closing.start()].split()) >= _MIN_PASSAGE_WORDS:
        work = _read_part(part[closing.end() :])
        return work if work is not None and work.authors else None
    ends = list(_PASSAGE_END.finditer(part))
    if not ends or len(part[: ends[-1].start()].split()) < _MIN_PASSAGE_WORDS:
        return None
    work = _read_part(part[ends[-1].end() :])
    return work if work is not None and work.authors and work.form == "short" else None


def read_note(text: str) -> tuple[NoteWork, ...]:
    """The works a note cites; () for a commentary note. "Ibid." gives one ``ibid`` work."""
    text = strip_markup(text).strip()
    if not text:
        return ()
    works: list[NoteWork] = []
    for part in _split_works(text):
        ibid = IBID.match(part)
        if ibid:
            works.append(NoteWork(form="ibid", locator=locator_of(ibid.group("rest")), text=part))
            continue
        work = _quoted_then_cited(part) or _read_part(part)
        if work is None:
            # A sentence of comment, then a signal: "..., do a search. See Bowen, ..."
            for m in _INNER_SIGNAL.finditer(part):
                work = _read_part(part[m.end() :])
                if work is not None:
                    break
        if work is not None:
            works.append(work)
    return tuple(works)


def read_notes(text: str, notes: Sequence[Note]) -> list[tuple[Note, tuple[NoteWork, ...]]]:
    """Each note with its works, "Ibid." replaced by the works of the note before it."""
    out: list[tuple[Note, tuple[NoteWork, ...]]] = []
    previous: tuple[NoteWork, ...] = ()
    for note in notes:
        works: list[NoteWork] = []
        for work in read_note(text[note.body.start : note.body.end]):
            if work.form != "ibid" or work.authors or work.title:
                works.append(work)
            else:  # the work just before, in this note or (first in it) the note before
                works += [_again(w, work) for w in (works[-1:] or previous)]
        out.append((note, tuple(works)))
        previous = tuple(works)
    return out


def _again(work: NoteWork, ibid: NoteWork) -> NoteWork:
    """``work`` cited again by the "Ibid." note part ``ibid``, at its page."""
    return NoteWork(
        authors=work.authors, author_text=work.author_text, title=work.title,
        container=work.container, year=work.year, locator=ibid.locator or work.locator,
        form="ibid", text=ibid.text,
    )  # fmt: skip


def notes_cite(lists: Sequence[Span], notes: Sequence[Note]) -> list[Span]:
    """The lists that are a Bibliography beside the notes; [] when the notes are the list.

    A list that holds a note (Markdown definitions under "Footnotes", numbered
    endnotes found as a list) is the notes themselves, not a bibliography.
    """
    if not notes:
        return []
    starts = sorted(note.span.start for note in notes)

    separate: list[Span] = []
    for span in lists:
        i = bisect.bisect_left(starts, span.start)
        if i < len(starts) and starts[i] < span.end:
            continue
        separate.append(span)
    return separate
