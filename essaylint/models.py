"""The data that flows through essaylint: frozen pydantic models.

Every object that comes from the document carries a :class:`Span` (character
offsets into ``Document.text``) so a finding can always be shown at a line and
column of the original file.
"""

from __future__ import annotations

import bisect
import sys
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"info": 0, "warning": 1, "error": 2}

ReferenceType = Literal[
    "article",
    "book",
    "chapter",
    "web",
    "news",
    "report",
    "thesis",
    "conference",
    "video",
    "unknown",
]

CitationKind = Literal["author-date", "numeric", "footnote", "key"]


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Span(Frozen):
    """Half-open character range ``[start, end)`` into ``Document.text``."""

    start: int
    end: int

    def __len__(self) -> int:
        return max(0, self.end - self.start)

    def contains(self, offset: int) -> bool:
        return self.start <= offset < self.end

    def covers(self, other: Span) -> bool:
        return self.start <= other.start and other.end <= self.end


class SourceLocation(Frozen):
    """A place in a file other than the checked document: an entry's line in a .bib.

    ``path`` is as the user would open it (relative to where essaylint runs when
    the document's path is); ``line`` and ``column`` are 1-based.
    """

    path: str
    line: int
    column: int = 1


class Position(Frozen):
    """1-based line and column (columns count code points)."""

    line: int
    column: int


#: Formats read from a word processor's paragraphs: each text line is one paragraph.
PARAGRAPH_LINE_FORMATS = frozenset({"docx", "odt"})

BlockKind = Literal["paragraph", "heading", "list-item", "table-cell", "code", "footnote"]


class Block(Frozen):
    """One structural unit of a document that a loader read from its structure.

    ``start``/``end`` are offsets into ``Document.text``. Loaders of structured
    formats (.docx, .odt, HTML) put a blank line between blocks, so the text has
    the same paragraph breaks a Markdown author would type, and record here what
    the text alone cannot say: a heading and its level, a word processor's style
    name, a hanging indent (the usual layout of a reference entry), a list item.
    """

    start: int
    end: int
    kind: BlockKind = "paragraph"
    level: int = 0
    style: str | None = None
    hanging_indent: bool = False


class Hyperlink(Frozen):
    """A link in a structured document: its visible text at ``[start, end)`` and where it goes.

    The target of a link is not part of the text ("<a href=...>Title</a>", a
    Word hyperlink on a title), yet it is the entry's URL or DOI.
    """

    start: int
    end: int
    target: str


FieldManager = Literal["zotero", "mendeley", "endnote", "word"]


class CitedWork(Frozen):
    """One work a citation manager's field cites, as the manager stores it.

    ``authors`` are family names (a corporate author is one name), ``key`` the
    manager's own identifier (Word's source tag, Zotero's item id).
    """

    authors: tuple[str, ...] = ()
    year: str | None = None
    title: str | None = None
    doi: str | None = None
    url: str | None = None
    key: str | None = None


class FieldCitation(Frozen):
    """A citation a citation manager inserted: its visible text at ``[start, end)`` and its works.

    Zotero, Mendeley, EndNote and Word's own citation tool keep each work's
    metadata in the field behind the visible citation, so the citation can be
    linked to its entry by DOI or title, whatever the visible text looks like.
    """

    start: int
    end: int
    manager: FieldManager
    works: tuple[CitedWork, ...]


def line_starts(text: str) -> tuple[int, ...]:
    """The offset at which every line of ``text`` starts (the first is 0)."""
    starts = [0]
    find = text.find
    pos = find("\n")
    while pos != -1:
        starts.append(pos + 1)
        pos = find("\n", pos + 1)
    return tuple(starts)


class Document(Frozen):
    """A loaded file: the text essaylint analyses and how to map it back.

    ``text`` is what every later stage reads. For plain text and Markdown it is
    the file itself; for .docx and .odt it is one line per paragraph, with a
    blank line between paragraphs; for HTML the visible text, likewise one block
    per line and a blank line between blocks. ``source_lines`` maps each line of
    ``text`` (0-based index) to the 1-based line of the original file (the
    paragraph number for .docx and .odt) when the two differ. ``blocks`` is the
    structure a structured format's loader read (empty for plain text, Markdown
    and LaTeX, whose structure is read from the text itself). ``field_citations``
    are the citations a citation manager inserted in a .docx, with the metadata
    of the works they cite.
    """

    path: str
    format: str
    text: str
    encoding: str = "utf-8"
    notes: tuple[str, ...] = ()
    source_lines: tuple[int, ...] | None = None
    blocks: tuple[Block, ...] = Field(default=(), repr=False)
    hyperlinks: tuple[Hyperlink, ...] = Field(default=(), repr=False)
    field_citations: tuple[FieldCitation, ...] = Field(default=(), repr=False)
    # (text offset, source line, source column or 0 when unknown), by offset: where a
    # piece of text starts in the source, for a text line whose text comes from
    # several source lines (a wrapped HTML paragraph)
    source_anchors: tuple[tuple[int, int, int], ...] = Field(default=(), repr=False)
    line_starts: tuple[int, ...] = Field(default=(), repr=False)

    @classmethod
    def from_text(
        cls,
        text: str,
        *,
        path: str = "<text>",
        format: str = "text",
        encoding: str = "utf-8",
        notes: tuple[str, ...] = (),
        source_lines: tuple[int, ...] | None = None,
        blocks: tuple[Block, ...] = (),
        hyperlinks: tuple[Hyperlink, ...] = (),
        field_citations: tuple[FieldCitation, ...] = (),
        source_anchors: tuple[tuple[int, int, int], ...] = (),
    ) -> Document:
        starts = line_starts(text)
        return cls(
            path=path,
            format=format,
            text=text,
            encoding=encoding,
            notes=notes,
            source_lines=source_lines,
            blocks=blocks,
            hyperlinks=hyperlinks,
            field_citations=field_citations,
            source_anchors=source_anchors,
            line_starts=starts,
        )

    def position(self, offset: int) -> Position:
        """Line and column of a character offset, in the original file's terms."""
        offset = max(0, min(offset, len(self.text)))
        starts = self.line_starts or (0,)
        index = bisect.bisect_right(starts, offset) - 1
        column = offset - starts[index] + 1
        line = index + 1
        if self.source_lines is not None and index < len(self.source_lines):
            line = self.source_lines[index]
        anchor = bisect.bisect_right(self.source_anchors, (offset, sys.maxsize)) - 1
        if anchor >= 0 and self.source_anchors[anchor][0] >= starts[index]:
            at, line, source_column = self.source_anchors[anchor]
            if source_column:
                column = source_column + offset - at
        return Position(line=line, column=column)

    def line_text(self, line_index: int) -> str:
        """The text of a 0-based line of ``text`` (without its newline)."""
        starts = self.line_starts or (0,)
        if not 0 <= line_index < len(starts):
            return ""
        end = starts[line_index + 1] - 1 if line_index + 1 < len(starts) else len(self.text)
        return self.text[starts[line_index] : end].rstrip("\r")


class Person(Frozen):
    """An author. Corporate authors have only ``family`` ("World Health Organization")."""

    family: str
    given: str | None = None
    raw: str = ""
    corporate: bool = False


class Citation(Frozen):
    """One in-text citation of one work, as written."""

    span: Span
    text: str
    kind: CitationKind = "author-date"
    authors: tuple[str, ...] = ()
    et_al: bool = False
    year: str | None = None
    locator: str | None = None
    narrative: bool = False
    number: int | None = None
    key: str | None = None
    prefix: str | None = None
    # "(Smith, 2010, as cited in Jones, 2015)": Smith is secondary and needs no entry.
    secondary: bool = False
    # An abbreviation being introduced: "(World Health Organization [WHO], 2020)".
    alias: str | None = None
    # A short title that tells one author's works apart: MLA "(Smith, *Short Title* 45)",
    # a Chicago short note "Barry, *Great Influenza*, 206.", a no-author "("Title" 3)".
    title: str | None = None
    # The first author's given name when the prose introduces them in full: MLA "Michael
    # Steig points out ... (153)" is not the Richard Stein of the list, however close.
    given: str | None = None


class Reference(Frozen):
    """One entry of the reference list, parsed into fields."""

    span: Span = Span(start=0, end=0)
    raw: str
    index: int = 0
    number: int | None = None
    key: str | None = None
    authors: tuple[Person, ...] = ()
    et_al: bool = False
    year: str | None = None
    date: str | None = None
    title: str | None = None
    container: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    publisher: str | None = None
    doi: str | None = None
    url: str | None = None
    retrieved_from: bool = False
    type: ReferenceType = "unknown"
    # The body an authorless entry names between its title and its date, where the authors
    # would stand: "Overview. World Bank. (2020).", '"Chapter." Coastal Science Board. 2004.'
    byline: str | None = None
    source: Literal["text", "bib", "footnote"] = "text"
    # Listed under a "Bibliography" beside the reference list: may be cited, need not be.
    consulted: bool = False
    # Where the entry is written when that is another file (the ``@type{key,`` line of a .bib).
    origin: SourceLocation | None = None
    # An "Ibid." note in a numbered list of notes: the work of the entry before it, cited
    # again (never a duplicate of it).
    ibid: bool = False
    # Printed whatever this document cites: an entry of a typed list, a .bib entry named by
    # \nocite or cited by another file of the project. A database entry (.bib, CSL JSON) that
    # nothing names is printed only if this document cites it.
    listed: bool = True


LinkStatus = Literal[
    "matched",  # author(s) and year agree
    "year-mismatch",  # author(s) found under another year
    "author-mismatch",  # year agrees and the name is a near miss
    "ambiguous",  # two or more entries fit equally
    "missing",  # nothing fits
    "secondary",  # "as cited in": no entry needed
]


class Link(Frozen):
    """How one citation relates to the reference list."""

    citation: int
    status: LinkStatus
    reference: int | None = None
    candidates: tuple[int, ...] = ()
    differing_author: str | None = None
    expected_author: str | None = None


class Essay(Frozen):
    """Where the parts of a document are.

    ``body`` is the essay text that may contain citations; ``lists`` are the
    reference lists (one, or several: a list per part, References and a
    Bibliography, blocks of entries under sub-headings), ``references`` the
    stretch from the first list's first entry to the last list's end;
    ``consulted`` the lists of works consulted beside a reference list (their
    entries may be cited and need not be); ``trailing`` is text after the
    essay (comments, page chrome); ``appendix`` is an appendix after the
    last list (tables, figures), searched for citations as the body is.
    ``excluded`` are spans inside the body that are not essay prose
    (further-reading lists, annotated bibliographies, a reference list that
    is followed by more of the essay).
    """

    body: Span
    references: Span | None = None
    lists: tuple[Span, ...] = ()
    consulted: tuple[Span, ...] = ()
    heading: str | None = None
    trailing: Span | None = None
    appendix: Span | None = None
    excluded: tuple[Span, ...] = ()
    style: Literal["apa", "harvard", "numeric", "mla", "chicago", "unknown"] = "unknown"


class Edit(Frozen):
    """A replacement of ``span`` in ``Document.text`` by ``replacement``."""

    span: Span
    replacement: str


class CitationRef(Frozen):
    text: str
    authors: tuple[str, ...] = ()
    year: str | None = None
    number: int | None = None
    key: str | None = None
    #: The work's title when the citation names it (a title-only MLA citation, a note).
    title: str | None = None


class ReferenceRef(Frozen):
    line: int
    #: The file the entry is in when that is not the checked document (a .bib).
    path: str | None = None
    authors: tuple[str, ...] = ()
    year: str | None = None
    index: int = 0
    number: int | None = None
    title: str | None = None


class Finding(Frozen):
    code: str
    rule: str
    severity: Severity
    message: str
    span: Span
    citation: CitationRef | None = None
    reference: ReferenceRef | None = None
    word: str | None = None
    suggestions: tuple[str, ...] = ()
    fix: Edit | None = None
    #: Set when the finding is in another file than the checked document (an entry of
    #: the .bib): reporters show this place; ``span`` stays where the document names
    #: that file (its ``\bibliography`` command), for suppressions and excerpts.
    origin: SourceLocation | None = None


class FileResult(Frozen):
    """Everything essaylint found in one file (or why it could not read it)."""

    path: str
    document: Document | None = None
    essay: Essay | None = None
    citations: tuple[Citation, ...] = ()
    references: tuple[Reference, ...] = ()
    links: tuple[Link, ...] = ()
    findings: tuple[Finding, ...] = ()
    error: str | None = None
    notes: tuple[str, ...] = ()

    @property
    def style(self) -> str:
        return self.essay.style if self.essay else "unknown"
